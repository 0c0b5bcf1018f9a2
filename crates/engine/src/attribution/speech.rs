//! Where a report gives someone's words, and whose they are: each quote
//! with the cue that attributes it (`"…," kata NAME`, `"…," ujarnya`,
//! `NAME mengatakan, "…"`, `Menurut NAME, "…"`), each sentence of reported
//! speech (`NAME menilai …`, `Dikatakan NAME, …`, `…, lanjut dia, …`), the
//! speaker as the text refers to them, and a cue strength. Resolution to a
//! person of the registry, in reading order, is in [`resolve`].

use super::lexicon::{self, Speech, Title};
use super::para::Para;
use super::people::Registry;
use super::quotes::QuoteSpan;
use super::words;
use crate::model::{AttributionMode, Role};
use std::ops::Range;

/// How a speech event names its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// An entity of the registry (a person, a label, a body).
    Entity(usize),
    /// A pronoun or a clitic (`ia`, `ujarnya`): the one the report is speaking of.
    Anaphor,
}

/// One attributed stretch of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The paragraph.
    pub paragraph: usize,
    /// The token where the event's cue stands, for reading order.
    pub at: usize,
    /// The bytes the attribution covers (a quote, or a sentence).
    pub span: Range<usize>,
    /// Quote or paraphrase.
    pub mode: AttributionMode,
    /// The speaker as the text names them.
    pub who: Who,
    /// How sure the cue is, 0 to 1.
    pub cue: f32,
    /// The quote group (a quote over paragraphs, or split by its cue).
    pub group: Option<usize>,
    /// Whether the paragraph holds nothing but this quote.
    pub alone: bool,
    /// Whether the cue points back to the sentence before (`Hal itu
    /// disampaikan NAME`): the words are that sentence's.
    pub refers_back: bool,
}

/// How strong a cue is.
mod cue {
    /// A verb of saying with the speaker's name or label beside it.
    pub const NAMED: f32 = 0.95;
    /// A clitic or pronoun (`ujarnya`, `kata dia`).
    pub const ANAPHOR: f32 = 0.9;
    /// A quote attributed by another part of the same quote.
    pub const SAME_QUOTE: f32 = 0.9;
    /// A quote with no cue in its paragraph, next to one with a cue.
    pub const NEIGHBOUR: f32 = 0.7;
    /// A subject some words from its verb.
    pub const LOOSE: f32 = 0.8;
    /// A passive with no agent, in a hearing: the panel.
    pub const AGENTLESS: f32 = 0.7;
}

