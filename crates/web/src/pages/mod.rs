//! The HTML pages, rendered on the server so each works without JavaScript
//! and every result has a link that can be shared and archived. Everything
//! from the corpus or the request is escaped by maud; no page trusts
//! pre-built HTML.

mod browse;
mod document;
mod error;
mod layout;
mod parts;
mod passage;
mod search;

pub use browse::browse;
pub use document::document;
pub use error::PageError;
pub use passage::passage;
pub use search::{search, PAGE_SIZE};

use crate::error::AppError;
use crate::params::sniff_lang;

/// The fallback for unknown paths: a 404 page.
pub async fn not_found(uri: axum::http::Uri) -> PageError {
    let lang = sniff_lang(uri.query());
    PageError::new(lang, uri.path(), AppError::NotFound(uri.path().to_string()))
}
