//! The HTML pages, rendered on the server so each works without JavaScript
//! and every result has a link that can be shared and archived. Everything
//! from the corpus or the request is escaped by maud; the only pre-escaped
//! markup is a snippet, which the search module builds escaped.

use super::error::AppError;
use super::i18n::{Lang, Text};
use super::params;
use super::AppState;
use crate::index::document::StoredPassage;
use crate::model::{AttributionMode, DocType, Role};
use crate::search::citation::permalink_path;
use crate::search::service::{Hit, Neighbour};
use crate::search::SearchResponse;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// Hits per page on the search page.
pub const PAGE_SIZE: usize = 10;

/// The values of the search form, as typed, to show back.
#[derive(Default)]
struct FormValues {
    q: String,
    roles: Vec<String>,
    speaker: String,
    case: String,
    doc_type: String,
    from: String,
    to: String,
}

impl FormValues {
    fn of(pairs: &[(String, String)]) -> Self {
        let get = |k: &str| params::first(pairs, k).unwrap_or("").to_string();
        FormValues {
            q: get("q"),
            roles: pairs
                .iter()
                .filter(|(k, _)| k == "role")
                .flat_map(|(_, v)| v.split(','))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
                .collect(),
            speaker: get("speaker"),
            case: get("case"),
            doc_type: get("type"),
            from: get("from"),
            to: get("to"),
        }
    }

    /// The query-string pairs of these values, without empty ones.
    fn pairs(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut push = |k: &'static str, v: &str| {
            if !v.is_empty() {
                out.push((k, v.to_string()));
            }
        };
        push("q", &self.q);
        for role in &self.roles {
            push("role", role);
        }
        push("speaker", &self.speaker);
        push("case", &self.case);
        push("type", &self.doc_type);
        push("from", &self.from);
        push("to", &self.to);
        if lang == Lang::En {
            push("lang", "en");
        }
        out
    }
}

/// `path?key=value&…`, encoded.
fn url(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    format!("{path}?{}", s.finish())
}

/// A link to `path` in the current language.
fn link(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => path.to_string(),
        Lang::En => url(path, &[("lang", "en".to_string())]),
    }
}

fn layout(lang: Lang, title: &str, switch_href: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — risalah" }
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a class="skip" href="#main" { (if lang == Lang::En { "Skip to content" } else { "Langsung ke isi" }) }
                header class="site" {
                    a class="brand" href=(link("/", lang)) { "risalah" }
                    span class="tagline" { (lang.t(Text::Tagline)) }
                    a class="lang" href=(switch_href) hreflang=(lang.other().code()) lang=(lang.other().code()) { (lang.other().name()) }
                }
                main id="main" { (body) }
                footer class="site" {
                    a href=(link("/", lang)) { (lang.t(Text::Home)) }
                    " · "
                    a href="/openapi.json" { "API (OpenAPI)" }
                }
            }
        }
    }
}

fn search_form(lang: Lang, values: &FormValues) -> Markup {
    html! {
        form class="search" method="get" action="/search" role="search" data-instant="true" {
            @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
            div class="query" {
                label for="q" { (lang.t(Text::SearchLabel)) }
                input id="q" name="q" type="search" value=(values.q) placeholder=(lang.t(Text::SearchPlaceholder)) maxlength="1000" autocomplete="off" autofocus;
                button type="submit" { (lang.t(Text::SearchButton)) }
            }
            details class="filters" open[has_filters(values)] {
                summary { (lang.t(Text::Filters)) }
                div class="grid" {
                    label { (lang.t(Text::Role))
                        select name="role" {
                            option value="" { (lang.t(Text::AllRoles)) }
                            @for role in Role::ALL {
                                option value=(role.as_str()) selected[values.roles.iter().any(|r| r == role.as_str())] { (lang.role(role)) }
                            }
                        }
                    }
                    label { (lang.t(Text::Speaker)) input name="speaker" type="text" value=(values.speaker); }
                    label { (lang.t(Text::Case)) input name="case" type="text" value=(values.case); }
                    label { (lang.t(Text::DocType))
                        select name="type" {
                            option value="" { (lang.t(Text::AnyType)) }
                            @for t in DocType::ALL {
                                option value=(t.as_str()) selected[values.doc_type == t.as_str()] { (lang.doc_type(t)) }
                            }
                        }
                    }
                    label { (lang.t(Text::From)) input name="from" type="text" inputmode="numeric" placeholder="2024-03" value=(values.from); }
                    label { (lang.t(Text::To)) input name="to" type="text" inputmode="numeric" placeholder="2024-12-31" value=(values.to); }
                }
            }
        }
    }
}

