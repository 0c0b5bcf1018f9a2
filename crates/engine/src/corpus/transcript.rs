//! The hearing-transcript format: a front-matter header with a roster, then
//! speaker turns written `LABEL: text`.
//!
//! Accepted turn heads, in any case:
//! - `KETUA MAJELIS: …`, `KUASA PEMOHON (Nama): …`, `Rospita Vici Paulyn: …`
//! - `[00:12:31] PANITERA PENGGANTI: …` (an optional timestamp)
//! - `1. KETUA: ARIEF HIDAYAT Bismillah …` (the numbered form of official
//!   *risalah sidang*, name in capitals after the label), including several
//!   numbered turns run together on one line by PDF extraction.
//!
//! A turn runs until the next head. A line wholly in brackets, such as
//! `(sidang diskors)`, is a procedural note. Roles resolve through the roster,
//! then the label table, else `lainnya` with a warning.

use super::diagnostics::line_no;
use super::diagnostics::Diagnostics;
use super::frontmatter::FrontMatter;
use super::labels::LabelTable;
use crate::model::{Document, Passage, PassageKind, Role, Speaker};
use regex::Regex;
use std::sync::LazyLock;

/// `[hh:mm:ss]`, then `N.`, then a label up to the first colon.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\[(?P<ts>\d{1,2}:\d{2}(?::\d{2})?)\]\s*)?(?:(?P<num>\d{1,5})\.\s+)?(?P<label>[^:\[\]]{1,80}?)\s*:(?P<rest>.*)$",
    )
    .expect("static regex")
});

/// `LABEL (Name)`.
static LABEL_WITH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<base>[^()]+?)\s*(?:\((?P<name>[^()]+)\))?$").expect("static regex")
});

/// A numbered head inside a line: ` 12. KUASA HUKUM PEMOHON:`.
static INLINE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?P<num>\d{1,5})\.\s+(?P<label>[A-Z][A-Z .'-]{1,60}?)\s*:")
        .expect("static regex")
});

/// A line that is wholly a bracketed note.
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$").expect("static regex"));

/// A turn head found at the start of a line or inside it.
#[derive(Debug)]
struct Head {
    timestamp: Option<String>,
    number: Option<u32>,
    speaker: Option<String>,
    role: Role,
    rest: String,
}

