//! What an index knows about the corpus that built it: which corpus, which
//! files (with size, modification time and content hash) and which documents
//! each file gave, which hearing rosters it contributes and which it was
//! attributed with. Incremental indexing compares the corpus against it.
//!
//! The manifest is written to `manifest-{generation}.json` *before* the commit
//! that uses it, and the commit's payload names the generation: a crash at any
//! point leaves the last commit and its own manifest together.

use super::stable_ids::DocumentIds;
use crate::model::Speaker;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The commit payload: which manifest belongs to the commit, and the versions
/// of the schema and analysis that built it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    /// The generation of `manifest-{generation}.json`.
    pub generation: u64,
    /// [`super::schema::SCHEMA_VERSION`] at build time.
    pub schema_version: u32,
    /// [`crate::analysis::lexicon::ANALYSIS_VERSION`] at build time.
    pub analysis_version: u32,
}

/// One corpus file as last indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: u128,
    /// blake3 hash of the content, hex.
    pub hash: String,
    /// The ids of the documents indexed from it.
    pub doc_ids: Vec<String>,
    /// How many passages were indexed from it.
    pub passages: usize,
    /// Whether any input of the file was rejected (it is re-read every run).
    pub rejected: bool,
    /// The hearing rosters the file's transcripts give, by case key
    /// ([`crate::legal::register::case_key`]): the link stage's input from a file
    /// that is not re-read.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rosters: BTreeMap<String, Vec<Speaker>>,
    /// The cases whose rosters the file's news reports were attributed
    /// with, and the fingerprint of each roster then: when a roster's
    /// fingerprint changes, the file is attributed again.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub depends: BTreeMap<String, String>,
    /// By document id, the passage ids that are not positional and those
    /// retired ([`super::stable_ids`]): what the next version carries on.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ids: BTreeMap<String, DocumentIds>,
}

/// The manifest of one commit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The canonical path of the corpus (directory or file) that built the index.
    pub corpus: PathBuf,
    /// When the commit was made, seconds since the Unix epoch.
    pub built_at: u64,
    /// blake3 hash of the corpus's `labels.tsv` (empty when there is none):
    /// a change re-reads every file.
    pub labels_hash: String,
    /// Files by path relative to the corpus root (`/`-separated).
    pub files: BTreeMap<String, FileRecord>,
}

impl Manifest {
    /// How many documents the index holds.
    pub fn document_count(&self) -> usize {
        self.files.values().map(|f| f.doc_ids.len()).sum()
    }

    /// How many passages the index holds.
    pub fn passage_count(&self) -> usize {
        self.files.values().map(|f| f.passages).sum()
    }
}

/// The path of a manifest generation in `index_dir`.
pub fn path(index_dir: &Path, generation: u64) -> PathBuf {
    index_dir.join(format!("manifest-{generation}.json"))
}

/// Reads a manifest generation.
pub fn load(index_dir: &Path, generation: u64) -> anyhow::Result<Manifest> {
    let path = path(index_dir, generation);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read index manifest {}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("index manifest {} is damaged: {e}", path.display()))
}

/// Writes a manifest generation atomically (temporary file, then rename).
pub fn save(index_dir: &Path, generation: u64, manifest: &Manifest) -> anyhow::Result<()> {
    let path = path(index_dir, generation);
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec(manifest)?)?;
    std::fs::rename(&tmp, &path)?;
    Ok(())
}

/// Removes every manifest generation other than `keep`.
pub fn prune(index_dir: &Path, keep: u64) {
    let Ok(entries) = std::fs::read_dir(index_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let generation = name
            .strip_prefix("manifest-")
            .and_then(|n| {
                n.strip_suffix(".json")
                    .or_else(|| n.strip_suffix(".json.tmp"))
            })
            .and_then(|n| n.parse::<u64>().ok());
        if generation.is_some_and(|g| g != keep) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