fn has_filters(v: &FormValues) -> bool {
    !(v.roles.is_empty()
        && v.speaker.is_empty()
        && v.case.is_empty()
        && v.doc_type.is_empty()
        && v.from.is_empty()
        && v.to.is_empty())
}

fn switch_lang(path: &str, values: &FormValues, lang: Lang) -> String {
    url(path, &values.pairs(lang.other()))
}

/// `GET /` and `GET /search`.
pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs = params::pairs(raw.as_deref());
    let lang = params::lang(&pairs);
    let values = FormValues::of(&pairs);
    let switch = switch_lang("/search", &values, lang);
    let request = match params::search_request(&pairs, PAGE_SIZE) {
        Ok(r) => r,
        Err(e) => return search_error(lang, &values, &switch, e),
    };
    if request.q.trim().is_empty() && request.filters.is_empty() {
        let body = html! {
            (search_form(lang, &values))
            section class="intro" {
                p { (lang.t(Text::Intro)) }
                h2 { (lang.t(Text::Examples)) }
                ul class="examples" {
                    @for example in ["apa kata majelis soal kontrak Alibaba", "\"uji konsekuensi\"", "role:termohon dikecualikan", "putusan KIP"] {
                        li { a href=(url("/search", &[("q", example.to_string())].into_iter().chain((lang == Lang::En).then(|| ("lang", "en".to_string()))).collect::<Vec<_>>())) { (example) } }
                    }
                }
                h2 { (lang.t(Text::Help)) }
                p class="hint" { (help_line(lang)) }
            }
            div id="results" {}
        };
        return layout(lang, "risalah", &switch, body).into_response();
    }
    let offset = request.offset;
    let limit = request.limit;
    let response = match state
        .run(move |s| s.search(&request).map_err(AppError::from))
        .await
    {
        Ok(r) => r,
        Err(e) => return search_error(lang, &values, &switch, e),
    };
    let title = if values.q.is_empty() {
        lang.t(Text::Results).to_string()
    } else {
        values.q.clone()
    };
    let body = html! {
        (search_form(lang, &values))
        (results(lang, &values, &response, offset, limit))
    };
    layout(lang, &title, &switch, body).into_response()
}

fn help_line(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Ketik pertanyaan biasa. Tanda kutip untuk kata persis (\"uji konsekuensi\"), tanda minus untuk mengecualikan (-alibaba), OR untuk salah satu, role:majelis untuk peran, date:2024-03 untuk tanggal.",
        Lang::En => "Type a plain question. Quotes for exact words (\"uji konsekuensi\"), minus to exclude (-alibaba), OR for either, role:majelis for a role, date:2024-03 for dates.",
    }
}

fn search_error(lang: Lang, values: &FormValues, switch: &str, e: AppError) -> Response {
    let status = e.status();
    let heading = match status {
        StatusCode::BAD_REQUEST => lang.t(Text::BadQuery),
        StatusCode::SERVICE_UNAVAILABLE => lang.t(Text::Busy),
        _ => lang.t(Text::ServerError),
    };
    let message = e.public_message();
    let body = html! {
        (search_form(lang, values))
        div id="results" {
            div class="notice error" role="alert" {
                h2 { (heading) }
                p { (message) }
                p class="hint" { (help_line(lang)) }
            }
        }
    };
    (status, layout(lang, heading, switch, body)).into_response()
}

fn role_badge(lang: Lang, role: Option<Role>) -> Markup {
    html! {
        @match role {
            Some(r) => span class={ "badge role-" (r.as_str()) } { (lang.role(r)) },
            None => span class="badge role-none" { (lang.t(Text::Narration)) },
        }
    }
}

