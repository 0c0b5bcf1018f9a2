//! The passage-level tantivy schema: one tantivy document per passage, carrying
//! its document's metadata, its speaker and role, and its text in the stemmed
//! and exact views.

use crate::analysis;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Bumped whenever the schema changes; an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 2;

/// The tokenizer of exact-match keyword fields (case register numbers): the
/// whole value, lowercased.
pub const KEYWORD: &str = "keyword_lower";

/// The handles of every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// The stable passage id (`{doc_id}/t14`).
    pub id: Field,
    /// The document id.
    pub doc_id: Field,
    /// The corpus file the document came from, relative to the corpus root.
    pub file: Field,
    /// `transcript`, `news` or `putusan`.
    pub doc_type: Field,
    /// The document title (stemmed, searchable).
    pub title: Field,
    /// The commission.
    pub commission: Field,
    /// The case register number (whole value, case-insensitive).
    pub case: Field,
    /// The parties as written.
    pub parties: Field,
    /// The hearing agenda.
    pub agenda: Field,
    /// Where the document was published.
    pub source_url: Field,
    /// Who published it.
    pub publisher: Field,
    /// The provenance note.
    pub note: Field,
    /// The date as a tantivy date (midnight UTC), for ranges and sorting.
    pub date: Field,
    /// The date as written, `YYYY-MM-DD`.
    pub date_text: Field,
    /// The speaker's name (exact words, searchable); in a news paragraph,
    /// every speaker it quotes or paraphrases.
    pub speaker: Field,
    /// The speaker's canonical role; in a news paragraph, every role it
    /// quotes or paraphrases (the first is the primary one).
    pub role: Field,
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
    /// The text as published, indexed stemmed.
    pub text: Field,
    /// The text indexed exact (lowercase, unstemmed); not stored.
    pub text_exact: Field,
    /// The document's roster as JSON, stored on its first passage only.
    pub roster: Field,
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
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        file: b.add_text_field("file", STRING | STORED),
        doc_type: b.add_text_field("doc_type", STRING | STORED | FAST),
        title: b.add_text_field("title", text_options(analysis::STEMMED, true)),
        commission: b.add_text_field("commission", STRING | STORED | FAST),
        case: b.add_text_field("case", keyword),
        parties: b.add_text_field("parties", STORED),
        agenda: b.add_text_field("agenda", STORED),
        source_url: b.add_text_field("source_url", STORED),
        publisher: b.add_text_field("publisher", STORED),
        note: b.add_text_field("note", STORED),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        date_text: b.add_text_field("date_text", STORED),
        speaker: b.add_text_field("speaker", text_options(analysis::EXACT, true)),
        role: b.add_text_field("role", STRING | STORED | FAST),
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
        text: b.add_text_field("text", text_options(analysis::STEMMED, true)),
        text_exact: b.add_text_field("text_exact", text_options(analysis::EXACT, false)),
        roster: b.add_text_field("roster", STORED),
    };
    (b.build(), fields)
}

/// The field handles of an existing index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        id: f("id")?,
        doc_id: f("doc_id")?,
        file: f("file")?,
        doc_type: f("doc_type")?,
        title: f("title")?,
        commission: f("commission")?,
        case: f("case")?,
        parties: f("parties")?,
        agenda: f("agenda")?,
        source_url: f("source_url")?,
        publisher: f("publisher")?,
        note: f("note")?,
        date: f("date")?,
        date_text: f("date_text")?,
        speaker: f("speaker")?,
        role: f("role")?,
        attributions: f("attributions")?,
        position: f("position")?,
        kind: f("kind")?,
        timestamp: f("timestamp")?,
        line: f("line")?,
        text: f("text")?,
        text_exact: f("text_exact")?,
        roster: f("roster")?,
    })
}
