//! The law page (`/law/{id}`): the passages that cite a law, rule or
//! article, newest first, grouped by the outcome of their case.

use super::error::PageError;
use super::layout::{link, page};
use super::search::hit_card;
use crate::i18n::{Lang, Text};
use crate::legal::law_listing;
use crate::params::SearchParams;
use crate::permalink::law_path;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;

/// `GET /law/{id}`.
pub async fn law(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = law_path(&id);
    let lang = super::page_lang(raw.as_deref(), &path)?;
    let listing = law_listing(&state, &id)
        .await
        .map_err(|e| PageError::new(lang, &path, e))?;
    let search = SearchParams {
        law: Some(listing.id.clone()),
        lang: (lang == Lang::En).then_some(Lang::En),
        ..SearchParams::default()
    }
    .link("/search");
    let public_url = state.public_url().clone();
    let mut n = 0;
    let body = html! {
        h1 { (listing.label) }
        p class="summary" {
            code { (listing.id) } " · "
            (lang.number(listing.total as u64)) " " (lang.t(Text::LawCitedIn))
            " · " a href=(search) { (lang.t(Text::SearchThese)) }
        }
        @for (outcome, hits) in &listing.groups {
            section class="law-group" {
                h2 {
                    @match outcome {
                        Some(o) => (lang.outcome(*o)),
                        None => (lang.t(Text::NoOutcome)),
                    }
                    " " span class="count" { "(" (hits.len()) ")" }
                }
                ol class="hits" {
                    @for hit in hits {
                        li { (hit_card(lang, hit, { n += 1; n }, &public_url)) }
                    }
                }
            }
        }
    };
    let switch = link(&law_path(&listing.id), lang.other());
    Ok(page(lang, &listing.label, &switch, body).into_response())
}
