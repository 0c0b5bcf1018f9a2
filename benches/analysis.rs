//! Analysis throughput: the full Indonesian pipeline (both views) beside
//! tantivy's default tokenizer (simple + lowercase) on the same text, in the
//! same run.
//!
//!     cargo bench --bench analysis
//!
//! The text is the bodies of the bundled corpus, repeated to about 8 MB: real
//! hearing language, but a small vocabulary, so the stem cache is warm. The
//! cold figure stems each distinct word once with no cache.

use risalah_engine::analysis::{self, morphology::stem_word};
use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::{Duration, Instant};
use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer, TokenStream};

const TARGET_BYTES: usize = 8 * 1024 * 1024;
const ROUNDS: usize = 9;

fn corpus_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut bodies = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) == Some("txt") {
            let text = std::fs::read_to_string(&path).expect("corpus file");
            let body = text
                .split_once("\n---\n")
                .map_or(text.as_str(), |(_, body)| body);
            bodies.push_str(body);
            bodies.push('\n');
        }
    }
    let mut text = String::with_capacity(TARGET_BYTES + bodies.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&bodies);
    }
    text
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += black_box(stream.token().text.len()) & 1 | 1;
    }
    n
}

fn main() {
    let text = corpus_text();
    let bytes = text.len();
    let mut default = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build();
    let mut stemmed = analysis::stemmed_analyzer();
    let mut exact = analysis::exact_analyzer();

    // Rounds interleave the analyzers, so a drift in machine speed hits all
    // of them alike; the ratio is taken round by round, then the median.
    let mut rounds: Vec<[Duration; 3]> = Vec::new();
    let (mut n_default, mut n_stemmed) = (0, 0);
    for _ in 0..ROUNDS {
        let t = Instant::now();
        n_default = count_tokens(&mut default, &text);
        let d = t.elapsed();
        let t = Instant::now();
        n_stemmed = count_tokens(&mut stemmed, &text);
        let s = t.elapsed();
        let t = Instant::now();
        count_tokens(&mut exact, &text);
        rounds.push([d, s, t.elapsed()]);
    }
    let median = |f: &dyn Fn(&[Duration; 3]) -> f64| {
        let mut v: Vec<f64> = rounds.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let default_mbs = median(&|r| mb / r[0].as_secs_f64());
    let stemmed_mbs = median(&|r| mb / r[1].as_secs_f64());
    let exact_mbs = median(&|r| mb / r[2].as_secs_f64());
    let both_mbs = median(&|r| mb / (r[1] + r[2]).as_secs_f64());
    let ratio = median(&|r| r[0].as_secs_f64() / r[1].as_secs_f64());

    let words: BTreeSet<String> = analysis::analyze(&text[..bytes.min(200_000)])
        .exact
        .into_iter()
        .collect();
    let t = Instant::now();
    let stems: usize = words.iter().map(|w| black_box(stem_word(w)).len()).sum();
    let cold = t.elapsed();
    black_box(stems);

    println!("text: {mb:.1} MB of corpus bodies ({n_default} default tokens, {n_stemmed} risalah tokens); medians of {ROUNDS} interleaved rounds");
    println!("default tokenizer (simple + lowercase): {default_mbs:7.1} MB/s");
    println!("risalah exact view:                     {exact_mbs:7.1} MB/s");
    println!("risalah stemmed view:                   {stemmed_mbs:7.1} MB/s");
    println!("risalah both views (as indexed):        {both_mbs:7.1} MB/s");
    println!("stemmed view / default, per round:      {ratio:7.2}");
    println!(
        "cold stemming, no cache: {} distinct words in {:.2} ms ({:.2} µs/word)",
        words.len(),
        cold.as_secs_f64() * 1e3,
        cold.as_secs_f64() * 1e6 / words.len().max(1) as f64
    );
}
