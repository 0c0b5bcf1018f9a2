//! A speaker who names their own role in their words: `saya selaku pemohon`,
//! `kami sebagai kuasa hukum termohon`, `kami dari pihak PPID`. What a quote
//! says of its speaker is the strongest evidence a report gives.

use crate::model::Role;
use regex::Regex;
use std::sync::LazyLock;

/// `saya/kami/aku selaku/sebagai/dari/mewakili [pihak] [kuasa [hukum]] ROLE`.
static CLAIM: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:saya|kami|aku)\s+(?:ini\s+)?(?:selaku|sebagai|dari|mewakili)\s+(?:pihak\s+)?(?:(?:tim\s+)?kuasa\s+(?:hukum\s+)?|perwakilan\s+)?(pemohon|termohon|ppid|badan\s+publik|majelis|panitera)\b",
    )
    .ok()
});

/// The role the words `text` claim for whoever says them, when they claim
/// exactly one.
pub fn claimed_role(text: &str) -> Option<Role> {
    let claim = CLAIM.as_ref()?;
    let mut roles = claim.captures_iter(text).filter_map(|c| {
        let word = c.get(1)?.as_str().to_lowercase();
        Some(match word.split_whitespace().next()? {
            "pemohon" => Role::Pemohon,
            "termohon" | "ppid" | "badan" => Role::Termohon,
            "majelis" => Role::Majelis,
            _ => Role::Panitera,
        })
    });
    let first = roles.next()?;
    roles.all(|r| r == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_naming_their_own_role_claims_it() {
        assert_eq!(
            claimed_role("Saya selaku pemohon informasi belum puas"),
            Some(Role::Pemohon)
        );
        assert_eq!(
            claimed_role("kami sebagai kuasa hukum termohon keberatan"),
            Some(Role::Termohon)
        );
        assert_eq!(
            claimed_role("Kami dari pihak PPID sudah menjawab"),
            Some(Role::Termohon)
        );
        // Speaking of a role is not claiming it.
        assert_eq!(claimed_role("Kami meminta pemohon hadir"), None);
        assert_eq!(
            claimed_role("saya selaku pemohon, dan kami sebagai termohon"),
            None
        );
    }
}
