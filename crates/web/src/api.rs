//! The JSON API and its wire format: the same JSON as `risalah search
//! --json`, a passage with its neighbours, a whole document, the list of
//! documents with what the index holds (`/api/docs`), a health check.
//!
//! # The JSON of a search
//!
//! `risalah search --json` and `GET /api/search` return the same object:
//!
//! ```json
//! {
//!   "total": 2,
//!   "documents": 2,
//!   "took_ms": 1,
//!   "facets": {"role": {"majelis": 2}, "doc_type": {"transcript": 1, "news": 1}, "commission": {"Komisi Informasi Pusat": 2}},
//!   "hits": [{
//!     "id": "kip-2024-yakin-kpu-sidang-2024-03-13/t1",
//!     "doc_id": "kip-2024-yakin-kpu-sidang-2024-03-13",
//!     "doc_type": "transcript", "kind": "turn",
//!     "title": "…", "commission": "Komisi Informasi Pusat", "date": "2024-03-13", "case": null,
//!     "speaker": "Arya Sandhiyudha", "role": "majelis", "position": 1, "timestamp": null,
//!     "text": "Benar KPU memiliki kerja sama dengan Alibaba?",
//!     "snippet_html": "Benar KPU memiliki kerja sama dengan <mark>Alibaba</mark>?",
//!     "score": 1003.2,
//!     "citation": "Arya Sandhiyudha (majelis), dalam \"…\". … Passage kip-…/t1. http://127.0.0.1:8080/p/kip-…/t1",
//!     "url": "/p/kip-2024-yakin-kpu-sidang-2024-03-13/t1",
//!     "source_url": null,
//!     "context": {"previous": null, "next": {"id": "…/t2", "speaker": "Luqman Hakim", "role": "termohon", "kind": "turn", "text": "Iya"}}
//!   }]
//! }
//! ```
//!
//! - `total`: every passage that matches (at least one content word), not just this page.
//! - `documents`: by relevance the hits are grouped by document (the
//!   default, `group=doc`): one hit per document, its best passage,
//!   with `also` (its next best, each with `id`, `url`, `speaker`, `role`,
//!   `position`, `snippet_html`) and `more_in_document` (how many more of
//!   its passages are among the best); `documents` counts the documents of
//!   all matches, and `offset`/`limit` count documents. `group=passage`, or
//!   an order by date, lists every passage and leaves `documents` out.
//! - `explanation` (with `explain=true`): a hit's `score` taken apart, each
//!   `matched` part of the query with what it adds (`word, tier + BM25:
//!   kontrak`, `exact form atasan`, `phrase "uji konsekuensi"`, `filler
//!   apa`) and the `unmatched` parts.
//! - `nearby`: on the first page of documents, when a quoted phrase is found
//!   in fewer documents than the page holds, the best other documents with
//!   the phrase's words apart, after the hits (not counted in `total`).
//! - `took_ms`: milliseconds spent in the engine.
//! - `facets`: counts over all `total` matches, per role, document type, commission,
//!   decision section, outcome and cited law (`law`: instrument and article ids).
//! - `snippet_html`: a fragment of `text` exactly as published, HTML-escaped,
//!   `<mark>` around matched words, `…` where cut. Never offsets: a browser counts
//!   UTF-16 units, the engine bytes.
//! - `score`: with two or more content words, 1000 per matched content word
//!   plus BM25 (so passages with more of the words come first); else BM25;
//!   0 for a search by filters alone. Only its order is meaningful.
//! - `position`, `line`: the passage's 1-based place in its document and
//!   the 1-based line of its source file.
//! - `url`: the permalink path; `citation` carries the absolute permalink.

