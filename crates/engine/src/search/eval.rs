//! Relevance evaluation: questions with graded judgements of documents,
//! nDCG@10 and Recall@10 for risalah and the plain BM25 baseline over the
//! same index, per question type.
//!
//! Measured document by document: the ten best passages are read in rank
//! order, and a document counts at the first place it appears (a second
//! passage of it adds nothing). Gains are `2^grade − 1`; Recall@10 counts
//! the documents of grade 2 or more among the ten.
//!
//! The files are tab-separated with a header line: questions as `qid type
//! query need`, judgements as `qid doc_id grade` (0–3; a document not
//! listed is 0).

use super::service::{Ranking, SearchError, SearchService};
use std::collections::{BTreeMap, HashMap};

/// How many places are scored.
pub const K: usize = 10;
/// The lowest grade Recall@10 counts as relevant.
pub const RELEVANT: u8 = 2;

/// One question of a relevance set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Its id (`q01`).
    pub qid: String,
    /// Its type (`words`, `question`, `phrase`, `role`, …).
    pub kind: String,
    /// The query as typed.
    pub query: String,
}

/// The grades of documents, per question.
pub type Judgments = HashMap<String, HashMap<String, u8>>;

/// The data rows of a tab-separated file with a header: 1-based line numbers
/// and their cells.
fn data_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// Reads a questions file; the error names the line.
pub fn read_questions(text: &str) -> Result<Vec<Question>, String> {
    data_rows(text)
        .map(|(line, cells)| match cells.as_slice() {
            [qid, kind, query, ..] if !qid.is_empty() && !query.is_empty() => Ok(Question {
                qid: qid.to_string(),
                kind: kind.to_string(),
                query: query.to_string(),
            }),
            _ => Err(format!(
                "line {line}: expected `qid<TAB>type<TAB>query<TAB>need`"
            )),
        })
        .collect()
}

/// Reads a judgements file; the error names the line.
pub fn read_judgments(text: &str) -> Result<Judgments, String> {
    let mut out = Judgments::new();
    for (line, cells) in data_rows(text) {
        let [qid, doc, grade] = cells.as_slice() else {
            return Err(format!("line {line}: expected `qid<TAB>doc_id<TAB>grade`"));
        };
        let grade: u8 = grade
            .parse()
            .ok()
            .filter(|g| *g <= 3)
            .ok_or_else(|| format!("line {line}: the grade `{grade}` is not 0–3"))?;
        out.entry(qid.to_string())
            .or_default()
            .insert(doc.to_string(), grade);
    }
    Ok(out)
}

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

fn discount(place: usize) -> f64 {
    ((place + 2) as f64).log2()
}

/// The documents of a ranked passage list at their first place, the later
/// places of a document left empty, cut at [`K`].
fn first_places(ranked: &[String]) -> Vec<Option<&str>> {
    let mut seen: Vec<&str> = Vec::new();
    ranked
        .iter()
        .take(K)
        .map(|doc| {
            if seen.contains(&doc.as_str()) {
                None
            } else {
                seen.push(doc);
                Some(doc.as_str())
            }
        })
        .collect()
}

/// nDCG@10 of a ranked list of passages' document ids against `grades`;
/// 0 when no document is relevant (such a question is not scored, see
/// [`evaluate`]).
pub fn ndcg(ranked: &[String], grades: &HashMap<String, u8>) -> f64 {
    let dcg: f64 = first_places(ranked)
        .iter()
        .enumerate()
        .filter_map(|(i, doc)| doc.map(|d| gain(grades.get(d).copied().unwrap_or(0)) / discount(i)))
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(K)
        .enumerate()
        .map(|(i, g)| gain(*g) / discount(i))
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// Recall@10: the share of the documents of grade [`RELEVANT`] or more
/// that appear among the ten best passages.
pub fn recall(ranked: &[String], grades: &HashMap<String, u8>) -> f64 {
    let relevant = grades.values().filter(|g| **g >= RELEVANT).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = first_places(ranked)
        .iter()
        .flatten()
        .filter(|d| grades.get(**d).is_some_and(|g| *g >= RELEVANT))
        .count();
    found as f64 / relevant as f64
}

/// The scores of one question under each ranking compared.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionScore {
    /// The question.
    pub question: Question,
    /// nDCG@10 under each ranking, in the order asked for.
    pub ndcg: Vec<f64>,
    /// Recall@10 under each ranking.
    pub recall: Vec<f64>,
    /// The first ranking's first documents, in order, for reading.
    pub top: Vec<String>,
}

