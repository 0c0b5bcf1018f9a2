//! A speaker's page (`/s/{speaker}`): the roles they spoke in, in how many
//! passages and documents and when, then what they said, newest first.

use super::error::PageError;
use super::layout::{link, page};
use super::search::hit_card;
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::SearchParams;
use crate::permalink::speaker_path;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use risalah_engine::search::service::MAX_LIMIT;
use risalah_engine::search::{Filters, SearchRequest, Sort};

/// The passages the page lists (the search pages further).
const LISTED: usize = 20;

/// `GET /s/{speaker}`.
pub async fn speaker(
    State(state): State<AppState>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = speaker_path(&name);
    let lang = super::page_lang(raw.as_deref(), &path)?;
    let fail = |e| PageError::new(lang, &path, e);
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(fail(AppError::BadRequest("give a speaker's name".into())));
    }
    let request = SearchRequest {
        filters: Filters {
            speakers: vec![name.clone()],
            ..Filters::default()
        },
        limit: LISTED,
        sort: Sort::Newest,
        ..Default::default()
    };
    let (results, tally) = state
        .run(move |s| {
            let results = s.search(&request)?;
            let tally = s.speakers(&request, MAX_LIMIT)?;
            Ok((results, tally))
        })
        .await
        .map_err(fail)?;
    let wanted = name.to_lowercase();
    let roles: Vec<_> = tally
        .speakers
        .iter()
        .filter(|c| c.name.to_lowercase() == wanted)
        .collect();
    if results.total == 0 {
        return Err(fail(AppError::NotFound(format!(
            "no passage by a speaker named `{name}`"
        ))));
    }
    let search = SearchParams {
        speaker: Some(name.clone()),
        sort: Some(Sort::Newest.as_str().to_string()),
        lang: (lang == Lang::En).then_some(Lang::En),
        ..SearchParams::default()
    }
    .link("/search");
    let public_url = state.public_url().clone();
    let body = html! {
        h1 { (name) }
        ul class="speaker-roles" {
            @for c in &roles {
                li {
                    @match c.role {
                        Some(role) => span class={ "role role-" (role.as_str()) } { (lang.role(role)) },
                        None => span class="role" { (lang.t(Text::Speaker)) },
                    }
                    " · " (lang.count(c.passages as u64, Text::PassagesWord))
                    " · " (lang.count(c.documents as u64, Text::DocumentsWord))
                    @if let Some((first, last)) = c.dates {
                        " · " time { (first) }
                        @if first != last { " – " time { (last) } }
                    }
                }
            }
        }
        p class="summary" {
            (lang.count(results.total as u64, Text::PassagesWord))
            " · " a href=(search) { (lang.t(Text::SearchThese)) }
        }
        h2 { (lang.t(Text::SaidNewestFirst)) }
        ol class="hits" {
            @for (i, hit) in results.hits.iter().enumerate() {
                li { (hit_card(lang, hit, i + 1, &public_url)) }
            }
        }
    };
    let switch = link(&speaker_path(&name), lang.other());
    Ok(page(lang, &name, &switch, body).into_response())
}
