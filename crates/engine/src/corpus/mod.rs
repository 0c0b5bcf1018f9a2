//! Reading the corpus: finding its files, parsing each by its format, and
//! reporting every problem as `path:line: reason` without losing the good files.
//!
//! Formats (documented for users in `corpus/README.md`):
//! - `*.txt`: a front-matter header (`type: transcript` or `type: news`), then
//!   the body; see [`transcript`] and [`news`].
//! - `*.jsonl`: one passage per line; see [`jsonl`].
//! - `*.vtt`, `*.srt`: captions of a recorded hearing; see [`captions`].
//! - `*.html`, `*.htm`: a web page saved from the browser; see [`html`].
//! - `*.pdf`: a risalah or a decision as published; see [`pdf`].
//! - `NAME.ext.meta`: the front-matter keys of `NAME.ext`; see [`sidecar`].
//! - `labels.tsv`: extra speaker labels for transcripts; see [`labels`].
//!
//! `README*` files and dot-files are not corpus files; anything else is skipped
//! with a warning.

pub mod boilerplate;
pub mod captions;
pub mod diagnostics;
pub mod frontmatter;
pub mod html;
pub mod jsonl;
pub mod labels;
pub mod news;
pub mod pdf;
pub mod sidecar;
pub mod transcript;

use crate::model::{DocType, Document, Provenance};
use diagnostics::line_no;
pub use diagnostics::{Diagnostics, Problem, Severity};
use frontmatter::Key;
use labels::LabelTable;
use std::path::{Path, PathBuf};

/// The name of the optional label table in a corpus directory.
pub const LABELS_FILE: &str = "labels.tsv";

/// The largest corpus file read whole, in bytes; a larger one is rejected.
/// JSONL files are read line by line and have no limit.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The extension of a sidecar file: `NAME.pdf.meta` holds the front-matter
/// keys of `NAME.pdf`.
pub const SIDECAR_EXTENSION: &str = "meta";

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
        if name.starts_with("README")
            || name == LABELS_FILE
            || name == crate::privacy::REDACTIONS_FILE
            || path.extension().and_then(|e| e.to_str()) == Some(SIDECAR_EXTENSION)
        {
            continue;
        }
        if is_corpus_file(path) {
            files.push(path.to_path_buf());
        } else {
            problems.push(Problem::warning(
                path,
                0,
                format!(
                    "not a corpus file (expected {}); skipped",
                    Format::EXTENSIONS
                ),
            ));
        }
    }
    Ok((files, problems))
}

/// Whether `path` has a corpus file extension.
pub fn is_corpus_file(path: &Path) -> bool {
    Format::of(path).is_some()
}

/// The format of a corpus file, by its extension (any case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `*.txt`: front matter, then a transcript, report or decision.
    Text,
    /// `*.jsonl`: one passage per line, read as a stream.
    Jsonl,
    /// `*.vtt`, `*.srt`: captions, metadata in a sidecar.
    Captions,
    /// `*.html`, `*.htm`: a saved web page, its metadata overridable by a sidecar.
    Html,
    /// `*.pdf`: the text layer, page by page, metadata from a sidecar or the text.
    Pdf,
}

impl Format {
    /// The extensions read, as a message lists them.
    pub const EXTENSIONS: &'static str = ".txt, .jsonl, .vtt, .srt, .html, .htm or .pdf";

    /// The format of `path`, or `None` when it is not a corpus file.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "jsonl" => Some(Format::Jsonl),
            "vtt" | "srt" => Some(Format::Captions),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// The sidecar of `path` (`NAME.pdf` → `NAME.pdf.meta`).
pub fn sidecar_of(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".");
    name.push(SIDECAR_EXTENSION);
    PathBuf::from(name)
}

