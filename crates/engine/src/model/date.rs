//! Dates as documents give them and as queries ask for them.
//!
//! A [`DocDate`] is a calendar date with its precision: a day (`2024-03-27`),
//! a month (`2024-03`) or a year (`2024`), shown as written. A [`DateRange`]
//! is an inclusive range of days, the form every date filter takes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::{Date, Month};

/// The years a document may be dated in; query bounds outside them are
/// clamped to them (no document lies outside).
pub const DOCUMENT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year.
    Year,
    /// The year and the month.
    Month,
    /// The whole date.
    Day,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or no such day.
    #[error("`{0}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")]
    Malformed(String),
    /// A real date outside [`DOCUMENT_YEARS`].
    #[error("`{0}` is outside the years a document may have (1900 to 2200)")]
    OutOfRange(String),
    /// A month or a year where the whole date is required.
    #[error("`{0}` is not a whole date: expected YYYY-MM-DD")]
    NotADay(String),
}

/// A document's date with its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocDate {
    first: Date,
    precision: Precision,
}

impl DocDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (any four-digit year).
    pub fn parse(text: &str) -> Result<DocDate, DateError> {
        let bad = || DateError::Malformed(text.to_string());
        let number = |s: &str, len: usize| -> Result<u16, DateError> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let parts: Vec<&str> = text.split('-').collect();
        let (year, month, day, precision) = match parts.as_slice() {
            [y] => (number(y, 4)?, 1, 1, Precision::Year),
            [y, m] => (number(y, 4)?, number(m, 2)?, 1, Precision::Month),
            [y, m, d] => (number(y, 4)?, number(m, 2)?, number(d, 2)?, Precision::Day),
            _ => return Err(bad()),
        };
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(bad)?;
        let day = u8::try_from(day).map_err(|_| bad())?;
        let first = Date::from_calendar_date(i32::from(year), month, day).map_err(|_| bad())?;
        Ok(DocDate { first, precision })
    }

    /// Parses a document's date: as [`DocDate::parse`], within [`DOCUMENT_YEARS`].
    pub fn parse_document(text: &str) -> Result<DocDate, DateError> {
        let date = DocDate::parse(text)?;
        if DOCUMENT_YEARS.contains(&date.first.year()) {
            Ok(date)
        } else {
            Err(DateError::OutOfRange(text.to_string()))
        }
    }

    /// Parses a document's date that must be a whole day (`YYYY-MM-DD`).
    pub fn parse_document_day(text: &str) -> Result<DocDate, DateError> {
        let date = DocDate::parse_document(text)?;
        if date.precision == Precision::Day {
            Ok(date)
        } else {
            Err(DateError::NotADay(text.to_string()))
        }
    }

    /// How much of the date is known.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The first day the date may mean.
    pub fn first_day(self) -> Date {
        self.first
    }

    /// The last day the date may mean (the end of its month or year).
    pub fn last_day(self) -> Date {
        let (year, month) = (self.first.year(), self.first.month());
        let last_of = |m: Month| {
            Date::from_calendar_date(year, m, time::util::days_in_month(m, year))
                .unwrap_or(self.first)
        };
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => last_of(month),
            Precision::Year => last_of(Month::December),
        }
    }

    /// The days the date may mean, as a range.
    pub fn range(self) -> DateRange {
        DateRange {
            from: Some(self.first_day()),
            to: Some(self.last_day()),
        }
    }
}

impl fmt::Display for DocDate {
    /// The date as written: `2024-03-27`, `2024-03` or `2024`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (
            self.first.year(),
            u8::from(self.first.month()),
            self.first.day(),
        );
        match self.precision {
            Precision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Year => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for DocDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DocDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        DocDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An inclusive range of days; an absent bound is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day, if bounded.
    pub from: Option<Date>,
    /// The last day, if bounded.
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether neither bound is set.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Narrows the range by another: the later start, the earlier end.
    pub fn narrow(&mut self, other: DateRange) {
        if let Some(from) = other.from {
            if self.from.is_none_or(|f| from > f) {
                self.from = Some(from);
            }
        }
        if let Some(to) = other.to {
            if self.to.is_none_or(|t| to < t) {
                self.to = Some(to);
            }
        }
    }

    /// Whether the range holds no day at all.
    pub fn is_empty(&self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if f > t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn precision_and_range_of_each_form() {
        let day = DocDate::parse("2024-02-29").unwrap();
        assert_eq!(day.precision(), Precision::Day);
        assert_eq!(
            (day.first_day(), day.last_day()),
            (date!(2024 - 02 - 29), date!(2024 - 02 - 29))
        );
        let month = DocDate::parse("2024-02").unwrap();
        assert_eq!(
            (month.first_day(), month.last_day()),
            (date!(2024 - 02 - 01), date!(2024 - 02 - 29))
        );
        let year = DocDate::parse("2023").unwrap();
        assert_eq!(
            (year.first_day(), year.last_day()),
            (date!(2023 - 01 - 01), date!(2023 - 12 - 31))
        );
        for text in ["2024-02-29", "2024-02", "2023"] {
            assert_eq!(DocDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn malformed_dates_and_years_out_of_range_are_refused() {
        for text in [
            "2023-02-29",
            "27/3/2024",
            "2024-13",
            "24-03-01",
            "2024-3-1",
            "",
            "2024-01-01-01",
        ] {
            assert!(
                matches!(DocDate::parse(text), Err(DateError::Malformed(_))),
                "{text}"
            );
        }
        assert!(matches!(
            DocDate::parse_document("0019-11-14"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            DocDate::parse_document_day("2024-03"),
            Err(DateError::NotADay(_))
        ));
        assert!(
            DocDate::parse("0019-11-14").is_ok(),
            "a query may name any year"
        );
    }

    #[test]
    fn ranges_narrow_and_can_be_empty() {
        let mut range = DocDate::parse("2024").unwrap().range();
        range.narrow(DateRange {
            from: Some(date!(2024 - 02 - 01)),
            to: None,
        });
        range.narrow(DocDate::parse("2024-06").unwrap().range());
        assert_eq!(range.from, Some(date!(2024 - 06 - 01)));
        assert_eq!(range.to, Some(date!(2024 - 06 - 30)));
        assert!(!range.is_empty());
        range.narrow(DateRange {
            from: Some(date!(2024 - 07 - 01)),
            to: None,
        });
        assert!(range.is_empty());
    }

    #[test]
    fn dates_serialize_as_written() {
        let d = DocDate::parse("2024-03").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2024-03\"");
        let back: DocDate = serde_json::from_str("\"2024-03\"").unwrap();
        assert_eq!(back, d);
    }
}