use crate::citation::{Citation, Citations};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::params::{from_query, DocsParams, PassageParams, SearchParams};
use crate::permalink::{document_path, permalink_path, PublicUrl};
use crate::{snippet, AppState};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use risalah_engine::index::document::StoredPassage;
use risalah_engine::model::{
    Attribution, AttributionMode, DocType, DocumentMeta, Outcome, PassageKind, Provenance, Role,
    Section, Speaker,
};
use risalah_engine::search::catalog::{CorpusSummary, Tally};
use risalah_engine::search::explain::Explanation;
use risalah_engine::search::facets::FacetCounts;
use risalah_engine::search::service::{DocumentView, PassageView, DEFAULT_LIMIT};
use risalah_engine::search::{Also, Hit, SearchResults};
use serde::Serialize;
use utoipa::ToSchema;

/// How many passages `/api/passages/{id}` returns on each side unless `around` says.
pub const DEFAULT_AROUND: usize = 2;
/// The most neighbours on each side.
pub const MAX_AROUND: usize = 20;

/// A passage with its document's metadata, as every answer shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PassageJson {
    /// The passage id.
    pub id: String,
    /// The document id.
    pub doc_id: String,
    /// The document type.
    pub doc_type: DocType,
    /// The document title.
    pub title: String,
    /// The commission.
    pub commission: Option<String>,
    /// The case register number.
    pub case: Option<String>,
    /// The parties.
    pub parties: Option<String>,
    /// The agenda.
    pub agenda: Option<String>,
    /// Where the document was published.
    pub source_url: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where the document's text comes from.
    pub provenance: Provenance,
    /// The provenance note.
    pub note: Option<String>,
    /// The document's date as written.
    pub date: Option<String>,
    /// The speaker.
    pub speaker: Option<String>,
    /// The speaker's role.
    pub role: Option<Role>,
    /// 1-based position in the document.
    #[schema(minimum = 0)]
    pub position: u32,
    /// What the passage is.
    pub kind: PassageKind,
    /// The transcript timestamp.
    pub timestamp: Option<String>,
    /// The 1-based source line.
    #[schema(minimum = 0)]
    pub line: u32,
    /// The 1-based page of a paged source (PDF), when there is one.
    #[schema(minimum = 1)]
    pub page: Option<u32>,
    /// The text as published.
    pub text: String,
    /// Who a news paragraph quotes or paraphrases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<AttributionJson>,
    /// The part of a decision the passage is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// How the document's case ended, as the document states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Whether the passage is procedure, not speech: opening, closing,
    /// adjournment, roll call, stage directions (`kind:procedural`).
    pub procedural: bool,
    /// The laws, rules and articles the passage cites, as ids
    /// (`uu-14-2008`, `uu-14-2008/17`; see `/api/laws/{id}`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub laws: Vec<String>,
}

/// One speaker a news paragraph quotes or paraphrases, with the words the
/// attribution covers.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AttributionJson {
    /// The speaker's name in full, when the report names them.
    pub speaker: Option<String>,
    /// The speaker's role, when it is known with enough confidence.
    pub role: Option<Role>,
    /// How the report describes a speaker it gives no name, or the body that speaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    /// Quote or paraphrase.
    pub mode: AttributionMode,
    /// How sure the attribution is, 0 to 100.
    pub confidence: u8,
    /// The words the attribution covers (a quote, or a sentence), exactly as
    /// published: a part of `text`.
    pub excerpt: Option<String>,
}

impl AttributionJson {
    /// The wire form of `a`, an attribution of a passage whose text is `text`.
    pub fn new(a: &Attribution, text: &str) -> Self {
        AttributionJson {
            speaker: a.speaker.clone(),
            role: a.role,
            descriptor: a.descriptor.clone(),
            mode: a.mode,
            confidence: a.confidence,
            excerpt: a.span.and_then(|s| s.of(text)).map(str::to_string),
        }
    }
}

