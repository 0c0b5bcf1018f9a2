//! The web app and JSON API on axum: routes, shared state, security headers,
//! request limits; the server loop with its timeouts is in [`server`]. Search is CPU work, so every engine call
//! runs in `spawn_blocking`, bounded by a semaphore sized to the cores.
//! The server is read-only: nothing here writes the index.

pub mod api;
pub mod assets;
pub mod citation;
pub mod error;
pub mod export;
pub mod feed;
pub mod i18n;
pub mod legal;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod permalink;
pub mod query_message;
pub mod server;
pub mod similar;
pub mod snippet;
pub mod speakers;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use error::AppError;
use permalink::PublicUrl;
use risalah_engine::search::SearchService;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a search waits for a free slot before it is answered 503.
pub const QUEUE_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest request body accepted (the API takes none).
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// The longest request address accepted. A query is at most 1,000
/// characters, which percent-encoded can take 12 KiB; with the other
/// parameters an address may need several times that, and an over-long
/// parameter is answered 400 with its name rather than 414.
pub const MAX_URI_BYTES: usize = 32 * 1024;
/// The most bytes of request headers accepted.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The Content-Security-Policy of every response: own scripts and styles only.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    service: Arc<SearchService>,
    permits: Arc<Semaphore>,
    exports: Arc<Semaphore>,
    public_url: PublicUrl,
}

impl AppState {
    /// State over `service`, running at most `concurrency` engine calls at
    /// once and streaming at most twice as many exports; citations make
    /// permalinks absolute with `public_url`.
    pub fn new(service: SearchService, concurrency: usize, public_url: PublicUrl) -> Self {
        let concurrency = concurrency.max(1);
        AppState {
            service: Arc::new(service),
            permits: Arc::new(Semaphore::new(concurrency)),
            exports: Arc::new(Semaphore::new(concurrency * 2)),
            public_url,
        }
    }

    /// The search service (for cheap, non-blocking reads).
    pub fn service(&self) -> &SearchService {
        &self.service
    }

    /// The public address of permalinks.
    pub fn public_url(&self) -> &PublicUrl {
        &self.public_url
    }

    async fn permit(&self) -> Result<OwnedSemaphorePermit, AppError> {
        tokio::time::timeout(QUEUE_TIMEOUT, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| AppError::Busy)?
            .map_err(|_| AppError::Busy)
    }

    /// Runs `f` on the blocking pool once a slot is free, and waits for it.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&SearchService) -> Result<T, AppError> + Send + 'static,
    {
        let permit = self.permit().await?;
        let service = Arc::clone(&self.service);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(&service)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("search task failed: {e}")))?
    }

    /// A slot for one streamed export, or 503 when every slot stays taken
    /// for [`QUEUE_TIMEOUT`]. Exports hold a slot while they stream, never a
    /// search slot while they wait for the client.
    pub async fn export_slot(&self) -> Result<OwnedSemaphorePermit, AppError> {
        tokio::time::timeout(QUEUE_TIMEOUT, Arc::clone(&self.exports).acquire_owned())
            .await
            .map_err(|_| AppError::Busy)?
            .map_err(|_| AppError::Busy)
    }
}

/// The headers every response carries, whoever answers it.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
];

/// [`SECURITY_HEADERS`] as raw HTTP header lines, for answers written
/// before any request is read (a connection over the cap).
pub(crate) fn security_headers_text() -> String {
    SECURITY_HEADERS
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect()
}

async fn add_security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

/// Refuses a request whose address or headers are too long, with a 414 or
/// 431 that carries the same headers as every other answer.
async fn limit_head(request: Request, next: Next) -> Response {
    if request.uri().to_string().len() > MAX_URI_BYTES {
        return AppError::UriTooLong.into_response();
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return AppError::HeadersTooLarge.into_response();
    }
    next.run(request).await
}

/// Whether `path` belongs to the JSON side (whose errors are JSON).
fn is_api(path: &str) -> bool {
    path.starts_with("/api/") || path == "/api" || path == "/openapi.json" || path == "/healthz"
}

/// The fallback for unknown paths: a JSON 404 under `/api/`, else a page.
async fn not_found(uri: Uri) -> Response {
    if is_api(uri.path()) {
        AppError::NotFound(format!("no route `{}`", uri.path())).into_response()
    } else {
        pages::not_found(uri).await.into_response()
    }
}

/// A method other than GET on a known path: 405, JSON or a page.
async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let error = AppError::MethodNotAllowed(method.to_string());
    if is_api(uri.path()) {
        error.into_response()
    } else {
        pages::PageError::new(params::sniff_lang(uri.query()), uri.path(), error).into_response()
    }
}

/// The whole application: pages, API, assets, with its middleware. The
/// security headers are the outermost layer, so every answer carries them.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/p/{*id}", get(pages::passage))
        .route("/d/{id}", get(pages::document))
        .route("/browse", get(pages::browse))
        .route("/glosarium", get(pages::glossary))
        .route("/feed", get(feed::feed))
        .route("/c/{*register}", get(pages::case))
        .route("/law/{*id}", get(pages::law))
        .route("/s/{*name}", get(pages::speaker))
        .route("/static/{file}", get(assets::serve))
        .route("/api/search", get(api::search))
        .route("/api/passages/{*id}", get(api::passage))
        .route("/api/docs", get(api::documents))
        .route("/api/docs/{id}", get(api::document))
        .route("/api/cases/{*register}", get(legal::case))
        .route("/api/laws/{*id}", get(legal::law))
        .route("/api/speakers", get(speakers::speakers))
        .route("/api/export", get(export::export))
        .route("/openapi.json", get(openapi::serve))
        .route("/healthz", get(api::health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(middleware::from_fn(limit_head))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::map_response(add_security_headers))
        .layer(TraceLayer::new_for_http())
}

/// Serves `state` on `addr` with the default limits until Ctrl-C or
/// SIGTERM, finishing requests in flight.
pub async fn serve(addr: std::net::SocketAddr, state: AppState) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    eprintln!(
        "risalah: serving {} passages on http://{} — stop with Ctrl-C",
        state.service().passage_count(),
        listener.local_addr()?
    );
    let config = server::ServeConfig::default();
    server::serve_with(listener, router(state), config, server::shutdown_signal()).await?;
    Ok(())
}
