//! The tantivy schema. The index holds two kinds of record:
//!
//! - one **passage** record per passage: what search matches, filters, counts
//!   and sorts on (its document's type, commission, case and date are indexed
//!   on it, not stored), and the passage itself, stored;
//! - one **document** record per document: its metadata and roster, stored
//!   once as JSON, found by the document id in the `id` field.
//!
//! Only passage records carry text, filter or position fields, so every
//! query on them matches passages alone; a query that has nothing else to
//! match on asks for `record:passage`.

use crate::analysis;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Bumped whenever the schema or what parsing stores in it changes (the
/// voices of a decision, at 13); an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 13;

/// The tokenizer of exact-match keyword fields (case register numbers): the
/// whole value, lowercased.
pub const KEYWORD: &str = "keyword_lower";

/// The `record` value of a passage record.
pub const PASSAGE_RECORD: &str = "passage";
/// The `record` value of a document record.
pub const DOCUMENT_RECORD: &str = "document";

/// The handles of every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// [`PASSAGE_RECORD`] or [`DOCUMENT_RECORD`].
    pub record: Field,
    /// A passage's stable id (`{doc_id}/t14`); a document record's document id.
    pub id: Field,
    /// The corpus file the record came from, relative to the corpus root.
    pub file: Field,
    /// The document id (passages only).
    pub doc_id: Field,
    /// `transcript`, `news` or `putusan` (passages only, indexed and fast).
    pub doc_type: Field,
    /// `official`, `news`, `caption` or `reconstructed` (passages only,
    /// indexed and fast).
    pub provenance: Field,
    /// The document title (passages only, stemmed, searchable, not stored).
    pub title: Field,
    /// The commission (passages only, fast).
    pub commission: Field,
    /// The commission's key, whatever its spelling ([`crate::model::commission`]; passages only).
    pub commission_key: Field,
    /// The case register number (passages only, whole value, case-insensitive).
    pub case: Field,
    /// The outcome of the document's case as the document states it
    /// (passages only, fast).
    pub outcome: Field,
    /// The part of a decision the passage is in (stored, fast).
    pub section: Field,
    /// The ids of the laws, rules and articles the passage cites
    /// ([`crate::legal::law`]; fast).
    pub law: Field,
    /// The document's first day as a tantivy date (passages only), for ranges and sorting.
    pub date: Field,
    /// The document's last day (the end of its month or year when the date
    /// is partial; passages only): a date filter matches a document whose
    /// days overlap it.
    pub date_last: Field,
    /// The speaker's name (exact words, searchable); in a news paragraph,
    /// every speaker it quotes or paraphrases.
    pub speaker: Field,
    /// Every speaker of the passage with their role, as one term each
    /// ([`super::speakers::SpeakerKey::term`]; fast, not indexed): what the
    /// speaker tally counts.
    pub speaker_key: Field,
    /// The speaker's canonical role; in a news paragraph, every role it
    /// quotes or paraphrases (the first is the primary one).
    pub role: Field,
    /// A news paragraph's attribution modes (`quote`, `paraphrase`), each
    /// also with its role (`quote:termohon`), so a mode and a role filter
    /// match the same attribution.
    pub mode: Field,
    /// A news paragraph's attributions as JSON.
    pub attributions: Field,
    /// The passage's 1-based position in its document.
    pub position: Field,
    /// `turn`, `paragraph` or `note`.
    pub kind: Field,
    /// The `hh:mm:ss` timestamp.
    pub timestamp: Field,
    /// The source line of the passage.
    pub line: Field,
    /// The page of a paged source (PDF) where the passage starts.
    pub page: Field,
    /// The text as published, indexed stemmed.
    pub text: Field,
    /// The text indexed exact (lowercase, unstemmed); not stored.
    pub text_exact: Field,
    /// The text of the passages just before and after, stemmed, without
    /// frequencies or positions; not stored: a query word found only there
    /// ranks a passage a little higher.
    pub context: Field,
    /// A document record's metadata and roster as JSON.
    pub document: Field,
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        record: b.add_text_field("record", STRING),
        id: b.add_text_field("id", STRING | STORED),
        file: b.add_text_field("file", STRING),
        doc_id: b.add_text_field("doc_id", STRING | STORED | FAST),
        doc_type: b.add_text_field("doc_type", STRING | FAST),
        provenance: b.add_text_field("provenance", STRING | FAST),
        title: b.add_text_field("title", text_options(analysis::STEMMED, false)),
        commission: b.add_text_field("commission", STRING | FAST),
        commission_key: b.add_text_field("commission_key", STRING),
        case: b.add_text_field("case", keyword),
        outcome: b.add_text_field("outcome", STRING | FAST),
        section: b.add_text_field("section", STRING | STORED | FAST),
        law: b.add_text_field("law", STRING | FAST),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        date_last: b.add_date_field(
            "date_last",
            DateOptions::from(INDEXED).set_precision(DateTimePrecision::Seconds),
        ),
        speaker: b.add_text_field("speaker", text_options(analysis::EXACT, true)),
        speaker_key: b.add_text_field("speaker_key", FAST),
        role: b.add_text_field("role", STRING | STORED | FAST),
        mode: b.add_text_field("mode", STRING),
        attributions: b.add_text_field("attributions", STORED),
        position: b.add_u64_field(
            "position",
            NumericOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast(),
        ),
        kind: b.add_text_field("kind", STRING | STORED),
        timestamp: b.add_text_field("timestamp", STORED),
        line: b.add_u64_field("line", STORED),
        page: b.add_u64_field("page", STORED),
        text: b.add_text_field("text", text_options(analysis::STEMMED, true)),
        text_exact: b.add_text_field("text_exact", text_options(analysis::EXACT, false)),
        context: b.add_text_field(
            "context",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analysis::STEMMED)
                    .set_index_option(IndexRecordOption::Basic),
            ),
        ),
        document: b.add_text_field("document", STORED),
    };
    (b.build(), fields)
}

/// The field handles of an existing index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        record: f("record")?,
        id: f("id")?,
        file: f("file")?,
        doc_id: f("doc_id")?,
        doc_type: f("doc_type")?,
        provenance: f("provenance")?,
        title: f("title")?,
        commission: f("commission")?,
        commission_key: f("commission_key")?,
        case: f("case")?,
        outcome: f("outcome")?,
        section: f("section")?,
        law: f("law")?,
        date: f("date")?,
        date_last: f("date_last")?,
        speaker: f("speaker")?,
        speaker_key: f("speaker_key")?,
        role: f("role")?,
        mode: f("mode")?,
        attributions: f("attributions")?,
        position: f("position")?,
        kind: f("kind")?,
        timestamp: f("timestamp")?,
        line: f("line")?,
        page: f("page")?,
        text: f("text")?,
        text_exact: f("text_exact")?,
        context: f("context")?,
        document: f("document")?,
    })
}