/// Parses the body of a transcript whose header is `fm`.
pub fn parse(
    lines: &[&str],
    fm: FrontMatter,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Document {
    let mut builder = TurnBuilder::default();
    // The first line of text before any turn, and how many such lines.
    let mut before_first: Option<(u32, usize)> = None;
    for (index, raw) in lines.iter().enumerate().skip(fm.body_start) {
        let line = raw.trim_end();
        let number = line_no(index);
        if line.trim().is_empty() {
            continue;
        }
        let stage = crate::model::procedural::is_stage_direction(line);
        if (NOTE.is_match(line) || stage) && !looks_like_timestamp_only(line) {
            builder.finish(diag);
            builder.push_note(line.trim(), number);
            continue;
        }
        match read_head(line, &fm.roster, labels, number, diag) {
            Some(head) => {
                builder.finish(diag);
                let mut head = head;
                // Numbered turns run together on one line (PDF extraction).
                while let Some((before, next)) =
                    split_inline_head(&head, &fm.roster, labels, number, diag)
                {
                    builder.start(head_with_rest(head, before), number);
                    builder.finish(diag);
                    head = next;
                }
                builder.start(head, number);
            }
            None if builder.current.is_some() => builder.continue_with(line.trim()),
            None => {
                before_first.get_or_insert((number, 0)).1 += 1;
                builder.push_note(line.trim(), number);
            }
        }
    }
    builder.finish(diag);
    if let Some((first, count)) = before_first {
        diag.warning(
            first,
            format!("{count} line(s) of text before the first speaker label; kept as notes (start a turn with `LABEL: text`)"),
        );
    }
    Document {
        meta: fm.meta,
        roster: fm.roster,
        passages: builder.passages,
    }
}

fn looks_like_timestamp_only(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('[')
        && t[1..t.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':')
}

fn head_with_rest(head: Head, rest: String) -> Head {
    Head { rest, ..head }
}

/// Reads a turn head at the start of `line`, if there is one.
fn read_head(
    line: &str,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> Option<Head> {
    let caps = HEAD.captures(line)?;
    let label_text = caps.name("label")?.as_str().trim();
    let parts = LABEL_WITH_NAME.captures(label_text)?;
    let base = parts.name("base")?.as_str().trim();
    let paren_name = parts.name("name").map(|m| m.as_str().trim().to_string());
    let mut rest = caps
        .name("rest")
        .map_or("", |m| m.as_str())
        .trim()
        .to_string();
    let numbered = caps.name("num").is_some();

    let roster_by_label = find_in_roster(roster, base);
    let known_label = labels.is_known(base);
    let caps_label = is_caps_label(base);
    if roster_by_label.is_none() && !known_label && !caps_label {
        return None;
    }
    let mut name = paren_name;
    if name.is_none() && roster_by_label.is_none() {
        if let Some((caps_name, after)) = leading_caps_name(&rest, roster, numbered) {
            name = Some(caps_name);
            rest = after;
        }
    }
    let (speaker, role) = resolve(base, name, roster_by_label, roster, labels, number, diag);
    Some(Head {
        timestamp: caps.name("ts").map(|m| m.as_str().to_string()),
        number: caps.name("num").and_then(|m| m.as_str().parse().ok()),
        speaker,
        role,
        rest,
    })
}

/// A speaker label at the start of `line` (`KETUA MAJELIS: …`, a roster
/// name, a label the table knows): the speaker, the role and the words after it.
pub(super) fn label_head(
    line: &str,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> Option<(Option<String>, Role, String)> {
    read_head(line, roster, labels, number, diag).map(|h| (h.speaker, h.role, h.rest))
}

/// The speaker and role of a name or label given on its own (a caption's
/// voice tag): roster first, then the label table, else `lainnya`.
pub(super) fn speaker_named(
    name: &str,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> (Option<String>, Role) {
    let member = find_in_roster(roster, name);
    resolve(name, None, member, roster, labels, number, diag)
}

/// Resolves the speaker and role: roster first, then the label table, else `lainnya`.
fn resolve(
    label: &str,
    name: Option<String>,
    roster_by_label: Option<&Speaker>,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> (Option<String>, Role) {
    if let Some(member) = roster_by_label {
        return (Some(member.name.clone()), member.role);
    }
    if let Some(name) = name {
        if let Some(member) = find_in_roster(roster, &name) {
            return (Some(member.name.clone()), member.role);
        }
        return match labels.role_of(label) {
            Some(role) => (Some(name), role),
            None => {
                diag.warning(
                    number,
                    format!("label `{label}` resolves to no role; `{name}` is recorded as lainnya"),
                );
                (Some(name), Role::Lainnya)
            }
        };
    }
    match labels.role_of(label) {
        Some(role) => {
            // A label that is the title of one roster member of its role
            // (`KETUA MAJELIS` for the one `Ketua Majelis Komisioner`), or a
            // label with one roster member of its role, names that member.
            if let Some(member) = titled_member(roster, label, role) {
                return (Some(member.name.clone()), role);
            }
            let mut members = roster.iter().filter(|m| m.role == role);
            let only = match (members.next(), members.next()) {
                (Some(m), None) if role != Role::Majelis => Some(m.name.clone()),
                _ => None,
            };
            (only, role)
        }
        None => {
            diag.warning(
                number,
                format!("label `{label}` resolves to no role; recorded as lainnya (add it to labels.tsv or the roster)"),
            );
            (Some(title_case(label)), Role::Lainnya)
        }
    }
}

/// The one roster member of `role` whose title is `label` or begins with
/// its words (`KETUA MAJELIS` → `Ketua Majelis Komisioner`); none when no
/// member or several have such a title.
fn titled_member<'a>(roster: &'a [Speaker], label: &str, role: Role) -> Option<&'a Speaker> {
    let words =
        |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_lowercase).collect() };
    let wanted = words(label);
    if wanted.is_empty() {
        return None;
    }
    let mut titled = roster.iter().filter(|m| {
        m.role == role
            && m.title
                .as_deref()
                .is_some_and(|t| words(t).starts_with(&wanted))
    });
    match (titled.next(), titled.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// Finds a roster member by full name, or by a name that is a whole-word part of it.
fn find_in_roster<'a>(roster: &'a [Speaker], name: &str) -> Option<&'a Speaker> {
    let wanted = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    roster
        .iter()
        .find(|m| m.name.to_lowercase() == wanted)
        .or_else(|| {
            let mut partial = roster.iter().filter(|m| {
                let words: Vec<String> = m.name.split_whitespace().map(str::to_lowercase).collect();
                let want: Vec<&str> = wanted.split(' ').collect();
                words
                    .windows(want.len())
                    .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
            });
            match (partial.next(), partial.next()) {
                (Some(m), None) => Some(m),
                _ => None,
            }
        })
}

/// Whether a label is written in capitals (`NOTULIS`, `KUASA HUKUM PEMOHON`).
fn is_caps_label(label: &str) -> bool {
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-' || c == '\'')
}

