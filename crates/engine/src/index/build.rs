//! Building and updating the index from a corpus, through the stages of
//! [`crate::pipeline`]: only files whose content changed are parsed, plus
//! the unchanged reports whose case roster changed (they are attributed
//! again); removed files are deleted; every good file is indexed whatever
//! its neighbours hold; the run ends in one atomic commit.

use super::manifest::{self, CommitInfo, FileRecord, Manifest};
use super::stable_ids::{self, DocumentIds, PreviousIds};
use super::{document, recovery, IndexHandle};
use crate::analysis::lexicon::ANALYSIS_VERSION;
use crate::corpus::jsonl::Outline;
use crate::corpus::{self, ParsedFile, Problem};
use crate::pipeline::{self, relative_key, CaseRosters};
use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use tantivy::{IndexWriter, Term};

/// The memory budget of the index writer, in bytes.
const WRITER_MEMORY: usize = 200 * 1024 * 1024;

/// What to build, from where, into where.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The corpus directory or single file.
    pub corpus: PathBuf,
    /// The index directory.
    pub index_dir: PathBuf,
    /// Discard the index and read every file again.
    pub rebuild: bool,
}

/// Receives progress while files are read.
pub trait Progress {
    /// `total` files are about to be looked at.
    fn start(&self, total: u64);
    /// One more file was looked at.
    fn advance(&self, path: &Path);
    /// Reading is over.
    fn finish(&self);
}

/// A progress receiver that shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: u64) {}
    fn advance(&self, _: &Path) {}
    fn finish(&self) {}
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Documents in the index after the build.
    pub documents: usize,
    /// Passages in the index after the build.
    pub passages: usize,
    /// Files read and parsed this run (changed, new, or attributed again).
    pub files_read: usize,
    /// Unchanged files read again because the roster of their case changed.
    pub files_reattributed: usize,
    /// Files skipped as unchanged.
    pub files_unchanged: usize,
    /// Files removed from the corpus (and from the index).
    pub files_removed: usize,
    /// Files with rejected input.
    pub rejected_files: usize,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
    /// Whether the whole index was rebuilt.
    pub rebuilt: bool,
    /// Whether a commit was made (false when nothing changed).
    pub committed: bool,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Why an index is out of date, if it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// No index.
    Missing,
    /// The index is current for the corpus.
    Fresh,
    /// The index must be updated, for the reason given.
    Stale(String),
}

/// A file to parse this run, with its record-to-be.
struct ToParse {
    key: String,
    path: PathBuf,
    source: corpus::Source,
    record: FileRecord,
    /// For a JSONL file, read as an outline: its passages are read again,
    /// document by document, as they are written.
    outline: Option<Outline>,
}

