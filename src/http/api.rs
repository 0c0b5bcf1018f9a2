//! The JSON API: the same JSON as `risalah search --json`, a passage with its
//! neighbours, a whole document, and a health check.

use super::error::AppError;
use super::params;
use super::AppState;
use crate::search::service::{DocumentView, PassageView};
use crate::search::SearchResponse;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde::Serialize;

/// How many passages `/api/passages/{id}` returns on each side unless `around` says.
pub const DEFAULT_AROUND: usize = 2;
/// The most neighbours on each side.
pub const MAX_AROUND: usize = 20;

/// `GET /api/search`.
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, AppError> {
    let pairs = params::pairs(raw.as_deref());
    let request = params::search_request(&pairs, crate::search::service::DEFAULT_LIMIT)?;
    if params::first(&pairs, "format").is_some() {
        return Err(AppError::BadRequest(
            "`format` belongs to /api/export".into(),
        ));
    }
    let response = state
        .run(move |s| s.search(&request).map_err(AppError::from))
        .await?;
    Ok(Json(response))
}

/// `GET /api/passages/{id}?around=N`: the passage, `N` passages before and after, citations.
pub async fn passage(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<PassageView>, AppError> {
    let around = around(raw.as_deref())?;
    let view = state
        .run(move |s| {
            s.passage(&id, around)
                .map_err(AppError::Internal)
                .map(|v| (id, v))
        })
        .await?;
    match view {
        (_, Some(view)) => Ok(Json(view)),
        (id, None) => Err(AppError::NotFound(format!("no passage `{id}`"))),
    }
}

/// Reads the `around` parameter (0..=[`MAX_AROUND`]).
pub fn around(raw: Option<&str>) -> Result<usize, AppError> {
    let pairs = params::pairs(raw);
    if let Some((key, _)) = pairs.iter().find(|(k, _)| k != "around" && k != "lang") {
        return Err(AppError::BadRequest(format!(
            "unknown parameter `{key}` (known: around, lang)"
        )));
    }
    match params::first(&pairs, "around") {
        None => Ok(DEFAULT_AROUND),
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if n <= MAX_AROUND => Ok(n),
            _ => Err(AppError::BadRequest(format!(
                "`around` must be a whole number from 0 to {MAX_AROUND}"
            ))),
        },
    }
}

/// `GET /api/docs/{id}`: the document's metadata, roster and every passage.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, AppError> {
    let view = state
        .run(move |s| s.document(&id).map_err(AppError::Internal).map(|v| (id, v)))
        .await?;
    match view {
        (_, Some(view)) => Ok(Json(view)),
        (id, None) => Err(AppError::NotFound(format!("no document `{id}`"))),
    }
}

/// The health check's answer.
#[derive(Serialize)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: &'static str,
    /// Passages in the index.
    pub passages: u64,
}

/// `GET /healthz`.
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        passages: state.service().passage_count(),
    })
}