impl PassageJson {
    /// The wire form of `passage` of `document`.
    pub fn new(document: &DocumentMeta, passage: &StoredPassage) -> Self {
        let p = &passage.passage;
        PassageJson {
            id: passage.id.clone(),
            doc_id: passage.doc_id.clone(),
            doc_type: document.doc_type,
            title: document.title.clone(),
            commission: document.commission.clone(),
            case: document.case.clone(),
            parties: document.parties.clone(),
            agenda: document.agenda.clone(),
            source_url: document.source_url.clone(),
            publisher: document.publisher.clone(),
            provenance: document.provenance,
            note: document.note.clone(),
            date: document.date.map(|d| d.to_string()),
            speaker: p.speaker.clone(),
            role: p.role,
            position: p.position,
            kind: p.kind,
            timestamp: p.timestamp.clone(),
            line: p.line,
            page: p.page,
            text: p.text.clone(),
            attributions: p
                .attributions
                .iter()
                .map(|a| AttributionJson::new(a, &p.text))
                .collect(),
            section: p.section,
            outcome: document.outcome,
            procedural: p.is_procedural(),
            laws: risalah_engine::legal::law::cited_ids(&p.text),
        }
    }
}

/// A neighbouring passage, in brief.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Neighbour {
    /// Passage id.
    pub id: String,
    /// Speaker.
    pub speaker: Option<String>,
    /// Role.
    pub role: Option<Role>,
    /// Passage kind.
    pub kind: PassageKind,
    /// Text as published.
    pub text: String,
}

impl From<&StoredPassage> for Neighbour {
    fn from(p: &StoredPassage) -> Self {
        Neighbour {
            id: p.id.clone(),
            speaker: p.passage.speaker.clone(),
            role: p.passage.role,
            kind: p.passage.kind,
            text: p.passage.text.clone(),
        }
    }
}

/// The passages just before and after a hit.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ContextJson {
    /// The passage before, if any.
    pub previous: Option<Neighbour>,
    /// The passage after, if any.
    pub next: Option<Neighbour>,
}

/// One hit.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct HitJson {
    /// The passage and its document's metadata.
    #[serde(flatten)]
    pub passage: PassageJson,
    /// Escaped fragment of the text with `<mark>` around matched words.
    pub snippet_html: String,
    /// Rank score (order only).
    pub score: f32,
    /// Plain-text citation with the absolute permalink.
    pub citation: String,
    /// Permalink path.
    pub url: String,
    /// The passages before and after (the question and the answer).
    pub context: ContextJson,
    /// Grouped by document: the document's next best passages that match.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoJson>,
    /// Grouped by document: how many more of the document's passages are
    /// among the best (at least as many as `also` lists).
    #[serde(skip_serializing_if = "is_zero")]
    pub more_in_document: usize,
    /// With `explain=true`: the score taken apart, each matched part of the
    /// query (`part`, `score`) and the parts not matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub explanation: Option<Explanation>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Another passage of a hit's document that matches too.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct AlsoJson {
    /// The passage id.
    pub id: String,
    /// Permalink path.
    pub url: String,
    /// Speaker.
    pub speaker: Option<String>,
    /// Role.
    pub role: Option<Role>,
    /// 1-based position in the document.
    pub position: u32,
    /// Escaped fragment of the text with `<mark>` around matched words.
    pub snippet_html: String,
}

impl From<&Also> for AlsoJson {
    fn from(a: &Also) -> Self {
        AlsoJson {
            id: a.passage.id.clone(),
            url: permalink_path(&a.passage.id),
            speaker: a.passage.passage.speaker.clone(),
            role: a.passage.passage.role,
            position: a.passage.passage.position,
            snippet_html: snippet::html(&a.snippet),
        }
    }
}

impl HitJson {
    /// The wire form of a hit, its citation in `lang`.
    pub fn new(hit: &Hit, public_url: &PublicUrl, lang: Lang) -> Self {
        HitJson {
            passage: PassageJson::new(&hit.document, &hit.passage),
            snippet_html: snippet::html(&hit.snippet),
            score: hit.score,
            citation: Citation::new(&hit.document, &hit.passage, public_url, lang).plain(),
            url: permalink_path(&hit.passage.id),
            context: ContextJson {
                previous: hit.context.previous.as_ref().map(Neighbour::from),
                next: hit.context.next.as_ref().map(Neighbour::from),
            },
            also: hit.also.iter().map(AlsoJson::from).collect(),
            more_in_document: hit.more,
            explanation: hit.explanation.clone(),
        }
    }
}

