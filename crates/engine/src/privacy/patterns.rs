//! The patterns of personal data (`data/patterns.tsv`) and the rule that
//! keeps a public body's contact unmasked.

use super::PiiKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One value found: its kind and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: PiiKind,
    /// Where it stands in the text.
    pub range: Range<usize>,
}

struct Patterns {
    rules: Vec<(PiiKind, Regex)>,
    public_words: Vec<String>,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| parse(include_str!("data/patterns.tsv")));

fn parse(tsv: &str) -> Patterns {
    let mut rules = Vec::new();
    let mut public_words = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((kind, pattern)) = line.split_once('\t') else {
            continue;
        };
        if kind == "public" {
            public_words.push(pattern.trim().to_lowercase());
            continue;
        }
        // The file is part of the program; its test checks every line parses.
        let (Ok(kind), Ok(regex)) = (kind.parse::<PiiKind>(), Regex::new(pattern)) else {
            continue;
        };
        rules.push((kind, regex));
    }
    Patterns {
        rules,
        public_words,
    }
}

/// Every value of personal data in `text`, in order, none overlapping (an
/// earlier pattern of the file wins), public bodies' contacts left out.
pub fn find(text: &str) -> Vec<Finding> {
    // Most passages hold no digit and no `@`: nothing to look for.
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return Vec::new();
    }
    let patterns = &*PATTERNS;
    let mut found: Vec<Finding> = Vec::new();
    for (kind, regex) in &patterns.rules {
        for caps in regex.captures_iter(text) {
            let Some(m) = caps.name("v").or_else(|| caps.get(0)) else {
                continue;
            };
            let mut range = m.range();
            // An earlier finding inside this one cuts it short; one that
            // holds its start leaves nothing of it.
            if found
                .iter()
                .any(|f| f.range.start <= range.start && range.start < f.range.end)
            {
                continue;
            }
            if let Some(cut) = found
                .iter()
                .map(|f| f.range.start)
                .filter(|&s| s > range.start && s < range.end)
                .min()
            {
                range.end = range.start
                    + text[range.start..cut]
                        .trim_end_matches([' ', ',', ':'])
                        .len();
            }
            if range.is_empty() {
                continue;
            }
            if is_public_contact(*kind, text, range.clone(), &patterns.public_words) {
                continue;
            }
            found.push(Finding { kind: *kind, range });
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// Whether a phone number, e-mail address or address at `range` is a public
/// body's contact: an e-mail address of a `.go.id` domain or of a PPID,
/// information or public-relations desk, or a value with a public body's
/// word (`Kantor`, `Dinas`, `PPID`, `hotline`, `Termohon`, …) in the 60
/// characters before it. Identity numbers, accounts and births are always
/// masked.
pub fn is_public_contact(
    kind: PiiKind,
    text: &str,
    range: Range<usize>,
    public_words: &[String],
) -> bool {
    if !matches!(kind, PiiKind::Telepon | PiiKind::Email | PiiKind::Alamat) {
        return false;
    }
    let value = text[range.clone()].to_lowercase();
    if kind == PiiKind::Email {
        let (local, domain) = value.split_once('@').unwrap_or(("", ""));
        if domain.ends_with(".go.id")
            || ["ppid", "info", "humas", "pengaduan"]
                .iter()
                .any(|w| local.starts_with(w))
        {
            return true;
        }
    }
    let mut from = range.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..range.start].to_lowercase();
    public_words.iter().any(|w| before.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_patterns_file_parses() {
        let tsv = include_str!("data/patterns.tsv");
        let lines = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        let p = parse(tsv);
        assert_eq!(p.rules.len() + p.public_words.len(), lines);
    }
}
