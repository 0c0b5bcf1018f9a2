//! The glossary (`/glosarium`): the field's terms, each with a short
//! definition, the laws it rests on (a link to each one the index cites)
//! and a link to search it. The terms live in `data/glossary.tsv`.

use super::error::PageError;
use super::layout::{link, page};
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::SearchParams;
use crate::permalink::law_path;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::html;
use risalah_engine::legal::law;
use risalah_engine::search::{Filters, SearchRequest};
use std::sync::LazyLock;

/// One term of the glossary.
struct Term {
    anchor: &'static str,
    term: &'static str,
    laws: Vec<&'static str>,
    search: &'static str,
    definition_id: &'static str,
    definition_en: &'static str,
}

/// The terms, in the order of the data file.
static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| {
    include_str!("../data/glossary.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let [anchor, term, laws, search, definition_id, definition_en] = c.as_slice() else {
                return None;
            };
            Some(Term {
                anchor,
                term,
                laws: laws.split(',').filter(|s| !s.is_empty()).collect(),
                search,
                definition_id,
                definition_en,
            })
        })
        .collect()
});

/// `GET /glosarium`.
pub async fn glossary(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let path = "/glosarium";
    let lang = super::page_lang(raw.as_deref(), path)?;
    let laws: Vec<String> = TERMS
        .iter()
        .flat_map(|t| t.laws.iter().map(|l| l.to_string()))
        .collect();
    // Which laws the index cites: only those get a link to their page.
    let cited = state
        .run(move |s| {
            laws.into_iter()
                .map(|id| {
                    let request = SearchRequest {
                        filters: Filters {
                            laws: vec![id.clone()],
                            ..Filters::default()
                        },
                        ..Default::default()
                    };
                    Ok((id, s.count(&request)? > 0))
                })
                .collect::<Result<std::collections::HashMap<String, bool>, AppError>>()
        })
        .await
        .map_err(|e| PageError::new(lang, path, e))?;
    let lang_param = (lang == Lang::En).then_some(Lang::En);
    let body = html! {
        h1 { (lang.t(Text::Glossary)) }
        p class="intro" { (lang.t(Text::GlossaryIntro)) }
        nav class="glossary-index" aria-label=(lang.t(Text::Glossary)) {
            @for (i, t) in TERMS.iter().enumerate() {
                @if i > 0 { " · " }
                a href={ "#" (t.anchor) } { (t.term.split(" (").next().unwrap_or(t.term)) }
            }
        }
        dl class="glossary" {
            @for t in TERMS.iter() {
                dt id=(t.anchor) lang=[lang.corpus_lang()] { (t.term) }
                dd {
                    p { (if lang == Lang::En { t.definition_en } else { t.definition_id }) }
                    p class="hint" {
                        (lang.t(Text::LegalBasis)) ": "
                        @for (i, id) in t.laws.iter().enumerate() {
                            @if i > 0 { ", " }
                            @if cited.get(*id).copied().unwrap_or(false) {
                                a href=(link(&law_path(id), lang)) { (law::label(id)) }
                            } @else {
                                (law::label(id))
                            }
                        }
                        " · "
                        a href=(SearchParams { q: t.search.to_string(), lang: lang_param, ..SearchParams::default() }.link("/search")) {
                            (lang.t(Text::SearchTerm)) ": " code { (t.search) }
                        }
                    }
                }
            }
        }
    };
    let switch = link(path, lang.other());
    Ok(page(lang, lang.t(Text::Glossary), &switch, body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_of_the_data_file_is_read_with_valid_law_ids() {
        assert!(TERMS.len() >= 11, "{} terms", TERMS.len());
        for t in TERMS.iter() {
            assert!(!t.laws.is_empty(), "{}", t.anchor);
            for id in &t.laws {
                assert_eq!(law::id_of(id).as_deref(), Some(*id), "{}", t.anchor);
            }
            assert!(!t.definition_id.is_empty() && !t.definition_en.is_empty());
        }
    }
}