/// What the index build keeps of a file it is about to parse: its content
/// hash (with its sidecar's) and, for a file read whole, its bytes.
#[derive(Debug)]
pub struct Source {
    /// blake3 of the file and of its sidecar, if any.
    pub hash: String,
    /// The bytes, for a file read whole; `None` for a JSONL stream, read
    /// again line by line when parsed.
    pub bytes: Option<Vec<u8>>,
}

/// Reads `path` for the index build: whole (bounded by [`MAX_FILE_BYTES`])
/// or, for JSONL, hashed as a stream. The error is the reason to report.
pub fn read_source(path: &Path) -> Result<Source, String> {
    let mut hasher = blake3::Hasher::new();
    let bytes = if Format::of(path) == Some(Format::Jsonl) {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
        hasher
            .update_reader(file)
            .map_err(|e| format!("cannot read: {e}"))?;
        None
    } else {
        let bytes = read_bounded(path)?;
        hasher.update(&bytes);
        Some(bytes)
    };
    if let Ok(sidecar) = std::fs::read(sidecar_of(path)) {
        hasher.update(b"\0sidecar\0");
        hasher.update(&sidecar);
    }
    Ok(Source {
        hash: hasher.finalize().to_hex().to_string(),
        bytes,
    })
}

/// Parses a file the build has read: from its bytes, or as a stream.
pub fn parse_source(path: &Path, source: &Source, labels: &LabelTable) -> ParsedFile {
    match &source.bytes {
        Some(bytes) => parse_bytes(path, bytes, labels),
        None => parse_path(path, labels),
    }
}

/// The label table of a corpus: the built-in labels plus its `labels.tsv`.
#[derive(Debug, Default)]
pub struct CorpusLabels {
    /// The table.
    pub table: LabelTable,
    /// blake3 of `labels.tsv`, `redactions.tsv` and the masking patterns:
    /// a change re-reads every file.
    pub hash: String,
    /// Problems in `labels.tsv` and `redactions.tsv`.
    pub problems: Vec<Problem>,
    /// The corpus's redactions (`redactions.tsv`).
    pub redactions: crate::privacy::Redactions,
}

