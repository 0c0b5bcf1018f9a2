//! The JSONL bulk format: one passage per line, each carrying its document's
//! metadata, for machine imports and benchmarks.
//!
//! Fields (unknown fields are rejected; an empty string, or only spaces,
//! means the field is absent, whatever the field):
//!
//! | field | required | meaning |
//! | --- | --- | --- |
//! | `doc_id` | yes | document id (lowercase letters, digits, `-`, `_`, `.`) |
//! | `text` | yes | the passage text as published |
//! | `doc_type` | no | `transcript` (default), `news` or `putusan` |
//! | `title`, `commission`, `case`, `parties`, `agenda`, `publisher`, `note` | no | document metadata |
//! | `provenance` | no | `official`, `news`, `caption` or `reconstructed` (default: `news` for a report, else `official`) |
//! | `date` | no | `YYYY-MM-DD`, `YYYY-MM` or `YYYY` |
//! | `source_url` (or `url`) | no | where the document was published |
//! | `speaker`, `speaker_title` | no | who speaks |
//! | `role` | no | a canonical role or a label the label table knows |
//! | `turn` | no | the passage's place in the document, 0- or 1-based (a document with a turn 0 is counted from 0; default: next in order); unique per document |
//! | `timestamp` | no | `hh:mm:ss` |
//! | `page` | no | the page of a paged source where the passage starts |
//! | `id` | no | the passage id an export wrote (`{doc_id}/t14`); a line whose id is not the one it gets is warned about |
//! | `permalink`, `attributions`, `modes`, `section`, `outcome`, `laws` | no | written by exports; ignored (found again) |
//!
//! Document metadata is taken from the first line of each document; a later
//! line that contradicts it gets a warning. The file is read line by line
//! ([`parse_reader`]), so its size has no limit; a bad line (invalid JSON or
//! UTF-8) is rejected alone.

use super::diagnostics::Diagnostics;
use super::labels::LabelTable;
use crate::model::{
    DocDate, DocType, Document, DocumentMeta, Passage, PassageKind, Provenance, Role, Speaker,
};
use serde::{Deserialize, Deserializer};
use std::collections::{HashMap, HashSet};
use std::io::BufRead;

/// One line of a JSONL corpus file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default, deserialize_with = "blank_as_none")]
    id: Option<String>,
    /// Written by exports, not read.
    #[serde(default, rename = "permalink")]
    _permalink: Option<serde::de::IgnoredAny>,
    /// Written by exports; found again on import.
    #[serde(default, rename = "attributions")]
    _attributions: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "modes")]
    _modes: Option<serde::de::IgnoredAny>,
    /// Written by exports; found again on import.
    #[serde(default, rename = "section")]
    _section: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "outcome")]
    _outcome: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "laws")]
    _laws: Option<serde::de::IgnoredAny>,
    #[serde(default, deserialize_with = "blank_as_none")]
    doc_id: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    text: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    doc_type: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    title: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    commission: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    case: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    parties: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    date: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    agenda: Option<String>,
    #[serde(default, alias = "url", deserialize_with = "blank_as_none")]
    source_url: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    publisher: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    provenance: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    note: Option<String>,
    /// Texts to redact in this document: `A => B; C`.
    #[serde(default, deserialize_with = "blank_as_none")]
    redact: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    speaker: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    speaker_title: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    role: Option<String>,
    #[serde(default, deserialize_with = "turn_number")]
    turn: Option<u32>,
    #[serde(default, deserialize_with = "blank_as_none")]
    timestamp: Option<String>,
    #[serde(default, deserialize_with = "turn_number")]
    page: Option<u32>,
}

/// A string field where `""` (or only spaces) means absent, like `null`.
fn blank_as_none<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value: Option<String> = Option::deserialize(d)?;
    Ok(value.filter(|v| !v.trim().is_empty()))
}

