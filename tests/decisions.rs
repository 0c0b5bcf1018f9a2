//! Decisions and the law on the fictional `decisions` fixture: the sections
//! of a decision in the KI layout, the outcome from the amar (and from a
//! report), every spelling of a cited law under one `law:` id, case pages
//! that gather a case's documents in order and precedent both ways, and the
//! links from the text to them.

use crate::util::{get_from, TempIndex};
use risalah_web::api::HitJson;
use serde_json::Value;
use std::collections::BTreeSet;

fn fixture() -> TempIndex {
    let t = TempIndex::from_fixture("decisions");
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    assert_eq!(report.documents, 5, "{:?}", report.problems);
    t
}

/// The passages of `q`, as `(passage id, text)`.
fn found(t: &TempIndex, q: &str) -> Vec<(String, String)> {
    t.search_json(q)
        .into_iter()
        .map(|h: HitJson| (h.passage.id, h.passage.text))
        .collect()
}

/// The first passage of `doc` whose text starts with `start`, as the API shows it.
fn passage(t: &TempIndex, doc: &str, start: &str) -> HitJson {
    t.search_json("type:putusan")
        .into_iter()
        .find(|h| h.passage.doc_id == doc && h.passage.text.starts_with(start))
        .unwrap_or_else(|| panic!("no passage of {doc} starts with {start:?}"))
}

#[test]
fn a_decision_is_read_by_its_sections() {
    let t = fixture();
    let section = |doc: &str, start: &str| {
        passage(&t, doc, start)
            .passage
            .section
            .map(|s| s.as_str().to_string())
    };
    let doc = "putusan-nc-021-2099";
    assert_eq!(section(doc, "PUTUSAN").as_deref(), Some("identitas"));
    assert_eq!(section(doc, "Perkumpulan").as_deref(), Some("identitas"));
    assert_eq!(section(doc, "I. DUDUK").as_deref(), Some("duduk_perkara"));
    assert_eq!(section(doc, "[1.1]").as_deref(), Some("duduk_perkara"));
    assert_eq!(
        section(doc, "C. Keterangan Termohon").as_deref(),
        Some("duduk_perkara")
    );
    assert_eq!(section(doc, "Kewenangan").as_deref(), Some("pertimbangan"));
    assert_eq!(section(doc, "[2.4]").as_deref(), Some("pertimbangan"));
    assert_eq!(section(doc, "[3.1]").as_deref(), Some("kesimpulan"));
    assert_eq!(section(doc, "MENGADILI").as_deref(), Some("amar"));
    assert_eq!(section(doc, "Demikian").as_deref(), Some("amar"));
    // Title-case, arabic-numbered headings.
    let old = "putusan-nc-007-2098";
    assert_eq!(section(old, "Forum").as_deref(), Some("identitas"));
    assert_eq!(section(old, "[2.2]").as_deref(), Some("pertimbangan"));
    assert_eq!(section(old, "[3.1]").as_deref(), Some("amar"));

    // The filter finds the amar alone, of both decisions.
    let amar = found(&t, "section:amar");
    assert!(amar
        .iter()
        .any(|(_, text)| text.starts_with("[4.1] Mengabulkan")));
    assert!(amar
        .iter()
        .any(|(_, text)| text.starts_with("[3.1] Menolak")));
    assert!(
        amar.iter().all(|(id, _)| id.starts_with("putusan-")),
        "{amar:?}"
    );
    assert!(found(&t, "data pribadi section:amar").is_empty());
    assert!(!found(&t, "data pribadi section:pertimbangan").is_empty());
    let facets = t.search("type:putusan").facets;
    assert!(facets["section"]["pertimbangan"] >= 6, "{facets:?}");
}