/// The answer to a search.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SearchJson {
    /// All matching passages.
    #[schema(minimum = 0)]
    pub total: usize,
    /// The documents of all matching passages, when the hits are grouped by
    /// document (`offset` and `limit` then count documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 0)]
    pub documents: Option<usize>,
    /// Milliseconds in the engine.
    #[schema(minimum = 0)]
    pub took_ms: u64,
    /// Counts per role, document type and commission over all matches.
    #[schema(value_type = std::collections::BTreeMap<String, std::collections::BTreeMap<String, u64>>)]
    pub facets: FacetCounts,
    /// This page of hits.
    pub hits: Vec<HitJson>,
    /// Close matches, after the hits: when a quoted phrase is found in
    /// fewer documents than a page holds, the best other documents with its
    /// words apart (not counted in `total`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nearby: Vec<HitJson>,
}

impl SearchJson {
    /// The wire form of search results, citations in `lang`.
    pub fn new(results: &SearchResults, public_url: &PublicUrl, lang: Lang) -> Self {
        SearchJson {
            total: results.total,
            documents: results.documents,
            took_ms: results.took_ms,
            facets: results.facets.clone(),
            hits: results
                .hits
                .iter()
                .map(|h| HitJson::new(h, public_url, lang))
                .collect(),
            nearby: results
                .nearby
                .iter()
                .map(|h| HitJson::new(h, public_url, lang))
                .collect(),
        }
    }
}

/// A passage with its neighbours and citations.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PassageViewJson {
    /// The passage.
    pub passage: PassageJson,
    /// The passages before it, in order.
    pub before: Vec<PassageJson>,
    /// The passages after it, in order.
    pub after: Vec<PassageJson>,
    /// The permalink path.
    pub url: String,
    /// The passage's citations.
    pub citations: Citations,
}

impl PassageViewJson {
    /// The wire form of a passage view, citations in `lang`.
    pub fn new(view: &PassageView, public_url: &PublicUrl, lang: Lang) -> Self {
        let doc = &view.document;
        PassageViewJson {
            passage: PassageJson::new(doc, &view.passage),
            before: view
                .before
                .iter()
                .map(|p| PassageJson::new(doc, p))
                .collect(),
            after: view
                .after
                .iter()
                .map(|p| PassageJson::new(doc, p))
                .collect(),
            url: permalink_path(&view.passage.id),
            citations: Citation::new(doc, &view.passage, public_url, lang).all(),
        }
    }
}

/// A whole document.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DocumentJson {
    /// The document's metadata.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The roster.
    pub roster: Vec<Speaker>,
    /// Every passage, in order.
    pub passages: Vec<PassageJson>,
}

impl DocumentJson {
    /// The wire form of a document view.
    pub fn new(view: &DocumentView) -> Self {
        DocumentJson {
            meta: (*view.document).clone(),
            roster: view.roster.clone(),
            passages: view
                .passages
                .iter()
                .map(|p| PassageJson::new(&view.document, p))
                .collect(),
        }
    }
}

