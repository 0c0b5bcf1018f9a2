//! The command-line contract: what `risalah` prints and its exit status.

use crate::util::{risalah, risalah_in};
use std::path::Path;

fn fixture(name: &str) -> String {
    crate::util::fixture(name).display().to_string()
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

#[test]
fn index_then_search_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let corpus = format!("{root}/corpus");
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let out = risalah_in(
        dir.path(),
        &["index", "--corpus", &corpus, "--index", index],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("index built: 4 document(s), 32 passage(s); 4 file(s) read"),
        "{stdout}"
    );
    let again = risalah_in(
        dir.path(),
        &["index", "--corpus", &corpus, "--index", index],
    );
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("index up to date"));

    let out = risalah_in(
        dir.path(),
        &["search", "--index", index, "--role", "majelis", "Alibaba"],
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Arya Sandhiyudha [majelis] — 2024-03-13"),
        "{text}"
    );
    assert!(
        text.contains("Benar KPU memiliki kerja sama dengan «Alibaba»?"),
        "{text}"
    );
    assert!(text.contains("↓ Luqman Hakim [termohon]: Iya"), "{text}");

    let out = risalah_in(
        dir.path(),
        &[
            "search", "--index", index, "--json", "--type", "news", "--limit", "2", "KPU",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["total", "took_ms", "facets", "hits"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let hit = &json["hits"][0];
    for key in [
        "id",
        "doc_id",
        "doc_type",
        "title",
        "date",
        "case",
        "speaker",
        "role",
        "text",
        "snippet_html",
        "score",
        "citation",
        "url",
    ] {
        assert!(hit.get(key).is_some(), "{key} missing in {hit}");
    }
    assert_eq!(json["hits"].as_array().unwrap().len(), 2);
    assert!(json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["doc_type"] == "news"));
}

#[test]
fn search_reports_bad_queries_and_missing_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let out = risalah_in(dir.path(), &["search", "--index", "nowhere", "kontrak"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index in nowhere"));
    let index = dir.path().join("index");
    let corpus = format!("{}/corpus", env!("CARGO_MANIFEST_DIR"));
    risalah_in(
        dir.path(),
        &[
            "index",
            "--corpus",
            &corpus,
            "--index",
            index.to_str().unwrap(),
        ],
    );
    let out = risalah_in(
        dir.path(),
        &["search", "--index", index.to_str().unwrap(), "role:hakim"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role `hakim`"));
}

#[test]
fn index_reports_bad_files_and_indexes_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let root = env!("CARGO_MANIFEST_DIR");
    let out = risalah_in(
        Path::new(root),
        &[
            "index",
            "--corpus",
            "tests/fixtures/broken",
            "--index",
            index.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad-date.txt:6: bad date"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("3 document(s)"), "{stdout}");
    assert!(stdout.contains("8 rejected"), "{stdout}");
}

#[test]
fn analyze_prints_both_views() {
    let out = risalah(&["analyze", "--json", "Pemohon memutuskan informasinya"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["stemmed"],
        serde_json::json!(["pemohon", "putus", "informasi"])
    );
    assert_eq!(
        json["exact"],
        serde_json::json!(["pemohon", "memutuskan", "informasinya"])
    );
}

#[test]
fn attribute_shows_each_sentence_with_its_speaker_role_and_confidence() {
    let report = "corpus/sindonews-2024-03-14-kpu-akui-kontrak-alibaba-cloud.txt";
    let out = risalah(&["attribute", report]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The paragraph that paraphrases the panel and then the respondent
    // carries both, each with the sentence it covers.
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in\n{stdout}"))
            .to_string()
    };
    let panel = line("→ parafrase: Arya Sandhiyudha (majelis) · keyakinan");
    assert!(panel.contains("· Mulanya, Majelis Komisioner"), "{panel}");
    let respondent = line("→ parafrase: Luqman Hakim (termohon) · keyakinan");
    assert!(
        respondent.ends_with(
            "· Dalam persidangan Luqman membenarkan kerja sama itu berkaitan dengan cloud Sirekap."
        ),
        "{respondent}"
    );
    let json = risalah(&["attribute", "--json", report]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let answer = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["text"] == "\"Iya,\" jawab Luqman.")
        .expect("the answer");
    let a = &answer["attributions"][0];
    assert_eq!(
        (
            a["speaker"].as_str(),
            a["role"].as_str(),
            a["mode"].as_str()
        ),
        (Some("Luqman Hakim"), Some("termohon"), Some("quote"))
    );
    assert_eq!(a["excerpt"], "\"Iya,\"");
    let confidence = a["confidence"].as_u64().expect("a confidence");
    assert!((60..=100).contains(&confidence), "{confidence}");
}

#[test]
fn an_export_checks_clean_and_indexes_again_with_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let built = risalah(&["index", "--corpus", "corpus", "--index", index]);
    assert!(built.status.success());
    let corpus2 = dir.path().join("dump");
    std::fs::create_dir(&corpus2).unwrap();
    let dump = corpus2.join("semua.jsonl");
    let out = risalah(&[
        "export",
        "--all",
        "--index",
        index,
        "--out",
        dump.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported 32 passage(s)"));
    let check = risalah(&["check", "--strict", "--corpus", corpus2.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let index2 = dir.path().join("index2");
    let rebuilt = risalah(&[
        "index",
        "--corpus",
        corpus2.to_str().unwrap(),
        "--index",
        index2.to_str().unwrap(),
    ]);
    assert!(rebuilt.status.success());
    let dump2 = dir.path().join("again.jsonl");
    let out = risalah(&[
        "export",
        "--all",
        "--index",
        index2.to_str().unwrap(),
        "--out",
        dump2.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let (first, second) = (
        std::fs::read_to_string(&dump).unwrap(),
        std::fs::read_to_string(&dump2).unwrap(),
    );
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
            .collect()
    };
    assert_eq!(ids(&first).len(), 32);
    assert_eq!(ids(&first), ids(&second));
    assert_eq!(
        first, second,
        "passages, speakers, roles and attributions survive"
    );
    // A query export writes the same format, best hit first.
    let out = risalah(&["export", "--index", index, "--role", "termohon", "kontrak"]);
    let rows = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!rows.is_empty());
    for line in rows.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            row["turn"].as_u64().is_some() && row["doc_id"].is_string(),
            "{row}"
        );
    }
}
