//! Hardening: no client, file or full disk may stall or corrupt risalah.
//! One test per failure found by the hostile-input and fault run (F1–F8),
//! each bounded in time and count.

use crate::util::TempIndex;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use risalah_engine::search::SearchService;
use risalah_web::permalink::PublicUrl;
use risalah_web::server::{self, ServeConfig};
use risalah_web::{router, AppState};
use std::io::Write;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

/// The search fixture plus `n` synthetic turns that all say "arsip".
fn corpus_with_many_hits(n: usize) -> TempIndex {
    let t = TempIndex::from_fixture("search");
    let lines: String = (1..=n)
        .map(|i| {
            format!(
                "{{\"doc_id\":\"sintetis-banyak\",\"title\":\"Sidang sintetis\",\"speaker\":\"Lina Contoh\",\"role\":\"panitera\",\"turn\":{i},\"text\":\"Catatan arsip nomor {i} dibacakan untuk risalah sidang ini.\"}}\n"
            )
        })
        .collect();
    t.write("banyak.jsonl", &lines);
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    t
}

fn get(uri: &str) -> Request<Body> {
    Request::builder().uri(uri).body(Body::empty()).unwrap()
}

/// F1: two clients that start a large export and never read it must not
/// keep a third from searching.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_exports_do_not_take_the_search_slots() {
    let t = corpus_with_many_hits(3_000);
    let state = AppState::new(
        SearchService::open(&t.index_dir()).unwrap(),
        2,
        PublicUrl::default(),
    );
    // Two exports whose bodies nobody reads, held open for the whole test.
    let mut stalled = Vec::new();
    for _ in 0..2 {
        let response = router(state.clone())
            .oneshot(get("/api/export?q=arsip&limit=10000"))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        stalled.push(response);
    }
    // Give the exports' producers time to fill whatever they buffer.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for uri in [
        "/api/search?q=arsip",
        "/search?q=arsip",
        "/p/sintetis-sidang-a/t2",
    ] {
        let answer = tokio::time::timeout(
            Duration::from_secs(1),
            router(state.clone()).oneshot(get(uri)),
        )
        .await
        .unwrap_or_else(|_| panic!("{uri} did not answer within a second"))
        .unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{uri}");
    }
    drop(stalled);
}

/// A server on 127.0.0.1 over the search fixture with short limits, and
/// its address; it stops when the returned sender is dropped.
async fn short_fuse_server(
    max_connections: usize,
) -> (
    TempIndex,
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
) {
    let t = TempIndex::built_search_fixture();
    let state = AppState::new(
        SearchService::open(&t.index_dir()).unwrap(),
        2,
        PublicUrl::default(),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = ServeConfig {
        header_timeout: Duration::from_millis(800),
        write_timeout: Duration::from_secs(2),
        max_connections,
        shutdown_grace: Duration::from_secs(1),
    };
    tokio::spawn(server::serve_with(
        listener,
        router(state),
        config,
        async move {
            let _ = stopped.await;
        },
    ));
    (t, addr, stop)
}

/// Reads until the peer closes the connection; what was read, or `None`
/// when it stays open for `within`.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(all),
            Ok(Ok(n)) => all.extend_from_slice(&buf[..n]),
        }
    }
}

/// F7: a connection that sends nothing, one that sends half a head, and an
/// idle keep-alive connection are all closed by the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_slow_and_idle_connections_are_closed() {
    let (_t, addr, _stop) = short_fuse_server(16).await;
    let mut silent = TcpStream::connect(addr).await.unwrap();
    let mut slow = TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut idle = TcpStream::connect(addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    for (name, stream) in [
        ("silent", &mut silent),
        ("slow", &mut slow),
        ("idle", &mut idle),
    ] {
        assert!(
            read_until_closed(stream, Duration::from_secs(5))
                .await
                .is_some(),
            "the {name} connection is still open"
        );
    }
}

/// F7: connections over the cap are answered 503, with the security
/// headers, and closed; a freed slot serves again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_cap_are_refused() {
    let (_t, addr, _stop) = short_fuse_server(3).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut over = TcpStream::connect(addr).await.unwrap();
    let answer = read_until_closed(&mut over, Duration::from_secs(2))
        .await
        .expect("the connection over the cap is closed at once");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("content-security-policy: "), "{answer}");
    assert!(answer.contains("\"code\":\"busy\""), "{answer}");
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut again = TcpStream::connect(addr).await.unwrap();
    again
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_until_closed(&mut again, Duration::from_secs(5))
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
}

