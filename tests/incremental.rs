//! Incremental indexing attributes exactly what a rebuild would: a news
//! report takes roles from the roster of its case's hearing, whether the
//! report, the hearing, or neither was re-read this run. `check` (the
//! pipeline without the index) agrees with both.

use crate::util::TempIndex;
use risalah_engine::model::{Attribution, Role};
use risalah_engine::pipeline;
use std::collections::BTreeMap;

const CASE: &str = "077/VII/KI-CONTOH-PS/2099";

fn hearing(roster: &str) -> String {
    format!(
        "---\nid: sintetis-inkremental-sidang\ntype: transcript\ntitle: Sidang sintetis inkremental\ncommission: Komisi Informasi Provinsi Contoh\ncase: {CASE}\ndate: 2099-07-01\nroster:\n{roster}---\nKETUA MAJELIS: Sidang dibuka.\n"
    )
}

fn report(paragraphs: &str) -> String {
    format!(
        "---\nid: sintetis-inkremental-berita\ntype: news\ntitle: Berita sintetis inkremental\npublisher: Warta Contoh\ndate: 2099-07-02\ncase: {CASE}\n---\n{paragraphs}"
    )
}

const FIRST_REPORT: &str =
    "\"Dokumen itu sedang kami susun,\" kata Yudi Rekaan.\n\"Kami minta salinannya,\" ujar Sari Fiktif.\n";
const ROSTER: &str =
    "- Yudi Rekaan | termohon | PPID Dinas Rekaan\n- Sari Fiktif | pemohon | Pemohon\n";

/// Every passage's attributions, by passage id, as the index holds them.
fn indexed(t: &TempIndex) -> BTreeMap<String, Vec<Attribution>> {
    let service = t.service();
    let mut out = BTreeMap::new();
    for id in ["sintetis-inkremental-berita", "sintetis-inkremental-sidang"] {
        if let Some(doc) = service.document(id).unwrap() {
            for p in doc.passages {
                out.insert(p.id, p.passage.attributions);
            }
        }
    }
    out
}

/// The same, as `check` reads the corpus.
fn checked(t: &TempIndex) -> BTreeMap<String, Vec<Attribution>> {
    let report = pipeline::read_corpus(&t.corpus()).unwrap();
    report
        .files
        .iter()
        .flat_map(|f| &f.documents)
        .flat_map(|d| {
            d.passages
                .iter()
                .map(|p| (d.passage_id(p.position), p.attributions.clone()))
        })
        .collect()
}

/// The roles of the report's attributions, in order.
fn roles(attributions: &BTreeMap<String, Vec<Attribution>>) -> Vec<(String, Option<String>)> {
    attributions
        .iter()
        .filter(|(id, _)| id.starts_with("sintetis-inkremental-berita/"))
        .flat_map(|(_, a)| a.iter())
        .map(|a| {
            (
                a.speaker.clone().unwrap_or_default(),
                a.role.map(|r| r.as_str().to_string()),
            )
        })
        .collect()
}

/// Asserts that the incremental index equals a rebuild of the same corpus
/// and what `check` reads; returns the attributions.
fn assert_as_rebuilt(t: &TempIndex) -> BTreeMap<String, Vec<Attribution>> {
    let incremental = indexed(t);
    assert_eq!(incremental, checked(t), "check and index disagree");
    let rebuilt = TempIndex::empty();
    for entry in std::fs::read_dir(t.corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, rebuilt.corpus().join(path.file_name().unwrap())).unwrap();
    }
    rebuilt.build_with(true);
    assert_eq!(
        incremental,
        indexed(&rebuilt),
        "incremental and rebuilt disagree"
    );
    incremental
}

