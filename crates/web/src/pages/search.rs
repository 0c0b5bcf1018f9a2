//! The search page (`/`, `/search`): the form, role chips with counts,
//! hits with snippet, context and citation, pagination and export links.
//! Every link is built from the request's own [`SearchParams`].

use super::error::PageError;
use super::layout::{help_line, link, page, search_form};
use super::parts::{
    local_anchor, procedural_badge, provenance_badge, section_badge, speakers, who,
};
use crate::api::{HitJson, Neighbour};
use crate::i18n::{Lang, Text};
use crate::params::{from_query, sniff_lang, ExportFormat, SearchParams};
use crate::permalink::{case_path, document_path, permalink_path};
use crate::speakers::SpeakerJson;
use crate::{snippet, AppState};
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use risalah_engine::index::document::NARRATION;
use risalah_engine::model::{Provenance, Role};
use risalah_engine::search::catalog::CorpusSummary;
use risalah_engine::search::service::MAX_OFFSET;
use risalah_engine::search::speakers::SpeakerTally;
use risalah_engine::search::{Grouping, Hit, SearchResults, Sort};
use strum::VariantArray;

/// Hits per page on the search page.
pub const PAGE_SIZE: usize = 10;

/// The speakers the results page names under "who says it most".
const TOP_SPEAKERS: usize = 5;

/// The home page's example searches.
const EXAMPLES: [&str; 4] = [
    "apa kata majelis soal kontrak Alibaba",
    "\"uji konsekuensi\"",
    "role:termohon dikecualikan",
    "putusan KIP",
];

/// The same parameters in the other language, for the switch link.
fn switch_lang(params: &SearchParams, lang: Lang) -> String {
    params
        .with(|p| p.lang = (lang.other() == Lang::En).then_some(Lang::En))
        .link("/search")
}

/// `GET /` and `GET /search`.
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let lang = sniff_lang(raw.as_deref());
    let params: SearchParams = from_query(raw.as_deref())
        .map_err(|e| PageError::new(lang, "/search", e).with_form(SearchParams::default()))?;
    let lang = params.language();
    let fail = |e| PageError::new(lang, "/search", e).with_form(params.clone());
    let switch = switch_lang(&params, lang);
    let request = params.request(PAGE_SIZE).map_err(fail)?;
    if params.is_blank() {
        let catalog = state
            .run(|s| s.catalog().map_err(crate::error::AppError::Internal))
            .await
            .map_err(fail)?;
        let body = home(lang, &params, &catalog.summary);
        let switch = link("/", lang.other());
        return Ok(page(lang, lang.t(Text::Tagline), &switch, body).into_response());
    }
    // The role chips count the search without its role filter, so every
    // role stays in view and one click moves between them.
    let any_role = (!params.roles_in_force().is_empty())
        .then(|| params.without_roles().request(1))
        .transpose()
        .map_err(fail)?;
    let (mut results, tally, role_counts) = state
        .run(move |s| {
            let results = s.search(&request)?;
            let tally = s.speakers(&request, TOP_SPEAKERS)?;
            let role_counts = match any_role {
                Some(r) => s.search(&r)?.facets.remove("role"),
                None => None,
            };
            Ok((results, tally, role_counts))
        })
        .await
        .map_err(fail)?;
    if let Some(counts) = role_counts {
        results.facets.insert("role".to_string(), counts);
    }
    let title = if params.q.is_empty() {
        lang.t(Text::Results).to_string()
    } else {
        params.q.clone()
    };
    let body = html! {
        h1 class="sr-only" { (lang.t(Text::Results)) ": " (title) }
        (search_form(lang, &params))
        (results_section(lang, &params, &results, state.public_url()))
        (who_says_it_most(lang, &params, &tally))
    };
    Ok(page(lang, &title, &switch, body).into_response())
}

fn home(lang: Lang, params: &SearchParams, summary: &CorpusSummary) -> Markup {
    html! {
        h1 class="sr-only" { "risalah: " (lang.t(Text::Tagline)) }
        (search_form(lang, params))
        section class="intro" {
            p { (lang.t(Text::Intro)) }
            (holdings(lang, summary))
            h2 { (lang.t(Text::Examples)) }
            ul class="examples" {
                @for example in EXAMPLES {
                    li { a href=(SearchParams { q: example.to_string(), lang: params.lang, ..SearchParams::default() }.link("/search")) { (example) } }
                }
            }
            h2 { (lang.t(Text::Help)) }
            p class="hint" { (help_line(lang)) }
            h2 { (lang.t(Text::AddYourOwn)) }
            p class="hint" {
                (lang.t(Text::AddHowTo)) " " code { "risalah index --corpus DIR" } "; "
                code { "risalah check --corpus DIR" } " " (lang.t(Text::AddCheck)) " "
                (lang.t(Text::FormatsDoc)) " " code { "corpus/README.md" } "."
            }
        }
        div id="results" {}
    }
}

