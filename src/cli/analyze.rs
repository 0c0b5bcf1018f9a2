//! `risalah analyze`: print the tokens the index stores for a text.

use risalah_engine::analysis;
use serde::Serialize;

/// One word's tokens, for `--per-word`.
#[derive(Serialize)]
struct WordAnalysis<'a> {
    word: &'a str,
    stemmed: Vec<String>,
    exact: Vec<String>,
}

/// Prints the stemmed and exact tokens of `text`, or of each whitespace-separated
/// word of it with `per_word`.
pub fn run(text: &str, json: bool, per_word: bool) -> anyhow::Result<()> {
    if per_word {
        let words: Vec<WordAnalysis> = analysis::with_analyzer(|analyzer| {
            text.split_whitespace()
                .map(|word| {
                    let a = analyzer.analyze(word);
                    WordAnalysis {
                        word,
                        stemmed: a.stemmed,
                        exact: a.exact,
                    }
                })
                .collect()
        });
        if json {
            println!("{}", serde_json::to_string(&words)?);
        } else {
            for w in words {
                println!("{}\t{}\t{}", w.word, w.stemmed.join(" "), w.exact.join(" "));
            }
        }
        return Ok(());
    }
    let a = analysis::analyze(text);
    if json {
        println!("{}", serde_json::to_string(&a)?);
    } else {
        println!("stemmed: {}", a.stemmed.join(" "));
        println!("exact:   {}", a.exact.join(" "));
    }
    Ok(())
}
