//! Query-string parameters, read leniently as bytes and validated into a
//! search request, so every problem becomes a 400 with a message instead of a
//! framework rejection.

use super::error::AppError;
use super::i18n::Lang;
use crate::model::{DocType, Role};
use crate::search::query::{period, DateRange, Filters};
use crate::search::SearchRequest;

/// The parameters a search page or API call may carry.
pub const SEARCH_PARAMS: &[&str] = &[
    "q", "role", "speaker", "case", "type", "from", "to", "limit", "offset", "lang", "format",
];

/// The decoded `key=value` pairs of a query string, in order.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

/// The first value of `key`.
pub fn first<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The interface language of a request.
pub fn lang(pairs: &[(String, String)]) -> Lang {
    Lang::from_param(first(pairs, "lang"))
}

/// Every non-empty value of `key`, comma-separated values split.
fn values<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Builds the search request of a query string; `default_limit` applies when
/// `limit` is absent.
pub fn search_request(
    pairs: &[(String, String)],
    default_limit: usize,
) -> Result<SearchRequest, AppError> {
    if let Some((key, _)) = pairs
        .iter()
        .find(|(k, _)| !SEARCH_PARAMS.contains(&k.as_str()))
    {
        return Err(AppError::BadRequest(format!(
            "unknown parameter `{key}` (known: {})",
            SEARCH_PARAMS.join(", ")
        )));
    }
    let roles = values(pairs, "role")
        .into_iter()
        .map(|r| r.parse::<Role>().map_err(AppError::BadRequest))
        .collect::<Result<Vec<_>, _>>()?;
    let doc_types = values(pairs, "type")
        .into_iter()
        .map(|t| t.parse::<DocType>().map_err(AppError::BadRequest))
        .collect::<Result<Vec<_>, _>>()?;
    let date = |key: &str, end: bool| -> Result<Option<String>, AppError> {
        match first(pairs, key).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => period(v)
                .map(|(a, b)| Some(if end { b } else { a }))
                .map_err(|e| AppError::BadRequest(format!("{key}: {e}"))),
        }
    };
    let number = |key: &str, default: usize| -> Result<usize, AppError> {
        match first(pairs, key).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(default),
            Some(v) => v.parse::<usize>().map_err(|_| {
                AppError::BadRequest(format!("`{key}` must be a whole number, not `{v}`"))
            }),
        }
    };
    let text = |key: &str| -> Vec<String> {
        first(pairs, key)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| vec![v.to_string()])
            .unwrap_or_default()
    };
    if let Some(lang) = first(pairs, "lang") {
        if !matches!(lang, "id" | "en") {
            return Err(AppError::BadRequest(format!(
                "`lang` is `id` or `en`, not `{lang}`"
            )));
        }
    }
    let limit = number("limit", default_limit)?;
    if limit == 0 {
        return Err(AppError::BadRequest("`limit` must be at least 1".into()));
    }
    Ok(SearchRequest {
        q: first(pairs, "q").unwrap_or("").to_string(),
        filters: Filters {
            roles,
            speakers: text("speaker"),
            cases: text("case"),
            doc_types,
            dates: DateRange {
                from: date("from", false)?,
                to: date("to", true)?,
            },
        },
        limit,
        offset: number("offset", 0)?,
    })
}
