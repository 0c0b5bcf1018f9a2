//! The front-matter header shared by transcript and news files.
//!
//! A header sits between two lines of `---` at the top of the file. Each line
//! is `key: value`; `roster:` opens a list of `- Name | role | title` lines.
//! Lines starting with `#` are comments. The parser reports unknown keys,
//! duplicate keys and malformed lines with their line numbers.

use super::diagnostics::{line_no, Diagnostics};
use super::labels::LabelTable;
use crate::model::{DocDate, DocType, DocumentMeta, Provenance, Role, Speaker};
use strum::{EnumString, IntoStaticStr, VariantArray};

/// The keys a header may carry; their names are the lowercase variant names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Key {
    /// The document id.
    Id,
    /// `transcript`, `news` or `putusan`.
    Type,
    /// The title.
    Title,
    /// The commission.
    Commission,
    /// The case register number.
    Case,
    /// The parties.
    Parties,
    /// The date.
    Date,
    /// The hearing agenda.
    Agenda,
    /// Where it was published (also `url`).
    Source,
    /// Where it was published (also `source`).
    Url,
    /// Who published it.
    Publisher,
    /// Where the text comes from: `official`, `news`, `caption` or
    /// `reconstructed` (by default `news` for a report, else `official`).
    Provenance,
    /// A provenance note.
    Note,
    /// Texts to redact: `A => B; C` (see the privacy module).
    Redact,
    /// The roster, on the `- ` lines that follow.
    Roster,
}

impl Key {
    /// The key as written in a header.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

fn known_keys() -> String {
    Key::VARIANTS
        .iter()
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A parsed header: metadata, roster and where the body starts.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// The metadata read from the header.
    pub meta: DocumentMeta,
    /// The roster read from the header.
    pub roster: Vec<Speaker>,
    /// Index into the file's lines of the first body line.
    pub body_start: usize,
    /// The keys the header gives, valid or not.
    pub present: Vec<Key>,
    /// The document type, when the header gives a valid one.
    pub doc_type: Option<DocType>,
}

/// Parses the header at the top of `lines`, recording problems in `diag`.
/// Returns `None` when there is no usable header at all.
pub fn parse(lines: &[&str], labels: &LabelTable, diag: &mut Diagnostics) -> Option<FrontMatter> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    if lines[first].trim() != "---" {
        diag.error(
            line_no(first),
            "missing front matter: the file must start with a `---` line, then `key: value` lines, then `---`",
        );
        return None;
    }
    let Some(end) = lines[first + 1..].iter().position(|l| l.trim() == "---") else {
        diag.error(
            line_no(first),
            "front matter is not closed: no second `---` line after the header",
        );
        return None;
    };
    let end = first + 1 + end;
    let mut fm = FrontMatter {
        body_start: end + 1,
        ..FrontMatter::default()
    };
    let mut in_roster = false;
    for (i, raw) in lines.iter().enumerate().take(end).skip(first + 1) {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(entry) = line.strip_prefix('-') {
            if in_roster {
                if let Some(speaker) = parse_roster_entry(entry, labels, line_no(i), diag) {
                    fm.roster.push(speaker);
                }
            } else {
                diag.error(line_no(i), "a `- ` list item outside `roster:`");
            }
            continue;
        }
        in_roster = false;
        let Some((key, value)) = line.split_once(':') else {
            diag.error(line_no(i), format!("expected `key: value`, found `{line}`"));
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        let Ok(known) = key.parse::<Key>() else {
            diag.error(
                line_no(i),
                format!("unknown key `{key}` (known keys: {})", known_keys()),
            );
            continue;
        };
        if fm.present.contains(&known) {
            diag.error(line_no(i), format!("key `{key}` appears twice"));
            continue;
        }
        fm.present.push(known);
        if known == Key::Roster {
            in_roster = true;
            if !value.is_empty() {
                diag.error(
                    line_no(i),
                    "`roster:` takes its entries on the following `- ` lines",
                );
            }
            continue;
        }
        if value.is_empty() {
            diag.error(line_no(i), format!("key `{key}` has an empty value"));
            continue;
        }
        set_field(&mut fm.meta, known, value, line_no(i), diag);
        if known == Key::Type {
            fm.doc_type = DocType::from_name(value).ok();
        }
    }
    if !fm.present.contains(&Key::Provenance) {
        fm.meta.provenance = Provenance::of_type(fm.meta.doc_type);
    }
    Some(fm)
}

fn set_field(meta: &mut DocumentMeta, key: Key, value: &str, line: u32, diag: &mut Diagnostics) {
    let value = value.to_string();
    match key {
        Key::Id => {
            if crate::model::is_valid_doc_id(&value) {
                meta.id = value;
            } else {
                diag.error(
                    line,
                    format!(
                        "invalid id `{value}`: use lowercase letters, digits, `-`, `_` and `.`"
                    ),
                );
            }
        }
        Key::Type => match DocType::from_name(&value) {
            Ok(t) => meta.doc_type = t,
            Err(e) => diag.error(line, e.to_string()),
        },
        Key::Title => meta.title = value,
        Key::Commission => meta.commission = Some(value),
        Key::Case => meta.case = Some(value),
        Key::Parties => meta.parties = Some(value),
        Key::Date => match DocDate::parse_document(&value) {
            Ok(date) => meta.date = Some(date),
            Err(_) => diag.error(line, bad_date(&value)),
        },
        Key::Agenda => meta.agenda = Some(value),
        Key::Source | Key::Url => {
            if meta.source_url.is_some() {
                diag.error(line, "give the source once, as `source:` or `url:`");
            } else {
                meta.source_url = Some(value);
            }
        }
        Key::Publisher => meta.publisher = Some(value),
        Key::Provenance => match Provenance::from_name(&value) {
            Ok(p) => meta.provenance = p,
            Err(e) => diag.error(line, e.to_string()),
        },
        Key::Note => meta.note = Some(value),
        Key::Redact => meta.redact.push(value),
        // Its entries follow on their own lines; see `parse`.
        Key::Roster => {}
    }
}

/// Parses `Name | role | title`; the role may be canonical (`majelis`) or a
/// label the table knows (`Ketua Majelis`).
fn parse_roster_entry(
    entry: &str,
    labels: &LabelTable,
    line: u32,
    diag: &mut Diagnostics,
) -> Option<Speaker> {
    let mut parts = entry.split('|').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let role_text = parts.next().unwrap_or_default();
    let title = parts.next().filter(|t| !t.is_empty()).map(str::to_string);
    if parts.next().is_some() {
        diag.error(
            line,
            "a roster entry is `- Name | role | title` (three parts at most)",
        );
        return None;
    }
    if name.is_empty() || role_text.is_empty() {
        diag.error(
            line,
            "a roster entry needs a name and a role: `- Name | role | title`",
        );
        return None;
    }
    let role = Role::from_name(role_text)
        .ok()
        .or_else(|| labels.role_of(role_text));
    let Some(role) = role else {
        diag.error(
            line,
            format!("roster role `{role_text}` resolves to no role (use majelis, pemohon, termohon, panitera, saksi, ahli, pihak_terkait or lainnya)"),
        );
        return None;
    };
    Some(Speaker {
        name: name.to_string(),
        role,
        title,
    })
}

/// The problem of a date that is not one: the value, and the forms a date takes.
pub fn bad_date(value: &str) -> String {
    format!(
        "bad date `{value}`: expected a real date as YYYY-MM-DD, YYYY-MM or YYYY (1900 to 2200)"
    )
}
