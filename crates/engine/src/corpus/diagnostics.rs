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

/// How many warnings of one reason a file reports one by one; the rest are
/// counted in one closing line (`… and 129,980 more: a speaker without a role`).
pub const WARNINGS_PER_REASON: usize = 20;

/// The problems found in one file, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    path: PathBuf,
    problems: Vec<Problem>,
    /// Each warning reason seen, in order of first appearance, with its count.
    warnings: Vec<(String, usize)>,
    warning_slot: std::collections::HashMap<String, usize>,
}

impl Diagnostics {
    /// An empty list of problems for `path`.
    pub fn new(path: &Path) -> Self {
        Diagnostics {
            path: path.to_path_buf(),
            ..Diagnostics::default()
        }
    }

    /// Records a rejecting problem at `line`.
    pub fn error(&mut self, line: u32, reason: impl Into<String>) {
        self.problems.push(Problem::error(&self.path, line, reason));
    }

    /// Records a warning at `line`; past [`WARNINGS_PER_REASON`] of the
    /// same reason, it is only counted.
    pub fn warning(&mut self, line: u32, reason: impl Into<String>) {
        let reason = reason.into();
        let slot = match self.warning_slot.get(&reason) {
            Some(&slot) => slot,
            None => {
                self.warning_slot
                    .insert(reason.clone(), self.warnings.len());
                self.warnings.push((reason.clone(), 0));
                self.warnings.len() - 1
            }
        };
        self.warnings[slot].1 += 1;
        if self.warnings[slot].1 <= WARNINGS_PER_REASON {
            self.problems
                .push(Problem::warning(&self.path, line, reason));
        }
    }

    /// Takes over problems found in another file that belongs to this one
    /// (its sidecar); they keep their own path.
    pub fn adopt(&mut self, problems: Vec<Problem>) {
        self.problems.extend(problems);
    }

    /// Whether anything was recorded.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The recorded problems, then one line per warning reason that was
    /// only counted.
    pub fn into_problems(mut self) -> Vec<Problem> {
        for (reason, count) in &self.warnings {
            if let Some(more) = count.checked_sub(WARNINGS_PER_REASON).filter(|&n| n > 0) {
                self.problems.push(Problem::warning(
                    &self.path,
                    0,
                    format!("… and {} more: {reason}", group_digits(more)),
                ));
            }
        }
        self.problems
    }
}

/// `129980` as `129,980`.
pub fn group_digits(n: usize) -> String {
    group_digits_with(u64::try_from(n).unwrap_or(u64::MAX), ',')
}

/// `n` with its digits grouped by threes with `separator` (`12.345` in Indonesian).
pub fn group_digits_with(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_of_one_reason_are_counted_after_the_first_twenty() {
        let mut diag = Diagnostics::new(Path::new("bulk.jsonl"));
        for line in 1..=130_000 {
            diag.warning(line, "a speaker without a role");
        }
        diag.warning(7, "another reason");
        diag.error(9, "a bad line");
        let problems = diag.into_problems();
        assert_eq!(problems.len(), WARNINGS_PER_REASON + 3);
        let last = problems.last().unwrap().to_string();
        assert_eq!(
            last,
            "bulk.jsonl:1: warning: … and 129,980 more: a speaker without a role"
        );
        assert!(problems.iter().any(|p| p.reason == "another reason"));
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1_000_000), "1,000,000");
    }
}