/// Builds or updates the index at `options.index_dir` from `options.corpus`.
pub fn build(options: &BuildOptions, progress: &dyn Progress) -> anyhow::Result<BuildReport> {
    let started = Instant::now();
    let corpus_root = std::fs::canonicalize(&options.corpus)
        .with_context(|| format!("cannot read corpus {}", options.corpus.display()))?;
    let handle = super::open_for_build(&options.index_dir)?;
    let mut writer = open_writer(&handle)?;

    let previous = super::last_commit(&handle).unwrap_or(None);
    let (generation, old) = match &previous {
        Some((info, manifest))
            if !options.rebuild && super::is_current(info) && manifest.corpus == corpus_root =>
        {
            (info.generation, manifest.clone())
        }
        Some((info, _)) => (info.generation, Manifest::default()),
        None => (0, Manifest::default()),
    };
    let rebuilt = old.files.is_empty();
    recovery::clear_leftovers(&writer, &handle.dir, generation);

    let (paths, mut problems) = corpus::discover(&corpus_root)
        .with_context(|| format!("cannot read corpus {}", corpus_root.display()))?;
    let labels = corpus::load_labels(&corpus_root);
    problems.extend(labels.problems);
    let labels_changed = labels.hash != old.labels_hash;
    let mut report = BuildReport {
        rebuilt,
        ..BuildReport::default()
    };

    // Stage 0: which files changed.
    let mut files: BTreeMap<String, FileRecord> = BTreeMap::new();
    let mut to_parse: Vec<ToParse> = Vec::new();
    progress.start(paths.len() as u64);
    for path in &paths {
        progress.advance(path);
        let key = relative_key(&corpus_root, path);
        let old_record = old
            .files
            .get(&key)
            .filter(|r| !r.rejected && !labels_changed);
        let (size, mtime_ns) = stat(path);
        if let Some(record) = old_record.filter(|r| r.size == size && r.mtime_ns == mtime_ns) {
            files.insert(key, record.clone());
            continue;
        }
        let source = match corpus::read_source(path) {
            Ok(source) => source,
            Err(reason) => {
                problems.push(Problem::error(path, 0, reason));
                continue;
            }
        };
        let hash = source.hash.clone();
        if let Some(record) = old_record.filter(|r| r.hash == hash) {
            let record = FileRecord {
                size,
                mtime_ns,
                ..record.clone()
            };
            files.insert(key, record);
            continue;
        }
        let record = FileRecord {
            size,
            mtime_ns,
            hash,
            doc_ids: Vec::new(),
            passages: 0,
            rejected: false,
            rosters: BTreeMap::new(),
            depends: BTreeMap::new(),
            ids: BTreeMap::new(),
        };
        to_parse.push(ToParse {
            key,
            path: path.clone(),
            source,
            record,
            outline: None,
        });
    }
    progress.finish();

    // Stage 1: parse the changed files, each on its own, and mask the
    // personal data in them before anything else reads their words. A
    // JSONL file is read for its outline only: its passages, which may be
    // millions, are read again one document at a time as they are written.
    let parse = |path: &Path, source: &corpus::Source| {
        let (mut file, outline) = if corpus::Format::of(path) == Some(corpus::Format::Jsonl) {
            let (file, outline) = corpus::outline_jsonl(path, &labels.table);
            (file, Some(outline))
        } else {
            (corpus::parse_source(path, source, &labels.table), None)
        };
        pipeline::prepare_documents(&mut file.documents, &labels.redactions);
        (file, outline)
    };
    let mut parsed: Vec<(ToParse, ParsedFile)> = to_parse
        .into_iter()
        .map(|mut t| {
            let (file, outline) = parse(&t.path, &t.source);
            // The bytes are parsed: only the documents are kept.
            t.source.bytes = None;
            t.outline = outline;
            (t, file)
        })
        .collect();

    // Stage 2: link. Ids owned by unchanged files keep their owner.
    let root = corpus_root.as_path();
    let owners: HashMap<String, PathBuf> = files
        .iter()
        .flat_map(|(key, r)| r.doc_ids.iter().map(move |id| (id.clone(), root.join(key))))
        .collect();
    pipeline::reject_duplicate_ids(parsed.iter_mut().map(|(_, f)| f), owners);
    for (t, file) in &mut parsed {
        t.record.rosters = pipeline::roster_contribution(&file.documents);
    }
    let rosters = gather_rosters(&files, &parsed);

    // Unchanged reports attributed with a roster that has changed since are
    // read again, so that they are attributed with the current one.
    let stale: BTreeSet<String> = files
        .iter()
        .filter(|(_, r)| {
            r.depends
                .iter()
                .any(|(case, fingerprint)| rosters.fingerprint(case) != *fingerprint)
        })
        .map(|(key, _)| key.clone())
        .collect();
    for key in &stale {
        let Some(record) = files.remove(key) else {
            continue;
        };
        let path = corpus_root.join(key);
        match corpus::read_source(&path) {
            Ok(mut source) => {
                let (file, outline) = parse(&path, &source);
                source.bytes = None;
                report.files_reattributed += 1;
                let t = ToParse {
                    key: key.clone(),
                    path,
                    source,
                    record,
                    outline,
                };
                parsed.push((t, file));
            }
            Err(reason) => problems.push(Problem::error(&path, 0, reason)),
        }
    }
    report.files_read = parsed.len();

    // Stage 3: attribute. Nothing is written before the last stage.
    let mut writes: Vec<Write> = Vec::with_capacity(parsed.len());
    for (t, mut file) in parsed {
        let mut record = t.record;
        record.depends = pipeline::attribute_documents(&mut file.documents, &rosters);
        record.doc_ids = file.documents.iter().map(|d| d.meta.id.clone()).collect();
        record.passages = match &t.outline {
            Some(outline) => record
                .doc_ids
                .iter()
                .map(|id| outline.passages.get(id).copied().unwrap_or(0))
                .sum(),
            None => file.documents.iter().map(|d| d.passages.len()).sum(),
        };
        record.rejected = file.has_errors();
        problems.append(&mut file.problems);
        files.insert(t.key.clone(), record);
        writes.push(Write {
            key: t.key,
            file,
            outline: t.outline,
        });
    }
    report.files_unchanged = files.len() - report.files_read;
    let removed: Vec<String> = old
        .files
        .keys()
        .filter(|k| !files.contains_key(*k))
        .cloned()
        .collect();
    report.files_removed = removed.len();
    let previous_ids = match &previous {
        Some((_, m)) if m.corpus == corpus_root => stable_ids::recorded(m),
        Some(_) => PreviousIds::new(),
        None => stable_ids::load_carried(&handle.dir),
    };
    let mut manifest = Manifest {
        corpus: corpus_root,
        built_at: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        labels_hash: labels.hash,
        files,
    };
    let changes = Changes {
        rebuilt,
        writes: &writes,
        rosters: &rosters,
        labels: &labels.table,
        redactions: &labels.redactions,
        removed: &removed,
        changed: rebuilt || report.files_read > 0 || !removed.is_empty(),
        generation,
        previous_ids: &previous_ids,
    };

    // Stage 4: index, in one commit. A failed write takes back what it wrote.
    match changes.write(&mut writer, &handle, &mut manifest) {
        Ok(committed) => report.committed = committed,
        Err(e) => return Err(recovery::abandon(writer, &handle.dir, generation, e)),
    }
    if report.committed {
        purge_deleted(&mut writer).context("cannot merge away the replaced passages")?;
    }
    writer.wait_merging_threads().ok();

    report.documents = manifest.document_count();
    report.passages = manifest.passage_count();
    report.rejected_files = corpus::diagnostics::count_rejected_files(&problems);
    report.problems = problems;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Rewrites every segment that holds replaced or removed passages and
/// deletes the files no commit needs: text that a re-index masked or a
/// removed file held leaves no trace in the index directory.
fn purge_deleted(writer: &mut IndexWriter) -> anyhow::Result<()> {
    let with_deletes: Vec<tantivy::index::SegmentId> = writer
        .index()
        .searchable_segment_metas()?
        .iter()
        .filter(|m| m.has_deletes())
        .map(|m| m.id())
        .collect();
    if !with_deletes.is_empty() {
        writer.merge(&with_deletes).wait()?;
    }
    writer.garbage_collect_files().wait()?;
    Ok(())
}

/// One file parsed this run, to be written.
struct Write {
    key: String,
    file: ParsedFile,
    /// For a JSONL file: its documents hold no passages yet; they are read
    /// again as they are written.
    outline: Option<Outline>,
}

/// What the last stage writes: the records of the files parsed this run,
/// the files gone from the corpus, and the manifest.
struct Changes<'a> {
    rebuilt: bool,
    writes: &'a [Write],
    rosters: &'a CaseRosters,
    labels: &'a corpus::labels::LabelTable,
    redactions: &'a crate::privacy::Redactions,
    removed: &'a [String],
    changed: bool,
    generation: u64,
    /// The ids the last commit recorded, by document id.
    previous_ids: &'a PreviousIds,
}

