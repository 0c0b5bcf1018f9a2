//! Highlighted snippets: a fragment of the passage exactly as published, with
//! `<mark>` around the matched words and everything else HTML-escaped.

use maud::html;
use tantivy::snippet::Snippet;

/// The length of a snippet fragment, in characters.
pub const SNIPPET_CHARS: usize = 280;

/// Renders a snippet of `text` as escaped HTML, with `…` where the fragment
/// is cut from a longer text. Without highlights, the start of the text.
pub fn render(text: &str, snippet: &Snippet) -> String {
    if snippet.is_empty() || snippet.highlighted().is_empty() {
        return render_plain(text);
    }
    let range = snippet.fragment_range();
    // Widen the fragment over punctuation the snippet generator leaves out
    // at either end (a closing `?`, an opening quote), never over words.
    let start = if text
        .get(..range.start)
        .is_some_and(|head| !head.chars().any(char::is_alphanumeric))
    {
        0
    } else {
        range.start
    };
    let end = if text
        .get(range.end..)
        .is_some_and(|tail| !tail.chars().any(char::is_alphanumeric))
    {
        text.len()
    } else {
        range.end
    };
    let Some(fragment) = text.get(start..end) else {
        return render_plain(text);
    };
    let shift = range.start - start;
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for hit in snippet.highlighted() {
        let (hit_start, hit_end) = (hit.start + shift, hit.end + shift);
        let (Some(before), Some(marked)) = (
            fragment.get(at..hit_start),
            fragment.get(hit_start..hit_end),
        ) else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((marked, true));
        at = hit_end;
    }
    pieces.push((fragment.get(at..).unwrap_or(""), false));
    html! {
        @if start > 0 { "…" }
        @for (piece, marked) in &pieces {
            @if *marked { mark { (piece) } } @else { (piece) }
        }
        @if end < text.len() { "…" }
    }
    .into_string()
}

/// The start of `text`, escaped, cut at a word boundary near [`SNIPPET_CHARS`].
pub fn render_plain(text: &str) -> String {
    let cut = text
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map(|(i, _)| text[..i].rfind(' ').unwrap_or(i));
    match cut {
        Some(i) => html! { (&text[..i]) "…" }.into_string(),
        None => html! { (text) }.into_string(),
    }
}
