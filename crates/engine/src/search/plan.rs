//! From a parsed query to a tantivy query: how words, phrases, exclusions and
//! filters become clauses, and how passages with every word rank above those
//! with fewer.
//!
//! Ranking: each content word (or `OR` group) contributes a constant
//! [`TIER`] when it matches, plus its BM25 score, so a passage that matches
//! more of the words always ranks above one that matches fewer, and BM25 orders
//! passages within a tier. At least one content word must match. Question and
//! filler words (*apa*, *bagaimana*, *soal*, *kata*, …), and words that name
//! the active role or speaker filter (*majelis* under `role:majelis`), only
//! add BM25 score.
//! Phrases are required and match the exact (unstemmed) view. Consecutive
//! words that spell a term of the field (`concepts.txt`: *badan publik*,
//! *uji konsekuensi*) match it as one stemmed phrase (its exact form adding
//! as a word's does) and count as one word, not required.

use super::query::{Clause, Filters, Item, ParsedQuery, QueryError};
use crate::analysis::{self, with_analyzer};
use crate::index::document::tantivy_date;
use crate::index::schema::{Fields, PASSAGE_RECORD};
use crate::model::bodies::{EQUIVALENTS, JOINING_WORDS};
use std::ops::Bound;
use std::sync::LazyLock;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// The score a matched content word adds before BM25, so that matched-word
/// count decides rank first.
pub const TIER: f32 = 1000.0;

/// The score a content word's exact (unstemmed) form adds: less than a
/// matched word's [`TIER`], so matching more words still comes first.
pub const EXACT_TIER: f32 = TIER / 4.0;

/// The share of a matched word's tier that a word found only in the
/// passages around a passage (the context field) adds to it.
pub const CONTEXT_SHARE: f32 = 0.3;

/// A content clause on its way into the plan.
struct Content {
    /// Its query on the passage's text.
    query: Box<dyn Query>,
    /// Its IDF (the weighted coordination's weight).
    idf: f32,
    /// How it reads in an explanation.
    label: String,
    /// Its query on the passages around (words only), if any.
    around: Option<Box<dyn Query>>,
}

/// The most passages, as a share of all, a word may be in for its context
/// clause to be planned: a word that common says little about a passage's
/// neighbours, and its long postings would cost every search.
const CONTEXT_MAX_SHARE: f32 = 0.1;

/// The context-field query of a clause: any of its one-stem words that are
/// not too common ([`CONTEXT_MAX_SHARE`]), or nothing (phrases and
/// compounds need positions the field does not keep).
fn context_query(items: &[Item], fields: &Fields, searcher: &Searcher) -> Option<Box<dyn Query>> {
    let most = searcher.num_docs() as f32 * CONTEXT_MAX_SHARE;
    any_of(
        items
            .iter()
            .filter_map(|item| match item {
                Item::Word(w) => match stemmed(w).as_slice() {
                    [stem] => Some(stem.clone()),
                    _ => None,
                },
                Item::Phrase(_) => None,
            })
            .filter(|stem| {
                let term = Term::from_field_text(fields.text, stem);
                searcher.doc_freq(&term).unwrap_or(0) as f32 <= most
            })
            .map(|stem| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.context, &stem),
                    IndexRecordOption::Basic,
                ))
            })
            .collect(),
    )
}

/// The shortest word (in characters) that may match with one typo.
const FUZZY_MIN_CHARS: usize = 5;

/// Words that ask or connect rather than name what is sought; never required.
const FILLER: &[&str] = &[
    "apa",
    "apakah",
    "bagaimana",
    "bagaimanakah",
    "mengapa",
    "kenapa",
    "siapa",
    "siapakah",
    "kapan",
    "dimana",
    "mana",
    "berapa",
    "tentang",
    "soal",
    "mengenai",
    "terkait",
    "kata",
    "kata-kata",
    "bilang",
    "berkata",
    "mengatakan",
    "setelah",
    "sebelum",
    "saat",
    "ketika",
    "yang",
    "dan",
    "atau",
    "di",
    "ke",
    "dari",
    "itu",
    "ini",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "oleh",
    "bahwa",
    "adalah",
    "ialah",
    "juga",
    "saja",
    "sih",
    "dong",
    "para",
    "sang",
    "si",
    "pernah",
    "sudah",
    "telah",
    "akan",
    "bisa",
    "dapat",
    "ada",
];

