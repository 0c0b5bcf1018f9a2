//! The one error type of the HTTP layer. The status is chosen here; a 5xx is
//! logged and the client sees a generic message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use risalah_engine::search::SearchError;
use serde::Serialize;
use utoipa::ToSchema;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request cannot be served as written (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such passage or document (404).
    #[error("{0}")]
    NotFound(String),
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
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
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

    /// A short machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::NotFound(_) => "not_found",
            AppError::Busy => "busy",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::BadRequest(m) => AppError::BadRequest(m),
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
    /// A short machine-readable code: `bad_request`, `not_found`, `busy`, `internal`.
    pub code: &'static str,
    /// A message for a person.
    pub message: String,
}

impl IntoResponse for AppError {
    /// `{"error": {"code": "...", "message": "..."}}` with the status.
    fn into_response(self) -> Response {
        let status = self.status();
        let body = ErrorJson {
            error: ErrorDetail {
                code: self.code(),
                message: self.public_message(),
            },
        };
        (status, Json(body)).into_response()
    }
}
