//! End to end in a real browser: headless Chromium, driven through
//! chromedriver, against a server on 127.0.0.1 over the bundled corpus and
//! the fictional decisions fixture. Search, filter by role, open a
//! permalink, read a citation; follow a decision's cited law to its page
//! and its register numbers to the case pages.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Where they are missing the
//! test says that it was skipped and why, on standard error past the test
//! harness's capture; with `RISALAH_REQUIRE_BROWSER=1`
//! (set by `.ci/run`) a missing browser is a failure.

use fantoccini::{ClientBuilder, Locator};
use risalah_engine::index::build::{self, BuildOptions, Silent};
use risalah_engine::search::SearchService;
use risalah_web::permalink::PublicUrl;
use risalah_web::{router, AppState};
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const REQUIRE: &str = "RISALAH_REQUIRE_BROWSER";
const WAIT: Duration = Duration::from_secs(15);

fn installed(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.is_file())
}

/// Kills chromedriver when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The text of the first element matching `css`.
async fn text_of(client: &fantoccini::Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Waits (at most [`WAIT`]) until an element matching `css` is on the page.
async fn wait_for(client: &fantoccini::Client, css: &str) {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}` on the page: {e}"));
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_filter_permalink_and_citation_in_headless_chromium() {
    let chromium = installed(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    let chromedriver = installed(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let why = "headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
        if std::env::var(REQUIRE).is_ok_and(|v| v == "1") {
            panic!("{REQUIRE}=1 but {why}");
        }
        // Written to the process's standard error, past the test harness's
        // capture, so that a skip is seen in every `cargo test` run.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the browser end-to-end test: {why}. Set {REQUIRE}=1 to make this a failure. ***\n"
        );
        return;
    };

    // The server: the bundled corpus and the decisions fixture, indexed
    // into a temporary directory.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for from in [root.join("corpus"), root.join("tests/fixtures/decisions")] {
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
                std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    build::build(
        &BuildOptions {
            corpus,
            index_dir: dir.path().join("index"),
            rebuild: false,
        },
        &Silent,
    )
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let service = SearchService::open(&dir.path().join("index")).unwrap();
    let state = AppState::new(service, 2, PublicUrl::new(&base));
    let server = tokio::spawn(async move {
        axum::serve(listener, router(state)).await.unwrap();
    });

    // The browser.
    let port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1200,900",
                     format!("--user-data-dir={}", dir.path().join("chrome").display())]
        }),
    );
    let mut client = None;
    for _ in 0..50 {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => {
                client = Some(c);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
    let client = client.expect("chromedriver answers within 10 s");

    // Search: typing shows results without submitting (the script), and the
    // form still submits (the page alone).
    client.goto(&format!("{base}/")).await.unwrap();
    let input = client.find(Locator::Css("#q")).await.unwrap();
    input.send_keys("Alibaba").await.unwrap();
    wait_for(&client, "article.hit").await;
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("q=Alibaba"),
        "the address follows the query"
    );
    // The typed search already shows hits: mark this page, so that the wait
    // is for the submitted one (else the chip below is found on the page
    // being left, and its click fails).
    client
        .execute("window.risalahLeaving = true;", vec![])
        .await
        .unwrap();
    client
        .find(Locator::Css("form.search button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let left = client
            .execute("return window.risalahLeaving === undefined;", vec![])
            .await
            .is_ok_and(|v| v.as_bool() == Some(true));
        if left {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the submitted search never loaded"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for(&client, "article.hit").await;

    // Filter by role with the chip.
    let chip = client
        .find(Locator::Css("nav.chips a.role-majelis"))
        .await
        .unwrap();
    chip.click().await.unwrap();
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(
            "nav.chips a.role-majelis[aria-current=\"true\"]",
        ))
        .await
        .unwrap();
    assert!(client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("role=majelis"));
    // Every hit shows the panel among its speakers (a report's paragraph may
    // quote or paraphrase more than one side).
    let hits = client.find_all(Locator::Css("article.hit")).await.unwrap();
    assert!(!hits.is_empty());
    for hit in &hits {
        let mut roles = Vec::new();
        for badge in hit
            .find_all(Locator::Css(":scope > header .badge"))
            .await
            .unwrap()
        {
            roles.push(badge.text().await.unwrap().to_lowercase());
        }
        assert!(roles.iter().any(|r| r == "majelis"), "{roles:?}");
    }
    let text = text_of(&client, "#results").await;
    assert!(
        text.contains("Benar KPU memiliki kerja sama dengan Alibaba?"),
        "{text}"
    );

    // Open the permalink of the commissioner's question and read its citation.
    let hits = client.find_all(Locator::Css("article.hit")).await.unwrap();
    let mut opened = false;
    for hit in hits {
        if hit
            .text()
            .await
            .unwrap()
            .contains("Benar KPU memiliki kerja sama")
        {
            hit.find(Locator::Css("a.permalink"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            opened = true;
            break;
        }
    }
    assert!(opened);
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#cite-plain"))
        .await
        .unwrap();
    let url = client.current_url().await.unwrap();
    assert_eq!(url.path(), "/p/kip-2024-yakin-kpu-sidang-2024-03-13/t1");
    let citation = text_of(&client, "#cite-plain").await;
    assert!(
        citation.starts_with("Komisi Informasi Pusat. (2024-03-13)"),
        "a hearing is filed under its commission: {citation}"
    );
    assert!(
        citation.contains("Penutur: Arya Sandhiyudha (majelis)"),
        "{citation}"
    );
    assert!(
        citation.contains(&format!("{base}/p/kip-2024-yakin-kpu-sidang-2024-03-13/t1")),
        "{citation}"
    );
    let current = client
        .find(Locator::Css("article.passage.current"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(current.contains("Benar KPU memiliki kerja sama dengan Alibaba?"));
    let answer = client
        .find_all(Locator::Css("article.passage"))
        .await
        .unwrap();
    assert!(
        answer[1].text().await.unwrap().contains("Iya"),
        "the answer follows the question"
    );

    // Copy each citation format: the buttons the script shows copy exactly
    // the block's text, and each format reads as its format. (The clipboard
    // is stubbed to record what is written to it.)
    client
        .execute(
            "window.__copied = []; Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: function (t) { window.__copied.push(t); return Promise.resolve(); }}});",
            vec![],
        )
        .await
        .unwrap();
    let formats = ["cite-plain", "cite-bibtex", "cite-ris", "cite-csl"];
    for (n, id) in formats.iter().enumerate() {
        let button = client
            .find(Locator::Css(&format!("button[data-copy=\"{id}\"]")))
            .await
            .unwrap();
        assert!(
            button.is_displayed().await.unwrap(),
            "{id}: shown by the script"
        );
        button.click().await.unwrap();
        let deadline = std::time::Instant::now() + WAIT;
        while button.text().await.unwrap() != "Tersalin" {
            assert!(std::time::Instant::now() < deadline, "{id}: no Tersalin");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let copied = client
            .execute("return window.__copied;", vec![])
            .await
            .unwrap();
        let copied = copied.as_array().unwrap();
        assert_eq!(copied.len(), n + 1, "{id}");
        let text = copied[n].as_str().unwrap();
        let shown = client
            .execute(
                &format!("return document.getElementById('{id}').textContent;"),
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(Some(text), shown.as_str(), "{id}: the block's text");
        match *id {
            "cite-plain" => assert!(text.starts_with("Komisi Informasi Pusat."), "{text}"),
            "cite-bibtex" => {
                let bib = biblatex::Bibliography::parse(text).unwrap();
                assert_eq!(bib.len(), 1, "{text}");
            }
            "cite-ris" => {
                let lines: Vec<&str> = text.lines().collect();
                assert_eq!(lines.first(), Some(&"TY  - HEAR"), "{text}");
                assert_eq!(lines.last().map(|l| l.trim_end()), Some("ER  -"), "{text}");
            }
            _ => {
                let csl: serde_json::Value = serde_json::from_str(text).unwrap();
                assert_eq!(csl["type"], "hearing", "{text}");
            }
        }
    }

    // A decision: its cited article is a link to the law's page, which
    // lists the passages citing it by outcome.
    client
        .goto(&format!("{base}/d/putusan-nc-021-2099"))
        .await
        .unwrap();
    client
        .find(Locator::Css("a.cited[href=\"/law/uu-14-2008/17\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "section.law-group").await;
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/law/uu-14-2008/17"
    );
    assert_eq!(text_of(&client, "h1").await, "Pasal 17 UU 14/2008 (UU KIP)");
    let groups = text_of(&client, "main").await;
    let (partly, rejected) = (groups.find("Dikabulkan sebagian"), groups.find("Ditolak"));
    assert!(
        partly.is_some() && rejected.is_some() && partly < rejected,
        "grouped by outcome: {groups}"
    );

    // A hit's register number opens the case page, which lists the case's
    // documents in order and the case it cites; that case says who cites it.
    client
        .find(Locator::Css("article.hit a.case"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "ol.timeline").await;
    let timeline = client
        .find_all(Locator::Css("ol.timeline > li"))
        .await
        .unwrap();
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/c/021/VII/KI-NC-PS/2099",
        "the newest decided case comes first"
    );
    assert_eq!(timeline.len(), 4);
    assert!(timeline[0]
        .text()
        .await
        .unwrap()
        .contains("Pemeriksaan awal"));
    client
        .find(Locator::Css("section.cites a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "section.cited-by").await;
    assert!(text_of(&client, "section.cited-by")
        .await
        .contains("Putusan Nomor 021/VII/KI-NC-PS/2099"));

    // A permalink lands on its passage, on a phone too: what came before is
    // folded above it.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{base}/p/kip-2024-yakin-kpu-sidang-2024-03-13/t3"))
        .await
        .unwrap();
    wait_for(&client, "article.passage.current").await;
    let top = client
        .execute(
            "return document.querySelector('article.passage.current').getBoundingClientRect().top / window.innerHeight;",
            vec![],
        )
        .await
        .unwrap();
    let top = top.as_f64().unwrap();
    assert!(
        top < 0.5,
        "the passage starts {top:.2} of the way down the screen"
    );
    assert!(!client
        .find_all(Locator::Css("details.before article.passage"))
        .await
        .unwrap()
        .is_empty());
    client.set_window_size(1200, 900).await.unwrap();

    // The glossary defines a term and searches it; the results say who
    // says it most, and a speaker's page lists what they said.
    client.goto(&format!("{base}/glosarium")).await.unwrap();
    wait_for(&client, "dl.glossary").await;
    client
        .find(Locator::Css("dt#uji-konsekuensi + dd a[href^=\"/search\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "aside.who-says").await;
    assert!(client
        .current_url()
        .await
        .unwrap()
        .as_str()
        .contains("uji+konsekuensi"));
    let first = client
        .find(Locator::Css("aside.who-says li a.speaker-page"))
        .await
        .unwrap();
    first.click().await.unwrap();
    wait_for(&client, "ul.speaker-roles").await;
    assert!(client
        .current_url()
        .await
        .unwrap()
        .path()
        .starts_with("/s/"));
    assert!(!text_of(&client, "h1").await.is_empty());
    assert!(!client
        .find_all(Locator::Css("ol.hits article.hit"))
        .await
        .unwrap()
        .is_empty());

    // Chips under a typed role: the typed filter's chip is the current one.
    client.set_window_size(1280, 900).await.unwrap();
    client
        .goto(&format!("{base}/search?q=role%3Amajelis%20KPU"))
        .await
        .unwrap();
    wait_for(&client, "article.hit").await;
    assert!(client
        .find(Locator::Css(
            "nav.chips a.role-majelis[aria-current=\"true\"]"
        ))
        .await
        .is_ok());
    assert!(
        client
            .find(Locator::Css(
                "nav.chips a.chip:not([class*=role-])[aria-current]"
            ))
            .await
            .is_err(),
        "\"Semua peran\" is not current under a typed role"
    );

    // Sort: newest first, the order marked and in the address; the dates
    // of the hits never rise.
    client
        .find(Locator::Css("a.sort[href*=\"sort=newest\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(
            "a.sort[aria-current=\"true\"][href*=\"sort=newest\"]",
        ))
        .await
        .unwrap();
    let dates = client
        .execute(
            "return Array.from(document.querySelectorAll('article.hit time[datetime]')).map(t => t.getAttribute('datetime'));",
            vec![],
        )
        .await
        .unwrap();
    let dates: Vec<&str> = dates
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert!(!dates.is_empty());
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    // The feed link follows the search (without its order) and serves Atom.
    let feed = client
        .find(Locator::Css("a.feed"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert!(
        feed.starts_with("/feed?") && feed.contains("role%3Amajelis"),
        "{feed}"
    );
    assert!(!feed.contains("sort="), "{feed}");
    // (Fetched by the page: a browser may download a feed rather than show it.)
    let served = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text().then(t => done([r.headers.get('content-type'), t])));",
            vec![serde_json::json!(feed)],
        )
        .await
        .unwrap();
    assert!(
        served[0]
            .as_str()
            .unwrap_or_default()
            .starts_with("application/atom+xml"),
        "{served}"
    );
    assert!(
        served[1]
            .as_str()
            .unwrap_or_default()
            .contains("http://www.w3.org/2005/Atom"),
        "{served}"
    );

    // Errors in the page's language, typed as well as submitted.
    client.goto(&format!("{base}/?lang=en")).await.unwrap();
    let input = client.find(Locator::Css("#q")).await.unwrap();
    input.send_keys("\"open").await.unwrap();
    wait_for(&client, ".notice.error").await;
    let error = text_of(&client, ".notice.error").await;
    assert!(error.contains("quotation mark is not closed"), "{error}");
    client
        .goto(&format!("{base}/search?q=%22open"))
        .await
        .unwrap();
    let error = text_of(&client, ".notice.error").await;
    assert!(error.contains("tanda kutip belum ditutup"), "{error}");

    client.close().await.unwrap();
    server.abort();
}
