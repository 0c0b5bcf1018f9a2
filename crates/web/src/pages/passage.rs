//! The passage permalink page (`/p/{id}`): the passage with two before and
//! after, its document, and its citation in every format.

use super::error::PageError;
use super::layout::{link, page};
use super::parts::passage_block;
use crate::citation::Citation;
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::{from_query, sniff_lang, PassageParams};
use crate::permalink::{document_path, permalink_path};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

/// Passages shown on each side of the permalinked one.
const AROUND: usize = 2;

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
    let missing = AppError::NotFound(format!("no passage `{id}`"));
    let view = state
        .run(move |s| s.passage(&id, AROUND).map_err(AppError::Internal))
        .await
        .map_err(|e| PageError::new(lang, &path, e))?
        .ok_or_else(|| PageError::new(lang, &path, missing))?;
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
        h1 class="sr-only" { (doc.title) }
        nav class="crumbs" aria-label=(lang.t(Text::Metadata)) {
            a href=(link(&document_path(&p.doc_id), lang)) { (doc.title) }
            @if let Some(date) = &doc.date { " · " (date.to_string()) }
        }
        section class="passages" {
            @for b in &view.before { (passage_block(lang, b, false, doc.provenance)) }
            (passage_block(lang, p, true, doc.provenance))
            @for a in &view.after { (passage_block(lang, a, false, doc.provenance)) }
        }
        section class="citations" {
            h2 { (lang.t(Text::Citation)) }
            @for (label, id, text) in [(plain_label, "cite-plain", c.plain.as_str()), ("BibTeX", "cite-bibtex", c.bibtex.as_str()), ("RIS", "cite-ris", c.ris.as_str()), ("CSL-JSON", "cite-csl", csl.as_str())] {
                div class="cite-block" {
                    h3 { (label) }
                    pre id=(id) { (text) }
                    button type="button" class="copy" data-copy=(id) data-copied=(lang.t(Text::Copied)) { (lang.t(Text::Copy)) }
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
