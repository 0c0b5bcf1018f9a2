//! Problems found while reading the corpus, reported as `path:line: reason`.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input is usable but suspicious (for example a speaker label that
    /// resolves to no role); `--strict` turns warnings into rejections.
    Warning,
    /// The file (or JSONL line) is rejected and not indexed.
    Error,
}

/// One problem in one place of one corpus file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in.
    pub path: PathBuf,
    /// The 1-based line, or 0 when the problem concerns the whole file.
    pub line: u32,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in words a clerk can act on.
    pub reason: String,
}

impl Problem {
    /// A rejecting problem at `line` of `path`.
    pub fn error(path: &Path, line: u32, reason: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            severity: Severity::Error,
            reason: reason.into(),
        }
    }

    /// A warning at `line` of `path`.
    pub fn warning(path: &Path, line: u32, reason: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            severity: Severity::Warning,
            reason: reason.into(),
        }
    }

    /// Whether this problem rejects input.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line.max(1);
        match self.severity {
            Severity::Error => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            Severity::Warning => write!(
                f,
                "{}:{line}: warning: {}",
                self.path.display(),
                self.reason
            ),
        }
    }
}

/// The problems found in one file, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    path: PathBuf,
    problems: Vec<Problem>,
}

impl Diagnostics {
    /// An empty list of problems for `path`.
    pub fn new(path: &Path) -> Self {
        Diagnostics {
            path: path.to_path_buf(),
            problems: Vec::new(),
        }
    }

    /// Records a rejecting problem at `line`.
    pub fn error(&mut self, line: u32, reason: impl Into<String>) {
        self.problems.push(Problem::error(&self.path, line, reason));
    }

    /// Records a warning at `line`.
    pub fn warning(&mut self, line: u32, reason: impl Into<String>) {
        self.problems
            .push(Problem::warning(&self.path, line, reason));
    }

    /// The recorded problems.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

/// How many distinct files the rejecting problems among `problems` name.
pub fn count_rejected_files<'a>(problems: impl IntoIterator<Item = &'a Problem>) -> usize {
    let mut paths: Vec<&Path> = problems
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| p.path.as_path())
        .collect();
    paths.sort();
    paths.dedup();
    paths.len()
}

/// Converts a 0-based line index into the 1-based number printed to users.
pub fn line_no(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}
