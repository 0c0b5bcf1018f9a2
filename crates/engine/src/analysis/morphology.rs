//! Indonesian word morphology: clitics, reduplication, affixes, and the
//! stemmer that joins them.
//!
//! [`stem_word`] works in three steps:
//! 1. the project's own word lists decide first: an override, a protected word
//!    (acronyms, names, the field's own terms), or a word that is itself a root
//!    stays as it is;
//! 2. otherwise particles (-lah, -kah, -pun, -tah), possessives (-ku, -mu, -nya),
//!    suffixes (-kan, -an, -i) and up to three prefixes (meN-, peN-, di-, ter-,
//!    ber-, per-, ke-, se-, with the nasal recodings: *menunda* → *tunda*,
//!    *memukul* → *pukul*, *menyuarakan* → *suara*) are peeled in every way the
//!    word allows, and the first candidate that is a known root wins;
//! 3. a word no candidate of which is a known root goes to the Snowball
//!    Indonesian stemmer (`frostem`), guarded: a stem shorter than three letters
//!    is refused, and a men-/pen- + vowel stem gets its lost *t* back.

use super::lexicon;
use std::borrow::Cow;

/// Particles, checked before possessives as they come last in a word.
const PARTICLES: &[&str] = &["lah", "kah", "pun", "tah"];
/// Possessive pronouns.
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
/// Derivational suffixes, in the order they are tried.
const SUFFIXES: &[&str] = &["kan", "an", "i"];
/// Loanword suffixes, accepted only when they leave a known root (`idealisme` → `ideal`).
const LOAN_SUFFIXES: &[&str] = &["isasi", "isme", "is"];
/// The shortest root a rule may leave.
const MIN_ROOT: usize = 3;
/// How many prefixes may be peeled from one word.
const MAX_PREFIXES: usize = 3;

/// Whether `word` is a clitic written on its own after a hyphen (`kuasa-Mu`).
pub fn is_clitic(word: &str) -> bool {
    PARTICLES.contains(&word) || POSSESSIVES.contains(&word)
}

/// Whether `a-b` is reduplication: `anak-anak`, `sebaik-baiknya`,
/// `meniru-nirukan`, `berbalas-balasan`, `buka-bukaan`.
pub fn is_reduplication(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let core = strip_one_suffix(&strip_clitics(b));
    (core.chars().count() >= MIN_ROOT && a.ends_with(core.as_str()))
        || (a.chars().count() >= MIN_ROOT && b.starts_with(a))
}

/// The stemmed token of one lowercase word (or a fused hyphen group).
pub fn stem_word(word: &str) -> String {
    if word.contains('-') {
        return stem_hyphenated(word);
    }
    stem_simple(word).into_owned()
}

fn stem_hyphenated(word: &str) -> String {
    let mut parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| is_clitic(p)) {
        parts.pop();
    }
    let joined = parts.join("-");
    if lexicon::is_compound(&joined) {
        return joined;
    }
    match parts.as_slice() {
        [] => word.to_string(),
        [one] => stem_simple(one).into_owned(),
        [a, b, ..] => {
            let bare_a = strip_clitics(a);
            let stem_a = stem_simple(a);
            if stem_a != bare_a.as_str() || lexicon::is_root(&stem_a) {
                stem_a.into_owned()
            } else {
                stem_simple(b).into_owned()
            }
        }
    }
}

fn stem_simple(word: &str) -> Cow<'_, str> {
    if word.chars().count() < MIN_ROOT || !word.chars().all(char::is_alphabetic) {
        return Cow::Borrowed(word);
    }
    if let Some(fixed) = lexicon::override_for(word) {
        return Cow::Borrowed(fixed);
    }
    if lexicon::is_protected(word) || lexicon::is_root(word) {
        return Cow::Borrowed(word);
    }
    let bases = clitic_bases(word);
    for base in bases.iter().skip(1) {
        if let Some(fixed) = lexicon::override_for(base) {
            return Cow::Borrowed(fixed);
        }
        if lexicon::is_protected(base) || lexicon::is_root(base) {
            return Cow::Owned(base.clone());
        }
    }
    for base in &bases {
        if let Some(root) = known_root(base) {
            return Cow::Owned(root);
        }
    }
    Cow::Owned(snowball_guarded(
        word,
        bases.last().map_or(word, String::as_str),
    ))
}

