//! The index and search core on a temporary index built from synthetic
//! fixtures: filters, phrases, stemming, equivalences, dates, pagination,
//! stable ids, incremental indexing and facet counts.

use crate::util::TempIndex;
use risalah_engine::index::build::{self, BuildOptions, Freshness, Silent};
use risalah_engine::model::{DateRange, DocType, Role};
use risalah_engine::search::{Filters, QueryError, SearchError, SearchRequest, SearchResults};
use risalah_web::api::PassageViewJson;
use risalah_web::i18n::Lang;
use risalah_web::permalink::PublicUrl;
use time::macros::date;

fn built() -> TempIndex {
    TempIndex::built_search_fixture()
}

fn ids(response: &SearchResults) -> Vec<String> {
    response.hits.iter().map(|h| h.passage.id.clone()).collect()
}

fn texts(response: &SearchResults) -> Vec<String> {
    response
        .hits
        .iter()
        .map(|h| h.passage.passage.text.clone())
        .collect()
}

/// An index of one fictional news report with these paragraphs (one per
/// line).
fn one_report(id: &str, paragraphs: &str) -> TempIndex {
    let t = TempIndex::empty();
    t.write(
        "berita.txt",
        &format!("---\nid: {id}\ntype: news\ntitle: Sintetis\npublisher: Warta Contoh\ndate: 2099-01-02\n---\n{paragraphs}"),
    );
    assert_eq!(t.build().rejected_files, 0);
    t
}

#[test]
fn a_role_filter_returns_only_that_role() {
    let t = built();
    let all = t.search("dokumen anggaran");
    assert!(all
        .hits
        .iter()
        .any(|h| h.passage.passage.role != Some(Role::Termohon)));
    for role in [Role::Termohon, Role::Majelis, Role::Pemohon] {
        let filtered = t.search_with(
            "dokumen anggaran",
            Filters {
                roles: vec![role],
                ..Filters::default()
            },
            100,
            0,
        );
        let role = role.as_str();
        assert!(!filtered.hits.is_empty(), "{role}");
        assert!(
            filtered
                .hits
                .iter()
                .all(|h| h.passage.passage.role.map(|r| r.as_str()) == Some(role)),
            "{role}"
        );
        let in_query = t.search(&format!("role:{role} dokumen anggaran"));
        assert_eq!(ids(&in_query), ids(&filtered));
    }
}

#[test]
fn a_phrase_matches_only_the_exact_words() {
    let t = built();
    let stemmed = t.search("uji konsekuensi");
    assert!(
        texts(&stemmed)
            .iter()
            .any(|x| x.contains("menguji konsekuensinya")),
        "stemmed search finds the inflected form"
    );
    let phrase = t.search("\"uji konsekuensi\"");
    assert_eq!(phrase.total, 1);
    assert!(phrase.hits[0]
        .passage
        .passage
        .text
        .contains("uji konsekuensi"));
    let reversed = t.search("\"konsekuensi uji\"");
    assert_eq!(reversed.total, 0);
}

#[test]
fn a_phrase_finds_a_hyphenated_word_typed_with_a_space_and_back() {
    let t = one_report("sintetis-hyphen", "Pemohon menilai dinas bertindak sewenang-wenang kepada undang-undang yang berlaku.\nWarga membawa alat peraga ke ruang sidang.\n");
    for q in [
        "\"sewenang wenang\"",
        "\"sewenang-wenang\"",
        "\"bertindak sewenang-wenang kepada\"",
        "\"kepada undang\"",
        "\"undang undang yang\"",
    ] {
        assert_eq!(t.search(q).total, 1, "{q}");
    }
    assert_eq!(
        t.search("\"wenang kepada undang yang\"").total,
        0,
        "the parts keep their order"
    );
    assert_eq!(
        t.search("\"alat alat\"").total,
        0,
        "a single word is not its reduplication"
    );
}

