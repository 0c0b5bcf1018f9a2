//! Counts of matching passages per role, document type, commission, section
//! of a decision, outcome and cited law, read from the fast fields while the
//! hits are collected.

use std::collections::BTreeMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Cardinality, Column, StrColumn};
use tantivy::{DocId, Score, SegmentReader};

/// The facets counted, by fast-field name.
pub const FACETS: [&str; 6] = [
    "role",
    "doc_type",
    "commission",
    "section",
    "outcome",
    "law",
];

/// Facet name → value → number of matching passages.
pub type FacetCounts = BTreeMap<String, BTreeMap<String, u64>>;

/// Counts [`FACETS`] over the matching passages.
pub struct FacetCollector;

/// One facet's column in a segment, with a count per term ordinal.
struct FacetColumn {
    name: &'static str,
    column: StrColumn,
    /// The column's ordinals, when each document has at most one (the fast path).
    single: Option<Column<u64>>,
    counts: Vec<u64>,
}

/// The per-segment part of [`FacetCollector`].
pub struct FacetSegmentCollector {
    columns: Vec<FacetColumn>,
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
            let Some(column) = segment.fast_fields().str(name)? else {
                continue;
            };
            // A column no passage of the segment fills (no decisions, no
            // cited law) has nothing to count: skip it, not visit every match.
            if column.dictionary().num_terms() == 0 {
                continue;
            }
            let ords = column.ords();
            let single = (ords.get_cardinality() != Cardinality::Multivalued).then(|| ords.clone());
            columns.push(FacetColumn {
                name,
                counts: vec![0; column.dictionary().num_terms()],
                column,
                single,
            });
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
        for facet in &mut self.columns {
            let mut count = |ord: u64| {
                if let Some(n) = usize::try_from(ord)
                    .ok()
                    .and_then(|o| facet.counts.get_mut(o))
                {
                    *n += 1;
                }
            };
            match &facet.single {
                Some(ords) => {
                    if let Some(ord) = ords.first(doc) {
                        count(ord);
                    }
                }
                None => facet.column.term_ords(doc).for_each(count),
            }
        }
    }

    fn harvest(self) -> FacetCounts {
        let mut out = empty_counts();
        for facet in self.columns {
            let slot = out.entry(facet.name.to_string()).or_default();
            let mut value = String::new();
            for (ord, n) in facet.counts.into_iter().enumerate() {
                if n > 0
                    && facet
                        .column
                        .ord_to_str(ord as u64, &mut value)
                        .unwrap_or(false)
                {
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
