//! The attributor's word lists, compiled in from `data/`: words that
//! report speech (`speech.tsv`) and titles that give a role (`titles.tsv`).

use crate::model::Role;
use std::collections::HashMap;
use std::sync::LazyLock;

/// How a word reports speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speech {
    /// Follows a quote or a clause: `kata`, `ujar` (`ujarnya` with the clitic).
    After,
    /// Follows its subject: `mengatakan`, `menilai`.
    Saying,
    /// Passive or impersonal: `dikatakan`, `disampaikan`.
    Passive,
    /// `menurut`.
    Menurut,
}

/// What a title tells of its bearer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Title {
    /// The bearer has this role.
    Role(Role),
    /// An official of some body: the role is that body's.
    Official,
}

static SPEECH: LazyLock<HashMap<&'static str, Speech>> = LazyLock::new(|| {
    crate::tables::rows(include_str!("data/speech.tsv"))
        .filter_map(|(word, kind)| {
            let kind = match kind {
                "after" => Speech::After,
                "saying" => Speech::Saying,
                "passive" => Speech::Passive,
                "menurut" => Speech::Menurut,
                _ => return None,
            };
            Some((word, kind))
        })
        .collect()
});

/// The `titles.tsv` kind of an office of the commission.
const COMMISSION: &str = "commission";

/// The rows of `titles.tsv`: a title, and its role or kind.
static TITLE_ROWS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| crate::tables::rows(include_str!("data/titles.tsv")).collect());

static TITLES: LazyLock<HashMap<String, Title>> = LazyLock::new(|| {
    TITLE_ROWS
        .iter()
        .filter_map(|&(title, role)| {
            let role = match role {
                "official" => Title::Official,
                COMMISSION => Title::Role(Role::Majelis),
                other => Title::Role(Role::from_name(other).ok()?),
            };
            Some((title.to_string(), role))
        })
        .collect()
});

/// The offices of the commission (`ketua ki`, `anggota komisi informasi`).
static COMMISSION_OFFICES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TITLE_ROWS
        .iter()
        .filter(|(_, kind)| *kind == COMMISSION)
        .map(|&(title, _)| title)
        .collect()
});

/// Whether a title as written (`Ketua KI Provinsi Contoh`) opens with an
/// office of the commission rather than a seat on a panel: it tells that
/// its bearer is a commissioner, not that they sat on this hearing.
pub fn is_commission_office(title: &str) -> bool {
    let lower = title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    COMMISSION_OFFICES.iter().any(|office| {
        lower
            .strip_prefix(office)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The most words a title has.
pub const MAX_TITLE_WORDS: usize = 6;

/// How `word` reports speech, and whether it carries the clitic `-nya`
/// (`ujarnya`: the speaker is the one the report is speaking of).
pub fn speech(word: &str) -> Option<(Speech, bool)> {
    let lower = word.to_lowercase();
    if let Some(kind) = SPEECH.get(lower.as_str()) {
        return Some((*kind, false));
    }
    let stem = lower.strip_suffix("nya")?;
    SPEECH.get(stem).map(|kind| (*kind, true))
}

/// The title that `words` (lowercase) spell, if any.
pub fn title(words: &[&str]) -> Option<Title> {
    TITLES.get(&words.join(" ")).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_words_with_and_without_the_clitic() {
        assert_eq!(speech("ujar"), Some((Speech::After, false)));
        assert_eq!(speech("Ujarnya"), Some((Speech::After, true)));
        assert_eq!(speech("menilai"), Some((Speech::Saying, false)));
        assert_eq!(speech("Dijelaskannya"), Some((Speech::Passive, true)));
        assert_eq!(speech("Menurutnya"), Some((Speech::Menurut, true)));
        assert_eq!(speech("rumah"), None);
    }

    #[test]
    fn titles_and_misspellings() {
        assert_eq!(
            title(&["ketua", "majelis"]),
            Some(Title::Role(Role::Majelis))
        );
        assert_eq!(title(&["komisoner"]), Some(Title::Role(Role::Majelis)));
        assert_eq!(
            title(&["panitera", "pengganti"]),
            Some(Title::Role(Role::Panitera))
        );
        assert_eq!(title(&["kepala", "dinas"]), Some(Title::Official));
        assert_eq!(title(&["ketua", "ki"]), Some(Title::Role(Role::Majelis)));
        assert!(is_commission_office("Ketua KI Provinsi Contoh"));
        assert!(is_commission_office("anggota  Komisi Informasi"));
        assert!(!is_commission_office("Ketua Majelis"));
        assert!(!is_commission_office("Ketua Kippas"));
        assert_eq!(title(&["rumah"]), None);
    }
}
