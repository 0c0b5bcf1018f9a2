//! What a build does when writing fails (a full disk, a file-size limit, an
//! I/O error): say which index and why, in words a user can act on; take
//! back every file the failed run wrote, so the index stays at its last
//! commit and the next run has the room it had before. A run that was
//! killed is cleaned up the same way when the next one starts.

use super::manifest;
use std::path::Path;
use tantivy::{Index, IndexWriter, TantivyDocument};

/// Removes what an earlier run left behind: segment files no commit uses
/// and manifests of generations that were never committed. Whether every
/// segment file could be removed.
pub fn clear_leftovers(writer: &IndexWriter, dir: &Path, committed: u64) -> bool {
    manifest::prune(dir, committed);
    writer
        .garbage_collect_files()
        .wait()
        .is_ok_and(|gc| gc.failed_to_delete_files.is_empty())
}

/// Gives up a failed build: finds the real cause (when an add only says
/// that an indexing thread died), drops the writer, removes the files this
/// run wrote, and explains.
pub fn abandon(
    mut writer: IndexWriter,
    dir: &Path,
    committed: u64,
    error: anyhow::Error,
) -> anyhow::Error {
    // Joining the indexing threads gives their error, the cause.
    let cause = match writer.prepare_commit() {
        Err(e) => anyhow::Error::new(e),
        Ok(prepared) => {
            let _ = prepared.abort();
            error
        }
    };
    drop(writer);
    // A fresh handle knows only the committed segments; everything else the
    // run wrote is garbage to it.
    let cleared = Index::open_in_dir(dir)
        .and_then(|index| index.writer_with_num_threads::<TantivyDocument>(1, GC_WRITER_MEMORY))
        .is_ok_and(|fresh| clear_leftovers(&fresh, dir, committed));
    if !cleared {
        manifest::prune(dir, committed);
    }
    explain(&cause, dir, cleared)
}

/// The memory of the writer that only collects garbage.
const GC_WRITER_MEMORY: usize = 15_000_000;

/// The error of a failed write to the index in `dir`, said so that a user
/// knows what to do; `cleared` tells whether this run's files are gone.
pub fn explain(error: &anyhow::Error, dir: &Path, cleared: bool) -> anyhow::Error {
    let text = format!("{error:#}");
    let what = if mentions(error, &text, 28, "No space left on device") {
        "the disk is full (no space left on device)".to_string()
    } else if mentions(error, &text, 27, "File too large") {
        "a file would pass the file-size limit (see `ulimit -f`)".to_string()
    } else if mentions(error, &text, 13, "Permission denied") {
        "permission denied".to_string()
    } else {
        text
    };
    let files = if cleared {
        "The files this run wrote were removed"
    } else {
        "Files this run wrote may remain; the next run removes them"
    };
    anyhow::anyhow!(
        "cannot write the index in {}: {what}. {files}; the index holds its last complete build. Make room and run `risalah index` again.",
        dir.display()
    )
}

/// Whether `error` is, or was caused by, the OS error `code` (its message
/// `message` when the code is lost on the way).
fn mentions(error: &anyhow::Error, text: &str, code: i32, message: &str) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
            == Some(code)
    }) || text.contains(message)
        || text.contains(&format!("os error {code}"))
}