/// `turn` or `page` as a number, a string of digits, or absent (`null`, `""`).
fn turn_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Turn {
        Number(u32),
        Text(String),
    }
    match Option::<Turn>::deserialize(d)? {
        None => Ok(None),
        Some(Turn::Number(n)) => Ok(Some(n)),
        Some(Turn::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Turn::Text(t)) => t.trim().parse().map(Some).map_err(|_| {
            serde::de::Error::custom(format!("expected a whole number from 0, not `{t}`"))
        }),
    }
}

/// Parses a JSONL text into documents, rejecting bad lines one by one.
pub fn parse(text: &str, labels: &LabelTable, diag: &mut Diagnostics) -> Vec<Document> {
    let mut reader = Reader::new(labels, true);
    for (index, raw) in text.lines().enumerate() {
        reader.line(super::diagnostics::line_no(index), raw, diag);
    }
    reader.finish()
}

/// Parses a JSONL stream line by line, holding one line at a time besides
/// the documents: a line that is not UTF-8 or holds a NUL byte is rejected
/// alone; an I/O error ends the file with a problem at the line it hit.
pub fn parse_reader(
    input: impl BufRead,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Document> {
    let mut reader = Reader::new(labels, true);
    if let Err((line, reason)) = read_lines(input, diag, |line_no, raw, diag| {
        reader.line(line_no, raw, diag);
    }) {
        diag.error(line, reason);
    }
    reader.finish()
}

/// What a first reading of a JSONL file keeps of it, so that a second
/// reading can hand each document on as soon as its last line is read.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// Each document's last line.
    pub last_line: HashMap<String, u32>,
    /// Each document's passages.
    pub passages: HashMap<String, usize>,
}

/// Reads a JSONL stream for its outline: every check and problem of
/// [`parse_reader`], the documents' metadata and rosters, but no passage
/// kept (memory stays that of the metadata, whatever the file's size).
pub fn outline_reader(
    input: impl BufRead,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> (Vec<Document>, Outline) {
    let mut reader = Reader::new(labels, false);
    if let Err((line, reason)) = read_lines(input, diag, |line_no, raw, diag| {
        reader.line(line_no, raw, diag);
    }) {
        diag.error(line, reason);
    }
    let mut outline = Outline::default();
    for (doc, seen) in reader.documents.iter().zip(&reader.seen) {
        outline
            .last_line
            .insert(doc.meta.id.clone(), seen.last_line);
        outline
            .passages
            .insert(doc.meta.id.clone(), seen.positions.len());
    }
    (reader.finish(), outline)
}

/// Reads a JSONL stream a second time, handing each document to `each` as
/// soon as its last line (from `outline`) is read: only the documents still
/// open are held. Problems of lines were reported by the outline's reading
/// and are not repeated; the error is an I/O error, at its line.
pub fn stream_reader(
    input: impl BufRead,
    labels: &LabelTable,
    outline: &Outline,
    mut each: impl FnMut(Document),
) -> Result<(), (u32, String)> {
    let mut reader = Reader::new(labels, true);
    let mut quiet = Diagnostics::default();
    read_lines(input, &mut quiet, |line_no, raw, quiet| {
        let Some(slot) = reader.line(line_no, raw, quiet) else {
            return;
        };
        let id = &reader.documents[slot].meta.id;
        if outline.last_line.get(id) == Some(&line_no) {
            each(reader.take(slot));
        }
    })
}

/// Feeds `line` every line of `input` that is UTF-8 without a NUL byte
/// (line break and a leading byte-order mark stripped); the others are
/// problems. An I/O error ends the reading: the error names its line.
fn read_lines(
    mut input: impl BufRead,
    diag: &mut Diagnostics,
    mut line: impl FnMut(u32, &str, &mut Diagnostics),
) -> Result<(), (u32, String)> {
    let mut buffer = Vec::new();
    let mut index = 0usize;
    loop {
        buffer.clear();
        match input.read_until(b'\n', &mut buffer) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return Err((
                    super::diagnostics::line_no(index),
                    format!("cannot read: {e}"),
                ));
            }
        }
        let line_no = super::diagnostics::line_no(index);
        index += 1;
        let bytes = if index == 1 {
            buffer.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buffer)
        } else {
            &buffer[..]
        };
        match std::str::from_utf8(bytes) {
            Ok(raw) if raw.contains('\0') => {
                diag.error(line_no, "binary content (NUL byte); not a text line");
            }
            Ok(raw) => {
                let raw = raw.strip_suffix('\n').unwrap_or(raw);
                line(line_no, raw.strip_suffix('\r').unwrap_or(raw), diag);
            }
            Err(e) => diag.error(
                line_no,
                format!(
                    "invalid UTF-8 at byte {} of the line; save the file as UTF-8",
                    e.valid_up_to()
                ),
            ),
        }
    }
}