/// The word and the forms left by stripping a particle, a possessive, or both.
fn clitic_bases(word: &str) -> Vec<String> {
    let mut bases = vec![word.to_string()];
    let after_particle = strip_any(word, PARTICLES);
    if let Some(p) = &after_particle {
        bases.push(p.clone());
    }
    let start = after_particle.as_deref().unwrap_or(word);
    if let Some(p) = strip_any(start, POSSESSIVES) {
        bases.push(p);
    }
    if after_particle.is_some() {
        if let Some(p) = strip_any(word, POSSESSIVES) {
            if !bases.contains(&p) {
                bases.push(p);
            }
        }
    }
    bases
}

fn strip_clitics(word: &str) -> String {
    let bases = clitic_bases(word);
    bases.last().cloned().unwrap_or_else(|| word.to_string())
}

fn strip_one_suffix(word: &str) -> String {
    strip_any(word, SUFFIXES).unwrap_or_else(|| word.to_string())
}

/// `word` without the first of `endings` it ends with, if a root-sized rest remains.
fn strip_any(word: &str, endings: &[&str]) -> Option<String> {
    endings.iter().find_map(|e| {
        word.strip_suffix(e)
            .filter(|rest| rest.chars().count() >= MIN_ROOT)
            .map(str::to_string)
    })
}

