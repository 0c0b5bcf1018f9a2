//! Reading the corpus: finding its files, parsing each by its format, and
//! reporting every problem as `path:line: reason` without losing the good files.
//!
//! Formats (documented for users in `corpus/README.md`):
//! - `*.txt`: a front-matter header (`type: transcript` or `type: news`), then
//!   the body; see [`transcript`] and [`news`].
//! - `*.jsonl`: one passage per line; see [`jsonl`].
//! - `labels.tsv`: extra speaker labels for transcripts; see [`labels`].
//!
//! `README*` files and dot-files are not corpus files; anything else is skipped
//! with a warning.

pub mod boilerplate;
pub mod diagnostics;
pub mod frontmatter;
pub mod jsonl;
pub mod labels;
pub mod news;
pub mod transcript;

use crate::model::{DocType, Document};
pub use diagnostics::{Diagnostics, Problem, Severity};
use labels::LabelTable;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The name of the optional label table in a corpus directory.
pub const LABELS_FILE: &str = "labels.tsv";

/// The largest corpus file read, in bytes; a larger file is rejected whole.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest passage accepted, in bytes: a longer one is a broken file
/// (a whole report on one line, a binary blob), not a speaker turn.
pub const MAX_PASSAGE_BYTES: usize = 1024 * 1024;

/// The result of parsing one corpus file.
#[derive(Debug)]
pub struct ParsedFile {
    /// The file, as found under the corpus root.
    pub path: PathBuf,
    /// The documents it holds that passed validation.
    pub documents: Vec<Document>,
    /// Every problem found, errors and warnings.
    pub problems: Vec<Problem>,
}

impl ParsedFile {
    /// Whether any problem rejected input from this file.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Lists the corpus files under `root` (a directory, or a single file), sorted.
/// Problems with unreadable directories or unknown file types are returned beside the list.
pub fn discover(root: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<Problem>)> {
    let meta = std::fs::metadata(root)?;
    if meta.is_file() {
        return Ok((vec![root.to_path_buf()], Vec::new()));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                problems.push(Problem::error(&path, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with("README") || name == LABELS_FILE {
            continue;
        }
        if is_corpus_file(path) {
            files.push(path.to_path_buf());
        } else {
            problems.push(Problem::warning(
                path,
                0,
                "not a corpus file (expected .txt or .jsonl); skipped",
            ));
        }
    }
    Ok((files, problems))
}

/// Whether `path` has a corpus file extension.
pub fn is_corpus_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl")
    )
}

/// Loads the label table of a corpus: built-in labels plus `labels.tsv` if present.
pub fn load_labels(root: &Path) -> (LabelTable, Vec<Problem>) {
    let mut table = LabelTable::default();
    let dir = if root.is_dir() {
        root
    } else {
        root.parent().unwrap_or(root)
    };
    let path = dir.join(LABELS_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return (table, Vec::new());
    };
    let problems = table
        .extend_from_tsv(&text)
        .into_iter()
        .map(|(line, reason)| Problem::error(&path, line, reason))
        .collect();
    (table, problems)
}

/// Reads and parses one file. Never panics on any content.
pub fn parse_path(path: &Path, labels: &LabelTable) -> ParsedFile {
    let bytes = match read_bounded(path) {
        Ok(bytes) => bytes,
        Err(reason) => {
            return ParsedFile {
                path: path.to_path_buf(),
                documents: Vec::new(),
                problems: vec![Problem::error(path, 0, reason)],
            }
        }
    };
    parse_bytes(path, &bytes, labels)
}

/// Reads a corpus file whole, refusing one over [`MAX_FILE_BYTES`]; the error is the reason to report.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file is {} bytes, over the {} byte limit; split it",
            meta.len(),
            MAX_FILE_BYTES
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read: {e}"))
}

/// Parses the bytes of one corpus file; `path` decides the format and names the problems.
pub fn parse_bytes(path: &Path, bytes: &[u8], labels: &LabelTable) -> ParsedFile {
    let mut diag = Diagnostics::new(path);
    let documents = match decode(bytes) {
        Err((line, reason)) => {
            diag.error(line, reason);
            Vec::new()
        }
        Ok(text) => parse_text(path, text, labels, &mut diag),
    };
    let problems = diag.into_problems();
    let rejected_whole = problems.iter().any(|p| p.is_error()) && !is_jsonl(path);
    ParsedFile {
        path: path.to_path_buf(),
        documents: if rejected_whole {
            Vec::new()
        } else {
            documents
        },
        problems,
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("jsonl")
}

/// Decodes UTF-8 (a leading byte-order mark is allowed), naming the line of the first bad byte.
fn decode(bytes: &[u8]) -> Result<&str, (u32, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if text.contains('\0') {
                let line = line_of_offset(bytes, text.find('\0').unwrap_or(0));
                return Err((
                    line,
                    "binary content (NUL byte); not a text file".to_string(),
                ));
            }
            Ok(text)
        }
        Err(e) => {
            let at = e.valid_up_to();
            Err((
                line_of_offset(bytes, at),
                format!("invalid UTF-8 at byte {at}; save the file as UTF-8"),
            ))
        }
    }
}

fn line_of_offset(bytes: &[u8], offset: usize) -> u32 {
    let newlines = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    frontmatter::line_no(newlines)
}