/// Reads the speaker named from token `k` on: a pronoun, a title with or
/// without a name (`Ketua Majelis Komisioner KI Jateng, NAME`; `Termohon`),
/// a name, or a body (`Pemkab Kutim`). Returns who and the token after.
pub fn speaker_at(p: &Para, registry: &mut Registry, k: usize) -> Option<(Who, usize)> {
    let mut k = k;
    if p.is_word(k, "oleh") {
        k += 1;
    }
    let word = p.word(k)?;
    if words::is_pronoun(word) {
        return Some((Who::Anaphor, k + 1));
    }
    if let Some((after, title)) = p.title_at(k) {
        let body = p.body_at(after);
        let comma = usize::from(p.is(body.end, ","));
        if let Some(name) = p.name_at(body.end + comma) {
            return Some((Who::Entity(registry.person(&name.text)), name.end));
        }
        let text = p.text[p.bytes(k..body.end.max(after))].to_string();
        let role = match title {
            Title::Role(role) => Some(role),
            Title::Official => registry
                .role_of_office(&p.body_ref(body.clone()))
                .map(|(r, _)| r),
        };
        // A lone title names the one person the report gave it, if any.
        let lone: Vec<usize> = registry
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.person && e.titles.iter().any(|t| t == &text.to_lowercase()))
            .map(|(i, _)| i)
            .collect();
        if let [one] = lone.as_slice() {
            return Some((Who::Entity(*one), body.end.max(after)));
        }
        return Some((
            Who::Entity(registry.label(&text, role)),
            body.end.max(after),
        ));
    }
    // `perwakilan KPU`, `pihak Dinas Rekaan`, `kuasa hukum PT Karangan`: an
    // unnamed speaker for a body, with the body's role.
    if matches!(
        p.lower(k).as_deref(),
        Some("perwakilan" | "pihak" | "wakil" | "jubir")
    ) || (p.is_word(k, "kuasa") && p.is_word(k + 1, "hukum"))
        || (p.is_word(k, "juru") && p.is_word(k + 1, "bicara"))
    {
        let head = if p.is_word(k, "kuasa") || p.is_word(k, "juru") {
            2
        } else {
            1
        };
        let body = p.party_body_at(k + head);
        if !body.is_empty() {
            let role = registry.role_of_office(&p.body_ref(body.clone()));
            let text = p.text[p.bytes(k..body.end)].to_string();
            let i = registry.label(&text, None);
            if let Some((role, strength)) = role {
                registry.give_role(i, role, strength);
            }
            return Some((Who::Entity(i), body.end));
        }
    }
    if let Some((i, end)) = known_body_at(p, registry, k) {
        return Some((Who::Entity(i), end));
    }
    if let Some(name) = p.name_at(k) {
        if p.word(name.end).is_some_and(words::is_org) {
            // `Bupati Kutim` is no person.
            return None;
        }
        if let Some(body) = registry.body_named(&name.text) {
            return Some((Who::Entity(body), name.end));
        }
        if name.tokens.len() == 1 && registry.is_ambiguous(&name.text) {
            return None;
        }
        let person = registry.person(&name.text);
        return Some((Who::Entity(person), affiliation_end(p, name.end)));
    }
    let body = p.body_at(k);
    if body.len() >= 2
        || p.word(k)
            .is_some_and(|w| w.starts_with("Pem") || w == "PPID")
    {
        // The commission speaks through its panel.
        let commission = p.is_word(k, "Komisi") && p.is_word(k + 1, "Informasi")
            || p.word(k)
                .is_some_and(|w| matches!(w, "KI" | "KIP" | "KID" | "KIA"));
        let role = if commission {
            Some((Role::Majelis, super::people::strength::AFFILIATION))
        } else {
            registry.role_of_office(&p.body_ref(body.clone()))
        };
        let text = p.text[p.bytes(body.clone())].to_string();
        let i = registry.body(&text, Vec::new(), None);
        if let Some((role, strength)) = role {
            registry.give_role(i, role, strength);
        }
        return Some((Who::Entity(i), body.end));
    }
    None
}

/// A party the registry knows, named from token `k` on by its name or its
/// acronym (`Komisi Pemilihan Umum (KPU)`, `LPF`): the entity and the token
/// after the name.
fn known_body_at(p: &Para, registry: &Registry, k: usize) -> Option<(usize, usize)> {
    let (end, _) = p.proper_phrase(k, 10);
    (k + 1..=end).rev().find_map(|e| {
        let text = (k..e)
            .filter_map(|x| p.word(x))
            .collect::<Vec<_>>()
            .join(" ");
        let mut e = e;
        // `Komisi Pemilihan Umum (KPU)`: the acronym after the name is part of it.
        if p.is(e, "(") && p.word(e + 1).is_some() && p.is(e + 2, ")") {
            e += 3;
        }
        let acronym = e == k + 1
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let multi = e > k + 1;
        registry
            .body_named(&text)
            .filter(|&i| (acronym || multi) && !registry.entities[i].person)
            .map(|i| (i, e))
    })
}