/// F8: answers to oversized requests, unknown API paths and other methods
/// carry the security headers, and the API's are JSON.
#[tokio::test]
async fn every_refusal_carries_the_headers_and_the_api_answers_json() {
    let t = TempIndex::built_search_fixture();
    let state = AppState::new(
        SearchService::open(&t.index_dir()).unwrap(),
        2,
        PublicUrl::default(),
    );
    let long_uri = format!("/api/search?q={}", "a".repeat(risalah_web::MAX_URI_BYTES));
    let cases: Vec<(Request<Body>, StatusCode, bool)> = vec![
        (
            Request::post("/api/search?q=x")
                .header("content-length", "20000")
                .body(Body::from(vec![b'x'; 20_000]))
                .unwrap(),
            StatusCode::PAYLOAD_TOO_LARGE,
            false,
        ),
        (get(&long_uri), StatusCode::URI_TOO_LONG, true),
        (
            Request::get("/api/search?q=x")
                .header("x-padding", "p".repeat(20_000))
                .body(Body::empty())
                .unwrap(),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            true,
        ),
        (get("/api/nothing-here"), StatusCode::NOT_FOUND, true),
        (
            Request::post("/api/search?q=x")
                .body(Body::empty())
                .unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            true,
        ),
        (
            Request::delete("/search?q=x").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            false,
        ),
    ];
    for (request, status, json) in cases {
        let what = format!("{} {}", request.method(), request.uri().path());
        let response = router(state.clone()).oneshot(request).await.unwrap();
        assert_eq!(response.status(), status, "{what}");
        for (name, _) in risalah_web::SECURITY_HEADERS {
            assert!(response.headers().contains_key(name), "{what}: no {name}");
        }
        let body = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        if json {
            let value: serde_json::Value =
                serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{what}: not JSON ({e})"));
            assert!(value["error"]["message"].is_string(), "{what}");
        }
    }
}

/// A report whose every field tries to escape its format: a formula for a
/// spreadsheet, a line break and RIS tags for a reference manager, a brace
/// that would close a BibTeX field, a `javascript:` address.
const HOSTILE_JSONL: &str = concat!(
    r#"{"doc_id":"sintetis-suntik","doc_type":"news","title":"=HYPERLINK(\"http://jahat.invalid\",\"klik\")\r\nTY  - JOUR\r\nUR  - javascript:alert(1)","publisher":"+Warta}, @misc{suntik,","url":"javascript:alert(1)\nER  - ","date":"2099-08-01","speaker":"@SUM(1+1)","role":"majelis","turn":1,"text":"=cmd|' /C calc'!A0 dokumen suntik"}"#,
    "\n",
    r#"{"doc_id":"sintetis-suntik-2","doc_type":"transcript","title":"-2+3 sidang","commission":"KI Contoh\u0007","url":"https://contoh.invalid/a}b{c\\d","date":"2099-08-02","speaker":"\tTab Rekaan","role":"pemohon","turn":1,"text":"\rdokumen suntik kedua"}"#,
    "\n",
);

fn hostile_index() -> TempIndex {
    let t = TempIndex::empty();
    t.write("suntik.jsonl", HOSTILE_JSONL);
    t.build();
    t
}

/// F5: no exported CSV cell starts a formula.
#[tokio::test]
async fn csv_exports_never_start_a_formula() {
    let t = hostile_index();
    let state = AppState::new(
        SearchService::open(&t.index_dir()).unwrap(),
        2,
        PublicUrl::default(),
    );
    let response = router(state)
        .oneshot(get("/api/export?q=suntik&format=csv"))
        .await
        .unwrap();
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let mut reader = csv::Reader::from_reader(&body[..]);
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {cell:?}"
            );
        }
        assert!(
            record
                .iter()
                .any(|c| c.starts_with("'=") || c.starts_with("'\r")),
            "{record:?}"
        );
    }
    assert_eq!(rows, 2);
}

/// F6: a citation record stays one record in its format, whatever the
/// corpus holds.
#[test]
fn citations_stay_one_record_per_format() {
    let t = hostile_index();
    let service = t.service();
    for id in ["sintetis-suntik/p1", "sintetis-suntik-2/t1"] {
        let view = service.passage(id, 0).unwrap().unwrap();
        let c = risalah_web::api::PassageViewJson::new(
            &view,
            &PublicUrl::default(),
            risalah_web::i18n::Lang::Id,
        )
        .citations;

        let ris: Vec<&str> = c.ris.split("\r\n").collect();
        assert!(
            ris.iter()
                .all(|l| l.len() >= 6 && l.as_bytes()[2..6] == *b"  - "),
            "{ris:?}"
        );
        assert_eq!(
            ris.iter().filter(|l| l.starts_with("TY  - ")).count(),
            1,
            "{ris:?}"
        );
        assert_eq!(
            ris.iter().filter(|l| l.starts_with("ER  - ")).count(),
            1,
            "{ris:?}"
        );
        assert_eq!(ris.last(), Some(&"ER  - "));
        assert!(
            !ris.iter().any(|l| l.starts_with("UR  - javascript")),
            "a javascript: address is never a link: {ris:?}"
        );

        let bib = biblatex::Bibliography::parse(&c.bibtex)
            .unwrap_or_else(|e| panic!("{id}: the BibTeX does not parse: {e:?}\n{}", c.bibtex));
        assert_eq!(bib.len(), 1, "{}", c.bibtex);
        let entry = bib.iter().next().unwrap();
        assert!(entry.fields.contains_key("title") && entry.fields.contains_key("url"));
        for field in ["url", "howpublished"] {
            let value = entry
                .fields
                .get(field)
                .map(|v| format!("{v:?}"))
                .unwrap_or_default();
            assert!(!value.contains("javascript"), "{field}: {value}");
        }

        assert!(!c.plain.contains(['\n', '\r']), "{}", c.plain);
    }
}

