//! Web pages saved from the browser (`*.html`, `*.htm`): a news report, or a
//! decision published as a page.
//!
//! The article is found with `dom_smoothie` (a port of Mozilla's
//! Readability, the reader view of Firefox): the page's navigation, menus,
//! comment boxes and link lists are left out, and the article's paragraphs
//! then pass the same boilerplate rules as a text news report (see
//! [`super::boilerplate`]). The page's own metadata gives the title
//! (`og:title`, JSON-LD `headline`, `<title>`), the date
//! (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`),
//! the publisher (`og:site_name`, JSON-LD `publisher`, else the site's host)
//! and the address (`<link rel=canonical>`, `og:url`, the browser's
//! `saved from url` note); a sidecar overrides any of them.

use super::boilerplate::{classify, Verdict};
use super::diagnostics::Diagnostics;
use super::sidecar::{date_in, from_file_name};
use crate::model::{DocType, Document, DocumentMeta, Passage, Provenance};
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// The note a browser leaves in a saved page: `<!-- saved from url=(0042)https://… -->`.
static SAVED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->").expect("static regex")
});

/// Elements whose `datetime` or `content` may hold the publication date,
/// in the order they are trusted, after what Readability reads.
const DATE_SELECTORS: &[(&str, &str)] = &[
    ("meta[property='og:published_time']", "content"),
    ("meta[name='pubdate']", "content"),
    ("meta[name='publishdate']", "content"),
    ("meta[name='publish-date']", "content"),
    ("meta[name='content_PublishedDate']", "content"),
    ("meta[itemprop='datePublished']", "content"),
    ("meta[name='dc.date']", "content"),
    ("meta[name='date']", "content"),
    ("time[datetime]", "datetime"),
];

/// The report in the page `text`: its metadata (what the page says, for
/// `path`) and its paragraphs.
pub fn parse(path: &Path, text: &str, diag: &mut Diagnostics) -> Document {
    let page = dom_query::Document::from(text);
    let address = page_address(&page, text);
    let dated = page_date(&page);
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article = Readability::with_document(page, None, Some(config)).and_then(|mut r| r.parse());
    let article = match article {
        Ok(article) => article,
        Err(e) => {
            diag.error(
                1,
                format!("no article text found in the page ({e}); save the page as \"Web page, complete\" or as text"),
            );
            return Document {
                meta: DocumentMeta::default(),
                roster: Vec::new(),
                passages: Vec::new(),
            };
        }
    };
    let date = article
        .published_time
        .as_deref()
        .and_then(date_in)
        .or_else(|| dated.as_deref().and_then(date_in));
    let named = from_file_name(path, DocType::News, Provenance::News);
    let title = clean(&article.title);
    let publisher = article
        .site_name
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .or_else(|| address.as_deref().and_then(host));
    let meta = DocumentMeta {
        title: if title.is_empty() {
            named.title.clone()
        } else {
            title
        },
        date: date.or(named.date),
        publisher,
        source_url: address,
        ..named
    };
    let passages = paragraphs(&article.text_content, text);
    if passages.is_empty() {
        diag.error(1, "the page's article holds no paragraph");
    }
    Document {
        meta,
        roster: Vec::new(),
        passages,
    }
}

/// The article's paragraphs, boilerplate dropped, each with the line of the
/// page where its text starts (or the line of the one before).
fn paragraphs(article: &str, page: &str) -> Vec<Passage> {
    let mut lines = LineFinder::new(page);
    let mut passages = Vec::new();
    for paragraph in article.lines() {
        let text = clean(paragraph);
        if text.is_empty() {
            continue;
        }
        match classify(&text) {
            Verdict::Keep => {}
            Verdict::Drop => continue,
            Verdict::DropRest => break,
        }
        let line = lines.line_of(&text);
        passages.push(Passage::paragraph(passages.len(), text, line, None));
    }
    passages
}

/// Whitespace of a page's text as one space each, trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's own address: canonical link, `og:url`, or the note of the browser that saved it.
fn page_address(page: &dom_query::Document, raw: &str) -> Option<String> {
    let absolute = |s: &str| {
        let s = s.trim();
        (s.starts_with("https://") || s.starts_with("http://")).then(|| s.to_string())
    };
    [
        ("link[rel='canonical']", "href"),
        ("meta[property='og:url']", "content"),
    ]
    .iter()
    .find_map(|(selector, attr)| page.select(selector).attr(attr).and_then(|v| absolute(&v)))
    .or_else(|| {
        SAVED_FROM
            .captures(raw)
            .and_then(|c| c.get(1))
            .and_then(|m| absolute(m.as_str()))
    })
}

/// A publication date the page gives beyond what Readability reads.
fn page_date(page: &dom_query::Document) -> Option<String> {
    DATE_SELECTORS.iter().find_map(|(selector, attr)| {
        page.select(selector)
            .attr(attr)
            .map(|v| v.to_string())
            .filter(|v| date_in(v).is_some())
    })
}

/// The host of `url`, without `www.`: the publisher when the page names none.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Finds, going forward, the page line where a paragraph's text starts.
struct LineFinder<'a> {
    page: &'a str,
    offset: usize,
    line: u32,
}

impl<'a> LineFinder<'a> {
    fn new(page: &'a str) -> Self {
        LineFinder {
            page,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first words of `text` after the last one found; the
    /// last line found when the page spells them otherwise (entities, markup).
    fn line_of(&mut self, text: &str) -> u32 {
        let probe: String = text.chars().take(24).collect();
        let probe = probe
            .rsplit_once(' ')
            .map_or(probe.as_str(), |(head, _)| head);
        if probe.len() < 8 {
            return self.line;
        }
        if let Some(found) = self.page[self.offset..].find(probe) {
            let end = self.offset + found;
            let newlines = self.page[self.offset..end].matches('\n').count();
            self.line += u32::try_from(newlines).unwrap_or(0);
            self.offset = end;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_names_the_site() {
        assert_eq!(
            host("https://www.contoh-berita.test/a/b?c=1").as_deref(),
            Some("contoh-berita.test")
        );
        assert_eq!(host("not a url"), None);
    }
}