/// The token after a name's affiliation (`NAME dari majelis`, `NAME
/// selaku Ketua Majelis`, `NAME mewakili Dinas X`), or `end` when none follows.
fn affiliation_end(p: &Para, end: usize) -> usize {
    if !matches!(
        p.lower(end).as_deref(),
        Some("dari" | "mewakili" | "selaku" | "sebagai")
    ) {
        return end;
    }
    let mut at = end + 1;
    if matches!(
        p.lower(at).as_deref(),
        Some("perwakilan" | "pihak" | "wakil")
    ) {
        at += 1;
    }
    // `NAME selaku kuasa [hukum] CLIENT`
    if p.is_word(at, "kuasa") {
        at += 1 + usize::from(p.is_word(at + 1, "hukum"));
    }
    let after = match p.title_at(at) {
        Some((after, _)) => p.body_at(after).end.max(after),
        None => p.party_body_at(at).end,
    };
    if after > at {
        after
    } else {
        end
    }
}

/// The speaker whose reference ends just before token `end` (the subject
/// of a verb at `end`), looking back no further than `floor`.
fn speaker_before(
    p: &Para,
    registry: &mut Registry,
    end: usize,
    floor: usize,
) -> Option<(Who, f32)> {
    let mut e = end;
    loop {
        if e > floor && p.word(e - 1).is_some_and(words::is_gap) {
            e -= 1;
        } else if e > floor + 1
            // `NAME dengan tegas menyampaikan`: a manner between.
            && matches!(p.lower(e - 2).as_deref(), Some("dengan" | "secara"))
            && p.word(e - 1).is_some_and(|w| !super::text::is_capitalised(w))
        {
            e -= 2;
        } else {
            break;
        }
    }
    // `Mantan Ketua AJI Jember ini menjelaskan`: an epithet for the one the
    // report is speaking of.
    if e > floor + 1
        && matches!(p.lower(e - 1).as_deref(), Some("ini" | "itu" | "tersebut"))
        && p.word(e - 2).is_some_and(super::text::is_capitalised)
    {
        return Some((Who::Anaphor, cue::LOOSE));
    }
    let closing = e > floor && (p.is(e - 1, ",") || p.is(e - 1, "—") || p.is(e - 1, "–"));
    if !closing {
        if let Some(who) = speaker_ending(p, registry, e, floor) {
            return Some((who, strength_of(who)));
        }
    } else {
        let mark = e - 1;
        let dash = !p.is(mark, ",");
        // The clause between this mark and the one before it.
        let open = (floor..mark).rev().take(30).find(|&k| {
            if dash {
                p.is(k, "—") || p.is(k, "–") || p.quoted[k]
            } else {
                p.is(k, ",") || p.quoted[k]
            }
        });
        let inner_start = open.map_or(floor, |o| o + 1);
        let relative = dash
            || matches!(
                p.lower(inner_start).as_deref(),
                Some(
                    "yang"
                        | "selaku"
                        | "sebagai"
                        | "dalam"
                        | "saat"
                        | "ketika"
                        | "usai"
                        | "seusai"
                        | "setelah"
                        | "sebelum"
                        | "di"
                        | "pada"
                )
            )
            || p.title_at(inner_start)
                .is_some_and(|(after, _)| after > inner_start && p.name_at(after).is_none());
        match open {
            // `NAME, yang …, menyatakan` / `NAME, TITLE, menyatakan`: the
            // subject stands before the clause.
            Some(o) if relative && !p.quoted[o] => {
                if let Some(who) = speaker_ending(p, registry, o, floor) {
                    return Some((who, strength_of(who)));
                }
            }
            // `TITLE BODY, NAME, menyatakan`: the name right before the mark.
            _ => {
                if let Some(who) = speaker_ending(p, registry, mark, floor) {
                    return Some((who, strength_of(who)));
                }
            }
        }
    }
    // `NAME yang dipimpin …  menyatakan`: the head before `yang`.
    if let Some(y) = (floor..e).rev().take(8).find(|&k| p.is_word(k, "yang")) {
        if !(y..e).any(|k| p.word(k).is_none()) {
            if let Some(who) = speaker_ending(p, registry, y, floor) {
                return Some((who, cue::LOOSE));
            }
        }
    }
    // `NAME dalam persidangan, juga menyampaikan`: the sentence's subject,
    // a few plain words before the verb.
    if let Some((who, after)) = speaker_at(p, registry, floor) {
        let between = after..end;
        let plain = between.len() <= 8
            && between.clone().all(|k| {
                !p.quoted[k]
                    && (p.is(k, ",") || p.word(k).is_some_and(|w| !super::text::is_capitalised(w)))
            });
        if plain && after < end {
            return Some((who, cue::LOOSE));
        }
    }
    None
}

