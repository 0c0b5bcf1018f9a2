//! `risalah eval`: the relevance of risalah's ranking against a plain BM25
//! baseline on a relevance set (a corpus, questions and graded judgements;
//! see [`risalah_engine::search::eval`]), per question type.

use risalah_engine::index::build::{self, BuildOptions, Silent};
use risalah_engine::search::eval::{self, Evaluation, Means};
use risalah_engine::search::service::Ranking;
use risalah_engine::search::SearchService;
use std::path::Path;

/// The rankings compared, risalah's own first.
const RANKINGS: &[Ranking] = &[
    Ranking::Risalah,
    Ranking::Passages,
    Ranking::Weighted,
    Ranking::Baseline,
];

/// A ranking's column name.
fn name(ranking: Ranking) -> &'static str {
    match ranking {
        Ranking::Risalah => "risalah",
        Ranking::Passages => "passages",
        Ranking::Weighted => "weighted",
        Ranking::Baseline => "bm25",
    }
}

/// Indexes `set/corpus` into `index` (updating it), reads `set/questions.tsv`
/// and `set/judgments.tsv`, and prints the scores; with `show`, each
/// question's scores and risalah's first documents too.
pub fn run(set: &Path, index: &Path, show: bool) -> anyhow::Result<Evaluation> {
    let read = |name: &str| {
        let path = set.join(name);
        std::fs::read_to_string(&path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))
    };
    let questions = eval::read_questions(&read("questions.tsv")?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", set.join("questions.tsv").display()))?;
    let judgments = eval::read_judgments(&read("judgments.tsv")?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", set.join("judgments.tsv").display()))?;
    let report = build::build(
        &BuildOptions {
            corpus: set.join("corpus"),
            index_dir: index.to_path_buf(),
            rebuild: false,
        },
        &Silent,
    )?;
    anyhow::ensure!(
        report.rejected_files == 0,
        "the relevance corpus has rejected files: {:?}",
        report.problems
    );
    let service = SearchService::open(index)?;
    let evaluation = eval::evaluate(&service, &questions, &judgments, RANKINGS)?;
    let cells = |values: &[f64]| {
        values
            .iter()
            .map(|v| format!("{v:.3}"))
            .collect::<Vec<_>>()
            .join("\t")
    };
    let names: Vec<&str> = RANKINGS.iter().map(|r| name(*r)).collect();
    if show {
        println!(
            "qid\ttype\tnDCG@10 {}\tquery\trisalah's first documents",
            names.join(" ")
        );
        for s in &evaluation.questions {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                s.question.qid,
                s.question.kind,
                cells(&s.ndcg),
                s.question.query,
                s.top.join(" ")
            );
        }
        println!();
    }
    println!(
        "type\tquestions\tnDCG@10: {}\tRecall@10: {}",
        names.join("\t"),
        names.join("\t")
    );
    let row = |kind: &str, m: &Means| {
        println!(
            "{kind}\t{}\t{}\t{}",
            m.questions,
            cells(&m.ndcg),
            cells(&m.recall)
        );
    };
    for (kind, means) in &evaluation.by_kind {
        row(kind, means);
    }
    row("all", &evaluation.overall);
    if !evaluation.unjudged.is_empty() {
        eprintln!(
            "risalah: {} question(s) without a relevant document were not scored: {}",
            evaluation.unjudged.len(),
            evaluation.unjudged.join(", ")
        );
    }
    Ok(evaluation)
}
