//! Citations of a passage: plain text, BibTeX, RIS and CSL-JSON, each with
//! the passage id and its permalink, so a quote can be traced to its source.

use crate::index::document::StoredPassage;
use crate::model::{AttributionMode, DocType};
use serde_json::json;

/// The parts of a citation, derived from a stored passage.
pub struct Citation<'a> {
    passage: &'a StoredPassage,
    permalink: String,
}

impl<'a> Citation<'a> {
    /// A citation of `passage`, whose permalink is `{public_url}/p/{id}`.
    pub fn new(passage: &'a StoredPassage, public_url: &str) -> Self {
        Citation {
            passage,
            permalink: format!(
                "{}{}",
                public_url.trim_end_matches('/'),
                permalink_path(&passage.id)
            ),
        }
    }

    /// The permalink of the passage.
    pub fn permalink(&self) -> &str {
        &self.permalink
    }

    fn speaker_part(&self) -> Option<String> {
        let p = self.passage;
        if p.doc_type == DocType::News {
            // A report is cited as the report; whom it quotes follows the citation.
            return None;
        }
        match (&p.speaker, p.role) {
            (Some(name), Some(role)) => {
                Some(format!("{name} ({})", role.label_id().to_lowercase()))
            }
            (None, Some(role)) => Some(role.label_id().to_string()),
            _ => None,
        }
    }

    fn where_part(&self) -> String {
        let p = self.passage;
        let mut parts: Vec<String> = Vec::new();
        match p.doc_type {
            DocType::News => {
                if let Some(publisher) = &p.publisher {
                    parts.push(publisher.clone());
                }
            }
            _ => {
                if let Some(commission) = &p.commission {
                    parts.push(commission.clone());
                }
            }
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
        let p = self.passage;
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
        out.push_str(&format!(". Passage {}. {}", p.id, self.permalink));
        if let Some(url) = &p.source_url {
            out.push_str(&format!(" (source: {url})"));
        }
        let quoted: Vec<String> = p
            .attributions
            .iter()
            .filter(|a| a.mode == AttributionMode::Quote)
            .filter_map(|a| {
                let who = a.speaker.as_deref().or(a.descriptor.as_deref())?;
                Some(match a.role {
                    Some(role) => format!("{who} ({})", role.label_id().to_lowercase()),
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
        let p = self.passage;
        let key: String =
            p.id.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
        let mut fields = vec![("title", bibtex_escape(&p.title))];
        if let Some(speaker) = &p.speaker {
            fields.push(("author", format!("{{{}}}", bibtex_escape(speaker))));
        }
        let org = match p.doc_type {
            DocType::News => p.publisher.clone(),
            _ => p.commission.clone(),
        };
        if let Some(org) = org {
            fields.push(("organization", bibtex_escape(&org)));
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
        fields.push(("url", self.permalink.clone()));
        if let Some(url) = &p.source_url {
            fields.push(("howpublished", format!("\\url{{{url}}}")));
        }
        let body: Vec<String> = fields
            .into_iter()
            .map(|(k, v)| format!("  {k} = {{{v}}}"))
            .collect();
        format!("@misc{{{key},\n{}\n}}", body.join(",\n"))
    }

    /// An RIS record.
    pub fn ris(&self) -> String {
        let p = self.passage;
        let mut lines = vec![
            format!(
                "TY  - {}",
                if p.doc_type == DocType::News {
                    "NEWS"
                } else {
                    "HEAR"
                }
            ),
            format!("TI  - {}", p.title),
        ];
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
        lines.push(format!("N1  - Passage {}", p.id));
        lines.push(format!("UR  - {}", self.permalink));
        lines.push("ER  - ".to_string());
        lines.join("\r\n")
    }

    /// A CSL-JSON item.
    pub fn csl_json(&self) -> serde_json::Value {
        let p = self.passage;
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
        if let Some(date) = &p.date {
            let parts: Vec<i64> = date.split('-').filter_map(|s| s.parse().ok()).collect();
            item["issued"] = json!({ "date-parts": [parts] });
        }
        item
    }
}

/// The path of a passage's permalink page.
pub fn permalink_path(id: &str) -> String {
    format!("/p/{id}")
}

fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