/// A speaker reference that ends exactly at token `end`.
fn speaker_ending(p: &Para, registry: &mut Registry, end: usize, floor: usize) -> Option<Who> {
    let lowest = end.saturating_sub(12).max(floor);
    (lowest..end).find_map(|s| {
        // Only from the start of a phrase: not inside a name or title.
        if s > floor
            && (p.is_name_word(s - 1) || p.title_at(s - 1).is_some_and(|(after, _)| after > s))
        {
            return None;
        }
        match speaker_at(p, registry, s) {
            Some((who, after)) if after == end => Some(who),
            _ => None,
        }
    })
}

/// The quote attributions and reported speech of paragraph `index`.
pub fn events(p: &Para, index: usize, spans: &[&QuoteSpan], registry: &mut Registry) -> Vec<Event> {
    let mut out = Vec::new();
    // Whether the paragraph is nothing but quotes: computed once.
    let alone = (0..p.tokens.len()).all(|k| p.quoted[k] || p.word(k).is_none()) && spans.len() == 1;
    for span in spans {
        let open = p.tokens.partition_point(|t| t.start < span.open);
        let close = p
            .tokens
            .partition_point(|t| t.end <= span.close.saturating_sub(1))
            .min(p.tokens.len().saturating_sub(1));
        let cued = if span.runs_on {
            None
        } else {
            after_quote(p, registry, close + 1).or_else(|| before_quote(p, registry, open))
        };
        out.push(Event {
            paragraph: index,
            at: open,
            span: span.open..span.close,
            mode: AttributionMode::Quote,
            who: cued.map_or(Who::Anaphor, |(who, _)| who),
            cue: cued.map_or(0.0, |(_, c)| c),
            group: Some(span.group),
            alone,
            refers_back: false,
        });
    }
    for range in p.sentences.clone() {
        if let Some((who, cue, at)) = reported_speech(p, registry, range.clone()) {
            let refers_back = points_back(p, range.start, at);
            out.push(Event {
                paragraph: index,
                at,
                span: p.bytes(range),
                mode: AttributionMode::Paraphrase,
                who,
                cue,
                group: None,
                alone: false,
                refers_back,
            });
        }
    }
    out.sort_by_key(|e| e.at);
    out
}

/// Whether a passive cue at `verb` opens its sentence with words that
/// point back (`Hal itu disampaikan …`, `Keluhan itu disampaikan …`).
fn points_back(p: &Para, start: usize, verb: usize) -> bool {
    let words: Vec<String> = (start..verb).filter_map(|k| p.lower(k)).collect();
    matches!(lexicon::speech(p.s(verb)), Some((Speech::Passive, false)))
        && matches!(
            words
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            [_, "itu" | "ini" | "tersebut"]
                | ["ini" | "itu" | "demikian"]
                | [_, "itu" | "ini" | "tersebut", "juga"]
                | ["ini" | "itu", "juga"]
        )
}