/// Each equivalence's long and short form ([`EQUIVALENTS`], matched both
/// ways), stemmed once per process.
static EQUIVALENT_STEMS: LazyLock<Vec<[Vec<String>; 2]>> = LazyLock::new(|| {
    with_analyzer(|a| {
        EQUIVALENTS
            .iter()
            .map(|(short, long)| [a.stemmed(long), a.stemmed(short)])
            .collect()
    })
});

/// The field's multi-word terms (`concepts.txt`), each as its stems, with
/// the term itself, longest first where one starts another.
static CONCEPTS: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(|| {
    include_str!("concepts.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|term| (stemmed(term), term))
        .filter(|(stems, _)| stems.len() > 1)
        .collect()
});

/// A planned query and the query whose terms the snippets highlight.
pub struct Plan {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// Term queries on the stemmed text field for the snippet generator.
    pub highlight: Box<dyn Query>,
    /// Whether the query has words or phrases (false: filters only, browse by date).
    pub has_text: bool,
    /// Each scoring part of the query with what it stands for, to explain
    /// a hit's score part by part ([`Part`]).
    pub parts: Vec<Part>,
}

/// A scoring part of a planned query: a content word (or `OR` group) with
/// its tier and BM25, a phrase, a word's exact form, a filler word.
pub struct Part {
    /// What the part matches, as `word kontrak`, `exact form atasan`,
    /// `phrase "uji konsekuensi"`, `filler apa`.
    pub label: String,
    /// Its query, as it scores inside the plan.
    pub query: Box<dyn Query>,
}

impl Part {
    fn new(label: String, query: &dyn Query) -> Self {
        Part {
            label,
            query: query.box_clone(),
        }
    }
}

/// How a clause's items read in an explanation (`kontrak OR kerja`).
fn label_of(items: &[Item]) -> String {
    items
        .iter()
        .map(|item| match item {
            Item::Word(w) => w.clone(),
            Item::Phrase(p) => format!("\"{p}\""),
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// How matched content words count before BM25 orders passages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coordination {
    /// Each matched word adds the same [`TIER`]: more matched words first.
    Constant,
    /// Each matched word adds [`TIER`] times its IDF over the query's
    /// highest: a rare word that carries the question outweighs common ones.
    Weighted,
}

/// The coordination searches use.
pub const COORDINATION: Coordination = Coordination::Constant;

/// Plans `parsed` (with `extra` filters from request parameters) against an index.
pub fn plan(
    parsed: &ParsedQuery,
    extra: &Filters,
    fields: &Fields,
    searcher: &Searcher,
) -> Result<Plan, QueryError> {
    plan_with(parsed, extra, fields, searcher, COORDINATION)
}

/// BM25's IDF of the rarest word of `text` in the stemmed text field.
fn rarest_idf(text: &str, fields: &Fields, searcher: &Searcher) -> f32 {
    let n = searcher.num_docs() as f32;
    stemmed(text)
        .iter()
        .map(|s| {
            let df = searcher
                .doc_freq(&Term::from_field_text(fields.text, s))
                .unwrap_or(0) as f32;
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        })
        .fold(0.0, f32::max)
}

/// [`plan`] with a chosen coordination (the relevance evaluation compares them).
pub fn plan_with(
    parsed: &ParsedQuery,
    extra: &Filters,
    fields: &Fields,
    searcher: &Searcher,
    coordination: Coordination,
) -> Result<Plan, QueryError> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut content: Vec<Content> = Vec::new();
    let mut exact_forms: Vec<Box<dyn Query>> = Vec::new();
    let mut filler: Vec<Box<dyn Query>> = Vec::new();
    let mut highlight: Vec<String> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();

    let words = merge_reduplications(&parsed.clauses);
    let (clauses, concepts) = merge_concepts(&merge_equivalents(&words));
    let mut filters = parsed.filters.clone();
    filters.merge(extra);
    // A word that names the active role or speaker filter (`majelis` under
    // role:majelis) is met by the filter: it only adds score, as filler does.
    let met = met_by_filters(&filters);
    let is_filler = |w: &str| {
        let stems = stemmed(w);
        is_filler(w) || (!stems.is_empty() && stems.iter().all(|s| met.contains(s)))
    };
    let only_filler = clauses.iter().filter(|c| !c.negated).all(|c| {
        c.alternatives
            .iter()
            .all(|a| matches!(a, Item::Word(w) if is_filler(w)))
    });
    for (at, clause) in clauses.iter().enumerate() {
        if clause.negated {
            for item in &clause.alternatives {
                if let Some(q) = exclusion_query(item, fields) {
                    must.push((Occur::MustNot, q));
                }
            }
            continue;
        }
        // A typed phrase is required; a concept the words spell is not.
        if let ([Item::Phrase(phrase)], false) = (clause.alternatives.as_slice(), concepts[at]) {
            if let Some(q) = exact_phrase(phrase, fields) {
                highlight.extend(highlighted(phrase));
                parts.push(Part::new(format!("phrase \"{phrase}\""), &*q));
                must.push((Occur::Must, q));
            }
            continue;
        }
        let is_filler_clause = !only_filler
            && clause.alternatives.len() == 1
            && matches!(&clause.alternatives[0], Item::Word(w) if is_filler(w));
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for item in &clause.alternatives {
            let q = match item {
                Item::Word(word) => word_query(word, fields, searcher),
                // A concept matches stemmed, as its words would.
                Item::Phrase(concept) if concepts[at] => one_concept(fields.text, stemmed(concept)),
                Item::Phrase(phrase) => {
                    one_concept(fields.text_exact, with_analyzer(|a| a.exact(phrase)))
                }
            };
            if let Some(q) = q {
                if !is_filler_clause {
                    let (Item::Word(text) | Item::Phrase(text)) = item;
                    highlight.extend(highlighted(text));
                }
                alternatives.push(q);
            }
        }
        let Some(q) = any_of(alternatives) else {
            continue;
        };
        // The exact form of a word counts above a stem-only match
        // (`atasan` is not `atas`; `wenang` is not `kewenangan`).
        if !is_filler_clause {
            for item in &clause.alternatives {
                let word = match item {
                    Item::Word(word) => Some(word),
                    Item::Phrase(concept) if concepts[at] => Some(concept),
                    Item::Phrase(_) => None,
                };
                if let Some(word) = word {
                    if let Some(exact) = exact_phrase(word, fields) {
                        let exact: Box<dyn Query> =
                            Box::new(ConstScoreQuery::new(exact, EXACT_TIER));
                        parts.push(Part::new(format!("exact form {word}"), &*exact));
                        exact_forms.push(exact);
                    }
                }
            }
        }
        let label = label_of(&clause.alternatives);
        if is_filler_clause {
            parts.push(Part::new(format!("filler {label}"), &*q));
            filler.push(q);
        } else {
            // Only the weighted coordination reads the words' frequencies.
            let idf = match coordination {
                Coordination::Constant => 0.0,
                Coordination::Weighted => clause
                    .alternatives
                    .iter()
                    .map(|item| {
                        let (Item::Word(text) | Item::Phrase(text)) = item;
                        rarest_idf(text, fields, searcher)
                    })
                    .fold(0.0, f32::max),
            };
            let around = context_query(&clause.alternatives, fields, searcher);
            content.push(Content {
                query: q,
                idf,
                label,
                around,
            });
        }
    }
    // The tier separates passages by how many content words they match (or,
    // weighted, by how much the matched words tell); with one content word
    // every match is in the same tier, so it is left out.
    let highest = content.iter().map(|c| c.idf).fold(0.0, f32::max);
    let tiered = content.len() > 1;
    let mut context_parts: Vec<(Box<dyn Query>, String)> = Vec::new();
    let content: Vec<(Box<dyn Query>, String)> = if tiered {
        content
            .into_iter()
            .map(|c| -> (Box<dyn Query>, String) {
                let tier = match coordination {
                    Coordination::Constant => TIER,
                    Coordination::Weighted if highest > 0.0 => TIER * c.idf / highest,
                    Coordination::Weighted => TIER,
                };
                let parts: Vec<(Occur, Box<dyn Query>)> = vec![
                    (
                        Occur::Should,
                        Box::new(ConstScoreQuery::new(c.query.box_clone(), tier)),
                    ),
                    (Occur::Should, c.query.box_clone()),
                ];
                // Found only around the passage: a share of the tier, as
                // a clause of its own (it never makes a passage match).
                if let Some(around) = c.around {
                    let only_around =
                        BooleanQuery::new(vec![(Occur::Must, around), (Occur::MustNot, c.query)]);
                    let boost: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                        Box::new(only_around),
                        tier * CONTEXT_SHARE,
                    ));
                    context_parts.push((boost, c.label.clone()));
                }
                (Box::new(BooleanQuery::new(parts)), c.label)
            })
            .collect()
    } else {
        content.into_iter().map(|c| (c.query, c.label)).collect()
    };
    for (q, label) in &content {
        let what = if tiered {
            "word, tier + BM25"
        } else {
            "word, BM25"
        };
        parts.push(Part::new(format!("{what}: {label}"), &**q));
    }
    for (q, label) in &context_parts {
        parts.push(Part::new(format!("only around the passage: {label}"), &**q));
    }
    let content: Vec<Box<dyn Query>> = content.into_iter().map(|(q, _)| q).collect();

    let has_phrase = must.iter().any(|(o, _)| *o == Occur::Must);
    let has_text = !content.is_empty() || has_phrase;
    let mut top: Vec<(Occur, Box<dyn Query>)> = must;
    if !content.is_empty() {
        let any_content =
            BooleanQuery::new(content.into_iter().map(|q| (Occur::Should, q)).collect());
        // With a required phrase the other words rank the passages that
        // have it: the phrase is often in one sentence and the words in
        // the next.
        let occur = if has_phrase {
            Occur::Should
        } else {
            Occur::Must
        };
        top.push((occur, Box::new(any_content)));
    }
    top.extend(filler.into_iter().map(|q| (Occur::Should, q)));
    top.extend(exact_forms.into_iter().map(|q| (Occur::Should, q)));
    top.extend(context_parts.into_iter().map(|(q, _)| (Occur::Should, q)));
    for q in filter_queries(&filters, fields)? {
        top.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    }
    if !top.iter().any(|(o, _)| *o == Occur::Must) {
        // Nothing to match on: every passage (never a document record).
        top.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.record, PASSAGE_RECORD),
                IndexRecordOption::Basic,
            )),
        ));
    }
    highlight.sort();
    highlight.dedup();
    let highlight_query: Box<dyn Query> = if highlight.is_empty() {
        Box::new(EmptyQuery)
    } else {
        Box::new(BooleanQuery::new(
            highlight
                .iter()
                .map(|t| -> (Occur, Box<dyn Query>) {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(fields.text, t),
                            IndexRecordOption::Basic,
                        )),
                    )
                })
                .collect(),
        ))
    };
    Ok(Plan {
        query: Box::new(BooleanQuery::new(top)),
        highlight: highlight_query,
        has_text,
        parts,
    })
}

