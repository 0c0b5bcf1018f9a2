//! Case register numbers in running text (`023/III/KIP-PS/2024`, `Nomor:
//! 12 / PS / KI-JBR / 2022`), in the spellings the commissions use: a
//! number, two to five `/`-separated parts of which one names the
//! commission or the dispute (`KI…`, `PS…`, `PTS…`), and a year. Dates
//! (`12/03/2024`) are not register numbers.

use regex::Regex;
use std::sync::LazyLock;

static REGISTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b\d{1,4}
        (?:\s*/\s*[A-Za-z0-9][A-Za-z0-9.\-]*(?:\ [A-Za-z0-9.\-]+){0,2}){1,4}
        \s*/\s*(?:19|20)\d{2}\b",
    )
    .expect("the register pattern is valid")
});

/// The codes that mark a part of a register number (`KIP-PS`, `KI-JBR`,
/// `PS-A`, `REG-PSI`, `PTSN`).
const DISPUTE_CODES: &[&str] = &["ki", "kip", "kis", "ps", "psi", "pts", "ptsn", "reg"];

/// The key a case register number is linked by: lowercase, without spaces
/// (`023 / III / KIP-PS / 2024` is `023/iii/kip-ps/2024`).
pub fn case_key(case: &str) -> String {
    case.split_whitespace().collect::<String>().to_lowercase()
}

/// Whether a part names a commission or a dispute: one of its codes
/// (split at `-`, `.` and spaces) is a [`DISPUTE_CODES`] one, or begins with
/// `ki` (`KISB`, `KIBTN`).
fn names_a_dispute(part: &str) -> bool {
    part.split(['-', '.', ' '])
        .map(str::to_ascii_lowercase)
        .any(|code| {
            DISPUTE_CODES.contains(&code.as_str())
                || (code.starts_with("ki")
                    && code.len() <= 6
                    && code.chars().all(|c| c.is_ascii_alphabetic()))
        })
}

/// One register number found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterMention {
    /// The first byte in the text.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
    /// The number as written.
    pub written: String,
}

/// Every register number in `text`, in order.
pub fn mentions(text: &str) -> Vec<RegisterMention> {
    REGISTER
        .find_iter(text)
        .filter(|m| m.as_str().split('/').any(|p| names_a_dispute(p.trim())))
        .map(|m| RegisterMention {
            start: m.start(),
            end: m.end(),
            written: m.as_str().to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.written).collect()
    }

    #[test]
    fn register_numbers_are_found_in_their_spellings() {
        assert_eq!(
            written("perkara Nomor 023/III/KIP-PS/2024 dan 12 / PS / KI-JBR / 2022."),
            ["023/III/KIP-PS/2024", "12 / PS / KI-JBR / 2022"]
        );
        assert_eq!(
            written("Nomor: 045/X/KIP-PS-M-A/2099"),
            ["045/X/KIP-PS-M-A/2099"]
        );
    }

    #[test]
    fn dates_and_fractions_are_not_register_numbers() {
        assert!(written("pada 12/03/2024, sekitar 3/4 berkas").is_empty());
        assert!(written("UU 14/2008").is_empty());
        assert!(written("surat kuasa 12/SK/DIR/2099").is_empty());
    }
}