/// Loads the label table of the corpus at `root` (a directory, or the
/// directory of a single file), reading `labels.tsv` once.
pub fn load_labels(root: &Path) -> CorpusLabels {
    let dir = if root.is_dir() {
        root
    } else {
        root.parent().unwrap_or(root)
    };
    let path = dir.join(LABELS_FILE);
    let mut labels = CorpusLabels::default();
    let mut hasher = blake3::Hasher::new();
    if let Ok(bytes) = std::fs::read(&path) {
        hasher.update(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        labels.problems = labels
            .table
            .extend_from_tsv(&text)
            .into_iter()
            .map(|(line, reason)| Problem::error(&path, line, reason))
            .collect();
    }
    let redactions = dir.join(crate::privacy::REDACTIONS_FILE);
    if let Ok(bytes) = std::fs::read(&redactions) {
        hasher.update(b"\0redactions\0");
        hasher.update(&bytes);
        let (table, problems) =
            crate::privacy::Redactions::from_tsv(&String::from_utf8_lossy(&bytes));
        labels.redactions = table;
        labels.problems.extend(
            problems
                .into_iter()
                .map(|(line, reason)| Problem::error(&redactions, line, reason)),
        );
    }
    // The masking patterns belong to the rules: an index built with others
    // is read again, file by file.
    hasher.update(b"\0patterns\0");
    hasher.update(crate::privacy::patterns::SOURCE.as_bytes());
    labels.hash = hasher.finalize().to_hex().to_string();
    labels
}

/// Reads and parses one file (a JSONL file line by line, any other whole).
/// Never panics on any content.
pub fn parse_path(path: &Path, labels: &LabelTable) -> ParsedFile {
    if Format::of(path) == Some(Format::Jsonl) {
        return parse_jsonl_stream(path, labels);
    }
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

/// Reads a JSONL file for its outline (every problem, the documents'
/// metadata and rosters, no passage): the first of the index build's two
/// readings, in memory that does not grow with the passages.
pub fn outline_jsonl(path: &Path, labels: &LabelTable) -> (ParsedFile, jsonl::Outline) {
    let mut diag = Diagnostics::new(path);
    let (documents, outline) = match std::fs::File::open(path) {
        Ok(file) => {
            let input = std::io::BufReader::with_capacity(1 << 20, file);
            jsonl::outline_reader(input, labels, &mut diag)
        }
        Err(e) => {
            diag.error(0, format!("cannot read: {e}"));
            (Vec::new(), jsonl::Outline::default())
        }
    };
    if documents.is_empty() && !diag.has_problems() {
        diag.error(1, "empty file");
    }
    let file = ParsedFile {
        path: path.to_path_buf(),
        documents,
        problems: diag.into_problems(),
    };
    (file, outline)
}

/// Reads a JSONL file the second time, handing each document to `each` as
/// soon as its last line is read (see [`jsonl::stream_reader`]); the error
/// is the reason the file could not be read.
pub fn stream_jsonl(
    path: &Path,
    labels: &LabelTable,
    outline: &jsonl::Outline,
    each: impl FnMut(Document),
) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let input = std::io::BufReader::with_capacity(1 << 20, file);
    jsonl::stream_reader(input, labels, outline, each)
        .map_err(|(line, reason)| format!("line {line}: {reason}"))
}

/// Parses a JSONL file as a stream, holding one line at a time.
fn parse_jsonl_stream(path: &Path, labels: &LabelTable) -> ParsedFile {
    let mut diag = Diagnostics::new(path);
    let mut documents = match std::fs::File::open(path) {
        Ok(file) => {
            let input = std::io::BufReader::with_capacity(1 << 20, file);
            jsonl::parse_reader(input, labels, &mut diag)
        }
        Err(e) => {
            diag.error(0, format!("cannot read: {e}"));
            Vec::new()
        }
    };
    let problems_so_far = diag.has_problems();
    if documents.is_empty() && !problems_so_far {
        diag.error(1, "empty file");
    }
    reject_oversized_passages(&mut documents, &mut diag);
    ParsedFile {
        path: path.to_path_buf(),
        documents,
        problems: diag.into_problems(),
    }
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
    let documents = if Format::of(path) == Some(Format::Pdf) {
        let mut documents = pdf::parse(path, bytes, labels, &mut diag);
        reject_oversized_passages(&mut documents, &mut diag);
        documents
    } else {
        match decode(bytes) {
            Err((line, reason)) => {
                diag.error(line, reason);
                Vec::new()
            }
            Ok(text) => parse_text(path, text, labels, &mut diag),
        }
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
    Format::of(path) == Some(Format::Jsonl)
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
    line_no(newlines)
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
                line_no(i),
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
        doc.passages.retain(|p| match oversized(p) {
            Some(reason) => {
                diag.error(p.line, reason);
                false
            }
            None => true,
        });
    }
}

/// Why `passage` is refused for its size, if it is.
fn oversized(passage: &crate::model::Passage) -> Option<String> {
    (passage.text.len() > MAX_PASSAGE_BYTES).then(|| {
        format!(
            "a passage of {} bytes, over the {} byte limit; is the file broken into lines?",
            passage.text.len(),
            MAX_PASSAGE_BYTES
        )
    })
}

fn parse_format(
    path: &Path,
    text: &str,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Document> {
    match Format::of(path) {
        Some(Format::Jsonl) => return jsonl::parse(text, labels, diag),
        Some(Format::Captions) => {
            let found = sidecar::from_file_name(path, DocType::Transcript, Provenance::Caption);
            let side = sidecar::Sidecar::read(path, labels);
            let (meta, roster) = described(path, side, found, &[DocType::Transcript], diag);
            return vec![captions::parse(text, meta, roster, labels, diag)];
        }
        Some(Format::Html) => {
            let mut page = html::parse(path, text, diag);
            if page.passages.is_empty() {
                return Vec::new();
            }
            let found = std::mem::take(&mut page.meta);
            let allowed = [DocType::News, DocType::Putusan];
            let side = sidecar::Sidecar::read(path, labels);
            (page.meta, page.roster) = described(path, side, found, &allowed, diag);
            return vec![page];
        }
        Some(Format::Text | Format::Pdf) | None => {}
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(fm) = frontmatter::parse(&lines, labels, diag) else {
        return Vec::new();
    };
    let header_line = 1;
    require_fields(&fm, header_line, diag);
    // The first body line, or the last line of a file that has none.
    let body_line = line_no(fm.body_start.min(lines.len().saturating_sub(1)));
    let document = match fm.doc_type {
        Some(DocType::News) | Some(DocType::Putusan) => news::parse(&lines, fm),
        Some(DocType::Transcript) | None => transcript::parse(&lines, fm, labels, diag),
    };
    if document.passages.is_empty() {
        diag.error(body_line, "empty body: no passage after the front matter");
    }
    vec![document]
}

/// The metadata of a file described by its sidecar: what the file itself
/// gives (`found`), then the sidecar's keys over it. A document type the
/// file cannot be (not in `allowed`) is refused with a warning; a key the
/// document type needs and nothing gave is a warning naming the sidecar to
/// add: the text is indexed with what is known.
pub(crate) fn described(
    path: &Path,
    side: sidecar::Sidecar,
    found: crate::model::DocumentMeta,
    allowed: &[DocType],
    diag: &mut Diagnostics,
) -> (crate::model::DocumentMeta, Vec<crate::model::Speaker>) {
    let own_type = found.doc_type;
    let (mut meta, roster) = side.overlay(found);
    let name = sidecar_of(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if !allowed.contains(&meta.doc_type) {
        diag.warning(
            0,
            format!(
                "`type: {}` in `{name}` does not fit the file; read as {}",
                meta.doc_type.as_str(),
                own_type.as_str()
            ),
        );
        meta.doc_type = own_type;
    }
    if meta.doc_type != own_type && !side.gives(Key::Provenance) {
        // A saved page the sidecar calls a decision is the decision's text.
        meta.provenance = Provenance::of_type(meta.doc_type);
    }
    diag.adopt(side.problems);
    let missing: Vec<&str> = required_keys(meta.doc_type)
        .iter()
        .filter(|k| match k {
            Key::Date => meta.date.is_none(),
            Key::Commission => meta.commission.is_none(),
            Key::Publisher => meta.publisher.is_none(),
            _ => false,
        })
        .map(|k| k.name())
        .collect();
    if !missing.is_empty() {
        let sidecar = if side.header.is_some() {
            format!("in its sidecar `{name}`")
        } else {
            format!("in a sidecar `{name}` beside it (the front-matter keys)")
        };
        diag.warning(
            0,
            format!(
                "nothing gives the {} of this file; put {} {sidecar}; indexed without",
                missing.join(", "),
                if missing.len() == 1 { "it" } else { "them" },
            ),
        );
    }
    (meta, roster)
}

/// The keys a document of `doc_type` must have.
fn required_keys(doc_type: DocType) -> &'static [Key] {
    match doc_type {
        DocType::Transcript | DocType::Putusan => {
            &[Key::Id, Key::Title, Key::Date, Key::Commission]
        }
        DocType::News => &[Key::Id, Key::Title, Key::Date, Key::Publisher],
    }
}

/// Checks the keys a header must have for its document type.
fn require_fields(fm: &frontmatter::FrontMatter, line: u32, diag: &mut Diagnostics) {
    let Some(doc_type) = fm.doc_type else {
        if !fm.present.contains(&Key::Type) {
            diag.error(line, "missing required key `type` (transcript or news)");
        }
        return;
    };
    for key in required_keys(doc_type)
        .iter()
        .filter(|k| !fm.present.contains(k))
    {
        diag.error(line, format!("missing required key `{}`", key.name()));
    }
}
