//! `GET /openapi.json`: the OpenAPI 3.1 description of the JSON API,
//! derived from the handlers' `#[utoipa::path]` attributes and the wire
//! types, so the names, enums and limits live in one place.

use axum::Json;
use utoipa::OpenApi;

/// The API's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "risalah API",
        description = "Search passages of Komisi Informasi hearings and the news reports about them. Everything the web pages show is available here. Read-only."
    ),
    paths(
        crate::api::search,
        crate::api::passage,
        crate::similar::similar,
        crate::api::documents,
        crate::api::document,
        crate::legal::case,
        crate::legal::law,
        crate::speakers::speakers,
        crate::export::export,
        crate::api::health
    ),
    components(schemas(crate::i18n::Lang, crate::params::ExportFormat))
)]
pub struct ApiDoc;

/// The OpenAPI document as JSON.
pub fn document() -> serde_json::Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap_or_default()
}

/// `GET /openapi.json`.
pub async fn serve() -> Json<serde_json::Value> {
    Json(document())
}
