//! Personal data of private persons is masked before indexing: fictional
//! documents in the text and JSONL formats (`tests/fixtures/privacy/`) with
//! every kind of identity data; the raw values appear in no answer, page,
//! export or file of the index, while public bodies' contacts and ordinary
//! numbers stay.

use crate::util::{risalah, TempIndex};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use risalah_web::permalink::PublicUrl;
use risalah_web::{router, AppState};
use std::path::Path;
use tower::ServiceExt;

/// Every private value of the fixtures, as written.
const PRIVATE: &[&str] = &[
    "3201 0101 0101 0042",
    "3201010101019999",
    "12.345.678.9-012.345",
    "0812-3456-7890",
    "+62 813 9876 5432",
    "budi.fiktif@contohmail.invalid",
    "0123-01-045678-50-9",
    "Jalan Melati Rekaan",
    "12 Mei 2070",
    "Gang Kenari Buntu",
    "Lurah Samaran",
    "32.01.01.010101.0077",
    "0857 1122 3344",
    "Dusun Rekaan",
    "Rahmat Karangan",
    "0813-2222-4444",
    "Kenanga",
    "3201010101010043",
    "1 Januari 2071",
    "198001012005011002",
];

/// What stays: public bodies' contacts and ordinary numbers.
const PUBLIC: &[&str] = &[
    "Jalan Balai Kota No. 1",
    "(0299) 765-4321",
    "ppid@rekaan.contoh.go.id",
    "Jalan Pahlawan Contoh No. 9",
    "021-555-0199",
    "099/IX/KI-CONTOH-PS/2099",
    "2099-08-01",
    "Rp 1.250.000.000",
    "Pasal 17 huruf h UU 14/2008",
    "Rp 12.050.000.000",
    "Rp 3.075.500.000,00",
    "kode rekening 5.1.02.01.01.0024",
    "rekening kas daerah sebesar Rp 1.250.000.000",
    "Bank Dunia senilai Rp 2.500.000.000",
];

fn built() -> TempIndex {
    let t = TempIndex::from_fixture("privacy");
    let report = t.build();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    t
}

