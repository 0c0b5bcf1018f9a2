//! One paragraph as the attributor reads it: tokens, which of them lie
//! inside quotation marks, sentences, and the phrase readers every pattern
//! is built from (a name, a title, the body after a title).

use super::lexicon::{self, Title, MAX_TITLE_WORDS};
use super::quotes::QuoteSpan;
use super::text::{self, Kind, Token};
use super::words;
use std::ops::Range;

/// A paragraph, tokenised.
pub struct Para<'a> {
    /// The text as published.
    pub text: &'a str,
    /// The tokens.
    pub tokens: Vec<Token>,
    /// Whether each token lies inside a quote (the marks included).
    pub quoted: Vec<bool>,
    /// The sentences, as token ranges.
    pub sentences: Vec<Range<usize>>,
}

/// A body as the text names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyRef {
    /// The word the body's name opens with (`Dinas`, `Pemkab`, `PPID`).
    pub head: Option<String>,
    /// Its distinctive words, lowercase.
    pub words: Vec<String>,
    /// The distinctive words after its last office word (`Bidang Anggaran
    /// Dinas Rekaan` → `rekaan`): the office it belongs to.
    pub office_words: Vec<String>,
    /// Whether the body is a public office (`Dinas …`, `PPID …`, `Pemkab …`).
    pub public: bool,
    /// Whether the body is a citizens' body (`LSM …`, `Forum …`).
    pub civil: bool,
    /// The kind of body it is (`Dinas`, `Dewan`), when a word says so.
    pub kind: Option<String>,
}

/// A name read from the text: its tokens and its words joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The token range of the name (degrees after it excluded).
    pub tokens: Range<usize>,
    /// The token just after the name and any degrees after it.
    pub end: usize,
    /// The name's words, joined by single spaces.
    pub text: String,
}

impl<'a> Para<'a> {
    /// Reads `text`, whose quotes (`spans` of this paragraph, in order) are known.
    pub fn new(text: &'a str, spans: &[&QuoteSpan]) -> Self {
        let tokens = text::tokens(text);
        // Spans and tokens are both in order: one pass over each.
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut k = 0;
        for t in &tokens {
            while k < spans.len() && spans[k].close <= t.start {
                k += 1;
            }
            quoted.push(k < spans.len() && spans[k].open <= t.start);
        }
        let sentences = text::sentences(text, &tokens);
        Para {
            text,
            tokens,
            quoted,
            sentences,
        }
    }

