//! Hits grouped by document: a page lists documents, each at the place of
//! its best passage, with the next best passages of the same document
//! beside it, so that one report's many paragraphs cannot fill a page and
//! hide a second report. The groups are made from the best
//! [`window`] passages; the number of documents matching is counted over
//! every match ([`DocumentCount`]); both read the document numbers made
//! once per searcher generation ([`DocumentOrdinals`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Passages looked at per document asked for.
const DEPTH: usize = 5;
/// The most passages looked at to make the groups of one page.
pub const MAX_WINDOW: usize = 1_000;
/// The most other passages of a document shown with its best one.
pub const ALSO_SHOWN: usize = 3;

/// How a search's hits are listed.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Grouping {
    /// One hit per document, its best passage, with its next best (the
    /// default for a search by relevance): `doc`, also `document`.
    #[default]
    #[serde(rename = "doc", alias = "document")]
    #[strum(to_string = "doc", serialize = "document")]
    Document,
    /// Every passage on its own, in rank order.
    Passage,
}

impl Grouping {
    /// The parameter value (`doc`, `passage`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// How many of the best passages to read to fill the page of documents
/// `offset..offset + limit`.
pub fn window(offset: usize, limit: usize) -> usize {
    (offset + limit)
        .saturating_mul(DEPTH)
        .clamp(offset + limit, MAX_WINDOW.max(offset + limit))
}

/// One document's passages among the best, in rank order.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The document's number in its searcher's [`DocumentNumbers`] (none
    /// where it was not read).
    pub document: Option<u32>,
    /// Its best passage.
    pub best: (Score, DocAddress),
    /// Its next best, up to [`ALSO_SHOWN`].
    pub also: Vec<(Score, DocAddress)>,
    /// How many of its passages the window held besides the best.
    pub more: usize,
}

impl Group {
    /// Every passage of `ranked` a group of its own, in order.
    pub fn each(ranked: Vec<(Score, DocAddress)>) -> Vec<Group> {
        ranked
            .into_iter()
            .map(|best| Group {
                document: None,
                best,
                also: Vec::new(),
                more: 0,
            })
            .collect()
    }
}

/// Groups `ranked` (best first) by document, in the order of each
/// document's best passage; `numbers` must be of the same searcher.
pub fn group(numbers: &DocumentNumbers, ranked: Vec<(Score, DocAddress)>) -> Vec<Group> {
    let mut at: HashMap<u32, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (score, address) in ranked {
        let document = numbers.document_of(address);
        match document.and_then(|d| at.get(&d)) {
            Some(&i) => {
                let g = &mut groups[i];
                g.more += 1;
                if g.also.len() < ALSO_SHOWN {
                    g.also.push((score, address));
                }
            }
            None => {
                // A passage without a document stands alone.
                if let Some(d) = document {
                    at.insert(d, groups.len());
                }
                groups.push(Group {
                    document,
                    best: (score, address),
                    also: Vec::new(),
                    more: 0,
                });
            }
        }
    }
    groups
}

/// A number for every document of one searcher generation, and the
/// document number of every passage of each segment, so that counting the
/// documents of a search costs one array read and one bit per match.
pub struct DocumentNumbers {
    generation: u64,
    /// Per segment ordinal: each passage's document number.
    segments: Vec<Arc<[u32]>>,
    /// How many documents are numbered.
    documents: usize,
}

/// Marks a passage without a document number.
const NO_DOCUMENT: u32 = u32::MAX;

impl DocumentNumbers {
    /// The document number of the passage at `address`.
    pub fn document_of(&self, address: DocAddress) -> Option<u32> {
        self.segments
            .get(address.segment_ord as usize)
            .and_then(|docs| docs.get(address.doc_id as usize))
            .copied()
            .filter(|n| *n != NO_DOCUMENT)
    }

    /// Numbers the documents of `searcher`: each segment's `doc_id`
    /// dictionary read in order, then each passage's entry.
    fn read(searcher: &Searcher) -> tantivy::Result<Self> {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let Some(column) = reader.fast_fields().str("doc_id")? else {
                segments.push(vec![NO_DOCUMENT; reader.max_doc() as usize].into());
                continue;
            };
            let mut by_ord: Vec<u32> = Vec::new();
            let mut terms = column.dictionary().stream()?;
            while terms.advance() {
                let next = u32::try_from(numbers.len()).unwrap_or(NO_DOCUMENT);
                let name = String::from_utf8_lossy(terms.key()).into_owned();
                by_ord.push(*numbers.entry(name).or_insert(next));
            }
            let docs: Arc<[u32]> = (0..reader.max_doc())
                .map(|doc| {
                    column
                        .term_ords(doc)
                        .next()
                        .and_then(|o| by_ord.get(usize::try_from(o).ok()?).copied())
                        .unwrap_or(NO_DOCUMENT)
                })
                .collect();
            segments.push(docs);
        }
        Ok(DocumentNumbers {
            generation: searcher.generation().generation_id(),
            segments,
            documents: numbers.len(),
        })
    }
}

/// The [`DocumentNumbers`] of the latest searcher generation, made on its
/// first search.
#[derive(Default)]
pub struct DocumentOrdinals {
    current: Mutex<Option<Arc<DocumentNumbers>>>,
}

impl DocumentOrdinals {
    /// The document numbers of `searcher`'s generation.
    pub fn numbers(&self, searcher: &Searcher) -> tantivy::Result<Arc<DocumentNumbers>> {
        let generation = searcher.generation().generation_id();
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let numbers = match current.as_ref() {
            Some(n) if n.generation == generation => Arc::clone(n),
            _ => {
                let n = Arc::new(DocumentNumbers::read(searcher)?);
                *current = Some(Arc::clone(&n));
                n
            }
        };
        Ok(numbers)
    }
}

/// Counts the distinct documents of the matching passages.
pub struct DocumentCount {
    /// The document numbers of the searcher the count runs on.
    pub numbers: Arc<DocumentNumbers>,
}

/// The per-segment part of [`DocumentCount`]: a bit per document matched.
pub struct DocumentCountSegment {
    docs: Arc<[u32]>,
    seen: Vec<u64>,
}

impl Collector for DocumentCount {
    type Fruit = usize;
    type Child = DocumentCountSegment;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<DocumentCountSegment> {
        let docs = self
            .numbers
            .segments
            .get(segment_ord as usize)
            .cloned()
            .filter(|d| d.len() == segment.max_doc() as usize)
            .ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!(
                    "segment {segment_ord} was not numbered for this searcher"
                ))
            })?;
        Ok(DocumentCountSegment {
            docs,
            seen: vec![0; self.numbers.documents.div_ceil(64)],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<usize> {
        let mut all = vec![0u64; self.numbers.documents.div_ceil(64)];
        for fruit in fruits {
            for (a, f) in all.iter_mut().zip(fruit) {
                *a |= f;
            }
        }
        Ok(all.iter().map(|w| w.count_ones() as usize).sum())
    }
}

impl SegmentCollector for DocumentCountSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let n = self.docs.get(doc as usize).copied().unwrap_or(NO_DOCUMENT) as usize;
        if let Some(word) = self.seen.get_mut(n / 64) {
            *word |= 1 << (n % 64);
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_grows_with_the_page_and_is_bounded() {
        assert_eq!(window(0, 10), 50);
        assert_eq!(window(20, 10), 150);
        assert_eq!(window(900, 100), MAX_WINDOW);
        assert!(
            window(10_000, 100) >= 10_100,
            "never fewer than the page needs"
        );
    }
}
