//! Word classes the attributor needs, compiled in from `data/words.tsv`:
//! capitalised words that start no name, words of a body's name, provinces,
//! degrees after a name, pronouns, and the words that may stand between a
//! speaker and the verb.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static CLASSES: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut classes: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    for line in include_str!("data/words.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((word, class)) = line.split_once('\t') {
            classes.entry(class.trim()).or_default().insert(word.trim());
        }
    }
    classes
});

fn has(class: &str, word: &str) -> bool {
    CLASSES.get(class).is_some_and(|words| words.contains(word))
}

/// A capitalised word that starts no name (`Dalam`, `Rabu`, `Ketua`).
pub fn is_not_name(word: &str) -> bool {
    has("notname", word) || is_org(word) || is_place_word(word)
}

fn is_place_word(word: &str) -> bool {
    has("place", word)
}

/// A word of a body's name (`Dinas`, `Pemkab`, `Provinsi`), any
/// capitalisation; also the short forms of offices (`Dishub`, `Diskominfo`,
/// `Disdukcapil`, `Kemenag`).
pub fn is_org(word: &str) -> bool {
    has("org", word) || has("org", &crate::model::capitalised(word)) || is_office_short_form(word)
}

fn is_office_short_form(word: &str) -> bool {
    let rest = |prefix: &str| {
        word.strip_prefix(prefix)
            .is_some_and(|r| r.chars().count() >= 2 && r.chars().all(char::is_alphabetic))
    };
    (rest("Dis") && word != "Diskusi") || rest("Kemen") || word == "Dinkes"
}

/// A word that says what kind of body a name is (`Dinas`, `Dewan`,
/// `Badan`): two bodies of different kinds are different bodies.
pub fn is_body_kind(word: &str) -> bool {
    has("kind", word)
}

/// A province or a word of a province's name (`Jateng`, `Sumatera`).
pub fn is_place(word: &str) -> bool {
    is_place_word(word)
}

/// An academic or professional title after a name (`SH`, `M.Si`).
pub fn is_degree(word: &str) -> bool {
    has("degree", word)
}

/// A pronoun for a person named before (`ia`, `dia`, `beliau`), any case.
pub fn is_pronoun(word: &str) -> bool {
    has("pronoun", &word.to_lowercase())
}

/// A word that may stand between a speaker and the verb (`juga`, `pun`).
pub fn is_gap(word: &str) -> bool {
    has("gap", &word.to_lowercase())
}

/// A word of a citizens' body or a citizen's description (`LSM`,
/// `Yayasan`, `warga`), any case: such people are the applicants of these
/// disputes.
pub fn is_civil(word: &str) -> bool {
    has("civil", &word.to_lowercase())
}

/// A body word that names a kind of body and wants the name after it
/// (`Dinas Perikanan`, `Kota Contoh`, `Pemkab Pessel`).
pub fn needs_complement(word: &str) -> bool {
    matches!(
        crate::model::capitalised(word).as_str(),
        "Dinas"
            | "Badan"
            | "Kantor"
            | "Kota"
            | "Kabupaten"
            | "Kab"
            | "Desa"
            | "Kelurahan"
            | "Kecamatan"
            | "Pemkab"
            | "Pemkot"
            | "Pemprov"
            | "Pemko"
            | "Provinsi"
            | "Prov"
            | "Kementerian"
            | "Balai"
            | "Direktorat"
            | "Inspektorat"
            | "Sekretariat"
            | "Bagian"
            | "Bidang"
            | "Rumah"
            | "Universitas"
            | "Sekolah"
            | "Lembaga"
            | "Yayasan"
            | "Seksi"
            | "Subbagian"
            | "Paguyuban"
            | "Forum"
            | "Aliansi"
            | "Koalisi"
            | "Komunitas"
            | "Perkumpulan"
            | "Ikatan"
            | "Serikat"
            | "Asosiasi"
            | "Himpunan"
            | "Kantah"
    )
}

/// The word a public office's name opens with (`Dinas`, `Pemkab`, `Desa`,
/// `PPID`, `Dishub`): public bodies are the respondents of these disputes.
pub fn is_public_office(word: &str) -> bool {
    matches!(
        crate::model::capitalised(word).as_str(),
        "Dinas"
            | "Badan"
            | "Kantor"
            | "Pemkab"
            | "Pemkot"
            | "Pemprov"
            | "Pemko"
            | "Pemerintah"
            | "Desa"
            | "Kecamatan"
            | "Kelurahan"
            | "Sekretariat"
            | "Inspektorat"
            | "Bagian"
            | "Bidang"
            | "Rsud"
            | "Puskesmas"
            | "Ppid"
            | "Pemda"
            | "Pemdes"
            | "Setda"
            | "Bappeda"
            | "Bapenda"
            | "Kesbangpol"
            | "Satpol"
            | "Balai"
            | "Direktorat"
            | "Kementerian"
            | "Bpkad"
            | "Bpbd"
            | "Sman"
            | "Smpn"
            | "Sdn"
            | "Smkn"
            | "Kantah"
    ) || is_office_short_form(word)
}