fn results(
    lang: Lang,
    values: &FormValues,
    r: &SearchResponse,
    offset: usize,
    limit: usize,
) -> Markup {
    let base = values.pairs(lang);
    let with = |key: &'static str, value: Option<String>| -> Vec<(&'static str, String)> {
        let mut pairs: Vec<(&'static str, String)> =
            base.iter().filter(|(k, _)| *k != key).cloned().collect();
        if let Some(v) = value {
            pairs.push((key, v));
        }
        pairs
    };
    let role_counts = r.facets.get("role").unwrap_or(&NO_COUNTS);
    html! {
        section id="results" aria-live="polite" {
            nav class="chips" aria-label=(lang.t(Text::Role)) {
                a class="chip" href=(url("/search", &with("role", None))) aria-current=[values.roles.is_empty().then_some("true")] {
                    (lang.t(Text::AllRoles))
                }
                @for role in Role::ALL {
                    @if let Some(n) = role_counts.get(role.as_str()) {
                        a class={ "chip role-" (role.as_str()) } href=(url("/search", &with("role", Some(role.as_str().to_string()))))
                          aria-current=[values.roles.iter().any(|x| x == role.as_str()).then_some("true")] {
                            (lang.role(role)) " " span class="count" { (n) }
                        }
                    }
                }
            }
            @if r.total == 0 {
                div class="notice" {
                    h2 { (lang.t(Text::NoResults)) }
                    p { (lang.t(Text::NoResultsHint)) }
                }
            } @else {
                p class="summary" {
                    strong { (r.total) } " " (lang.t(Text::Results).to_lowercase())
                    " · " (offset + 1) "–" (offset + r.hits.len()) " " (lang.t(Text::ShowingOf)) " " (r.total)
                    " · " (r.took_ms) " ms"
                    span class="export" {
                        " · " (lang.t(Text::Export)) ": "
                        a href=(url("/api/export", &with("format", Some("csv".into())))) { "CSV" }
                        " "
                        a href=(url("/api/export", &with("format", Some("jsonl".into())))) { "JSONL" }
                    }
                }
                ol class="hits" start=(offset + 1) {
                    @for (i, hit) in r.hits.iter().enumerate() {
                        li { (hit_card(lang, hit, offset + i + 1)) }
                    }
                }
                nav class="pages" aria-label="pagination" {
                    @if offset > 0 {
                        a rel="prev" href=(url("/search", &with("offset", Some(offset.saturating_sub(limit).to_string())))) { "← " (lang.t(Text::Previous)) }
                    }
                    @if offset + r.hits.len() < r.total && offset + limit <= crate::search::service::MAX_OFFSET {
                        a rel="next" href=(url("/search", &with("offset", Some((offset + limit).to_string())))) { (lang.t(Text::Next)) " →" }
                    }
                }
            }
        }
    }
}

/// The counts of a facet the response lacks.
static NO_COUNTS: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();

fn local_anchor(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

fn who(lang: Lang, speaker: &Option<String>, role: Option<Role>) -> Markup {
    html! {
        (role_badge(lang, role))
        @if let Some(s) = speaker { " " span class="speaker" { (s) } }
    }
}

/// The speakers a news paragraph quotes or paraphrases, each with its mark;
/// for any other passage its speaker and role.
fn speakers(lang: Lang, p: &StoredPassage) -> Markup {
    if p.attributions.is_empty() {
        return who(lang, &p.speaker, p.role);
    }
    html! {
        @for (i, a) in p.attributions.iter().enumerate() {
            @if i > 0 { " · " }
            span class="attribution" {
                (role_badge(lang, a.role))
                " " span class="speaker" { (a.speaker.as_deref().or(a.descriptor.as_deref()).unwrap_or("")) }
                " " span class={ "mode mode-" (mode_name(a.mode)) } {
                    "(" (lang.t(if a.mode == AttributionMode::Quote { Text::Quote } else { Text::Paraphrase })) ")"
                }
            }
        }
    }
}

fn mode_name(mode: AttributionMode) -> &'static str {
    match mode {
        AttributionMode::Quote => "quote",
        AttributionMode::Paraphrase => "paraphrase",
    }
}