impl Changes<'_> {
    /// Replaces each file's records, removes the gone files' records and
    /// commits with the manifest; whether a commit was made.
    fn write(
        &self,
        writer: &mut IndexWriter,
        handle: &IndexHandle,
        manifest: &mut Manifest,
    ) -> anyhow::Result<bool> {
        // The version each document replaces, read before anything is
        // deleted, so that its passages' ids carry over.
        let old = handle
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .ok()
            .map(|reader: tantivy::IndexReader| reader.searcher());
        if self.rebuilt {
            writer.delete_all_documents()?;
        }
        for w in self.writes {
            writer.delete_term(Term::from_field_text(handle.fields.file, &w.key));
            let Some(record) = manifest.files.get_mut(&w.key) else {
                continue;
            };
            record.ids.clear();
            let mut ids = Carry {
                old: old.as_ref(),
                previous: self.previous_ids,
                hash: &record.hash,
                fields: &handle.fields,
                recorded: &mut record.ids,
            };
            match &w.outline {
                None => {
                    for doc in &w.file.documents {
                        add(writer, handle, doc, &w.key, &ids.of(doc))?;
                    }
                }
                Some(outline) => self.stream(writer, handle, w, outline, &mut ids)?,
            }
        }
        for key in self.removed {
            writer.delete_term(Term::from_field_text(handle.fields.file, key));
        }
        if !self.changed {
            if self.generation > 0 {
                // Only modification times moved: keep them so the next run skips the files again.
                manifest::save(&handle.dir, self.generation, manifest)?;
            }
            return Ok(false);
        }
        let next = self.generation + 1;
        manifest::save(&handle.dir, next, manifest)?;
        let info = CommitInfo {
            generation: next,
            schema_version: super::schema::SCHEMA_VERSION,
            analysis_version: ANALYSIS_VERSION,
        };
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&serde_json::to_string(&info)?);
        commit.commit()?;
        manifest::prune(&handle.dir, next);
        stable_ids::drop_carried(&handle.dir);
        Ok(true)
    }
}

