//! The case page (`/c/{register}`): how the case ended, its documents in
//! the order of the hearing (a timeline), the cases it cites and the
//! documents that cite it.

use super::error::PageError;
use super::layout::{link, page};
use super::parts::provenance_badge;
use crate::i18n::{Lang, Text};
use crate::legal::case_view;
use crate::params::SearchParams;
use crate::permalink::{case_path, document_path};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use risalah_engine::model::Provenance;
use risalah_engine::search::catalog::CatalogEntry;

/// `GET /c/{register}`.
pub async fn case(
    State(state): State<AppState>,
    Path(register): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = case_path(&register);
    let lang = super::page_lang(raw.as_deref(), &path)?;
    let view = case_view(&state, &register)
        .await
        .map_err(|e| PageError::new(lang, &path, e))?;
    let title = format!("{} {}", lang.t(Text::CasePage), view.register);
    let search = SearchParams {
        case: Some(view.register.clone()),
        lang: (lang == Lang::En).then_some(Lang::En),
        ..SearchParams::default()
    }
    .link("/search");
    let body = html! {
        h1 { (title) }
        p class="outcome" {
            strong { (lang.t(Text::Outcome)) ": " }
            @match view.outcome {
                Some(o) => span class={ "badge outcome-" (o.as_str()) } { (lang.outcome(o)) },
                None => (lang.t(Text::NoOutcome)),
            }
            " · " a href=(search) { (lang.t(Text::SearchThese)) }
        }
        @if !view.documents.is_empty() {
            section class="timeline" {
                h2 { (lang.t(Text::Timeline)) }
                ol class="timeline" {
                    @for e in &view.documents { li { (entry(lang, e)) } }
                }
            }
        }
        @if !view.cites.is_empty() {
            section class="cites" {
                h2 { (lang.t(Text::Cites)) }
                ul {
                    @for c in &view.cites {
                        li {
                            a href=(link(&case_path(&c.register), lang)) { (c.register) }
                            @if !c.known { " " span class="note" { "(" (lang.t(Text::NotInIndex)) ")" } }
                        }
                    }
                }
            }
        }
        @if !view.cited_by.is_empty() {
            section class="cited-by" {
                h2 { (lang.t(Text::CitedBy)) }
                ul {
                    @for e in &view.cited_by {
                        li {
                            (entry(lang, e))
                            @if let Some(case) = &e.meta.case {
                                " · " a href=(link(&case_path(case), lang)) { (case) }
                            }
                        }
                    }
                }
            }
        }
    };
    let switch = link(&case_path(&view.register), lang.other());
    Ok(page(lang, &title, &switch, body).into_response())
}

/// One document in a list: date, type, title (with agenda), outcome.
pub(super) fn entry(lang: Lang, e: &CatalogEntry) -> Markup {
    let m = &e.meta;
    html! {
        @if let Some(date) = m.date { time { (date) } " · " }
        span class="doctype" { (lang.doc_type(m.doc_type)) }
        @if m.provenance != Provenance::of_type(m.doc_type) { " · " (provenance_badge(lang, m.provenance)) }
        " · " a href=(link(&document_path(&m.id), lang)) { (m.title) }
        @if let Some(agenda) = &m.agenda { " · " span class="agenda" { (agenda) } }
        @if let Some(o) = m.outcome { " · " span class={ "badge outcome-" (o.as_str()) } { (lang.outcome(o)) } }
    }
}