#[test]
fn the_outcome_comes_from_the_amar_and_from_a_report_of_it() {
    let t = fixture();
    let catalog = t.service().catalog().unwrap();
    let outcome = |id: &str| {
        catalog
            .documents
            .iter()
            .find(|e| e.meta.id == id)
            .and_then(|e| e.meta.outcome)
            .map(|o| o.as_str())
    };
    assert_eq!(outcome("putusan-nc-021-2099"), Some("dikabulkan_sebagian"));
    assert_eq!(outcome("putusan-nc-007-2098"), Some("ditolak"));
    assert_eq!(
        outcome("berita-nc-2099-09-16-izin-lingkungan"),
        Some("dikabulkan_sebagian")
    );
    assert_eq!(outcome("sidang-nc-021-pembuktian"), None);
    let rejected: BTreeSet<String> = t
        .search_json("outcome:ditolak")
        .into_iter()
        .map(|h| h.passage.doc_id)
        .collect();
    assert_eq!(
        rejected,
        BTreeSet::from(["putusan-nc-007-2098".to_string()])
    );
    assert!(t.service().search(&bad("outcome:menang")).is_err());
}

fn bad(q: &str) -> risalah_engine::search::SearchRequest {
    risalah_engine::search::SearchRequest {
        q: q.to_string(),
        filters: Default::default(),
        limit: 10,
        offset: 0,
        ..Default::default()
    }
}

#[test]
fn every_spelling_of_a_cited_law_is_found_by_one_id() {
    let t = fixture();
    let article = found(&t, "law:uu-14-2008/17");
    let starts: BTreeSet<&str> = article
        .iter()
        .map(|(_, text)| text.get(..5).unwrap_or(text))
        .collect();
    // "Pasal 17 huruf h UU 14 Tahun 2008", "UU KIP Pasal 17", the long form
    // with "Pasal 17 huruf h angka 2", "Pasal 17 huruf b UU No. 14 Tahun
    // 2008", and "Pasal 17 huruf h UU KIP" in a hearing.
    for text in [
        "Pasal 17 huruf h UU 14 Tahun 2008",
        "UU KIP Pasal 17",
        "Keterbukaan Informasi Publik Pasal 17 huruf h angka 2",
        "Pasal 17 huruf b UU No. 14 Tahun 2008",
        "Pasal 17 huruf h UU KIP",
    ] {
        assert!(
            article.iter().any(|(_, t)| t.contains(text)),
            "law:uu-14-2008/17 misses {text:?}: {starts:?}"
        );
    }
    assert!(
        !article.iter().any(|(_, t)| t.contains("Pasal 11 ayat")),
        "another article of the law is not this one"
    );
    for spelling in [
        "law:\"UU KIP Pasal 17\"",
        "law:\"Pasal 17 UU 14/2008\"",
        "law:UU-14-2008/17",
    ] {
        assert_eq!(found(&t, spelling), article, "{spelling}");
    }
    let law = found(&t, "law:uu-14-2008");
    assert!(law.len() > article.len());
    assert_eq!(found(&t, "law:\"UU KIP\""), law);
    assert_eq!(found(&t, "law:\"Undang-Undang Nomor 14 Tahun 2008\""), law);
    assert_eq!(
        found(&t, "law:uu-14-2008/26").len(),
        1,
        "a list of articles"
    );
    assert_eq!(found(&t, "law:uu-14-2008/27").len(), 1);
    assert_eq!(found(&t, "law:\"UU PDP\"").len(), 1);
    assert_eq!(found(&t, "law:pp-61-2010").len(), 1);
    assert_eq!(found(&t, "law:perki-1-2013").len(), 1);
    assert_eq!(found(&t, "law:\"Perki 1/2010\"").len(), 1);
    assert!(found(&t, "law:uu-14-2008 uji konsekuensi")
        .iter()
        .all(|(_, text)| text.contains("konsekuensi")));
    let err = t.service().search(&bad("law:kontrak")).unwrap_err();
    assert!(err.to_string().contains("names no law"), "{err}");
    let facets = t.search("type:putusan").facets;
    assert!(facets["law"]["uu-14-2008/17"] >= 3, "{facets:?}");
}

