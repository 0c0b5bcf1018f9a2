//! Indexing as stages, shared by `risalah check` and `risalah index` so the
//! two always agree:
//!
//! 1. **parse** each file on its own ([`crate::corpus::parse_bytes`]): pure,
//!    a function of the file's bytes and the label table; then mask the
//!    personal data and read each decision's sections, outcome and cited
//!    cases ([`prepare_documents`]);
//! 2. **link** across the corpus: keep one owner per document id
//!    ([`reject_duplicate_ids`]) and gather the hearing rosters of each case
//!    ([`CaseRosters`]);
//! 3. **attribute** once ([`attribute_documents`]): who each news paragraph
//!    quotes, with the roster of its case;
//! 4. **index** (in [`crate::index::build`]).
//!
//! An incremental build does not re-read unchanged files, so the link stage
//! also takes the rosters that unchanged files contributed (recorded in the
//! manifest), and a report is attributed again whenever the roster it was
//! attributed with changes.

use crate::corpus::{self, ParsedFile, Problem};
use crate::legal::register::case_key;
use crate::model::{DocType, Document, Speaker};
use crate::privacy::{Masked, Redactions};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The hearing rosters of a corpus, by case key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseRosters {
    by_case: BTreeMap<String, Vec<Speaker>>,
}

impl CaseRosters {
    /// Adds one file's contribution (its transcripts' rosters, by case key).
    /// Files must be added in corpus path order, so that every build
    /// gathers each roster in the same order.
    pub fn add(&mut self, contribution: &BTreeMap<String, Vec<Speaker>>) {
        for (case, speakers) in contribution {
            self.by_case
                .entry(case.clone())
                .or_default()
                .extend(speakers.iter().cloned());
        }
    }

    /// The roster of a case (empty when the corpus has no hearing of it).
    pub fn get(&self, case_key: &str) -> &[Speaker] {
        self.by_case.get(case_key).map_or(&[], Vec::as_slice)
    }

    /// A fingerprint of a case's roster: equal fingerprints mean an
    /// attribution with either roster gives the same result.
    pub fn fingerprint(&self, case_key: &str) -> String {
        let json = serde_json::to_vec(self.get(case_key)).unwrap_or_default();
        blake3::hash(&json).to_hex()[..16].to_string()
    }
}

/// The rosters the transcripts among `documents` give, by case key.
pub fn roster_contribution(documents: &[Document]) -> BTreeMap<String, Vec<Speaker>> {
    let mut out: BTreeMap<String, Vec<Speaker>> = BTreeMap::new();
    for doc in documents {
        if let (DocType::Transcript, Some(case)) = (doc.meta.doc_type, &doc.meta.case) {
            if !doc.roster.is_empty() {
                out.entry(case_key(case))
                    .or_default()
                    .extend(doc.roster.iter().cloned());
            }
        }
    }
    out
}

/// Attributes every news report among `documents` with the roster of its
/// case, and returns the rosters used: case key → fingerprint.
pub fn attribute_documents(
    documents: &mut [Document],
    rosters: &CaseRosters,
) -> BTreeMap<String, String> {
    let mut used = BTreeMap::new();
    for doc in documents
        .iter_mut()
        .filter(|d| d.meta.doc_type == DocType::News)
    {
        let key = doc.meta.case.as_deref().map(case_key);
        let roster = key.as_deref().map_or(&[][..], |k| rosters.get(k));
        crate::attribution::attribute_document(doc, roster);
        if let Some(key) = key {
            used.insert(key.clone(), rosters.fingerprint(&key));
        }
    }
    used
}

