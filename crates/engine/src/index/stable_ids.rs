//! Passage ids that survive corrections. A document indexed for the first
//! time numbers its passages by position (`{doc_id}/t14`). When a corrected
//! version replaces it, each new passage whose text is unchanged, or only
//! lightly edited, keeps the id of the old passage it continues, wherever
//! it now stands; a new passage gets an id no earlier version used; and the
//! id of a passage the correction removed is retired, pointing at the
//! nearest passage kept, so an old permalink says that its words are gone
//! rather than showing other words.

use super::manifest::Manifest;
use super::schema::Fields;
use crate::model::{passage_id, DocType};
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

/// How alike two passages' words must be (0–1, `similar`'s ratio) for the
/// new one to continue the old one.
pub const LIGHT_EDIT: f32 = 0.7;

/// The largest block of changed passages (old × new) compared pairwise;
/// a larger rewrite keeps the ids of unchanged passages only.
const MAX_PAIRS: usize = 10_000;

/// A document's ids where they differ from the positional ones, and the ids
/// it has retired; recorded with the document so that the next version
/// carries them on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentIds {
    /// Position → id, for a passage whose id is not its position's own
    /// (after a passage was inserted or removed before it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub moved: BTreeMap<u32, String>,
    /// The id of each passage a correction removed → the nearest passage
    /// kept (`None` when none was).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, Option<String>>,
}

impl DocumentIds {
    /// The id of the passage at `position` of document `doc_id`.
    pub fn id_at(&self, doc_id: &str, doc_type: DocType, position: u32) -> String {
        self.moved
            .get(&position)
            .cloned()
            .unwrap_or_else(|| passage_id(doc_id, doc_type, position))
    }

    /// Whether every id is positional and none is retired.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.retired.is_empty()
    }
}

/// A passage of the version being replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OldPassage {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
}

/// The ids of a new version of document `doc_id`: `new` holds its passages'
/// positions and texts in order, `old` the passages of the version it
/// replaces in order, `previous` the ids that version recorded.
pub fn carry_over(
    doc_id: &str,
    doc_type: DocType,
    old: &[OldPassage],
    previous: &DocumentIds,
    new: &[(u32, &str)],
) -> DocumentIds {
    let continued = align(old, new);
    let mut taken: HashSet<String> = old.iter().map(|p| p.id.clone()).collect();
    taken.extend(previous.retired.keys().cloned());
    // A new passage takes its position's id when no version used it, else
    // the next number after every one used and every position.
    let mut next = taken
        .iter()
        .filter_map(|id| number_in(id))
        .chain(new.iter().map(|(position, _)| *position))
        .max()
        .unwrap_or(0);
    let mut ids: Vec<String> = Vec::with_capacity(new.len());
    for (j, &(position, _)) in new.iter().enumerate() {
        let id = match continued.get(&j) {
            Some(&i) => old[i].id.clone(),
            None => {
                let mut id = passage_id(doc_id, doc_type, position);
                if taken.contains(&id) {
                    next = next.saturating_add(1);
                    id = passage_id(doc_id, doc_type, next);
                }
                taken.insert(id.clone());
                id
            }
        };
        ids.push(id);
    }
    let moved = new
        .iter()
        .zip(&ids)
        .filter(|((position, _), id)| **id != passage_id(doc_id, doc_type, *position))
        .map(|((position, _), id)| (*position, id.clone()))
        .collect();
    let kept_by_old: HashMap<usize, &String> =
        continued.iter().map(|(&j, &i)| (i, &ids[j])).collect();
    let mut retired: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (i, passage) in old.iter().enumerate() {
        if kept_by_old.contains_key(&i) {
            continue;
        }
        let before = (0..i).rev().find_map(|k| kept_by_old.get(&k));
        let after = (i + 1..old.len()).find_map(|k| kept_by_old.get(&k));
        retired.insert(passage.id.clone(), before.or(after).map(|id| (*id).clone()));
    }
    // An id retired earlier points at a passage that may be retired now:
    // follow it to the passage kept.
    for (id, nearest) in &previous.retired {
        let mut target = nearest.clone();
        for _ in 0..previous.retired.len() + 1 {
            match target.as_ref().and_then(|t| retired.get(t)) {
                Some(next) => target = next.clone(),
                None => break,
            }
        }
        retired.insert(id.clone(), target);
    }
    DocumentIds { moved, retired }
}

