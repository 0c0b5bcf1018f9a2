//! The project's own word lists, compiled into the binary so that index-time
//! and query-time analysis always agree. Changing a list changes
//! [`ANALYSIS_VERSION`], and an index built by an older version is rebuilt.
//!
//! - `data/roots.txt`: Indonesian root words (written for this project; no
//!   third-party dictionary ships with it). A word that is itself a root is not
//!   stemmed, and an affix analysis is accepted when it leaves a root.
//! - `data/protected.txt`: acronyms, names and the field's own terms that are
//!   never stemmed (KIP, KPU, PPID, Sirekap, pemohon, termohon, …).
//! - [`OVERRIDES`]: words whose token is fixed by hand, where both the rules
//!   and Snowball would merge words of different meaning.
//! - [`COMPOUNDS`]: reduplicated forms that are words of their own
//!   (*undang-undang* is "law", not "invite").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Bumped whenever analysis output can change; stored with each index.
pub const ANALYSIS_VERSION: u32 = 1;

static ROOTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/roots.txt")));
static PROTECTED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("data/protected.txt")));

/// Words whose stemmed token is fixed by hand, with the reason in a comment.
pub const OVERRIDES: &[(&str, &str)] = &[
    // procurement must not collapse into `ada` (to exist)
    ("pengadaan", "pengadaan"),
    ("pengadaannya", "pengadaan"),
    // the objection procedure must not collapse into `berat` (heavy)
    ("keberatan", "keberatan"),
    ("keberatannya", "keberatan"),
    // `permohonan` (the request) stays with `mohon`, apart from `pemohon`
    ("permohonan", "mohon"),
    ("permohonannya", "mohon"),
    ("dimohonkan", "mohon"),
    ("memohon", "mohon"),
    ("memohonkan", "mohon"),
    // the respondent's side is never the applicant's
    ("termohonnya", "termohon"),
    ("pemohonnya", "pemohon"),
];

static OVERRIDE_MAP: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| OVERRIDES.iter().copied().collect());

/// Reduplicated forms that are words of their own.
pub const COMPOUNDS: &[&str] = &[
    "undang-undang",
    "kupu-kupu",
    "laba-laba",
    "kura-kura",
    "oleh-oleh",
    "ubun-ubun",
    "paru-paru",
    "biri-biri",
    "mata-mata",
    "alun-alun",
];

fn words(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Whether `word` is a root word of the lexicon.
pub fn is_root(word: &str) -> bool {
    ROOTS.contains(word)
}

/// Whether `word` is protected from stemming.
pub fn is_protected(word: &str) -> bool {
    PROTECTED.contains(word)
}

/// The hand-fixed token of `word`, if it has one.
pub fn override_for(word: &str) -> Option<&'static str> {
    OVERRIDE_MAP.get(word).copied()
}

/// Whether a reduplicated `word` is a compound that stays whole.
pub fn is_compound(word: &str) -> bool {
    COMPOUNDS.contains(&word)
}

/// Every root word of the lexicon, sorted (the synthetic corpus draws its
/// vocabulary from them).
pub fn roots() -> Vec<&'static str> {
    let mut roots: Vec<&'static str> = ROOTS.iter().copied().collect();
    roots.sort_unstable();
    roots
}
