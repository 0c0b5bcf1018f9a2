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
    private_words: Vec<String>,
}

/// The patterns file as built into the program (part of the corpus rules'
/// hash: a change to it re-reads every file).
pub const SOURCE: &str = include_str!("data/patterns.tsv");

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| parse(SOURCE));

fn parse(tsv: &str) -> Patterns {
    let mut patterns = Patterns {
        rules: Vec::new(),
        public_words: Vec::new(),
        private_words: Vec::new(),
    };
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((kind, pattern)) = line.split_once('\t') else {
            continue;
        };
        let pattern = pattern.trim_end_matches(['\r', '\n']);
        match kind {
            "public" => patterns.public_words.push(pattern.trim().to_lowercase()),
            "private" => patterns.private_words.push(pattern.trim().to_lowercase()),
            // The file is part of the program; its test checks every line parses.
            _ => {
                if let (Ok(kind), Ok(regex)) = (kind.parse::<PiiKind>(), Regex::new(pattern)) {
                    patterns.rules.push((kind, regex));
                }
            }
        }
    }
    patterns
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
            let range = m.range();
            if range.is_empty()
                || inside_a_number(text, range.clone())
                || is_code(*kind, text, range.start)
            {
                continue;
            }
            if is_public_contact(*kind, text, range.clone(), patterns) {
                continue;
            }
            // Earlier findings win: this one masks what they leave of it.
            for piece in outside(&found, range) {
                let trimmed = text[piece.clone()].trim_matches([' ', ',', ':']);
                if trimmed.is_empty() {
                    continue;
                }
                let start = piece.start + text[piece.clone()].find(trimmed).unwrap_or(0);
                found.push(Finding {
                    kind: *kind,
                    range: start..start + trimmed.len(),
                });
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// The parts of `range` that no finding of `found` covers.
fn outside(found: &[Finding], range: Range<usize>) -> Vec<Range<usize>> {
    let mut covered: Vec<&Range<usize>> = found
        .iter()
        .map(|f| &f.range)
        .filter(|r| r.start < range.end && range.start < r.end)
        .collect();
    covered.sort_by_key(|r| r.start);
    let mut pieces = Vec::new();
    let mut at = range.start;
    for r in covered {
        if r.start > at {
            pieces.push(at..r.start);
        }
        at = at.max(r.end);
    }
    if at < range.end {
        pieces.push(at..range.end);
    }
    pieces
}

/// Whether `range` is part of a larger number (`Rp 12.050.000.000`,
/// `3.075.500.000,00`): a digit and a separator right before it, or a
/// separator and a digit right after it, or `Rp` just before.
fn inside_a_number(text: &str, range: Range<usize>) -> bool {
    let before = &text.as_bytes()[..range.start];
    let after = &text.as_bytes()[range.end..];
    let separator = |b: u8| b == b'.' || b == b',';
    let digit_then_mark = matches!(before, [.., d, m] if d.is_ascii_digit() && separator(*m));
    let mark_then_digit = matches!(after, [m, d, ..] if separator(*m) && d.is_ascii_digit());
    let rupiah = text[..range.start]
        .trim_end()
        .to_lowercase()
        .ends_with("rp");
    digit_then_mark || mark_then_digit || rupiah
}

/// Whether an account number is a budget code (`kode rekening 5.1.02…`).
fn is_code(kind: PiiKind, text: &str, start: usize) -> bool {
    kind == PiiKind::Rekening && {
        let mut from = start.saturating_sub(24);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        text[from..start].to_lowercase().contains("kode")
    }
}

/// Whether a phone number, e-mail address or address at `range` is a public
/// body's contact: an e-mail address of a `.go.id` domain or of a PPID,
/// information or public-relations desk (not at a free-mail provider), or a
/// value after a public body's word (`Kantor`, `Dinas`, `PPID`, `hotline`)
/// standing whole in the same clause, with no word of a private person
/// (`saya`, `Pemohon`) between them. Identity numbers, accounts and births
/// are always masked.
fn is_public_contact(kind: PiiKind, text: &str, range: Range<usize>, patterns: &Patterns) -> bool {
    if !matches!(kind, PiiKind::Telepon | PiiKind::Email | PiiKind::Alamat) {
        return false;
    }
    if kind == PiiKind::Email {
        let value = text[range.clone()].to_lowercase();
        let (local, domain) = value.split_once('@').unwrap_or(("", ""));
        let free = [
            "gmail.", "yahoo.", "ymail.", "hotmail.", "outlook.", "live.", "icloud.", "mail.com",
        ]
        .iter()
        .any(|d| domain.starts_with(d) || domain.ends_with(d));
        if domain.ends_with(".go.id")
            || (!free && ["ppid", "info", "humas", "pengaduan"].contains(&local))
        {
            return true;
        }
    }
    let mut from = range.start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text[from..range.start].to_lowercase();
    // The clause the value stands in.
    let clause = window.rsplit(['.', ';', '\n']).next().unwrap_or("");
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let after_private = words
        .iter()
        .rposition(|w| patterns.private_words.iter().any(|p| p == w))
        .map_or(0, |i| i + 1);
    let words = &words[after_private..];
    patterns.public_words.iter().any(|p| {
        let parts: Vec<&str> = p.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_patterns_file_parses_also_with_crlf() {
        let lines = SOURCE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        for text in [SOURCE.to_string(), SOURCE.replace('\n', "\r\n")] {
            let p = parse(&text);
            assert_eq!(
                p.rules.len() + p.public_words.len() + p.private_words.len(),
                lines
            );
            assert!(p
                .public_words
                .iter()
                .chain(&p.private_words)
                .all(|w| !w.ends_with('\r')));
        }
    }

    #[test]
    fn amounts_codes_and_public_desks_are_not_personal_data() {
        for text in [
            "Rp 12.050.000.000 dan Rp3.075.500.000,00",
            "kode rekening 5.1.02.01.01.0024",
            "Hubungi PPID Dinas Contoh di 0812-3456-7890.",
            "info@contoh-lsm.or.id",
        ] {
            assert_eq!(find(text), Vec::new(), "{text}");
        }
        for text in [
            "Pemohon menghubungi Dinas Contoh lewat nomor saya 0812-3456-7890.",
            "info@gmail.com",
        ] {
            assert_eq!(find(text).len(), 1, "{text}");
        }
    }
}