impl Changes<'_> {
    /// Writes the documents of a JSONL file read as an outline: the file is
    /// read again and each kept document is masked, attributed and added as
    /// soon as its last line is read.
    fn stream(
        &self,
        writer: &mut IndexWriter,
        handle: &IndexHandle,
        w: &Write,
        outline: &Outline,
        ids: &mut Carry,
    ) -> anyhow::Result<()> {
        let kept: HashSet<&str> = w
            .file
            .documents
            .iter()
            .map(|d| d.meta.id.as_str())
            .collect();
        let expected: usize = kept
            .iter()
            .map(|id| outline.passages.get(*id).copied().unwrap_or(0))
            .sum();
        let mut written = 0usize;
        let mut failed: Option<anyhow::Error> = None;
        let path = &w.file.path;
        corpus::stream_jsonl(path, self.labels, outline, |doc| {
            if failed.is_some() || !kept.contains(doc.meta.id.as_str()) {
                return;
            }
            let mut docs = vec![doc];
            pipeline::prepare_documents(&mut docs, self.redactions);
            pipeline::attribute_documents(&mut docs, self.rosters);
            written += docs[0].passages.len();
            if let Err(e) = add(writer, handle, &docs[0], &w.key, &ids.of(&docs[0])) {
                failed = Some(e);
            }
        })
        .map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))?;
        if let Some(e) = failed {
            return Err(e);
        }
        anyhow::ensure!(
            written == expected,
            "{} changed while it was being indexed ({written} passages read, {expected} expected); run `risalah index` again",
            path.display()
        );
        Ok(())
    }
}

/// Where the ids of a file's documents come from while they are written,
/// and where they are recorded.
struct Carry<'a> {
    /// The index as it was before this run.
    old: Option<&'a tantivy::Searcher>,
    previous: &'a PreviousIds,
    /// The file's content hash now.
    hash: &'a str,
    fields: &'a super::schema::Fields,
    recorded: &'a mut BTreeMap<String, DocumentIds>,
}

impl Carry<'_> {
    /// The ids of `doc`'s passages: carried over from the version the index
    /// holds; without one, those the last manifest recorded for the same
    /// file content (a rebuild); else positional. Recorded when not all
    /// positional.
    fn of(&mut self, doc: &crate::model::Document) -> DocumentIds {
        let id = &doc.meta.id;
        let prior = self.previous.get(id);
        let old = self
            .old
            .map(|s| stable_ids::read_old(s, self.fields, id))
            .unwrap_or_default();
        let ids = if old.is_empty() {
            match prior {
                Some((hash, ids)) if hash == self.hash => ids.clone(),
                _ => DocumentIds::default(),
            }
        } else {
            let new: Vec<(u32, &str)> = doc
                .passages
                .iter()
                .map(|p| (p.position, p.text.as_str()))
                .collect();
            let none = DocumentIds::default();
            let prior = prior.map_or(&none, |(_, ids)| ids);
            stable_ids::carry_over(id, doc.meta.doc_type, &old, prior, &new)
        };
        if !ids.is_empty() {
            self.recorded.insert(id.clone(), ids.clone());
        }
        ids
    }
}

