//! Caption files of recorded or streamed hearings: WebVTT (`*.vtt`) and
//! SubRip (`*.srt`).
//!
//! Each cue is a timing line `start --> end` and its text. The speaker comes
//! from a voice tag (`<v Ketua Majelis>…`), a leading label the transcript
//! format knows (`KETUA MAJELIS: …`, a roster name) or, for a change of
//! speaker the captions do not name, a leading `>>` or `- `. Consecutive cues
//! of one speaker join into one turn, timestamped with its first cue's start.
//! Cue markup (`<i>`, `<c.colour>`, inline times, `{\an8}`) is dropped and
//! character references decoded; a cue that repeats the line before it (as
//! rolling captions do) is read once. A run of cues without any speaker is
//! cut into turns of a readable length at sentence ends, recorded as
//! `lainnya` with one warning.

use super::diagnostics::{line_no, Diagnostics};
use super::labels::LabelTable;
use super::transcript::{label_head, speaker_named};
use crate::model::{Document, DocumentMeta, Passage, PassageKind, Role, Speaker};
use regex::Regex;
use std::sync::LazyLock;

/// A turn of unnamed speech is cut at the first sentence end past this many bytes.
const UNNAMED_TURN_BYTES: usize = 700;

/// A voice tag: `<v Name>`, `<v.loud Name>`.
static VOICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<v(?:\.[^\s>]*)?\s+([^>]+)>").expect("static regex"));

/// Any markup tag, and the override blocks some SubRip files carry.
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>|\{\\[^}]*\}").expect("static regex"));

/// The start of a timing line: `hh:mm:ss.mmm`, `mm:ss.mmm` or SubRip's `hh:mm:ss,mmm`.
static START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,]\d{1,3})?\s*-->")
        .expect("static regex")
});

/// One cue: where it starts in the file and in time, and its text lines.
struct Cue {
    line: u32,
    start: String,
    lines: Vec<String>,
}

/// Who a line of a cue says is speaking.
enum Mark {
    /// A voice tag or a label, resolved.
    Named(Option<String>, Role),
    /// A change of speaker the captions do not name.
    Unnamed,
}

/// Parses the captions in `text` into a transcript with `meta` and `roster`.
pub fn parse(
    text: &str,
    meta: DocumentMeta,
    roster: Vec<Speaker>,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Document {
    let cues = cues(text, diag);
    let mut turns = Turns::default();
    for cue in &cues {
        for raw in &cue.lines {
            let (mark, words) = read_line(raw, &roster, labels, cue.line, diag);
            turns.add(mark, &words, cue);
        }
    }
    turns.close();
    if turns.unnamed > 0 {
        diag.warning(
            0,
            format!(
                "{} turn(s) name no speaker; recorded as lainnya (captions name speakers with `<v NAME>` or a leading `NAME:`)",
                turns.unnamed
            ),
        );
    }
    if cues.is_empty() {
        diag.error(
            1,
            "no caption cue (a cue is a `00:00:01.000 --> 00:00:04.000` line, then its text)",
        );
    } else if turns.passages.is_empty() {
        diag.error(1, "the cues hold no text");
    }
    Document {
        meta,
        roster,
        passages: turns.passages,
    }
}

/// The cues of the file, in order; blocks that are not cues are skipped
/// (the `WEBVTT` header, `NOTE`, `STYLE` and `REGION` blocks silently).
fn cues(text: &str, diag: &mut Diagnostics) -> Vec<Cue> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let first = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[first..i];
        let Some(timing) = block.iter().position(|l| l.contains("-->")) else {
            let head = block[0].trim_start_matches('\u{feff}').trim();
            let known = ["WEBVTT", "NOTE", "STYLE", "REGION"]
                .iter()
                .any(|k| head.starts_with(k));
            if !known {
                diag.warning(
                    line_no(first),
                    "not a cue (no `start --> end` line); skipped",
                );
            }
            continue;
        };
        let Some(start) = START.captures(block[timing]).and_then(|c| clock(&c)) else {
            diag.warning(
                line_no(first + timing),
                format!("bad cue timing `{}`; cue skipped", block[timing].trim()),
            );
            continue;
        };
        let text_lines: Vec<String> = block[timing + 1..]
            .iter()
            .map(|l| l.trim().to_string())
            .collect();
        out.push(Cue {
            line: line_no(first + timing + 1),
            start,
            lines: text_lines,
        });
    }
    out
}

