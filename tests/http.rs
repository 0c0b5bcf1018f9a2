//! Every route of the web app and the API through `router(..).oneshot(..)`,
//! with no socket: filters, bad parameters (400, never 500), unknown ids
//! (404), escaping of hostile query and corpus text, and security headers.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use risalah_engine::index::build::{self, BuildOptions, Silent};
use risalah_engine::search::SearchService;
use risalah_web::permalink::PublicUrl;
use risalah_web::{router, AppState};
use serde_json::Value;
use std::path::Path;
use tower::ServiceExt;

const HOSTILE: &str = "---\nid: sintetis-xss\ntype: news\ntitle: <script>alert('judul')</script>\npublisher: Warta <b>Contoh</b>\nurl: javascript:alert(1)\ndate: 2099-06-01\n---\nDokumen <img src=x onerror=alert(1)> dan \"kutipan\" <script>alert('isi')</script> disebut.\n";

struct App {
    _dir: tempfile::TempDir,
    state: AppState,
}

/// The app over the search fixtures and one hostile report.
fn app() -> App {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    let mut files: Vec<(String, String)> = std::fs::read_dir(fixtures)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.push(("xss.txt".into(), HOSTILE.into()));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    app_of(&files)
}

/// An app over a corpus of the given files (name, content).
fn app_of(files: &[(&str, &str)]) -> App {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let index = dir.path().join("index");
    build::build(
        &BuildOptions {
            corpus,
            index_dir: index.clone(),
            rebuild: false,
        },
        &Silent,
    )
    .unwrap();
    App {
        _dir: dir,
        state: AppState::new(
            SearchService::open(&index).unwrap(),
            2,
            PublicUrl::new("http://risalah.test"),
        ),
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn get(app: &App, uri: &str) -> Reply {
    request(app, Method::GET, uri).await
}

async fn request(app: &App, method: Method, uri: &str) -> Reply {
    let response = router(app.state.clone())
        .oneshot(
            Request::builder()
                .method(method)
                .uri(uri)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[tokio::test]
async fn every_route_answers() {
    let app = app();
    for uri in [
        "/",
        "/?lang=en",
        "/search?q=dokumen",
        "/search?q=dokumen&lang=en",
        "/p/sintetis-sidang-a/t2",
        "/d/sintetis-sidang-a",
        "/browse",
        "/browse?lang=en",
        "/glosarium",
        "/s/Dewi%20Lestari%20Contoh",
        "/static/app.css",
        "/static/app.js",
        "/api/search?q=dokumen",
        "/api/passages/sintetis-sidang-a/t2",
        "/api/docs/sintetis-sidang-a",
        "/api/docs",
        "/api/docs?limit=1&offset=2",
        "/api/export?q=dokumen&format=csv",
        "/api/export?q=dokumen",
        "/openapi.json",
        "/healthz",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
        assert!(!reply.body.is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn every_filter_of_the_api() {
    let app = app();
    let hits = |v: &Value| v["hits"].as_array().unwrap().clone();
    let r = get(&app, "/api/search?q=dokumen&role=termohon")
        .await
        .json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["role"] == "termohon"));
    let r = get(&app, "/api/search?q=putusan&role=majelis,pemohon")
        .await
        .json();
    assert!(hits(&r)
        .iter()
        .all(|h| h["role"] == "majelis" || h["role"] == "pemohon"));
    let r = get(&app, "/api/search?speaker=Budi%20Fiktif").await.json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["speaker"] == "Budi Fiktif"));
    let r = get(&app, "/api/search?q=dokumen&case=002/II/KI-CONTOH-PS/2099")
        .await
        .json();
    assert!(hits(&r)
        .iter()
        .all(|h| h["case"] == "002/II/KI-CONTOH-PS/2099"));
    let r = get(&app, "/api/search?q=dokumen&type=news").await.json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["doc_type"] == "news"));
    let r = get(&app, "/api/search?q=dokumen&provenance=news")
        .await
        .json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["provenance"] == "news"));
    let r = get(&app, "/api/search?q=dokumen&provenance=official")
        .await
        .json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["doc_type"] != "news"));
    let r = get(&app, "/api/search?q=dokumen&provenance=rumor").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("unknown provenance"), "{}", r.body);
    let r = get(&app, "/api/search?q=putusan&from=2099-02&to=2099-02")
        .await
        .json();
    assert!(!hits(&r).is_empty() && hits(&r).iter().all(|h| h["date"] == "2099-02-20"));
    let all = get(&app, "/api/search?q=dokumen&limit=100").await.json();
    let page = get(&app, "/api/search?q=dokumen&limit=2&offset=1")
        .await
        .json();
    assert_eq!(hits(&page).len(), 2);
    assert_eq!(hits(&page)[0]["id"], hits(&all)[1]["id"]);
    assert_eq!(page["total"], all["total"]);
}