/// F6: `check` warns about control characters in metadata.
#[test]
fn check_warns_about_control_characters_in_metadata() {
    let t = hostile_index();
    let out = crate::util::risalah(&["check", "--corpus", t.corpus().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for field in ["title", "source_url", "text", "commission"] {
        assert!(
            stderr.contains(&format!("in `{field}`; kept as published")),
            "no warning for `{field}`:\n{stderr}"
        );
    }
}

/// The shortest of three runs of `f(n)`, in seconds.
fn fastest(f: &dyn Fn(usize), n: usize) -> f64 {
    (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            f(n);
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Asserts that `f` costs about linear time in its input: eight times the
/// input may cost at most 32 times the time (linear work costs 8 times,
/// quadratic work 64). No absolute time is asserted, and a run past the
/// bound fails at once instead of running on.
fn assert_linear(what: &str, f: impl Fn(usize) + Send + Sync + 'static, n: usize) {
    let f = std::sync::Arc::new(f);
    let small = fastest(&*f, n);
    let bound = 32.0 * small + 0.005;
    let (tx, rx) = std::sync::mpsc::channel();
    let large_f = std::sync::Arc::clone(&f);
    std::thread::spawn(move || {
        let _ = tx.send(fastest(&*large_f, 8 * n));
    });
    // Three runs of the large input, each within the bound.
    match rx.recv_timeout(Duration::from_secs_f64(3.0 * bound + 1.0)) {
        Ok(large) => assert!(
            large <= bound,
            "{what}: {n} → {small:.4} s, {} → {large:.4} s ({:.1}×)",
            8 * n,
            large / small
        ),
        Err(_) => panic!(
            "{what}: {n} took {small:.4} s, and {} did not finish within {:.1} s",
            8 * n,
            3.0 * bound + 1.0
        ),
    }
}

/// F2: one document over many JSONL lines costs time in proportion to its
/// lines (each line used to be compared with every earlier one).
#[test]
fn one_document_over_many_jsonl_lines_is_linear() {
    let parse = |n: usize| {
        let text: String = (1..=n)
            .map(|i| {
                format!(
                    "{{\"doc_id\":\"sintetis-satu\",\"speaker\":\"Penutur {}\",\"role\":\"majelis\",\"text\":\"Catatan nomor {i}.\"}}\n",
                    i % 40
                )
            })
            .collect();
        let parsed = risalah_engine::corpus::parse_bytes(
            std::path::Path::new("satu.jsonl"),
            text.as_bytes(),
            &risalah_engine::corpus::labels::LabelTable::default(),
        );
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.documents[0].passages.len(), n);
        assert_eq!(parsed.documents[0].roster.len(), 40.min(n));
    };
    assert_linear("JSONL lines of one document", parse, 10_000);
}

/// F3: quotation marks cost attribution time in proportion to their number,
/// up to a paragraph at the passage limit; so do the other runs that used
/// to be quadratic (pronouns, saying verbs, appositions).
#[test]
fn attribution_is_linear_in_quotes_pronouns_and_verbs() {
    for piece in [
        "\"",
        "\"a,\" kata Budi Fiktif. ",
        "Dia menyatakan ",
        "Budi Fiktif mengatakan bahwa ",
    ] {
        let attribute = move |n: usize| {
            let paragraph = format!("Budi Fiktif {} tegasnya.", piece.repeat(n));
            let found = risalah_engine::attribution::attribute(&[paragraph.as_str()], None);
            assert_eq!(found.len(), 1);
        };
        let n = 1_000_000 / 8 / piece.len();
        assert_linear(&format!("attribution of {piece:?}"), attribute, n);
    }
}

/// How a test starves the index of room to write.
enum Starve {
    /// The index directory is a tmpfs of this many bytes.
    Tmpfs(std::path::PathBuf),
    /// The indexer runs under a file-size limit of this many bytes.
    FileSizeLimit(u64),
}

impl Starve {
    /// A tmpfs of 2 MiB mounted on `dir` where the platform allows it, else
    /// a 1 MiB file-size limit (which fails writes the same way, EFBIG for ENOSPC).
    fn on(dir: &std::path::Path) -> Starve {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            Starve::Tmpfs(dir.to_path_buf())
        } else {
            let _ = writeln!(
                std::io::stderr(),
                "hardening: cannot mount a tmpfs here; starving the index with a file-size limit instead"
            );
            Starve::FileSizeLimit(1024 * 1024)
        }
    }

    /// `risalah index` under the constraint.
    fn index(&self, corpus: &std::path::Path, index: &std::path::Path) -> std::process::Output {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_risalah"));
        command
            .arg("index")
            .arg("--corpus")
            .arg(corpus)
            .arg("--index")
            .arg(index);
        if let Starve::FileSizeLimit(bytes) = *self {
            use std::os::unix::process::CommandExt;
            // SAFETY: only setrlimit, async-signal-safe, between fork and exec.
            unsafe {
                command.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: bytes,
                        rlim_max: bytes,
                    };
                    if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        command.output().unwrap()
    }

    /// `risalah index` with room again.
    fn index_with_room(
        &self,
        corpus: &std::path::Path,
        index: &std::path::Path,
    ) -> std::process::Output {
        if let Starve::Tmpfs(dir) = self {
            let grown = std::process::Command::new("mount")
                .args(["-o", "remount,size=512m"])
                .arg(dir)
                .status()
                .unwrap();
            assert!(grown.success());
        }
        crate::util::risalah(&[
            "index",
            "--corpus",
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ])
    }

    /// What a failed write says.
    fn reason(&self) -> &'static str {
        match self {
            Starve::Tmpfs(_) => "the disk is full (no space left on device)",
            Starve::FileSizeLimit(_) => "a file would pass the file-size limit",
        }
    }
}

impl Drop for Starve {
    fn drop(&mut self) {
        if let Starve::Tmpfs(dir) = self {
            let _ = std::process::Command::new("umount").arg(&*dir).status();
        }
    }
}

/// Every file of the index directory that its last commit does not use.
fn files_outside_the_last_commit(index: &std::path::Path) -> Vec<String> {
    let handle = risalah_engine::index::open(index).unwrap();
    let mut living: std::collections::HashSet<String> = handle
        .index
        .load_metas()
        .unwrap()
        .list_segment_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let generation = risalah_engine::index::last_commit(&handle)
        .unwrap()
        .map(|(info, _)| info.generation)
        .unwrap();
    living.extend(
        [
            "meta.json",
            ".managed.json",
            ".tantivy-meta.lock",
            ".tantivy-writer.lock",
        ]
        .map(String::from),
    );
    living.insert(format!("manifest-{generation}.json"));
    std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !living.contains(name) && name != "lost+found")
        .collect()
}

/// F4: a full disk fails with the index, the cause and what to do; the
/// index stays at its last commit with no file of the failed run left; a
/// run with nothing to change succeeds on the same disk; with room again
/// the next run completes with exactly the expected passages.
#[test]
fn a_full_disk_fails_clearly_and_the_next_run_with_room_completes() {
    let t = TempIndex::from_fixture("search");
    let index = t.path().join("index");
    let starve = Starve::on(&index);
    let first = starve.index(&t.corpus(), &index);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = SearchService::open(&index).unwrap().passage_count();

    let big = t.corpus().join("besar.jsonl");
    let mut writer = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    let added = risalah::synth::write_jsonl(
        &risalah::synth::SynthOptions {
            turns: 40_000,
            seed: 4,
            shard: 0,
        },
        &mut writer,
    )
    .unwrap()
    .turns;
    drop(writer);

    for _ in 0..2 {
        let failed = starve.index(&t.corpus(), &index);
        let stderr = String::from_utf8_lossy(&failed.stderr);
        assert_eq!(failed.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("cannot write the index in {}", index.display()))
                && stderr.contains(starve.reason())
                && stderr.contains("run `risalah index` again"),
            "{stderr}"
        );
        assert_eq!(SearchService::open(&index).unwrap().passage_count(), before);
        assert_eq!(files_outside_the_last_commit(&index), Vec::<String>::new());
    }

    // Nothing to change: the same starved disk serves the run.
    let moved = t.path().join("besar.jsonl");
    std::fs::rename(&big, &moved).unwrap();
    let quiet = starve.index(&t.corpus(), &index);
    assert!(
        quiet.status.success(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );

    std::fs::rename(&moved, &big).unwrap();
    let done = starve.index_with_room(&t.corpus(), &index);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let service = SearchService::open(&index).unwrap();
    assert_eq!(service.passage_count(), before + added);
    assert_eq!(files_outside_the_last_commit(&index), Vec::<String>::new());
}