async fn get(state: &AppState, uri: &str) -> (StatusCode, String) {
    let response = router(state.clone())
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

/// Every stored field of every document of every segment (deleted ones
/// too), as JSON, and every term of every field: what the index holds,
/// decompressed.
fn index_contents(dir: &Path) -> (String, Vec<String>) {
    use tantivy::schema::document::{Document as _, TantivyDocument};
    let index = tantivy::Index::open_in_dir(dir).unwrap();
    let schema = index.schema();
    let searcher = index.reader().unwrap().searcher();
    let mut stored = String::new();
    let mut terms = Vec::new();
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(0).unwrap();
        for doc in store.iter::<TantivyDocument>(None) {
            stored.push_str(&doc.unwrap().to_json(&schema));
            stored.push('\n');
        }
        for (field, _) in schema.fields() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let mut stream = inverted.terms().stream().unwrap();
            while stream.advance() {
                terms.push(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
    }
    (stored, terms)
}

/// Every file under `dir`, read whole.
fn index_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn files_holding(files: &[(String, Vec<u8>)], value: &str) -> Vec<String> {
    files
        .iter()
        .filter(|(_, bytes)| bytes.windows(value.len()).any(|w| w == value.as_bytes()))
        .map(|(name, _)| name.clone())
        .collect()
}

#[tokio::test]
async fn personal_data_is_masked_everywhere_it_could_show() {
    let t = built();
    let state = AppState::new(t.service(), 2, PublicUrl::new("http://risalah.test"));
    let uris = [
        "/search?q=identitas",
        "/search?q=rekening",
        "/search?q=termohon&lang=en",
        "/p/sintetis-privasi-risalah/t2",
        "/p/sintetis-privasi-risalah/t2?lang=en",
        "/d/sintetis-privasi-risalah",
        "/d/sintetis-privasi-jsonl",
        "/api/search?q=identitas",
        "/api/search?q=bertempat",
        "/api/passages/sintetis-privasi-risalah/t3?around=5",
        "/api/docs/sintetis-privasi-risalah",
        "/api/docs/sintetis-privasi-jsonl",
        "/api/export?q=saya&format=csv",
        "/api/export?q=saya&format=jsonl",
        "/api/export?q=termohon&format=jsonl",
    ];
    let mut everything = String::new();
    for uri in uris {
        let (status, body) = get(&state, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        for value in PRIVATE {
            assert!(!body.contains(value), "{uri} shows {value:?}");
        }
        everything.push_str(&body);
    }
    // Masking, not deletion: the placeholders say what was there, in the
    // page's language.
    for placeholder in [
        "[NIK disamarkan]",
        "[nomor KK disamarkan]",
        "[NIP disamarkan]",
        "[NPWP disamarkan]",
        "[nomor telepon disamarkan]",
        "[alamat e-mail disamarkan]",
        "[nomor rekening disamarkan]",
        "[alamat disamarkan]",
        "[tempat/tanggal lahir disamarkan]",
        "[disamarkan]",
    ] {
        assert!(everything.contains(placeholder), "no {placeholder}");
    }
    let (_, english) = get(&state, "/p/sintetis-privasi-risalah/t2?lang=en").await;
    assert!(
        english.contains("[NIK redacted]") && !english.contains("[NIK disamarkan]"),
        "{english}"
    );
    // Public bodies' contacts and ordinary numbers stay as written.
    let (_, document) = get(&state, "/api/docs/sintetis-privasi-risalah").await;
    let (_, jsonl) = get(&state, "/api/docs/sintetis-privasi-jsonl").await;
    for value in PUBLIC {
        assert!(
            document.contains(value) || jsonl.contains(value),
            "{value:?} was masked"
        );
    }
    // Positions and ids do not move.
    let (status, _) = get(&state, "/api/passages/sintetis-privasi-risalah/t6").await;
    assert_eq!(status, StatusCode::OK);
}

#[test]
fn the_raw_values_are_in_no_file_of_the_index_and_a_redaction_removes_every_trace() {
    let t = built();
    let (stored, terms) = index_contents(&t.index_dir());
    // What is read is what is stored: the public contacts are there.
    assert!(
        stored.contains("ppid@rekaan.contoh.go.id"),
        "the store reads nothing"
    );
    assert!(terms.iter().any(|t| t == "balai"), "the terms read nothing");
    let files = index_bytes(&t.index_dir());
    for value in PRIVATE {
        assert!(
            !stored.contains(&value.replace('"', "\\\"")),
            "stored: {value:?}"
        );
        assert_eq!(
            files_holding(&files, value),
            Vec::<String>::new(),
            "{value:?}"
        );
    }
    for word in [
        "3201010101019999",
        "contohmail",
        "kenari",
        "samaran",
        "melati",
        "karangan",
        "0042",
        "3344",
    ] {
        assert!(
            !terms.iter().any(|t| t.ends_with(word)),
            "an index term: {word}"
        );
    }
    // A name no pattern knows is in the index until an editor redacts it;
    // then no segment, live or replaced, holds it.
    assert!(index_contents(&t.index_dir()).0.contains("Joko Andaian"));
    let segments_before: Vec<String> = files
        .iter()
        .map(|(name, _)| name.clone())
        .filter(|n| n.ends_with(".store"))
        .collect();
    t.write("redactions.tsv", "# synthetic\nJoko Andaian\tJ.A.\n");
    let report = t.build();
    assert!(
        report.committed && report.problems.is_empty(),
        "{:?}",
        report.problems
    );
    let (stored, terms) = index_contents(&t.index_dir());
    assert!(!stored.contains("Joko Andaian") && !terms.iter().any(|t| t.contains("andaian")));
    let files = index_bytes(&t.index_dir());
    for old in &segments_before {
        assert!(
            !files.iter().any(|(name, _)| name == old),
            "{old} was not collected"
        );
    }
    assert_eq!(files_holding(&files, "Joko Andaian"), Vec::<String>::new());
    let hits = t.search("kantor dinas");
    let speaker = hits.hits[0].passage.passage.speaker.clone();
    assert_eq!(speaker.as_deref(), Some("J.A."));
}

#[test]
fn a_query_for_personal_data_is_refused_and_ordinary_numbers_are_searched() {
    let t = built();
    for q in [
        "3201010101010042",
        "0812-3456-7890",
        "budi.fiktif@contohmail.invalid",
    ] {
        let err = t.service().search(&risalah_engine::search::SearchRequest {
            q: q.into(),
            filters: Default::default(),
            limit: 10,
            offset: 0,
            ..Default::default()
        });
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("not searchable"), "{q}: {message}");
    }
    let register = t.search("\"099/IX/KI-CONTOH-PS/2099\"");
    assert!(
        register
            .hits
            .iter()
            .any(|h| h.passage.passage.text.contains("Rp 1.250.000.000")),
        "{register:?}"
    );
}

#[test]
fn check_pii_lists_what_would_be_masked_by_file_and_line() {
    let corpus = crate::util::fixture("privacy");
    let out = risalah(&["check", "--pii", "--corpus", corpus.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for (line, kind, tail) in [
        ("risalah-identitas.txt:18:", "nik", "0042"),
        ("risalah-identitas.txt:18:", "lahir", "2070"),
        ("risalah-identitas.txt:20:", "kk", "9999"),
        ("risalah-identitas.txt:20:", "npwp", ".345"),
        ("risalah-identitas.txt:20:", "email", "alid"),
        ("risalah-identitas.txt:22:", "rekening", "50-9"),
        ("putusan-identitas.jsonl:1:", "telepon", "3344"),
    ] {
        assert!(
            stdout.lines().any(|l| l.contains(line)
                && l.contains(&format!(" {kind} •"))
                && l.ends_with(tail)),
            "{line} {kind} in\n{stdout}"
        );
    }
    assert!(!stdout.contains("3201 0101"), "{stdout}");
    assert!(
        !stdout.contains("765-4321"),
        "a public number is listed: {stdout}"
    );
}
