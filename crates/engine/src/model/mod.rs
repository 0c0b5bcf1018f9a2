//! The document model of the design brief: documents, passages, speakers and
//! roles, as plain serde types shared by the parsers, the indexer, the search
//! service and the interfaces.
//!
//! Every enum's names (in files, queries, JSON and the OpenAPI document) are
//! derived from one place: the `serde` and `strum` attributes on the enum.

pub mod bodies;
pub mod commission;
pub mod date;
pub mod procedural;

pub use date::{DateError, DateRange, DocDate, Precision};

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};
use utoipa::ToSchema;

/// A name that is not one of an enum's values, with the values it could be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{given}` (expected one of: {expected})")]
pub struct UnknownName {
    /// What was being named (`role`, `document type`).
    pub what: &'static str,
    /// The name as given.
    pub given: String,
    /// The accepted names, comma-separated.
    pub expected: String,
}

/// Parses `text` as one of `T`'s names: case-insensitive, spaces and
/// hyphens read as underscores.
fn parse_name<T>(text: &str, what: &'static str) -> Result<T, UnknownName>
where
    T: std::str::FromStr + VariantArray + Copy + Into<&'static str>,
{
    let wanted = text.trim().replace([' ', '-'], "_");
    wanted.parse::<T>().map_err(|_| UnknownName {
        what,
        given: text.to_string(),
        expected: T::VARIANTS
            .iter()
            .map(|v| -> &'static str { (*v).into() })
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// What kind of document a corpus file holds.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum DocType {
    /// A hearing transcript: one passage per speaker turn.
    #[default]
    Transcript,
    /// A news report: one passage per paragraph.
    News,
    /// A decision of the commission.
    Putusan,
}

impl DocType {
    /// The canonical lowercase name used in files, queries and the API.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a document type name (any case).
    pub fn from_name(text: &str) -> Result<DocType, UnknownName> {
        parse_name(text, "document type")
    }

    /// The letter that prefixes a passage position in a passage id (`t14`, `p3`).
    pub fn passage_prefix(self) -> char {
        match self {
            DocType::Transcript => 't',
            DocType::News => 'p',
            DocType::Putusan => 'u',
        }
    }
}

/// Where a document's text comes from, and so how far it can be quoted.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Provenance {
    /// Published by the commission: a risalah sidang or a decision.
    #[default]
    Official,
    /// A news report.
    News,
    /// Captions of a recorded or streamed hearing, possibly machine-made.
    Caption,
    /// Rebuilt from quotes in reports; not a record of the hearing.
    Reconstructed,
}

impl Provenance {
    /// The lowercase name used in files, queries and the API.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a provenance name (any case).
    pub fn from_name(text: &str) -> Result<Provenance, UnknownName> {
        parse_name(text, "provenance")
    }

    /// The provenance of a document of `doc_type` that does not say.
    pub fn of_type(doc_type: DocType) -> Provenance {
        match doc_type {
            DocType::News => Provenance::News,
            DocType::Transcript | DocType::Putusan => Provenance::Official,
        }
    }
}

/// The canonical role of a speaker in a hearing.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum Role {
    /// Ketua or anggota majelis komisioner (the panel).
    #[strum(to_string = "majelis", serialize = "panel")]
    Majelis,
    /// The applicant and the applicant's counsel.
    #[strum(to_string = "pemohon", serialize = "applicant")]
    Pemohon,
    /// The respondent public body, its counsel, PPID or representative.
    #[strum(to_string = "termohon", serialize = "respondent")]
    Termohon,
    /// Panitera and panitera pengganti (the clerk).
    #[strum(to_string = "panitera", serialize = "clerk")]
    Panitera,
    /// A witness.
    #[strum(to_string = "saksi", serialize = "witness")]
    Saksi,
    /// An expert.
    #[strum(to_string = "ahli", serialize = "expert")]
    Ahli,
    /// A related party.
    #[strum(to_string = "pihak_terkait", serialize = "related_party")]
    PihakTerkait,
    /// A speaker whose role is not known.
    #[strum(to_string = "lainnya", serialize = "other")]
    Lainnya,
}

impl Role {
    /// The canonical lowercase name (`majelis`, `pihak_terkait`, ...).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a role name: any case, `Pihak Terkait` and `pihak-terkait`
    /// too, and the English names the English pages show (`Panel`,
    /// `Applicant`, `Respondent`, `Clerk`, `Witness`, `Expert`, `Related
    /// party`, `Other`).
    pub fn from_name(text: &str) -> Result<Role, UnknownName> {
        parse_name(text, "role")
    }
}

/// A person who speaks in a document, as the roster lists them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub struct Speaker {
    /// The name as written in the source.
    pub name: String,
    /// The canonical role.
    pub role: Role,
    /// The title or function as written (`Anggota Majelis Komisioner`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Document-level metadata, shared by every passage of the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DocumentMeta {
    /// Stable document id: lowercase letters, digits, `-`, `_` and `.`.
    pub id: String,
    /// The document type.
    pub doc_type: DocType,
    /// The title as published (or as the transcript is known).
    pub title: String,
    /// The commission (`Komisi Informasi Pusat`, `Komisi Informasi Provinsi Jawa Barat`).
    pub commission: Option<String>,
    /// The case register number (`023/III/KIP-PS/2024`).
    pub case: Option<String>,
    /// The parties, as written (`YAKIN v. KPU`).
    pub parties: Option<String>,
    /// The hearing date (or publication date of a report).
    #[schema(value_type = Option<String>, example = "2024-03-27")]
    pub date: Option<DocDate>,
    /// The hearing agenda (`uji konsekuensi`, `pembuktian`).
    pub agenda: Option<String>,
    /// Where the document was published.
    pub source_url: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where the text comes from.
    #[serde(default)]
    pub provenance: Provenance,
    /// A note on provenance (for example how a transcript was reconstructed).
    pub note: Option<String>,
    /// The decision's outcome: read from the amar of a decision, or from a
    /// report that states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The register numbers of other cases the document cites, as first
    /// written, one per case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<String>,
    /// The document's own redactions (`redact:` in its header), applied
    /// before indexing and never stored.
    #[serde(skip)]
    pub redact: Vec<String>,
}

impl DocumentMeta {
    /// The two sides of [`DocumentMeta::parties`] (`Pemohon v. Termohon`,
    /// also `vs.` or `melawan`), each as written, acronym included.
    pub fn party_sides(&self) -> Option<(&str, &str)> {
        party_sides(self.parties.as_deref()?)
    }
}

/// `word` with a capital first letter and the rest lowercase (`ARIEF` →
/// `Arief`).
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// A side of the parties line as its name and acronym (`Dinas Rekaan
/// (DR)` → `Dinas Rekaan`, `DR`; no acronym: empty).
pub fn party_name(side: &str) -> (&str, &str) {
    match side.split_once('(') {
        Some((full, rest)) => (full.trim(), rest.trim_end_matches(')').trim()),
        None => (side.trim(), ""),
    }
}

/// The pemohon and termohon of a `Pemohon v. Termohon` line (also `vs.` or
/// `melawan`), trimmed; none unless it names exactly two sides.
pub fn party_sides(parties: &str) -> Option<(&str, &str)> {
    let sides: Vec<&str> = parties
        .split(" v. ")
        .flat_map(|s| s.split(" vs. "))
        .flat_map(|s| s.split(" melawan "))
        .map(str::trim)
        .collect();
    match sides.as_slice() {
        [pemohon, termohon] if !pemohon.is_empty() && !termohon.is_empty() => {
            Some((pemohon, termohon))
        }
        _ => None,
    }
}

/// What a passage is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum PassageKind {
    /// One speaker turn in a transcript.
    Turn,
    /// One paragraph of a news report or decision.
    Paragraph,
    /// A procedural note in a transcript (`(sidang diskors)`), not speech.
    Note,
}

