//! The one error of the HTML pages: an [`AppError`] with the page's
//! language (and, on the search page, the form as typed), rendered by one
//! `IntoResponse` so handlers use `?`.

use super::layout::{help_line, link, page, search_form};
use crate::error::AppError;
use crate::i18n::{Lang, Text};
use crate::params::SearchParams;
use crate::permalink::permalink_path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

/// A failed page.
#[derive(Debug)]
pub struct PageError {
    /// The interface language of the page.
    pub lang: Lang,
    /// What went wrong.
    pub error: AppError,
    /// The search form to show again, on a search page (boxed: an error
    /// stays small to pass around).
    pub form: Option<Box<SearchParams>>,
    /// The path asked for (named on a not-found page).
    pub path: String,
}

impl PageError {
    /// `error` on the page at `path` in `lang`.
    pub fn new(lang: Lang, path: &str, error: AppError) -> Self {
        PageError {
            lang,
            error,
            form: None,
            path: path.to_string(),
        }
    }

    /// The same error, shown under the search form filled with `params`.
    pub fn with_form(mut self, params: SearchParams) -> Self {
        self.form = Some(Box::new(params));
        self
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let lang = self.lang;
        let status = self.error.status();
        let heading = match status {
            StatusCode::NOT_FOUND => lang.t(Text::NotFound),
            StatusCode::GONE => lang.t(Text::Gone),
            StatusCode::BAD_REQUEST => lang.t(Text::BadQuery),
            StatusCode::SERVICE_UNAVAILABLE => lang.t(Text::Busy),
            s if s.is_client_error() => lang.t(Text::NotServed),
            _ => lang.t(Text::ServerError),
        };
        let message = self.error.message_in(lang);
        let switch = match &self.form {
            Some(form) => form
                .with(|p| p.lang = (lang.other() == Lang::En).then_some(Lang::En))
                .link("/search"),
            None => link(&self.path, lang.other()),
        };
        let body = html! {
            @if let Some(form) = &self.form { (search_form(lang, form)) }
            div id="results" {
                div class="notice error" role="alert" {
                    @if self.form.is_some() { h2 { (heading) } } @else { h1 { (heading) } }
                    @if status == StatusCode::NOT_FOUND {
                        p { code { (self.path) } }
                        p { a href=(link("/", lang)) { (lang.t(Text::Home)) } }
                    } @else if let AppError::Gone { nearest, .. } = &self.error {
                        p { (lang.t(Text::GoneExplained)) }
                        @if let Some(nearest) = nearest {
                            p { a href=(link(&permalink_path(nearest), lang)) rel="nearest" { (lang.t(Text::NearestKept)) } }
                        }
                    } @else {
                        p { (message) }
                    }
                    @if status == StatusCode::BAD_REQUEST { p class="hint" { (help_line(lang)) } }
                }
            }
        };
        (status, page(lang, heading, &switch, body)).into_response()
    }
}