/// The first affix analysis of `base` whose root the lists know: each suffix
/// removed first (then prefixes), and prefixes alone last, as suffix-first
/// analyses are the likelier (`besaran` is `besar`, not `be-` + `saran`).
fn known_root(base: &str) -> Option<String> {
    let mut stems: Vec<String> = SUFFIXES
        .iter()
        .chain(LOAN_SUFFIXES)
        .filter_map(|s| {
            base.strip_suffix(s)
                .filter(|r| r.chars().count() >= MIN_ROOT)
                .map(str::to_string)
        })
        .collect();
    stems.push(base.to_string());
    for stem in &stems {
        if stem != base && is_known(stem) {
            return Some(stem.clone());
        }
        let mut found = None;
        peel_prefixes(stem, 0, &mut |candidate| {
            if found.is_none() && is_known(candidate) {
                found = Some(candidate.to_string());
            }
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether a candidate root is a word the lists know.
fn is_known(candidate: &str) -> bool {
    lexicon::is_root(candidate) || lexicon::is_protected(candidate)
}

/// Calls `visit` with every form of `word` left by peeling one to
/// [`MAX_PREFIXES`] prefixes, most likely analyses first.
fn peel_prefixes(word: &str, depth: usize, visit: &mut dyn FnMut(&str)) {
    if depth >= MAX_PREFIXES {
        return;
    }
    for rest in prefix_removals(word, depth == 0) {
        if rest.chars().count() < MIN_ROOT {
            continue;
        }
        visit(&rest);
        peel_prefixes(&rest, depth + 1, visit);
    }
}

/// The forms left by removing one prefix from `word`, with nasal recoding.
fn prefix_removals(word: &str, outermost: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let starts_vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    for nasal in ["me", "pe"] {
        let Some(rest) = word.strip_prefix(nasal) else {
            continue;
        };
        if let Some(r) = rest.strip_prefix("ng") {
            add(rest.to_string()); // menganga → nganga
            if let Some(r2) = r.strip_prefix('e') {
                add(r2.to_string()); // mengebom → bom
            }
            add(r.to_string()); // menggila → gila, mengudara → udara
            if starts_vowel(r) {
                add(format!("k{r}")); // mengupas → kupas
            }
        } else if let Some(r) = rest.strip_prefix("ny") {
            add(format!("s{r}")); // menyuarakan → suara
            add(format!("ny{r}")); // menyala → nyala
        } else if let Some(r) = rest.strip_prefix('n') {
            if starts_vowel(r) {
                add(format!("t{r}")); // menunda → tunda
                add(format!("n{r}")); // menilai → nilai
            } else {
                add(r.to_string()); // mencinta, mendua, menjauh
            }
        } else if let Some(r) = rest.strip_prefix('m') {
            if starts_vowel(r) {
                add(format!("m{r}")); // memakan → makan, meminta → minta
                add(format!("p{r}")); // memukul → pukul
            } else {
                add(r.to_string()); // membangun, memfitnah, memperbarui
            }
        } else {
            add(rest.to_string()); // melipat, meringkas, pewarna, petarung
        }
        if nasal == "pe" {
            if let Some(r) = rest.strip_prefix('r') {
                add(r.to_string()); // peradilan → adil
            }
            if let Some(r) = rest.strip_prefix('l') {
                add(r.to_string()); // pelajar → ajar
            }
        }
    }
    for (prefix, drop_r) in [("ber", true), ("ter", true), ("per", false)] {
        if let Some(r) = word.strip_prefix(prefix) {
            add(r.to_string());
            if drop_r {
                add(format!("r{r}")); // berambut → rambut, teraup → raup
            }
        }
    }
    if let Some(r) = word.strip_prefix("bel") {
        add(r.to_string()); // belajar → ajar
    }
    if let Some(r) = word.strip_prefix("be") {
        add(r.to_string()); // bekerja → kerja
    }
    if let Some(r) = word.strip_prefix("te") {
        add(r.to_string()); // teterbang → terbang
    }
    for prefix in ["di", "ke", "se"] {
        if let Some(r) = word.strip_prefix(prefix) {
            add(r.to_string());
        }
    }
    if outermost {
        for proclitic in ["kau", "ku"] {
            if let Some(r) = word.strip_prefix(proclitic) {
                add(r.to_string()); // kupukul → pukul
            }
        }
        if let Some(infixed) = without_infix(word) {
            add(infixed); // gemetar → getar, kinerja → kerja
        }
        if let Some(rest) = without_reduplicated_syllable(word) {
            add(rest); // lelembut → lembut
        }
    }
    out
}

/// `lelembut` → `lembut`: a first syllable that repeats the root's first consonant.
fn without_reduplicated_syllable(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let vowel = chars.next()?;
    let rest = chars.as_str();
    (vowel == 'e' && !"aeiou".contains(first) && rest.starts_with(first)).then(|| rest.to_string())
}

/// `gemetar` → `getar`: the -el-, -em-, -er-, -in- infix after the first consonant.
fn without_infix(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    ["el", "em", "er", "in"]
        .iter()
        .find_map(|infix| rest.strip_prefix(infix))
        .filter(|r| r.starts_with(['a', 'e', 'i', 'o', 'u']))
        .map(|r| format!("{first}{r}"))
}

/// The prefixes a word must start with before Snowball may stem it: a word
/// with no prefix that no rule could root is a name or a loanword (`sinergi`,
/// `pakistan`, `partai`), and suffix stripping alone would mangle it.
const PREFIX_STARTS: &[&str] = &["me", "pe", "di", "ke", "se", "te", "be"];
/// The shortest stem Snowball may return for a word no root list confirms.
const MIN_UNCONFIRMED_STEM: usize = 5;

/// Snowball's stem of `word`, guarded: only for prefixed words, refused when
/// shorter than [`MIN_UNCONFIRMED_STEM`], and with the *t* of a men-/pen- +
/// vowel word restored. `bare` (the word without clitics) is the answer when
/// Snowball's is refused.
fn snowball_guarded(word: &str, bare: &str) -> String {
    thread_local! {
        static SNOWBALL: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::Indonesian);
    }
    if !PREFIX_STARTS.iter().any(|p| bare.starts_with(p)) {
        return bare.to_string();
    }
    let stem = SNOWBALL.with(|s| s.stem(word).into_owned());
    let nasal_vowel = ["men", "pen"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|r| r.starts_with(['a', 'e', 'i', 'o', 'u']))
    });
    let stem = if nasal_vowel
        && stem.starts_with(['a', 'e', 'i', 'o', 'u'])
        && word[3..].starts_with(&stem)
    {
        format!("t{stem}")
    } else {
        stem
    };
    if stem.chars().count() < MIN_UNCONFIRMED_STEM {
        return bare.to_string();
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduplication_is_recognised() {
        assert!(is_reduplication("anak", "anak"));
        assert!(is_reduplication("sebaik", "baiknya"));
        assert!(is_reduplication("meniru", "nirukan"));
        assert!(is_reduplication("buka", "bukaan"));
        assert!(!is_reduplication("bolak", "balik"));
        assert!(!is_reduplication("tanya", "jawab"));
    }

    #[test]
    fn infixes_are_undone_only_before_a_vowel() {
        assert_eq!(without_infix("gemetar").as_deref(), Some("getar"));
        assert_eq!(without_infix("kerja"), None);
    }
}
