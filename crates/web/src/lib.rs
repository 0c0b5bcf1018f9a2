//! The web app and JSON API on axum: routes, shared state, security headers,
//! timeouts and graceful shutdown. Search is CPU work, so every engine call
//! runs in `spawn_blocking`, bounded by a semaphore sized to the cores.
//! The server is read-only: nothing here writes the index.

pub mod api;
pub mod assets;
pub mod citation;
pub mod error;
pub mod export;
pub mod i18n;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod permalink;
pub mod snippet;

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use error::AppError;
use permalink::PublicUrl;
use risalah_engine::search::SearchService;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a search waits for a free slot before it is answered 503.
pub const QUEUE_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest request body accepted (the API takes none).
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The Content-Security-Policy of every response: own scripts and styles only.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    service: Arc<SearchService>,
    permits: Arc<Semaphore>,
    public_url: PublicUrl,
}

impl AppState {
    /// State over `service`, running at most `concurrency` engine calls at
    /// once; citations make permalinks absolute with `public_url`.
    pub fn new(service: SearchService, concurrency: usize, public_url: PublicUrl) -> Self {
        AppState {
            service: Arc::new(service),
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
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

    /// Starts `f` on the blocking pool once a slot is free, without waiting for
    /// it to finish (for streamed exports); the slot is held until `f` returns.
    pub async fn spawn<F>(&self, f: F) -> Result<(), AppError>
    where
        F: FnOnce(&SearchService) + Send + 'static,
    {
        let permit = self.permit().await?;
        let service = Arc::clone(&self.service);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f(&service);
        });
        Ok(())
    }
}

/// The whole application: pages, API, assets, with its middleware.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/p/{*id}", get(pages::passage))
        .route("/d/{id}", get(pages::document))
        .route("/static/{file}", get(assets::serve))
        .route("/api/search", get(api::search))
        .route("/api/passages/{*id}", get(api::passage))
        .route("/api/docs/{id}", get(api::document))
        .route("/api/export", get(export::export))
        .route("/openapi.json", get(openapi::serve))
        .route("/healthz", get(api::health))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http())
}

/// Serves `state` on `addr` until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(addr: std::net::SocketAddr, state: AppState) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr()?;
    tracing::info!(
        "serving http://{local} ({} passages); stop with Ctrl-C",
        state.service().passage_count()
    );
    eprintln!("risalah: serving http://{local} — stop with Ctrl-C");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
