//! The HTML pages, rendered on the server so each works without JavaScript
//! and every result has a link that can be shared and archived. Everything
//! from the corpus or the request is escaped by maud; no page trusts
//! pre-built HTML.

mod browse;
mod case;
mod document;
mod error;
mod glossary;
mod law;
mod layout;
mod parts;
mod passage;
mod search;
mod speaker;

pub use browse::browse;
pub use case::case;
pub use document::document;
pub use error::PageError;
pub use glossary::glossary;
pub use law::law;
pub use passage::passage;
pub use search::{search, PAGE_SIZE};
pub use speaker::speaker;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::params::{from_query, sniff_lang, LangParams};

/// The language of a page that takes no parameter but `lang`: a page in
/// the language asked for (or sniffed) when the parameters are bad.
fn page_lang(raw: Option<&str>, path: &str) -> Result<Lang, PageError> {
    let sniffed = sniff_lang(raw);
    let params: LangParams = from_query(raw).map_err(|e| PageError::new(sniffed, path, e))?;
    Ok(params.lang.unwrap_or_default())
}

/// The fallback for unknown paths: a 404 page.
pub async fn not_found(uri: axum::http::Uri) -> PageError {
    let lang = sniff_lang(uri.query());
    PageError::new(lang, uri.path(), AppError::NotFound(uri.path().to_string()))
}
