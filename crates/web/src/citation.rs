//! Citations of a passage: plain text, BibTeX, RIS and CSL-JSON, in the
//! page's language, each with the passage id, its page where known, the
//! source's own address and the permalink, so a quote can be traced.
//!
//! A reference manager files a citation by its author: for a news report
//! that is the outlet (the people it quotes go in a note, every one of them,
//! with role and whether quoted or paraphrased); for a hearing or a decision
//! it is the commission (the speaker goes in the note).

use crate::i18n::Lang;
use crate::permalink::PublicUrl;
use risalah_engine::index::document::StoredPassage;
use risalah_engine::model::{AttributionMode, DocType, DocumentMeta, Role};
use serde::Serialize;
use serde_json::json;

/// A passage's citation in every format.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Citations {
    /// Plain text.
    pub plain: String,
    /// BibTeX.
    pub bibtex: String,
    /// RIS.
    pub ris: String,
    /// CSL-JSON.
    #[schema(value_type = Object)]
    pub csl_json: serde_json::Value,
}

/// Someone a passage gives the words of: name, role, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Voice {
    name: String,
    role: Option<Role>,
    mode: Option<AttributionMode>,
}

/// The fields of a passage and its document a citation draws on, each on
/// one line: a line break or other control character in the corpus becomes
/// a space, so no value can add a line (an RIS tag) to a record.
struct Cited {
    id: String,
    doc_type: DocType,
    title: String,
    commission: Option<String>,
    case: Option<String>,
    parties: Option<String>,
    date: Option<String>,
    source_url: Option<String>,
    publisher: Option<String>,
    page: Option<u32>,
    timestamp: Option<String>,
    voices: Vec<Voice>,
}

/// The parts of a citation of one passage.
pub struct Citation {
    p: Cited,
    permalink: String,
    lang: Lang,
}

/// `text` with every control character (line breaks included) made a space.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A corpus-supplied web address, when it is one (http or https only).
fn web_address(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| one_line(url.trim()))
}

/// The people `passage` gives the words of: for a report, everyone it
/// quotes or paraphrases, in reading order, once each; else its speaker.
fn voices(passage: &StoredPassage) -> Vec<Voice> {
    let p = &passage.passage;
    if p.attributions.is_empty() {
        return p
            .speaker
            .as_deref()
            .map(|name| Voice {
                name: one_line(name),
                role: p.role,
                mode: None,
            })
            .into_iter()
            .collect();
    }
    let mut out: Vec<Voice> = Vec::new();
    for a in &p.attributions {
        let Some(name) = a.who() else { continue };
        let voice = Voice {
            name: one_line(name),
            role: a.role,
            mode: Some(a.mode),
        };
        if !out.contains(&voice) {
            out.push(voice);
        }
    }
    out
}

/// The words of a citation in one language.
struct Words {
    case: &'static str,
    passage: &'static str,
    page: &'static str,
    source: &'static str,
    quoting: &'static str,
    paraphrasing: &'static str,
    speaker: &'static str,
    kind_transcript: &'static str,
    kind_putusan: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Id => Words {
                case: "perkara",
                passage: "bagian",
                page: "hlm.",
                source: "sumber",
                quoting: "mengutip",
                paraphrasing: "memparafrasekan",
                speaker: "penutur",
                kind_transcript: "Risalah sidang",
                kind_putusan: "Putusan",
            },
            Lang::En => Words {
                case: "case",
                passage: "passage",
                page: "p.",
                source: "source",
                quoting: "quoting",
                paraphrasing: "paraphrasing",
                speaker: "speaker",
                kind_transcript: "Hearing transcript",
                kind_putusan: "Decision",
            },
        }
    }
}

