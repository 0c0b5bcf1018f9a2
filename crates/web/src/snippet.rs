//! A snippet as HTML: every piece of the passage's text escaped, `<mark>`
//! around the matched words, `…` where the fragment is cut.

use maud::{html, Markup};
use risalah_engine::search::snippet::Snippet;

/// The snippet as markup.
pub fn markup(snippet: &Snippet) -> Markup {
    html! {
        @if snippet.cut_before { "…" }
        @for piece in &snippet.pieces {
            @if piece.highlighted { mark { (piece.text) } } @else { (piece.text) }
        }
        @if snippet.cut_after { "…" }
    }
}

/// The snippet as an HTML string (the API's `snippet_html`).
pub fn html(snippet: &Snippet) -> String {
    markup(snippet).into_string()
}