    /// The text of token `i`.
    pub fn s(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.of(self.text))
    }

    /// The word at `i`, if token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.of(self.text))
    }

    /// The lowercase word at `i`.
    pub fn lower(&self, i: usize) -> Option<String> {
        self.word(i).map(str::to_lowercase)
    }

    /// Whether token `i` is the mark `mark`.
    pub fn is(&self, i: usize, mark: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind != Kind::Word) && self.s(i) == mark
    }

    /// Whether token `i` is the word `word` (any case).
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    /// The byte range of tokens `range`.
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => a.start..b.end,
            _ => 0..0,
        }
    }

    /// The index of the sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Whether the word at `i` may be part of a person's name.
    pub fn is_name_word(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        // A title (`Kades`, `Bupati`) starts no name: `NAME Kades X` ends the name.
        let title = lexicon::title(&[&w.to_lowercase()]).is_some();
        if !text::is_capitalised(w)
            || words::is_not_name(w)
            || lexicon::speech(w).is_some()
            || title
        {
            return false;
        }
        // An acronym (BPK, PPID) is a body, not a name; an initial (H.M, A) is.
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym =
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !w.contains('.');
        !acronym && !w.chars().all(|c| c.is_ascii_digit())
    }

    /// A person's name starting at token `i`: one to four name words, with
    /// degrees after it (`, SH, MH`) skipped.
    pub fn name_at(&self, i: usize) -> Option<Name> {
        let mut j = i;
        let mut words = 0;
        while j < self.tokens.len() && words < 5 && self.is_name_word(j) && !self.quoted[j] {
            j += 1;
            words += 1;
            // An initial's full stop (`M. Danial`, `Andi S.B. Saragih`) stays in the name.
            let initial = self.word(j - 1).is_some_and(|w| {
                w.contains('.') || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
            });
            if initial && self.is(j, ".") && self.is_name_word(j + 1) {
                j += 1;
            }
        }
        if j == i {
            return None;
        }
        let text = (i..j)
            .filter_map(|k| self.word(k))
            .collect::<Vec<_>>()
            .join(" ");
        let mut end = j;
        loop {
            let comma = usize::from(self.is(end, ","));
            match self.word(end + comma) {
                Some(w) if words::is_degree(w) => {
                    end += comma + 1;
                    if self.is(end, ".") {
                        end += 1;
                    }
                }
                _ => break,
            }
        }
        Some(Name {
            tokens: i..j,
            end,
            text,
        })
    }

    /// The longest title starting at token `i`, with the token after it (a
    /// `(MK)` right after the title is skipped).
    pub fn title_at(&self, i: usize) -> Option<(usize, Title)> {
        let mut lower: Vec<String> = Vec::with_capacity(MAX_TITLE_WORDS);
        for k in i..(i + MAX_TITLE_WORDS).min(self.tokens.len()) {
            match self.lower(k) {
                Some(w) if !self.quoted[k] => lower.push(w),
                _ => break,
            }
        }
        (1..=lower.len()).rev().find_map(|n| {
            let words: Vec<&str> = lower[..n].iter().map(String::as_str).collect();
            lexicon::title(&words).map(|title| {
                let mut end = i + n;
                if self.is(end, "(") && self.word(end + 1).is_some() && self.is(end + 2, ")") {
                    end += 3;
                }
                (end, title)
            })
        })
    }

    /// The body named from token `i` on (`KI Provinsi Jawa Tengah`,
    /// `Dinas Perikanan Kota Contoh`, `Pemkab Pessel`): its token range.
    /// Body words, acronyms and provinces are taken, and a capitalised word
    /// after a word that needs one (`Dinas`, `Kota`, `Pemkab`).
    pub fn body_at(&self, i: usize) -> Range<usize> {
        // A title that ends in a word wanting a name (`Kepala Bidang`
        // Perparkiran, `Kepala Desa` Karangan) hands it on to the body.
        let after_head = i > 0 && self.word(i - 1).is_some_and(words::needs_complement);
        self.body_from(i, after_head)
    }

    fn body_from(&self, i: usize, needs_complement: bool) -> Range<usize> {
        let mut j = i;
        let mut needs_complement = needs_complement;
        while j < self.tokens.len() && j - i < 10 && !self.quoted[j] {
            if self.is(j, "(") && self.word(j + 1).is_some() && self.is(j + 2, ")") {
                j += 3;
                continue;
            }
            let Some(w) = self.word(j) else { break };
            let acronym = w.len() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
                && w.chars().any(char::is_alphabetic);
            let takes = words::is_org(w)
                || words::is_place(w)
                || acronym
                || (needs_complement && text::is_capitalised(w));
            if !takes {
                break;
            }
            needs_complement = words::needs_complement(w);
            j += 1;
        }
        i..j
    }

    /// A party's body from token `i` on: like [`Para::body_at`], but every
    /// capitalised word (and `dan` between them) up to a lowercase word or a
    /// mark is taken, since no person's name follows a party's body.
    pub fn party_body_at(&self, i: usize) -> Range<usize> {
        let mut j = self.body_at(i).end.max(i);
        while j < self.tokens.len() && j - i < 14 && !self.quoted[j] {
            if self.is(j, "(") && self.word(j + 1).is_some() && self.is(j + 2, ")") {
                j += 3;
                continue;
            }
            match self.word(j) {
                Some(w) if text::is_capitalised(w) => j += 1,
                Some("dan") if self.word(j + 1).is_some_and(text::is_capitalised) && j > i => {
                    j += 1
                }
                _ => break,
            }
        }
        i..j
    }

    /// The end of a proper phrase from token `i` on — capitalised words,
    /// acronyms, `dan`, `di`, `&` and parentheses (`Koordinator Layanan
    /// Informasi PPID (Pejabat …) Provinsi Jatim`), at most `max` tokens —
    /// and whether it names a body (a body word or an acronym in it).
    pub fn proper_phrase(&self, i: usize, max: usize) -> (usize, bool) {
        let mut j = i;
        let mut names_body = false;
        while j < self.tokens.len() && j - i < max && !self.quoted[j] {
            if self.is(j, "(") {
                match (j + 1..(j + 10).min(self.tokens.len())).find(|&k| self.is(k, ")")) {
                    Some(close) => {
                        j = close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if self.is(j, "&") || self.is(j, "-") {
                j += 1;
                continue;
            }
            match self.word(j) {
                Some(w) if text::is_capitalised(w) => {
                    let acronym = w.len() >= 2
                        && w.chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                    names_body |= words::is_org(w) || acronym;
                    j += 1;
                }
                Some("dan" | "di")
                    if j > i && self.word(j + 1).is_some_and(text::is_capitalised) =>
                {
                    j += 1
                }
                _ => break,
            }
        }
        (j, names_body)
    }

    /// The body at `range` as the registry matches it: its distinctive words
    /// and the word it opens with.
    pub fn body_ref(&self, range: Range<usize>) -> BodyRef {
        // `Kepala Dinas Perdagangan …`: the body's head word is the title's last.
        let before = range
            .start
            .checked_sub(1)
            .and_then(|k| self.word(k))
            .filter(|w| words::needs_complement(w));
        let head_word = before.or_else(|| range.clone().find_map(|k| self.word(k)));
        BodyRef {
            head: head_word.map(str::to_string),
            office_words: {
                let last_office = range.clone().rev().find(|&k| {
                    self.word(k)
                        .is_some_and(|w| words::is_public_office(w) && text::is_capitalised(w))
                });
                match last_office {
                    Some(o) if o > range.start => self.body_words(o + 1..range.end),
                    _ => Vec::new(),
                }
            },
            // A law firm (`Kantor Hukum …`) or a citizens' body (`Yayasan Bina
            // Desa …`) is no public office.
            public: !range.clone().any(|k| {
                self.word(k).is_some_and(|w| {
                    matches!(w, "Hukum" | "Advokat" | "Pengacara" | "Notaris") || words::is_civil(w)
                })
            }) && (head_word
                .is_some_and(|w| text::is_capitalised(w) && words::is_public_office(w))
                || range.clone().any(|k| {
                    self.word(k)
                        .is_some_and(|w| words::is_public_office(w) && text::is_capitalised(w))
                })),
            civil: range
                .clone()
                .any(|k| self.word(k).is_some_and(words::is_civil)),
            kind: before
                .into_iter()
                .chain(range.clone().filter_map(|k| self.word(k)))
                .find(|w| words::is_body_kind(w))
                .map(str::to_string),
            words: self.body_words(range),
        }
    }

    /// The distinctive words of the body at `range`: its words that are not
    /// generic body words, lowercase (`Pemkab Pessel` → `pessel`).
    pub fn body_words(&self, range: Range<usize>) -> Vec<String> {
        range
            .filter_map(|k| self.word(k))
            .filter(|w| !words::is_org(w) && lexicon::title(&[&w.to_lowercase()]).is_none())
            .map(str::to_lowercase)
            .collect()
    }
}