/// Adds the records of `doc`, of the corpus file `key`, with its passage ids.
fn add(
    writer: &IndexWriter,
    handle: &IndexHandle,
    doc: &crate::model::Document,
    key: &str,
    ids: &DocumentIds,
) -> anyhow::Result<()> {
    for t in document::to_tantivy(doc, key, &handle.fields, ids) {
        writer.add_document(t)?;
    }
    Ok(())
}

/// Every roster of the corpus: unchanged files' contributions from their
/// records, parsed files' from their documents, in corpus key order.
fn gather_rosters(
    unchanged: &BTreeMap<String, FileRecord>,
    parsed: &[(ToParse, ParsedFile)],
) -> CaseRosters {
    let mut by_key: BTreeMap<&str, &BTreeMap<String, Vec<crate::model::Speaker>>> = unchanged
        .iter()
        .map(|(k, r)| (k.as_str(), &r.rosters))
        .collect();
    for (t, _) in parsed {
        by_key.insert(t.key.as_str(), &t.record.rosters);
    }
    let mut rosters = CaseRosters::default();
    for contribution in by_key.values() {
        rosters.add(contribution);
    }
    rosters
}

fn open_writer(handle: &IndexHandle) -> anyhow::Result<IndexWriter> {
    handle.index.writer(WRITER_MEMORY).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
            "another `risalah index` is already writing the index in {}; wait for it to finish",
            handle.dir.display()
        ),
        other => recovery::explain(&anyhow::Error::new(other), &handle.dir, true),
    })
}

/// Whether the index in `index_dir` is missing, fresh, or stale for `corpus`.
pub fn freshness(index_dir: &Path, corpus: &Path) -> anyhow::Result<Freshness> {
    if !super::exists(index_dir) {
        return Ok(Freshness::Missing);
    }
    if super::has_other_schema(index_dir) {
        return Ok(Freshness::Stale(
            "the index was built by another version of risalah".into(),
        ));
    }
    let handle = super::open(index_dir)?;
    let Some((info, manifest)) = super::last_commit(&handle).unwrap_or(None) else {
        return Ok(Freshness::Stale("the index has no complete build".into()));
    };
    if !super::is_current(&info) {
        return Ok(Freshness::Stale(
            "the index was built by another version of risalah".into(),
        ));
    }
    let root = std::fs::canonicalize(corpus)
        .with_context(|| format!("cannot read corpus {}", corpus.display()))?;
    if root != manifest.corpus {
        return Ok(Freshness::Stale(format!(
            "the index was built from {}, not {}",
            manifest.corpus.display(),
            root.display()
        )));
    }
    if corpus::load_labels(&root).hash != manifest.labels_hash {
        return Ok(Freshness::Stale(
            "labels.tsv, redactions.tsv or the masking patterns changed".into(),
        ));
    }
    let (paths, _) = corpus::discover(&root)?;
    let mut seen = 0;
    for path in &paths {
        let key = relative_key(&root, path);
        match manifest.files.get(&key) {
            None => return Ok(Freshness::Stale(format!("{key} is new"))),
            Some(r) if (r.size, r.mtime_ns) != stat(path) => {
                return Ok(Freshness::Stale(format!("{key} changed")))
            }
            Some(_) => seen += 1,
        }
    }
    if seen != manifest.files.len() {
        return Ok(Freshness::Stale(
            "files were removed from the corpus".into(),
        ));
    }
    Ok(Freshness::Fresh)
}

/// The corpus a built index records, if it has a complete build.
pub fn recorded_corpus(index_dir: &Path) -> Option<PathBuf> {
    let handle = super::open(index_dir).ok()?;
    super::last_commit(&handle).ok()?.map(|(_, m)| m.corpus)
}

/// The size and modification time of a corpus file, its sidecar's
/// included: a changed sidecar makes the file changed.
fn stat(path: &Path) -> (u64, u128) {
    let one = |path: &Path| {
        let meta = std::fs::metadata(path).ok()?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Some((meta.len(), mtime))
    };
    let (size, mtime) = one(path).unwrap_or((0, 0));
    match one(&corpus::sidecar_of(path)) {
        Some((s, m)) => (size + s, mtime.max(m)),
        None => (size, mtime),
    }
}
