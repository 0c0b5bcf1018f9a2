//! The passage permalink page (`/p/{id}`): the passage with two before and
//! after, its document, and its citation in every format.

use super::error::PageError;
use super::layout::{link, page};
use super::parts::{passage_block, who};
use crate::citation::Citation;
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::{from_query, sniff_lang, PassageParams};
use crate::permalink::{document_path, permalink_path};
use crate::similar::DEFAULT_SIMILAR;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

/// Passages shown on each side of the permalinked one.
const AROUND: usize = 2;

/// The characters of a similar passage's text shown.
const EXCERPT_CHARS: usize = 240;

/// The first [`EXCERPT_CHARS`] characters of `text`, cut at a word, with
/// an ellipsis when cut.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// `GET /p/{id}`.
pub async fn passage(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = permalink_path(&id);
    let lang = sniff_lang(raw.as_deref());
    let params: PassageParams =
        from_query(raw.as_deref()).map_err(|e| PageError::new(lang, &path, e))?;
    let lang = params.lang.unwrap_or_default();
    let (view, similar) = state
        .run(move |s| {
            let Some(view) = s.passage(&id, AROUND).map_err(AppError::Internal)? else {
                return Err(crate::api::missing_passage(s, &id));
            };
            let similar = s
                .similar(&id, DEFAULT_SIMILAR)
                .map_err(AppError::Internal)?
                .unwrap_or_default();
            Ok((view, similar))
        })
        .await
        .map_err(|e| PageError::new(lang, &path, e))?;
    let doc = &view.document;
    let p = &view.passage;
    let c = Citation::new(doc, p, state.public_url(), lang).all();
    let csl = serde_json::to_string_pretty(&c.csl_json).unwrap_or_default();
    let plain_label = if lang == Lang::En {
        "Plain text"
    } else {
        "Teks"
    };
    let body = html! {
        h1 class="sr-only" lang=[lang.corpus_lang()] { (doc.title) }
        nav class="crumbs" aria-label=(lang.t(Text::Metadata)) {
            a href=(link(&document_path(&p.doc_id), lang)) { (doc.title) }
            @if let Some(date) = &doc.date { " · " (date.to_string()) }
        }
        section class="passages" {
            // What came before, folded: the passage itself is in view first,
            // on a phone too.
            @if !view.before.is_empty() {
                details class="before" {
                    summary { (lang.count(view.before.len() as u64, Text::PassagesBefore)) }
                    @for b in &view.before { (passage_block(lang, b, false, doc.provenance)) }
                }
            }
            (passage_block(lang, p, true, doc.provenance))
            @for a in &view.after { (passage_block(lang, a, false, doc.provenance)) }
        }
        @if !similar.is_empty() {
            section class="similar" aria-labelledby="similar-title" {
                h2 id="similar-title" { (lang.t(Text::Similar)) }
                ol {
                    @for other in &similar {
                        li {
                            (who(lang, &other.passage.passage.speaker, other.passage.passage.role))
                            @if let Some(date) = &other.document.date { " · " time { (date.to_string()) } }
                            " · " a href=(link(&permalink_path(&other.passage.id), lang)) { (other.document.title) }
                            p { (excerpt(&crate::i18n::corpus_text(lang, &other.passage.passage.text))) }
                        }
                    }
                }
            }
        }
        section class="citations" {
            h2 { (lang.t(Text::Citation)) }
            @for (label, id, text) in [(plain_label, "cite-plain", c.plain.as_str()), ("BibTeX", "cite-bibtex", c.bibtex.as_str()), ("RIS", "cite-ris", c.ris.as_str()), ("CSL-JSON", "cite-csl", csl.as_str())] {
                div class="cite-block" {
                    h3 { (label) }
                    pre id=(id) { (text) }
                    button type="button" class="copy" data-copy=(id) data-copied=(lang.t(Text::Copied)) data-copy-failed=(lang.t(Text::CopyByHand)) hidden { (lang.t(Text::Copy)) }
                }
            }
        }
    };
    let title = format!(
        "{} — {}",
        p.passage.speaker.as_deref().unwrap_or(&doc.title),
        p.id
    );
    let switch = link(&permalink_path(&p.id), lang.other());
    Ok(page(lang, &title, &switch, body).into_response())
}