#[tokio::test]
async fn a_case_page_gathers_the_case_and_its_precedent() {
    let t = fixture();
    let (status, body) = get_from(t.service(), "/api/cases/021/VII/KI-NC-PS/2099").await;
    assert_eq!(status, 200, "{body}");
    let case: Value = serde_json::from_str(&body).unwrap();
    let ids: Vec<&str> = case["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "sidang-nc-021-pemeriksaan-awal",
            "sidang-nc-021-pembuktian",
            "putusan-nc-021-2099",
            "berita-nc-2099-09-16-izin-lingkungan"
        ],
        "hearings, decision and report in the order of the case, whatever the spelling of the register"
    );
    assert_eq!(case["outcome"], "dikabulkan_sebagian");
    assert_eq!(case["cites"][0]["register"], "007/II/KI-NC-PS/2098");
    assert_eq!(case["cites"][0]["known"], true);
    assert_eq!(case["cites"][0]["url"], "/c/007/II/KI-NC-PS/2098");

    // The same case under another spelling; `case:` finds the same documents.
    let (status, again) = get_from(t.service(), "/api/cases/021%20/%20vii/ki-nc-ps/2099").await;
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&again).unwrap()["documents"],
        case["documents"]
    );
    let by_filter: BTreeSet<String> = t
        .search_json("case:\"021 / vii / KI-NC-PS / 2099\"")
        .into_iter()
        .map(|h| h.passage.doc_id)
        .collect();
    assert_eq!(by_filter, ids.iter().map(|s| s.to_string()).collect());

    // Precedent, the other way.
    let (_, old) = get_from(t.service(), "/api/cases/007/II/KI-NC-PS/2098").await;
    let old: Value = serde_json::from_str(&old).unwrap();
    assert_eq!(old["outcome"], "ditolak");
    assert_eq!(old["cited_by"][0]["id"], "putusan-nc-021-2099");

    // The page.
    let (status, page) = get_from(t.service(), "/c/021/VII/KI-NC-PS/2099").await;
    assert_eq!(status, 200);
    assert!(page.contains("Dikabulkan sebagian"), "{page}");
    assert!(page.contains("href=\"/d/sidang-nc-021-pembuktian\""));
    assert!(page.contains("href=\"/c/007/II/KI-NC-PS/2098\""));
    let (_, old_page) = get_from(t.service(), "/c/007/II/KI-NC-PS/2098?lang=en").await;
    assert!(old_page.contains("Cited by"), "{old_page}");
    assert!(old_page.contains("href=\"/d/putusan-nc-021-2099?lang=en\""));

    for missing in ["/api/cases/999/X/KI-NC-PS/2099", "/c/999/X/KI-NC-PS/2099"] {
        let (status, _) = get_from(t.service(), missing).await;
        assert_eq!(status, 404, "{missing}");
    }
}

