//! Passages to tantivy documents and back.

use super::schema::Fields;
use crate::model::{
    passage_id, Attribution, DocType, Document, Passage, PassageKind, Role, Speaker,
};
use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

/// The tantivy documents of one corpus document, one per passage.
pub fn to_tantivy(doc: &Document, file: &str, fields: &Fields) -> Vec<TantivyDocument> {
    let meta = &doc.meta;
    let doc_type = doc.doc_type();
    let date = meta.date.as_deref().and_then(date_value);
    doc.passages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut t = TantivyDocument::new();
            t.add_text(fields.id, passage_id(&meta.id, doc_type, p.position));
            t.add_text(fields.doc_id, &meta.id);
            t.add_text(fields.file, file);
            t.add_text(fields.doc_type, doc_type.as_str());
            t.add_text(fields.title, &meta.title);
            for (field, value) in [
                (fields.commission, &meta.commission),
                (fields.case, &meta.case),
                (fields.parties, &meta.parties),
                (fields.agenda, &meta.agenda),
                (fields.source_url, &meta.source_url),
                (fields.publisher, &meta.publisher),
                (fields.note, &meta.note),
                (fields.date_text, &meta.date),
                (fields.timestamp, &p.timestamp),
            ] {
                if let Some(value) = value {
                    t.add_text(field, value);
                }
            }
            if let Some(date) = date {
                t.add_date(fields.date, date);
            }
            for speaker in speakers_of(p) {
                t.add_text(fields.speaker, speaker);
            }
            for role in roles_of(p) {
                t.add_text(fields.role, role.as_str());
            }
            if !p.attributions.is_empty() {
                if let Ok(json) = serde_json::to_string(&p.attributions) {
                    t.add_text(fields.attributions, json);
                }
            }
            t.add_u64(fields.position, u64::from(p.position));
            t.add_text(fields.kind, kind_name(p.kind));
            t.add_u64(fields.line, u64::from(p.line));
            t.add_text(fields.text, &p.text);
            t.add_text(fields.text_exact, &p.text);
            if i == 0 && !doc.roster.is_empty() {
                if let Ok(json) = serde_json::to_string(&doc.roster) {
                    t.add_text(fields.roster, json);
                }
            }
            t
        })
        .collect()
}

/// The passage's speaker first, then every other speaker it attributes.
fn speakers_of(p: &Passage) -> Vec<&str> {
    let mut out: Vec<&str> = p.speaker.as_deref().into_iter().collect();
    for a in &p.attributions {
        if let Some(name) = a.speaker.as_deref().or(a.descriptor.as_deref()) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The passage's role first, then every other role it attributes.
fn roles_of(p: &Passage) -> Vec<Role> {
    let mut out: Vec<Role> = p.role.into_iter().collect();
    for role in p.attributions.iter().filter_map(|a| a.role) {
        if !out.contains(&role) {
            out.push(role);
        }
    }
    out
}

/// The years a tantivy date can hold (nanoseconds in an `i64`), with a margin.
const DATE_YEARS: std::ops::RangeInclusive<i32> = 1678..=2261;

/// A date string `YYYY-MM-DD` as a tantivy date at midnight UTC, or `None`
/// when it is no date or outside the years a tantivy date can hold.
pub fn date_value(date: &str) -> Option<DateTime> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(date, &format).ok()?;
    DATE_YEARS
        .contains(&day.year())
        .then(|| DateTime::from_timestamp_secs(day.midnight().assume_utc().unix_timestamp()))
}

/// A date for a range bound, moved into the years a tantivy date can hold:
/// `from:0019` means from the earliest day, `to:9999` up to the latest.
pub fn date_bound(date: &str) -> Option<DateTime> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = time::Date::parse(date, &format).ok()?;
    let (first, last) = (*DATE_YEARS.start(), *DATE_YEARS.end());
    let clamped = if day.year() < first {
        time::Date::from_calendar_date(first, time::Month::January, 1).ok()?
    } else if day.year() > last {
        time::Date::from_calendar_date(last, time::Month::December, 31).ok()?
    } else {
        day
    };
    date_value(&clamped.format(&format).ok()?)
}

fn kind_name(kind: PassageKind) -> &'static str {
    match kind {
        PassageKind::Turn => "turn",
        PassageKind::Paragraph => "paragraph",
        PassageKind::Note => "note",
    }
}

fn kind_from(name: &str) -> PassageKind {
    match name {
        "turn" => PassageKind::Turn,
        "note" => PassageKind::Note,
        _ => PassageKind::Paragraph,
    }
}

/// A passage as stored in the index, with its document's metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredPassage {
    /// The passage id.
    pub id: String,
    /// The document id.
    pub doc_id: String,
    /// The document type.
    pub doc_type: DocType,
    /// The document title.
    pub title: String,
    /// The commission.
    pub commission: Option<String>,
    /// The case register number.
    pub case: Option<String>,
    /// The parties.
    pub parties: Option<String>,
    /// The agenda.
    pub agenda: Option<String>,
    /// The document's source URL.
    pub source_url: Option<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// The provenance note.
    pub note: Option<String>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The speaker.
    pub speaker: Option<String>,
    /// The role.
    pub role: Option<Role>,
    /// Position in the document.
    pub position: u32,
    /// What the passage is.
    pub kind: PassageKind,
    /// The transcript timestamp.
    pub timestamp: Option<String>,
    /// The source line.
    pub line: u32,
    /// The text as published.
    pub text: String,
    /// Who a news paragraph quotes or paraphrases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
    /// The document's roster (only on a document's first passage).
    #[serde(skip)]
    pub roster: Vec<Speaker>,
}

impl StoredPassage {
    /// Reads a stored tantivy document back.
    pub fn from_tantivy(t: &TantivyDocument, fields: &Fields) -> StoredPassage {
        let text = |field| {
            t.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let number = |field| t.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        StoredPassage {
            id: text(fields.id).unwrap_or_default(),
            doc_id: text(fields.doc_id).unwrap_or_default(),
            doc_type: text(fields.doc_type)
                .and_then(|s| s.parse().ok())
                .unwrap_or(DocType::Transcript),
            title: text(fields.title).unwrap_or_default(),
            commission: text(fields.commission),
            case: text(fields.case),
            parties: text(fields.parties),
            agenda: text(fields.agenda),
            source_url: text(fields.source_url),
            publisher: text(fields.publisher),
            note: text(fields.note),
            date: text(fields.date_text),
            speaker: text(fields.speaker),
            role: text(fields.role).and_then(|r| r.parse().ok()),
            position: u32::try_from(number(fields.position)).unwrap_or(u32::MAX),
            kind: kind_from(&text(fields.kind).unwrap_or_default()),
            timestamp: text(fields.timestamp),
            line: u32::try_from(number(fields.line)).unwrap_or(u32::MAX),
            text: text(fields.text).unwrap_or_default(),
            attributions: text(fields.attributions)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
            roster: text(fields.roster)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
        }
    }
}
