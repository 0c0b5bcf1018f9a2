//! Any bytes, read as a transcript/news file and as a JSONL file: no panic,
//! and every problem names a line of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use risalah_engine::corpus::{self, labels::LabelTable};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let labels = LabelTable::default();
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for name in ["fuzz.txt", "fuzz.jsonl"] {
        let parsed = corpus::parse_bytes(Path::new(name), data, &labels);
        for problem in &parsed.problems {
            assert!(problem.line as usize <= lines, "{problem}");
        }
    }
});
