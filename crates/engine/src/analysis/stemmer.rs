//! The Indonesian stemmer as a tantivy [`TokenFilter`]: each token's text is
//! replaced by its stem ([`super::morphology::stem_word`]); offsets and
//! positions are never changed. Each analyzer instance keeps a cache of the
//! stems it has computed, since a few thousand words make up most running text.

use super::morphology::stem_word;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct words a stem cache holds before it is cleared.
const CACHE_CAPACITY: usize = 200_000;

/// Stems already computed: word → stem, or `None` when the stem is the word.
#[derive(Clone, Default)]
pub struct StemCache {
    stems: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl StemCache {
    /// Replaces `word` with its stem, computing it on the first sight of the word.
    pub fn stem_in_place(&mut self, word: &mut String) {
        // No rule changes a word of three letters or fewer (a root must keep
        // three), so the commonest words skip the cache; a fused hyphen group
        // (`a-a`) still goes through it.
        if word.len() <= 3 && !word.contains('-') {
            return;
        }
        if let Some(stem) = self.stems.get(word.as_str()) {
            if let Some(stem) = stem {
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let stem = stem_word(word);
        if self.stems.len() >= CACHE_CAPACITY {
            self.stems.clear();
        }
        let changed = (stem != *word).then(|| stem.clone().into_boxed_str());
        self.stems.insert(word.as_str().into(), changed);
        *word = stem;
    }
}

/// The Indonesian stemming filter.
#[derive(Clone, Copy, Debug, Default)]
pub struct IndonesianStemmer;

impl TokenFilter for IndonesianStemmer {
    type Tokenizer<T: Tokenizer> = IndonesianStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> IndonesianStemmerFilter<T> {
        IndonesianStemmerFilter {
            inner: tokenizer,
            cache: StemCache::default(),
        }
    }
}

/// A tokenizer followed by the Indonesian stemmer, with its stem cache.
#[derive(Clone)]
pub struct IndonesianStemmerFilter<T> {
    inner: T,
    cache: StemCache,
}

impl<T: Tokenizer> Tokenizer for IndonesianStemmerFilter<T> {
    type TokenStream<'a> = IndonesianStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        IndonesianStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

/// The token stream that stems each token of its tail.
pub struct IndonesianStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut StemCache,
}

impl<T: TokenStream> TokenStream for IndonesianStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.cache.stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_gives_the_same_stems_as_the_stemmer() {
        let mut cache = StemCache::default();
        for _ in 0..2 {
            for word in [
                "memutuskan",
                "yang",
                "pemohon",
                "informasinya",
                "dan",
                "di",
                "a-a",
                "kip",
            ] {
                let mut text = word.to_string();
                cache.stem_in_place(&mut text);
                assert_eq!(text, stem_word(word));
            }
        }
    }
}