/// `"…," kata NAME`, `"…," ujarnya`, `"…", NAME membacakan`.
fn after_quote(p: &Para, registry: &mut Registry, k: usize) -> Option<(Who, f32)> {
    let mut k = k;
    while p.is(k, ",") || p.is(k, "-") || p.is(k, "–") {
        k += 1;
    }
    let word = p.word(k)?;
    if let Some((Speech::After | Speech::Saying, clitic)) = lexicon::speech(word) {
        if clitic {
            return Some((Who::Anaphor, cue::ANAPHOR));
        }
        // `"…," jawab, NAME selaku …`: a comma may stand after the verb.
        let at = k + 1 + usize::from(p.is(k + 1, ","));
        let (who, _) = speaker_at(p, registry, at).or_else(|| lowercase_person(p, registry, at))?;
        let strength = if who == Who::Anaphor {
            cue::ANAPHOR
        } else {
            cue::NAMED
        };
        return Some((who, strength));
    }
    // `", NAME membacakan …`
    let (who, after) = speaker_at(p, registry, k)?;
    let gap = (after..)
        .take_while(|&j| p.word(j).is_some_and(words::is_gap))
        .count();
    match p.word(after + gap).and_then(lexicon::speech) {
        Some((Speech::Saying, false)) => Some((who, cue::NAMED)),
        _ => None,
    }
}

/// `"…," ungkap bahrin`: a name written in lowercase after a verb of
/// saying, when the report names a person so elsewhere.
fn lowercase_person(p: &Para, registry: &Registry, k: usize) -> Option<(Who, usize)> {
    let word = p.word(k)?;
    if super::text::is_capitalised(word) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let person = registry.find_person(&super::people::capitalised(word))?;
    Some((Who::Entity(person), k + 1))
}

/// `NAME mengatakan, "…"`, `Menurut NAME, "…"`, `kata NAME: "…"`.
fn before_quote(p: &Para, registry: &mut Registry, open: usize) -> Option<(Who, f32)> {
    let floor = p.sentences.get(p.sentence_of(open)).map_or(0, |r| r.start);
    let mut v = open;
    while v > floor && (p.is(v - 1, ",") || p.is(v - 1, ":") || p.is_word(v - 1, "bahwa")) {
        v -= 1;
    }
    if v == open || v == floor {
        // No mark before the quote: only `kata NAME “…”` style is left.
        if v == floor {
            return None;
        }
    }
    // The verb right before the marks.
    if let Some((kind, clitic)) = v
        .checked_sub(1)
        .and_then(|k| p.word(k))
        .and_then(lexicon::speech)
    {
        let verb = v - 1;
        return match (kind, clitic) {
            (_, true) => Some((Who::Anaphor, cue::ANAPHOR)),
            (Speech::Saying, false) => speaker_before(p, registry, verb, floor),
            _ => None,
        };
    }
    // `Menurut NAME, "…"` and `kata NAME: "…"`: a verb, then the speaker.
    let verb = (floor..v).rev().take(14).find(|&k| {
        matches!(
            lexicon::speech(p.s(k)),
            Some((Speech::Menurut | Speech::After, false))
        )
    })?;
    match speaker_at(p, registry, verb + 1) {
        Some((who, after)) if after == v => Some((who, strength_of(who))),
        _ => None,
    }
}

fn strength_of(who: Who) -> f32 {
    match who {
        Who::Anaphor => cue::ANAPHOR,
        Who::Entity(_) => cue::NAMED,
    }
}