impl PassageKind {
    /// The lowercase name stored in the index and shown in the API.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The unit of search: one turn, paragraph or note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// 1-based position in the document; with the document id it makes the passage id.
    pub position: u32,
    /// What the passage is.
    pub kind: PassageKind,
    /// The speaker's name, when the source names one.
    pub speaker: Option<String>,
    /// The speaker's canonical role, when there is a speaker.
    pub role: Option<Role>,
    /// The `hh:mm:ss` timestamp printed in the transcript, if any.
    pub timestamp: Option<String>,
    /// The text exactly as published.
    pub text: String,
    /// The 1-based line of the source file where the passage starts.
    pub line: u32,
    /// The 1-based page of a paged source (PDF) where the passage starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Who a news paragraph quotes or paraphrases, in reading order (empty
    /// for narration and for transcript turns, whose speaker is above).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
    /// The part of a decision the passage belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

impl Passage {
    /// A paragraph of a report or decision, the `index`-th (0-based) of its
    /// document, starting on `line` (and `page`) of its source.
    pub fn paragraph(index: usize, text: String, line: u32, page: Option<u32>) -> Passage {
        Passage {
            position: u32::try_from(index + 1).unwrap_or(u32::MAX),
            kind: PassageKind::Paragraph,
            speaker: None,
            role: None,
            timestamp: None,
            text,
            line,
            page,
            attributions: Vec::new(),
            section: None,
        }
    }
}

/// The part of a decision (putusan) a passage belongs to, in the order a
/// decision gives them.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum Section {
    /// The head of the decision and the parties (kepala putusan, para pihak).
    Identitas,
    /// The case as brought: chronology, the grounds, what each party said.
    DudukPerkara,
    /// The commission's legal reasoning: jurisdiction, standing, the merits.
    Pertimbangan,
    /// The conclusions.
    Kesimpulan,
    /// The ruling (mengadili, memutuskan).
    Amar,
}

impl Section {
    /// The snake_case name used in queries and the API.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a section name, any case, spaces and hyphens as underscores.
    pub fn from_name(text: &str) -> Result<Section, UnknownName> {
        parse_name(text, "section")
    }
}

