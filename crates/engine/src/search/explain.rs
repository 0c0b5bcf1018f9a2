//! Why a hit ranks where it does: its score taken apart by the scoring
//! parts of the planned query ([`Part`]): which words, phrases, exact forms
//! and filler words it matched, and what each added. For checking a ranking
//! by eye (`explain=true` in the API).

use super::plan::Part;
use tantivy::query::{EnableScoring, Scorer};
use tantivy::{DocAddress, DocSet, Searcher};

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

/// Takes apart the `score` of the passage at `address` by `parts`: each
/// part's own scorer, moved to the passage, says whether it matches and
/// what it adds. (tantivy's `Query::explain` is not used: it names no
/// terms, and on a clause with an exclusion it may seek backwards, which a
/// debug build refuses.)
pub fn explain(
    parts: &[Part],
    searcher: &Searcher,
    address: DocAddress,
    score: f32,
) -> tantivy::Result<Explanation> {
    let reader = searcher.segment_reader(address.segment_ord);
    let target = address.doc_id;
    let mut explanation = Explanation {
        score,
        matched: Vec::new(),
        unmatched: Vec::new(),
    };
    for part in parts {
        let weight = part
            .query
            .weight(EnableScoring::enabled_from_searcher(searcher))?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        // A scorer starts at its first match: past the passage, no match.
        if scorer.doc() <= target && scorer.seek(target) == target {
            explanation.matched.push(PartScore {
                part: part.label.clone(),
                score: scorer.score(),
            });
        } else {
            explanation.unmatched.push(part.label.clone());
        }
    }
    explanation
        .matched
        .sort_by(|a, b| b.score.total_cmp(&a.score));
    Ok(explanation)
}
