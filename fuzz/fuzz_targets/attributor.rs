//! Any text, split into paragraphs, through the quote attributor: one list
//! of attributions per paragraph, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let paragraphs: Vec<&str> = text.split('\n').collect();
        let found = risalah::attribution::attribute(&paragraphs, Some("Pemohon Fiktif (PF) v. Badan Rekaan (BR)"));
        assert_eq!(found.len(), paragraphs.len());
    }
});