fn neighbour(lang: Lang, label: &str, n: &Neighbour) -> Markup {
    html! {
        div class="neighbour" {
            span class="label" { (label) } " "
            (who(lang, &n.speaker, n.role))
            p { (n.text) }
        }
    }
}

fn hit_card(lang: Lang, hit: &Hit, n: usize) -> Markup {
    let p = &hit.passage;
    let cite_id = format!("cite-{n}");
    html! {
        article class="hit" tabindex="-1" data-href=(link(&hit.url, lang)) {
            header {
                (speakers(lang, p))
                @if let Some(date) = &p.date { " · " time datetime=(date) { (date) } }
                " · " span class="doctype" { (lang.doc_type(p.doc_type)) }
            }
            p class="snippet" { (PreEscaped(&hit.snippet_html)) }
            p class="source" {
                a href={ (link(&format!("/d/{}", p.doc_id), lang)) "#" (local_anchor(&p.id)) } { (p.title) }
            }
            div class="actions" {
                @if hit.context.previous.is_some() || hit.context.next.is_some() {
                    details class="context" {
                        summary { (lang.t(Text::Context)) }
                        @if let Some(prev) = &hit.context.previous { (neighbour(lang, "↑", prev)) }
                        @if let Some(next) = &hit.context.next { (neighbour(lang, "↓", next)) }
                    }
                }
                details class="cite" {
                    summary { (lang.t(Text::Cite)) }
                    p class="citation" id=(cite_id) { (hit.citation) }
                    button type="button" class="copy" data-copy=(cite_id) data-copied=(lang.t(Text::Copied)) { (lang.t(Text::Copy)) }
                }
                a class="permalink" href=(link(&hit.url, lang)) { (lang.t(Text::Permalink)) }
            }
        }
    }
}

fn passage_block(lang: Lang, p: &StoredPassage, current: bool) -> Markup {
    html! {
        article class={ "passage" @if current { " current" } } id=(local_anchor(&p.id)) aria-current=[current.then_some("true")] {
            header {
                (speakers(lang, p))
                @if let Some(ts) = &p.timestamp { " · " span class="timestamp" { (ts) } }
                " · " a href=(link(&permalink_path(&p.id), lang)) class="pid" { (p.id) }
            }
            div class="text" { (p.text) }
        }
    }
}

/// `GET /p/{id}`: one passage, two before and after, its document, citations.
pub async fn passage(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let (lang, switch, view) = match find(&state, &permalink_path(&id), raw, move |s| {
        s.passage(&id, 2)
    })
    .await
    {
        Ok(found) => found,
        Err(page) => return page,
    };
    let p = &view.passage;
    let c = &view.citations;
    let csl = serde_json::to_string_pretty(&c.csl_json).unwrap_or_default();
    let body = html! {
        nav class="crumbs" {
            a href=(link(&format!("/d/{}", p.doc_id), lang)) { (p.title) }
            @if let Some(date) = &p.date { " · " (date) }
        }
        section class="passages" {
            @for b in &view.before { (passage_block(lang, b, false)) }
            (passage_block(lang, p, true))
            @for a in &view.after { (passage_block(lang, a, false)) }
        }
        section class="citations" {
            h2 { (lang.t(Text::Citation)) }
            @for (label, id, text) in [("Teks", "cite-plain", c.plain.as_str()), ("BibTeX", "cite-bibtex", c.bibtex.as_str()), ("RIS", "cite-ris", c.ris.as_str()), ("CSL-JSON", "cite-csl", csl.as_str())] {
                div class="cite-block" {
                    h3 { (if label == "Teks" && lang == Lang::En { "Plain text" } else { label }) }
                    pre id=(id) { (text) }
                    button type="button" class="copy" data-copy=(id) data-copied=(lang.t(Text::Copied)) { (lang.t(Text::Copy)) }
                }
            }
        }
    };
    layout(
        lang,
        &format!("{} — {}", p.speaker.as_deref().unwrap_or(&p.title), p.id),
        &switch,
        body,
    )
    .into_response()
}