/// The baseline the relevance evaluation compares against: plain stemmed
/// BM25 over the text, any word (every word and the words of every phrase,
/// excluded ones left out), with the same filters.
pub fn baseline(
    parsed: &ParsedQuery,
    extra: &Filters,
    fields: &Fields,
) -> Result<Plan, QueryError> {
    let words: Vec<String> = parsed
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .flat_map(|c| &c.alternatives)
        .flat_map(|item| {
            let (Item::Word(text) | Item::Phrase(text)) = item;
            stemmed(text)
        })
        .collect();
    let any_word = any_of(
        words
            .iter()
            .map(|t| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.text, t),
                    IndexRecordOption::WithFreqs,
                ))
            })
            .collect(),
    );
    let has_text = any_word.is_some();
    let mut top: Vec<(Occur, Box<dyn Query>)> =
        any_word.into_iter().map(|q| (Occur::Must, q)).collect();
    let mut filters = parsed.filters.clone();
    filters.merge(extra);
    for q in filter_queries(&filters, fields)? {
        top.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    }
    top.push((
        Occur::Must,
        Box::new(TermQuery::new(
            Term::from_field_text(fields.record, PASSAGE_RECORD),
            IndexRecordOption::Basic,
        )),
    ));
    Ok(Plan {
        query: Box::new(BooleanQuery::new(top)),
        highlight: Box::new(EmptyQuery),
        has_text,
        parts: Vec::new(),
    })
}

