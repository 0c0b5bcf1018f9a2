//! Any text, split into paragraphs, through the quote attributor: never a
//! panic, and nothing attributed to a name the report does not print.
#![no_main]

use libfuzzer_sys::fuzz_target;

const PARTIES: &str = "Pemohon Fiktif (PF) v. Badan Rekaan (BR)";

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let paragraphs: Vec<&str> = text.split('\n').collect();
        let found = risalah_engine::attribution::attribute(&paragraphs, Some(PARTIES));
        let whole = format!("{text} {PARTIES}");
        for a in found.iter().flatten() {
            if let Some(name) = &a.speaker {
                assert!(name.split_whitespace().any(|w| whole.contains(w)), "{name}");
            }
        }
    }
});