/// The `lang` parameter of a link that keeps `lang`.
fn params_lang(lang: Lang) -> Option<Lang> {
    (lang == Lang::En).then_some(Lang::En)
}

/// What the index holds: documents, passages, cases, the date range, and
/// the documents by provenance (each a link to search only them).
fn holdings(lang: Lang, summary: &CorpusSummary) -> Markup {
    let count = |n: u64, word: Text| lang.count(n, word);
    let span = match (summary.first_date, summary.last_date) {
        (Some(first), Some(last)) if first == last => Some(html! { time { (first) } }),
        (Some(first), Some(last)) => Some(html! { time { (first) } " – " time { (last) } }),
        _ => None,
    };
    html! {
        h2 { (lang.t(Text::Holdings)) }
        @if summary.documents == 0 {
            p class="holdings" { (lang.t(Text::EmptyIndex)) }
        } @else {
            p class="holdings" {
                (count(summary.documents as u64, Text::DocumentsWord)) " · "
                (count(summary.passages, Text::PassagesWord)) " · "
                (count(summary.cases as u64, Text::CasesWord))
                @if let Some(span) = span { " · " (span) }
            }
            ul class="holdings" {
                @for (provenance, tally) in &summary.by_provenance {
                    li {
                        a href=(SearchParams { provenance: vec![provenance.as_str().to_string()], lang: params_lang(lang), ..SearchParams::default() }.link("/search")) {
                            (lang.provenance(*provenance))
                        }
                        ": " (count(tally.documents as u64, Text::DocumentsWord)) ", "
                        (count(tally.passages, Text::PassagesWord))
                    }
                }
            }
        }
    }
}

/// "Who says it most": the speakers of the best passages, each a link to
/// the search narrowed to them and to their page; nothing when none speaks.
fn who_says_it_most(lang: Lang, params: &SearchParams, tally: &SpeakerTally) -> Markup {
    let speakers: Vec<SpeakerJson> = tally
        .speakers
        .iter()
        .map(|c| SpeakerJson::new(c, params))
        .collect();
    html! {
        @if !speakers.is_empty() {
            aside class="who-says" aria-labelledby="who-says-title" {
                h2 id="who-says-title" { (lang.t(Text::WhoSaysItMost)) }
                ol {
                    @for s in &speakers {
                        li {
                            a href=(s.search_url) { (s.speaker) }
                            @if let Some(role) = s.role { " · " span class={ "role role-" (role.as_str()) } { (lang.role(role)) } }
                            " · " (lang.count(s.passages as u64, Text::PassagesWord))
                            @if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
                                " · " time { (first) } @if first != last { " – " time { (last) } }
                            }
                            " · " a class="speaker-page" href=(link(&s.url, lang)) { (lang.t(Text::Speaker)) " →" }
                        }
                    }
                }
                p class="hint" { (lang.number(tally.counted as u64)) " " (lang.t(Text::AmongBest)) }
            }
        }
    }
}

/// The first hit of the last page of `total` hits, `limit` a page.
fn last_page_start(total: usize, limit: usize) -> usize {
    let limit = limit.max(1);
    (total.saturating_sub(1) / limit * limit).min(MAX_OFFSET)
}

