//! Corpus documents to tantivy records and back: one document record, one
//! passage record per passage. The one conversion of a date to tantivy's
//! `DateTime` lives here.

use super::schema::{Fields, DOCUMENT_RECORD, PASSAGE_RECORD};
use super::stable_ids::DocumentIds;
use crate::model::date::DOCUMENT_YEARS;
use crate::model::{DocType, Document, DocumentMeta, Passage, PassageKind, Role, Section, Speaker};
use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

/// The second `kind` term of a procedural passage
/// ([`crate::model::procedural`]).
pub const PROCEDURAL: &str = "procedural";

/// The `role` term of a report's or hearing's passage that no one is said
/// to speak (`role:narasi`); a decision's text is its own type, not narration.
pub const NARRATION: &str = "narasi";

/// What a document record stores: the metadata and the roster.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// The document's metadata.
    pub meta: DocumentMeta,
    /// The speakers the document lists or names.
    pub roster: Vec<Speaker>,
    /// The ids of passages a correction removed → the nearest passage kept
    /// ([`super::stable_ids`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub retired: std::collections::BTreeMap<String, Option<String>>,
}

/// A passage as stored, with its id and its document's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPassage {
    /// The passage id (`{doc_id}/t14`).
    pub id: String,
    /// The document id.
    pub doc_id: String,
    /// The passage.
    pub passage: Passage,
}

/// The tantivy records of one corpus document: its document record, then
/// one passage record per passage, each with its id from `ids`.
pub fn to_tantivy(
    doc: &Document,
    file: &str,
    fields: &Fields,
    ids: &DocumentIds,
) -> Vec<TantivyDocument> {
    let meta = &doc.meta;
    let mut records = Vec::with_capacity(doc.passages.len() + 1);
    let mut record = TantivyDocument::new();
    record.add_text(fields.record, DOCUMENT_RECORD);
    record.add_text(fields.id, &meta.id);
    record.add_text(fields.file, file);
    let stored = DocumentRecord {
        meta: meta.clone(),
        roster: doc.roster.clone(),
        retired: ids.retired.clone(),
    };
    if let Ok(json) = serde_json::to_string(&stored) {
        record.add_text(fields.document, json);
    }
    records.push(record);
    let dates = meta
        .date
        .map(|d| (tantivy_date(d.first_day()), tantivy_date(d.last_day())));
    for (at, p) in doc.passages.iter().enumerate() {
        let mut t = TantivyDocument::new();
        t.add_text(fields.record, PASSAGE_RECORD);
        t.add_text(fields.id, ids.id_at(&meta.id, meta.doc_type, p.position));
        t.add_text(fields.file, file);
        t.add_text(fields.doc_id, &meta.id);
        t.add_text(fields.doc_type, meta.doc_type.as_str());
        t.add_text(fields.provenance, meta.provenance.as_str());
        t.add_text(fields.title, &meta.title);
        if let Some(commission) = &meta.commission {
            t.add_text(fields.commission, commission);
            let key = crate::model::commission::commission_key(commission);
            if !key.is_empty() {
                t.add_text(fields.commission_key, key);
            }
        }
        if let Some(case) = &meta.case {
            t.add_text(fields.case, crate::legal::register::case_key(case));
        }
        if let Some(outcome) = meta.outcome {
            t.add_text(fields.outcome, outcome.as_str());
        }
        if let Some(section) = p.section {
            t.add_text(fields.section, section.as_str());
        }
        for id in crate::legal::law::cited_ids(&p.text) {
            t.add_text(fields.law, id);
        }
        if let Some((first, last)) = dates {
            t.add_date(fields.date, first);
            t.add_date(fields.date_last, last);
        }
        if let Some(ts) = &p.timestamp {
            t.add_text(fields.timestamp, ts);
        }
        let keys = super::speakers::speaker_keys(p, meta);
        let mut names = speakers_of(p);
        for key in &keys {
            t.add_text(fields.speaker_key, key.term());
            // A party counted under its header name is found under it too.
            if !names.contains(&key.name.as_str()) {
                names.push(&key.name);
            }
        }
        for speaker in names {
            t.add_text(fields.speaker, speaker);
        }
        let roles = roles_of(p);
        for role in &roles {
            t.add_text(fields.role, role.as_str());
        }
        if roles.is_empty() && meta.doc_type != DocType::Putusan {
            t.add_text(fields.role, NARRATION);
        }
        for term in mode_terms(p) {
            t.add_text(fields.mode, term);
        }
        if !p.attributions.is_empty() {
            if let Ok(json) = serde_json::to_string(&p.attributions) {
                t.add_text(fields.attributions, json);
            }
        }
        t.add_u64(fields.position, u64::from(p.position));
        t.add_text(fields.kind, p.kind.as_str());
        if p.is_procedural() {
            t.add_text(fields.kind, PROCEDURAL);
        }
        t.add_u64(fields.line, u64::from(p.line));
        if let Some(page) = p.page {
            t.add_u64(fields.page, u64::from(page));
        }
        t.add_text(fields.text, &p.text);
        t.add_text(fields.text_exact, &p.text);
        // The passages around it: the question before an answer, the
        // sentence that names who speaks and about what.
        let around = at.checked_sub(1).into_iter().chain([at + 1]);
        for neighbour in around.filter_map(|i| doc.passages.get(i)) {
            t.add_text(fields.context, &neighbour.text);
        }
        records.push(t);
    }
    records
}

