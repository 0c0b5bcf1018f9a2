//! Cases and laws as JSON: `/api/cases/{register}` (a case's documents in
//! timeline order, its outcome, the cases it cites and the documents that
//! cite it) and `/api/laws/{id}` (the passages citing a law, rule or
//! article, newest first, grouped by the outcome of their case). The pages
//! `/c/{register}` and `/law/{id}` show the same.

use crate::api::PassageJson;
use crate::error::AppError;
use crate::permalink::{case_path, document_path, law_path};
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use risalah_engine::legal::law;
use risalah_engine::model::{DocType, Outcome, Provenance};
use risalah_engine::search::cases::CaseView;
use risalah_engine::search::catalog::CatalogEntry;
use risalah_engine::search::{Filters, Hit, SearchRequest};
use serde::Serialize;
use utoipa::ToSchema;

/// The most passages a law's listing holds (the search `law:` pages further).
pub const LAW_LISTING_LIMIT: usize = risalah_engine::search::service::MAX_LIMIT;

/// The passages citing one law, rule or article, grouped by outcome.
pub struct LawListing {
    /// The id (`uu-14-2008/17`).
    pub id: String,
    /// How the id reads (`Pasal 17 UU 14/2008 (UU KIP)`).
    pub label: String,
    /// How many passages cite it in all.
    pub total: usize,
    /// The listed passages (at most [`LAW_LISTING_LIMIT`], newest first),
    /// by the outcome of their document's case in outcome order, those
    /// without one last.
    pub groups: Vec<(Option<Outcome>, Vec<Hit>)>,
}

/// The listing of the law, rule or article `value` names (an id or any
/// spelling of a citation); 404 when it names none, 400 when it is no law.
pub async fn law_listing(state: &AppState, value: &str) -> Result<LawListing, AppError> {
    let id = law::id_of(value).ok_or_else(|| {
        AppError::BadRequest(format!(
            "`{value}` names no law or rule; give its id or a citation, as `uu-14-2008/17` or `UU KIP`"
        ))
    })?;
    let request = SearchRequest {
        q: String::new(),
        filters: Filters {
            laws: vec![id.clone()],
            ..Filters::default()
        },
        limit: LAW_LISTING_LIMIT,
        offset: 0,
        ..Default::default()
    };
    let results = state
        .run(move |s| s.search(&request).map_err(AppError::from))
        .await?;
    if results.total == 0 {
        return Err(AppError::NotFound(format!("no passage cites `{id}`")));
    }
    let mut groups: Vec<(Option<Outcome>, Vec<Hit>)> = Vec::new();
    for hit in results.hits {
        let outcome = hit.document.outcome;
        match groups.iter_mut().find(|(o, _)| *o == outcome) {
            Some((_, hits)) => hits.push(hit),
            None => groups.push((outcome, vec![hit])),
        }
    }
    groups.sort_by_key(|(o, _)| (o.is_none(), *o));
    Ok(LawListing {
        label: law::label(&id),
        id,
        total: results.total,
        groups,
    })
}

/// The case of `register` (any spelling); 404 when the index knows none.
pub async fn case_view(state: &AppState, register: &str) -> Result<CaseView, AppError> {
    let catalog = state
        .run(|s| s.catalog().map_err(AppError::Internal))
        .await?;
    catalog
        .case(register)
        .ok_or_else(|| AppError::NotFound(format!("no document of case `{register}`")))
}

/// One document of a case, in brief.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CaseDocumentJson {
    /// The document id.
    pub id: String,
    /// The document type.
    pub doc_type: DocType,
    /// The title.
    pub title: String,
    /// The date as written.
    pub date: Option<String>,
    /// The hearing agenda.
    pub agenda: Option<String>,
    /// Where the text comes from.
    pub provenance: Provenance,
    /// The case register number, as the document writes it.
    pub case: Option<String>,
    /// The outcome the document states.
    pub outcome: Option<Outcome>,
    /// Its passages.
    #[schema(minimum = 0)]
    pub passages: u64,
    /// Its page.
    pub url: String,
}

