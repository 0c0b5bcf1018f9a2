//! Why a hit ranks where it does: its score taken apart by the scoring
//! parts of the planned query ([`Part`]): which words, phrases, exact forms
//! and filler words it matched, and what each added. For checking a ranking
//! by eye (`explain=true` in the API).

use super::plan::Part;
use tantivy::{DocAddress, Searcher, TantivyError};

/// A hit's score and the parts of the query that make it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Explanation {
    /// The hit's score.
    pub score: f32,
    /// Every part of the query the hit matches, the largest share first.
    pub matched: Vec<PartScore>,
    /// The parts it does not match.
    pub unmatched: Vec<String>,
}

/// What one matched part of the query adds to a hit's score.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PartScore {
    /// The part (`word, tier + BM25: kontrak`, `exact form atasan`, …).
    pub part: String,
    /// What it adds.
    pub score: f32,
}

/// Takes apart the `score` of the passage at `address` by `parts`.
pub fn explain(
    parts: &[Part],
    searcher: &Searcher,
    address: DocAddress,
    score: f32,
) -> tantivy::Result<Explanation> {
    let mut explanation = Explanation {
        score,
        matched: Vec::new(),
        unmatched: Vec::new(),
    };
    for part in parts {
        match part.query.explain(searcher, address) {
            Ok(e) => explanation.matched.push(PartScore {
                part: part.label.clone(),
                score: e.value(),
            }),
            // tantivy's way of saying the part does not match this passage.
            Err(TantivyError::InvalidArgument(_)) => explanation.unmatched.push(part.label.clone()),
            Err(e) => return Err(e),
        }
    }
    explanation
        .matched
        .sort_by(|a, b| b.score.total_cmp(&a.score));
    Ok(explanation)
}
