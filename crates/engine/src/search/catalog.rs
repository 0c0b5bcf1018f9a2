//! What an index holds, document by document: the list `/api/docs` pages
//! through and the summary the home page shows (documents, passages, cases,
//! the date range, and the counts by provenance and by type).

use crate::model::{DocDate, DocType, DocumentMeta, Provenance};
use std::collections::BTreeSet;
use strum::VariantArray;

/// One document of the catalog.
#[derive(Clone, Debug)]
pub struct CatalogEntry {
    /// The document's metadata.
    pub meta: DocumentMeta,
    /// How many passages it has.
    pub passages: u64,
}

/// Counts of documents and passages of one kind (a provenance, a type).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents.
    pub documents: usize,
    /// Their passages.
    pub passages: u64,
}

/// What the index holds, in sum.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Documents.
    pub documents: usize,
    /// Passages.
    pub passages: u64,
    /// Distinct case register numbers.
    pub cases: usize,
    /// The earliest document date.
    pub first_date: Option<DocDate>,
    /// The latest document date.
    pub last_date: Option<DocDate>,
    /// By provenance, in the order of [`Provenance::VARIANTS`], only those present.
    pub by_provenance: Vec<(Provenance, Tally)>,
    /// By document type, in the order of [`DocType::VARIANTS`], only those present.
    pub by_type: Vec<(DocType, Tally)>,
}

/// Every document of an index, in id order, with the summary.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The documents, in id order.
    pub documents: Vec<CatalogEntry>,
    /// The sums.
    pub summary: CorpusSummary,
}

impl Catalog {
    /// The catalog of `documents` (any order).
    pub fn new(mut documents: Vec<CatalogEntry>) -> Catalog {
        documents.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        let tally = |keep: &dyn Fn(&DocumentMeta) -> bool| {
            documents
                .iter()
                .filter(|d| keep(&d.meta))
                .fold(Tally::default(), |t, d| Tally {
                    documents: t.documents + 1,
                    passages: t.passages + d.passages,
                })
        };
        let by_provenance = Provenance::VARIANTS
            .iter()
            .map(|&p| (p, tally(&|m| m.provenance == p)))
            .filter(|(_, t)| t.documents > 0)
            .collect();
        let by_type = DocType::VARIANTS
            .iter()
            .map(|&k| (k, tally(&|m| m.doc_type == k)))
            .filter(|(_, t)| t.documents > 0)
            .collect();
        let cases: BTreeSet<String> = documents
            .iter()
            .filter_map(|d| d.meta.case.as_deref())
            .map(crate::legal::register::case_key)
            .collect();
        let dates = || documents.iter().filter_map(|d| d.meta.date);
        let summary = CorpusSummary {
            documents: documents.len(),
            passages: documents.iter().map(|d| d.passages).sum(),
            cases: cases.len(),
            first_date: dates().min_by_key(|d| d.first_day()),
            last_date: dates().max_by_key(|d| d.last_day()),
            by_provenance,
            by_type,
        };
        Catalog { documents, summary }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        id: &str,
        provenance: Provenance,
        case: Option<&str>,
        date: &str,
        passages: u64,
    ) -> CatalogEntry {
        CatalogEntry {
            meta: DocumentMeta {
                id: id.to_string(),
                doc_type: DocType::Transcript,
                provenance,
                case: case.map(str::to_string),
                date: DocDate::parse_document(date).ok(),
                ..DocumentMeta::default()
            },
            passages,
        }
    }

    #[test]
    fn the_summary_counts_cases_once_and_spans_the_dates() {
        let catalog = Catalog::new(vec![
            entry(
                "b",
                Provenance::Official,
                Some("1/I/KI-X-PS/2099"),
                "2099-05",
                10,
            ),
            entry(
                "a",
                Provenance::Caption,
                Some("1 / I / ki-x-ps / 2099"),
                "2098",
                5,
            ),
            entry("c", Provenance::Official, None, "2099-07-01", 1),
        ]);
        let s = &catalog.summary;
        assert_eq!(catalog.documents[0].meta.id, "a");
        assert_eq!((s.documents, s.passages, s.cases), (3, 16, 1));
        assert_eq!(s.first_date.map(|d| d.to_string()).as_deref(), Some("2098"));
        assert_eq!(
            s.last_date.map(|d| d.to_string()).as_deref(),
            Some("2099-07-01")
        );
        assert_eq!(
            s.by_provenance,
            vec![
                (
                    Provenance::Official,
                    Tally {
                        documents: 2,
                        passages: 11
                    }
                ),
                (
                    Provenance::Caption,
                    Tally {
                        documents: 1,
                        passages: 5
                    }
                ),
            ]
        );
    }
}
