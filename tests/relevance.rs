//! Relevance on the fictional relevance set (`tests/fixtures/relevance/`):
//! risalah's ranking must not fall below the scores recorded in
//! BENCHMARKS.md ("Relevance") by more than 0.02; concepts count once; a
//! word found only around a passage reorders it without making it match. `risalah eval` prints the
//! full table, per question type and against plain BM25.

use crate::util::{root, TempIndex};
use risalah_engine::search::eval::{evaluate, read_judgments, read_questions};
use risalah_engine::search::service::Ranking;
use risalah_engine::search::{Grouping, SearchRequest};

/// nDCG@10 of risalah on the set, as recorded in BENCHMARKS.md.
const RECORDED_NDCG: f64 = 0.904;
/// Recall@10 of risalah on the set, as recorded in BENCHMARKS.md.
const RECORDED_RECALL: f64 = 0.898;
/// How far a change may lower either before this test fails.
const TOLERANCE: f64 = 0.02;

#[test]
fn ranking_holds_its_recorded_relevance() {
    let set = root().join("tests/fixtures/relevance");
    let read = |name: &str| std::fs::read_to_string(set.join(name)).unwrap();
    let questions = read_questions(&read("questions.tsv")).unwrap();
    let judgments = read_judgments(&read("judgments.tsv")).unwrap();
    assert!(
        questions.len() >= 40,
        "the set has {} questions",
        questions.len()
    );
    let t = TempIndex::from_fixture("relevance/corpus");
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    let e = evaluate(
        &t.service(),
        &questions,
        &judgments,
        &[Ranking::Risalah, Ranking::Baseline],
    )
    .unwrap();
    assert!(e.unjudged.is_empty(), "unjudged: {:?}", e.unjudged);
    let (ndcg, recall) = (e.overall.ndcg[0], e.overall.recall[0]);
    assert!(
        ndcg >= RECORDED_NDCG - TOLERANCE,
        "nDCG@10 fell to {ndcg:.3} (recorded {RECORDED_NDCG}); run `risalah eval --show`"
    );
    assert!(
        recall >= RECORDED_RECALL - TOLERANCE,
        "Recall@10 fell to {recall:.3} (recorded {RECORDED_RECALL}); run `risalah eval --show`"
    );
    assert!(
        ndcg > e.overall.ndcg[1],
        "risalah ({ndcg:.3}) ranks below plain BM25 ({:.3})",
        e.overall.ndcg[1]
    );
}

#[test]
fn a_concept_the_words_spell_counts_once_and_is_not_required() {
    let t = TempIndex::from_fixture("relevance/corpus");
    t.build();
    let service = t.service();
    let search = |q: &str| {
        service
            .search(&SearchRequest {
                q: q.into(),
                limit: 20,
                explain: true,
                ..Default::default()
            })
            .unwrap()
    };
    let r = search("badan publik menolak salinan kontrak");
    assert!(!r.hits.is_empty());
    for hit in &r.hits {
        let e = hit.explanation.as_ref().unwrap();
        let parts: Vec<&str> = e
            .matched
            .iter()
            .map(|p| p.part.as_str())
            .chain(e.unmatched.iter().map(String::as_str))
            .collect();
        assert_eq!(
            parts
                .iter()
                .filter(|p| p.contains("\"badan publik\""))
                .count(),
            1,
            "one part for the concept: {parts:?}"
        );
        assert!(
            !parts
                .iter()
                .any(|p| p.ends_with(": badan") || p.ends_with(": publik")),
            "its words are not counted apart: {parts:?}"
        );
    }
    // Not required: passages without the concept still match the rest.
    assert!(r.hits.iter().any(|h| !h
        .passage
        .passage
        .text
        .to_lowercase()
        .contains("badan publik")));
}

#[test]
fn a_word_found_only_around_a_passage_ranks_it_higher_but_never_makes_it_match() {
    let t = TempIndex::from_fixture("relevance/corpus");
    t.build();
    let service = t.service();
    let r = service
        .search(&SearchRequest {
            q: "badan publik menolak salinan kontrak".into(),
            limit: 100,
            group: Grouping::Passage,
            explain: true,
            ..Default::default()
        })
        .unwrap();
    let plain = |q: &str| {
        let request = SearchRequest {
            q: q.into(),
            ..Default::default()
        };
        service.search(&request).unwrap().total
    };
    assert_eq!(r.total, plain("badan publik menolak salinan kontrak"));
    let mut boosted = 0;
    for hit in &r.hits {
        let e = hit.explanation.as_ref().unwrap();
        let matched: Vec<&str> = e.matched.iter().map(|p| p.part.as_str()).collect();
        assert!(
            matched.iter().any(|p| p.starts_with("word, tier + BM25: ")),
            "the passage itself holds a word: {matched:?}"
        );
        for part in &matched {
            if let Some(word) = part.strip_prefix("only around the passage: ") {
                boosted += 1;
                let own = format!("word, tier + BM25: {word}");
                assert!(
                    e.unmatched.contains(&own),
                    "{word} is not in the passage: {e:?}"
                );
            }
        }
    }
    assert!(
        boosted > 0,
        "some passage has a word only in its neighbours"
    );
}
