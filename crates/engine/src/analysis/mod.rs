//! Indonesian text analysis for the index and for queries.
//!
//! Two views of every passage are indexed:
//! - **stemmed** ([`STEMMED`]): words segmented, normalised, then reduced to
//!   their root by [`IndonesianStemmer`] — the default search, where *putusan*
//!   finds *memutuskan* and *informasinya* finds *informasi*;
//! - **exact** ([`EXACT`]): the same words, lowercase and unstemmed, a
//!   hyphenated word as its parts ([`hyphens`]) — for quoted phrases and
//!   exact-word search.
//!
//! Both views share one tokenizer; positions line up up to the first
//! hyphenated word (the exact view gives it one place per part). The analyzers
//! are code, not data: [`register`] must run on every `Index` handle, at
//! creation and at every open.

pub mod hyphens;
pub mod lexicon;
pub mod morphology;
pub mod stemmer;
pub mod tokenizer;

pub use stemmer::IndonesianStemmer;
pub use tokenizer::IndonesianTokenizer;

use serde::Serialize;
use std::sync::{LazyLock, Mutex};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// The name of the stemmed analyzer in the index's tokenizer manager.
pub const STEMMED: &str = "id_stemmed";
/// The name of the exact (lowercase, unstemmed) analyzer.
pub const EXACT: &str = "id_exact";

/// The stemmed analyzer.
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(IndonesianTokenizer)
        .filter(IndonesianStemmer)
        .build()
}

/// The exact analyzer.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(IndonesianTokenizer)
        .filter(hyphens::HyphenParts)
        .build()
}

/// Registers both analyzers on an index handle.
pub fn register(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(STEMMED, stemmed_analyzer());
    manager.register(EXACT, exact_analyzer());
}

/// The tokens each view stores for a text, in order (`risalah analyze --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The stemmed view.
    pub stemmed: Vec<String>,
    /// The exact view.
    pub exact: Vec<String>,
}

/// Both views' analyzers, built once and reused: their stem cache stays warm
/// across calls. The index registers analyzers built by the same functions
/// ([`stemmed_analyzer`], [`exact_analyzer`]), so queries and passages are
/// analysed alike.
pub struct Analyzer {
    stemmed: TextAnalyzer,
    exact: TextAnalyzer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmed: stemmed_analyzer(),
            exact: exact_analyzer(),
        }
    }
}

impl Analyzer {
    /// Runs both views over `text`.
    pub fn analyze(&mut self, text: &str) -> Analysis {
        Analysis {
            stemmed: tokens(&mut self.stemmed, text),
            exact: tokens(&mut self.exact, text),
        }
    }

    /// The stemmed view of `text`.
    pub fn stemmed(&mut self, text: &str) -> Vec<String> {
        tokens(&mut self.stemmed, text)
    }

    /// The exact view of `text`.
    pub fn exact(&mut self, text: &str) -> Vec<String> {
        tokens(&mut self.exact, text)
    }
}

/// The process's one query-side analyzer. Queries are a few words, so one
/// instance behind a lock costs microseconds and keeps one warm cache.
static SHARED: LazyLock<Mutex<Analyzer>> = LazyLock::new(|| Mutex::new(Analyzer::default()));

/// Runs `f` with the process's shared analyzer.
pub fn with_analyzer<R>(f: impl FnOnce(&mut Analyzer) -> R) -> R {
    let mut analyzer = SHARED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(&mut analyzer)
}

/// Runs both views over `text` with the shared analyzer.
pub fn analyze(text: &str) -> Analysis {
    with_analyzer(|a| a.analyze(text))
}

/// The token texts an analyzer produces for `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}