/// The stems of the words the role and speaker filters name: each role's
/// name (`majelis`, `pihak terkait`) and the words of each speaker filter.
fn met_by_filters(filters: &Filters) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for role in &filters.roles {
        words.push(role.as_str().replace('_', " "));
    }
    words.extend(filters.speakers.iter().cloned());
    let mut stems: Vec<String> = words.iter().flat_map(|w| stemmed(w)).collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The stems of [`JOINING_WORDS`].
static JOINING_STEMS: LazyLock<Vec<String>> =
    LazyLock::new(|| JOINING_WORDS.iter().flat_map(|w| stemmed(w)).collect());

/// The stems the snippets highlight for a word or a phrase: every stem of
/// a word, a phrase's without its joining words.
fn highlighted(text: &str) -> Vec<String> {
    let mut stems = stemmed(text);
    if stems.len() > 1 {
        stems.retain(|s| !JOINING_STEMS.contains(s));
    }
    stems
}

fn is_filler(word: &str) -> bool {
    FILLER.contains(
        &analysis::tokenizer::tokenize(word)
            .first()
            .map_or(String::new(), |t| t.text.clone())
            .as_str(),
    )
}

fn any_of(mut queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))),
    }
}

/// A word: its stem in the stemmed view, its equivalents, and one typo of
/// tolerance for a longer word the index does not hold. A word that analyses
/// into several tokens (`023/III/KIP-PS/2024`) is a phrase of them.
fn word_query(word: &str, fields: &Fields, searcher: &Searcher) -> Option<Box<dyn Query>> {
    let stems = stemmed(word);
    match stems.as_slice() {
        [] => None,
        [token] => {
            let term = Term::from_field_text(fields.text, token);
            let mut alternatives: Vec<Box<dyn Query>> = vec![Box::new(TermQuery::new(
                term.clone(),
                IndexRecordOption::WithFreqs,
            ))];
            if let Some(phrase) = negation_phrase(token, fields, searcher) {
                alternatives.push(phrase);
            }
            let known = searcher.doc_freq(&term).unwrap_or(0) > 0;
            if !known
                && token.chars().count() >= FUZZY_MIN_CHARS
                && token.chars().all(char::is_alphabetic)
            {
                alternatives.push(Box::new(FuzzyTermQuery::new(term, 1, true)));
            }
            any_of(alternatives)
        }
        _ => exact_phrase(word, fields),
    }
}