/// The documents of a JSONL file so far, fed one line at a time.
struct Reader<'a> {
    labels: &'a LabelTable,
    /// Whether passages are kept (else only checked and counted).
    keep: bool,
    documents: Vec<Document>,
    seen: Vec<Seen>,
    by_id: HashMap<String, usize>,
}

impl<'a> Reader<'a> {
    fn new(labels: &'a LabelTable, keep: bool) -> Self {
        Reader {
            labels,
            keep,
            documents: Vec::new(),
            seen: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// Reads one line (without its line break); the slot of the document
    /// it added a passage to.
    fn line(&mut self, line_no: u32, raw: &str, diag: &mut Diagnostics) -> Option<usize> {
        if raw.trim().is_empty() {
            return None;
        }
        let mut line: Line = match serde_json::from_str(raw) {
            Ok(line) => line,
            Err(e) => {
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                diag.error(
                    line_no,
                    format!("invalid JSONL record at column {}: {message}", e.column()),
                );
                return None;
            }
        };
        let (turn, given_id) = (line.turn, line.id.take());
        let (meta, passage, speaker) = validate(line, self.labels, line_no, diag)?;
        if let Some(reason) = super::oversized(&passage) {
            diag.error(line_no, reason);
            return None;
        }
        let slot = match self.by_id.get(&meta.id) {
            Some(&slot) => {
                warn_on_conflict(&self.documents[slot].meta, &meta, line_no, diag);
                // Redactions of every line count, not only the first's.
                self.documents[slot].meta.redact.extend(meta.redact);
                slot
            }
            None => {
                self.by_id.insert(meta.id.clone(), self.documents.len());
                self.documents.push(Document {
                    meta,
                    roster: Vec::new(),
                    passages: Vec::new(),
                });
                self.seen.push(Seen::default());
                self.documents.len() - 1
            }
        };
        let added = Added {
            passage,
            turn,
            given_id,
            speaker,
        };
        let keep = self.keep;
        let added = add_passage(
            &mut self.documents[slot],
            &mut self.seen[slot],
            added,
            keep,
            line_no,
            diag,
        );
        if added {
            self.seen[slot].last_line = line_no;
        }
        added.then_some(slot)
    }

    /// The document in `slot`, finished; the slot keeps an empty one.
    fn take(&mut self, slot: usize) -> Document {
        let empty = Document {
            meta: DocumentMeta::default(),
            roster: Vec::new(),
            passages: Vec::new(),
        };
        let mut doc = std::mem::replace(&mut self.documents[slot], empty);
        let seen = std::mem::take(&mut self.seen[slot]);
        finish_document(&mut doc, &seen);
        doc
    }

    /// The documents, each finished.
    fn finish(mut self) -> Vec<Document> {
        for (doc, seen) in self.documents.iter_mut().zip(&self.seen) {
            finish_document(doc, seen);
        }
        self.documents
    }
}

/// Puts a document's passages in order; one counted from turn 0 is moved to
/// count from 1, so that passage ids are the same either way.
fn finish_document(doc: &mut Document, seen: &Seen) {
    if seen.zero_based {
        for p in &mut doc.passages {
            p.position = p.position.saturating_add(1);
        }
    }
    doc.passages.sort_by_key(|p| p.position);
}

/// What a document's lines so far hold, so that each new line is checked in
/// constant time however long the document is.
#[derive(Default)]
struct Seen {
    positions: HashSet<u32>,
    /// The highest position so far, if any.
    last: Option<u32>,
    speakers: HashSet<String>,
    /// Whether a line gave `turn: 0`: the document counts from 0.
    zero_based: bool,
    /// The line of its last passage.
    last_line: u32,
}

/// What one valid line adds to its document.
struct Added {
    passage: Passage,
    turn: Option<u32>,
    given_id: Option<String>,
    speaker: Option<Speaker>,
}

/// Adds (or, unless `keep`, only checks and counts) a passage; whether it
/// was added.
fn add_passage(
    doc: &mut Document,
    seen: &mut Seen,
    added: Added,
    keep: bool,
    line_no: u32,
    diag: &mut Diagnostics,
) -> bool {
    let Added {
        mut passage,
        turn,
        given_id,
        speaker,
    } = added;
    passage.position = match turn {
        Some(turn) => turn,
        None => seen.last.map_or(1, |last| last.saturating_add(1)),
    };
    if !seen.positions.insert(passage.position) {
        diag.error(
            line_no,
            format!(
                "turn {} appears twice in document `{}`",
                passage.position, doc.meta.id
            ),
        );
        return false;
    }
    seen.zero_based |= passage.position == 0;
    if let Some(given) = given_id.filter(|_| !seen.zero_based) {
        let id = doc.passage_id(passage.position);
        if given != id {
            diag.warning(
                line_no,
                format!(
                    "`id` `{given}` is not the id this line gets, `{id}` (ids follow doc_id, doc_type and turn); indexed as `{id}`"
                ),
            );
        }
    }
    seen.last = Some(
        seen.last
            .map_or(passage.position, |l| l.max(passage.position)),
    );
    if let Some(speaker) = speaker {
        if seen.speakers.insert(speaker.name.clone()) {
            doc.roster.push(speaker);
        }
    }
    if keep {
        doc.passages.push(passage);
    }
    true
}

fn validate(
    mut line: Line,
    labels: &LabelTable,
    line_no: u32,
    diag: &mut Diagnostics,
) -> Option<(DocumentMeta, Passage, Option<Speaker>)> {
    let mut ok = true;
    let mut fail = |reason: String| {
        diag.error(line_no, reason);
        ok = false;
    };
    let doc_id = line.doc_id.take().unwrap_or_default();
    if doc_id.is_empty() {
        fail("missing `doc_id` (required)".to_string());
    } else if !crate::model::is_valid_doc_id(&doc_id) {
        fail(format!(
            "invalid doc_id `{doc_id}`: use lowercase letters, digits, `-`, `_` and `.`"
        ));
    }
    let text = line.text.take().unwrap_or_default();
    if text.is_empty() {
        fail("missing `text` (required)".to_string());
    }
    let doc_type = match line.doc_type.as_deref().map(DocType::from_name) {
        None => DocType::Transcript,
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            fail(e.to_string());
            DocType::Transcript
        }
    };
    let date = match line
        .date
        .as_deref()
        .map(|d| DocDate::parse_document(d.trim()))
    {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(_)) => {
            fail(crate::corpus::frontmatter::bad_date(
                line.date.as_deref().unwrap_or_default(),
            ));
            None
        }
    };
    let provenance = match line.provenance.as_deref().map(Provenance::from_name) {
        None => Provenance::of_type(doc_type),
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            fail(e.to_string());
            Provenance::of_type(doc_type)
        }
    };
    let role = match line.role.as_deref().map(str::trim) {
        None => None,
        Some(text) => match Role::from_name(text).ok().or_else(|| labels.role_of(text)) {
            Some(role) => Some(role),
            None => {
                fail(format!("role `{text}` resolves to no role"));
                None
            }
        },
    };
    if !ok {
        return None;
    }
    warn_control_characters(&line, &text, line_no, diag);
    let speaker_name = line.speaker.map(|s| s.trim().to_string());
    let role = match (&speaker_name, role) {
        (Some(_), None) => {
            diag.warning(line_no, "a speaker without a role; recorded as lainnya");
            Some(Role::Lainnya)
        }
        (_, role) => role,
    };
    let speaker = speaker_name.as_ref().zip(role).map(|(name, role)| Speaker {
        name: name.clone(),
        role,
        title: line.speaker_title.clone(),
    });
    let kind = match (doc_type, &speaker_name, role) {
        (DocType::Transcript, None, None) => PassageKind::Note,
        (DocType::Transcript, _, _) => PassageKind::Turn,
        _ => PassageKind::Paragraph,
    };
    let meta = DocumentMeta {
        id: doc_id,
        doc_type,
        title: line.title.unwrap_or_default(),
        commission: line.commission,
        case: line.case,
        parties: line.parties,
        date,
        agenda: line.agenda,
        source_url: line.source_url,
        publisher: line.publisher,
        provenance,
        note: line.note,
        outcome: None,
        cites: Vec::new(),
        redact: line.redact.into_iter().collect(),
    };
    let passage = Passage {
        position: 0,
        kind,
        speaker: speaker_name,
        role,
        timestamp: line.timestamp,
        text,
        line: line_no,
        page: line.page,
        attributions: Vec::new(),
        section: None,
    };
    Some((meta, passage, speaker))
}

