//! The document model of the design brief: documents, passages, speakers and
//! roles, as plain serde types shared by the parsers, the indexer and the API.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of document a corpus file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    /// A hearing transcript: one passage per speaker turn.
    Transcript,
    /// A news report: one passage per paragraph.
    News,
    /// A decision of the commission.
    Putusan,
}

impl DocType {
    /// Every document type, in display order.
    pub const ALL: [DocType; 3] = [DocType::Transcript, DocType::News, DocType::Putusan];

    /// The canonical lowercase name used in files, queries and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Transcript => "transcript",
            DocType::News => "news",
            DocType::Putusan => "putusan",
        }
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

impl fmt::Display for DocType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown document type `{s}` (expected transcript, news or putusan)")
            })
    }
}

/// The canonical role of a speaker in a hearing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Ketua or anggota majelis komisioner (the panel).
    Majelis,
    /// The applicant and the applicant's counsel.
    Pemohon,
    /// The respondent public body, its counsel, PPID or representative.
    Termohon,
    /// Panitera and panitera pengganti (the clerk).
    Panitera,
    /// A witness.
    Saksi,
    /// An expert.
    Ahli,
    /// A related party.
    PihakTerkait,
    /// A speaker whose role is not known.
    Lainnya,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 8] = [
        Role::Majelis,
        Role::Pemohon,
        Role::Termohon,
        Role::Panitera,
        Role::Saksi,
        Role::Ahli,
        Role::PihakTerkait,
        Role::Lainnya,
    ];

    /// The canonical lowercase name (`majelis`, `pihak_terkait`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Majelis => "majelis",
            Role::Pemohon => "pemohon",
            Role::Termohon => "termohon",
            Role::Panitera => "panitera",
            Role::Saksi => "saksi",
            Role::Ahli => "ahli",
            Role::PihakTerkait => "pihak_terkait",
            Role::Lainnya => "lainnya",
        }
    }

    /// A human label in Indonesian, for pages and terminal output.
    pub fn label_id(self) -> &'static str {
        match self {
            Role::Majelis => "Majelis",
            Role::Pemohon => "Pemohon",
            Role::Termohon => "Termohon",
            Role::Panitera => "Panitera",
            Role::Saksi => "Saksi",
            Role::Ahli => "Ahli",
            Role::PihakTerkait => "Pihak terkait",
            Role::Lainnya => "Lainnya",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().replace([' ', '-'], "_");
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| {
                format!(
                    "unknown role `{s}` (expected one of: {})",
                    Role::ALL.map(Role::as_str).join(", ")
                )
            })
    }
}

/// A person who speaks in a document, as the roster lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Stable document id: lowercase letters, digits, `-`, `_` and `.`.
    pub id: String,
    /// The document type.
    pub doc_type: Option<DocType>,
    /// The title as published (or as the transcript is known).
    pub title: String,
    /// The commission (`Komisi Informasi Pusat`, `Komisi Informasi Provinsi Jawa Barat`).
    pub commission: Option<String>,
    /// The case register number (`023/III/KIP-PS/2024`).
    pub case: Option<String>,
    /// The parties, as written (`YAKIN v. KPU`).
    pub parties: Option<String>,
    /// The hearing date (or publication date of a report), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The hearing agenda (`uji konsekuensi`, `pembuktian`).
    pub agenda: Option<String>,
    /// Where the document was published.
    pub source_url: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// A note on provenance (for example how a transcript was reconstructed).
    pub note: Option<String>,
}

/// What a passage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// One speaker turn in a transcript.
    Turn,
    /// One paragraph of a news report or decision.
    Paragraph,
    /// A procedural note in a transcript (`(sidang diskors)`), not speech.
    Note,
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
    /// Who a news paragraph quotes or paraphrases, in reading order (empty
    /// for narration and for transcript turns, whose speaker is above).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
}

/// Whether the report gives a speaker's words or their gist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionMode {
    /// Words inside quotation marks.
    Quote,
    /// Reported speech without quotation marks (`Luqman menyebut …`).
    Paraphrase,
}

/// One speaker a news paragraph quotes or paraphrases, as the report names them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker's name in full, when the report names them.
    pub speaker: Option<String>,
    /// The speaker's role, when the report or the parties tell it.
    pub role: Option<Role>,
    /// How the report describes an unnamed speaker (`perwakilan KPU`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    /// Quote or paraphrase.
    pub mode: AttributionMode,
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
    /// The document type, defaulting to transcript when the source did not say.
    pub fn doc_type(&self) -> DocType {
        self.meta.doc_type.unwrap_or(DocType::Transcript)
    }

    /// The stable id of the passage at `position` (`{doc_id}/t14`).
    pub fn passage_id(&self, position: u32) -> String {
        passage_id(&self.meta.id, self.doc_type(), position)
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

/// The years a document may be dated in.
pub const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Whether `date` is a real calendar date written `YYYY-MM-DD`, in [`DOCUMENT_YEARS`].
pub fn is_valid_date(date: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.len() == 10
        && time::Date::parse(date, &format).is_ok_and(|d| DOCUMENT_YEARS.contains(&d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert_eq!("Pihak Terkait".parse::<Role>(), Ok(Role::PihakTerkait));
        assert!("hakim".parse::<Role>().is_err());
    }

    #[test]
    fn doc_ids_and_dates_are_validated() {
        assert!(is_valid_doc_id("kip-2024-yakin-kpu"));
        assert!(!is_valid_doc_id("KIP 2024"));
        assert!(!is_valid_doc_id("../etc"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("27/3/2024"));
        assert!(
            !is_valid_date("0019-11-14"),
            "outside the years a document may have"
        );
    }

    #[test]
    fn passage_ids_use_the_type_prefix() {
        assert_eq!(passage_id("a", DocType::Transcript, 14), "a/t14");
        assert_eq!(passage_id("a", DocType::News, 3), "a/p3");
    }
}