#[test]
fn a_changed_report_keeps_the_roles_of_its_unchanged_hearing() {
    let t = TempIndex::empty();
    t.write("sidang.txt", &hearing(ROSTER));
    t.write("berita.txt", &report(FIRST_REPORT));
    t.build();
    assert_eq!(
        roles(&assert_as_rebuilt(&t)),
        [
            ("Yudi Rekaan".into(), Some("termohon".into())),
            ("Sari Fiktif".into(), Some("pemohon".into()))
        ]
    );

    // The report changes; the hearing is not re-read.
    t.write(
        "berita.txt",
        &report(&format!(
            "{FIRST_REPORT}\"Salinan diserahkan pekan depan,\" tegas Yudi Rekaan.\n"
        )),
    );
    let run = t.build();
    assert_eq!((run.files_read, run.files_unchanged), (1, 1));
    let after = assert_as_rebuilt(&t);
    assert_eq!(
        roles(&after).last(),
        Some(&("Yudi Rekaan".to_string(), Some("termohon".to_string()))),
        "the new quote takes the role the hearing's roster gives"
    );
}

#[test]
fn a_changed_roster_reattributes_the_unchanged_report() {
    let t = TempIndex::empty();
    t.write("sidang.txt", &hearing(ROSTER));
    t.write("berita.txt", &report(FIRST_REPORT));
    t.build();

    // The hearing's roster is corrected: Sari Fiktif is the panel's clerk.
    t.write(
        "sidang.txt",
        &hearing("- Yudi Rekaan | termohon | PPID Dinas Rekaan\n- Sari Fiktif | panitera | Panitera Pengganti\n"),
    );
    let run = t.build();
    assert_eq!(run.files_reattributed, 1, "the report is attributed again");
    assert_eq!(
        roles(&assert_as_rebuilt(&t)),
        [
            ("Yudi Rekaan".into(), Some("termohon".into())),
            ("Sari Fiktif".into(), Some("panitera".into()))
        ]
    );

    // Nothing changed: nothing is read again.
    let quiet = t.build();
    assert_eq!((quiet.files_read, quiet.committed), (0, false));
}

#[test]
fn a_hearing_added_or_removed_later_changes_the_report_it_links_to() {
    let t = TempIndex::empty();
    t.write("berita.txt", &report(FIRST_REPORT));
    t.build();
    assert_eq!(
        roles(&assert_as_rebuilt(&t)),
        [("Yudi Rekaan".into(), None), ("Sari Fiktif".into(), None)],
        "the report alone gives no role"
    );
    t.write("sidang.txt", &hearing(ROSTER));
    assert_eq!(t.build().files_reattributed, 1);
    assert_eq!(
        roles(&assert_as_rebuilt(&t)),
        [
            ("Yudi Rekaan".into(), Some("termohon".into())),
            ("Sari Fiktif".into(), Some("pemohon".into()))
        ]
    );
    std::fs::remove_file(t.corpus().join("sidang.txt")).unwrap();
    let run = t.build();
    assert_eq!((run.files_removed, run.files_reattributed), (1, 1));
    assert_eq!(
        roles(&assert_as_rebuilt(&t)),
        [("Yudi Rekaan".into(), None), ("Sari Fiktif".into(), None)]
    );
}

