//! Reliability: a hostile corpus, an indexer killed part-way, a reindex
//! while a server searches, and bounded property tests (proptest) of the
//! parsers, the query parser, the attributor and the search service on
//! generated input.

use crate::util::{copy_fixture, risalah, TempIndex};
use proptest::prelude::*;
use risalah::synth::{self, SynthOptions};
use risalah_engine::corpus::{self, labels::LabelTable};
use risalah_engine::index::build::{self, BuildOptions, Silent};
use risalah_engine::search::{query, SearchError, SearchRequest, SearchService};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn build_into(corpus: &Path, index: &Path) -> build::BuildReport {
    build::build(
        &BuildOptions {
            corpus: corpus.to_path_buf(),
            index_dir: index.to_path_buf(),
            rebuild: false,
        },
        &Silent,
    )
    .unwrap()
}

/// Text made of up to `max` pieces drawn from `pieces`.
fn text_of(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pieces), 0..max).prop_map(|p| p.concat())
}

#[test]
fn a_hostile_corpus_gets_clear_reasons_and_the_good_files_are_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_fixture("hostile", &corpus);
    // A 50 MB single line: too big to keep in the repository, made here.
    let mut huge = String::from("---\nid: hostile-besar\ntype: news\ntitle: Satu baris\npublisher: Warta Contoh\ndate: 2099-04-01\n---\n");
    while huge.len() < 50 * 1024 * 1024 {
        huge.push_str("kata yang diulang tanpa akhir ");
    }
    huge.push('\n');
    std::fs::write(corpus.join("huge-line.txt"), huge).unwrap();
    let index = dir.path().join("index");
    let out = risalah(&[
        "index",
        "--corpus",
        corpus.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "rejected input makes the exit status 1"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let c = corpus.display().to_string();
    for expected in [
        format!("{c}/truncated.txt:1: front matter is not closed"),
        format!("{c}/invalid-utf8.txt:8: invalid UTF-8"),
        format!("{c}/binary.txt:1: binary content (NUL byte)"),
        format!("{c}/image.png:1: warning: not a corpus file"),
        format!("{c}/empty.txt:1: empty file"),
        format!("{c}/zz-duplicate-id.txt:8: duplicate document id `hostile-baik-1`"),
        format!("{c}/unknown-label.txt:9: warning: label `JURU KETIK` resolves to no role"),
        format!("{c}/control-chars.txt:8: warning: control character U+0007"),
        format!("{c}/huge-line.txt:8: a passage of "),
    ] {
        assert!(
            stderr.lines().any(|l| l.starts_with(&expected)),
            "missing `{expected}` in\n{stderr}"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("5 document(s)"), "{stdout}");
    let service = SearchService::open(&index).unwrap();
    let found = service
        .search(&SearchRequest {
            q: "arsip".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 2, "both good files are searchable");
}

#[test]
fn strict_turns_warnings_into_failure() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for name in ["good-1.txt", "control-chars.txt"] {
        std::fs::copy(fixtures.join(name), corpus.join(name)).unwrap();
    }
    let index = dir.path().join("index");
    let (c, i) = (corpus.to_str().unwrap(), index.to_str().unwrap());
    assert_eq!(
        risalah(&["index", "--corpus", c, "--index", i])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        risalah(&[
            "index",
            "--strict",
            "--rebuild",
            "--corpus",
            c,
            "--index",
            i
        ])
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn an_indexer_killed_part_way_leaves_the_last_commit_intact() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_fixture("search", &corpus);
    let index = dir.path().join("index");
    let before = build_into(&corpus, &index).passages;

    let file = std::fs::File::create(corpus.join("big.jsonl")).unwrap();
    let mut writer = std::io::BufWriter::new(file);
    let added = synth::write_jsonl(
        &SynthOptions {
            turns: 150_000,
            seed: 9,
            shard: 0,
        },
        &mut writer,
    )
    .unwrap()
    .turns;
    drop(writer);

    let mut child = Command::new(env!("CARGO_BIN_EXE_risalah"))
        .args([
            "index",
            "--corpus",
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the indexer must still be running when it is killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    // The index opens at its last commit, with nothing from the killed run.
    let service = SearchService::open(&index).unwrap();
    assert_eq!(service.passage_count() as usize, before);
    assert!(
        service
            .search(&SearchRequest {
                q: "dokumen".into(),
                ..Default::default()
            })
            .unwrap()
            .total
            > 0
    );
    drop(service);

    // The next run completes.
    let report = build_into(&corpus, &index);
    assert_eq!(report.passages as u64, before as u64 + added);
    let service = SearchService::open(&index).unwrap();
    assert_eq!(service.passage_count(), before as u64 + added);
}

#[test]
fn a_server_picks_up_a_new_commit_and_never_answers_from_a_half_written_index() {
    let t = TempIndex::built_search_fixture();
    let (corpus, index) = (t.corpus(), t.index_dir());
    let service = SearchService::open(&index).unwrap();
    let count = |s: &SearchService| {
        s.search(&SearchRequest {
            q: "arsip".into(),
            ..Default::default()
        })
        .map(|r| r.total)
    };
    let old = count(&service).unwrap();

    let lines: String = (1..=2_000)
        .map(|i| format!("{{\"doc_id\":\"sintetis-tambahan\",\"turn\":{i},\"role\":\"panitera\",\"speaker\":\"Lina Contoh\",\"text\":\"Catatan arsip nomor {i}.\"}}\n"))
        .collect();
    std::fs::write(corpus.join("tambahan.jsonl"), lines).unwrap();

    let stop = AtomicBool::new(false);
    let seen: Vec<usize> = std::thread::scope(|s| {
        let searcher = s.spawn(|| {
            let mut seen = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                seen.push(count(&service).expect("no search fails during a reindex"));
            }
            seen
        });
        build_into(&corpus, &index);
        // The reader follows commits by itself; no restart, no reopen.
        let started = Instant::now();
        while count(&service).unwrap() == old && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(50));
        }
        stop.store(true, Ordering::Relaxed);
        searcher.join().unwrap()
    });
    let new = count(&service).unwrap();
    assert_eq!(new, old + 2_000);
    assert!(!seen.is_empty());
    assert!(
        seen.iter().all(|n| *n == old || *n == new),
        "every answer is from a whole commit: {:?}",
        seen.iter()
            .filter(|n| **n != old && **n != new)
            .collect::<Vec<_>>()
    );
}

const PARSER_PIECES: &[&str] = &[
    "---\n",
    "id: a\n",
    "type: news\n",
    "type: transcript\n",
    "title: T\n",
    "date: 2099-01-01\n",
    "publisher: P\n",
    "commission: K\n",
    "roster:\n",
    "- Nama | majelis | Ketua\n",
    "KETUA MAJELIS: ",
    "1. KETUA: BUDI FIKTIF ",
    " 2. PEMOHON: ",
    "(sidang diskors)\n",
    "[00:01:02] ",
    "\"",
    "“",
    "”",
    "kata Budi",
    "Baca Juga: x\n",
    "\n",
    "teks ",
    "é",
    "\u{0}",
    "\u{7}",
    "{\"doc_id\":\"a\",\"text\":\"x\"}\n",
    "{\"doc_id\":",
    "\\u0000",
    ":",
    "|",
    "-",
    "Berita Terkait\n",
    "\r\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Every problem names a line the input has; nothing panics.
    #[test]
    fn the_corpus_parsers_never_panic_on_generated_input(text in text_of(PARSER_PIECES, 40)) {
        let labels = LabelTable::default();
        for name in ["x.txt", "x.jsonl"] {
            let parsed = corpus::parse_bytes(Path::new(name), text.as_bytes(), &labels);
            for p in &parsed.problems {
                prop_assert!(
                    p.line as usize <= text.lines().count().max(1),
                    "{} for {:?}", p, text
                );
            }
        }
    }
}

const QUERY_PIECES: &[&str] = &[
    "kontrak ",
    "\"",
    "-",
    "OR ",
    "role:",
    "majelis",
    "role:hakim ",
    "speaker:",
    "case:",
    "type:news ",
    "type:x ",
    "date:",
    "2024",
    "-03",
    "..",
    "from:",
    "to:",
    "(",
    ")",
    "*",
    "?",
    ":",
    " ",
    "é",
    "“",
    "”",
    "putusan ",
    "kip ",
    "\u{0}",
    "0123456789",
    "date:2024-13 ",
    ",",
    "\\",
    "date:0019 ",
    "date:..0967 ",
    "from:9999 ",
];

#[test]
fn the_query_parser_and_the_search_service_never_fail_on_generated_queries() {
    let t = TempIndex::built_search_fixture();
    let service = SearchService::open(&t.index_dir()).unwrap();
    let config = ProptestConfig::with_cases(1_000);
    proptest!(config, |(q in text_of(QUERY_PIECES, 24))| {
        let _ = query::parse(&q);
        match service.search(&SearchRequest {
            q: q.clone(),
            limit: 5,
            ..Default::default()
        }) {
            Ok(r) => prop_assert!(r.hits.len() <= 5 && r.hits.len() <= r.total),
            Err(SearchError::BadRequest(m)) => prop_assert!(!m.is_empty()),
            Err(SearchError::Query(e)) => prop_assert!(!e.to_string().is_empty()),
            Err(SearchError::Internal(e)) => panic!("internal error for {q:?}: {e:#}"),
        }
    });
}

const ATTRIBUTION_PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "„",
    "kata ",
    "katanya",
    "tegasnya",
    " Budi Fiktif",
    " Ketua Majelis Komisioner KIP Dewi Contoh",
    ", ",
    "perwakilan KPU ",
    "Menurut ",
    "ia ",
    "Dia ",
    "menyatakan ",
    "mengatakan, ",
    "Majelis",
    ". ",
    "tanya Majelis",
    "(",
    ")",
    "dari perwakilan ",
    "Pemohon",
    "Termohon",
    "é",
];

const PARTIES: &str = "Pemohon Fiktif (PF) v. Komisi Pemilihan Umum (KPU)";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    /// Nothing is attributed to a name the report does not print: every
    /// named speaker has a word in the report or its parties.
    #[test]
    fn the_attributor_names_only_people_the_report_names(
        paragraphs in prop::collection::vec(text_of(ATTRIBUTION_PIECES, 30), 1..6)
    ) {
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let found = risalah_engine::attribution::attribute(&refs, Some(PARTIES));
        let whole = format!("{} {PARTIES}", refs.join(" "));
        for a in found.iter().flatten() {
            if let Some(name) = &a.speaker {
                prop_assert!(
                    name.split_whitespace().any(|w| whole.contains(w)),
                    "{name} is not in {whole:?}"
                );
            }
        }
    }
}