fn results_section(
    lang: Lang,
    params: &SearchParams,
    r: &SearchResults,
    public_url: &crate::permalink::PublicUrl,
) -> Markup {
    let offset = params.offset.unwrap_or(0);
    let limit = params.limit.unwrap_or(PAGE_SIZE);
    let roles = params.roles_in_force();
    let role_counts = r.facets.get("role");
    let current_sort = params
        .sort
        .as_deref()
        .and_then(|s| s.parse::<Sort>().ok())
        .unwrap_or_default();
    let current_group = params
        .group
        .as_deref()
        .and_then(|g| g.parse::<Grouping>().ok())
        .unwrap_or_default();
    let page_at = |at: usize| {
        params
            .with(|p| p.offset = (at > 0).then_some(at))
            .link("/search")
    };
    let export = |format: ExportFormat| {
        params
            .with(|p| {
                p.format = Some(format);
                p.offset = None;
                p.lang = None;
            })
            .link("/api/export")
    };
    html! {
        section id="results" aria-live="polite" {
            nav class="chips" aria-label=(lang.t(Text::Role)) {
                a class="chip" href=(params.without_roles().with(|p| p.offset = None).link("/search")) aria-current=[roles.is_empty().then_some("true")] {
                    (lang.t(Text::AllRoles))
                }
                @for role in Role::VARIANTS {
                    @if let Some(n) = role_counts.and_then(|c| c.get(role.as_str())) {
                        a class={ "chip role-" (role.as_str()) } href=(params.without_roles().with(|p| { p.role = vec![role.as_str().to_string()]; p.offset = None; }).link("/search"))
                          aria-current=[roles.contains(&role.as_str()).then_some("true")] {
                            (lang.role(*role)) " " span class="count" { (n) }
                        }
                    }
                }
                @if let Some(n) = role_counts.and_then(|c| c.get(NARRATION)) {
                    a class="chip role-narasi" href=(params.without_roles().with(|p| { p.role = vec![NARRATION.to_string()]; p.offset = None; }).link("/search"))
                      aria-current=[roles.contains(&NARRATION).then_some("true")] {
                        (lang.t(Text::NarrationChip)) " " span class="count" { (n) }
                    }
                }
            }
            @if r.total == 0 {
                div class="notice" {
                    h2 { (lang.t(Text::NoResults)) }
                    p { (lang.t(Text::NoResultsHint)) }
                }
                (nearby(lang, r, 0, public_url))
            } @else {
                p class="summary" {
                    strong { (lang.number(r.total as u64)) } " " (lang.t(Text::Results).to_lowercase())
                    @if let Some(documents) = r.documents {
                        " · " (lang.count(documents as u64, Text::DocumentsWord))
                    }
                    @if r.hits.is_empty() {
                        " · " (lang.t(Text::PastTheEnd)) " "
                        a href=(page_at(last_page_start(r.listed(), limit))) { (lang.t(Text::LastPage)) }
                    } @else {
                        " · " (offset + 1) "–" (offset + r.hits.len()) " " (lang.t(Text::ShowingOf)) " " (lang.number(r.listed() as u64))
                    }
                    " · " (r.took_ms) " ms"
                    " · " (lang.t(Text::SortBy)) ": "
                    @for (i, (sort, label)) in [(Sort::Relevance, Text::Relevance), (Sort::Newest, Text::Newest), (Sort::Oldest, Text::Oldest)].into_iter().enumerate() {
                        @if i > 0 { " · " }
                        a class="sort" href=(params.with(|p| { p.sort = (sort != Sort::Relevance).then(|| sort.as_str().to_string()); p.offset = None; }).link("/search"))
                          aria-current=[(current_sort == sort).then_some("true")] { (lang.t(label)) }
                    }
                    @if !params.q.trim().is_empty() && current_sort == Sort::Relevance {
                        " · " (lang.t(Text::ListBy)) ": "
                        @for (i, (group, label)) in [(Grouping::Document, Text::ByDocument), (Grouping::Passage, Text::ByPassage)].into_iter().enumerate() {
                            @if i > 0 { " · " }
                            a class="group" href=(params.with(|p| { p.group = (group != Grouping::default()).then(|| group.as_str().to_string()); p.offset = None; }).link("/search"))
                              aria-current=[(current_group == group).then_some("true")] { (lang.t(label)) }
                        }
                    }
                    span class="export" {
                        " · " (lang.t(Text::Export)) ": "
                        a href=(export(ExportFormat::Csv)) { "CSV" }
                        " "
                        a href=(export(ExportFormat::Jsonl)) { "JSONL" }
                        " · "
                        a class="feed" href=(params.with(|p| { p.offset = None; p.sort = None; }).link("/feed")) type="application/atom+xml" { (lang.t(Text::Feed)) }
                    }
                }
                ol class="hits" start=(offset + 1) {
                    @for (i, hit) in r.hits.iter().enumerate() {
                        li { (hit_card(lang, hit, offset + i + 1, public_url)) }
                    }
                }
                (nearby(lang, r, offset + r.hits.len(), public_url))
                @if (offset > 0 && !r.hits.is_empty()) || (offset + r.hits.len() < r.listed() && offset + limit <= MAX_OFFSET) {
                nav class="pages" aria-label=(lang.t(Text::Pages)) {
                    @if offset > 0 && !r.hits.is_empty() {
                        a rel="prev" href=(page_at(offset.saturating_sub(limit))) { "← " (lang.t(Text::Previous)) }
                    }
                    @if offset + r.hits.len() < r.listed() && offset + limit <= MAX_OFFSET {
                        a rel="next" href=(page_at(offset + limit)) { (lang.t(Text::Next)) " →" }
                    }
                }
                }
            }
        }
    }
}