/// Mean scores over a group of questions, per ranking.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Means {
    /// Questions.
    pub questions: usize,
    /// Mean nDCG@10 under each ranking.
    pub ndcg: Vec<f64>,
    /// Mean Recall@10 under each ranking.
    pub recall: Vec<f64>,
}

impl Means {
    fn of<'a>(rankings: usize, scores: impl Iterator<Item = &'a QuestionScore>) -> Means {
        let mut m = Means {
            questions: 0,
            ndcg: vec![0.0; rankings],
            recall: vec![0.0; rankings],
        };
        for s in scores {
            m.questions += 1;
            for i in 0..rankings {
                m.ndcg[i] += s.ndcg.get(i).copied().unwrap_or(0.0);
                m.recall[i] += s.recall.get(i).copied().unwrap_or(0.0);
            }
        }
        if m.questions > 0 {
            let n = m.questions as f64;
            m.ndcg
                .iter_mut()
                .chain(m.recall.iter_mut())
                .for_each(|v| *v /= n);
        }
        m
    }
}

/// An evaluation: every question's scores, the means per type and overall.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// The rankings compared, in column order.
    pub rankings: Vec<Ranking>,
    /// Per question, in the file's order.
    pub questions: Vec<QuestionScore>,
    /// Per question type.
    pub by_kind: BTreeMap<String, Means>,
    /// Over all questions.
    pub overall: Means,
    /// Questions without any judged relevant document (not scored).
    pub unjudged: Vec<String>,
}

/// Runs every question through each of `rankings` and scores them.
pub fn evaluate(
    service: &SearchService,
    questions: &[Question],
    judgments: &Judgments,
    rankings: &[Ranking],
) -> Result<Evaluation, SearchError> {
    let mut out = Evaluation {
        rankings: rankings.to_vec(),
        ..Evaluation::default()
    };
    let none = HashMap::new();
    for q in questions {
        let grades = judgments.get(&q.qid).unwrap_or(&none);
        if !grades.values().any(|g| *g > 0) {
            out.unjudged.push(q.qid.clone());
            continue;
        }
        let mut score = QuestionScore {
            question: q.clone(),
            ndcg: Vec::new(),
            recall: Vec::new(),
            top: Vec::new(),
        };
        for (i, ranking) in rankings.iter().enumerate() {
            let ranked = service.ranked_documents(&q.query, *ranking, K)?;
            score.ndcg.push(ndcg(&ranked, grades));
            score.recall.push(recall(&ranked, grades));
            if i == 0 {
                score.top = first_places(&ranked)
                    .into_iter()
                    .flatten()
                    .map(str::to_string)
                    .collect();
            }
        }
        out.questions.push(score);
    }
    let mut kinds: Vec<&str> = out
        .questions
        .iter()
        .map(|s| s.question.kind.as_str())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let n = rankings.len();
    out.by_kind = kinds
        .into_iter()
        .map(|k| {
            let means = Means::of(n, out.questions.iter().filter(|s| s.question.kind == k));
            (k.to_string(), means)
        })
        .collect();
    out.overall = Means::of(n, out.questions.iter());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(pairs: &[(&str, u8)]) -> HashMap<String, u8> {
        pairs.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn ranked(docs: &[&str]) -> Vec<String> {
        docs.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn the_ideal_order_scores_one_and_a_repeated_document_counts_once() {
        let g = grades(&[("a", 3), ("b", 2), ("c", 1)]);
        assert!((ndcg(&ranked(&["a", "b", "c"]), &g) - 1.0).abs() < 1e-9);
        let repeated = ndcg(&ranked(&["a", "a", "b", "c"]), &g);
        assert!(repeated < 1.0 && repeated > 0.8, "{repeated}");
        assert!(ndcg(&ranked(&["c", "b", "a"]), &g) < repeated);
        assert_eq!(ndcg(&ranked(&["x"]), &g), 0.0);
        assert_eq!(recall(&ranked(&["a", "x", "c"]), &g), 0.5);
    }

    #[test]
    fn files_are_read_with_their_line_numbers_in_errors() {
        let q = read_questions("qid\ttype\tquery\tneed\nq1\twords\tkontrak\tx\n").unwrap();
        assert_eq!(q[0].query, "kontrak");
        let j = read_judgments("qid\tdoc_id\tgrade\nq1\ta\t3\n").unwrap();
        assert_eq!(j["q1"]["a"], 3);
        let err = read_judgments("qid\tdoc_id\tgrade\nq1\ta\t7\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
