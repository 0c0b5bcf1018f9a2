//! The query language, parsed into a small syntax tree.
//!
//! | syntax | meaning |
//! | --- | --- |
//! | `apa kata majelis soal legal standing` | words; passages with all of them first, then with fewer; question and filler words are never required |
//! | `"uji konsekuensi"` | the exact words, in order, as spoken (unstemmed) |
//! | `-alibaba`, `-"data pribadi"` | exclude |
//! | `kontrak OR perjanjian` | either word |
//! | `role:majelis`, `role:pemohon,termohon` | speaker role (several: any of them); `role:narasi` (or `narration`): report or hearing text no one is said to speak |
//! | `mode:quote`, `mode:paraphrase` | quoted or reported speech of a news report (with `role:`, by that role) |
//! | `speaker:"Rospita Vici Paulyn"`, `speaker:rospita` | speaker name (words of it) |
//! | `case:023/III/KIP-PS/2024` | case register number (whole, any case) |
//! | `type:news` | document type: `transcript`, `news`, `putusan` |
//! | `provenance:official`, `news`, `caption`, `reconstructed` | where the document's text comes from (comma for any of several) |
//! | `commission:jabar`, `commission:"KI Jawa Barat"`, `commission:pusat` | the commission, however written (province abbreviations too) |
//! | `section:pertimbangan`, `section:amar` | the part of a decision: `identitas`, `duduk_perkara`, `pertimbangan`, `kesimpulan`, `amar` |
//! | `outcome:ditolak` | how the case ended: `dikabulkan`, `dikabulkan_sebagian`, `ditolak`, `tidak_diterima`, `gugur`, `dicabut`, `mediasi_berhasil` |
//! | `law:uu-14-2008/17`, `law:"UU KIP"`, `law:"Pasal 17 UU 14/2008"` | passages citing a law, rule or article, in any spelling |
//! | `kind:procedural`, `-kind:procedural` | only, or no, procedural turns (opening, closing, adjournment, roll call, stage directions); `kind:speech` is the same as `-kind:procedural` |
//! | `date:2024-03`, `date:2024`, `date:2024-03-27`, `date:2024-01..2024-06` | a day, month, year or range |
//! | `from:2024-03`, `to:2024-06-30` | open ranges |
//!
//! Anything else — punctuation, parentheses, `*` — is part of a word and
//! analysed away. Malformed input (an unclosed quote, an unknown role, a bad
//! date) is a [`QueryError`] with a message for the user, never a panic.

use crate::model::{
    AttributionMode, DateRange, DocDate, DocType, Outcome, Provenance, Role, Section,
};

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// The most words, phrases and filters one query may hold.
pub const MAX_CLAUSES: usize = 32;

/// A query the user cannot run as written, with the reason. `Display` is
/// the English message (API, CLI); each variant carries what a page needs
/// to say it in its own language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// More than [`MAX_QUERY_CHARS`] characters.
    #[error("the query is longer than {MAX_QUERY_CHARS} characters")]
    TooLong,
    /// The query holds personal data of this kind (`email`, `phone`, ...).
    #[error("personal data ({0}) is not searchable: risalah masks it before indexing")]
    PersonalData(&'static str),
    /// More than [`MAX_CLAUSES`] words, phrases and filters.
    #[error("the query has more than {MAX_CLAUSES} words and filters")]
    TooManyClauses,
    /// `OR` without a word or phrase on one side.
    #[error("OR needs a word or phrase on both sides")]
    OrAlone,
    /// `OR` next to a filter.
    #[error("OR cannot join a filter; write the values together, as role:majelis,pemohon")]
    OrFilter,
    /// `OR` next to an excluded word.
    #[error("OR cannot join an excluded word")]
    OrNegated,
    /// An excluded filter other than `kind:` (the filter as written).
    #[error("a filter cannot be excluded: -{0}")]
    NegatedFilter(String),
    /// A filter name with nothing after the colon.
    #[error("`{0}:` needs a value")]
    EmptyFilter(String),
    /// A quotation mark without its closing mark.
    #[error("a quotation mark is not closed; close the phrase with \"")]
    UnclosedQuote,
    /// A name that is no role, mode, document type, ...
    #[error(transparent)]
    UnknownName(#[from] crate::model::UnknownName),
    /// `kind:` with a value other than `procedural` or `speech`.
    #[error("`kind:{0}` is no kind; write `kind:procedural` (opening, closing, adjournment, roll call, stage directions) or `kind:speech`, or exclude with `-kind:procedural`")]
    UnknownKind(String),
    /// `commission:` naming no commission.
    #[error("`commission:{0}` names no commission; write its region, as `commission:jabar` or `commission:\"KI Jawa Barat\"`")]
    UnknownCommission(String),
    /// `law:` naming no law or rule.
    #[error("`law:{0}` names no law or rule; write its id or a citation, as `law:uu-14-2008/17` or `law:\"UU KIP\"`")]
    UnknownLaw(String),
    /// A `name:` that is no filter.
    #[error("unknown filter `{0}:`")]
    UnknownFilter(String),
    /// A date that cannot be read.
    #[error(transparent)]
    Date(#[from] crate::model::DateError),
    /// A date range whose start is after its end (both as written).
    #[error("the date range is empty: {0} is after {1}")]
    EmptyDateRange(String, String),
    /// `speaker:` with no word to match.
    #[error("speaker `{0}` has no words to match")]
    SpeakerWithoutWords(String),
}

fn error<T>(e: QueryError) -> Result<T, QueryError> {
    Err(e)
}

/// One word or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A word, matched stemmed.
    Word(String),
    /// A quoted phrase, matched exactly.
    Phrase(String),
}

/// A clause of the query: one item, or several joined by `OR`; possibly excluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// The alternatives (more than one when joined by `OR`).
    pub alternatives: Vec<Item>,
    /// Whether matching passages are excluded.
    pub negated: bool,
}

