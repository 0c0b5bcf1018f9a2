//! Citations of laws and rules, in any text, in any of the spellings KI
//! decisions and the news use, each normalised to one id per instrument
//! (`uu-14-2008`, `pp-61-2010`, `perki-1-2013`, `permendagri-3-2017`) and
//! per article (`uu-14-2008/17`).
//!
//! An instrument is cited by kind and number (`Undang-Undang Nomor 14 Tahun
//! 2008`, `UU No. 14/2008`, `Perki 1/2013`, `Peraturan Menteri Dalam Negeri
//! Nomor 3 Tahun 2017`) or by its usual short name (`UU KIP`, `UU PDP`; the
//! names are in `data/instruments.tsv`). An article (`Pasal 17 ayat (1)
//! huruf h angka 2`, and lists of them joined by `dan`, `serta`, commas) belongs to
//! the instrument written right after it (`Pasal 17 UU KIP`), else to the
//! nearest one before it in the same sentence (`UU 14/2008 tentang
//! Keterbukaan Informasi Publik Pasal 17`). An article with no instrument in
//! reach is not a citation: a wrong id is worse than none.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One citation in a text: an instrument, or one article of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawCitation {
    /// The first byte of the citation in the text.
    pub start: usize,
    /// The byte after its last.
    pub end: usize,
    /// The instrument's id (`uu-14-2008`).
    pub instrument: String,
    /// The article number (`17`, `17a`), when an article is cited.
    pub article: Option<String>,
}

impl LawCitation {
    /// The id the citation links to: the article's (`uu-14-2008/17`) or the
    /// instrument's.
    pub fn id(&self) -> String {
        match &self.article {
            Some(article) => format!("{}/{article}", self.instrument),
            None => self.instrument.clone(),
        }
    }
}

/// Lowercase words joined by single spaces.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

static SHORT_NAMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    crate::tables::rows(include_str!("data/instruments.tsv"))
        .map(|(id, name)| (folded(name), id))
        .collect()
});

static MINISTRIES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    crate::tables::rows(include_str!("data/ministries.tsv"))
        .map(|(id, name)| (folded(name), id))
        .collect()
});

/// A pattern matching any of `names`, longest first, spaces as any space.
fn alternation<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let mut names: Vec<&String> = names.collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b
        (?P<kind>
            undang[\s\-]*undang | uu
          | peraturan\s+pemerintah\s+pengganti\s+undang[\s\-]*undang | perppu
          | peraturan\s+pemerintah | pp
          | peraturan\s+komisi(?:\s+informasi)? | perki
          | peraturan\s+mahkamah\s+agung | perma
          | peraturan\s+menteri\s+(?P<minister>[\p{L},/\ ]{3,90}?)
          | (?P<permen>permen\p{L}+)
        )
        (?:\s+(?:republik\s+indonesia|ri|pusat))?
        (?:\s*\(\s*[\p{L}\ ]{2,20}\))?
        \s*(?:(?:nomor|nomer|no\.?|nr\.?)\s*:?)?\s*
        (?P<number>\d{1,4})
        \s*(?:tahun|thn\.?|th\.?|/)\s*
        (?P<year>(?:19|20)\d{2})\b",
    )
    .expect("the numbered-instrument pattern is valid")
});

static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    let names = alternation(SHORT_NAMES.keys());
    Regex::new(&format!(
        r"(?i)\b(?:uu|undang[\s\-]*undang)(?:\s+tentang)?\s+(?P<name>{names})\b"
    ))
    .expect("the short-name pattern is valid")
});

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\bpasal\s+(?P<article>\d{1,3}[a-z]?)\b
        (?P<parts>(?:\s*(?:,|dan|serta|atau)?\s*
            (?:ayat\s*\(?\s*\d{1,2}\s*\)?|huruf\s+[a-z]\b(?:\s*(?:,|dan)\s*[a-z]\b)*|angka\s+\d{1,2}\b|butir\s+[a-z0-9]\b)
        )*)
        (?P<more>(?:\s*(?:,|dan|serta)\s*\d{1,3}[a-z]?\b(?:\s*(?:ayat\s*\(?\s*\d{1,2}\s*\)?|huruf\s+[a-z]\b))*)*)",
    )
    .expect("the article pattern is valid")
});