/// The prefix of a negated noun's stem: *ketidakhadiran* stems to
/// `tidakhadir`.
const NEGATION: &str = "tidak";

/// For the stem of a negated noun (*ketidakhadiran*, *ketidakpatuhan*:
/// `tidak` and a root, which the stemmer leaves joined), the stemmed phrase
/// `tidak ROOT`, so that the noun finds *tidak hadir*, *tidak patuh*;
/// when the index holds the root.
fn negation_phrase(stem: &str, fields: &Fields, searcher: &Searcher) -> Option<Box<dyn Query>> {
    let root = stem.strip_prefix(NEGATION)?;
    if root.chars().count() < 3 || !root.chars().all(char::is_alphabetic) {
        return None;
    }
    let root = Term::from_field_text(fields.text, root);
    if searcher.doc_freq(&root).unwrap_or(0) == 0 {
        return None;
    }
    let negation = Term::from_field_text(fields.text, NEGATION);
    Some(Box::new(PhraseQuery::new(vec![negation, root])))
}

/// The exact words of `phrase`, in order, in the exact view.
fn exact_phrase(phrase: &str, fields: &Fields) -> Option<Box<dyn Query>> {
    phrase_on(fields.text_exact, with_analyzer(|a| a.exact(phrase)))
}

/// The stemmed view of `text`, by the shared analyzer.
fn stemmed(text: &str) -> Vec<String> {
    with_analyzer(|a| a.stemmed(text))
}