#[tokio::test]
async fn a_law_page_lists_the_passages_citing_it_by_outcome() {
    let t = fixture();
    let (status, body) = get_from(t.service(), "/api/laws/uu-14-2008/17").await;
    assert_eq!(status, 200, "{body}");
    let law: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(law["label"], "Pasal 17 UU 14/2008 (UU KIP)");
    let outcomes: Vec<&Value> = law["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| &g["outcome"])
        .collect();
    assert_eq!(
        outcomes,
        [
            &Value::from("dikabulkan_sebagian"),
            &Value::from("ditolak"),
            &Value::Null
        ],
        "decided cases first, in outcome order; the hearing has none"
    );
    let total: usize = law["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["passages"].as_array().unwrap().len())
        .sum();
    assert_eq!(Some(total as u64), law["total"].as_u64());
    // A spelling reaches the same page.
    let (status, spelled) = get_from(t.service(), "/api/laws/UU%20KIP%20Pasal%2017").await;
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&spelled).unwrap()["id"],
        "uu-14-2008/17"
    );

    let (status, page) = get_from(t.service(), "/law/uu-14-2008/17").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1>Pasal 17 UU 14/2008 (UU KIP)</h1>"),
        "{page}"
    );
    assert!(page.contains("Ditolak"));

    let (status, _) = get_from(t.service(), "/api/laws/kontrak").await;
    assert_eq!(status, 400);
    let (status, _) = get_from(t.service(), "/api/laws/uu-99-2099").await;
    assert_eq!(status, 404);
    let (status, _) = get_from(t.service(), "/law/uu-99-2099").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn citations_in_the_text_link_to_their_law_and_case() {
    let t = fixture();
    let (status, page) = get_from(t.service(), "/d/putusan-nc-021-2099").await;
    assert_eq!(status, 200);
    for href in [
        "href=\"/law/uu-14-2008/17\"",
        "href=\"/law/uu-14-2008/26\"",
        "href=\"/law/uu-14-2008\"",
        "href=\"/law/pp-61-2010\"",
        "href=\"/c/007/II/KI-NC-PS/2098\"",
        "href=\"/c/021/VII/KI-NC-PS/2099\"",
    ] {
        assert!(page.contains(href), "no {href} on the decision's page");
    }
    assert!(page.contains("Amar putusan"), "sections are shown");
    // The report and the hearing of the case link to its page.
    let (_, report) = get_from(t.service(), "/d/berita-nc-2099-09-16-izin-lingkungan").await;
    assert!(
        report.contains("href=\"/c/021/VII/KI-NC-PS/2099\""),
        "{report}"
    );
    let (_, hits) = get_from(
        t.service(),
        "/search?q=uji+konsekuensi&case=021/VII/KI-NC-PS/2099",
    )
    .await;
    assert!(hits.contains("href=\"/c/021/VII/KI-NC-PS/2099\""));
    // The API carries the section, outcome and cited ids.
    let (_, json) = get_from(
        t.service(),
        "/api/search?q=law:uu-14-2008/17+section:pertimbangan",
    )
    .await;
    let json: Value = serde_json::from_str(&json).unwrap();
    let hit = &json["hits"][0];
    assert_eq!(hit["section"], "pertimbangan");
    assert!(hit["laws"]
        .as_array()
        .unwrap()
        .contains(&Value::from("uu-14-2008/17")));
    let (status, _) = get_from(
        t.service(),
        "/api/search?section=amar&outcome=ditolak&law=Perki+1/2010",
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = get_from(t.service(), "/api/search?law=kontrak").await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn hits_sort_by_date_and_a_search_is_a_feed() {
    let t = fixture();
    let dates = |body: &str| -> Vec<String> {
        let json: Value = serde_json::from_str(body).unwrap();
        json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["date"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (_, newest) = get_from(t.service(), "/api/search?q=uji+konsekuensi&sort=newest").await;
    let newest = dates(&newest);
    assert!(newest.len() >= 3, "{newest:?}");
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    let (_, oldest) = get_from(t.service(), "/api/search?q=uji+konsekuensi&sort=oldest").await;
    let oldest = dates(&oldest);
    assert!(oldest.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");
    assert_eq!(oldest.first(), newest.last());
    let (status, _) = get_from(t.service(), "/api/search?q=uji&sort=terbaik").await;
    assert_eq!(status, 400);

    let (status, feed) = get_from(t.service(), "/feed?q=uji+konsekuensi&type=putusan").await;
    assert_eq!(status, 200, "{feed}");
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_valid_atom(&feed);
    let entries = feed.matches("<entry>").count();
    assert!(
        (1..=risalah_web::feed::FEED_ENTRIES).contains(&entries),
        "{entries}"
    );
    assert!(
        feed.contains("<id>http://risalah.test/p/putusan-nc-"),
        "{feed}"
    );
    assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://risalah.test/feed?q=uji+konsekuensi&amp;type=putusan\"/>"), "{feed}");
    let updated: Vec<&str> = feed
        .match_indices("<updated>")
        .skip(1)
        .map(|(i, _)| &feed[i + 9..i + 19])
        .collect();
    assert!(
        updated.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {updated:?}"
    );
    // What a user types is escaped in the feed.
    let (status, hostile) = get_from(t.service(), "/feed?q=%3Cscript%3E%26%27").await;
    assert_eq!(status, 200);
    assert_valid_atom(&hostile);
    assert!(
        hostile.contains("<title>risalah: &lt;script&gt;&amp;'</title>"),
        "{hostile}"
    );
    assert!(!hostile.contains("<script"));
    let (status, _) = get_from(t.service(), "/feed?q=uji&offset=10").await;
    assert_eq!(status, 400);
}

/// Checks `xml` against what RFC 4287 requires of an Atom feed: an `atom:feed`
/// root with one `id` (an absolute IRI), `title` and `updated` (RFC 3339),
/// an author for every entry (its own or the feed's), and each entry with
/// one `id`, `title` and `updated` and a link or content.
fn assert_valid_atom(xml: &str) {
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not XML: {e}\n{xml}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(ATOM), "{xml}");
    assert_eq!(feed.tag_name().name(), "feed");
    let children = |node: roxmltree::Node<'_, '_>, name: &str| -> Vec<String> {
        node.children()
            .filter(|c| {
                c.is_element()
                    && c.tag_name().name() == name
                    && c.tag_name().namespace() == Some(ATOM)
            })
            .map(|c| c.text().unwrap_or("").to_string())
            .collect()
    };
    let one = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        let found = children(node, name);
        assert_eq!(
            found.len(),
            1,
            "one <{name}> in <{}>: {xml}",
            node.tag_name().name()
        );
        found[0].clone()
    };
    let check = |node: roxmltree::Node<'_, '_>| {
        let id = one(node, "id");
        assert!(
            id.starts_with("http://") || id.starts_with("https://") || id.starts_with("urn:"),
            "{id}"
        );
        assert!(!one(node, "title").trim().is_empty());
        let updated = one(node, "updated");
        time::OffsetDateTime::parse(&updated, &time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|e| panic!("<updated>{updated}</updated> is not RFC 3339: {e}"));
    };
    check(feed);
    let feed_author = !children(feed, "author").is_empty();
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "entry")
        .collect();
    for entry in entries {
        check(entry);
        assert!(
            feed_author || !children(entry, "author").is_empty(),
            "an entry has an author"
        );
        let linked = entry.children().any(|c| {
            c.tag_name().name() == "link"
                && c.attribute("rel").unwrap_or("alternate") == "alternate"
        });
        assert!(
            linked || !children(entry, "content").is_empty(),
            "an entry links or has content"
        );
    }
}

#[test]
fn a_decision_says_whose_words_its_passages_are() {
    let t = fixture();
    let doc = "putusan-nc-021-2099";
    // Each passage's role, and for an account of a party who and how.
    let voice = |start: &str| {
        let p = passage(&t, doc, start).passage;
        let account = p.attributions.first().map(|a| {
            assert_eq!(a.mode.as_str(), "paraphrase", "{start}");
            a.speaker.clone()
        });
        (p.role.map(|r| r.as_str().to_string()), account)
    };
    let majelis = (Some("majelis".to_string()), None);
    // The chronology and the headings speak for no one; a party's account
    // is theirs, named from the parties; the reasoning, the conclusion and
    // the ruling are the majelis's.
    assert_eq!(voice("[1.1]"), (None, None));
    assert_eq!(voice("C. Keterangan Termohon"), (None, None));
    assert_eq!(voice("[2.3]"), majelis);
    assert_eq!(voice("[3.1]"), majelis);
    assert_eq!(voice("[4.2]"), majelis);
    let account = |start: &str| {
        let p = passage(&t, doc, start).passage;
        let a = p.attributions.first().cloned();
        a.map(|a| (a.role.map(|r| r.as_str().to_string()), a.speaker))
    };
    assert_eq!(
        account("[1.2]"),
        Some((
            Some("pemohon".to_string()),
            Some("Perkumpulan Pemerhati Sungai Contoh".to_string())
        ))
    );
    assert_eq!(
        account("[1.3]"),
        Some((
            Some("termohon".to_string()),
            Some("Dinas Lingkungan Hidup Kabupaten Contoh".to_string())
        ))
    );

    // The filters follow: the termohon's account under `role:termohon`,
    // the pemohon's under `mode:paraphrase role:pemohon`, no decision as
    // narration.
    let ids =
        |q: &str| -> BTreeSet<String> { found(&t, q).into_iter().map(|(id, _)| id).collect() };
    let termohon = ids("role:termohon type:putusan");
    assert!(termohon.contains("putusan-nc-021-2099/u11"), "{termohon:?}");
    assert!(!termohon.contains("putusan-nc-021-2099/u7"), "{termohon:?}");
    let pemohon = ids("mode:paraphrase role:pemohon type:putusan");
    assert!(pemohon.contains("putusan-nc-021-2099/u9"), "{pemohon:?}");
    let majelis_ids = ids("role:majelis data pribadi");
    assert!(
        majelis_ids.contains("putusan-nc-021-2099/u18"),
        "{majelis_ids:?}"
    );
    assert!(ids("role:narasi type:putusan").is_empty());
}