#[tokio::test]
async fn the_api_gives_the_cli_json() {
    let app = app();
    let api = get(&app, "/api/search?q=dokumen%20anggaran&role=majelis")
        .await
        .json();
    let service = app.state.service();
    let direct = service
        .search(&risalah_engine::search::SearchRequest {
            q: "dokumen anggaran role:majelis".into(),
            ..Default::default()
        })
        .unwrap();
    let direct = risalah_web::api::SearchJson::new(
        &direct,
        app.state.public_url(),
        risalah_web::i18n::Lang::Id,
    );
    let mut direct: Value = serde_json::from_str(&serde_json::to_string(&direct).unwrap()).unwrap();
    let mut api = api;
    direct["took_ms"] = Value::Null;
    api["took_ms"] = Value::Null;
    assert_eq!(api, direct);
}

#[tokio::test]
async fn dates_far_outside_the_archive_are_answered_not_crashed() {
    // Regression (found by schemathesis): a year before 1678 overflowed
    // tantivy's nanosecond dates and answered 500.
    let app = app();
    for (uri, empty) in [
        ("/api/search?q=dokumen&to=0967", true),
        ("/api/search?q=dokumen&from=0019-11-14", false),
        ("/api/search?q=dokumen&from=9999", true),
        ("/api/search?q=dokumen&to=9999-12-31", false),
        ("/api/export?q=dokumen&from=0019-11-14", false),
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
        if uri.starts_with("/api/search") {
            assert_eq!(reply.json()["total"] == 0, empty, "{uri}");
        }
    }
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_json_error() {
    let app = app();
    for uri in [
        "/api/search?q=%22open",
        "/api/search?limit=abc",
        "/api/search?limit=0",
        "/api/search?limit=101",
        "/api/search?offset=-1",
        "/api/search?offset=99999999999999999999999",
        "/api/search?role=hakim",
        "/api/search?type=memo",
        "/api/search?from=2024-13",
        "/api/search?to=yesterday",
        "/api/search?colour=red",
        "/api/search?q=dokumen&group=speaker",
        "/api/search?q=x&format=csv",
        "/api/search?q=role:",
        "/api/passages/sintetis-sidang-a/t2?around=99",
        "/api/passages/sintetis-sidang-a/t2?around=-1",
        "/api/export?format=xml",
        "/api/export?limit=10001",
        "/api/export?offset=5",
        "/api/search?lang=fr",
        "/api/export?q=%22x",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {}",
            reply.body
        );
        let json = reply.json();
        assert_eq!(json["error"]["code"], "bad_request", "{uri}");
        assert!(!json["error"]["message"].as_str().unwrap().is_empty());
    }
    // The pages say it in their own language; the API in English.
    let page = get(&app, "/search?q=%22open").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body.contains("tanda kutip belum ditutup"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("quotation mark is not closed"));
    let page = get(&app, "/search?q=%22open&lang=en").await;
    assert!(page.body.contains("quotation mark is not closed"));
    let page = get(&app, "/search?q=role:hakim").await;
    assert!(
        page.body.contains("peran `hakim` tidak dikenal"),
        "{}",
        page.body
    );
    let page = get(&app, "/search?q=kontrak&from=2024-13").await;
    assert!(page.body.contains("bukan tanggal"), "{}", page.body);
    let api = get(&app, "/api/search?q=%22open").await.json();
    assert!(api["error"]["message"]
        .as_str()
        .unwrap()
        .contains("quotation mark is not closed"));
    assert!(
        page.body.contains("<form"),
        "the error page keeps the search form"
    );
}