fn parse_text(
    path: &Path,
    text: &str,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Document> {
    if text.trim().is_empty() {
        diag.error(1, "empty file");
        return Vec::new();
    }
    warn_control_characters(text, diag);
    let mut documents = parse_format(path, text, labels, diag);
    reject_oversized_passages(&mut documents, diag);
    documents
}

/// Warns once per line about control characters (other than tab), which are
/// kept as published but may not display.
fn warn_control_characters(text: &str, diag: &mut Diagnostics) {
    for (i, line) in text.lines().enumerate() {
        if let Some((column, c)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')
        {
            diag.warning(
                frontmatter::line_no(i),
                format!(
                    "control character U+{:04X} at column {}; kept as published, but it may not display",
                    u32::from(c),
                    column + 1
                ),
            );
        }
    }
}

/// Rejects passages over [`MAX_PASSAGE_BYTES`], naming their line.
fn reject_oversized_passages(documents: &mut [Document], diag: &mut Diagnostics) {
    for doc in documents {
        doc.passages.retain(|p| {
            let ok = p.text.len() <= MAX_PASSAGE_BYTES;
            if !ok {
                diag.error(
                    p.line,
                    format!(
                        "a passage of {} bytes, over the {} byte limit; is the file broken into lines?",
                        p.text.len(),
                        MAX_PASSAGE_BYTES
                    ),
                );
            }
            ok
        });
    }
}

fn parse_format(
    path: &Path,
    text: &str,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Document> {
    if is_jsonl(path) {
        return jsonl::parse(text, labels, diag);
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(fm) = frontmatter::parse(&lines, labels, diag) else {
        return Vec::new();
    };
    let header_line = 1;
    require_fields(&fm, header_line, diag);
    // The first body line, or the last line of a file that has none.
    let body_line = frontmatter::line_no(fm.body_start.min(lines.len().saturating_sub(1)));
    let document = match fm.meta.doc_type {
        Some(DocType::News) | Some(DocType::Putusan) => news::parse(&lines, fm),
        Some(DocType::Transcript) | None => transcript::parse(&lines, fm, labels, diag),
    };
    if document.passages.is_empty() {
        diag.error(body_line, "empty body: no passage after the front matter");
    }
    vec![document]
}

/// Checks the keys a header must have for its document type.
fn require_fields(fm: &frontmatter::FrontMatter, line: u32, diag: &mut Diagnostics) {
    let Some(doc_type) = fm.meta.doc_type else {
        if !fm.present.contains(&"type") {
            diag.error(line, "missing required key `type` (transcript or news)");
        }
        return;
    };
    let by_type: &[&str] = match doc_type {
        DocType::Transcript | DocType::Putusan => &["id", "title", "date", "commission"],
        DocType::News => &["id", "title", "date", "publisher"],
    };
    for key in by_type.iter().filter(|k| !fm.present.contains(k)) {
        diag.error(line, format!("missing required key `{key}`"));
    }
}

/// The outcome of reading a whole corpus.
#[derive(Debug, Default)]
pub struct CorpusReport {
    /// Every file parsed, in path order, its documents deduplicated by id.
    pub files: Vec<ParsedFile>,
    /// Problems that belong to no single parse (unknown files, label table).
    pub other_problems: Vec<Problem>,
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
        diagnostics::count_rejected_files(self.problems())
    }

    /// How many warnings were reported.
    pub fn warning_count(&self) -> usize {
        self.problems().filter(|p| !p.is_error()).count()
    }
}

/// Reads every file of the corpus at `root` (directory or single file).
pub fn read_corpus(root: &Path) -> std::io::Result<CorpusReport> {
    let (paths, mut other_problems) = discover(root)?;
    let (labels, label_problems) = load_labels(root);
    other_problems.extend(label_problems);
    let files = paths.iter().map(|p| parse_path(p, &labels)).collect();
    let mut report = CorpusReport {
        files,
        other_problems,
    };
    reject_duplicate_ids(&mut report.files);
    link_rosters(&mut report.files);
    Ok(report)
}

/// Re-attributes each news report that names a case the corpus has a
/// transcript of, with that hearing's roster: a name the report gives no
/// role gets the role the roster gives it.
pub fn link_rosters(files: &mut [ParsedFile]) {
    let mut rosters: HashMap<String, Vec<crate::model::Speaker>> = HashMap::new();
    for doc in files.iter().flat_map(|f| &f.documents) {
        if let (DocType::Transcript, Some(case)) = (doc.doc_type(), &doc.meta.case) {
            rosters
                .entry(case.trim().to_lowercase())
                .or_default()
                .extend(doc.roster.iter().cloned());
        }
    }
    if rosters.is_empty() {
        return;
    }
    for doc in files.iter_mut().flat_map(|f| f.documents.iter_mut()) {
        let roster = doc
            .meta
            .case
            .as_ref()
            .and_then(|c| rosters.get(&c.trim().to_lowercase()));
        if let (DocType::News, Some(roster)) = (doc.doc_type(), roster) {
            let roster = roster.clone();
            crate::attribution::attribute_document(doc, &roster);
        }
    }
}

/// Keeps the first document of each id (in path order) and rejects the others.
pub fn reject_duplicate_ids(files: &mut [ParsedFile]) {
    reject_duplicate_ids_against(files, HashMap::new());
}

/// Like [`reject_duplicate_ids`], where `owners` already hold some ids (the
/// files an incremental run does not re-read).
pub fn reject_duplicate_ids_against(files: &mut [ParsedFile], owners: HashMap<String, PathBuf>) {
    let mut first_seen = owners;
    for file in files.iter_mut() {
        let mut kept = Vec::new();
        for doc in std::mem::take(&mut file.documents) {
            match first_seen.get(&doc.meta.id) {
                Some(first) => {
                    let line = doc.passages.first().map_or(1, |p| p.line);
                    file.problems.push(Problem::error(
                        &file.path,
                        line,
                        format!(
                            "duplicate document id `{}` (already used by {})",
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