/// Search passages.
#[utoipa::path(
    get,
    path = "/api/search",
    operation_id = "search",
    params(
        SearchParams,
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Hits per page."),
        ("offset" = Option<u32>, Query, minimum = 0, maximum = 10000, description = "Index of the first hit."),
    ),
    responses(
        (status = 200, description = "Hits, total and facet counts", body = SearchJson),
        (status = 400, description = "The query or a parameter is malformed", body = crate::error::ErrorJson),
        (status = 414, description = "The address is too long", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchJson>, AppError> {
    let params: SearchParams = from_query(raw.as_deref())?;
    if params.format.is_some() {
        return Err(AppError::BadRequest(
            "`format` belongs to /api/export".into(),
        ));
    }
    let request = params.request(DEFAULT_LIMIT)?;
    let public_url = state.public_url().clone();
    let lang = params.language();
    let json = state
        .run(move |s| {
            s.search(&request)
                .map(|r| SearchJson::new(&r, &public_url, lang))
                .map_err(AppError::from)
        })
        .await?;
    Ok(Json(json))
}

/// One passage with its neighbours and citations.
#[utoipa::path(
    get,
    path = "/api/passages/{id}",
    operation_id = "passage",
    params(
        ("id" = String, Path, description = "The passage id, e.g. kip-2024-yakin-kpu-uji-konsekuensi/t1"),
        PassageParams,
    ),
    responses(
        (status = 200, description = "The passage", body = PassageViewJson),
        (status = 400, description = "A parameter is malformed", body = crate::error::ErrorJson),
        (status = 414, description = "The address is too long", body = crate::error::ErrorJson),
        (status = 404, description = "No such passage", body = crate::error::ErrorJson),
        (status = 410, description = "A correction of its document removed the passage; `nearest` names the nearest passage kept", body = crate::error::ErrorJson),
    )
)]
pub async fn passage(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    // A passage id ends in its position (`…/t14`), never in `similar`.
    if let Some(of) = id.strip_suffix("/similar") {
        return crate::similar::similar(&state, of.to_string(), raw.as_deref())
            .await
            .map(IntoResponse::into_response);
    }
    let params: PassageParams = from_query(raw.as_deref())?;
    let around = around(&params)?;
    let public_url = state.public_url().clone();
    let lang = params.lang.unwrap_or_default();
    state
        .run(
            move |s| match s.passage(&id, around).map_err(AppError::Internal)? {
                Some(v) => Ok(PassageViewJson::new(&v, &public_url, lang)),
                None => Err(missing_passage(s, &id)),
            },
        )
        .await
        .map(|json| Json(json).into_response())
}

/// Why passage `id` cannot be shown: gone, with the nearest passage kept,
/// when a correction of its document removed it; otherwise not found.
pub fn missing_passage(s: &risalah_engine::search::SearchService, id: &str) -> AppError {
    match s.retired(id) {
        Ok(Some(nearest)) => AppError::Gone {
            id: id.to_string(),
            nearest,
        },
        Ok(None) => AppError::NotFound(format!("no passage `{id}`")),
        Err(e) => AppError::Internal(e),
    }
}

/// The `around` parameter, checked (0..=[`MAX_AROUND`]).
pub fn around(params: &PassageParams) -> Result<usize, AppError> {
    match params.around {
        None => Ok(DEFAULT_AROUND),
        Some(n) if n <= MAX_AROUND => Ok(n),
        Some(_) => Err(AppError::BadRequest(format!(
            "`around` must be a whole number from 0 to {MAX_AROUND}"
        ))),
    }
}

/// A whole document.
#[utoipa::path(
    get,
    path = "/api/docs/{id}",
    operation_id = "document",
    params(("id" = String, Path, description = "The document id")),
    responses(
        (status = 200, description = "The document", body = DocumentJson),
        (status = 404, description = "No such document", body = crate::error::ErrorJson),
    )
)]
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentJson>, AppError> {
    let missing = format!("no document `{id}`");
    state
        .run(move |s| {
            s.document(&id)
                .map_err(AppError::Internal)?
                .map(|v| DocumentJson::new(&v))
                .ok_or(AppError::NotFound(missing))
        })
        .await
        .map(Json)
}

/// Documents per page of `/api/docs` unless asked otherwise.
pub const DEFAULT_DOCS_LIMIT: usize = 50;
/// The most documents one page of `/api/docs` holds.
pub const MAX_DOCS_LIMIT: usize = 1000;

/// One document of the list: its metadata, size and address.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DocEntryJson {
    /// The document's metadata.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// How many passages it has.
    #[schema(minimum = 0)]
    pub passages: u64,
    /// The document's page (`/d/{id}`); its JSON is `/api/docs/{id}`.
    pub url: String,
}

/// Documents and passages of one kind.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TallyJson {
    /// The kind: a provenance or a document type.
    pub name: &'static str,
    /// Documents.
    #[schema(minimum = 0)]
    pub documents: usize,
    /// Their passages.
    #[schema(minimum = 0)]
    pub passages: u64,
}

