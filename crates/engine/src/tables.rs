//! The project's tab-separated data files, compiled in: one reader for all.

/// The rows of a tab-separated data file: blank lines and `#` comments
/// skipped, each row split at its first tab, both sides trimmed.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
}
