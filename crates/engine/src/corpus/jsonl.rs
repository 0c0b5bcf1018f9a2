//! The JSONL bulk format: one passage per line, each carrying its document's
//! metadata, for machine imports and benchmarks.
//!
//! Fields (unknown fields are rejected):
//!
//! | field | required | meaning |
//! | --- | --- | --- |
//! | `doc_id` | yes | document id (lowercase letters, digits, `-`, `_`, `.`) |
//! | `text` | yes | the passage text as published |
//! | `doc_type` | no | `transcript` (default), `news` or `putusan` |
//! | `title`, `commission`, `case`, `parties`, `agenda`, `publisher`, `note` | no | document metadata |
//! | `date` | no | `YYYY-MM-DD` |
//! | `source_url` (or `url`) | no | where the document was published |
//! | `speaker`, `speaker_title` | no | who speaks |
//! | `role` | no | a canonical role or a label the label table knows |
//! | `turn` | no | 1-based position in the document (default: next in order); unique per document |
//! | `timestamp` | no | `hh:mm:ss` |
//!
//! Document metadata is taken from the first line of each document; a later
//! line that contradicts it gets a warning.

use super::diagnostics::Diagnostics;
use super::labels::LabelTable;
use crate::model::{DocDate, DocType, Document, DocumentMeta, Passage, PassageKind, Role, Speaker};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// One line of a JSONL corpus file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    doc_id: String,
    text: String,
    doc_type: Option<String>,
    title: Option<String>,
    commission: Option<String>,
    case: Option<String>,
    parties: Option<String>,
    date: Option<String>,
    agenda: Option<String>,
    #[serde(alias = "url")]
    source_url: Option<String>,
    publisher: Option<String>,
    note: Option<String>,
    /// Texts to redact in this document: `A => B; C`.
    #[serde(default)]
    redact: Option<String>,
    speaker: Option<String>,
    speaker_title: Option<String>,
    role: Option<String>,
    turn: Option<u32>,
    timestamp: Option<String>,
}

/// Parses a JSONL text into documents, rejecting bad lines one by one.
pub fn parse(text: &str, labels: &LabelTable, diag: &mut Diagnostics) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line_no = super::diagnostics::line_no(index);
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(raw) {
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
                continue;
            }
        };
        let Some((meta, passage, speaker)) = validate(line, labels, line_no, diag) else {
            continue;
        };
        let slot = match by_id.get(&meta.id) {
            Some(&slot) => {
                warn_on_conflict(&documents[slot].meta, &meta, line_no, diag);
                // Redactions of every line count, not only the first's.
                documents[slot].meta.redact.extend(meta.redact);
                slot
            }
            None => {
                by_id.insert(meta.id.clone(), documents.len());
                documents.push(Document {
                    meta,
                    roster: Vec::new(),
                    passages: Vec::new(),
                });
                seen.push(Seen::default());
                documents.len() - 1
            }
        };
        add_passage(
            &mut documents[slot],
            &mut seen[slot],
            passage,
            speaker,
            line_no,
            diag,
        );
    }
    for doc in &mut documents {
        doc.passages.sort_by_key(|p| p.position);
    }
    documents
}

/// What a document's lines so far hold, so that each new line is checked in
/// constant time however long the document is.
#[derive(Default)]
struct Seen {
    positions: HashSet<u32>,
    last: u32,
    speakers: HashSet<String>,
}

fn add_passage(
    doc: &mut Document,
    seen: &mut Seen,
    mut passage: Passage,
    speaker: Option<Speaker>,
    line_no: u32,
    diag: &mut Diagnostics,
) {
    if passage.position == 0 {
        passage.position = seen.last.saturating_add(1);
    }
    if !seen.positions.insert(passage.position) {
        diag.error(
            line_no,
            format!(
                "turn {} appears twice in document `{}`",
                passage.position, doc.meta.id
            ),
        );
        return;
    }
    seen.last = seen.last.max(passage.position);
    if let Some(speaker) = speaker {
        if seen.speakers.insert(speaker.name.clone()) {
            doc.roster.push(speaker);
        }
    }
    doc.passages.push(passage);
}

fn validate(
    line: Line,
    labels: &LabelTable,
    line_no: u32,
    diag: &mut Diagnostics,
) -> Option<(DocumentMeta, Passage, Option<Speaker>)> {
    let mut ok = true;
    let mut fail = |reason: String| {
        diag.error(line_no, reason);
        ok = false;
    };
    if !crate::model::is_valid_doc_id(&line.doc_id) {
        fail(format!(
            "invalid doc_id `{}`: use lowercase letters, digits, `-`, `_` and `.`",
            line.doc_id
        ));
    }
    if line.text.trim().is_empty() {
        fail("empty `text`".to_string());
    }
    let doc_type = match line.doc_type.as_deref().map(DocType::from_name) {
        None => DocType::Transcript,
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            fail(e.to_string());
            DocType::Transcript
        }
    };
    let date = match line.date.as_deref().map(DocDate::parse_document_day) {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(_)) => {
            fail(format!(
                "bad date `{}`: expected a real date as YYYY-MM-DD",
                line.date.as_deref().unwrap_or("")
            ));
            None
        }
    };
    if line.turn == Some(0) {
        fail("`turn` starts at 1".to_string());
    }
    let role = match line
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
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
    warn_control_characters(&line, line_no, diag);
    let speaker_name = line
        .speaker
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
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
        id: line.doc_id,
        doc_type,
        title: line.title.unwrap_or_default(),
        commission: line.commission,
        case: line.case,
        parties: line.parties,
        date,
        agenda: line.agenda,
        source_url: line.source_url,
        publisher: line.publisher,
        note: line.note,
        redact: line.redact.into_iter().collect(),
    };
    let passage = Passage {
        position: line.turn.unwrap_or(0),
        kind,
        speaker: speaker_name,
        role,
        timestamp: line.timestamp,
        text: line.text,
        line: line_no,
        attributions: Vec::new(),
    };
    Some((meta, passage, speaker))
}

/// Warns about control characters (other than tab) in the fields of a
/// line: a JSON string may carry them escaped (`\n`, `\u0007`). They are
/// kept as published; citations and exports replace them.
fn warn_control_characters(line: &Line, line_no: u32, diag: &mut Diagnostics) {
    let fields = [
        ("text", Some(&line.text)),
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
        if let Some(c) = value.and_then(|v| v.chars().find(|c| c.is_control() && *c != '\t')) {
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