/// How a dispute ended, as a decision's amar (or a report of it) says.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
pub enum Outcome {
    /// The request is granted in full.
    Dikabulkan,
    /// The request is granted in part.
    DikabulkanSebagian,
    /// The request is rejected.
    Ditolak,
    /// The request is not admissible.
    TidakDiterima,
    /// The request lapsed (gugur), as when the applicant did not appear.
    Gugur,
    /// The request was withdrawn.
    Dicabut,
    /// The parties settled in mediation.
    MediasiBerhasil,
}

impl Outcome {
    /// The snake_case name used in queries and the API.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses an outcome name, any case, spaces and hyphens as underscores.
    pub fn from_name(text: &str) -> Result<Outcome, UnknownName> {
        parse_name(text, "outcome")
    }
}

/// Whether the report gives a speaker's words or their gist.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum AttributionMode {
    /// Words inside quotation marks.
    Quote,
    /// Reported speech without quotation marks (`Luqman menyebut …`).
    Paraphrase,
}

impl AttributionMode {
    /// The lowercase name (`quote`, `paraphrase`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Parses a mode name, any case.
    pub fn from_name(text: &str) -> Result<AttributionMode, UnknownName> {
        parse_name(text, "mode")
    }
}

/// One speaker a news paragraph quotes or paraphrases, as the report names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub struct Attribution {
    /// The speaker's name in full, when the report names them.
    pub speaker: Option<String>,
    /// The speaker's role, when the report or the case tells it with
    /// enough confidence.
    pub role: Option<Role>,
    /// How the report describes a speaker it gives no name (`perwakilan
    /// KPU`), or the body that speaks (`Pemkab Contoh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    /// Quote or paraphrase.
    pub mode: AttributionMode,
    /// How sure the attribution is, 0 to 100: the strength of the cue that
    /// attributes the words times the strength of the evidence for the role.
    #[serde(default = "full_confidence")]
    pub confidence: u8,
    /// The bytes of the passage text the attribution covers (a quote, or a
    /// sentence of reported speech), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(ignore)]
    pub span: Option<TextSpan>,
}

fn full_confidence() -> u8 {
    100
}

/// A byte range of a passage's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// The first byte.
    pub start: u32,
    /// The byte after the last.
    pub end: u32,
}

impl TextSpan {
    /// The span's text in `text`, when it is one of its slices.
    pub fn of<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start as usize..self.end as usize)
    }
}

impl Attribution {
    /// The name to show: the speaker's name, else the report's description.
    pub fn who(&self) -> Option<&str> {
        self.speaker.as_deref().or(self.descriptor.as_deref())
    }
}

/// A parsed document: metadata, roster and passages in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Document-level metadata.
    pub meta: DocumentMeta,
    /// The speakers the document lists (transcripts) or names (reports).
    pub roster: Vec<Speaker>,
    /// The passages in reading order.
    pub passages: Vec<Passage>,
}

impl Document {
    /// The stable id of the passage at `position` (`{doc_id}/t14`).
    pub fn passage_id(&self, position: u32) -> String {
        passage_id(&self.meta.id, self.meta.doc_type, position)
    }
}

/// The stable passage id made of the document id, the type's prefix and the position.
pub fn passage_id(doc_id: &str, doc_type: DocType, position: u32) -> String {
    format!("{doc_id}/{}{position}", doc_type.passage_prefix())
}

/// Whether `id` is a valid document id: 1–200 characters of lowercase ASCII
/// letters, digits, `-`, `_` and `.`, not starting with `.`.
pub fn is_valid_doc_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::VARIANTS {
            assert_eq!(Role::from_name(role.as_str()), Ok(*role));
        }
        assert_eq!(Role::from_name("Pihak Terkait"), Ok(Role::PihakTerkait));
        assert_eq!(Role::from_name(" MAJELIS "), Ok(Role::Majelis));
        assert_eq!(Role::from_name("Panel"), Ok(Role::Majelis));
        assert_eq!(Role::from_name("respondent"), Ok(Role::Termohon));
        assert_eq!(Role::from_name("Related party"), Ok(Role::PihakTerkait));
        assert_eq!(
            Role::Termohon.as_str(),
            "termohon",
            "the canonical name stays"
        );
        let err = Role::from_name("hakim").unwrap_err();
        assert!(err.to_string().contains("unknown role `hakim`"), "{err}");
        assert!(err.to_string().contains("pihak_terkait"), "{err}");
    }

    #[test]
    fn serde_and_strum_names_agree() {
        for role in Role::VARIANTS {
            let json = serde_json::to_string(role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        for t in DocType::VARIANTS {
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
    }

    #[test]
    fn doc_ids_are_validated() {
        assert!(is_valid_doc_id("kip-2024-yakin-kpu"));
        assert!(!is_valid_doc_id("KIP 2024"));
        assert!(!is_valid_doc_id("../etc"));
        assert!(!is_valid_doc_id(""));
    }

    #[test]
    fn passage_ids_use_the_type_prefix() {
        assert_eq!(passage_id("a", DocType::Transcript, 14), "a/t14");
        assert_eq!(passage_id("a", DocType::News, 3), "a/p3");
        assert_eq!(passage_id("a", DocType::Putusan, 2), "a/u2");
    }
}
