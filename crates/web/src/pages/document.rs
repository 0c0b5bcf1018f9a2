//! The document page (`/d/{id}`): metadata, roster, and every passage with
//! an anchor (`#t14`).

use super::error::PageError;
use super::layout::{link, page};
use super::parts::{passage_block, provenance_badge, role_badge};
use crate::error::AppError;
use crate::i18n::Text;
use crate::permalink::{case_path, document_path};
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

/// `GET /d/{id}`.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = document_path(&id);
    let lang = super::page_lang(raw.as_deref(), &path)?;
    let missing = AppError::NotFound(format!("no document `{id}`"));
    let view = state
        .run(move |s| s.document(&id).map_err(AppError::Internal))
        .await
        .map_err(|e| PageError::new(lang, &path, e))?
        .ok_or_else(|| PageError::new(lang, &path, missing))?;
    let m = &view.document;
    // The other documents of the case: a report and a hearing of one case
    // link to each other.
    let case = match &m.case {
        Some(register) => crate::legal::case_view(&state, register).await.ok(),
        None => None,
    };
    let siblings: Vec<_> = case
        .iter()
        .flat_map(|c| &c.documents)
        .filter(|e| e.meta.id != m.id)
        .collect();
    let date = m.date.map(|d| d.to_string());
    let rows: Vec<(Text, Option<&String>)> = vec![
        (Text::Commission, m.commission.as_ref()),
        (Text::Parties, m.parties.as_ref()),
        (Text::Date, date.as_ref()),
        (Text::Agenda, m.agenda.as_ref()),
        (Text::Publisher, m.publisher.as_ref()),
        (Text::Note, m.note.as_ref()),
    ];
    let body = html! {
        h1 lang=[lang.corpus_lang()] { (m.title) }
        p class="doctype" { (lang.doc_type(m.doc_type)) " · " (provenance_badge(lang, m.provenance)) }
        section class="meta" {
            h2 { (lang.t(Text::Metadata)) }
            dl {
                @if let Some(case) = &m.case {
                    dt { (lang.t(Text::Case)) }
                    dd { a href=(link(&case_path(case), lang)) { (case) } }
                }
                @if let Some(o) = m.outcome {
                    dt { (lang.t(Text::Outcome)) }
                    dd { span class={ "badge outcome-" (o.as_str()) } { (lang.outcome(o)) } }
                }
                @for (label, value) in &rows {
                    @if let Some(v) = value { dt { (lang.t(*label)) } dd { (v) } }
                }
                @if let Some(src) = &m.source_url {
                    dt { (lang.t(Text::Source)) }
                    dd {
                        @if is_web_address(src) { a href=(src) rel="noopener noreferrer nofollow" { (src) } } @else { (src) }
                    }
                }
            }
        }
        @if let (Some(c), false) = (&case, siblings.is_empty()) {
            section class="same-case" {
                h2 { (lang.t(Text::CasePage)) " " a href=(link(&case_path(&c.register), lang)) { (c.register) } }
                ul {
                    @for e in &siblings { li { (super::case::entry(lang, e)) } }
                }
            }
        }
        @if !view.roster.is_empty() {
            section class="roster" {
                h2 { (lang.t(Text::Roster)) }
                table {
                    thead { tr { th scope="col" { (lang.t(Text::Name)) } th scope="col" { (lang.t(Text::Role)) } th scope="col" { (lang.t(Text::Function)) } } }
                    tbody {
                        @for s in &view.roster {
                            tr { td { (s.name) } td { (role_badge(lang, Some(s.role))) } td { (s.title.as_deref().unwrap_or("")) } }
                        }
                    }
                }
            }
        }
        section class="passages" {
            h2 { (lang.t(Text::Passages)) }
            @for p in &view.passages { (passage_block(lang, p, false, m.provenance)) }
        }
    };
    let switch = link(&document_path(&m.id), lang.other());
    Ok(page(lang, &m.title, &switch, body).into_response())
}

/// Whether a corpus-supplied address may become a link (http and https only).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
