//! The frame every page shares: head, header with the language switch,
//! footer; the search form; links that keep the interface language.

use crate::i18n::{Lang, Text};
use crate::params::SearchParams;
use maud::{html, Markup, DOCTYPE};
use risalah_engine::model::{AttributionMode, DocType, Outcome, Provenance, Role, Section};
use strum::VariantArray;

/// A link to `path` in the current language.
pub fn link(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => path.to_string(),
        Lang::En => format!("{path}?lang=en"),
    }
}

/// A whole page: `title`, the link to the same page in the other
/// language, and the body.
pub fn page(lang: Lang, title: &str, switch_href: &str, body: Markup) -> Markup {
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
                    a href=(link("/browse", lang)) { (lang.t(Text::Browse)) }
                    " · "
                    a href=(link("/glosarium", lang)) { (lang.t(Text::Glossary)) }
                    " · "
                    a href="/openapi.json" { "API (OpenAPI)" }
                }
            }
        }
    }
}

/// The search form, filled with `params` as typed.
pub fn search_form(lang: Lang, params: &SearchParams) -> Markup {
    let roles = params.roles();
    let doc_type = params.doc_type.first().map(String::as_str).unwrap_or("");
    let provenance = params.provenance.first().map(String::as_str).unwrap_or("");
    let mode = params.mode.first().map(String::as_str).unwrap_or("");
    let commission = params.commission.join(",");
    let section = params.section.first().map(String::as_str).unwrap_or("");
    let outcome = params.outcome.first().map(String::as_str).unwrap_or("");
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    html! {
           form class="search" method="get" action="/search" role="search" data-instant="true" {
               @if lang == Lang::En { input type="hidden" name="lang" value="en"; }
               div class="query" {
                   label for="q" { (lang.t(Text::SearchLabel)) }
                   input id="q" name="q" type="search" value=(params.q) placeholder=(lang.t(Text::SearchPlaceholder)) maxlength="1000" autocomplete="off" autofocus;
                   button type="submit" { (lang.t(Text::SearchButton)) }
               }
               details class="filters" open[params.has_filters()] {
                   summary { (lang.t(Text::Filters)) }
                   div class="grid" {
                       label { (lang.t(Text::Role))
                           select name="role" {
                               option value="" { (lang.t(Text::AllRoles)) }
                               @for role in Role::VARIANTS {
                                   option value=(role.as_str()) selected[roles.contains(&role.as_str())] { (lang.role(*role)) }
                               }
                           }
                       }
                       label { (lang.t(Text::Speaker)) input name="speaker" type="text" value=(text(&params.speaker)); }
                       label { (lang.t(Text::Case)) input name="case" type="text" value=(text(&params.case)); }
                       label { (lang.t(Text::DocType))
                           select name="type" {
                               option value="" { (lang.t(Text::AnyType)) }
                               @for t in DocType::VARIANTS {
                                   option value=(t.as_str()) selected[doc_type == t.as_str()] { (lang.doc_type(*t)) }
                               }
                           }
                       }
    label { (lang.t(Text::Provenance))
                           select name="provenance" {
                               option value="" { (lang.t(Text::AnyProvenance)) }
                               @for p in Provenance::VARIANTS {
                                   option value=(p.as_str()) selected[provenance == p.as_str()] { (lang.provenance(*p)) }
                               }
                           }
                       }
                       label { (lang.t(Text::Mode))
                           select name="mode" {
                               option value="" { (lang.t(Text::AnyMode)) }
                               @for m in AttributionMode::VARIANTS {
                                   option value=(m.as_str()) selected[mode == m.as_str()] { (lang.mode(*m)) }
                               }
                           }
                       }
                       label { (lang.t(Text::Commission)) input name="commission" type="text" placeholder="jabar" value=(commission); }
                       label { (lang.t(Text::Section))
                           select name="section" {
                               option value="" { "—" }
                               @for s in Section::VARIANTS {
                                   option value=(s.as_str()) selected[section == s.as_str()] { (lang.section(*s)) }
                               }
                           }
                       }
                       label { (lang.t(Text::Outcome))
                           select name="outcome" {
                               option value="" { "—" }
                               @for o in Outcome::VARIANTS {
                                   option value=(o.as_str()) selected[outcome == o.as_str()] { (lang.outcome(*o)) }
                               }
                           }
                       }
                       label { (lang.t(Text::Law)) input name="law" type="text" placeholder="UU KIP Pasal 17" value=(text(&params.law)); }
                       label { (lang.t(Text::From)) input name="from" type="text" inputmode="numeric" placeholder="2024-03" value=(text(&params.from)); }
                       label { (lang.t(Text::To)) input name="to" type="text" inputmode="numeric" placeholder="2024-12-31" value=(text(&params.to)); }
                   }
               }
           }
       }
}

/// How to search, in one line.
pub fn help_line(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Ketik pertanyaan biasa. Tanda kutip untuk kata persis (\"uji konsekuensi\"), tanda minus untuk mengecualikan (-alibaba), OR untuk salah satu, role:majelis untuk peran, law:\"UU KIP\" untuk undang-undang yang dirujuk, date:2024-03 untuk tanggal.",
        Lang::En => "Type a plain question. Quotes for exact words (\"uji konsekuensi\"), minus to exclude (-alibaba), OR for either, role:majelis for a role, law:\"UU KIP\" for a cited law, date:2024-03 for dates.",
    }
}