/// A phrase that stands for one concept among a clause's alternatives:
/// its BM25 (a sum over its words) divided by its length, so that a
/// concept scores as one word does however it is spelt (`BUMD` or `badan
/// usaha milik daerah`).
fn one_concept(field: tantivy::schema::Field, tokens: Vec<String>) -> Option<Box<dyn Query>> {
    let words = tokens.len();
    let q = phrase_on(field, tokens)?;
    Some(if words > 1 {
        Box::new(BoostQuery::new(q, 1.0 / words as f32))
    } else {
        q
    })
}

fn phrase_on(field: tantivy::schema::Field, tokens: Vec<String>) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = tokens
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

fn exclusion_query(item: &Item, fields: &Fields) -> Option<Box<dyn Query>> {
    match item {
        Item::Word(word) => phrase_on(fields.text, stemmed(word)),
        Item::Phrase(phrase) => exact_phrase(phrase, fields),
    }
}

/// Replaces runs of words that spell one side of an equivalence (`komisi
/// informasi pusat`, or `kip`) with one clause matching either side.
/// The stems of each clause that is one word (not excluded); none for
/// any other clause.
fn word_stems(clauses: &[Clause]) -> Vec<Option<Vec<String>>> {
    clauses
        .iter()
        .map(|c| match c.alternatives.as_slice() {
            [Item::Word(w)] if !c.negated => Some(stemmed(w)),
            _ => None,
        })
        .collect()
}

/// Where the run of one-word clauses from `i` ends if their stems spell
/// `wanted` exactly.
fn spelled(stems: &[Option<Vec<String>>], i: usize, wanted: &[String]) -> Option<usize> {
    let mut got: Vec<String> = Vec::new();
    let mut j = i;
    while j < stems.len() && got.len() < wanted.len() {
        got.extend(stems[j].as_ref()?.iter().cloned());
        j += 1;
    }
    (got == wanted).then_some(j)
}