/// What may stand between two articles of one list.
static BETWEEN_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;]*(?:dan|serta|atau|jo\.?|juncto|sampai\s+dengan|s\.d\.?)?[\s,;]*$")
        .expect("the article-list pattern is valid")
});

/// What may stand between an article and the instrument written after it.
static BEFORE_INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*,?\s*(?:(?:sebagaimana\s+)?(?:diatur|dimaksud|tercantum|disebutkan|termuat)\s+(?:dalam|pada|di)|dari|pada|dalam|di|tentang)?\s*$",
    )
    .expect("the article-instrument pattern is valid")
});

/// A number and year right after a short name (`UU KIP Jawa Timur No. 7
/// Tahun 2016`): the short name then names another instrument.
static NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L}\s]{0,40}?(?:nomor|no\.?)\s*(\d{1,4})\s*(?:tahun|/)\s*((?:19|20)\d{2})")
        .expect("the number-after pattern is valid")
});

/// The words that may follow a bare article number of a list.
const LIST_GOES_ON: &[&str] = &[
    "dan",
    "serta",
    "atau",
    "uu",
    "undang",
    "peraturan",
    "perki",
    "pp",
    "ayat",
    "huruf",
    "pasal",
    "tentang",
    "dari",
    "pada",
    "dalam",
    "sebagaimana",
    "di",
    "jo",
    "juncto",
];

/// Bare article numbers of a list after `Pasal 14` (`dan 15`, `, 16`).
static MORE_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,|dan|serta)\s*(\d{1,3}[a-zA-Z]?)\b")
        .expect("the article-list pattern is valid")
});

/// The end of a sentence: a stop, then a capital or a line break.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?;]\s+\p{Lu}|\n").expect("the sentence-end pattern is valid"));

/// How far back (bytes) an article looks for its instrument.
const REACH_BACK: usize = 300;

/// The id prefix of a rule of the minister of `portfolio` (as written).
fn ministry_prefix(portfolio: &str) -> String {
    let key = folded(portfolio.trim_matches(|c: char| c.is_whitespace() || c == ','));
    if let Some(id) = MINISTRIES.get(&key) {
        return (*id).to_string();
    }
    let words: Vec<String> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "dan")
        .map(str::to_string)
        .collect();
    format!("permen-{}", words.join("-"))
}

fn instrument_kind(kind: &str) -> &'static str {
    let kind = folded(kind);
    if kind.starts_with("peraturan pemerintah pengganti") || kind == "perppu" {
        "perppu"
    } else if kind.starts_with("peraturan pemerintah") || kind == "pp" {
        "pp"
    } else if kind.starts_with("peraturan komisi") || kind == "perki" {
        "perki"
    } else if kind.starts_with("peraturan mahkamah") || kind == "perma" {
        "perma"
    } else {
        "uu"
    }
}

/// Every instrument the text names, in order, as citations without article.
fn instruments(text: &str) -> Vec<LawCitation> {
    let mut found: Vec<LawCitation> = Vec::new();
    for caps in NUMBERED.captures_iter(text) {
        let (Some(all), Some(number), Some(year)) =
            (caps.get(0), caps.name("number"), caps.name("year"))
        else {
            continue;
        };
        let number = number.as_str().trim_start_matches('0');
        if number.is_empty() {
            continue;
        }
        let prefix = if let Some(minister) = caps.name("minister") {
            ministry_prefix(minister.as_str())
        } else if let Some(permen) = caps.name("permen") {
            permen.as_str().to_lowercase()
        } else {
            instrument_kind(caps.name("kind").map_or("", |k| k.as_str())).to_string()
        };
        found.push(LawCitation {
            start: all.start(),
            end: all.end(),
            instrument: format!("{prefix}-{number}-{}", year.as_str()),
            article: None,
        });
    }
    for caps in SHORT.captures_iter(text) {
        let (Some(all), Some(name)) = (caps.get(0), caps.name("name")) else {
            continue;
        };
        let overlaps = found
            .iter()
            .any(|f| f.start < all.end() && all.start() < f.end);
        let Some(id) = SHORT_NAMES.get(&folded(name.as_str())) else {
            continue;
        };
        // A number right after names the instrument; another one than the
        // short name's is not this instrument (a regional rule called so).
        let other_number = NUMBER_AFTER
            .captures(text.get(all.end()..).unwrap_or(""))
            .is_some_and(|c| {
                let n = c.get(1).map_or("", |m| m.as_str()).trim_start_matches('0');
                let y = c.get(2).map_or("", |m| m.as_str());
                !id.ends_with(&format!("-{n}-{y}"))
            });
        if !overlaps && !other_number {
            found.push(LawCitation {
                start: all.start(),
                end: all.end(),
                instrument: (*id).to_string(),
                article: None,
            });
        }
    }
    found.sort_by_key(|c| c.start);
    found
}

