//! The exact view's hyphen filter: a hyphenated word (`sewenang-wenang`,
//! `alat-alat`, `undang-undang`) is indexed as its parts at consecutive
//! positions, and every later token moves on by as many places. A query
//! phrase goes through the same filter, so `"sewenang wenang"` and
//! `"sewenang-wenang"` find either spelling, and `"kepada undang"` finds
//! *kepada undang-undang*. The stemmed view keeps the word whole.

use std::collections::VecDeque;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The hyphen-splitting filter.
#[derive(Clone, Copy, Debug, Default)]
pub struct HyphenParts;

impl TokenFilter for HyphenParts {
    type Tokenizer<T: Tokenizer> = HyphenPartsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> HyphenPartsFilter<T> {
        HyphenPartsFilter { inner: tokenizer }
    }
}

/// A tokenizer followed by [`HyphenParts`].
#[derive(Clone)]
pub struct HyphenPartsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for HyphenPartsFilter<T> {
    type TokenStream<'a> = HyphenPartsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        HyphenPartsStream {
            tail: self.inner.token_stream(text),
            pending: VecDeque::new(),
            token: Token::default(),
            shift: 0,
        }
    }
}

/// The stream of [`HyphenPartsFilter`].
pub struct HyphenPartsStream<T> {
    tail: T,
    /// Parts of the last hyphenated word not yet handed out.
    pending: VecDeque<Token>,
    /// The current token.
    token: Token,
    /// How many places later tokens move on.
    shift: usize,
}

/// The parts of a hyphenated token, at consecutive positions from its own.
fn parts(token: &Token) -> VecDeque<Token> {
    let mut out = VecDeque::new();
    let mut offset = token.offset_from;
    let mut position = token.position;
    for part in token.text.split('-') {
        if !part.is_empty() {
            out.push_back(Token {
                offset_from: offset,
                offset_to: offset + part.len(),
                position,
                text: part.to_string(),
                position_length: 1,
            });
            position += 1;
        }
        offset += part.len() + 1;
    }
    out
}

impl<T: TokenStream> TokenStream for HyphenPartsStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop_front() {
            self.token = next;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let mut token = self.tail.token().clone();
        token.position += self.shift;
        // The offsets of the parts are only right when the token's text is
        // the source's (lowercasing keeps lengths in the words this splits).
        let same_length = token.text.len() == token.offset_to - token.offset_from;
        if token.text.contains('-') && same_length {
            let mut split = parts(&token);
            if split.len() > 1 {
                self.shift += split.len() - 1;
            }
            if let Some(first) = split.pop_front() {
                self.pending = split;
                self.token = first;
                return true;
            }
        }
        self.token = token;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::IndonesianTokenizer;
    use tantivy::tokenizer::TextAnalyzer;

    fn positions(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(IndonesianTokenizer)
            .filter(HyphenParts)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn a_hyphenated_word_is_its_parts_and_later_words_move_on() {
        let got = positions("bertindak sewenang-wenang kepada undang-undang");
        let want = [
            ("bertindak", 0),
            ("sewenang", 1),
            ("wenang", 2),
            ("kepada", 3),
            ("undang", 4),
            ("undang", 5),
        ];
        let want: Vec<(String, usize)> = want.iter().map(|(t, p)| (t.to_string(), *p)).collect();
        assert_eq!(got, want);
        assert_eq!(
            positions("sewenang wenang"),
            positions("sewenang-wenang"),
            "either spelling gives the same phrase"
        );
    }
}