/// The passage's speaker first, then every other speaker it attributes.
fn speakers_of(p: &Passage) -> Vec<&str> {
    let mut out: Vec<&str> = p.speaker.as_deref().into_iter().collect();
    for name in p.attributions.iter().filter_map(|a| a.who()) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The mode terms of a passage's attributions: each mode, and each mode
/// with the role of an attribution in it (`quote:termohon`).
pub fn mode_terms(p: &Passage) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &p.attributions {
        let mode = a.mode.as_str();
        let with_role = a.role.map(|r| mode_term(mode, r.as_str()));
        for term in std::iter::once(mode.to_string()).chain(with_role) {
            if !out.contains(&term) {
                out.push(term);
            }
        }
    }
    out
}

/// The term for an attribution of `mode` by a speaker of `role`.
pub fn mode_term(mode: &str, role: &str) -> String {
    format!("{mode}:{role}")
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

/// A day as a tantivy date at midnight UTC, moved into [`DOCUMENT_YEARS`]
/// (no document lies outside them, so a bound beyond them means "any").
pub fn tantivy_date(day: time::Date) -> DateTime {
    let (first, last) = (*DOCUMENT_YEARS.start(), *DOCUMENT_YEARS.end());
    let clamped = if day.year() < first {
        time::Date::from_calendar_date(first, time::Month::January, 1).unwrap_or(day)
    } else if day.year() > last {
        time::Date::from_calendar_date(last, time::Month::December, 31).unwrap_or(day)
    } else {
        day
    };
    DateTime::from_timestamp_secs(clamped.midnight().assume_utc().unix_timestamp())
}

fn text_of(t: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    t.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn number_of(t: &TantivyDocument, field: tantivy::schema::Field) -> u32 {
    t.get_first(field)
        .and_then(|v| v.as_u64())
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

/// Reads a stored passage record back.
pub fn passage_from_tantivy(t: &TantivyDocument, fields: &Fields) -> StoredPassage {
    let kind = text_of(t, fields.kind)
        .and_then(|k| k.parse::<PassageKind>().ok())
        .unwrap_or(PassageKind::Paragraph);
    StoredPassage {
        id: text_of(t, fields.id).unwrap_or_default(),
        doc_id: text_of(t, fields.doc_id).unwrap_or_default(),
        passage: Passage {
            position: number_of(t, fields.position),
            kind,
            speaker: text_of(t, fields.speaker),
            role: text_of(t, fields.role).and_then(|r| Role::from_name(&r).ok()),
            timestamp: text_of(t, fields.timestamp),
            text: text_of(t, fields.text).unwrap_or_default(),
            line: number_of(t, fields.line),
            page: Some(number_of(t, fields.page)).filter(|&n| n > 0),
            attributions: text_of(t, fields.attributions)
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
            section: text_of(t, fields.section).and_then(|s| Section::from_name(&s).ok()),
        },
    }
}

/// Reads a stored document record back, or `None` when it is not one this
/// version of the schema wrote.
pub fn document_from_tantivy(t: &TantivyDocument, fields: &Fields) -> Option<DocumentRecord> {
    serde_json::from_str(&text_of(t, fields.document)?).ok()
}