/// The filters of a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of these roles.
    pub roles: Vec<Role>,
    /// Also (or, without roles, only) the narration: passages of a report
    /// or hearing that no one is said to speak (`role:narasi`).
    pub narration: bool,
    /// Any of these attribution modes (with a role filter: an attribution
    /// of that mode by a speaker of that role).
    pub modes: Vec<AttributionMode>,
    /// Each of these speaker names (words of the name).
    pub speakers: Vec<String>,
    /// Any of these case register numbers.
    pub cases: Vec<String>,
    /// Any of these document types.
    pub doc_types: Vec<DocType>,
    /// Any of these provenances.
    pub provenances: Vec<Provenance>,
    /// Any of these commissions, as keys ([`crate::model::commission`]).
    pub commissions: Vec<String>,
    /// Any of these sections of a decision.
    pub sections: Vec<Section>,
    /// Any of these outcomes.
    pub outcomes: Vec<Outcome>,
    /// Each of these laws, rules or articles, as ids ([`crate::legal::law`]).
    pub laws: Vec<String>,
    /// Only procedural passages (`kind:procedural`), or none of them
    /// (`-kind:procedural`, `kind:speech`).
    pub procedural: Option<bool>,
    /// The date range.
    pub dates: DateRange,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Adds the filters of `other`: more values of each, the narrower date range.
    pub fn merge(&mut self, other: &Filters) {
        union(&mut self.modes, &other.modes);
        union(&mut self.roles, &other.roles);
        self.narration |= other.narration;
        self.speakers.extend(other.speakers.iter().cloned());
        self.cases.extend(other.cases.iter().cloned());
        union(&mut self.doc_types, &other.doc_types);
        union(&mut self.provenances, &other.provenances);
        union(&mut self.commissions, &other.commissions);
        union(&mut self.sections, &other.sections);
        union(&mut self.outcomes, &other.outcomes);
        union(&mut self.laws, &other.laws);
        self.procedural = self.procedural.or(other.procedural);
        self.dates.narrow(other.dates);
    }
}