/// Two words typed apart that write one reduplicated word (`undang
/// undang`, `sewenang wenang`, `masing masing`) made that word
/// (`undang-undang`): one clause, matched as the text's hyphenated word
/// is (*undang-undang* is "law", its parts alone "invite").
fn merge_reduplications(clauses: &[Clause]) -> Vec<Clause> {
    let bare = |c: &Clause| match c.alternatives.as_slice() {
        [Item::Word(w)] if !c.negated && w.chars().all(char::is_alphabetic) => {
            Some(w.to_lowercase())
        }
        _ => None,
    };
    let mut out: Vec<Clause> = Vec::with_capacity(clauses.len());
    let mut i = 0;
    while i < clauses.len() {
        let pair = bare(&clauses[i]).zip(clauses.get(i + 1).and_then(bare));
        match pair {
            Some((a, b)) if analysis::morphology::is_reduplication(&a, &b) => {
                out.push(Clause {
                    alternatives: vec![Item::Word(format!("{a}-{b}"))],
                    negated: false,
                });
                i += 2;
            }
            _ => {
                out.push(clauses[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Runs of single-word clauses that spell a concept ([`CONCEPTS`]) made one
/// clause of the concept as a phrase, and which clauses are such concepts.
fn merge_concepts(clauses: &[Clause]) -> (Vec<Clause>, Vec<bool>) {
    let stems = word_stems(clauses);
    let (mut out, mut concepts) = (Vec::new(), Vec::new());
    let mut i = 0;
    'outer: while i < clauses.len() {
        for (wanted, term) in CONCEPTS.iter() {
            if let Some(j) = spelled(&stems, i, wanted) {
                out.push(Clause {
                    alternatives: vec![Item::Phrase((*term).to_string())],
                    negated: false,
                });
                concepts.push(true);
                i = j;
                continue 'outer;
            }
        }
        out.push(clauses[i].clone());
        concepts.push(false);
        i += 1;
    }
    (out, concepts)
}

fn merge_equivalents(clauses: &[Clause]) -> Vec<Clause> {
    let stems = word_stems(clauses);
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < clauses.len() {
        for (pair, (short, long)) in EQUIVALENT_STEMS.iter().zip(EQUIVALENTS.iter()) {
            for wanted in pair {
                if let Some(j) = spelled(&stems, i, wanted) {
                    out.push(Clause {
                        alternatives: vec![
                            Item::Phrase((*short).to_string()),
                            Item::Phrase((*long).to_string()),
                        ],
                        negated: false,
                    });
                    i = j;
                    continue 'outer;
                }
            }
        }
        out.push(clauses[i].clone());
        i += 1;
    }
    out
}

fn filter_queries(filters: &Filters, fields: &Fields) -> Result<Vec<Box<dyn Query>>, QueryError> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let terms = |field, values: Vec<String>| -> Option<Box<dyn Query>> {
        any_of(
            values
                .into_iter()
                .map(|v| -> Box<dyn Query> {
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &v),
                        IndexRecordOption::Basic,
                    ))
                })
                .collect(),
        )
    };
    let names = |names: Vec<&'static str>| names.into_iter().map(str::to_string).collect();
    // A mode with a role: an attribution of that mode by that role.
    let modes: Vec<String> = filters
        .modes
        .iter()
        .flat_map(|m| {
            let roles: Vec<String> = filters
                .roles
                .iter()
                .map(|r| crate::index::document::mode_term(m.as_str(), r.as_str()))
                .collect();
            if roles.is_empty() {
                vec![m.as_str().to_string()]
            } else {
                roles
            }
        })
        .collect();
    let cases = filters
        .cases
        .iter()
        .map(|c| crate::legal::register::case_key(c))
        .collect();
    let by_field = [
        (
            fields.role,
            names(
                filters
                    .roles
                    .iter()
                    .map(|r| r.as_str())
                    .chain(
                        filters
                            .narration
                            .then_some(crate::index::document::NARRATION),
                    )
                    .collect(),
            ),
        ),
        (fields.mode, modes),
        (
            fields.doc_type,
            names(filters.doc_types.iter().map(|t| t.as_str()).collect()),
        ),
        (
            fields.provenance,
            names(filters.provenances.iter().map(|p| p.as_str()).collect()),
        ),
        (fields.case, cases),
        (fields.commission_key, filters.commissions.clone()),
        (
            fields.section,
            names(filters.sections.iter().map(|s| s.as_str()).collect()),
        ),
        (
            fields.outcome,
            names(filters.outcomes.iter().map(|o| o.as_str()).collect()),
        ),
    ];
    out.extend(
        by_field
            .into_iter()
            .filter_map(|(field, values)| terms(field, values)),
    );
    match filters.procedural {
        Some(true) => out.extend(terms(
            fields.kind,
            vec![crate::index::document::PROCEDURAL.to_string()],
        )),
        Some(false) => out.push(Box::new(BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.record, PASSAGE_RECORD),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>,
            ),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(fields.kind, crate::index::document::PROCEDURAL),
                    IndexRecordOption::Basic,
                )),
            ),
        ]))),
        None => {}
    }
    // Each law a query names must be cited (`law:a law:b`: both).
    for law in &filters.laws {
        out.extend(terms(fields.law, vec![law.clone()]));
    }
    for speaker in &filters.speakers {
        match phrase_on(fields.speaker, with_analyzer(|a| a.exact(speaker))) {
            Some(q) => out.push(q),
            None => return Err(QueryError::SpeakerWithoutWords(speaker.clone())),
        }
    }
    let dates = filters.dates;
    if !dates.is_open() {
        if let (true, Some(f), Some(t)) = (dates.is_empty(), dates.from, dates.to) {
            return Err(QueryError::EmptyDateRange(f.to_string(), t.to_string()));
        }
        // A document matches when the days its date may mean overlap the
        // range: it starts before the range ends and ends after it starts
        // (`date:2016-05` finds a document dated only `2016`).
        if let Some(to) = dates.to {
            out.push(Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Included(Term::from_field_date(fields.date, tantivy_date(to))),
            )));
        }
        if let Some(from) = dates.from {
            out.push(Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_date(fields.date_last, tantivy_date(from))),
                Bound::Unbounded,
            )));
        }
    }
    Ok(out)
}