/// Looks something up on the blocking pool for the page at `path`: gives the
/// page's language, its language-switch link and the thing, or the finished
/// not-found or error page.
async fn find<T, F>(
    state: &AppState,
    path: &str,
    raw: Option<String>,
    lookup: F,
) -> Result<(Lang, String, T), Response>
where
    T: Send + 'static,
    F: FnOnce(&crate::search::SearchService) -> anyhow::Result<Option<T>> + Send + 'static,
{
    let lang = params::lang(&params::pairs(raw.as_deref()));
    match state
        .run(move |s| lookup(s).map_err(AppError::Internal))
        .await
    {
        Ok(Some(found)) => Ok((lang, link(path, lang.other()), found)),
        Ok(None) => Err(not_found_page(lang, path)),
        Err(e) => Err(error_page(lang, e)),
    }
}

/// `GET /d/{id}`: the whole document with an anchor per passage, roster and metadata.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let (lang, switch, doc) =
        match find(&state, &format!("/d/{id}"), raw, move |s| s.document(&id)).await {
            Ok(found) => found,
            Err(page) => return page,
        };
    let m = &doc.meta;
    let rows: Vec<(Text, Option<&String>)> = vec![
        (Text::Commission, m.commission.as_ref()),
        (Text::Case, m.case.as_ref()),
        (Text::Parties, m.parties.as_ref()),
        (Text::Date, m.date.as_ref()),
        (Text::Agenda, m.agenda.as_ref()),
        (Text::Publisher, m.publisher.as_ref()),
        (Text::Note, m.note.as_ref()),
    ];
    let body = html! {
        h1 { (m.title) }
        p class="doctype" { (lang.doc_type(m.doc_type.unwrap_or(DocType::Transcript))) }
        section class="meta" {
            h2 { (lang.t(Text::Metadata)) }
            dl {
                @for (label, value) in &rows {
                    @if let Some(v) = value { dt { (lang.t(*label)) } dd { (v) } }
                }
                @if let Some(src) = &m.source_url {
                    dt { (lang.t(Text::Source)) }
                    dd {
                        @if is_web_address(src) { a href=(src) rel="noopener noreferrer nofollow" { (src) } } @else { (src) }
                    }
                }
            }
        }
        @if !doc.roster.is_empty() {
            section class="roster" {
                h2 { (lang.t(Text::Roster)) }
                table {
                    thead { tr { th scope="col" { (lang.t(Text::Name)) } th scope="col" { (lang.t(Text::Role)) } th scope="col" { (lang.t(Text::Function)) } } }
                    tbody {
                        @for s in &doc.roster {
                            tr { td { (s.name) } td { (role_badge(lang, Some(s.role))) } td { (s.title.as_deref().unwrap_or("")) } }
                        }
                    }
                }
            }
        }
        section class="passages" {
            h2 { (lang.t(Text::Passages)) }
            @for p in &doc.passages { (passage_block(lang, p, false)) }
        }
    };
    layout(lang, &m.title, &switch, body).into_response()
}

/// Whether a corpus-supplied address may become a link (http and https only).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn not_found_page(lang: Lang, path: &str) -> Response {
    let body = html! {
        div class="notice error" role="alert" {
            h1 { (lang.t(Text::NotFound)) }
            p { code { (path) } }
            p { a href=(link("/", lang)) { (lang.t(Text::Home)) } }
        }
    };
    (
        StatusCode::NOT_FOUND,
        layout(
            lang,
            lang.t(Text::NotFound),
            &link(path, lang.other()),
            body,
        ),
    )
        .into_response()
}

fn error_page(lang: Lang, e: AppError) -> Response {
    let status = e.status();
    let message = e.public_message();
    let heading = if status == StatusCode::SERVICE_UNAVAILABLE {
        lang.t(Text::Busy)
    } else {
        lang.t(Text::ServerError)
    };
    let body = html! {
        div class="notice error" role="alert" { h1 { (heading) } p { (message) } }
    };
    (
        status,
        layout(lang, heading, &link("/", lang.other()), body),
    )
        .into_response()
}

/// The fallback for unknown paths: a 404 page.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    let lang = params::lang(&params::pairs(uri.query()));
    not_found_page(lang, uri.path())
}
