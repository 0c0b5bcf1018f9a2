//! The one error type of the HTTP layer. The status is chosen here; a 5xx is
//! logged and the client sees a generic message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use risalah_engine::search::{QueryError, SearchError};
use serde::Serialize;
use utoipa::ToSchema;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request cannot be served as written (400).
    #[error("{0}")]
    BadRequest(String),
    /// A query or filter that cannot be run as written (400); pages say it
    /// in their own language ([`crate::i18n::Lang::query_error`]).
    #[error(transparent)]
    Query(#[from] QueryError),
    /// No such passage or document (404).
    #[error("{0}")]
    NotFound(String),
    /// A passage a correction of its document removed (410), with the
    /// nearest passage kept, if any.
    #[error("passage `{id}` was removed when its document was corrected{}", nearest.as_ref().map(|n| format!("; the nearest passage kept is `{n}`")).unwrap_or_default())]
    Gone {
        /// The retired id.
        id: String,
        /// The nearest passage kept.
        nearest: Option<String>,
    },
    /// A method other than GET (405).
    #[error("method {0} is not allowed; the server is read-only (GET)")]
    MethodNotAllowed(String),
    /// The request's address is too long (414).
    #[error("the address is longer than {} bytes", crate::MAX_URI_BYTES)]
    UriTooLong,
    /// The request's headers are too large (431).
    #[error(
        "the request headers are larger than {} bytes",
        crate::MAX_HEADER_BYTES
    )]
    HeadersTooLarge,
    /// Every search slot stayed busy for too long (503).
    #[error("the server is busy; try again in a moment")]
    Busy,
    /// A failure of ours (500); details go to the log only.
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) | AppError::Query(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::UriTooLong => StatusCode::URI_TOO_LONG,
            AppError::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message a client may see (generic for internal errors, which are logged).
    pub fn public_message(&self) -> String {
        if let AppError::Internal(e) = self {
            tracing::error!("internal error: {e:#}");
        }
        self.to_string()
    }

    /// The message a page in `lang` shows: a query error in that language,
    /// anything else as [`AppError::public_message`].
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        match self {
            AppError::Query(e) => crate::query_message::query_message(lang, e),
            _ => self.public_message(),
        }
    }

    /// A short machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) | AppError::Query(_) => "bad_request",
            AppError::NotFound(_) => "not_found",
            AppError::Gone { .. } => "gone",
            AppError::MethodNotAllowed(_) => "method_not_allowed",
            AppError::UriTooLong => "uri_too_long",
            AppError::HeadersTooLarge => "headers_too_large",
            AppError::Busy => "busy",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::BadRequest(m) => AppError::BadRequest(m),
            SearchError::Query(e) => AppError::Query(e),
            SearchError::Internal(e) => AppError::Internal(e),
        }
    }
}

/// The JSON body of every API error.
#[derive(Serialize, ToSchema)]
pub struct ErrorJson {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The code and message of an API error.
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A short machine-readable code: `bad_request`, `not_found`,
    /// `gone`, `method_not_allowed`, `uri_too_long`, `headers_too_large`,
    /// `busy`, `internal`.
    pub code: &'static str,
    /// A message for a person.
    pub message: String,
    /// For `gone`: the id of the nearest passage kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<String>,
}

impl AppError {
    /// The JSON body of the error.
    pub fn json(&self) -> ErrorJson {
        ErrorJson {
            error: ErrorDetail {
                code: self.code(),
                message: self.public_message(),
                nearest: match self {
                    AppError::Gone { nearest, .. } => nearest.clone(),
                    _ => None,
                },
            },
        }
    }

    /// The JSON body of the error, as text.
    pub fn json_body(&self) -> String {
        serde_json::to_string(&self.json()).unwrap_or_default()
    }
}

impl IntoResponse for AppError {
    /// `{"error": {"code": "...", "message": "..."}}` with the status.
    fn into_response(self) -> Response {
        (self.status(), Json(self.json())).into_response()
    }
}