/// `Text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Citation {
    /// A citation of `passage` of `document` in `lang`, whose permalink is
    /// under `public_url`.
    pub fn new(
        document: &DocumentMeta,
        passage: &StoredPassage,
        public_url: &PublicUrl,
        lang: Lang,
    ) -> Self {
        let line = |v: &Option<String>| v.as_deref().map(one_line).filter(|v| !v.trim().is_empty());
        Citation {
            p: Cited {
                id: one_line(&passage.id),
                doc_type: document.doc_type,
                title: one_line(&document.title),
                commission: line(&document.commission),
                case: line(&document.case),
                parties: line(&document.parties),
                date: document.date.map(|d| d.to_string()),
                source_url: document.source_url.as_deref().and_then(web_address),
                publisher: line(&document.publisher),
                page: passage.passage.page,
                timestamp: passage.passage.timestamp.as_deref().map(one_line),
                voices: voices(passage),
            },
            permalink: one_line(&public_url.permalink(&passage.id)),
            lang,
        }
    }

    /// Every format at once.
    pub fn all(&self) -> Citations {
        Citations {
            plain: self.plain(),
            bibtex: self.bibtex(),
            ris: self.ris(),
            csl_json: self.csl_json(),
        }
    }

    fn words(&self) -> Words {
        Words::of(self.lang)
    }

    /// Who a reference manager files the citation under: the outlet of a
    /// report, the commission of a hearing or decision.
    fn author(&self) -> Option<&str> {
        let p = &self.p;
        match p.doc_type {
            DocType::News => p.publisher.as_deref().or(p.commission.as_deref()),
            DocType::Transcript | DocType::Putusan => {
                p.commission.as_deref().or(p.publisher.as_deref())
            }
        }
    }

    /// One voice as the note names it: `Dewi Lestari Contoh (majelis)`.
    fn voice(&self, v: &Voice) -> String {
        match v.role {
            Some(role) => format!("{} ({})", v.name, self.lang.role(role).to_lowercase()),
            None => v.name.clone(),
        }
    }

    /// Whose words the passage gives: `mengutip A (majelis), B (termohon);
    /// memparafrasekan C (pemohon)` for a report, `penutur: A (majelis)` else.
    fn voices_note(&self) -> Option<String> {
        let w = self.words();
        let names = |mode: Option<AttributionMode>| -> Vec<String> {
            self.p
                .voices
                .iter()
                .filter(|v| v.mode == mode)
                .map(|v| self.voice(v))
                .collect()
        };
        let mut parts = Vec::new();
        let spoken = names(None);
        if !spoken.is_empty() {
            parts.push(format!("{}: {}", w.speaker, spoken.join(", ")));
        }
        let quoted = names(Some(AttributionMode::Quote));
        if !quoted.is_empty() {
            parts.push(format!("{} {}", w.quoting, quoted.join(", ")));
        }
        let paraphrased = names(Some(AttributionMode::Paraphrase));
        if !paraphrased.is_empty() {
            parts.push(format!("{} {}", w.paraphrasing, paraphrased.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// `bagian ID, hlm. 4` / `passage ID, p. 4`, and the time of a turn
    /// of a recording (`00:10:00`).
    fn locator(&self) -> String {
        let w = self.words();
        let mut out = format!("{} {}", w.passage, self.p.id);
        if let Some(page) = self.p.page {
            out.push_str(&format!(", {} {page}", w.page));
        }
        if let Some(at) = &self.p.timestamp {
            out.push_str(&format!(", {at}"));
        }
        out
    }

    /// What kind of record a hearing or a decision is, in words.
    fn kind(&self) -> Option<&'static str> {
        let w = self.words();
        match self.p.doc_type {
            DocType::News => None,
            DocType::Transcript => Some(w.kind_transcript),
            DocType::Putusan => Some(w.kind_putusan),
        }
    }

    /// One line of plain text: author, date, title, kind, case and parties,
    /// whose words, the passage and page, the permalink, the source.
    pub fn plain(&self) -> String {
        let p = &self.p;
        let w = self.words();
        let mut out = String::new();
        if let Some(author) = self.author() {
            out.push_str(author);
            out.push_str(". ");
        }
        if let Some(date) = &p.date {
            out.push_str(&format!("({date}). "));
        }
        out.push_str(&format!("\"{}\"", p.title));
        let mut place: Vec<String> = Vec::new();
        if let Some(kind) = self.kind() {
            place.push(kind.to_string());
        }
        if let Some(case) = &p.case {
            place.push(format!("{} {case}", w.case));
        }
        if let Some(parties) = &p.parties {
            place.push(parties.clone());
        }
        if !place.is_empty() {
            out.push_str(". ");
            out.push_str(&place.join(", "));
        }
        if let Some(note) = self.voices_note() {
            out.push_str(". ");
            out.push_str(&capitalised(&note));
        }
        out.push_str(&format!(
            ". {}. {}",
            capitalised(&self.locator()),
            self.permalink
        ));
        if let Some(url) = &p.source_url {
            out.push_str(&format!(" ({}: {url})", w.source));
        }
        out
    }

    /// The note of the structured formats: whose words, where in the
    /// document, and (where the URL field holds the source) the permalink.
    fn note(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(voices) = self.voices_note() {
            parts.push(capitalised(&voices));
        }
        if let Some(case) = &self.p.case {
            parts.push(format!("{} {case}", self.words().case));
        }
        parts.push(self.locator());
        if self.p.source_url.is_some() {
            parts.push(format!("risalah: {}", self.permalink));
        }
        parts.join("; ")
    }

    /// The address a reference points at: the source as published where
    /// known, else the permalink.
    fn url(&self) -> &str {
        self.p.source_url.as_deref().unwrap_or(&self.permalink)
    }

    /// A BibTeX entry keyed by the passage id: `@article` for a report
    /// (journal: the outlet), `@misc` for a hearing or a decision; text
    /// fields escaped, URLs percent-encoded where BibTeX would break.
    pub fn bibtex(&self) -> String {
        let p = &self.p;
        let key: String =
            p.id.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
        let mut fields = vec![("title", bibtex_escape(&p.title))];
        if let Some(author) = self.author() {
            // Double braces: a corporate author, not a first and last name.
            fields.push(("author", format!("{{{}}}", bibtex_escape(author))));
        }
        let entry = match p.doc_type {
            DocType::News => {
                if let Some(outlet) = &p.publisher {
                    fields.push(("journal", bibtex_escape(outlet)));
                }
                "article"
            }
            DocType::Transcript | DocType::Putusan => {
                if let Some(kind) = self.kind() {
                    fields.push(("howpublished", bibtex_escape(kind)));
                }
                if let Some(commission) = &p.commission {
                    fields.push(("organization", bibtex_escape(commission)));
                }
                if let Some(case) = &p.case {
                    fields.push(("number", bibtex_escape(case)));
                }
                "misc"
            }
        };
        if let Some(date) = &p.date {
            fields.push(("date", date.clone()));
            fields.push(("year", date.chars().take(4).collect()));
        }
        if let Some(page) = p.page {
            fields.push(("pages", page.to_string()));
        }
        fields.push(("note", bibtex_escape(&self.note())));
        fields.push(("url", bibtex_url(self.url())));
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("  {k} = {{{v}}}"))
            .collect();
        format!("@{entry}{{{key},\n{}\n}}", body.join(",\n"))
    }

    /// An RIS record: `NEWS` (author and newspaper the outlet), `HEAR` or
    /// `CASE` for a decision (author the commission), the source and the
    /// permalink as `UR`.
    pub fn ris(&self) -> String {
        let p = &self.p;
        let kind = match p.doc_type {
            DocType::News => "NEWS",
            DocType::Transcript => "HEAR",
            DocType::Putusan => "CASE",
        };
        let mut lines = vec![format!("TY  - {kind}"), format!("TI  - {}", p.title)];
        if let Some(author) = self.author() {
            lines.push(format!("AU  - {author}"));
        }
        if p.doc_type == DocType::News {
            if let Some(outlet) = &p.publisher {
                lines.push(format!("T2  - {outlet}"));
            }
        }
        if let Some(publisher) = p.commission.as_ref().or(p.publisher.as_ref()) {
            lines.push(format!("PB  - {publisher}"));
        }
        if let Some(date) = &p.date {
            lines.push(format!("DA  - {}", date.replace('-', "/")));
            lines.push(format!(
                "PY  - {}",
                date.chars().take(4).collect::<String>()
            ));
        }
        if let Some(case) = &p.case {
            lines.push(format!("M1  - {case}"));
        }
        if let Some(page) = p.page {
            lines.push(format!("SP  - {page}"));
        }
        lines.push(format!("N1  - {}", self.note()));
        if let Some(url) = &p.source_url {
            lines.push(format!("UR  - {url}"));
        }
        lines.push(format!("UR  - {}", self.permalink));
        lines.push(format!("LA  - {}", "id"));
        lines.push("ER  - ".to_string());
        lines.join("\r\n")
    }

    /// A CSL-JSON item: `article-newspaper` (author and container the
    /// outlet), `hearing` or `legal_case` for a decision (author and
    /// authority the commission).
    pub fn csl_json(&self) -> serde_json::Value {
        let p = &self.p;
        let mut item = json!({
            "id": p.id,
            "type": match p.doc_type {
                DocType::News => "article-newspaper",
                DocType::Transcript => "hearing",
                DocType::Putusan => "legal_case",
            },
            "title": p.title,
            "URL": self.url(),
            "note": self.note(),
            "language": "id",
        });
        if let Some(author) = self.author() {
            item["author"] = json!([{ "literal": author }]);
        }
        match p.doc_type {
            DocType::News => {
                if let Some(outlet) = &p.publisher {
                    item["container-title"] = json!(outlet);
                    item["publisher"] = json!(outlet);
                }
            }
            DocType::Transcript | DocType::Putusan => {
                if let Some(commission) = &p.commission {
                    item["authority"] = json!(commission);
                    item["publisher"] = json!(commission);
                }
                if let Some(kind) = self.kind() {
                    item["genre"] = json!(kind);
                }
            }
        }
        if let Some(case) = &p.case {
            item["number"] = json!(case);
        }
        if let Some(page) = p.page {
            item["page"] = json!(page.to_string());
        }
        if let Some(date) = &p.date {
            let parts: Vec<i64> = date.split('-').filter_map(|s| s.parse().ok()).collect();
            item["issued"] = json!({ "date-parts": [parts] });
        }
        item
    }
}

/// Text inside a braced BibTeX field: LaTeX's special characters are
/// escaped, and braces and backslashes become commands whose own braces
/// balance (BibTeX counts every brace, escaped or not), so no text can close
/// the field or start another entry.
fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A web address inside a BibTeX field: the characters that would end the
/// field or the entry (`{`, `}`, `\\`, `"`) and any space are percent-encoded.
fn bibtex_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' | '}' | '\\' | '"' | ' ' => out.push_str(&format!("%{:02X}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out
}