/// A JSONL file is indexed from an outline, then read again document by
/// document: what it holds must be exactly what one whole reading gives.
#[test]
fn a_jsonl_file_written_document_by_document_holds_what_it_says() {
    let t = TempIndex::empty();
    let lines = [
        // Two hearings interleaved, one counting from turn 0.
        r#"{"doc_id":"jl-a","title":"Sidang sintetis A","commission":"Komisi Informasi Provinsi Contoh","case":"021/I/KI-CONTOH-PS/2099","date":"2099-01","speaker":"Dewi Lestari Contoh","role":"majelis","turn":0,"text":"Sidang dibuka."}"#,
        r#"{"doc_id":"jl-b","title":"Sidang sintetis B","date":"2099-02-02","speaker":"Budi Fiktif","role":"pemohon","text":"Kami meminta dokumen hibah."}"#,
        r#"{"doc_id":"jl-a","speaker":"Agus Rekaan","role":"termohon","turn":2,"text":"Dokumen anggaran kami kecualikan."}"#,
        r#"not json"#,
        r#"{"doc_id":"jl-a","speaker":"Agus Rekaan","role":"termohon","turn":1,"text":"Kami hadir, Majelis."}"#,
        r#"{"doc_id":"jl-b","speaker":"Budi Fiktif","role":"pemohon","text":"Terima kasih."}"#,
        // A report of case 021, attributed with hearing A's roster.
        r#"{"doc_id":"jl-news","doc_type":"news","title":"Berita sintetis","publisher":"Warta Contoh","case":"021/I/KI-CONTOH-PS/2099","date":"2099-01-20","text":"\"Dokumen itu terbuka,\" kata Dewi Lestari Contoh."}"#,
        r#"{"doc_id":"jl-a","speaker":"Dewi Lestari Contoh","role":"majelis","turn":3,"text":"Sidang ditutup."}"#,
    ];
    t.write("bulk.jsonl", &lines.join("\n"));
    // The same id in a second file is refused there, and only there.
    t.write(
        "zz-dup.jsonl",
        r#"{"doc_id":"jl-b","title":"Duplikat","text":"Tidak boleh masuk."}"#,
    );
    let report = t.build();
    assert_eq!(report.documents, 3, "{:?}", report.problems);
    assert_eq!(report.passages, 7, "{:?}", report.problems);
    let all: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(all.iter().any(|p| p.contains("bulk.jsonl:4:")), "{all:?}");
    assert!(
        all.iter()
            .any(|p| p.contains("zz-dup.jsonl:1:") && p.contains("duplicate document id `jl-b`")),
        "{all:?}"
    );

    let s = t.service();
    let a = s.document("jl-a").unwrap().unwrap();
    let ids: Vec<&str> = a.passages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["jl-a/t1", "jl-a/t2", "jl-a/t3", "jl-a/t4"],
        "turn 0 counts as 1, in order"
    );
    assert_eq!(
        a.passages[2].passage.text,
        "Dokumen anggaran kami kecualikan."
    );
    let b = s.document("jl-b").unwrap().unwrap();
    assert_eq!(b.passages.len(), 2);
    assert!(!b
        .passages
        .iter()
        .any(|p| p.passage.text.contains("Tidak boleh")));
    let news = s.document("jl-news").unwrap().unwrap();
    let who: Vec<_> = news.passages[0]
        .passage
        .attributions
        .iter()
        .map(|a| (a.who().map(str::to_string), a.role))
        .collect();
    assert_eq!(
        who,
        vec![(Some("Dewi Lestari Contoh".to_string()), Some(Role::Majelis))]
    );
    assert_eq!(t.search_json("hibah").len(), 1);

    // Built again (files with rejected lines are read every time), the
    // same documents and passages.
    let again = t.build();
    assert_eq!((again.documents, again.passages), (3, 7));
    assert_eq!(
        t.service()
            .document("jl-a")
            .unwrap()
            .unwrap()
            .passages
            .len(),
        4
    );
}

/// An index made by an older risalah (another schema) is replaced by a
/// build, and `serve`'s freshness check calls it stale rather than failing;
/// other files of the index directory stay.
#[test]
fn an_index_of_another_schema_is_rebuilt_in_place() {
    use risalah_engine::index::build::{self, Freshness};
    let t = TempIndex::from_fixture("search");
    let dir = t.index_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut old = tantivy::schema::Schema::builder();
    let text = old.add_text_field("text", tantivy::schema::TEXT | tantivy::schema::STORED);
    let index = tantivy::Index::create_in_dir(&dir, old.build()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    writer
        .add_document(tantivy::doc!(text => "a record of an older schema"))
        .unwrap();
    writer.commit().unwrap();
    drop(writer);
    std::fs::write(dir.join("README.md"), "kept").unwrap();

    assert!(matches!(
        build::freshness(&dir, &t.corpus()).unwrap(),
        Freshness::Stale(reason) if reason.contains("another version")
    ));
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    assert!(report.passages > 0);
    assert!(!t.search_json("dokumen").is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.join("README.md")).unwrap(),
        "kept"
    );
    assert!(matches!(
        build::freshness(&dir, &t.corpus()).unwrap(),
        Freshness::Fresh
    ));
}