/// `hh:mm:ss` of a timing line's start.
fn clock(c: &regex::Captures) -> Option<String> {
    let hours: u32 = c.get(1).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let minutes: u32 = c.get(2)?.as_str().parse().ok()?;
    let seconds: u32 = c.get(3)?.as_str().parse().ok()?;
    Some(format!("{hours:02}:{minutes:02}:{seconds:02}"))
}

/// Who a cue line names as speaking, and its words without markup.
fn read_line(
    raw: &str,
    roster: &[Speaker],
    labels: &LabelTable,
    number: u32,
    diag: &mut Diagnostics,
) -> (Option<Mark>, String) {
    let voice = VOICE
        .captures(raw)
        .and_then(|c| c.get(1))
        .map(|m| decode(m.as_str().trim()));
    let words = decode(&MARKUP.replace_all(raw, " "));
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(name) = voice.filter(|n| !n.is_empty()) {
        let (speaker, role) = speaker_named(&name, roster, labels, number, diag);
        return (Some(Mark::Named(speaker, role)), words);
    }
    let (changed, words) = match words
        .strip_prefix(">>")
        .or_else(|| words.strip_prefix("- "))
    {
        Some(rest) => (true, rest.trim().to_string()),
        None => (false, words),
    };
    if let Some((speaker, role, rest)) = label_head(&words, roster, labels, number, diag) {
        return (Some(Mark::Named(speaker, role)), rest);
    }
    (changed.then_some(Mark::Unnamed), words)
}

/// Decodes the character references captions use.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
        .replace("&amp;", "&")
}

/// Turns being built from cue lines.
#[derive(Default)]
struct Turns {
    passages: Vec<Passage>,
    current: Option<Turn>,
    last_words: String,
    unnamed: usize,
}

/// A turn being built.
struct Turn {
    speaker: Option<String>,
    role: Role,
    named: bool,
    line: u32,
    start: String,
    text: String,
}

impl Turns {
    fn add(&mut self, mark: Option<Mark>, words: &str, cue: &Cue) {
        // Rolling captions repeat the line before; a short reply ("Ya.")
        // may well be said twice.
        let repeated = words.len() > 12 && words == self.last_words;
        if !words.is_empty() {
            self.last_words = words.to_string();
        }
        let same_speaker = |t: &Turn, speaker: &Option<String>, role: Role| {
            t.named && t.speaker == *speaker && t.role == role
        };
        match mark {
            Some(Mark::Named(speaker, role)) => {
                if !self
                    .current
                    .as_ref()
                    .is_some_and(|t| same_speaker(t, &speaker, role))
                {
                    self.start(speaker, role, true, cue);
                }
            }
            Some(Mark::Unnamed) => self.start(None, Role::Lainnya, false, cue),
            None => {
                let long_enough = self.current.as_ref().is_none_or(|t| {
                    !t.named
                        && t.text.len() > UNNAMED_TURN_BYTES
                        && t.text.ends_with(['.', '?', '!'])
                });
                if long_enough {
                    self.start(None, Role::Lainnya, false, cue);
                }
            }
        }
        if repeated || words.is_empty() {
            return;
        }
        let Some(turn) = self.current.as_mut() else {
            return;
        };
        if !turn.text.is_empty() {
            turn.text.push(' ');
        }
        turn.text.push_str(words);
    }

    fn start(&mut self, speaker: Option<String>, role: Role, named: bool, cue: &Cue) {
        self.close();
        self.current = Some(Turn {
            speaker,
            role,
            named,
            line: cue.line,
            start: cue.start.clone(),
            text: String::new(),
        });
    }

    fn close(&mut self) {
        let Some(turn) = self.current.take() else {
            return;
        };
        if turn.text.is_empty() {
            return;
        }
        if !turn.named {
            self.unnamed += 1;
        }
        self.passages.push(Passage {
            position: u32::try_from(self.passages.len() + 1).unwrap_or(u32::MAX),
            kind: PassageKind::Turn,
            speaker: turn.speaker,
            role: Some(turn.role),
            timestamp: Some(turn.start),
            text: turn.text,
            line: turn.line,
            page: None,
            attributions: Vec::new(),
            section: None,
        });
    }
}
