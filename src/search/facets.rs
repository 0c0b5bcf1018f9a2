//! Counts of matching passages per role, document type and commission, read
//! from the fast fields while the hits are collected.

use std::collections::BTreeMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentReader};

/// The facets counted, by fast-field name.
pub const FACETS: [&str; 3] = ["role", "doc_type", "commission"];

/// Facet name → value → number of matching passages.
pub type FacetCounts = BTreeMap<String, BTreeMap<String, u64>>;

/// Counts [`FACETS`] over the matching passages.
pub struct FacetCollector;

/// The per-segment part of [`FacetCollector`].
pub struct FacetSegmentCollector {
    columns: Vec<(&'static str, Option<StrColumn>, Vec<u64>)>,
}

impl Collector for FacetCollector {
    type Fruit = FacetCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let mut columns = Vec::new();
        for name in FACETS {
            let column = segment.fast_fields().str(name)?;
            let slots = column.as_ref().map_or(0, |c| c.dictionary().num_terms());
            columns.push((name, column, vec![0; slots]));
        }
        Ok(FacetSegmentCollector { columns })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut out = empty_counts();
        for fruit in fruits {
            for (facet, values) in fruit {
                let slot = out.entry(facet).or_default();
                for (value, n) in values {
                    *slot.entry(value).or_default() += n;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (_, column, counts) in &mut self.columns {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    if let Some(n) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                        *n += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut out = empty_counts();
        for (name, column, counts) in self.columns {
            let Some(column) = column else { continue };
            let slot = out.entry(name.to_string()).or_default();
            let mut value = String::new();
            for (ord, n) in counts.into_iter().enumerate() {
                if n > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    *slot.entry(value.clone()).or_default() += n;
                }
            }
        }
        out
    }
}

fn empty_counts() -> FacetCounts {
    FACETS
        .iter()
        .map(|f| (f.to_string(), BTreeMap::new()))
        .collect()
}