/// Reported speech in the sentence at `range`, outside its quotes: the
/// speaker, the cue's strength and where the cue stands.
fn reported_speech(
    p: &Para,
    registry: &mut Registry,
    range: Range<usize>,
) -> Option<(Who, f32, usize)> {
    for k in range.clone() {
        if p.quoted[k] {
            continue;
        }
        let Some((kind, clitic)) = p.word(k).and_then(lexicon::speech) else {
            continue;
        };
        match kind {
            Speech::Saying => {
                // `… untuk menjelaskan`: someone else's act, not speech.
                if k > range.start
                    && matches!(
                        p.lower(k - 1).as_deref(),
                        Some(
                            "untuk"
                                | "agar"
                                | "supaya"
                                | "guna"
                                | "dapat"
                                | "bisa"
                                | "harus"
                                | "wajib"
                                | "akan"
                                | "diminta"
                                | "dengan"
                        )
                    )
                {
                    continue;
                }
                // A verb that only introduces a quote is the quote's cue.
                let mut next = k + 1;
                while p.is(next, ",") || p.is(next, ":") || p.is_word(next, "bahwa") {
                    next += 1;
                }
                if next < range.end && p.quoted[next] {
                    continue;
                }
                if clitic {
                    return Some((Who::Anaphor, cue::ANAPHOR, k));
                }
                if let Some((who, strength)) = speaker_before(p, registry, k, range.start) {
                    return Some((who, strength, k));
                }
            }
            Speech::Passive => {
                if clitic {
                    return Some((Who::Anaphor, cue::ANAPHOR, k));
                }
                if let Some((who, _)) = speaker_at(p, registry, k + 1) {
                    return Some((who, strength_of(who), k));
                }
                // `NAME, SH., MH dinyatakan bahwa …`: the agent before the verb.
                if p.is_word(k + 1, "bahwa") {
                    if let Some((who, _)) = speaker_before(p, registry, k, range.start) {
                        return Some((who, cue::LOOSE, k));
                    }
                    // `Dalam sidang itu juga dijelaskan bahwa …`: no agent; in
                    // a hearing the panel speaks.
                    let hearing = range.clone().any(|x| {
                        matches!(
                            p.lower(x).as_deref(),
                            Some("sidang" | "persidangan" | "majelis")
                        )
                    });
                    if hearing {
                        let panel = registry.label("Majelis", Some(Role::Majelis));
                        return Some((Who::Entity(panel), cue::AGENTLESS, k));
                    }
                }
            }
            Speech::Menurut => {
                if clitic {
                    return Some((Who::Anaphor, cue::ANAPHOR, k));
                }
                // `Menurut pengakuan/keterangan NAME, …`: a noun of saying may
                // stand between.
                let noun = matches!(
                    p.lower(k + 1).as_deref(),
                    Some(
                        "pengakuan"
                            | "keterangan"
                            | "penjelasan"
                            | "pendapat"
                            | "pernyataan"
                            | "catatan"
                            | "penuturan"
                    )
                );
                if let Some((who, after)) = speaker_at(p, registry, k + 1 + usize::from(noun)) {
                    // `Menurut NAME dalam sidang, …`: a short place or time
                    // before the comma.
                    // `Menurut NAME utusan dari termohon yaitu BODY, …`: or
                    // who the speaker is.
                    let describes = matches!(
                        p.lower(after).as_deref(),
                        Some(
                            "utusan"
                                | "perwakilan"
                                | "wakil"
                                | "staf"
                                | "selaku"
                                | "sebagai"
                                | "dari"
                                | "mewakili"
                        )
                    );
                    let reach = if describes { 12 } else { 4 };
                    let after = (after..(after + reach).min(range.end))
                        .find(|&j| p.is(j, ","))
                        .filter(|&c| {
                            (after..c).all(|j| {
                                p.word(j).is_some_and(|w| {
                                    describes && lexicon::speech(w).is_none()
                                        || matches!(
                                            w.to_lowercase().as_str(),
                                            "dalam"
                                                | "di"
                                                | "saat"
                                                | "pada"
                                                | "sidang"
                                                | "persidangan"
                                        )
                                })
                            })
                        })
                        .unwrap_or(after);
                    // `Menurut NAME, "…"`: the quote's cue, not reported speech.
                    if p.is(after, ",")
                        && (p.quoted.get(after + 1).copied().unwrap_or(false)
                            || p.is(after + 1, "\u{201c}")
                            || p.is(after + 1, "\""))
                    {
                        continue;
                    }
                    if p.is(after, ",") {
                        return Some((who, strength_of(who), k));
                    }
                    // `menurut Pemohon BPK tidak …`: a label needs no comma.
                    let label =
                        matches!(who, Who::Entity(i) if registry.entities[i].name.is_none());
                    if label {
                        return Some((who, cue::LOOSE, k));
                    }
                    // `menurut Sari itu bukan …`: nor does a person the
                    // report has already given a role.
                    let known = matches!(who, Who::Entity(i)
                        if registry.entities[i].person && registry.entities[i].role.is_some());
                    let clause = p
                        .word(after)
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
                    if known && clause {
                        return Some((who, cue::LOOSE, k));
                    }
                }
            }
            Speech::After => {
                // `…, lanjut dia, …`, `…, katanya.`: after a comma, never
                // right after a quote (that is the quote's cue).
                let after_comma =
                    k > range.start && p.is(k - 1, ",") && !(k >= 2 && p.quoted[k - 2]);
                let opens = k == range.start && clitic;
                if !(after_comma || opens) {
                    continue;
                }
                if clitic {
                    return Some((Who::Anaphor, cue::ANAPHOR, k));
                }
                if let Some((who, after)) = speaker_at(p, registry, k + 1) {
                    if p.is(after, ",") || p.is(after, ".") || after >= range.end {
                        return Some((who, strength_of(who), k));
                    }
                }
            }
        }
    }
    None
}

