//! What an editor redacts by hand: a corpus's `redactions.tsv` (one
//! `text<TAB>replacement` per line) and a document's `redact:` key
//! (`Budi Fiktif => B.F.; Jalan Mawar 12`), applied to every text of a
//! document, any case.

use super::PiiKind;
use regex::{Regex, RegexBuilder};
use std::borrow::Cow;

/// The corpus file of redactions.
pub const REDACTIONS_FILE: &str = "redactions.tsv";

/// A list of texts to replace, each with its replacement.
#[derive(Clone, Debug, Default)]
pub struct Redactions {
    rules: Vec<(Regex, String)>,
}

impl Redactions {
    /// Parses `redactions.tsv`: `text`, optionally a tab and the
    /// replacement (default `[disamarkan]`); `#` comments. Problems by line.
    pub fn from_tsv(text: &str) -> (Redactions, Vec<(u32, String)>) {
        let mut out = Redactions::default();
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (from, to) = match line.split_once('\t') {
                Some((from, to)) => (from.trim(), to.trim()),
                None => (line.trim(), ""),
            };
            if from.chars().count() < 3 {
                problems.push((
                    n as u32 + 1,
                    format!("`{from}` is too short to redact (3 characters at least)"),
                ));
                continue;
            }
            out.push(from, to);
        }
        (out, problems)
    }

    /// Parses a document's `redact:` values (`A => B; C`).
    pub fn from_front_matter(values: &[String]) -> Redactions {
        let mut out = Redactions::default();
        for item in values.iter().flat_map(|v| v.split(';')) {
            let (from, to) = match item.split_once("=>") {
                Some((from, to)) => (from.trim(), to.trim()),
                None => (item.trim(), ""),
            };
            if from.chars().count() >= 3 {
                out.push(from, to);
            }
        }
        out
    }

    fn push(&mut self, from: &str, to: &str) {
        // Whole words only, where the text starts or ends with a letter or digit.
        let edge = |c: Option<char>| {
            if c.is_some_and(char::is_alphanumeric) {
                r"\b"
            } else {
                ""
            }
        };
        let pattern = format!(
            "{}{}{}",
            edge(from.chars().next()),
            regex::escape(from),
            edge(from.chars().last())
        );
        if let Ok(regex) = RegexBuilder::new(&pattern).case_insensitive(true).build() {
            let to = if to.is_empty() {
                PiiKind::Redaksi.placeholder()
            } else {
                to
            };
            self.rules.push((regex, to.to_string()));
        }
    }

    /// These redactions and `other`'s.
    pub fn with(&self, other: &Redactions) -> Redactions {
        Redactions {
            rules: self.rules.iter().chain(&other.rules).cloned().collect(),
        }
    }

    /// `text` with every listed text replaced; each replaced value is
    /// added to `masked`.
    pub fn apply<'a>(&self, text: &'a str, masked: &mut Vec<(PiiKind, String)>) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        for (regex, to) in &self.rules {
            if let Cow::Owned(replaced) = regex.replace_all(&out, |caps: &regex::Captures| {
                masked.push((PiiKind::Redaksi, caps[0].to_string()));
                to.clone()
            }) {
                out = Cow::Owned(replaced);
            }
        }
        out
    }
}