/// The close matches of a phrase found in few documents, numbered on
/// after the `shown` hits; nothing when there are none.
fn nearby(
    lang: Lang,
    r: &SearchResults,
    shown: usize,
    public_url: &crate::permalink::PublicUrl,
) -> Markup {
    html! {
        @if !r.nearby.is_empty() {
            section class="nearby" aria-labelledby="nearby-title" {
                h2 id="nearby-title" { (lang.t(Text::Nearby)) }
                p class="hint" { (lang.t(Text::NearbyExplained)) }
                ol class="hits" start=(shown + 1) {
                    @for (i, hit) in r.nearby.iter().enumerate() {
                        li { (hit_card(lang, hit, shown + i + 1, public_url)) }
                    }
                }
            }
        }
    }
}

fn neighbour(lang: Lang, label: &str, n: &Neighbour) -> Markup {
    html! {
        div class="neighbour" {
            span class="label" { (label) } " "
            (who(lang, &n.speaker, n.role))
            p { (crate::i18n::corpus_text(lang, &n.text)) }
        }
    }
}

/// One hit as a card: who, when, what, the snippet, its context and citation.
pub(super) fn hit_card(
    lang: Lang,
    hit: &Hit,
    n: usize,
    public_url: &crate::permalink::PublicUrl,
) -> Markup {
    let json = HitJson::new(hit, public_url, lang);
    let p = &hit.passage;
    let cite_id = format!("cite-{n}");
    html! {
        article class={ "hit" @if json.passage.procedural { " procedural" } } tabindex="-1" data-href=(link(&json.url, lang)) {
            header {
                (speakers(lang, &p.passage))
                @if json.passage.procedural { " · " (procedural_badge(lang)) }
                @if let Some(date) = &json.passage.date { " · " time datetime=(date) { (date) } }
                " · " span class="doctype" { (lang.doc_type(hit.document.doc_type)) }
                @if let Some(page) = p.passage.page { " · " span class="page" { (lang.page(page)) } }
                @if let Some(section) = p.passage.section { " · " (section_badge(lang, section)) }
                @if let Some(at) = &p.passage.timestamp { " · " span class="timestamp" { (at) } }
                @if hit.document.provenance != Provenance::of_type(hit.document.doc_type) {
                    " · " (provenance_badge(lang, hit.document.provenance))
                }
            }
            p class="snippet" lang=[lang.corpus_lang()] { (snippet::markup(lang, &hit.snippet)) }
            p class="source" {
                a href={ (link(&document_path(&p.doc_id), lang)) "#" (local_anchor(&p.id)) } lang=[lang.corpus_lang()] { (hit.document.title) }
                @if let Some(case) = &hit.document.case {
                    " · " a class="case" href=(link(&case_path(case), lang)) { (case) }
                }
            }
            @if hit.more > 0 {
                details class="also" {
                    summary { (lang.number(hit.more as u64)) " " (lang.t(Text::MoreInDocument)) }
                    ul {
                        @for also in &hit.also {
                            li {
                                (who(lang, &also.passage.passage.speaker, also.passage.passage.role)) " "
                                a href=(link(&permalink_path(&also.passage.id), lang)) lang=[lang.corpus_lang()] { (snippet::markup(lang, &also.snippet)) }
                            }
                        }
                    }
                }
            }
            div class="actions" {
                @if json.context.previous.is_some() || json.context.next.is_some() {
                    details class="context" {
                        summary { (lang.t(Text::Context)) }
                        @if let Some(prev) = &json.context.previous { (neighbour(lang, "↑", prev)) }
                        @if let Some(next) = &json.context.next { (neighbour(lang, "↓", next)) }
                    }
                }
                details class="cite" {
                    summary { (lang.t(Text::Cite)) }
                    p class="citation" id=(cite_id) { (json.citation) }
                    button type="button" class="copy" data-copy=(cite_id) data-copied=(lang.t(Text::Copied)) data-copy-failed=(lang.t(Text::CopyByHand)) hidden { (lang.t(Text::Copy)) }
                }
                a class="permalink" href=(link(&json.url, lang)) { (lang.t(Text::Permalink)) }
            }
        }
    }
}
