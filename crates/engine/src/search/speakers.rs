//! "Who said it most": the speakers of a search's best passages, ranked by
//! how many of them each one speaks in, with their role, how many documents
//! and the dates between which they said it. Read from the `speaker_key`
//! and `date` fast fields of the passages, never from stored text.

use crate::index::speakers::SpeakerKey;
use crate::model::Role;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use tantivy::{DateTime, DocAddress, Searcher};

/// How many of a search's best passages the tally reads: the speakers of
/// what the search is about, not of every passage sharing one common word.
pub const TALLY_DEPTH: usize = 1_000;

/// The speakers of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerTally {
    /// Every passage that matches the search.
    pub total: usize,
    /// The best passages the tally read (at most [`TALLY_DEPTH`]).
    pub counted: usize,
    /// The speakers, most passages first.
    pub speakers: Vec<SpeakerCount>,
}

/// One speaker in one role, and what they said among the counted passages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerCount {
    /// The speaker's name, or the party's.
    pub name: String,
    /// The role they spoke in, when the source gives one.
    pub role: Option<Role>,
    /// Counted passages in which they speak.
    pub passages: usize,
    /// Documents those passages are in.
    pub documents: usize,
    /// The earliest and the latest date of those documents, when dated.
    pub dates: Option<(time::Date, time::Date)>,
}

/// Counts the speakers of the passages at `addresses` (a search's best),
/// returning the `limit` who speak in most of them.
pub fn tally(
    searcher: &Searcher,
    addresses: &[DocAddress],
    total: usize,
    limit: usize,
) -> tantivy::Result<SpeakerTally> {
    struct Count {
        passages: usize,
        documents: HashSet<(u32, u64)>,
        dates: Option<(DateTime, DateTime)>,
    }
    let mut counts: HashMap<String, Count> = HashMap::new();
    let mut columns = HashMap::new();
    for address in addresses {
        let segment = address.segment_ord;
        if let Entry::Vacant(slot) = columns.entry(segment) {
            let fast = searcher.segment_reader(segment).fast_fields();
            slot.insert((
                fast.str("speaker_key")?,
                fast.str("doc_id")?,
                fast.date("date").ok(),
            ));
        }
        let Some((Some(keys), doc_ids, dates)) = columns.get(&segment) else {
            continue;
        };
        let document = doc_ids
            .as_ref()
            .and_then(|c| c.term_ords(address.doc_id).next());
        let date = dates.as_ref().and_then(|c| c.first(address.doc_id));
        let mut term = String::new();
        for ord in keys.term_ords(address.doc_id) {
            if !keys.ord_to_str(ord, &mut term)? {
                continue;
            }
            let count = counts.entry(term.clone()).or_insert_with(|| Count {
                passages: 0,
                documents: HashSet::new(),
                dates: None,
            });
            count.passages += 1;
            if let Some(document) = document {
                count.documents.insert((segment, document));
            }
            if let Some(date) = date {
                count.dates = Some(match count.dates {
                    Some((first, last)) => (first.min(date), last.max(date)),
                    None => (date, date),
                });
            }
        }
    }
    let mut speakers: Vec<SpeakerCount> = counts
        .into_iter()
        .filter_map(|(term, count)| {
            let key = SpeakerKey::from_term(&term)?;
            Some(SpeakerCount {
                name: key.name,
                role: key.role,
                passages: count.passages,
                documents: count.documents.len(),
                dates: count
                    .dates
                    .map(|(first, last)| (day_of(first), day_of(last))),
            })
        })
        .collect();
    speakers.sort_by(|a, b| {
        (b.passages, b.documents)
            .cmp(&(a.passages, a.documents))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.role.map(Role::as_str).cmp(&b.role.map(Role::as_str)))
    });
    speakers.truncate(limit);
    Ok(SpeakerTally {
        total,
        counted: addresses.len(),
        speakers,
    })
}

fn day_of(date: DateTime) -> time::Date {
    date.into_utc().date()
}