/// Adds to `into` each value of `from` it does not hold yet.
fn union<T: PartialEq + Clone>(into: &mut Vec<T>, from: &[T]) {
    for value in from {
        if !into.contains(value) {
            into.push(value.clone());
        }
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// The clauses, in the order typed.
    pub clauses: Vec<Clause>,
    /// The filters typed in the query.
    pub filters: Filters,
}

impl ParsedQuery {
    /// The query with each required phrase loosened into its words (each
    /// a clause of its own, so its words may stand apart), or `None` when
    /// it has no required phrase: what a search shows as close matches
    /// when a phrase is found in few documents. Excluded phrases stay.
    pub fn without_phrases(&self) -> Option<ParsedQuery> {
        let is_phrase =
            |c: &Clause| !c.negated && matches!(c.alternatives.as_slice(), [Item::Phrase(_)]);
        if !self.clauses.iter().any(is_phrase) {
            return None;
        }
        let clauses = self
            .clauses
            .iter()
            .flat_map(|c| match c.alternatives.as_slice() {
                [Item::Phrase(phrase)] if is_phrase(c) => phrase
                    .split_whitespace()
                    .map(|w| Clause {
                        alternatives: vec![Item::Word(w.to_string())],
                        negated: false,
                    })
                    .collect(),
                _ => vec![c.clone()],
            })
            .collect();
        Some(ParsedQuery {
            clauses,
            filters: self.filters.clone(),
        })
    }
}

/// A lexical piece of the query string.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Word(String),
    Phrase(String),
    Or,
    Field { name: String, value: String },
}

const FIELDS: &[&str] = &[
    "role",
    "mode",
    "speaker",
    "case",
    "type",
    "provenance",
    "commission",
    "section",
    "outcome",
    "law",
    "kind",
    "date",
    "from",
    "to",
];

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Parses a query string.
pub fn parse(input: &str) -> Result<ParsedQuery, QueryError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return error(QueryError::TooLong);
    }
    // Personal data is masked before indexing: it is never an index term,
    // and a query for it says so rather than finding nothing silently.
    if let Some(found) = crate::privacy::find(input).first() {
        return error(QueryError::PersonalData(found.kind.as_str()));
    }
    let pieces = lex(input)?;
    let mut query = ParsedQuery::default();
    let mut pending_or = false;
    let mut count = 0;
    for (negated, piece) in pieces {
        count += 1;
        if count > MAX_CLAUSES * 2 {
            return error(QueryError::TooManyClauses);
        }
        let item = match piece {
            Piece::Or => {
                if pending_or || query.clauses.last().is_none_or(|c| c.negated) {
                    return error(QueryError::OrAlone);
                }
                pending_or = true;
                continue;
            }
            Piece::Field { name, value } => {
                if pending_or {
                    return error(QueryError::OrFilter);
                }
                if negated && name == "kind" {
                    // `-kind:procedural`: the one filter that may be excluded.
                    let wanted = kind_filter(&value)?;
                    query.filters.procedural = Some(!wanted);
                    continue;
                }
                if negated {
                    return error(QueryError::NegatedFilter(format!("{name}:{value}")));
                }
                add_filter(&mut query.filters, &name, &value)?;
                continue;
            }
            Piece::Word(w) => Item::Word(w),
            Piece::Phrase(p) => Item::Phrase(p),
        };
        if pending_or {
            if negated {
                return error(QueryError::OrNegated);
            }
            if let Some(last) = query.clauses.last_mut() {
                last.alternatives.push(item);
            }
            pending_or = false;
        } else {
            query.clauses.push(Clause {
                alternatives: vec![item],
                negated,
            });
        }
    }
    if pending_or {
        return error(QueryError::OrAlone);
    }
    if query.clauses.len() > MAX_CLAUSES {
        return error(QueryError::TooManyClauses);
    }
    Ok(query)
}

/// Splits the query into pieces, each with whether it was negated by `-`.
fn lex(input: &str) -> Result<Vec<(bool, Piece)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let negated = chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
        if negated {
            i += 1;
        }
        if is_quote(chars[i]) {
            let (text, next) = quoted(&chars, i)?;
            i = next;
            if !text.trim().is_empty() {
                out.push((negated, Piece::Phrase(text)));
            }
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !(i > start && is_quote(chars[i])) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if let Some((name, rest)) = word.split_once(':') {
            let name = name.to_lowercase();
            if FIELDS.contains(&name.as_str()) {
                let value = if rest.is_empty() && i < chars.len() && is_quote(chars[i]) {
                    let (text, next) = quoted(&chars, i)?;
                    i = next;
                    text
                } else {
                    rest.to_string()
                };
                if value.trim().is_empty() {
                    return error(QueryError::EmptyFilter(name));
                }
                out.push((negated, Piece::Field { name, value }));
                continue;
            }
        }
        if word == "OR" && !negated {
            out.push((false, Piece::Or));
        } else {
            out.push((negated, Piece::Word(word)));
        }
    }
    Ok(out)
}

