//! The on-disk index: its schema, how corpus documents become tantivy
//! documents, the manifest that makes indexing incremental, and the build.
//!
//! Every `Index` handle is opened through [`open`] or [`open_or_create`], which
//! register the analyzers: they are code, not data, and an index opened
//! without them would silently analyse with the wrong tokenizer.

pub mod build;
pub mod document;
pub mod manifest;
pub mod recovery;
pub mod schema;
pub mod speakers;
pub mod stable_ids;

use crate::analysis;
use anyhow::Context;
use manifest::{CommitInfo, Manifest};
use schema::Fields;
use std::path::{Path, PathBuf};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

/// An opened index with its field handles.
#[derive(Clone)]
pub struct IndexHandle {
    /// The tantivy index, analyzers registered.
    pub index: Index,
    /// The field handles.
    pub fields: Fields,
    /// The index directory.
    pub dir: PathBuf,
}

/// Registers every analyzer the schema names on an index handle.
pub fn register_all(index: &Index) {
    analysis::register(index);
    index.tokenizers().register(
        schema::KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

/// Whether `dir` holds a tantivy index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// Opens the index in `dir`.
pub fn open(dir: &Path) -> anyhow::Result<IndexHandle> {
    if !exists(dir) {
        anyhow::bail!(
            "no index in {} (build one with `risalah index --index {}`)",
            dir.display(),
            dir.display()
        );
    }
    let index = Index::open_in_dir(dir)
        .with_context(|| format!("cannot open the index in {}", dir.display()))?;
    register_all(&index);
    let fields = schema::fields_of(&index.schema()).with_context(|| {
        format!(
            "the index in {} was built by another version of risalah; rebuild it with `risalah index --rebuild`",
            dir.display()
        )
    })?;
    Ok(IndexHandle {
        index,
        fields,
        dir: dir.to_path_buf(),
    })
}

/// Whether the index in `dir` was made with another schema (fields added
/// or changed since): its records cannot be read, only replaced.
pub fn has_other_schema(dir: &Path) -> bool {
    exists(dir)
        && Index::open_in_dir(dir).is_ok_and(|index| schema::fields_of(&index.schema()).is_err())
}

/// Opens the index in `dir` for a build, creating it if needed. An index
/// of another schema is cleared first (its records cannot be reused; a
/// rebuild makes them again): its files, while holding its writer lock so
/// that no other build is writing it, then an empty index in its place.
/// Other files of the directory are left alone.
pub fn open_for_build(dir: &Path) -> anyhow::Result<IndexHandle> {
    if has_other_schema(dir) {
        let old = Index::open_in_dir(dir)
            .with_context(|| format!("cannot open the index in {}", dir.display()))?;
        let lock = old
            .writer_with_num_threads::<tantivy::TantivyDocument>(1, 15_000_000)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
                "another `risalah index` is already writing the index in {}; wait for it to finish",
                dir.display()
            ),
                other => anyhow::Error::new(other),
            })?;
        // The passage ids the old index recorded outlive it: the rebuild
        // carries them on ([`stable_ids`]).
        if let Ok(Some(payload)) = old.load_metas().map(|m| m.payload) {
            if let Ok(info) = serde_json::from_str::<CommitInfo>(&payload) {
                if let Ok(manifest) = manifest::load(dir, info.generation) {
                    stable_ids::save_carried(dir, &manifest).with_context(|| {
                        format!("cannot keep the passage ids in {}", dir.display())
                    })?;
                }
            }
        }
        let mut doomed: Vec<PathBuf> = old
            .directory()
            .list_managed_files()
            .into_iter()
            .map(|f| dir.join(f))
            .collect();
        doomed.push(dir.join("meta.json"));
        doomed.push(dir.join(".managed.json"));
        for entry in std::fs::read_dir(dir)?.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with("manifest-") && name.contains(".json") {
                doomed.push(entry.path());
            }
        }
        for path in doomed {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot clear {}", path.display()))
                }
            }
        }
        drop(lock);
    }
    open_or_create(dir)
}

/// Opens the index in `dir`, creating the directory and an empty index if needed.
pub fn open_or_create(dir: &Path) -> anyhow::Result<IndexHandle> {
    if exists(dir) {
        return open(dir);
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create index directory {}", dir.display()))?;
    let (schema, fields) = schema::build();
    let index = Index::create_in_dir(dir, schema)
        .with_context(|| format!("cannot create an index in {}", dir.display()))?;
    register_all(&index);
    Ok(IndexHandle {
        index,
        fields,
        dir: dir.to_path_buf(),
    })
}

/// The commit info and manifest of the last commit, if the index has one
/// made by this program.
pub fn last_commit(handle: &IndexHandle) -> anyhow::Result<Option<(CommitInfo, Manifest)>> {
    let metas = handle.index.load_metas()?;
    let Some(payload) = metas.payload else {
        return Ok(None);
    };
    let info: CommitInfo =
        serde_json::from_str(&payload).context("the index's commit payload is not risalah's")?;
    let manifest = manifest::load(&handle.dir, info.generation)?;
    Ok(Some((info, manifest)))
}

/// Whether an index commit was built by this schema and analysis.
pub fn is_current(info: &CommitInfo) -> bool {
    info.schema_version == schema::SCHEMA_VERSION
        && info.analysis_version == analysis::lexicon::ANALYSIS_VERSION
}
