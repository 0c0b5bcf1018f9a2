//! The command-line contract: what `risalah` prints and its exit status.

use std::path::Path;
use std::process::{Command, Output};

fn risalah(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_risalah"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run risalah")
}

fn fixture(name: &str) -> String {
    Path::new("tests/fixtures").join(name).display().to_string()
}

#[test]
fn check_passes_on_the_bundled_corpus() {
    let out = risalah(&["check", "--corpus", "corpus"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("checked 4 file(s): 4 document(s)"),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_names_file_and_line_of_every_broken_fixture() {
    let out = risalah(&["check", "--corpus", &fixture("broken")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let dir = fixture("broken");
    for expected in [
        format!("{dir}/bad-date.txt:6: bad date `2099-02-30`"),
        format!("{dir}/unknown-key.txt:7: unknown key `warna`"),
        format!("{dir}/empty-body.txt:8: empty body"),
        format!("{dir}/missing-title.txt:1: missing required key `title`"),
        format!("{dir}/invalid-utf8.txt:8: invalid UTF-8"),
        format!("{dir}/duplicate-id.txt:8: duplicate document id `baik-sintetis`"),
        format!("{dir}/unknown-label.txt:9: warning: label `NOTULIS` resolves to no role"),
        format!("{dir}/empty.txt:1: empty file"),
        format!("{dir}/bulk.jsonl:2: invalid JSONL record at column"),
    ] {
        assert!(
            stderr.lines().any(|l| l.starts_with(&expected)),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    assert!(
        !stderr
            .lines()
            .any(|l| l.starts_with(&format!("{dir}/01-good.txt"))),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("8 file(s) with rejected input, 1 warning(s)"),
        "{stdout}"
    );
}

#[test]
fn check_takes_a_single_file_and_strict_fails_on_warnings() {
    let file = fixture("broken/unknown-label.txt");
    let out = risalah(&["check", "--corpus", &file]);
    assert!(out.status.success());
    let out = risalah(&["check", "--strict", "--corpus", &file]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_corpus_is_a_clear_error() {
    let out = risalah(&["check", "--corpus", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read corpus no/such/dir"),
        "{stderr}"
    );
}
