//! A paragraph as the attributor reads it: words and marks with their byte
//! offsets, and the sentences they form. Quotation marks are tokens of their
//! own, so a quote and its attribution are found by position.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word: letters and digits, with inner `-`, `'`, `’` and `.` (`H.M`, `Pemkab-nya`).
    Word,
    /// A quotation mark (`"`, `“`, `”`, `„`).
    Quote,
    /// Any other mark (`,`, `.`, `(`, `–`, …).
    Mark,
}

/// One token of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just after the end.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
}

impl Token {
    /// The token's text in `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// The tokens of `text`, in order. Linear in the text.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let joins_next = matches!(d, '-' | '\'' | '’' | '.')
                    && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || joins_next {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |(o, _)| *o);
            out.push(Token {
                start,
                end,
                kind: Kind::Word,
            });
            i = j;
            continue;
        }
        let end = chars.get(i + 1).map_or(text.len(), |(o, _)| *o);
        out.push(Token {
            start,
            end,
            kind: if is_quote(c) { Kind::Quote } else { Kind::Mark },
        });
        i += 1;
    }
    out
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The sentences of a paragraph as token ranges: a sentence ends after `.`,
/// `?` or `!` (and any closing quotation marks) outside a quote, when the
/// next word starts with a capital or a quotation mark, or at the end.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.of(text);
        match t.kind {
            Kind::Quote => in_quote = quote_toggles(s, in_quote),
            Kind::Mark if !in_quote && matches!(s, "." | "?" | "!") => {
                let mut end = i + 1;
                while end < tokens.len()
                    && tokens[end].kind == Kind::Quote
                    && !opens(tokens[end].of(text))
                {
                    end += 1;
                }
                let next = tokens.get(end);
                let boundary = next.is_none_or(|n| {
                    n.kind == Kind::Quote || is_capitalised(n.of(text)) || n.of(text) == "("
                });
                if boundary {
                    out.push(start..end);
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether a quotation mark can only open a quote.
fn opens(mark: &str) -> bool {
    matches!(mark, "“" | "„")
}

/// Whether being inside a quote changes at `mark`.
fn quote_toggles(mark: &str, in_quote: bool) -> bool {
    match mark {
        "“" | "„" => true,
        "”" => false,
        _ => !in_quote,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.of(text)).collect()
    }

    #[test]
    fn words_marks_and_quotes() {
        assert_eq!(
            words("“Sudah,” ujar H.M Syahyan, S.H."),
            ["“", "Sudah", ",", "”", "ujar", "H.M", "Syahyan", ",", "S.H", "."]
        );
        assert_eq!(
            words("Rabu (5/4/2023)."),
            ["Rabu", "(", "5", "/", "4", "/", "2023", ")", "."]
        );
    }

    #[test]
    fn sentences_end_outside_quotes() {
        let text = "Sidang dibuka. “Kami siap. Mari mulai,” ujar Dewi. Ia duduk.";
        let t = tokens(text);
        let s: Vec<String> = sentences(text, &t)
            .into_iter()
            .map(|r| text[t[r.start].start..t[r.end - 1].end].to_string())
            .collect();
        assert_eq!(
            s,
            [
                "Sidang dibuka.",
                "“Kami siap. Mari mulai,” ujar Dewi.",
                "Ia duduk."
            ]
        );
    }
}