#[tokio::test]
async fn unknown_ids_are_404() {
    let app = app();
    for uri in [
        "/api/passages/none/t1",
        "/api/docs/none",
        "/p/none/t1",
        "/d/none",
        "/nowhere",
        "/static/nothing.js",
    ] {
        assert_eq!(get(&app, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    assert_eq!(
        get(&app, "/api/docs/none").await.json()["error"]["code"],
        "not_found"
    );
}

#[tokio::test]
async fn no_path_outside_the_embedded_assets_is_served() {
    let app = app();
    for uri in [
        "/static/../Cargo.toml",
        "/static/%2e%2e%2fCargo.toml",
        "/static/..%2f..%2fetc%2fpasswd",
        "/Cargo.toml",
        "/index/meta.json",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            !reply.body.contains("[package]") && !reply.body.contains("root:"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_server_is_read_only() {
    let app = app();
    for method in [Method::POST, Method::PUT, Method::DELETE] {
        let reply = request(&app, method.clone(), "/api/search?q=x").await;
        assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }
}

#[tokio::test]
async fn an_xss_attempt_in_the_query_is_escaped() {
    let app = app();
    let reply = get(
        &app,
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%3E",
    )
    .await;
    assert!(reply.status.is_success() || reply.status == StatusCode::BAD_REQUEST);
    assert!(!reply.body.contains("<script>alert(1)"), "{}", reply.body);
    assert!(!reply.body.contains("<img src=x>"));
    assert!(reply.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn hostile_corpus_text_is_escaped_on_every_page() {
    let app = app();
    for uri in ["/search?q=kutipan", "/p/sintetis-xss/p1", "/d/sintetis-xss"] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert!(!reply.body.contains("<script>alert("), "{uri}");
        assert!(!reply.body.contains("<img src=x"), "{uri}");
        assert!(!reply.body.contains("<b>Contoh</b>"), "{uri}");
        assert!(reply.body.contains("&lt;script&gt;"), "{uri}");
    }
    let doc = get(&app, "/d/sintetis-xss").await;
    assert!(
        !doc.body.contains("href=\"javascript:"),
        "a javascript: source URL must not become a link"
    );
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = app();
    for uri in ["/", "/api/search?q=x", "/nowhere", "/static/app.js"] {
        let reply = get(&app, uri).await;
        let csp = reply
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("object-src 'none'"),
            "{uri}"
        );
        assert_eq!(
            reply.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
            "nosniff",
            "{uri}"
        );
    }
}

#[tokio::test]
async fn pages_show_results_with_roles_snippets_context_and_citations() {
    let app = app();
    let page = get(&app, "/search?q=kecualikan&role=termohon").await.body;
    assert!(page.contains("class=\"badge role-termohon\""));
    assert!(page.contains("<mark>kecualikan</mark>"));
    assert!(page.contains("Agus Rekaan"));
    assert!(page.contains("href=\"/p/sintetis-sidang-a/t2\""));
    assert!(
        page.contains("http://risalah.test/p/sintetis-sidang-a/t2"),
        "citations carry the public URL"
    );
    assert!(page.contains("class=\"context\""));
    let empty = get(&app, "/search?q=zzzyyyxxx").await.body;
    assert!(empty.contains("Tidak ada bagian yang cocok"));
    let english = get(&app, "/search?q=zzzyyyxxx&lang=en").await.body;
    assert!(english.contains("No passage matches") && english.contains("lang=\"en\""));
    let passage = get(&app, "/p/sintetis-sidang-a/t3").await.body;
    for part in [
        "@misc{sintetis_sidang_a_t3",
        "TY  - HEAR",
        "date-parts",
        "aria-current=\"true\"",
    ] {
        assert!(passage.contains(part), "{part}");
    }
    assert_eq!(
        passage.matches("<article class=\"passage").count(),
        5,
        "two before, the passage, two after"
    );
    let doc = get(&app, "/d/sintetis-sidang-a").await.body;
    assert!(
        doc.contains("id=\"t4\"")
            && doc.contains("Dewi Lestari Contoh")
            && doc.contains("001/I/KI-CONTOH-PS/2099")
    );
}

#[tokio::test]
async fn export_streams_every_hit() {
    let app = app();
    let total = get(&app, "/api/search?q=dokumen").await.json()["total"]
        .as_u64()
        .unwrap();
    let jsonl = get(&app, "/api/export?q=dokumen").await;
    assert_eq!(
        jsonl.headers.get("x-total-count").unwrap(),
        total.to_string().as_str()
    );
    assert_eq!(jsonl.body.lines().count() as u64, total);
    for line in jsonl.body.lines() {
        let row: Value = serde_json::from_str(line).unwrap();
        assert!(row["id"].is_string() && row["text"].is_string());
    }
    let csv = get(&app, "/api/export?q=dokumen&format=csv&limit=2").await;
    assert_eq!(csv.headers.get("x-export-truncated").unwrap(), "true");
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().next(), Some("id"));
    assert_eq!(reader.records().count(), 2);
}

#[tokio::test]
async fn exports_carry_who_is_quoted_and_how() {
    let app = app();
    let jsonl = get(&app, "/api/export?q=dikecualikan&mode=quote&role=majelis").await;
    assert_eq!(jsonl.status, StatusCode::OK, "{}", jsonl.body);
    let rows: Vec<Value> = jsonl
        .body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    for row in &rows {
        let attributions = row["attributions"]
            .as_array()
            .expect("a list of attributions");
        assert!(
            attributions.iter().any(|a| a["mode"] == "quote"
                && a["role"] == "majelis"
                && a["speaker"].is_string()),
            "{row}"
        );
    }
    let csv = get(
        &app,
        "/api/export?q=dikecualikan&mode=quote&role=majelis&format=csv",
    )
    .await;
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "attributions")
        .expect("an attributions column");
    let cells: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    assert_eq!(cells.len(), rows.len());
    assert!(
        cells.iter().all(|c| c.contains("(majelis, quote)")),
        "{cells:?}"
    );
    for row in &rows {
        assert!(
            row["modes"]
                .as_str()
                .is_some_and(|m| m.split(',').any(|x| x == "quote")),
            "a modes column: {row}"
        );
        assert!(
            row["permalink"]
                .as_str()
                .is_some_and(|p| p.starts_with("http://risalah.test/p/")),
            "an absolute permalink: {row}"
        );
    }
    assert_eq!(
        csv.headers.get(header::CONTENT_DISPOSITION).unwrap(),
        "attachment; filename=\"risalah-dikecualikan-majelis-quote.csv\"",
        "the file is named after the search"
    );
    let plain = get(&app, "/api/export?format=csv").await;
    assert_eq!(
        plain.headers.get(header::CONTENT_DISPOSITION).unwrap(),
        "attachment; filename=\"risalah-export.csv\""
    );
    let bad = get(&app, "/api/search?q=dokumen&mode=kutipan").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
}

#[tokio::test]
async fn the_openapi_document_lists_every_api_route() {
    let app = app();
    let doc = get(&app, "/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/search",
        "/api/passages/{id}",
        "/api/docs",
        "/api/docs/{id}",
        "/api/export",
        "/healthz",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
}

#[tokio::test]
async fn the_document_list_pages_through_every_document_with_the_summary() {
    let app = app();
    let first = get(&app, "/api/docs?limit=2").await.json();
    assert_eq!(first["total"], 4, "three fixtures and the hostile report");
    assert_eq!(first["documents"].as_array().unwrap().len(), 2);
    assert_eq!(first["next_offset"], 2);
    let rest = get(&app, "/api/docs?limit=2&offset=2").await.json();
    assert_eq!(rest["documents"].as_array().unwrap().len(), 2);
    assert!(rest["next_offset"].is_null());
    let ids: Vec<String> = [&first, &rest]
        .iter()
        .flat_map(|page| page["documents"].as_array().unwrap().iter())
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "id order, no document twice");
    let sidang = rest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .chain(first["documents"].as_array().unwrap())
        .find(|d| d["id"] == "sintetis-sidang-a")
        .unwrap();
    assert_eq!(sidang["url"], "/d/sintetis-sidang-a");
    assert_eq!(sidang["case"], "001/I/KI-CONTOH-PS/2099");
    assert_eq!(sidang["provenance"], "official");
    let passages = get(&app, "/api/docs/sintetis-sidang-a").await.json()["passages"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(sidang["passages"], passages);

    let summary = &first["summary"];
    assert_eq!(summary["documents"], 4);
    assert_eq!(summary["cases"], 2, "two register numbers, one shared");
    assert_eq!(summary["first_date"], "2099-01-15");
    let by_type: Vec<&str> = summary["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(by_type, vec!["transcript", "news"]);

    let past = get(&app, "/api/docs?offset=99").await.json();
    assert_eq!(past["documents"].as_array().unwrap().len(), 0);
    for bad in [
        "/api/docs?limit=0",
        "/api/docs?limit=1001",
        "/api/docs?offset=-1",
        "/api/docs?sort=x",
    ] {
        let reply = get(&app, bad).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{bad}: {}",
            reply.body
        );
    }
}

#[tokio::test]
async fn the_home_page_says_what_the_index_holds_and_how_to_add_to_it() {
    let app = app();
    let home = get(&app, "/").await.body;
    assert!(home.contains("Isi indeks ini"), "{home}");
    assert!(home.contains("4 dokumen"), "{home}");
    assert!(home.contains("2 perkara"), "{home}");
    assert!(
        home.contains("<time>2099-01-15</time> – <time>2099-06-01</time>"),
        "{home}"
    );
    assert!(
        home.contains("<a class=\"lang\" href=\"/?lang=en\""),
        "the language switch stays home: {home}"
    );
    assert!(
        home.contains("href=\"/search?provenance=official\""),
        "{home}"
    );
    assert!(home.contains("risalah index --corpus DIR"), "{home}");
    let english = get(&app, "/?lang=en").await.body;
    assert!(english.contains("What this index holds"), "{english}");
    assert!(english.contains("Adding your own documents"), "{english}");
    assert!(
        english.contains("href=\"/search?provenance=official&amp;lang=en\""),
        "links keep the language: {english}"
    );
}

#[tokio::test]
async fn documents_are_browsed_by_commission_year_and_month_and_filtered_by_commission() {
    let app = app();
    let browse = get(&app, "/browse").await.body;
    assert!(browse.contains("<h1>Jelajahi</h1>"), "{browse}");
    assert!(
        browse.contains("Komisi Informasi Provinsi Contoh"),
        "{browse}"
    );
    assert!(
        browse.contains("href=\"/search?commission=contoh&amp;from=2099-01&amp;to=2099-01\""),
        "a month links to its documents: {browse}"
    );
    assert!(
        browse.contains("Tanpa komisi"),
        "the hostile report names none: {browse}"
    );
    let english = get(&app, "/browse?lang=en").await.body;
    assert!(
        english.contains("<h1>Browse</h1>") && english.contains("No commission"),
        "{english}"
    );
    assert!(
        english.contains("(1 document)"),
        "singular in English: {english}"
    );
    let shelf = get(&app, "/search?commission=contoh").await.body;
    assert!(
        shelf.contains("article class=\"hit\""),
        "a commission alone is a search: {shelf}"
    );
    assert!(
        shelf.contains("name=\"commission\" type=\"text\" placeholder=\"jabar\" value=\"contoh\""),
        "the form keeps it: {shelf}"
    );
    let past = get(&app, "/search?q=dokumen&offset=100").await.body;
    assert!(past.contains("melewati hasil terakhir"), "{past}");
    assert!(
        !past.contains("rel=\"prev\""),
        "no way to another empty page: {past}"
    );

    let by_param = get(&app, "/api/search?q=dokumen&commission=KI%20Contoh")
        .await
        .json();
    let by_query = get(
        &app,
        "/api/search?q=dokumen%20commission:%22Komisi%20Informasi%20Provinsi%20Contoh%22",
    )
    .await
    .json();
    let all = get(&app, "/api/search?q=dokumen").await.json();
    assert!(by_param["total"].as_u64().unwrap() > 0);
    assert_eq!(
        by_param["total"], by_query["total"],
        "one commission however written"
    );
    assert!(
        by_param["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["commission"] == "Komisi Informasi Provinsi Contoh"),
        "{}",
        by_param
    );
    assert!(all["total"].as_u64() >= by_param["total"].as_u64());
    let none = get(&app, "/api/search?q=dokumen&commission=jabar")
        .await
        .json();
    assert_eq!(none["total"], 0);
    let bad = get(&app, "/api/search?q=dokumen&commission=Komisi%20Informasi").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    let bad = get(&app, "/api/search?q=commission:%22KI%22").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
}

#[tokio::test]
async fn who_says_it_most_ranks_speakers_and_links_to_them() {
    let app = app();
    let r = get(&app, "/api/speakers?q=dokumen%20anggaran").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    let speakers = v["speakers"].as_array().unwrap();
    assert!(!speakers.is_empty(), "{v}");
    let counts: Vec<u64> = speakers
        .iter()
        .map(|s| s["passages"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(v["counted"].as_u64().unwrap() <= v["total"].as_u64().unwrap());
    let dewi = speakers
        .iter()
        .find(|s| s["speaker"] == "Dewi Lestari Contoh")
        .unwrap_or_else(|| panic!("the majelis is among the speakers: {v}"));
    assert_eq!(dewi["role"], "majelis");
    assert_eq!(dewi["url"], "/s/Dewi%20Lestari%20Contoh");
    // The narrowed search finds only what she said.
    let search = dewi["search_url"]
        .as_str()
        .unwrap()
        .replacen("/search", "/api/search", 1);
    let hits = get(&app, &search).await.json();
    let hits = hits["hits"].as_array().unwrap();
    let passages: u64 = hits
        .iter()
        .map(|h| 1 + h["more_in_document"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(
        passages,
        dewi["passages"].as_u64().unwrap(),
        "by document, with the rest of each"
    );
    assert!(hits.iter().all(|h| h["role"] == "majelis"));
    assert!(hits
        .iter()
        .flat_map(|h| h["also"].as_array().into_iter().flatten())
        .all(|a| a["role"] == "majelis"));
    // Her page names her roles and lists what she said.
    let page = get(&app, "/s/Dewi%20Lestari%20Contoh?lang=en").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<h1>Dewi Lestari Contoh</h1>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("role-majelis"));
    assert!(page.body.contains("What they said, newest first"));
    // The results page shows the tally.
    let results = get(&app, "/search?q=dokumen%20anggaran").await;
    assert!(results.body.contains("Siapa paling sering mengatakannya"));
    assert!(results.body.contains("href=\"/s/Dewi%20Lestari%20Contoh\""));
    // Unknown speakers and bad parameters are told apart.
    assert_eq!(
        get(&app, "/s/Tidak%20Ada%20Orangnya").await.status,
        StatusCode::NOT_FOUND
    );
    for bad in [
        "/api/speakers?offset=10",
        "/api/speakers?limit=101",
        "/api/speakers?q=%22open",
    ] {
        assert_eq!(
            get(&app, bad).await.status,
            StatusCode::BAD_REQUEST,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_party_described_in_many_ways_is_counted_once() {
    let app = app_of(&[(
        "berita.txt",
        "---\nid: sintetis-berita-pihak\ntype: news\ntitle: Sidang Dinas Rekaan (sintetis)\npublisher: Warta Contoh\ndate: 2099-02-01\nparties: Lembaga Fiktif (LF) v. Dinas Rekaan Kota Contoh (DRKC)\n---\nKomisi Informasi Provinsi Contoh menyidangkan sengketa informasi antara LF dan Dinas Rekaan Kota Contoh.\nKuasa termohon menjelaskan bahwa dokumen anggaran masih diaudit.\n\"Dokumen anggaran belum final,\" kata pihak DRKC dalam sidang.\n",
    )]);
    let v = get(&app, "/api/speakers?q=dokumen%20anggaran").await.json();
    let termohon: Vec<&Value> = v["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["role"] == "termohon")
        .collect();
    assert_eq!(termohon.len(), 1, "{v}");
    assert_eq!(termohon[0]["speaker"], "Dinas Rekaan Kota Contoh");
    assert_eq!(termohon[0]["passages"], 2);
    // The party's name finds its passages.
    let hits = get(
        &app,
        &termohon[0]["search_url"]
            .as_str()
            .unwrap()
            .replacen("/search", "/api/search", 1),
    )
    .await
    .json();
    assert_eq!(hits["total"], 2, "{hits}");
}

#[tokio::test]
async fn similar_passages_come_from_other_documents_most_alike_first() {
    let app = app();
    let r = get(&app, "/api/passages/sintetis-sidang-a/t2/similar?limit=3").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["id"], "sintetis-sidang-a/t2");
    let similar = v["similar"].as_array().unwrap();
    assert!(!similar.is_empty() && similar.len() <= 3, "{v}");
    assert!(similar
        .iter()
        .all(|s| s["passage"]["doc_id"] != "sintetis-sidang-a"));
    let scores: Vec<f64> = similar
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The best is about the same thing: the document kept closed.
    let best = similar[0]["passage"]["text"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(
        best.contains("dokumen") && best.contains("kecuali"),
        "{best}"
    );
    assert!(similar[0]["permalink"]
        .as_str()
        .unwrap()
        .starts_with("http://risalah.test/p/"));
    // The passage page lists them.
    let page = get(&app, "/p/sintetis-sidang-a/t2?lang=en").await;
    assert!(page.body.contains("Similar passages in other documents"));
    // Unknown passages and bad limits are told apart.
    assert_eq!(
        get(&app, "/api/passages/sintetis-tidak-ada/t1/similar")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    for bad in ["limit=0", "limit=21", "limit=x", "around=2"] {
        let uri = format!("/api/passages/sintetis-sidang-a/t2/similar?{bad}");
        assert_eq!(
            get(&app, &uri).await.status,
            StatusCode::BAD_REQUEST,
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_glossary_defines_each_term_and_links_to_its_search() {
    let app = app();
    let page = get(&app, "/glosarium").await;
    assert_eq!(page.status, StatusCode::OK);
    for term in [
        "PPID",
        "Uji konsekuensi",
        "Ajudikasi non-litigasi",
        "Putusan sela",
        "Atasan PPID",
        "Keberatan",
    ] {
        assert!(page.body.contains(term), "{term}");
    }
    assert!(page.body.contains("id=\"uji-konsekuensi\""));
    assert!(page
        .body
        .contains("href=\"/search?q=%22uji+konsekuensi%22\""));
    assert!(
        page.body.contains("Pasal 19 UU 14/2008"),
        "the legal basis is named"
    );
    // No passage of this corpus cites Pasal 19: its page would be empty, so
    // it is named without a link.
    assert!(!page.body.contains("href=\"/law/uu-14-2008/19\""));
    let en = get(&app, "/glosarium?lang=en").await;
    assert!(en.body.contains("The test a PPID must carry out"));
    assert!(en.body.contains("<dt id=\"ppid\" lang=\"id\">"));
    assert!(get(&app, "/").await.body.contains("href=\"/glosarium\""));
}

#[tokio::test]
async fn procedure_is_marked_findable_and_excludable() {
    let app = app_of(&[(
        "sidang.txt",
        "---\nid: sintetis-sidang-prosedur\ntype: transcript\ntitle: Sidang sintetis prosedur\ncommission: Komisi Informasi Provinsi Contoh\ndate: 2099-02-01\nroster:\n- Dewi Lestari Contoh | majelis | Ketua Majelis\n- Budi Fiktif | pemohon | Pemohon\n---\nKETUA MAJELIS: Sidang sengketa informasi nomor 099/II/KI-CONTOH-PS/2099 kami nyatakan dibuka dan terbuka untuk umum.\nKETUK PALU 3X\nKETUA MAJELIS: Pemohon hadir?\nBudi Fiktif: Hadir, Majelis.\nKETUA MAJELIS: Apa alasan pemohon meminta dokumen kontrak sengketa ini?\nBudi Fiktif: Kontrak itu dibiayai anggaran publik, jadi sengketa ini soal hak warga.\nKETUA MAJELIS (Dewi Lestari Contoh): Sidang sengketa ini kami skors.\n",
    )]);
    let ids = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    let procedure = get(&app, "/api/search?q=kind:procedural&limit=20")
        .await
        .json();
    let mut found = ids(&procedure);
    found.sort();
    // The opening, the bare stage direction (a note of its own, not part of
    // the opening turn), the roll call question and answer, the adjournment.
    let want: Vec<String> = ["t1", "t2", "t3", "t4", "t7"]
        .iter()
        .map(|t| format!("sintetis-sidang-prosedur/{t}"))
        .collect();
    assert_eq!(found, want, "{procedure}");
    assert!(procedure["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["procedural"] == true));
    let opening = get(&app, "/api/passages/sintetis-sidang-prosedur/t1")
        .await
        .json();
    assert!(!opening["passage"]["text"]
        .as_str()
        .unwrap()
        .contains("KETUK"));
    // Speech alone, by the query or the parameter.
    for uri in [
        "/api/search?q=sengketa%20-kind:procedural",
        "/api/search?q=sengketa&kind=speech",
    ] {
        let v = get(&app, uri).await.json();
        let hits = ids(&v);
        assert!(
            !hits.is_empty()
                && hits
                    .iter()
                    .all(|h| h.ends_with("/t5") || h.ends_with("/t6")),
            "{uri}: {v}"
        );
    }
    // Who says it most counts speech only (the bare `KETUA MAJELIS:` label
    // is the roster's one Ketua Majelis).
    let tally = get(&app, "/api/speakers?q=sengketa").await.json();
    let dewi = tally["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["speaker"] == "Dewi Lestari Contoh")
        .cloned()
        .unwrap_or_default();
    assert_eq!(dewi["passages"], 1, "{tally}");
    // Shown muted; a bad kind is a 400.
    let page = get(&app, "/search?q=sidang").await;
    assert!(page.body.contains("class=\"hit procedural\""));
    assert!(page.body.contains("procedural-badge"));
    assert_eq!(
        get(&app, "/api/search?q=kind:lain").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/search?kind=lain").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/search?q=-role:majelis").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn role_chips_follow_the_roles_in_force_wherever_they_are_typed() {
    let app = app();
    let chip = |body: &str, class: &str| -> String {
        let at = body
            .find(&format!("class=\"chip {class}\""))
            .or_else(|| {
                (class.is_empty())
                    .then(|| body.find("class=\"chip\""))
                    .flatten()
            })
            .unwrap_or_else(|| panic!("no chip {class:?}"));
        body[at..at + body[at..].find('>').unwrap()].to_string()
    };
    for uri in [
        "/search?q=role:majelis%20dokumen",
        "/search?q=dokumen&role=majelis",
    ] {
        let body = get(&app, uri).await.body;
        assert!(
            chip(&body, "role-majelis").contains("aria-current=\"true\""),
            "{uri}"
        );
        let all = chip(&body, "");
        assert!(!all.contains("aria-current"), "{uri}: {all}");
        // "All roles" takes the typed filter away too.
        assert!(all.contains("href=\"/search?q=dokumen\""), "{uri}: {all}");
        // The other roles stay in view, to move between them.
        let pemohon = chip(&body, "role-pemohon");
        assert!(
            pemohon.contains("role=pemohon") && !pemohon.contains("role%3Amajelis"),
            "{uri}: {pemohon}"
        );
    }
}

#[tokio::test]
async fn narration_has_its_chip_and_its_filter() {
    let app = app();
    // The news reports' own sentences are counted under "Narasi".
    let body = get(&app, "/search?q=dokumen").await.body;
    let at = body
        .find("class=\"chip role-narasi\"")
        .expect("a Narasi chip");
    let chip = &body[at..at + body[at..].find("</a>").unwrap()];
    assert!(
        chip.contains("role=narasi") && chip.contains("Narasi"),
        "{chip}"
    );
    // Filtered, typed or as a parameter, every hit is narration: no speaker.
    for uri in [
        "/api/search?q=dokumen&role=narasi&limit=50",
        "/api/search?q=dokumen%20role:narasi&limit=50",
        "/api/search?q=dokumen%20role:narration&limit=50",
    ] {
        let json = get(&app, uri).await.json();
        let hits = json["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{uri}");
        for hit in hits {
            let p = &hit["passage"];
            assert!(p["speaker"].is_null(), "{uri}: {p}");
            assert!(
                p["attributions"].as_array().is_none_or(|a| a.is_empty()),
                "{uri}: {p}"
            );
            assert_ne!(p["doc_type"], "putusan", "{uri}");
        }
    }
    // With a role: either.
    let both = get(&app, "/api/search?q=dokumen&role=narasi,majelis&limit=1")
        .await
        .json();
    let narration = get(&app, "/api/search?q=dokumen&role=narasi&limit=1")
        .await
        .json();
    let panel = get(&app, "/api/search?q=dokumen&role=majelis&limit=1")
        .await
        .json();
    assert_eq!(
        both["total"].as_u64().unwrap(),
        narration["total"].as_u64().unwrap() + panel["total"].as_u64().unwrap()
    );
    // The typed filter marks its chip.
    let body = get(&app, "/search?q=dokumen%20role:narasi").await.body;
    let at = body.find("class=\"chip role-narasi\"").unwrap();
    let chip = &body[at..at + body[at..].find('>').unwrap()];
    assert!(chip.contains("aria-current=\"true\""), "{chip}");
}

#[tokio::test]
async fn english_pages_mark_the_corpus_words_as_indonesian() {
    let app = app();
    let english = get(&app, "/search?q=dokumen&lang=en").await.body;
    assert!(
        english.contains("<p class=\"snippet\" lang=\"id\">"),
        "{english}"
    );
    let passage = get(&app, "/p/sintetis-berita-c/p1?lang=en").await.body;
    assert!(passage.contains("class=\"text\" lang=\"id\""), "{passage}");
    // The Indonesian pages are Indonesian throughout: no attribute needed.
    let indonesian = get(&app, "/search?q=dokumen").await.body;
    assert!(indonesian.contains("<p class=\"snippet\">"));
    assert!(!indonesian.contains("snippet\" lang="));
}

#[tokio::test]
async fn a_search_lists_documents_with_more_from_each_and_passages_on_request() {
    let app = app();
    let grouped = get(&app, "/api/search?q=dokumen&limit=100").await.json();
    let flat = get(&app, "/api/search?q=dokumen&limit=100&group=passage")
        .await
        .json();
    assert_eq!(grouped["total"], flat["total"], "passages counted alike");
    assert!(flat.get("documents").is_none(), "{flat}");
    for name in ["doc", "document"] {
        let named = get(
            &app,
            &format!("/api/search?q=dokumen&limit=100&group={name}"),
        )
        .await
        .json();
        assert_eq!(named["documents"], grouped["documents"], "group={name}");
    }
    let hits = grouped["hits"].as_array().unwrap();
    assert_eq!(grouped["documents"].as_u64(), Some(hits.len() as u64));
    let mut docs: Vec<&str> = hits.iter().map(|h| h["doc_id"].as_str().unwrap()).collect();
    let listed = docs.len();
    docs.sort_unstable();
    docs.dedup();
    assert_eq!(docs.len(), listed, "each document once");
    let with_more = hits
        .iter()
        .find(|h| h["more_in_document"].as_u64().unwrap_or(0) > 0)
        .expect("a document with several matching passages");
    let also = with_more["also"].as_array().unwrap();
    assert!(!also.is_empty());
    for a in also {
        let url = a["url"].as_str().unwrap();
        assert!(url.starts_with(&format!("/p/{}/", with_more["doc_id"].as_str().unwrap())));
        assert!(a["snippet_html"].as_str().unwrap().contains("<mark>"));
    }

    let page = get(&app, "/search?q=dokumen").await.body;
    assert!(page.contains("class=\"also\""), "the page offers the rest");
    assert!(page.contains("lagi dari dokumen ini"));
    assert!(
        page.contains(&format!("{listed} dokumen")),
        "both counts shown"
    );
    assert!(page.contains("href=\"/search?q=dokumen&amp;group=passage\""));
    let every = get(&app, "/search?q=dokumen&group=passage").await.body;
    assert!(!every.contains("class=\"also\""));
    let english = get(&app, "/search?q=dokumen&lang=en").await.body;
    assert!(english.contains("more from this document"));

    let close = get(&app, "/api/search?q=%22anggaran%20dokumen%22")
        .await
        .json();
    assert_eq!(close["total"], 0);
    assert!(!close["nearby"].as_array().unwrap().is_empty(), "{close}");
    let page = get(&app, "/search?q=%22anggaran%20dokumen%22").await.body;
    assert!(page.contains("Tidak ada bagian yang cocok") && page.contains("Hampir cocok"));
    assert!(page.contains("class=\"nearby\""));
}

#[tokio::test]
async fn explain_takes_each_score_apart_by_the_parts_of_the_query() {
    let app = app();
    let plain = get(&app, "/api/search?q=dokumen%20anggaran%20kecualikan")
        .await
        .json();
    assert!(plain["hits"][0].get("explanation").is_none());
    let explained = get(
        &app,
        "/api/search?q=dokumen%20anggaran%20kecualikan&explain=true",
    )
    .await
    .json();
    let hits = explained["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        let e = &hit["explanation"];
        let parts = e["matched"].as_array().unwrap();
        let sum: f64 = parts.iter().map(|p| p["score"].as_f64().unwrap()).sum();
        let score = hit["score"].as_f64().unwrap();
        assert!(
            (sum - score).abs() < 0.01 * score.max(1.0),
            "{sum} vs {score}: {e}"
        );
        let named = |w: &str| {
            parts
                .iter()
                .any(|p| p["part"].as_str().unwrap().contains(w))
        };
        let text = hit["text"].as_str().unwrap().to_lowercase();
        assert_eq!(
            named("word, tier + BM25: dokumen"),
            text.contains("dokumen"),
            "{e}"
        );
        let scores: Vec<f64> = parts.iter().map(|p| p["score"].as_f64().unwrap()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "largest first: {e}"
        );
    }
    assert_eq!(
        get(&app, "/api/search?q=dokumen&explain=perhaps")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}
