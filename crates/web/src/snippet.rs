//! A snippet as HTML: every piece of the passage's text escaped, `<mark>`
//! around the matched words, `…` where the fragment is cut.

use crate::i18n::{corpus_text, Lang};
use maud::{html, Markup};
use risalah_engine::search::snippet::Snippet;

/// The snippet as markup, masked personal data shown in `lang`.
pub fn markup(lang: Lang, snippet: &Snippet) -> Markup {
    html! {
        @if snippet.cut_before { "…" }
        @for piece in &snippet.pieces {
            @let text = corpus_text(lang, &piece.text);
            @if piece.highlighted { mark { (text) } } @else { (text) }
        }
        @if snippet.cut_after { "…" }
    }
}

/// The snippet as an HTML string (the API's `snippet_html`, in the stored
/// language).
pub fn html(snippet: &Snippet) -> String {
    markup(Lang::Id, snippet).into_string()
}