/// A mention of a person outside quotes: paragraph, token, entity.
pub type PersonMention = (usize, usize, usize);

/// Every name of a known person outside quotes, in reading order (the
/// antecedents a pronoun may take).
pub fn person_mentions(paras: &[Para], registry: &Registry) -> Vec<PersonMention> {
    let mut out = Vec::new();
    for (index, p) in paras.iter().enumerate() {
        let mut k = 0;
        while k < p.tokens.len() {
            if !p.quoted[k] {
                if let Some(name) = p.name_at(k) {
                    if let Some(i) = registry.find_person(&name.text) {
                        out.push((index, k, i));
                    }
                    k = name.end.max(k + 1);
                    continue;
                }
            }
            k += 1;
        }
    }
    out
}

/// The role a resolved attribution carries, when its confidence is enough.
pub fn role_with(registry: &Registry, entity: usize, cue: f32) -> (Option<Role>, f32) {
    let e = &registry.entities[entity];
    let confidence = cue * e.strength;
    (
        e.role.filter(|_| confidence >= MIN_ROLE_CONFIDENCE),
        confidence,
    )
}

/// Below this confidence an attribution keeps its speaker but no role: a
/// wrong role is worse than none.
pub const MIN_ROLE_CONFIDENCE: f32 = 0.6;

/// Resolution of events to entities, in reading order.
pub mod resolve {
    use super::*;

