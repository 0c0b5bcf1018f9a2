//! The browse page (`/browse`): the documents by outcome, and every
//! document by commission, year and month, with counts, each a link to the
//! search that lists them.

use super::error::PageError;
use super::layout::{link, page};
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::SearchParams;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use risalah_engine::model::commission::commission_key;
use risalah_engine::model::Outcome;
use risalah_engine::search::catalog::Catalog;
use std::collections::BTreeMap;
use strum::VariantArray;

/// Documents per month, per year, of one commission.
#[derive(Default)]
struct Shelf {
    documents: usize,
    undated: usize,
    /// Year → (documents, month → documents); a year-only date counts in
    /// the year, not in a month.
    years: BTreeMap<i32, (usize, BTreeMap<u8, usize>)>,
}

/// The catalog's documents by commission (by name as the corpus writes it;
/// documents without one last), each a [`Shelf`].
fn shelves(catalog: &Catalog) -> Vec<(Option<String>, Shelf)> {
    let mut by: BTreeMap<Option<String>, Shelf> = BTreeMap::new();
    for entry in &catalog.documents {
        let shelf = by.entry(entry.meta.commission.clone()).or_default();
        shelf.documents += 1;
        match entry.meta.date {
            None => shelf.undated += 1,
            Some(date) => {
                let first = date.first_day();
                let year = shelf.years.entry(first.year()).or_default();
                year.0 += 1;
                if date.precision() != risalah_engine::model::date::Precision::Year {
                    *year.1.entry(u8::from(first.month())).or_default() += 1;
                }
            }
        }
    }
    let mut out: Vec<(Option<String>, Shelf)> = by.into_iter().collect();
    out.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then(b.1.documents.cmp(&a.1.documents))
            .then(a.0.cmp(&b.0))
    });
    out
}

/// `GET /browse`.
pub async fn browse(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let lang = super::page_lang(raw.as_deref(), "/browse")?;
    let catalog = state
        .run(|s| s.catalog().map_err(AppError::Internal))
        .await
        .map_err(|e| PageError::new(lang, "/browse", e))?;
    let switch = link("/browse", lang.other());
    let title = lang.t(Text::Browse);
    let body = html! {
        h1 { (title) }
        @if catalog.documents.is_empty() {
            p { (lang.t(Text::EmptyIndex)) }
        }
        (outcomes(lang, &catalog))
        @for (commission, shelf) in shelves(&catalog) {
            (shelf_section(lang, commission.as_deref(), &shelf))
        }
    };
    Ok(page(lang, title, &switch, body).into_response())
}

/// The documents that state an outcome, by outcome, each a link to search
/// them; nothing when none does.
fn outcomes(lang: Lang, catalog: &Catalog) -> Markup {
    let counts: Vec<(Outcome, usize)> = Outcome::VARIANTS
        .iter()
        .map(|&o| {
            let n = catalog
                .documents
                .iter()
                .filter(|e| e.meta.outcome == Some(o))
                .count();
            (o, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let search = |o: Outcome| {
        SearchParams {
            outcome: vec![o.as_str().to_string()],
            lang: (lang == Lang::En).then_some(Lang::En),
            ..SearchParams::default()
        }
        .link("/search")
    };
    html! {
        @if !counts.is_empty() {
            section class="shelf outcomes" {
                h2 { (lang.t(Text::ByOutcome)) }
                ul {
                    @for (o, n) in counts {
                        li {
                            a href=(search(o)) { (lang.outcome(o)) }
                            " " span class="count" { "(" (lang.count(n as u64, Text::DocumentsWord)) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// One commission's documents by year and month.
fn shelf_section(lang: Lang, commission: Option<&str>, shelf: &Shelf) -> Markup {
    let key = commission.map(commission_key).filter(|k| !k.is_empty());
    let search = |from: Option<String>| {
        SearchParams {
            commission: key.iter().cloned().collect(),
            from: from.clone(),
            to: from,
            lang: (lang == Lang::En).then_some(Lang::En),
            ..SearchParams::default()
        }
        .link("/search")
    };
    let count = |n: usize| lang.count(n as u64, Text::DocumentsWord);
    html! {
        section class="shelf" {
            h2 {
                @match (commission, &key) {
                    (Some(name), Some(_)) => a href=(search(None)) { (name) },
                    (Some(name), None) => (name),
                    (None, _) => (lang.t(Text::NoCommission)),
                }
                " " span class="count" { (count(shelf.documents)) }
            }
            ul class="years" {
                @for (year, (n, months)) in shelf.years.iter().rev() {
                    li {
                        @if key.is_some() {
                            a href=(search(Some(year.to_string()))) { (year) }
                        } @else { (year) }
                        " " span class="count" { "(" (count(*n)) ")" }
                        @if !months.is_empty() {
                            ul class="months" {
                                @for (month, m) in months {
                                    li {
                                        @let period = format!("{year}-{month:02}");
                                        @if key.is_some() {
                                            a href=(search(Some(period.clone()))) aria-label={ (lang.month(*month)) " " (year) " · " (commission.unwrap_or_default()) } { (lang.month(*month)) }
                                        } @else { (lang.month(*month)) }
                                        " " span class="count" { "(" (count(*m)) ")" }
                                    }
                                }
                            }
                        }
                    }
                }
                @if shelf.undated > 0 {
                    li { (lang.t(Text::Undated)) " " span class="count" { "(" (shelf.undated) ")" } }
                }
            }
        }
    }
}