impl TallyJson {
    /// The wire form of the tally of `name`.
    fn new(name: &'static str, t: &Tally) -> Self {
        TallyJson {
            name,
            documents: t.documents,
            passages: t.passages,
        }
    }
}

/// What the index holds.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct SummaryJson {
    /// Documents.
    #[schema(minimum = 0)]
    pub documents: usize,
    /// Passages.
    #[schema(minimum = 0)]
    pub passages: u64,
    /// Distinct case register numbers.
    #[schema(minimum = 0)]
    pub cases: usize,
    /// The earliest document date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub first_date: Option<String>,
    /// The latest document date.
    pub last_date: Option<String>,
    /// Documents and passages by provenance.
    pub by_provenance: Vec<TallyJson>,
    /// Documents and passages by document type.
    pub by_type: Vec<TallyJson>,
}

impl SummaryJson {
    /// The wire form of a corpus summary.
    pub fn new(s: &CorpusSummary) -> Self {
        SummaryJson {
            documents: s.documents,
            passages: s.passages,
            cases: s.cases,
            first_date: s.first_date.map(|d| d.to_string()),
            last_date: s.last_date.map(|d| d.to_string()),
            by_provenance: s
                .by_provenance
                .iter()
                .map(|(p, t)| TallyJson::new(p.as_str(), t))
                .collect(),
            by_type: s
                .by_type
                .iter()
                .map(|(k, t)| TallyJson::new(k.as_str(), t))
                .collect(),
        }
    }
}

/// A page of the document list.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct DocsJson {
    /// Documents in the index.
    #[schema(minimum = 0)]
    pub total: usize,
    /// Index of this page's first document.
    #[schema(minimum = 0)]
    pub offset: usize,
    /// Documents per page asked for.
    #[schema(minimum = 1)]
    pub limit: usize,
    /// This page, in id order.
    pub documents: Vec<DocEntryJson>,
    /// The offset of the next page, when there is one.
    pub next_offset: Option<usize>,
    /// What the index holds, in sum.
    pub summary: SummaryJson,
}

/// Every document of the index, a page at a time, with the corpus summary.
#[utoipa::path(
    get,
    path = "/api/docs",
    operation_id = "documents",
    params(DocsParams),
    responses(
        (status = 200, description = "A page of documents, in id order", body = DocsJson),
        (status = 400, description = "A parameter is malformed", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn documents(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<DocsJson>, AppError> {
    let params: DocsParams = from_query(raw.as_deref())?;
    let limit = match params.limit {
        None => DEFAULT_DOCS_LIMIT,
        Some(n) if (1..=MAX_DOCS_LIMIT).contains(&n) => n,
        Some(_) => {
            return Err(AppError::BadRequest(format!(
                "`limit` must be a whole number from 1 to {MAX_DOCS_LIMIT}"
            )))
        }
    };
    let offset = params.offset.unwrap_or(0);
    let catalog = state
        .run(|s| s.catalog().map_err(AppError::Internal))
        .await?;
    let total = catalog.documents.len();
    let documents: Vec<DocEntryJson> = catalog
        .documents
        .iter()
        .skip(offset)
        .take(limit)
        .map(|d| DocEntryJson {
            meta: d.meta.clone(),
            passages: d.passages,
            url: document_path(&d.meta.id),
        })
        .collect();
    let end = offset.saturating_add(documents.len());
    Ok(Json(DocsJson {
        total,
        offset,
        limit,
        next_offset: (end < total && !documents.is_empty()).then_some(end),
        documents,
        summary: SummaryJson::new(&catalog.summary),
    }))
}

/// The health check's answer.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: &'static str,
    /// Passages in the index.
    #[schema(minimum = 0)]
    pub passages: u64,
}

/// Liveness.
#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "health",
    responses((status = 200, description = "Up", body = Health))
)]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        passages: state.service().passage_count(),
    })
}