/// Reads a quoted string starting at the quote at `start`; returns it and the index after it.
fn quoted(chars: &[char], start: usize) -> Result<(String, usize), QueryError> {
    let end = chars[start + 1..]
        .iter()
        .position(|&c| is_quote(c))
        .map(|p| start + 1 + p)
        .ok_or(QueryError::UnclosedQuote)?;
    Ok((chars[start + 1..end].iter().collect(), end + 1))
}

/// Adds each comma-separated name of `value` to `list`, once.
fn add_names<T: PartialEq>(
    list: &mut Vec<T>,
    value: &str,
    parse: impl Fn(&str) -> Result<T, crate::model::UnknownName>,
) -> Result<(), QueryError> {
    for part in value.split(',').filter(|p| !p.is_empty()) {
        let name = parse(part)?;
        if !list.contains(&name) {
            list.push(name);
        }
    }
    Ok(())
}

/// The names `role:narasi` and `role:narration` give the narration.
pub fn is_narration(name: &str) -> bool {
    let name = name.trim();
    name.eq_ignore_ascii_case("narasi") || name.eq_ignore_ascii_case("narration")
}

/// Splits a comma-separated role value into whether it names the narration
/// and the other names, comma-separated again.
pub fn split_narration(value: &str) -> (bool, String) {
    let (narration, roles): (Vec<&str>, Vec<&str>) =
        value.split(',').partition(|n| is_narration(n));
    (!narration.is_empty(), roles.join(","))
}

/// What `kind:VALUE` asks for: procedural passages (true) or speech (false).
pub fn kind_filter(value: &str) -> Result<bool, QueryError> {
    match value.to_lowercase().as_str() {
        "procedural" | "prosedural" => Ok(true),
        "speech" | "tuturan" => Ok(false),
        _ => error(QueryError::UnknownKind(value.to_string())),
    }
}

fn add_filter(filters: &mut Filters, name: &str, value: &str) -> Result<(), QueryError> {
    match name {
        "kind" => filters.procedural = Some(kind_filter(value)?),
        "role" => {
            let (narration, roles) = split_narration(value);
            filters.narration |= narration;
            add_names(&mut filters.roles, &roles, Role::from_name)?
        }
        "mode" => add_names(&mut filters.modes, value, AttributionMode::from_name)?,
        "speaker" => filters.speakers.push(value.to_string()),
        "case" => filters.cases.push(value.to_string()),
        "type" => add_names(&mut filters.doc_types, value, DocType::from_name)?,
        "provenance" => add_names(&mut filters.provenances, value, Provenance::from_name)?,
        "commission" => {
            let key = crate::model::commission::commission_key(value);
            if key.is_empty() {
                return error(QueryError::UnknownCommission(value.to_string()));
            }
            if !filters.commissions.contains(&key) {
                filters.commissions.push(key);
            }
        }
        "section" => add_names(&mut filters.sections, value, Section::from_name)?,
        "outcome" => add_names(&mut filters.outcomes, value, Outcome::from_name)?,
        "law" => {
            let Some(id) = crate::legal::law::id_of(value) else {
                return error(QueryError::UnknownLaw(value.to_string()));
            };
            if !filters.laws.contains(&id) {
                filters.laws.push(id);
            }
        }
        "date" => {
            let range = match value.split_once("..") {
                Some((a, b)) => DateRange {
                    from: (!a.is_empty())
                        .then(|| period(a))
                        .transpose()?
                        .and_then(|r| r.from),
                    to: (!b.is_empty())
                        .then(|| period(b))
                        .transpose()?
                        .and_then(|r| r.to),
                },
                None => period(value)?,
            };
            filters.dates.narrow(range);
        }
        "from" => filters.dates.narrow(DateRange {
            from: period(value)?.from,
            to: None,
        }),
        "to" => filters.dates.narrow(DateRange {
            from: None,
            to: period(value)?.to,
        }),
        _ => return error(QueryError::UnknownFilter(name.to_string())),
    }
    Ok(())
}