impl CaseDocumentJson {
    fn new(e: &CatalogEntry) -> Self {
        CaseDocumentJson {
            id: e.meta.id.clone(),
            doc_type: e.meta.doc_type,
            title: e.meta.title.clone(),
            date: e.meta.date.map(|d| d.to_string()),
            agenda: e.meta.agenda.clone(),
            provenance: e.meta.provenance,
            case: e.meta.case.clone(),
            outcome: e.meta.outcome,
            passages: e.passages,
            url: document_path(&e.meta.id),
        }
    }
}

/// A case another case cites.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CitedCaseJson {
    /// The register number as written.
    pub register: String,
    /// Whether the index holds documents of it.
    pub known: bool,
    /// Its page.
    pub url: String,
}

/// A case.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CaseJson {
    /// The register number as the case's documents write it.
    pub register: String,
    /// How the case ended, when a decision or a report says.
    pub outcome: Option<Outcome>,
    /// The case's documents in timeline order: by date, hearings before
    /// reports before the decision on one day, then by agenda.
    pub documents: Vec<CaseDocumentJson>,
    /// The cases its documents cite.
    pub cites: Vec<CitedCaseJson>,
    /// The documents of other cases that cite it.
    pub cited_by: Vec<CaseDocumentJson>,
    /// The case page.
    pub url: String,
}

impl CaseJson {
    /// The wire form of a case.
    pub fn new(view: &CaseView) -> Self {
        CaseJson {
            register: view.register.clone(),
            outcome: view.outcome,
            documents: view.documents.iter().map(CaseDocumentJson::new).collect(),
            cites: view
                .cites
                .iter()
                .map(|c| CitedCaseJson {
                    register: c.register.clone(),
                    known: c.known,
                    url: case_path(&c.register),
                })
                .collect(),
            cited_by: view.cited_by.iter().map(CaseDocumentJson::new).collect(),
            url: case_path(&view.register),
        }
    }
}

/// The passages of one outcome in a law's listing.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LawGroupJson {
    /// The outcome of these passages' cases (none: no outcome recorded).
    pub outcome: Option<Outcome>,
    /// The passages, newest first.
    pub passages: Vec<PassageJson>,
}

/// The passages citing a law, rule or article.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct LawJson {
    /// The id (`uu-14-2008/17`).
    pub id: String,
    /// How it reads.
    pub label: String,
    /// Passages citing it in all.
    #[schema(minimum = 0)]
    pub total: usize,
    /// At most 100 of them, by outcome.
    pub groups: Vec<LawGroupJson>,
    /// The law's page.
    pub url: String,
}

/// A case: its documents, outcome, and precedent both ways.
#[utoipa::path(
    get,
    path = "/api/cases/{register}",
    operation_id = "case",
    params(("register" = String, Path, example = "021/VII/KI-NC-PS/2099", description = "The register number, any case, with or without spaces around `/`, e.g. 023/III/KIP-PS/2024")),
    responses(
        (status = 200, description = "The case", body = CaseJson),
        (status = 404, description = "No document of the case", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn case(
    State(state): State<AppState>,
    Path(register): Path<String>,
) -> Result<Json<CaseJson>, AppError> {
    let view = case_view(&state, &register).await?;
    Ok(Json(CaseJson::new(&view)))
}

/// The passages citing a law, rule or article.
#[utoipa::path(
    get,
    path = "/api/laws/{id}",
    operation_id = "law",
    params(("id" = String, Path, example = "uu-14-2008/17", description = "A law id (`uu-14-2008`, `uu-14-2008/17`, `perki-1-2013`) or a citation in any spelling (`UU KIP`)")),
    responses(
        (status = 200, description = "The passages citing it, newest first, by outcome", body = LawJson),
        (status = 400, description = "The id names no law", body = crate::error::ErrorJson),
        (status = 404, description = "No passage cites it", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn law(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<LawJson>, AppError> {
    let listing = law_listing(&state, &id).await?;
    Ok(Json(LawJson {
        url: law_path(&listing.id),
        id: listing.id,
        label: listing.label,
        total: listing.total,
        groups: listing
            .groups
            .iter()
            .map(|(outcome, hits)| LawGroupJson {
                outcome: *outcome,
                passages: hits
                    .iter()
                    .map(|h| PassageJson::new(&h.document, &h.passage))
                    .collect(),
            })
            .collect(),
    }))
}