#[test]
fn a_negated_noun_finds_its_words_apart() {
    let t = one_report("sintetis-negasi", "Dinas itu kembali tidak hadir dalam sidang kedua.\nKetidakhadiran dinas dicatat panitera.\nDinas itu hadir pada sidang pertama.\nHadirin tidak diberi kesempatan bicara.\n");
    let found = texts(&t.search("ketidakhadiran"));
    assert!(
        found.iter().any(|x| x.contains("tidak hadir dalam")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|x| x.starts_with("Ketidakhadiran")),
        "{found:?}"
    );
    // The words in order, next to each other: not *hadir* alone, nor
    // *tidak* before another word.
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_body_is_found_by_its_acronym_and_its_name() {
    let t = one_report("sintetis-badan", "Kementerian Kesehatan menyerahkan data stunting.\nKemenkes menolak membuka kontrak vaksin.\nSatuan Polisi Pamong Praja menertibkan pedagang.\nDinas kesehatan kota hadir.\n");
    for q in ["Kemenkes", "kementerian kesehatan"] {
        let found = texts(&t.search(q));
        assert!(
            found.iter().any(|x| x.starts_with("Kementerian")),
            "{q}: {found:?}"
        );
        assert!(
            found.iter().any(|x| x.starts_with("Kemenkes")),
            "{q}: {found:?}"
        );
    }
    let found = texts(&t.search("satpol pp"));
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_joining_words_of_a_name_are_not_highlighted_alone() {
    let t = one_report(
        "sintetis-sorot",
        "Dinas Komunikasi dan Informatika menolak, dan kontrak itu ditutup.\n",
    );
    let hit = &t.search_json("Diskominfo kontrak")[0];
    assert_eq!(
        hit.snippet_html,
        "<mark>Dinas</mark> <mark>Komunikasi</mark> dan <mark>Informatika</mark> menolak, dan <mark>kontrak</mark> itu ditutup."
    );
    // Asked for on its own, a joining word is what is looked for.
    let hit = &t.search_json("dan")[0];
    assert!(
        hit.snippet_html.contains("<mark>dan</mark>"),
        "{}",
        hit.snippet_html
    );
}

#[test]
fn a_reduplicated_word_typed_apart_is_the_word() {
    let t = one_report(
        "sintetis-ulang",
        "Pemohon merujuk undang-undang yang berlaku.\nPanitia mengundang warga ke balai desa.\nUndangan dikirim kepada masing-masing anggota.\n",
    );
    let found = texts(&t.search("undang undang"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("undang-undang"), "{found:?}");
    // Words that are no reduplication stay apart, and the part alone is
    // the other word: *mengundang*, *undangan*, never the law.
    let found = texts(&t.search("undang warga"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|x| !x.contains("undang-undang")),
        "{found:?}"
    );
}

#[test]
fn putusan_finds_memutuskan_and_diputus() {
    let t = built();
    let found = texts(&t.search("putusan"));
    assert!(found.iter().any(|x| x.contains("memutuskan")), "{found:?}");
    assert!(found.iter().any(|x| x.contains("diputus ")), "{found:?}");
    assert!(found.iter().any(|x| x.contains("putusannya")), "{found:?}");
}

#[test]
fn kip_finds_komisi_informasi_pusat_and_back() {
    let t = built();
    let found = texts(&t.search("KIP"));
    assert!(
        found
            .iter()
            .any(|x| x.contains("Komisi Informasi Pusat") && !x.contains("KIP")),
        "{found:?}"
    );
    assert!(found.iter().any(|x| x.contains("KIP")), "{found:?}");
    let long = texts(&t.search("komisi informasi pusat"));
    assert!(long.iter().any(|x| x.contains("kepada KIP")), "{long:?}");
}

#[test]
fn a_partial_date_matches_every_period_it_may_fall_in() {
    let t = TempIndex::empty();
    let doc = |id: &str, date: &str| {
        format!("---\nid: {id}\ntype: news\ntitle: Arsip {id}\npublisher: Warta Contoh\ndate: {date}\n---\nArsip putusan lama tentang anggaran.\n")
    };
    t.write("tahun.txt", &doc("tahun", "2016"));
    t.write("bulan.txt", &doc("bulan", "2016-05"));
    t.write("hari.txt", &doc("hari", "2016-05-20"));
    t.write("lain.txt", &doc("lain", "2016-11-02"));
    assert_eq!(t.build().rejected_files, 0);
    let ids = |q: &str| {
        let mut ids: Vec<String> = t
            .search(q)
            .hits
            .iter()
            .map(|h| h.document.id.clone())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("arsip date:2016"), ["bulan", "hari", "lain", "tahun"]);
    assert_eq!(ids("arsip date:2016-05"), ["bulan", "hari", "tahun"]);
    assert_eq!(ids("arsip date:2016-05-01"), ["bulan", "tahun"]);
    assert_eq!(ids("arsip date:2016-11"), ["lain", "tahun"]);
    assert_eq!(ids("arsip from:2016-06"), ["lain", "tahun"]);
    assert_eq!(ids("arsip to:2016-04"), ["tahun"]);
    assert_eq!(ids("arsip date:2017"), Vec::<String>::new());
    let shown: Vec<String> = t
        .search("arsip")
        .hits
        .iter()
        .filter_map(|h| h.document.date.map(|d| d.to_string()))
        .collect();
    assert!(
        shown.contains(&"2016".to_string()),
        "shown as written: {shown:?}"
    );
}

#[test]
fn provenance_defaults_by_type_and_filters_the_hits() {
    let t = TempIndex::empty();
    let header = |id: &str, extra: &str| {
        format!("---\nid: {id}\ntype: transcript\ntitle: Sidang {id}\ncommission: Komisi Informasi Contoh\ndate: 2025-02-03\n{extra}---\nKETUA MAJELIS: Sidang tentang anggaran dibuka.\n")
    };
    t.write("resmi.txt", &header("resmi", ""));
    t.write(
        "rekonstruksi.txt",
        &header("rekonstruksi", "provenance: reconstructed\n"),
    );
    t.write(
        "berita.txt",
        "---\nid: berita\ntype: news\ntitle: Berita anggaran\npublisher: Warta Contoh\ndate: 2025-02-04\n---\nSidang tentang anggaran digelar.\n",
    );
    assert_eq!(t.build().rejected_files, 0);
    let of = |q: &str| {
        let mut found: Vec<(String, &'static str)> = t
            .search(q)
            .hits
            .iter()
            .map(|h| (h.document.id.clone(), h.document.provenance.as_str()))
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        of("anggaran"),
        [
            ("berita".to_string(), "news"),
            ("rekonstruksi".to_string(), "reconstructed"),
            ("resmi".to_string(), "official"),
        ]
    );
    assert_eq!(
        of("anggaran provenance:reconstructed,news"),
        [
            ("berita".to_string(), "news"),
            ("rekonstruksi".to_string(), "reconstructed"),
        ]
    );
    assert_eq!(
        of("provenance:official"),
        [("resmi".to_string(), "official")]
    );
    let err = risalah_engine::search::query::parse("provenance:rumor").unwrap_err();
    assert!(
        err.to_string().contains("unknown provenance `rumor`"),
        "{err}"
    );
}

#[test]
fn date_ranges_bound_the_hits() {
    let t = built();
    let all = t.search("dokumen");
    assert!(all
        .hits
        .iter()
        .any(|h| h.document.date.map(|d| d.to_string()).as_deref() == Some("2099-03-01")));
    let january = t.search("dokumen date:2099-01");
    assert!(!january.hits.is_empty());
    assert!(january
        .hits
        .iter()
        .all(|h| h.document.date.map(|d| d.to_string()).as_deref() == Some("2099-01-15")));
    let range = t.search_with(
        "putusan",
        Filters {
            dates: DateRange {
                from: Some(date!(2099 - 02 - 01)),
                to: Some(date!(2099 - 02 - 28)),
            },
            ..Filters::default()
        },
        100,
        0,
    );
    assert!(!range.hits.is_empty());
    assert!(range
        .hits
        .iter()
        .all(|h| h.document.date.map(|d| d.to_string()).as_deref() == Some("2099-02-20")));
    assert_eq!(t.search("dokumen date:2100").total, 0);
}

#[test]
fn type_speaker_and_case_filters() {
    let t = built();
    let news = t.search("type:news dokumen");
    assert!(
        !news.hits.is_empty()
            && news
                .hits
                .iter()
                .all(|h| h.document.doc_type == DocType::News)
    );
    let speaker = t.search("speaker:\"Agus Rekaan\"");
    assert!(
        !speaker.hits.is_empty()
            && speaker
                .hits
                .iter()
                .all(|h| h.passage.passage.speaker.as_deref() == Some("Agus Rekaan"))
    );
    let case = t.search("case:001/i/ki-contoh-ps/2099");
    assert!(!case.hits.is_empty());
    assert!(case
        .hits
        .iter()
        .all(|h| h.document.case.as_deref() == Some("001/I/KI-CONTOH-PS/2099")));
    let register = t.search("002/II/KI-CONTOH-PS/2099");
    assert_eq!(
        register.total, 1,
        "a register number in the text is a phrase of its parts"
    );
}

#[test]
fn passages_with_every_word_rank_first_and_fillers_are_not_required() {
    let t = built();
    let r = t.search("apa kata majelis soal dokumen anggaran");
    let first = &r.hits[0].passage.passage.text;
    assert!(
        first.contains("dokumen anggaran") && first.to_lowercase().contains("majelis"),
        "{first}"
    );
    assert!(r.total > 1);
    assert!(
        t.search("apa kata").total > 0,
        "a query of only filler words still searches them"
    );
}

#[test]
fn exclusions_or_and_typos() {
    let t = built();
    let without = t.search("dokumen -anggaran");
    assert!(without.hits.iter().all(|h| !h
        .passage
        .passage
        .text
        .to_lowercase()
        .contains("anggaran")));
    let either = t.search("skorsing OR diskors");
    assert_eq!(either.total, 1);
    let typo = t.search("konsekuensy");
    assert!(typo.total > 0, "one typo in a longer word is forgiven");
}

#[test]
fn pagination_is_stable_and_complete() {
    let t = TempIndex::from_fixture("search");
    let lines: String = (1..=30)
        .map(|i| {
            format!(
                "{{\"doc_id\":\"sintetis-massal\",\"title\":\"Sidang massal sintetis\",\"date\":\"2099-04-01\",\"speaker\":\"Penutur {i}\",\"role\":\"lainnya\",\"turn\":{i},\"text\":\"Catatan rapat nomor {i} tentang arsip.\"}}\n"
            )
        })
        .collect();
    t.write("massal.jsonl", &lines);
    t.build();
    let all = t.search_with("arsip", Filters::default(), 30, 0);
    assert_eq!(all.total, 30);
    let mut paged = Vec::new();
    for page in 0..6 {
        let r = t.search_with("arsip", Filters::default(), 5, page * 5);
        assert_eq!(r.total, 30);
        assert_eq!(
            ids(&r),
            ids(&t.search_with("arsip", Filters::default(), 5, page * 5)),
            "same page twice"
        );
        paged.extend(ids(&r));
    }
    assert_eq!(paged, ids(&all));
    assert!(t
        .search_with("arsip", Filters::default(), 5, 30)
        .hits
        .is_empty());
}

#[test]
fn ids_survive_reindexing() {
    let t = built();
    let before = ids(&t.search("dokumen"));
    let report = t.build_with(true);
    assert!(report.rebuilt);
    assert_eq!(ids(&t.search("dokumen")), before);
    assert!(
        before.contains(&"sintetis-sidang-a/t2".to_string()),
        "{before:?}"
    );
}

#[test]
fn edits_additions_and_removals_are_reflected_incrementally() {
    let t = built();
    let again = t.build();
    assert_eq!(
        (again.files_read, again.files_unchanged, again.committed),
        (0, 3, false)
    );

    let edited = std::fs::read_to_string(t.corpus().join("sidang-b.txt"))
        .unwrap()
        .replace("siap dibacakan", "siap dibacakan hari ini bersama lampiran");
    t.write("sidang-b.txt", &edited);
    t.write(
        "berita-d.txt",
        "---\nid: sintetis-berita-d\ntype: news\ntitle: Berita tambahan\npublisher: Warta Contoh\ndate: 2099-05-01\n---\nSidang tambahan membahas kuitansi.\n",
    );
    std::fs::remove_file(t.corpus().join("berita-c.txt")).unwrap();
    let report = t.build();
    assert_eq!(
        (
            report.files_read,
            report.files_unchanged,
            report.files_removed
        ),
        (2, 1, 1)
    );
    assert!(report.committed);
    assert_eq!(t.search("lampiran").total, 1);
    assert_eq!(t.search("kuitansi").total, 1);
    assert_eq!(
        t.search("type:news")
            .hits
            .iter()
            .filter(|h| h.passage.doc_id == "sintetis-berita-c")
            .count(),
        0
    );
    assert_eq!(report.documents, 3);
}

#[test]
fn counts_equal_the_hits() {
    let t = built();
    for q in ["dokumen", "putusan", "majelis", "type:transcript"] {
        let r = t.search(q);
        assert_eq!(r.hits.len(), r.total, "{q}: one page holds every hit here");
        let by_type: u64 = r.facets["doc_type"].values().sum();
        assert_eq!(by_type as usize, r.total, "{q}");
        for (role, n) in &r.facets["role"] {
            let counted = r
                .hits
                .iter()
                .filter(|h| {
                    let p = &h.passage.passage;
                    match p.role {
                        Some(r) => r.as_str() == role,
                        // Narration: a report's or hearing's own text (this
                        // fixture holds no decision).
                        None => role == "narasi" && p.attributions.is_empty(),
                    }
                })
                .count();
            assert_eq!(counted as u64, *n, "{q}: {role}");
        }
    }
}

#[test]
fn snippets_are_escaped_and_taken_from_the_text() {
    let t = TempIndex::from_fixture("search");
    t.write(
        "xss.txt",
        "---\nid: sintetis-xss\ntype: news\ntitle: <script>alert(1)</script>\npublisher: Warta Contoh\ndate: 2099-06-01\n---\nDokumen <img src=x onerror=alert(1)> & \"kutipan\" disebut.\n",
    );
    t.build();
    let hit = &t.search_json("kutipan")[0];
    assert_eq!(hit.snippet_html, "Dokumen &lt;img src=x onerror=alert(1)&gt; &amp; &quot;<mark>kutipan</mark>&quot; disebut.");
    assert_eq!(
        hit.passage.text,
        "Dokumen <img src=x onerror=alert(1)> & \"kutipan\" disebut."
    );
    let snippet = &t.search("kutipan").hits[0].snippet;
    assert_eq!(
        snippet.text(),
        hit.passage.text,
        "the snippet is the text as published"
    );
    let marked: Vec<&str> = snippet
        .pieces
        .iter()
        .filter(|p| p.highlighted)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["kutipan"]);
}

#[test]
fn hits_carry_context_and_citations() {
    let t = built();
    let hit = &t.search_json("role:termohon kecualikan")[0];
    let previous = hit.context.previous.as_ref().unwrap();
    assert_eq!(previous.role, Some(Role::Majelis));
    assert!(previous.text.contains("uji konsekuensi"));
    assert_eq!(
        hit.context.next.as_ref().unwrap().speaker.as_deref(),
        Some("Budi Fiktif")
    );
    assert!(hit.citation.contains("Agus Rekaan (termohon)"));
    assert!(hit.citation.contains("perkara 001/I/KI-CONTOH-PS/2099"));
    assert!(hit
        .citation
        .contains("http://127.0.0.1:8080/p/sintetis-sidang-a/t2"));
    assert_eq!(hit.url, "/p/sintetis-sidang-a/t2");
}

#[test]
fn passages_and_documents_by_id() {
    let t = built();
    let s = t.service();
    let view = s.passage("sintetis-sidang-a/t3", 2).unwrap().unwrap();
    assert_eq!(view.before.len(), 2);
    assert_eq!(view.after.len(), 2);
    assert_eq!(view.before[1].id, "sintetis-sidang-a/t2");
    assert_eq!(view.after[0].id, "sintetis-sidang-a/t4");
    let view = PassageViewJson::new(&view, &PublicUrl::default(), Lang::Id);
    assert!(view
        .citations
        .bibtex
        .starts_with("@misc{sintetis_sidang_a_t3,"));
    assert!(view
        .citations
        .ris
        .contains("UR  - http://127.0.0.1:8080/p/sintetis-sidang-a/t3"));
    assert_eq!(view.citations.csl_json["issued"]["date-parts"][0][0], 2099);
    assert!(s.passage("no/such", 2).unwrap().is_none());
    let doc = s.document("sintetis-sidang-a").unwrap().unwrap();
    assert_eq!(doc.passages.len(), 6);
    assert_eq!(doc.roster.len(), 3);
    assert!(doc
        .passages
        .windows(2)
        .all(|w| w[0].passage.position < w[1].passage.position));
    assert!(s.document("nothing").unwrap().is_none());
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let t = built();
    let s = t.service();
    for (q, limit, offset) in [
        ("\"open", 10, 0),
        ("role:hakim", 10, 0),
        ("x", 101, 0),
        ("x", 10, 10_001),
        ("date:2099-03..2099-01", 10, 0),
    ] {
        let result = s.search(&SearchRequest {
            q: q.to_string(),
            filters: Filters::default(),
            limit,
            offset,
            ..Default::default()
        });
        assert!(
            matches!(
                result,
                Err(SearchError::BadRequest(_) | SearchError::Query(_))
            ),
            "{q} {limit} {offset}"
        );
    }
    for q in ["", "-", "((((((", "*", "-dokumen", "\"\"", "role:majelis"] {
        assert!(
            s.search(&SearchRequest {
                q: q.into(),
                ..SearchRequest::default()
            })
            .is_ok(),
            "{q}"
        );
    }
}

#[test]
fn freshness_follows_the_corpus() {
    let t = TempIndex::from_fixture("search");
    assert_eq!(
        build::freshness(&t.index_dir(), &t.corpus()).unwrap(),
        Freshness::Missing
    );
    t.build();
    assert_eq!(
        build::freshness(&t.index_dir(), &t.corpus()).unwrap(),
        Freshness::Fresh
    );
    t.write(
        "sidang-a.txt",
        &std::fs::read_to_string(t.corpus().join("sidang-a.txt"))
            .unwrap()
            .replace("dibuka", "dibuka kembali"),
    );
    assert!(matches!(
        build::freshness(&t.index_dir(), &t.corpus()).unwrap(),
        Freshness::Stale(_)
    ));
    t.build();
    assert_eq!(
        build::freshness(&t.index_dir(), &t.corpus()).unwrap(),
        Freshness::Fresh
    );
    assert_eq!(
        build::recorded_corpus(&t.index_dir()),
        Some(std::fs::canonicalize(t.corpus()).unwrap())
    );
}

#[test]
fn a_second_writer_is_refused_with_a_clear_message() {
    let t = built();
    let handle = risalah_engine::index::open(&t.index_dir()).unwrap();
    let _writer: tantivy::IndexWriter = handle.index.writer(15_000_000).unwrap();
    let err = build::build(
        &BuildOptions {
            corpus: t.corpus(),
            index_dir: t.index_dir(),
            rebuild: false,
        },
        &Silent,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("already writing the index"),
        "{err}"
    );
}

#[test]
fn the_bundled_corpus_answers_the_journalists_question() {
    let (_dir, service) = TempIndex::bundled();
    let r = service
        .search(&SearchRequest {
            q: "Alibaba".into(),
            filters: Filters {
                roles: vec![Role::Majelis],
                ..Filters::default()
            },
            limit: 10,
            offset: 0,
            ..Default::default()
        })
        .unwrap();
    let question = r
        .hits
        .iter()
        .find(|h| h.passage.passage.text == "Benar KPU memiliki kerja sama dengan Alibaba?")
        .expect("the commissioner's question");
    assert_eq!(
        question.passage.passage.speaker.as_deref(),
        Some("Arya Sandhiyudha")
    );
    let answer = question
        .context
        .next
        .as_ref()
        .expect("the answer as context");
    let answer = &answer.passage;
    assert_eq!(
        (answer.speaker.as_deref(), answer.role, answer.text.as_str()),
        (Some("Luqman Hakim"), Some(Role::Termohon), "Iya")
    );
    assert!(r
        .hits
        .iter()
        .all(|h| h.passage.passage.role == Some(Role::Majelis)));
}

#[test]
fn the_bundled_corpus_tells_the_respondent_from_the_panel_in_the_reports() {
    let (_dir, service) = TempIndex::bundled();
    let search = |role: Role| {
        service
            .search(&SearchRequest {
                q: "diperlihatkan".into(),
                filters: Filters {
                    roles: vec![role],
                    ..Filters::default()
                },
                limit: 50,
                offset: 0,
                ..Default::default()
            })
            .unwrap()
    };
    let termohon = search(Role::Termohon);
    let answer = termohon
        .hits
        .iter()
        .find(|h| {
            h.document.doc_type == DocType::News
                && h.passage
                    .passage
                    .text
                    .starts_with("\"Secara prinsip bisa diperlihatkan")
        })
        .expect("the KPU representative's answer in the report");
    let quote = &answer.passage.passage.attributions[0];
    assert_eq!(quote.mode, risalah_engine::model::AttributionMode::Quote);
    assert_eq!(
        (quote.role, quote.descriptor.as_deref()),
        (Some(Role::Termohon), Some("perwakilan KPU"))
    );
    let majelis = search(Role::Majelis);
    assert!(
        majelis.hits.iter().all(|h| !h
            .passage
            .passage
            .text
            .contains("Secara prinsip bisa diperlihatkan")),
        "{:?}",
        majelis
            .hits
            .iter()
            .map(|h| &h.passage.passage.text)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_mode_filter_keeps_quotes_or_reported_speech_and_with_a_role_the_same_attribution() {
    use risalah_engine::model::AttributionMode;
    let (_dir, service) = TempIndex::bundled();
    let search = |q: &str| {
        service
            .search(&SearchRequest {
                q: q.into(),
                filters: Filters::default(),
                limit: 100,
                offset: 0,
                ..Default::default()
            })
            .unwrap()
    };
    let has = |h: &risalah_engine::search::Hit, mode: AttributionMode, role: Option<Role>| {
        h.passage
            .passage
            .attributions
            .iter()
            .any(|a| a.mode == mode && role.is_none_or(|r| a.role == Some(r)))
    };
    for mode in [AttributionMode::Quote, AttributionMode::Paraphrase] {
        let r = search(&format!("mode:{} type:news", mode.as_str()));
        assert!(!r.hits.is_empty(), "{mode:?}");
        assert!(r.hits.iter().all(|h| has(h, mode, None)), "{mode:?}");
    }
    // A paragraph that paraphrases the respondent and quotes someone else
    // is not a respondent's quote.
    let quotes = search("mode:quote role:termohon");
    assert!(!quotes.hits.is_empty());
    assert!(quotes
        .hits
        .iter()
        .all(|h| has(h, AttributionMode::Quote, Some(Role::Termohon))));
    let by_role = search("role:termohon type:news");
    assert!(
        by_role.total > quotes.total,
        "the mode narrows the role filter"
    );
    assert!(matches!(
        service.search(&SearchRequest {
            q: "mode:kutipan".into(),
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            ..Default::default()
        }),
        Err(SearchError::Query(QueryError::UnknownName(_)))
    ));
}

#[test]
fn a_word_that_names_the_role_filter_is_met_by_the_filter() {
    let t = TempIndex::empty();
    let line = |turn: u32, role: &str, text: &str| {
        format!("{{\"doc_id\":\"sintetis-peran\",\"title\":\"Sintetis\",\"commission\":\"Komisi Informasi Provinsi Nusa Contoh\",\"date\":\"2099-01-02\",\"turn\":{turn},\"speaker\":\"Penutur {role} Fiktif\",\"role\":\"{role}\",\"text\":\"{text}\"}}\n")
    };
    let corpus = [
        line(
            1,
            "majelis",
            "Majelis majelis meminta para pihak tertib, majelis mencatat kehadiran.",
        ),
        line(
            2,
            "majelis",
            "Apakah kontrak itu sudah diuji konsekuensinya?",
        ),
        line(3, "termohon", "Kontrak itu menurut majelis belum diuji."),
    ]
    .concat();
    t.write("sidang.jsonl", &corpus);
    assert_eq!(t.build().rejected_files, 0);
    let hits = t.search("majelis kontrak role:majelis");
    let first = &hits.hits[0].passage.passage.text;
    assert!(
        first.starts_with("Apakah kontrak"),
        "what the panel said of the contract first: {first}"
    );
    assert!(
        hits.hits
            .iter()
            .all(|h| h.passage.passage.role == Some(risalah_engine::model::Role::Majelis)),
        "the filter still holds"
    );
}

#[test]
fn by_relevance_each_document_is_listed_once_with_its_next_best_passages() {
    let t = built();
    let flat = t.search("dokumen");
    assert!(flat.documents.is_none(), "a flat list counts no documents");
    let mut first_seen: Vec<String> = Vec::new();
    for hit in &flat.hits {
        if !first_seen.contains(&hit.passage.doc_id) {
            first_seen.push(hit.passage.doc_id.clone());
        }
    }
    assert!(
        first_seen.len() < flat.hits.len(),
        "the fixture has a document with several matching passages"
    );
    let grouped = t.search_grouped("dokumen", 100, 0);
    assert_eq!(grouped.total, flat.total, "the passage count stays");
    assert_eq!(grouped.documents, Some(first_seen.len()));
    let order: Vec<String> = grouped
        .hits
        .iter()
        .map(|h| h.passage.doc_id.clone())
        .collect();
    assert_eq!(order, first_seen, "each document at the place of its best");
    for hit in &grouped.hits {
        let same: Vec<&str> = flat
            .hits
            .iter()
            .filter(|h| h.passage.doc_id == hit.passage.doc_id)
            .map(|h| h.passage.id.as_str())
            .collect();
        assert_eq!(same[0], hit.passage.id, "its best passage leads");
        assert_eq!(hit.more, same.len() - 1, "{}", hit.passage.doc_id);
        let also: Vec<&str> = hit.also.iter().map(|a| a.passage.id.as_str()).collect();
        assert_eq!(also, same[1..same.len().min(4)], "the next best, in order");
        assert!(hit.also.iter().all(|a| !a.snippet.pieces.is_empty()));
    }
}

#[test]
fn pages_of_documents_follow_one_another() {
    let t = built();
    let all = t.search_grouped("dokumen", 100, 0);
    let listed = all.documents.unwrap_or(0);
    assert!(listed >= 2, "{listed}");
    let paged: Vec<String> = (0..listed)
        .flat_map(|at| ids(&t.search_grouped("dokumen", 1, at)))
        .collect();
    assert_eq!(paged, ids(&all));
    assert!(t.search_grouped("dokumen", 1, listed).hits.is_empty());
}

#[test]
fn an_order_by_date_lists_every_passage() {
    let t = built();
    let service = t.service();
    let newest = service
        .search(&SearchRequest {
            q: "dokumen".into(),
            limit: 100,
            sort: risalah_engine::search::Sort::Newest,
            ..Default::default()
        })
        .unwrap();
    assert!(newest.documents.is_none());
    assert_eq!(newest.hits.len(), newest.total);
    assert!(newest.hits.iter().all(|h| h.also.is_empty() && h.more == 0));
}

#[test]
fn a_phrase_found_in_few_documents_is_followed_by_close_matches() {
    let t = built();
    let none = t.search_grouped("\"anggaran dokumen\"", 10, 0);
    assert_eq!(none.total, 0, "the words never stand in this order");
    assert!(!none.nearby.is_empty(), "but stand apart in some documents");
    assert!(none
        .nearby
        .iter()
        .all(|h| h.snippet.pieces.iter().any(|p| p.highlighted)));

    let few = t.search_grouped("\"uji konsekuensi\" dokumen", 10, 0);
    let found: Vec<&str> = few.hits.iter().map(|h| h.passage.doc_id.as_str()).collect();
    assert_eq!(
        found,
        ["sintetis-sidang-a"],
        "the phrase is in one document"
    );
    assert_eq!(few.total, t.search("\"uji konsekuensi\" dokumen").total);
    let near: Vec<&str> = few
        .nearby
        .iter()
        .map(|h| h.passage.doc_id.as_str())
        .collect();
    assert!(!near.is_empty());
    assert!(
        near.iter().all(|d| !found.contains(d)),
        "a document found is not repeated: {near:?}"
    );
    let mut distinct = near.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), near.len(), "each close document once");
    assert!(few.hits.len() + few.nearby.len() <= 10);

    assert!(
        t.search("\"anggaran dokumen\"").nearby.is_empty(),
        "not in a flat list"
    );
    assert!(
        t.search_grouped("\"anggaran dokumen\"", 10, 1)
            .nearby
            .is_empty(),
        "first page only"
    );
    assert!(
        t.search_grouped("dokumen", 10, 0).nearby.is_empty(),
        "no phrase, none"
    );
}