/// The days of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn period(text: &str) -> Result<DateRange, QueryError> {
    DocDate::parse(text)
        .map(DocDate::range)
        .map_err(QueryError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn words(q: &ParsedQuery) -> Vec<(Vec<Item>, bool)> {
        q.clauses
            .iter()
            .map(|c| (c.alternatives.clone(), c.negated))
            .collect()
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q =
            parse(r#"kontrak "uji konsekuensi" -alibaba sidang OR persidangan -"data pribadi""#)
                .unwrap();
        assert_eq!(
            words(&q),
            vec![
                (vec![Item::Word("kontrak".into())], false),
                (vec![Item::Phrase("uji konsekuensi".into())], false),
                (vec![Item::Word("alibaba".into())], true),
                (
                    vec![
                        Item::Word("sidang".into()),
                        Item::Word("persidangan".into())
                    ],
                    false
                ),
                (vec![Item::Phrase("data pribadi".into())], true),
            ]
        );
    }

    #[test]
    fn a_required_phrase_loosens_into_its_words_and_an_excluded_one_stays() {
        let q = parse(r#"kontrak "uji konsekuensi" -"data pribadi" role:majelis"#).unwrap();
        let loose = q.without_phrases().unwrap();
        let word = |w: &str| (vec![Item::Word(w.into())], false);
        assert_eq!(
            words(&loose),
            vec![
                word("kontrak"),
                word("uji"),
                word("konsekuensi"),
                (vec![Item::Phrase("data pribadi".into())], true),
            ]
        );
        assert_eq!(loose.filters, q.filters);
        assert_eq!(
            parse("kontrak -\"data pribadi\"")
                .unwrap()
                .without_phrases(),
            None
        );
    }

    #[test]
    fn filters() {
        let q = parse(r#"role:majelis,pemohon speaker:"Rospita Vici Paulyn" case:023/III/KIP-PS/2024 type:news date:2024-03 Alibaba"#).unwrap();
        assert_eq!(q.filters.roles, vec![Role::Majelis, Role::Pemohon]);
        assert_eq!(q.filters.speakers, vec!["Rospita Vici Paulyn".to_string()]);
        assert_eq!(q.filters.cases, vec!["023/III/KIP-PS/2024".to_string()]);
        assert_eq!(q.filters.doc_types, vec![DocType::News]);
        assert_eq!(q.filters.dates.from, Some(date!(2024 - 03 - 01)));
        assert_eq!(q.filters.dates.to, Some(date!(2024 - 03 - 31)));
        assert_eq!(q.clauses.len(), 1);
    }

    #[test]
    fn date_periods_and_ranges() {
        let feb = period("2024-02").unwrap();
        assert_eq!(
            (feb.from, feb.to),
            (Some(date!(2024 - 02 - 01)), Some(date!(2024 - 02 - 29)))
        );
        let year = period("2023").unwrap();
        assert_eq!(
            (year.from, year.to),
            (Some(date!(2023 - 01 - 01)), Some(date!(2023 - 12 - 31)))
        );
        let q = parse("date:2024-01..2024-06 from:2024-02").unwrap();
        assert_eq!(q.filters.dates.from, Some(date!(2024 - 02 - 01)));
        assert_eq!(q.filters.dates.to, Some(date!(2024 - 06 - 30)));
        let q = parse("date:..2024-06").unwrap();
        assert_eq!(q.filters.dates.from, None);
    }

    #[test]
    fn words_with_colons_that_are_not_filters_stay_words() {
        let q = parse("pasal:17 https://kpu.go.id").unwrap();
        assert_eq!(q.clauses.len(), 2);
    }

    #[test]
    fn malformed_queries_get_clear_errors() {
        for (input, message) in [
            ("\"uji konsekuensi", "quotation mark is not closed"),
            ("role:hakim", "unknown role `hakim`"),
            ("type:memo", "unknown document type"),
            ("date:2024-13", "is not a date"),
            ("date:27/3/2024", "is not a date"),
            ("OR kontrak", "OR needs"),
            ("kontrak OR", "OR needs"),
            ("role:", "needs a value"),
            ("-role:majelis", "cannot be excluded"),
        ] {
            let err = parse(input).unwrap_err();
            assert!(err.to_string().contains(message), "{input}: {err}");
        }
        assert!(parse(&"a ".repeat(600)).is_err());
        assert!(parse(&"x".repeat(1001)).is_err());
    }

    #[test]
    fn odd_input_never_panics() {
        for input in [
            "",
            "-",
            "--",
            "\"\"",
            "((((((((",
            "*?*",
            ":",
            "role",
            "“kutipan”",
            "-\"",
            "a:\"b",
            "OR OR",
            "- -",
        ] {
            let _ = parse(input);
        }
    }
}
