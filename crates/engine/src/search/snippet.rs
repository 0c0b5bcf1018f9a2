//! Snippets: a fragment of the passage exactly as published, cut into
//! pieces that are and are not matched words. Rendering (HTML `<mark>`, bold
//! on a terminal) is the interface's business.

use serde::Serialize;

/// The length of a snippet fragment, in characters.
pub const SNIPPET_CHARS: usize = 280;

/// One piece of a snippet: text exactly as published, highlighted or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Whether the piece is a matched word.
    pub highlighted: bool,
}

/// A fragment of a passage with its matched words marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// Whether the passage goes on before the fragment.
    pub cut_before: bool,
    /// The fragment's pieces in order; joined they are the fragment.
    pub pieces: Vec<Piece>,
    /// Whether the passage goes on after the fragment.
    pub cut_after: bool,
}

impl Snippet {
    /// The snippet of `text` that tantivy's generator chose, widened over
    /// punctuation the generator leaves out at either end (a closing `?`, an
    /// opening quote), never over words. Without highlights, the start of
    /// the text.
    pub fn from_tantivy(text: &str, snippet: &tantivy::snippet::Snippet) -> Snippet {
        if snippet.is_empty() || snippet.highlighted().is_empty() {
            return Snippet::plain(text);
        }
        let range = snippet.fragment_range();
        let start = if text
            .get(..range.start)
            .is_some_and(|head| !head.chars().any(char::is_alphanumeric))
        {
            0
        } else {
            range.start
        };
        let end = if text
            .get(range.end..)
            .is_some_and(|tail| !tail.chars().any(char::is_alphanumeric))
        {
            text.len()
        } else {
            range.end
        };
        let Some(fragment) = text.get(start..end) else {
            return Snippet::plain(text);
        };
        let shift = range.start - start;
        let mut pieces = Vec::new();
        let mut at = 0;
        for hit in snippet.highlighted() {
            let (hit_start, hit_end) = (hit.start + shift, hit.end + shift);
            let (Some(before), Some(marked)) = (
                fragment.get(at..hit_start),
                fragment.get(hit_start..hit_end),
            ) else {
                continue;
            };
            push(&mut pieces, before, false);
            push(&mut pieces, marked, true);
            at = hit_end;
        }
        push(&mut pieces, fragment.get(at..).unwrap_or(""), false);
        Snippet {
            cut_before: start > 0,
            pieces,
            cut_after: end < text.len(),
        }
    }

    /// The start of `text`, unhighlighted, cut at a word boundary near
    /// [`SNIPPET_CHARS`].
    pub fn plain(text: &str) -> Snippet {
        let cut = text
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map(|(i, _)| text[..i].rfind(' ').unwrap_or(i));
        let shown = cut.map_or(text, |i| &text[..i]);
        let mut pieces = Vec::new();
        push(&mut pieces, shown, false);
        Snippet {
            cut_before: false,
            pieces,
            cut_after: cut.is_some(),
        }
    }

    /// The fragment's text, without marks.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

fn push(pieces: &mut Vec<Piece>, text: &str, highlighted: bool) {
    if !text.is_empty() {
        pieces.push(Piece {
            text: text.to_string(),
            highlighted,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_without_highlights_is_cut_at_a_space() {
        let text = "kata ".repeat(100);
        let s = Snippet::plain(&text);
        assert!(s.cut_after && !s.cut_before);
        let shown = s.text();
        assert!(shown.chars().count() <= SNIPPET_CHARS);
        assert!(text.starts_with(&shown) && !shown.ends_with(' '));
        assert!(s.pieces.iter().all(|p| !p.highlighted));
    }

    #[test]
    fn a_short_text_is_whole() {
        let s = Snippet::plain("Sidang dibuka.");
        assert_eq!(s.text(), "Sidang dibuka.");
        assert!(!s.cut_after);
    }
}