    /// The entity each event refers to, and the event's cue after
    /// resolution (a pronoun far from its antecedent is less sure). Linear
    /// in the number of events: quote groups and paragraphs are looked up
    /// in maps, not searched.
    pub fn entities(
        events: &mut [Event],
        mentions: &[PersonMention],
        registry: &Registry,
    ) -> Vec<Option<(usize, f32)>> {
        use std::collections::HashMap;
        // The speaker a cue names directly, per quote group (a later part
        // of a quote may carry the cue for an earlier part).
        let mut named_in_group: HashMap<usize, usize> = HashMap::new();
        for e in events.iter() {
            if let (Some(group), Who::Entity(i), true) = (e.group, e.who, e.cue > 0.0) {
                named_in_group.entry(group).or_insert(i);
            }
        }
        let mut resolved_in_group: HashMap<usize, usize> = HashMap::new();
        let mut out: Vec<Option<(usize, f32)>> = Vec::with_capacity(events.len());
        let mut last_speaker: Option<(usize, usize)> = None; // entity, paragraph
        for e in events.iter() {
            let resolved = match (e.cue > 0.0, e.who) {
                (true, Who::Entity(i)) => {
                    Some((panel_member(i, e, mentions, registry).unwrap_or(i), e.cue))
                }
                (true, Who::Anaphor) => {
                    antecedent(e, last_speaker, mentions, registry).map(|i| (i, e.cue))
                }
                (false, _) => None,
            };
            let resolved = resolved.or_else(|| {
                let group = e.group?;
                resolved_in_group
                    .get(&group)
                    .or_else(|| named_in_group.get(&group))
                    .map(|&i| (i, cue::SAME_QUOTE))
            });
            if let Some((i, _)) = resolved {
                if let Some(group) = e.group {
                    resolved_in_group.entry(group).or_insert(i);
                }
                if registry.entities[i].person || registry.entities[i].descriptor.is_some() {
                    last_speaker = Some((i, e.paragraph));
                }
            }
            out.push(resolved);
        }
        // A paragraph that is a quote with no cue at all takes the speaker of
        // the quote that ends the paragraph before, or else of the quote that
        // opens the paragraph after.
        let mut first_of: HashMap<usize, usize> = HashMap::new();
        let mut last_of: HashMap<usize, usize> = HashMap::new();
        for (n, e) in events.iter().enumerate() {
            first_of.entry(e.paragraph).or_insert(n);
            last_of.insert(e.paragraph, n);
        }
        for n in 0..events.len() {
            let e = &events[n];
            if out[n].is_some() || e.mode != AttributionMode::Quote || e.cue > 0.0 || !e.alone {
                continue;
            }
            let before = e
                .paragraph
                .checked_sub(1)
                .and_then(|p| last_of.get(&p))
                .copied()
                .filter(|&m| events[m].mode == AttributionMode::Quote);
            let after = first_of
                .get(&(e.paragraph + 1))
                .copied()
                .filter(|&m| events[m].mode == AttributionMode::Quote && events[m].cue > 0.0);
            let from = before
                .and_then(|m| out[m])
                .or_else(|| after.and_then(|m| out[m]));
            out[n] = from.map(|(i, _)| (i, cue::NEIGHBOUR));
        }
        out
    }

    /// The one person a lone panel title (`tanya Majelis`, `kata
    /// Panitera`) stands for: the only person of that role the report has
    /// named so far. None when the entity is no such title, or when several
    /// persons could be meant.
    fn panel_member(
        i: usize,
        e: &Event,
        mentions: &[PersonMention],
        registry: &Registry,
    ) -> Option<usize> {
        let label = &registry.entities[i];
        let role = label
            .role
            .filter(|r| label.name.is_none() && matches!(r, Role::Majelis | Role::Panitera))?;
        let before = mentions.partition_point(|&(p, k, _)| (p, k) < (e.paragraph, e.at));
        let mut persons = mentions[..before].iter().map(|&(_, _, n)| n).filter(|&n| {
            registry.entities[n].role == Some(role) && registry.entities[n].strength > 0.0
        });
        let first = persons.next()?;
        persons.all(|n| n == first).then_some(first)
    }

    /// Whom a pronoun or clitic refers to: the last speaker if they spoke in
    /// this paragraph or the one before; else the last person named before
    /// it within two paragraphs.
    fn antecedent(
        e: &Event,
        last_speaker: Option<(usize, usize)>,
        mentions: &[PersonMention],
        registry: &Registry,
    ) -> Option<usize> {
        let before = mentions.partition_point(|&(p, k, _)| (p, k) < (e.paragraph, e.at));
        let last_named = before
            .checked_sub(1)
            .map(|m| mentions[m])
            .filter(|&(p, _, _)| p + 2 >= e.paragraph);
        match (last_speaker, last_named) {
            (Some((s, sp)), Some((np, nk, n))) => {
                // A person named after the last speaker spoke, in this
                // paragraph, is the nearer antecedent.
                if np == e.paragraph
                    && (sp < e.paragraph || s != n)
                    && nk < e.at
                    && registry.entities[n].person
                {
                    Some(n)
                } else if sp + 2 >= e.paragraph {
                    Some(s)
                } else {
                    Some(n)
                }
            }
            (Some((s, sp)), None) => (sp + 2 >= e.paragraph).then_some(s),
            (None, Some((_, _, n))) => Some(n),
            (None, None) => None,
        }
    }
}
