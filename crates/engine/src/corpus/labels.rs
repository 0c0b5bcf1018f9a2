//! The table that turns a transcript's speaker label (`KETUA MAJELIS`,
//! `KUASA HUKUM PEMOHON`, `HAKIM ANGGOTA`) into a canonical role.
//!
//! The built-in table covers Komisi Informasi and Constitutional Court usage.
//! A corpus may extend or override it with a `labels.tsv` file of
//! `LABEL<TAB>role` lines; see `corpus/README.md`.

use crate::model::Role;
use std::collections::HashMap;

/// Labels every transcript may use, with their roles.
const BUILT_IN: &[(&str, Role)] = &[
    ("KETUA MAJELIS", Role::Majelis),
    ("KETUA MAJELIS KOMISIONER", Role::Majelis),
    ("ANGGOTA MAJELIS", Role::Majelis),
    ("ANGGOTA MAJELIS KOMISIONER", Role::Majelis),
    ("MAJELIS", Role::Majelis),
    ("MAJELIS KOMISIONER", Role::Majelis),
    ("KOMISIONER", Role::Majelis),
    ("KETUA", Role::Majelis),
    ("HAKIM", Role::Majelis),
    ("HAKIM KETUA", Role::Majelis),
    ("HAKIM ANGGOTA", Role::Majelis),
    ("PEMOHON", Role::Pemohon),
    ("PRINSIPAL PEMOHON", Role::Pemohon),
    ("KUASA PEMOHON", Role::Pemohon),
    ("KUASA HUKUM PEMOHON", Role::Pemohon),
    ("TERMOHON", Role::Termohon),
    ("KUASA TERMOHON", Role::Termohon),
    ("KUASA HUKUM TERMOHON", Role::Termohon),
    ("PPID", Role::Termohon),
    ("PPID TERMOHON", Role::Termohon),
    ("PERWAKILAN TERMOHON", Role::Termohon),
    ("PANITERA", Role::Panitera),
    ("PANITERA PENGGANTI", Role::Panitera),
    ("SAKSI", Role::Saksi),
    ("SAKSI PEMOHON", Role::Saksi),
    ("SAKSI TERMOHON", Role::Saksi),
    ("AHLI", Role::Ahli),
    ("AHLI PEMOHON", Role::Ahli),
    ("AHLI TERMOHON", Role::Ahli),
    ("PIHAK TERKAIT", Role::PihakTerkait),
    ("KUASA PIHAK TERKAIT", Role::PihakTerkait),
    ("PEMERINTAH", Role::PihakTerkait),
    ("DPR", Role::PihakTerkait),
];

/// Keywords that decide the role of a label the table does not list, most
/// specific first (`KUASA TERMOHON` must not match `PEMOHON`... it cannot, but
/// `TERMOHON` is checked before `PEMOHON` for clarity).
const KEYWORDS: &[(&str, Role)] = &[
    ("PIHAK TERKAIT", Role::PihakTerkait),
    ("PANITERA", Role::Panitera),
    ("TERMOHON", Role::Termohon),
    ("PEMOHON", Role::Pemohon),
    ("SAKSI", Role::Saksi),
    ("AHLI", Role::Ahli),
    ("MAJELIS", Role::Majelis),
    ("KOMISIONER", Role::Majelis),
    ("HAKIM", Role::Majelis),
    ("KETUA", Role::Majelis),
];

/// A label-to-role table: the built-in labels plus the corpus's own.
#[derive(Clone, Debug)]
pub struct LabelTable {
    exact: HashMap<String, Role>,
}

impl Default for LabelTable {
    fn default() -> Self {
        LabelTable {
            exact: BUILT_IN
                .iter()
                .map(|(label, role)| ((*label).to_string(), *role))
                .collect(),
        }
    }
}

impl LabelTable {
    /// Adds (or overrides) the labels of a `labels.tsv` text. Returns the
    /// problems as `(line, reason)` pairs; good lines are kept.
    pub fn extend_from_tsv(&mut self, text: &str) -> Vec<(u32, String)> {
        let mut problems = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = super::diagnostics::line_no(i);
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((label, role)) = line.split_once('\t') else {
                problems.push((line_no, "expected `LABEL<TAB>role`".to_string()));
                continue;
            };
            match Role::from_name(role) {
                Ok(role) => {
                    self.exact.insert(normalize(label), role);
                }
                Err(e) => problems.push((line_no, e.to_string())),
            }
        }
        problems
    }

    /// Whether `label` is exactly a label of the table (case and spacing ignored).
    pub fn is_known(&self, label: &str) -> bool {
        self.exact.contains_key(&normalize(label))
    }

    /// The role of `label`: an exact entry first, then the keywords it contains.
    pub fn role_of(&self, label: &str) -> Option<Role> {
        let label = normalize(label);
        if let Some(role) = self.exact.get(&label) {
            return Some(*role);
        }
        KEYWORDS
            .iter()
            .find(|(keyword, _)| contains_words(&label, keyword))
            .map(|(_, role)| *role)
    }
}

/// Uppercases and collapses whitespace, so `Kuasa  Pemohon` equals `KUASA PEMOHON`.
pub fn normalize(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Whether the words of `needle` occur as whole words in `haystack`.
fn contains_words(haystack: &str, needle: &str) -> bool {
    let words: Vec<&str> = haystack.split(' ').collect();
    let wanted: Vec<&str> = needle.split(' ').collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_labels_resolve_in_any_case() {
        let table = LabelTable::default();
        assert_eq!(table.role_of("Ketua Majelis"), Some(Role::Majelis));
        assert_eq!(table.role_of("kuasa  termohon"), Some(Role::Termohon));
        assert_eq!(table.role_of("PANITERA PENGGANTI"), Some(Role::Panitera));
        assert_eq!(table.role_of("HAKIM ANGGOTA"), Some(Role::Majelis));
    }

    #[test]
    fn unknown_labels_fall_back_to_keywords() {
        let table = LabelTable::default();
        assert_eq!(table.role_of("WAKIL KETUA MAJELIS"), Some(Role::Majelis));
        assert_eq!(
            table.role_of("KUASA HUKUM PARA TERMOHON"),
            Some(Role::Termohon)
        );
        assert_eq!(table.role_of("NOTULIS"), None);
    }

    #[test]
    fn a_tsv_extends_and_reports_bad_lines() {
        let mut table = LabelTable::default();
        let problems = table.extend_from_tsv("# comment\nNOTULIS\tpanitera\nBAD LINE\nX\thakim\n");
        assert_eq!(table.role_of("Notulis"), Some(Role::Panitera));
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].0, 3);
        assert_eq!(problems[1].0, 4);
    }
}
