//! Similar passages as JSON: `/api/passages/{id}/similar`, the passages of
//! other documents most like one passage (also listed on its page).

use crate::api::PassageJson;
use crate::error::AppError;
use crate::params::from_query;
use crate::permalink::PublicUrl;
use crate::AppState;
use axum::Json;
use risalah_engine::search::service::{Similar, MAX_SIMILAR};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Similar passages listed unless `limit` says otherwise.
pub const DEFAULT_SIMILAR: usize = 5;

/// The parameters of `/api/passages/{id}/similar`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, default)]
#[into_params(parameter_in = Query)]
pub struct SimilarParams {
    /// How many (1 to 20, default 5).
    #[param(minimum = 1, maximum = 20)]
    pub limit: Option<usize>,
}

/// The passages like one passage.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SimilarJson {
    /// The passage they are like.
    pub id: String,
    /// The similar passages of other documents, most alike first.
    pub similar: Vec<SimilarPassageJson>,
}

/// One similar passage.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SimilarPassageJson {
    /// How alike, comparable within one answer only.
    pub score: f32,
    /// The passage.
    pub passage: PassageJson,
    /// Its permalink.
    pub permalink: String,
}

impl SimilarPassageJson {
    /// The wire form of `s`.
    pub fn new(s: &Similar, public_url: &PublicUrl) -> Self {
        SimilarPassageJson {
            score: s.score,
            passage: PassageJson::new(&s.document, &s.passage),
            permalink: public_url.permalink(&s.passage.id),
        }
    }
}

/// The passages like passage `id`; 404 when there is no such passage.
pub async fn similar_to(
    state: &AppState,
    id: String,
    limit: usize,
) -> Result<Vec<Similar>, AppError> {
    let missing = format!("no passage `{id}`");
    state
        .run(move |s| {
            s.similar(&id, limit)
                .map_err(AppError::Internal)?
                .ok_or(AppError::NotFound(missing))
        })
        .await
}

/// Passages of other documents most like this one.
#[utoipa::path(
    get,
    path = "/api/passages/{id}/similar",
    operation_id = "similar",
    params(
        ("id" = String, Path, description = "The passage id, e.g. kip-2024-yakin-kpu-uji-konsekuensi/t1"),
        SimilarParams,
    ),
    responses(
        (status = 200, description = "The similar passages", body = SimilarJson),
        (status = 400, description = "A parameter is malformed", body = crate::error::ErrorJson),
        (status = 414, description = "The address is too long", body = crate::error::ErrorJson),
        (status = 404, description = "No such passage", body = crate::error::ErrorJson),
    )
)]
pub async fn similar(
    state: &AppState,
    id: String,
    raw: Option<&str>,
) -> Result<Json<SimilarJson>, AppError> {
    let params: SimilarParams = from_query(raw)?;
    let limit = match params.limit {
        None => DEFAULT_SIMILAR,
        Some(n) if (1..=MAX_SIMILAR).contains(&n) => n,
        Some(_) => {
            return Err(AppError::BadRequest(format!(
                "`limit` must be a whole number from 1 to {MAX_SIMILAR}"
            )))
        }
    };
    let found = similar_to(state, id.clone(), limit).await?;
    let public_url = state.public_url();
    Ok(Json(SimilarJson {
        id,
        similar: found
            .iter()
            .map(|s| SimilarPassageJson::new(s, public_url))
            .collect(),
    }))
}