/// Splits a leading name in capitals off the turn text (`ARIEF HIDAYAT Bismillah…`).
/// Two capitalised words at least, or one that the roster knows.
fn leading_caps_name(rest: &str, roster: &[Speaker], numbered: bool) -> Option<(String, String)> {
    let mut words = Vec::new();
    let mut consumed = 0;
    for word in rest.split(' ') {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let is_caps = !letters.is_empty()
            && letters.iter().all(|c| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | ',' | '\''));
        if !is_caps || words.len() == 6 {
            break;
        }
        words.push(word.trim_end_matches(','));
        consumed += word.len() + 1;
    }
    if words.is_empty() || consumed > rest.len() + 1 {
        return None;
    }
    let name = words.join(" ");
    let in_roster = find_in_roster(roster, &name).is_some();
    if !(in_roster
        || (numbered && words.len() >= 2)
        || words.len() >= 2 && words.iter().all(|w| w.len() > 3))
    {
        return None;
    }
    let after = rest
        .get(consumed.min(rest.len())..)
        .unwrap_or("")
        .trim()
        .to_string();
    let display =
        find_in_roster(roster, &name).map_or_else(|| title_case(&name), |m| m.name.clone());
    Some((display, after))
}

/// `ARIEF HIDAYAT` → `Arief Hidayat`.
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(crate::model::capitalised)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds the next numbered head inside a turn's text: `… 2. KUASA HUKUM PEMOHON: …`.
/// Only the next number in sequence and a label the table knows qualify.
fn split_inline_head(
    head: &Head,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> Option<(String, Head)> {
    let expected = head.number? + 1;
    let text = format!(" {}", head.rest);
    for caps in INLINE_HEAD.captures_iter(&text) {
        let Some(found) = caps
            .name("num")
            .and_then(|m| m.as_str().parse::<u32>().ok())
        else {
            continue;
        };
        let Some(label) = caps.name("label") else {
            continue;
        };
        if found != expected || !labels.is_known(label.as_str()) {
            continue;
        }
        let Some(whole) = caps.get(0) else { continue };
        let before = text[..whole.start()].trim().to_string();
        let tail = text[whole.start()..].trim_start();
        let next = read_head(tail, roster, labels, number, diag)?;
        return Some((
            before,
            Head {
                timestamp: None,
                ..next
            },
        ));
    }
    None
}

/// Collects turns and notes, numbering them in order.
#[derive(Default)]
struct TurnBuilder {
    passages: Vec<Passage>,
    current: Option<(Head, u32, Vec<String>)>,
}

impl TurnBuilder {
    fn start(&mut self, head: Head, line: u32) {
        let mut parts = Vec::new();
        if !head.rest.is_empty() {
            parts.push(head.rest.clone());
        }
        self.current = Some((head, line, parts));
    }

    fn continue_with(&mut self, text: &str) {
        if let Some((_, _, parts)) = &mut self.current {
            parts.push(text.to_string());
        }
    }

    fn finish(&mut self, diag: &mut Diagnostics) {
        let Some((head, line, parts)) = self.current.take() else {
            return;
        };
        let text = parts.join("\n");
        if text.trim().is_empty() {
            diag.warning(
                line,
                "a speaker label with no words after it; the empty turn is skipped",
            );
            return;
        }
        let position = self.next_position();
        self.passages.push(Passage {
            position,
            kind: PassageKind::Turn,
            speaker: head.speaker,
            role: Some(head.role),
            timestamp: head.timestamp,
            text,
            line,
            page: None,
            attributions: Vec::new(),
            section: None,
        });
    }

    fn push_note(&mut self, text: &str, line: u32) {
        let position = self.next_position();
        self.passages.push(Passage {
            position,
            kind: PassageKind::Note,
            speaker: None,
            role: None,
            timestamp: None,
            text: text.to_string(),
            line,
            page: None,
            attributions: Vec::new(),
            section: None,
        });
    }

    fn next_position(&self) -> u32 {
        u32::try_from(self.passages.len() + 1).unwrap_or(u32::MAX)
    }
}