/// Every citation of a law or rule in `text`, in order: each instrument,
/// and each article that belongs to one.
pub fn citations(text: &str) -> Vec<LawCitation> {
    let instruments = instruments(text);
    let mut articles: Vec<(usize, usize, String)> = Vec::new();
    for c in ARTICLE.captures_iter(text) {
        let (Some(all), Some(article)) = (c.get(0), c.name("article")) else {
            continue;
        };
        if instruments
            .iter()
            .any(|i| i.start <= all.start() && all.start() < i.end)
        {
            continue;
        }
        let end = c.name("parts").map_or(all.end(), |p| p.end());
        articles.push((all.start(), end, article.as_str().to_lowercase()));
        // `Pasal 14 dan 15`: the bare numbers are articles of the same list.
        if let Some(more) = c.name("more").filter(|m| !m.is_empty()) {
            for m in MORE_ARTICLES.captures_iter(more.as_str()) {
                let Some(n) = m.get(1) else { continue };
                let (at, end) = (more.start() + n.start(), more.start() + n.end());
                // `Pasal 22 ayat (7), 10 hari kerja`: a count, not an article.
                let next = text.get(end..).unwrap_or("").trim_start().to_lowercase();
                let word = next
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                if word.is_empty() || LIST_GOES_ON.contains(&word) {
                    articles.push((at, end, n.as_str().to_lowercase()));
                }
            }
        }
    }
    // Lists of articles: each list ends where the next article does not
    // follow it through a connective.
    let mut lists: Vec<Vec<&(usize, usize, String)>> = Vec::new();
    for article in &articles {
        let joined = lists.last().and_then(|l| l.last()).is_some_and(|prev| {
            text.get(prev.1..article.0)
                .is_some_and(|gap| BETWEEN_ARTICLES.is_match(gap))
        });
        match lists.last_mut() {
            Some(list) if joined => list.push(article),
            _ => lists.push(vec![article]),
        }
    }
    let mut out = instruments.clone();
    for list in lists {
        let (Some(first), Some(last)) = (list.first(), list.last()) else {
            continue;
        };
        let after = instruments.iter().find(|i| {
            i.start >= last.1
                && text
                    .get(last.1..i.start)
                    .is_some_and(|gap| BEFORE_INSTRUMENT.is_match(gap))
        });
        let before = || {
            instruments.iter().rev().find(|i| {
                i.end <= first.0
                    && first.0 - i.end <= REACH_BACK
                    && text
                        .get(i.end..first.0)
                        .is_some_and(|gap| !SENTENCE_END.is_match(gap))
            })
        };
        let Some(instrument) = after.or_else(before) else {
            continue;
        };
        for (start, end, article) in list {
            out.push(LawCitation {
                start: *start,
                end: *end,
                instrument: instrument.instrument.clone(),
                article: Some(article.clone()),
            });
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// The ids a text cites, each once: every instrument and every article.
pub fn cited_ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for c in citations(text) {
        for id in [c.instrument.clone(), c.id()] {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<prefix>[a-z][a-z\-]*)-(?P<number>\d{1,4})-(?P<year>(?:19|20)\d{2})(?:/(?P<article>\d{1,3}[a-z]?))?$")
        .expect("the law-id pattern is valid")
});

/// The id a `law:` value names: an id as written (`uu-14-2008/17`), or
/// the one citation of a spelling (`UU KIP`, `Pasal 17 UU 14/2008`: the
/// article when there is one). `None` when the value cites nothing.
pub fn id_of(value: &str) -> Option<String> {
    let lower = value.trim().to_lowercase();
    if ID.is_match(&lower) {
        return Some(lower);
    }
    let found = citations(value);
    found
        .iter()
        .find(|c| c.article.is_some())
        .or(found.first())
        .map(LawCitation::id)
}

/// How an id reads: `UU 14/2008`, `Pasal 17 UU 14/2008`, `Perki 1/2013`,
/// with the usual short name where there is one (`UU 14/2008 (UU KIP)`).
pub fn label(id: &str) -> String {
    let Some(caps) = ID.captures(id) else {
        return id.to_string();
    };
    let part = |name: &str| caps.name(name).map_or("", |m| m.as_str());
    let prefix = part("prefix");
    let kind = match prefix {
        "uu" => "UU".to_string(),
        "pp" => "PP".to_string(),
        other => match other.strip_prefix("permen-") {
            Some(portfolio) => format!("Permen {}", portfolio.replace('-', " ")),
            None => {
                let mut chars = other.chars();
                chars.next().map_or(String::new(), |c| {
                    c.to_uppercase().collect::<String>() + chars.as_str()
                })
            }
        },
    };
    let instrument = format!("{kind} {}/{}", part("number"), part("year"));
    let short = SHORT_NAMES
        .iter()
        .filter(|(_, v)| id.split('/').next() == Some(**v))
        .map(|(name, _)| name)
        .min_by_key(|name| name.len())
        .filter(|name| name.len() <= 4)
        .map(|name| format!(" (UU {})", name.to_uppercase()))
        .unwrap_or_default();
    match caps.name("article") {
        Some(article) => format!(
            "Pasal {} {instrument}{short}",
            article.as_str().to_uppercase()
        ),
        None => format!("{instrument}{short}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        citations(text).iter().map(LawCitation::id).collect()
    }

    #[test]
    fn every_spelling_of_a_law_has_one_id() {
        for text in [
            "Undang-Undang Nomor 14 Tahun 2008",
            "UNDANG-UNDANG NOMOR 14 TAHUN 2008",
            "UU No. 14 Tahun 2008",
            "UU 14/2008",
            "UU No 14/2008",
            "Undang Undang Republik Indonesia Nomor 14 Tahun 2008",
            "UU KIP",
            "Undang-Undang tentang Keterbukaan Informasi Publik",
        ] {
            assert_eq!(ids(text), ["uu-14-2008"], "{text}");
        }
        assert_eq!(ids("UU PDP"), ["uu-27-2022"]);
        assert_eq!(ids("PP 61/2010"), ["pp-61-2010"]);
        assert_eq!(
            ids("Peraturan Pemerintah Nomor 61 Tahun 2010"),
            ["pp-61-2010"]
        );
        assert_eq!(ids("Perki 1/2013"), ["perki-1-2013"]);
        assert_eq!(
            ids("Peraturan Komisi Informasi Nomor 01 Tahun 2013"),
            ["perki-1-2013"]
        );
        assert_eq!(
            ids("Peraturan Menteri Dalam Negeri Nomor 3 Tahun 2017"),
            ["permendagri-3-2017"]
        );
        assert_eq!(ids("Permendagri No. 3 Tahun 2017"), ["permendagri-3-2017"]);
        assert_eq!(
            ids("Peraturan Menteri Pariwisata Nomor 2 Tahun 2020"),
            ["permen-pariwisata-2-2020"]
        );
    }

    #[test]
    fn an_article_belongs_to_the_instrument_after_or_before_it() {
        assert_eq!(
            ids("sesuai Pasal 17 huruf h UU 14 Tahun 2008."),
            ["uu-14-2008/17", "uu-14-2008"]
        );
        assert_eq!(ids("Pasal 17 UU KIP"), ["uu-14-2008/17", "uu-14-2008"]);
        assert_eq!(
            ids("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik Pasal 17 huruf h angka 2"),
            ["uu-14-2008", "uu-14-2008/17"]
        );
        assert_eq!(
            ids("Pasal 17 huruf b dan huruf j serta Pasal 18 ayat (1) UU KIP"),
            ["uu-14-2008/17", "uu-14-2008/18", "uu-14-2008"]
        );
        assert_eq!(
            ids("Pasal 5 Perki 1/2013 dan Pasal 2 UU 14/2008"),
            [
                "perki-1-2013/5",
                "perki-1-2013",
                "uu-14-2008/2",
                "uu-14-2008"
            ]
        );
    }

    #[test]
    fn spellings_seen_in_provincial_decisions_and_reports() {
        assert_eq!(
            ids("Undang-Undang Keterbukaan Informasi Publik (UU KIP) No. 14 Tahun 2008"),
            ["uu-14-2008", "uu-14-2008"]
        );
        assert_eq!(ids("UndangUndang Nomor 14 Tahun 2008"), ["uu-14-2008"]);
        assert_eq!(
            ids("Peraturan Komisi Informasi (PERKI) No.1 Tahun 2021"),
            ["perki-1-2021"]
        );
        assert_eq!(ids("Peraturan Komisi Nomor 1 Tahun 2010"), ["perki-1-2010"]);
        assert!(ids("Peraturan Komisi Pemilihan Umum Nomor 3 Tahun 2099").is_empty());
        assert!(
            ids("UU KIP Jawa Tengah No. 7 Tahun 2099").is_empty(),
            "a regional rule called so is not UU 14/2008"
        );
        assert_eq!(ids("UU KIP No. 14 Tahun 2008"), ["uu-14-2008"]);
        assert_eq!(
            ids("Pasal 14 dan 15 Perki 1 Tahun 2013"),
            ["perki-1-2013/14", "perki-1-2013/15", "perki-1-2013"]
        );
        assert_eq!(
            ids("menurut UU 14/2008 Pasal 22 ayat (7), 10 hari kerja"),
            ["uu-14-2008", "uu-14-2008/22"]
        );
        assert_eq!(
            ids("Pasal 6 ayat (3) sebagaimana diatur dalam Perki 1/2013"),
            ["perki-1-2013/6", "perki-1-2013"]
        );
        assert_eq!(
            ids("ketentuan Pasal 17 huruf b dan j sebagaimana dimaksud dalam UU KIP"),
            ["uu-14-2008/17", "uu-14-2008"]
        );
    }

    #[test]
    fn an_article_with_no_instrument_in_reach_cites_nothing() {
        assert!(ids("Pasal 17 mengatur pengecualian.").is_empty());
        assert_eq!(
            ids("Hal itu diatur UU KIP. Menurut Pasal 2 ada asas lain."),
            ["uu-14-2008"]
        );
        assert!(ids("PPID 2 kali hadir, app 12/2020").is_empty());
        assert!(ids("tanggal 12/03/2024").is_empty());
    }

    #[test]
    fn query_values_name_ids() {
        assert_eq!(id_of("uu-14-2008/17").as_deref(), Some("uu-14-2008/17"));
        assert_eq!(id_of("UU KIP").as_deref(), Some("uu-14-2008"));
        assert_eq!(
            id_of("Pasal 17 UU 14/2008").as_deref(),
            Some("uu-14-2008/17")
        );
        assert_eq!(id_of("kontrak"), None);
    }

    #[test]
    fn ids_read_as_people_write_them() {
        assert_eq!(label("uu-14-2008"), "UU 14/2008 (UU KIP)");
        assert_eq!(label("uu-14-2008/17"), "Pasal 17 UU 14/2008 (UU KIP)");
        assert_eq!(label("perki-1-2013"), "Perki 1/2013");
        assert_eq!(
            label("permen-pariwisata-2-2020"),
            "Permen pariwisata 2/2020"
        );
    }
}
