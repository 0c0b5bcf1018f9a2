//! Short and long forms that name the same public body, office or law
//! (`equivalents.tsv`: `KPU` and "Komisi Pemilihan Umum"): the query
//! matches either form, and the speaker tally counts a body named by its
//! acronym under its long name.

use std::sync::LazyLock;

/// Every (short, long) pair, lowercase, in the file's order (a longer long
/// form before a shorter one it contains).
pub static EQUIVALENTS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| crate::tables::rows(include_str!("equivalents.tsv")).collect());

/// Words that join the words of a name or a term (*Dinas Komunikasi dan
/// Informatika*, *informasi yang dikecualikan*): a body's long name keeps
/// them lowercase, and a snippet does not highlight them on their own.
pub const JOINING_WORDS: &[&str] = &[
    "dan", "dari", "atau", "untuk", "yang", "serta", "di", "ke", "pada", "oleh",
];

/// The long name of a body written as its bare short form (`KPU`, `kpu`),
/// capitalised as a name ("Komisi Pemilihan Umum"); none for anything else.
pub fn long_name(short: &str) -> Option<String> {
    let wanted = short.trim().to_lowercase();
    let (_, long) = EQUIVALENTS.iter().find(|(s, _)| *s == wanted)?;
    Some(
        long.split(' ')
            .map(|w| {
                if JOINING_WORDS.contains(&w) {
                    w.to_string()
                } else {
                    super::capitalised(w)
                }
            })
            .collect::<Vec<String>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_names_its_body() {
        assert_eq!(long_name("KPU").as_deref(), Some("Komisi Pemilihan Umum"));
        assert_eq!(
            long_name(" ppid ").as_deref(),
            Some("Pejabat Pengelola Informasi dan Dokumentasi")
        );
        assert_eq!(long_name("Dewi Contoh"), None);
    }

    #[test]
    fn each_pair_is_listed_once_and_a_longer_long_form_first() {
        for (i, (short, long)) in EQUIVALENTS.iter().enumerate() {
            assert!(!short.is_empty() && !long.is_empty());
            assert_eq!(*long, long.to_lowercase(), "{long}");
            for (later_short, later_long) in &EQUIVALENTS[i + 1..] {
                assert!(
                    (short, long) != (later_short, later_long),
                    "{short} is listed twice"
                );
                // A long form inside an earlier, longer one is fine; the
                // other way round the shorter would match first.
                assert!(
                    !(later_long.contains(long) && later_long != long),
                    "{later_long} must come before {long}"
                );
            }
        }
    }
}
