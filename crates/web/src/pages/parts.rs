//! Pieces several pages show: role badges, who speaks, a passage block.

use super::layout::link;
use crate::i18n::{corpus_text, Lang, Text};
use crate::permalink::{case_path, law_path, permalink_path};
use maud::{html, Markup};
use risalah_engine::index::document::StoredPassage;
use risalah_engine::legal::{law, register};
use risalah_engine::model::{AttributionMode, Passage, Provenance, Role, Section};

/// The badge of a role, or of narration.
pub fn role_badge(lang: Lang, role: Option<Role>) -> Markup {
    html! {
        @match role {
            Some(r) => span class={ "badge role-" (r.as_str()) } { (lang.role(r)) },
            None => span class="badge role-none" { (lang.t(Text::Narration)) },
        }
    }
}

/// A role badge and a speaker's name.
pub fn who(lang: Lang, speaker: &Option<String>, role: Option<Role>) -> Markup {
    html! {
        (role_badge(lang, role))
        @if let Some(s) = speaker { " " span class="speaker" { (s) } }
    }
}

/// The speakers a news paragraph quotes or paraphrases, each with its mark;
/// for any other passage its speaker and role.
pub fn speakers(lang: Lang, p: &Passage) -> Markup {
    if p.attributions.is_empty() {
        return who(lang, &p.speaker, p.role);
    }
    html! {
        @for (i, a) in p.attributions.iter().enumerate() {
            @if i > 0 { " · " }
            span class="attribution" {
                (role_badge(lang, a.role))
                " " span class="speaker" { (a.who().unwrap_or("")) }
                " " span class={ "mode mode-" (a.mode.as_str()) } {
                    "(" (lang.t(if a.mode == AttributionMode::Quote { Text::Quote } else { Text::Paraphrase })) ")"
                }
            }
        }
    }
}

/// Where a document's text comes from, as a small label.
pub fn provenance_badge(lang: Lang, provenance: Provenance) -> Markup {
    html! {
        span class={ "provenance provenance-" (provenance.as_str()) } { (lang.provenance(provenance)) }
    }
}

/// The anchor of a passage within its document page (`t14`).
pub fn local_anchor(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// A passage as a block: who, timestamp, page, its id, the text. The
/// provenance shows on the current passage, and on every passage whose text
/// is not a record (captions, reconstructions).
pub fn passage_block(
    lang: Lang,
    p: &StoredPassage,
    current: bool,
    provenance: Provenance,
) -> Markup {
    let cautioned = matches!(provenance, Provenance::Caption | Provenance::Reconstructed);
    html! {
        article class={ "passage" @if current { " current" } @if p.passage.is_procedural() { " procedural" } } id=(local_anchor(&p.id)) aria-current=[current.then_some("true")] {
            header {
                (speakers(lang, &p.passage))
                @if p.passage.is_procedural() { " · " (procedural_badge(lang)) }
                @if let Some(ts) = &p.passage.timestamp { " · " span class="timestamp" { (ts) } }
                @if let Some(page) = p.passage.page { " · " span class="page" { (lang.page(page)) } }
                @if let Some(section) = p.passage.section { " · " (section_badge(lang, section)) }
                @if current || cautioned { " · " (provenance_badge(lang, provenance)) }
                " · " a href=(link(&permalink_path(&p.id), lang)) class="pid" { (p.id) }
            }
            div class="text" lang=[lang.corpus_lang()] { (linked_text(lang, &p.passage.text)) }
        }
    }
}

/// The mark of a procedural passage (opening, closing, roll call, stage
/// directions): shown muted, excludable with `-kind:procedural`.
pub fn procedural_badge(lang: Lang) -> Markup {
    html! { span class="procedural-badge" { (lang.t(Text::Procedural)) } }
}

/// The label of the part of a decision a passage is in.
pub fn section_badge(lang: Lang, section: Section) -> Markup {
    html! {
        span class={ "section section-" (section.as_str()) } { (lang.section(section)) }
    }
}

/// `text` cut into pieces, each with the address it links to: every cited
/// law, rule or article to its page, every register number to its case.
fn linked_pieces(text: &str) -> Vec<(&str, Option<String>)> {
    let mut links: Vec<(usize, usize, String)> = law::citations(text)
        .into_iter()
        .map(|c| (c.start, c.end, law_path(&c.id())))
        .chain(
            register::mentions(text)
                .into_iter()
                .map(|m| (m.start, m.end, case_path(&m.written))),
        )
        .collect();
    links.sort_by_key(|l| l.0);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, href) in links {
        if start < at {
            continue;
        }
        if let (Some(before), Some(linked)) = (text.get(at..start), text.get(start..end)) {
            pieces.push((before, None));
            pieces.push((linked, Some(href)));
            at = end;
        }
    }
    pieces.push((text.get(at..).unwrap_or(""), None));
    pieces
}

/// A passage's text with its citations of laws and cases as links.
pub fn linked_text(lang: Lang, text: &str) -> Markup {
    html! {
        @for (piece, href) in linked_pieces(text) {
            @match href {
                Some(href) => a class="cited" href=(link(&href, lang)) { (corpus_text(lang, piece)) },
                None => (corpus_text(lang, piece)),
            }
        }
    }
}
