//! Metadata for files that carry none of their own in our header form
//! (PDF, saved web pages, captions): the sidecar `NAME.ext.meta` holds the
//! front-matter keys (between `---` lines or bare), and overrides whatever
//! was read from the file itself.

use super::diagnostics::{Diagnostics, Problem};
use super::frontmatter::{self, FrontMatter, Key};
use super::labels::LabelTable;
use crate::model::{DocType, DocumentMeta, Provenance};
use std::path::Path;

/// The metadata of a file from its sidecar, if it has one, with the
/// problems found in the sidecar (named by the sidecar's path).
#[derive(Debug, Default)]
pub struct Sidecar {
    /// The parsed keys, when the sidecar exists.
    pub header: Option<FrontMatter>,
    /// Problems in the sidecar.
    pub problems: Vec<Problem>,
}

impl Sidecar {
    /// Reads the sidecar of `path`; a missing sidecar is no problem.
    pub fn read(path: &Path, labels: &LabelTable) -> Sidecar {
        let side = super::sidecar_of(path);
        let Ok(bytes) = std::fs::read(&side) else {
            return Sidecar::default();
        };
        let mut diag = Diagnostics::new(&side);
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let mut lines: Vec<&str> = text.lines().collect();
        let fenced = lines
            .iter()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.trim())
            == Some("---");
        // Bare keys are read as a header; the added first line shifts the
        // line numbers back below.
        if !fenced {
            lines.insert(0, "---");
            lines.push("---");
        }
        let header = frontmatter::parse(&lines, labels, &mut diag);
        let mut problems = diag.into_problems();
        if !fenced {
            for p in &mut problems {
                p.line = p.line.saturating_sub(1);
            }
        }
        Sidecar { header, problems }
    }

    /// Whether the sidecar gives `key`.
    pub fn gives(&self, key: Key) -> bool {
        self.header
            .as_ref()
            .is_some_and(|h| h.present.contains(&key))
    }

    /// `found` (what the file itself says) with every key the sidecar gives
    /// put over it, and the roster of the sidecar.
    pub fn overlay(&self, found: DocumentMeta) -> (DocumentMeta, Vec<crate::model::Speaker>) {
        let Some(header) = &self.header else {
            return (found, Vec::new());
        };
        let side = &header.meta;
        let mut meta = found;
        for key in &header.present {
            match key {
                Key::Id => meta.id.clone_from(&side.id),
                Key::Type => meta.doc_type = side.doc_type,
                Key::Title => meta.title.clone_from(&side.title),
                Key::Commission => meta.commission.clone_from(&side.commission),
                Key::Case => meta.case.clone_from(&side.case),
                Key::Parties => meta.parties.clone_from(&side.parties),
                Key::Date => meta.date = side.date,
                Key::Agenda => meta.agenda.clone_from(&side.agenda),
                Key::Source | Key::Url => meta.source_url.clone_from(&side.source_url),
                Key::Publisher => meta.publisher.clone_from(&side.publisher),
                Key::Provenance => meta.provenance = side.provenance,
                Key::Note => meta.note.clone_from(&side.note),
                Key::Redact => meta.redact.clone_from(&side.redact),
                Key::Roster => {}
            }
        }
        (meta, header.roster.clone())
    }
}

/// The metadata a file's name gives: an id and a title from its stem, a
/// date when the name holds one (`…-2025-02-03…`), and the type's provenance.
pub fn from_file_name(path: &Path, doc_type: DocType, provenance: Provenance) -> DocumentMeta {
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    DocumentMeta {
        id: slug(&stem),
        doc_type,
        title: stem.replace('_', " ").trim().to_string(),
        date: date_in(&stem),
        provenance,
        ..DocumentMeta::default()
    }
}

/// A document id made of `text`: lowercase letters, digits, `.` and `_`; other runs
/// of characters as one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches(['-', '.']).to_string();
    let mut id: String = out.chars().take(200).collect();
    if id.is_empty() {
        id = "dokumen".to_string();
    }
    id
}

/// A `YYYY-MM-DD` date in a text (a file name, a timestamp), when there is a real one.
pub(super) fn date_in(stem: &str) -> Option<crate::model::DocDate> {
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = stem.get(i..i + 10)?;
        let shape = candidate.bytes().enumerate().all(|(j, b)| match j {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        shape
            .then(|| crate::model::DocDate::parse_document(candidate).ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_an_id_a_title_and_a_date() {
        let meta = from_file_name(
            Path::new("arsip/Sidang KI Contoh 2025-02-03.vtt"),
            DocType::Transcript,
            Provenance::Caption,
        );
        assert_eq!(meta.id, "sidang-ki-contoh-2025-02-03");
        assert_eq!(meta.title, "Sidang KI Contoh 2025-02-03");
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            Some("2025-02-03")
        );
        assert_eq!(slug("---"), "dokumen");
        assert_eq!(slug("Putusan_No.12"), "putusan_no.12");
    }
}
