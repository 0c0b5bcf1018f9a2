//! Citations of a passage: plain text, BibTeX, RIS and CSL-JSON, each with
//! the passage id and its permalink, so a quote can be traced to its source.

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

/// The fields of a passage and its document a citation draws on, each on
/// one line: a line break or other control character in the corpus becomes
/// a space, so no value can add a line (an RIS tag) to a record.
struct Cited<'a> {
    id: String,
    doc_type: DocType,
    title: String,
    commission: Option<String>,
    case: Option<String>,
    parties: Option<String>,
    date: Option<String>,
    source_url: Option<String>,
    publisher: Option<String>,
    speaker: Option<String>,
    role: Option<Role>,
    passage: &'a StoredPassage,
}

/// The parts of a citation of one passage.
pub struct Citation<'a> {
    p: Cited<'a>,
    permalink: String,
}

fn role_label(role: Role) -> &'static str {
    Lang::Id.role(role)
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

impl<'a> Citation<'a> {
    /// A citation of `passage` of `document`, whose permalink is under `public_url`.
    pub fn new(
        document: &'a DocumentMeta,
        passage: &'a StoredPassage,
        public_url: &PublicUrl,
    ) -> Self {
        let line = |v: &Option<String>| v.as_deref().map(one_line);
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
                speaker: line(&passage.passage.speaker),
                role: passage.passage.role,
                passage,
            },
            permalink: one_line(&public_url.permalink(&passage.id)),
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

    fn speaker_part(&self) -> Option<String> {
        let p = &self.p;
        if p.doc_type == DocType::News {
            // A report is cited as the report; whom it quotes follows the citation.
            return None;
        }
        match (&p.speaker, p.role) {
            (Some(name), Some(role)) => {
                Some(format!("{name} ({})", role_label(role).to_lowercase()))
            }
            (None, Some(role)) => Some(role_label(role).to_string()),
            _ => None,
        }
    }

    fn where_part(&self) -> String {
        let p = &self.p;
        let mut parts: Vec<String> = Vec::new();
        let org = match p.doc_type {
            DocType::News => &p.publisher,
            _ => &p.commission,
        };
        if let Some(org) = org {
            parts.push(org.clone());
        }
        if let Some(case) = &p.case {
            parts.push(format!("perkara {case}"));
        }
        if let Some(parties) = &p.parties {
            parts.push(parties.clone());
        }
        if let Some(date) = &p.date {
            parts.push(date.clone());
        }
        parts.join(", ")
    }

    /// One line of plain text: speaker and role, title, commission or
    /// publisher, case, parties, date, passage id, permalink.
    pub fn plain(&self) -> String {
        let p = &self.p;
        let mut out = String::new();
        if let Some(speaker) = self.speaker_part() {
            out.push_str(&speaker);
            out.push_str(", dalam ");
        }
        out.push_str(&format!("\"{}\"", p.title));
        let place = self.where_part();
        if !place.is_empty() {
            out.push_str(". ");
            out.push_str(&place);
        }
        out.push_str(&format!(". Passage {}", p.id));
        if let Some(page) = p.passage.passage.page {
            out.push_str(&format!(", p. {page}"));
        }
        out.push_str(&format!(". {}", self.permalink));
        if let Some(url) = &p.source_url {
            out.push_str(&format!(" (source: {url})"));
        }
        let quoted: Vec<String> = p
            .passage
            .passage
            .attributions
            .iter()
            .filter(|a| a.mode == AttributionMode::Quote)
            .filter_map(|a| {
                let who = one_line(a.who()?);
                Some(match a.role {
                    Some(role) => format!("{who} ({})", role_label(role).to_lowercase()),
                    None => who.to_string(),
                })
            })
            .collect();
        if !quoted.is_empty() {
            out.push_str(&format!(". Quoting {}", quoted.join(", ")));
        }
        out
    }

    /// A BibTeX entry (`@misc`), keyed by the passage id; text fields are
    /// escaped, URLs are given as written.
    pub fn bibtex(&self) -> String {
        let p = &self.p;
        let key: String =
            p.id.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
        let mut fields = vec![("title", bibtex_escape(&p.title))];
        if let Some(speaker) = &p.speaker {
            fields.push(("author", format!("{{{}}}", bibtex_escape(speaker))));
        }
        let org = match p.doc_type {
            DocType::News => &p.publisher,
            _ => &p.commission,
        };
        if let Some(org) = org {
            fields.push(("organization", bibtex_escape(org)));
        }
        if let Some(date) = &p.date {
            fields.push(("date", date.clone()));
            fields.push(("year", date.chars().take(4).collect()));
        }
        let mut note = format!("Passage {}", p.id);
        if let Some(case) = &p.case {
            note.push_str(&format!("; perkara {case}"));
        }
        if let Some(role) = p.role {
            note.push_str(&format!("; {}", role.as_str()));
        }
        fields.push(("note", bibtex_escape(&note)));
        if let Some(page) = p.passage.passage.page {
            fields.push(("pages", page.to_string()));
        }
        fields.push(("url", bibtex_url(&self.permalink)));
        if let Some(url) = &p.source_url {
            fields.push(("howpublished", format!("\\url{{{}}}", bibtex_url(url))));
        }
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("  {k} = {{{v}}}"))
            .collect();
        format!("@misc{{{key},\n{}\n}}", body.join(",\n"))
    }

    /// An RIS record.
    pub fn ris(&self) -> String {
        let p = &self.p;
        let kind = if p.doc_type == DocType::News {
            "NEWS"
        } else {
            "HEAR"
        };
        let mut lines = vec![format!("TY  - {kind}"), format!("TI  - {}", p.title)];
        if let Some(speaker) = &p.speaker {
            lines.push(format!("AU  - {speaker}"));
        }
        if let Some(publisher) = p.publisher.as_ref().or(p.commission.as_ref()) {
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
        if let Some(page) = p.passage.passage.page {
            lines.push(format!("SP  - {page}"));
        }
        lines.push(format!("N1  - Passage {}", p.id));
        lines.push(format!("UR  - {}", self.permalink));
        lines.push("ER  - ".to_string());
        lines.join("\r\n")
    }

    /// A CSL-JSON item.
    pub fn csl_json(&self) -> serde_json::Value {
        let p = &self.p;
        let mut item = json!({
            "id": p.id,
            "type": if p.doc_type == DocType::News { "article-newspaper" } else { "hearing" },
            "title": p.title,
            "URL": self.permalink,
            "note": format!("Passage {}", p.id),
        });
        if let Some(speaker) = &p.speaker {
            item["author"] = json!([{ "literal": speaker }]);
        }
        if let Some(publisher) = p.publisher.as_ref().or(p.commission.as_ref()) {
            item["publisher"] = json!(publisher);
        }
        if let Some(case) = &p.case {
            item["number"] = json!(case);
        }
        if let Some(page) = p.passage.passage.page {
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
