//! Any string as a query: the parser answers a query or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = risalah_engine::search::query::parse(text);
    }
});