/// Keeps the first document of each id and rejects the others, with a
/// problem naming the file that owns the id. `owners` already hold some ids
/// (the files an incremental run does not re-read); `files` are visited in order.
pub fn reject_duplicate_ids<'a>(
    files: impl IntoIterator<Item = &'a mut ParsedFile>,
    owners: HashMap<String, PathBuf>,
) {
    let mut first_seen = owners;
    for file in files {
        let mut kept = Vec::new();
        for doc in std::mem::take(&mut file.documents) {
            match first_seen.get(&doc.meta.id) {
                Some(first) => {
                    let line = doc.passages.first().map_or(1, |p| p.line);
                    file.problems.push(Problem::error(
                        &file.path,
                        line,
                        format!(
                            "duplicate document id `{}` (already used by {}; a document's passages must all be in one file)",
                            doc.meta.id,
                            first.display()
                        ),
                    ));
                }
                None => {
                    first_seen.insert(doc.meta.id.clone(), file.path.clone());
                    kept.push(doc);
                }
            }
        }
        file.documents = kept;
    }
}

/// The path of a corpus file relative to the corpus root, `/`-separated:
/// the key the manifest and the index's `file` field use.
pub fn relative_key(root: &Path, path: &Path) -> String {
    let rel = if root.is_file() {
        Path::new(path.file_name().unwrap_or(path.as_os_str()))
    } else {
        path.strip_prefix(root).unwrap_or(path)
    };
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Masks the personal data of private persons in every document, before
/// anything reads its words ([`crate::privacy`]), then reads what the law
/// and the register tell of each ([`crate::legal::annotate`]); what was masked.
pub fn prepare_documents(documents: &mut [Document], redactions: &Redactions) -> Vec<Masked> {
    let masked = documents
        .iter_mut()
        .flat_map(|d| crate::privacy::mask_document(d, redactions))
        .collect();
    documents.iter_mut().for_each(crate::legal::annotate);
    masked
}

/// The outcome of reading a whole corpus through every stage but the index.
#[derive(Debug, Default)]
pub struct CorpusReport {
    /// Every file parsed, in path order: deduplicated, linked and attributed.
    pub files: Vec<ParsedFile>,
    /// Problems that belong to no single parse (unknown files, label table).
    pub other_problems: Vec<Problem>,
    /// What was masked as personal data, per file (in `files` order).
    pub masked: Vec<Vec<Masked>>,
}

impl CorpusReport {
    /// Every problem, in file order.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.other_problems
            .iter()
            .chain(self.files.iter().flat_map(|f| f.problems.iter()))
    }

    /// How many documents passed.
    pub fn document_count(&self) -> usize {
        self.files.iter().map(|f| f.documents.len()).sum()
    }

    /// How many passages passed.
    pub fn passage_count(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.documents)
            .map(|d| d.passages.len())
            .sum()
    }

    /// How many files had input rejected.
    pub fn rejected_files(&self) -> usize {
        corpus::diagnostics::count_rejected_files(self.problems())
    }

    /// How many warnings were reported.
    pub fn warning_count(&self) -> usize {
        self.problems().filter(|p| !p.is_error()).count()
    }
}

/// Reads every file of the corpus at `root` (directory or single file)
/// through parse, link and attribute: what `risalah index --rebuild` would
/// index, without writing anything.
pub fn read_corpus(root: &Path) -> std::io::Result<CorpusReport> {
    let (paths, mut other_problems) = corpus::discover(root)?;
    let labels = corpus::load_labels(root);
    other_problems.extend(labels.problems);
    let mut masked = Vec::with_capacity(paths.len());
    let mut files: Vec<ParsedFile> = paths
        .iter()
        .map(|p| {
            let mut file = corpus::parse_path(p, &labels.table);
            masked.push(prepare_documents(&mut file.documents, &labels.redactions));
            file
        })
        .collect();
    reject_duplicate_ids(&mut files, HashMap::new());
    // Rosters are gathered in manifest key order, as an index build does.
    let mut by_key: Vec<(String, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (relative_key(root, &f.path), i))
        .collect();
    by_key.sort();
    let mut rosters = CaseRosters::default();
    for (_, i) in &by_key {
        rosters.add(&roster_contribution(&files[*i].documents));
    }
    for file in &mut files {
        attribute_documents(&mut file.documents, &rosters);
    }
    Ok(CorpusReport {
        files,
        other_problems,
        masked,
    })
}
