//! `GET /feed?q=…&role=…`: an Atom 1.0 feed of the newest passages matching
//! a search (the search page's parameters), so a journalist can follow a
//! question in a feed reader. Every corpus- and user-supplied value is
//! escaped for XML.

use crate::error::AppError;
use crate::params::{from_query, SearchParams};
use crate::permalink::PublicUrl;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use risalah_engine::model::DocDate;
use risalah_engine::search::{Hit, SearchResults, Sort};
use std::fmt::Write;

/// The entries a feed holds.
pub const FEED_ENTRIES: usize = 20;

/// `text` escaped for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // maud's escaper covers the five characters XML needs escaped.
    let _ = maud::Escaper::new(&mut out).write_str(text);
    out
}

/// A document date as an Atom timestamp (its first day, at midnight UTC).
fn timestamp(date: Option<DocDate>) -> String {
    match date {
        Some(d) => format!("{}T00:00:00Z", d.first_day()),
        None => "1970-01-01T00:00:00Z".to_string(),
    }
}

/// One entry: the passage, who speaks, its document and date.
fn entry(hit: &Hit, public_url: &PublicUrl) -> String {
    let p = &hit.passage.passage;
    let d = &hit.document;
    let link = public_url.permalink(&hit.passage.id);
    let who = p
        .speaker
        .as_deref()
        .or_else(|| p.attributions.first().and_then(|a| a.who()));
    let title = match who {
        Some(w) => format!("{w} — {}", d.title),
        None => d.title.clone(),
    };
    let author = who
        .or(d.publisher.as_deref())
        .or(d.commission.as_deref())
        .unwrap_or("risalah");
    format!(
        "  <entry>\n    <id>{id}</id>\n    <title>{title}</title>\n    <updated>{updated}</updated>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{id}\"/>\n    <author><name>{author}</name></author>\n    <summary>{summary}</summary>\n  </entry>\n",
        id = xml(&link),
        title = xml(&title),
        updated = timestamp(d.date),
        author = xml(author),
        summary = xml(&p.text),
    )
}

/// The feed of `results`, the search `params` under `public_url`.
pub fn atom(results: &SearchResults, params: &SearchParams, public_url: &PublicUrl) -> String {
    let self_url = public_url.absolute(&params.link("/feed"));
    let page_url = public_url.absolute(&params.with(|p| p.sort = None).link("/search"));
    let title = if params.q.trim().is_empty() {
        "risalah".to_string()
    } else {
        format!("risalah: {}", params.q.trim())
    };
    let updated = results
        .hits
        .iter()
        .filter_map(|h| h.document.date)
        .max_by_key(|d| d.first_day());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = write!(
        out,
        "  <id>{id}</id>\n  <title>{title}</title>\n  <updated>{updated}</updated>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{id}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n  <generator>risalah</generator>\n",
        id = xml(&self_url),
        title = xml(&title),
        updated = timestamp(updated),
        page = xml(&page_url),
    );
    for hit in &results.hits {
        out.push_str(&entry(hit, public_url));
    }
    out.push_str("</feed>\n");
    out
}

/// `GET /feed`: the newest [`FEED_ENTRIES`] passages of a search, as Atom.
pub async fn feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let params: SearchParams = from_query(raw.as_deref())?;
    if params.format.is_some() || params.offset.is_some() || params.limit.is_some() {
        return Err(AppError::BadRequest(
            "a feed holds the newest passages: `format`, `offset` and `limit` do not apply".into(),
        ));
    }
    let mut request = params.request(FEED_ENTRIES)?;
    request.sort = Sort::Newest;
    let results = state
        .run(move |s| s.search(&request).map_err(AppError::from))
        .await?;
    let body = atom(&results, &params, state.public_url());
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
