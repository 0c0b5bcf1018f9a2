//! "Who said it most" as JSON: `/api/speakers?q=…` ranks the speakers of a
//! search's best passages by how many of them each speaks in, with role,
//! documents and dates. The search page shows the first few; `/s/{speaker}`
//! is one speaker's page.

use crate::error::AppError;
use crate::params::{from_query, SearchParams};
use crate::permalink::speaker_path;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::Json;
use risalah_engine::model::Role;
use risalah_engine::search::speakers::{SpeakerCount, SpeakerTally};
use serde::Serialize;
use utoipa::ToSchema;

/// Speakers listed unless `limit` says otherwise.
pub const DEFAULT_SPEAKERS: usize = 20;

/// The speakers of a search.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SpeakersJson {
    /// Every passage that matches the search.
    #[schema(minimum = 0)]
    pub total: usize,
    /// The best passages counted (at most 1,000): the ranking is over these.
    #[schema(minimum = 0)]
    pub counted: usize,
    /// The speakers, most passages first.
    pub speakers: Vec<SpeakerJson>,
}

/// One speaker in one role.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SpeakerJson {
    /// The speaker's name, or the party's.
    pub speaker: String,
    /// The role they spoke in (none when the source gives none).
    pub role: Option<Role>,
    /// Counted passages in which they speak.
    #[schema(minimum = 0)]
    pub passages: usize,
    /// Documents those passages are in.
    #[schema(minimum = 0)]
    pub documents: usize,
    /// The earliest document date (YYYY-MM-DD).
    pub first_date: Option<String>,
    /// The latest document date (YYYY-MM-DD).
    pub last_date: Option<String>,
    /// The speaker's page.
    pub url: String,
    /// The search narrowed to this speaker in this role.
    pub search_url: String,
}

impl SpeakerJson {
    /// The JSON of `count`, its search link narrowing `params`.
    pub fn new(count: &SpeakerCount, params: &SearchParams) -> Self {
        let search = params.with(|p| {
            p.speaker = Some(count.name.clone());
            p.role = count
                .role
                .map(|r| r.as_str().to_string())
                .into_iter()
                .collect();
            p.offset = None;
            p.limit = None;
        });
        SpeakerJson {
            speaker: count.name.clone(),
            role: count.role,
            passages: count.passages,
            documents: count.documents,
            first_date: count.dates.map(|(first, _)| first.to_string()),
            last_date: count.dates.map(|(_, last)| last.to_string()),
            url: speaker_path(&count.name),
            search_url: search.link("/search"),
        }
    }
}

impl SpeakersJson {
    /// The JSON of `tally`, its links narrowing `params`.
    pub fn new(tally: &SpeakerTally, params: &SearchParams) -> Self {
        SpeakersJson {
            total: tally.total,
            counted: tally.counted,
            speakers: tally
                .speakers
                .iter()
                .map(|c| SpeakerJson::new(c, params))
                .collect(),
        }
    }
}

/// Who says it most: the speakers of a search's best passages.
#[utoipa::path(
    get,
    path = "/api/speakers",
    operation_id = "speakers",
    params(
        SearchParams,
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Speakers listed (default 20)."),
    ),
    responses(
        (status = 200, description = "Speakers, most matching passages first", body = SpeakersJson),
        (status = 400, description = "The query or a parameter is malformed", body = crate::error::ErrorJson),
        (status = 414, description = "The address is too long", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn speakers(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SpeakersJson>, AppError> {
    let params: SearchParams = from_query(raw.as_deref())?;
    if params.format.is_some() || params.offset.is_some() {
        return Err(AppError::BadRequest(
            "`/api/speakers` takes no `format` or `offset`".into(),
        ));
    }
    let request = params.request(DEFAULT_SPEAKERS)?;
    let limit = request.limit;
    if limit > risalah_engine::search::service::MAX_LIMIT {
        return Err(AppError::BadRequest("`limit` is at most 100".into()));
    }
    let json = state
        .run(move |s| {
            s.speakers(&request, limit)
                .map(|t| SpeakersJson::new(&t, &params))
                .map_err(AppError::from)
        })
        .await?;
    Ok(Json(json))
}