/// Which old passage each new one continues: new index → old index. Equal
/// texts first (a longest common subsequence), then, within each block of
/// changed passages, each old passage with the first new one after the last
/// pair whose words are alike enough.
fn align(old: &[OldPassage], new: &[(u32, &str)]) -> HashMap<usize, usize> {
    let old_texts: Vec<String> = old.iter().map(|p| normalise(&p.text)).collect();
    let new_texts: Vec<String> = new.iter().map(|(_, t)| normalise(t)).collect();
    let mut out = HashMap::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_texts, &new_texts) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    out.insert(new_index + k, old_index + k);
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if old_len * new_len <= MAX_PAIRS => {
                let mut next = new_index;
                for (i, old_text) in old_texts.iter().enumerate().skip(old_index).take(old_len) {
                    let found = (next..new_index + new_len).find(|&j| {
                        TextDiff::from_words(old_text.as_str(), new_texts[j].as_str()).ratio()
                            >= LIGHT_EDIT
                    });
                    if let Some(j) = found {
                        out.insert(j, i);
                        next = j + 1;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The number of a passage id (`14` of `{doc_id}/t14`).
fn number_in(id: &str) -> Option<u32> {
    let (_, last) = id.rsplit_once('/')?;
    last.get(1..)?.parse().ok()
}

/// The ids a manifest recorded: document id → (its file's content hash,
/// its ids).
pub type PreviousIds = BTreeMap<String, (String, DocumentIds)>;

/// Where the ids of an index of another schema wait for the rebuild that
/// replaces it.
const CARRIED: &str = "carried-ids.json";

/// The ids `manifest` records.
pub fn recorded(manifest: &Manifest) -> PreviousIds {
    manifest
        .files
        .values()
        .flat_map(|f| {
            f.ids
                .iter()
                .map(|(doc, ids)| (doc.clone(), (f.hash.clone(), ids.clone())))
        })
        .collect()
}

/// Keeps the ids `manifest` records in `index_dir` while an index of
/// another schema is cleared for a rebuild.
pub fn save_carried(index_dir: &Path, manifest: &Manifest) -> std::io::Result<()> {
    let ids = recorded(manifest);
    if ids.is_empty() {
        return Ok(());
    }
    let tmp = index_dir.join(format!("{CARRIED}.tmp"));
    std::fs::write(&tmp, serde_json::to_vec(&ids)?)?;
    std::fs::rename(&tmp, index_dir.join(CARRIED))
}

/// The ids kept by [`save_carried`], if any.
pub fn load_carried(index_dir: &Path) -> PreviousIds {
    std::fs::read(index_dir.join(CARRIED))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Removes the kept ids once a commit's manifest records them.
pub fn drop_carried(index_dir: &Path) {
    let _ = std::fs::remove_file(index_dir.join(CARRIED));
}

/// The passages of document `doc_id` in `searcher` (the version about to
/// be replaced), in order; none when it cannot be read (another schema).
pub fn read_old(searcher: &Searcher, fields: &Fields, doc_id: &str) -> Vec<OldPassage> {
    let query = TermQuery::new(
        Term::from_field_text(fields.doc_id, doc_id),
        IndexRecordOption::Basic,
    );
    let Ok(found) = searcher.search(&query, &DocSetCollector) else {
        return Vec::new();
    };
    let mut passages: Vec<(u32, OldPassage)> = found
        .into_iter()
        .filter_map(|address| searcher.doc::<TantivyDocument>(address).ok())
        .map(|t| {
            let stored = super::document::passage_from_tantivy(&t, fields);
            (
                stored.passage.position,
                OldPassage {
                    id: stored.id,
                    text: stored.passage.text,
                },
            )
        })
        .collect();
    passages.sort_by_key(|(position, _)| *position);
    passages.into_iter().map(|(_, p)| p).collect()
}

/// The words of a passage, single-spaced: a change of spacing or line
/// breaks alone is no edit.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old(texts: &[&str]) -> Vec<OldPassage> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| OldPassage {
                id: passage_id("d", DocType::Transcript, i as u32 + 1),
                text: t.to_string(),
            })
            .collect()
    }

    fn new<'a>(texts: &[&'a str]) -> Vec<(u32, &'a str)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u32 + 1, *t))
            .collect()
    }

    /// The ids of `new` replacing a first version holding `old`.
    fn first_correction(old_texts: &[&str], new_texts: &[&str]) -> DocumentIds {
        carry_over(
            "d",
            DocType::Transcript,
            &old(old_texts),
            &DocumentIds::default(),
            &new(new_texts),
        )
    }

    fn ids(result: &DocumentIds, n: u32) -> Vec<String> {
        (1..=n)
            .map(|p| result.id_at("d", DocType::Transcript, p))
            .collect()
    }

    const A: &str = "Majelis membuka sidang sengketa informasi publik hari ini.";
    const B: &str = "Pemohon meminta salinan kontrak pengadaan tahun anggaran lalu.";
    const C: &str = "Termohon menyatakan dokumen itu masih dalam proses audit internal.";

    #[test]
    fn ids_wait_out_a_schema_rebuild_in_the_index_directory() {
        use crate::index::manifest::FileRecord;
        let dir = tempfile::tempdir().unwrap();
        let ids = DocumentIds {
            moved: BTreeMap::from([(2, "d/t7".to_string())]),
            retired: BTreeMap::from([("d/t3".to_string(), Some("d/t7".to_string()))]),
        };
        let record = FileRecord {
            size: 1,
            mtime_ns: 1,
            hash: "abc".into(),
            doc_ids: vec!["d".into()],
            passages: 2,
            rejected: false,
            rosters: BTreeMap::new(),
            depends: BTreeMap::new(),
            ids: BTreeMap::from([("d".to_string(), ids.clone())]),
        };
        let manifest = Manifest {
            files: BTreeMap::from([("d.txt".to_string(), record)]),
            ..Manifest::default()
        };
        save_carried(dir.path(), &manifest).unwrap();
        let carried = load_carried(dir.path());
        assert_eq!(carried.get("d"), Some(&("abc".to_string(), ids)));
        drop_carried(dir.path());
        assert!(load_carried(dir.path()).is_empty());
        // Nothing to carry writes nothing.
        save_carried(dir.path(), &Manifest::default()).unwrap();
        assert!(!dir.path().join(CARRIED).exists());
    }

    #[test]
    fn an_unchanged_document_keeps_positional_ids() {
        let result = first_correction(&[A, B, C], &[A, B, C]);
        assert!(result.is_empty(), "{result:?}");
    }

    #[test]
    fn an_inserted_passage_moves_the_later_ones_but_not_their_ids() {
        let inserted = "Panitera membacakan tata tertib persidangan.";
        let result = first_correction(&[A, B, C], &[A, inserted, B, C]);
        let got = ids(&result, 4);
        assert_eq!(got[0], "d/t1");
        assert_eq!(got[2], "d/t2", "B keeps its id");
        assert_eq!(got[3], "d/t3", "C keeps its id");
        // The new passage takes no id an earlier version used.
        assert!(
            !["d/t1", "d/t2", "d/t3"].contains(&got[1].as_str()),
            "{got:?}"
        );
        assert!(result.retired.is_empty());
    }

    #[test]
    fn a_light_edit_keeps_the_id_and_a_removal_retires_it() {
        let edited = "Pemohon meminta salinan kontrak pengadaan pada tahun anggaran lalu.";
        let result = first_correction(&[A, B, C], &[A, edited]);
        assert_eq!(ids(&result, 2), ["d/t1", "d/t2"]);
        assert_eq!(
            result.retired.get("d/t3"),
            Some(&Some("d/t2".to_string())),
            "{result:?}"
        );
    }

    #[test]
    fn other_words_at_the_same_place_are_a_new_passage() {
        let other = "Ahli menerangkan uji konsekuensi atas informasi yang dikecualikan.";
        let result = first_correction(&[A, B, C], &[A, other, C]);
        let got = ids(&result, 3);
        assert_eq!(got[0], "d/t1");
        assert_eq!(got[2], "d/t3");
        assert_ne!(got[1], "d/t2", "other words never take the old id");
        assert_eq!(result.retired.get("d/t2"), Some(&Some("d/t1".to_string())));
    }

    #[test]
    fn ids_retired_earlier_follow_the_passages_kept() {
        let first = first_correction(&[A, B, C], &[B, C]);
        assert_eq!(first.retired.get("d/t1"), Some(&Some("d/t2".to_string())));
        // The second correction removes B as well: t1 now points at C.
        let second_old = vec![
            OldPassage {
                id: "d/t2".into(),
                text: B.into(),
            },
            OldPassage {
                id: "d/t3".into(),
                text: C.into(),
            },
        ];
        let second = carry_over("d", DocType::Transcript, &second_old, &first, &new(&[C]));
        assert_eq!(second.retired.get("d/t1"), Some(&Some("d/t3".to_string())));
        assert_eq!(second.retired.get("d/t2"), Some(&Some("d/t3".to_string())));
        assert_eq!(ids(&second, 1), ["d/t3"]);
        // A new passage never reuses a retired id.
        let third_old = vec![OldPassage {
            id: "d/t3".into(),
            text: C.into(),
        }];
        let third = carry_over("d", DocType::Transcript, &third_old, &second, &new(&[C, A]));
        let got = ids(&third, 2);
        assert_eq!(got[0], "d/t3");
        assert!(
            !["d/t1", "d/t2", "d/t3"].contains(&got[1].as_str()),
            "{got:?}"
        );
    }
}