/// Warns about control characters (other than tab) in the fields of a
/// line: a JSON string may carry them escaped (`\n`, `\u0007`). They are
/// kept as published; citations and exports replace them.
fn warn_control_characters(line: &Line, text: &String, line_no: u32, diag: &mut Diagnostics) {
    let fields = [
        ("text", Some(text)),
        ("title", line.title.as_ref()),
        ("commission", line.commission.as_ref()),
        ("case", line.case.as_ref()),
        ("parties", line.parties.as_ref()),
        ("agenda", line.agenda.as_ref()),
        ("source_url", line.source_url.as_ref()),
        ("publisher", line.publisher.as_ref()),
        ("note", line.note.as_ref()),
        ("speaker", line.speaker.as_ref()),
        ("speaker_title", line.speaker_title.as_ref()),
    ];
    for (field, value) in fields {
        // A line break inside `text` is a passage of several lines, as a
        // transcript turn may be.
        let allowed = |c: char| c == '\t' || (c == '\n' && field == "text");
        if let Some(c) = value.and_then(|v| v.chars().find(|&c| c.is_control() && !allowed(c))) {
            diag.warning(
                line_no,
                format!(
                    "control character U+{:04X} in `{field}`; kept as published, but it may not display",
                    u32::from(c)
                ),
            );
        }
    }
}

fn warn_on_conflict(
    first: &DocumentMeta,
    this: &DocumentMeta,
    line_no: u32,
    diag: &mut Diagnostics,
) {
    let (first_date, this_date) = (
        first.date.map(|d| d.to_string()),
        this.date.map(|d| d.to_string()),
    );
    let pairs = [
        (
            "title",
            Some(first.title.as_str()),
            Some(this.title.as_str()),
        ),
        ("case", first.case.as_deref(), this.case.as_deref()),
        ("date", first_date.as_deref(), this_date.as_deref()),
        (
            "commission",
            first.commission.as_deref(),
            this.commission.as_deref(),
        ),
    ];
    for (field, a, b) in pairs {
        let b_given = b.is_some_and(|v| !v.is_empty());
        if b_given && a != b {
            diag.warning(
                line_no,
                format!("`{field}` differs from the first line of document `{}`; the first line's value is kept", first.id),
            );
        }
    }
}
