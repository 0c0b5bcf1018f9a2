//! Citations a reference manager files correctly: a report under its
//! outlet, a hearing or a decision under its commission, whoever speaks in
//! a note, in both languages; BibTeX and RIS checked by parsers.

use crate::util::TempIndex;
use risalah_web::api::PassageViewJson;
use risalah_web::citation::Citations;
use risalah_web::i18n::Lang;
use risalah_web::permalink::PublicUrl;

const HEARING: &str = "---\nid: sit-sidang\ntype: transcript\ntitle: Sidang sintetis kutipan\ncommission: Komisi Informasi Provinsi Contoh\ncase: 041/IX/KI-CONTOH-PS/2099\ndate: 2099-09-14\nroster:\n- Dewi Lestari Contoh | majelis | Ketua Majelis Komisioner\n- Agus Rekaan | termohon | Kuasa Termohon\n---\nKETUA MAJELIS (Dewi Lestari Contoh): Apakah dokumen itu dikecualikan?\nKUASA TERMOHON (Agus Rekaan): Sebagian kami kecualikan.\n";

const REPORT: &str = "---\nid: sit-berita\ntype: news\ntitle: Sengketa {kontrak} & anggaran\npublisher: Warta Contoh\nurl: https://warta-contoh.example/2099/09/15/sengketa\ncase: 041/IX/KI-CONTOH-PS/2099\ndate: 2099-09-15\n---\n\"Dokumen itu terbuka,\" kata Ketua Majelis Dewi Lestari Contoh, sementara kuasa termohon Agus Rekaan mengatakan sebagian dokumen dikecualikan.\n";

fn citations(t: &TempIndex, id: &str, lang: Lang) -> Citations {
    let view = t.service().passage(id, 0).unwrap().unwrap();
    PassageViewJson::new(&view, &PublicUrl::new("https://risalah.example"), lang).citations
}

fn built() -> TempIndex {
    let t = TempIndex::empty();
    t.write("sidang.txt", HEARING);
    t.write("berita.txt", REPORT);
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    t
}

/// The RIS record as (tag, value) pairs, checked line by line against the
/// format: `XX  - value`, one `TY` first, one `ER` last.
fn ris_fields(ris: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = ris.split("\r\n").collect();
    assert!(
        lines.first().is_some_and(|l| l.starts_with("TY  - ")),
        "{ris}"
    );
    assert_eq!(lines.last(), Some(&"ER  - "), "{ris}");
    lines
        .iter()
        .map(|l| {
            assert!(
                l.len() >= 6
                    && l.as_bytes()[..2].iter().all(u8::is_ascii_alphanumeric)
                    && &l[2..6] == "  - ",
                "not an RIS line: {l:?}"
            );
            (l[..2].to_string(), l[6..].to_string())
        })
        .collect()
}

fn bib_field(bib: &biblatex::Bibliography, field: &str) -> String {
    let entry = bib.iter().next().unwrap();
    entry
        .fields
        .get(field)
        .map(|chunks| chunks.iter().map(|c| c.v.get()).collect::<String>())
        .unwrap_or_default()
}

#[test]
fn a_report_is_filed_under_its_outlet_with_everyone_it_quotes() {
    let t = built();
    let c = citations(&t, "sit-berita/p1", Lang::Id);
    assert!(
        c.plain
            .starts_with("Warta Contoh. (2099-09-15). \"Sengketa {kontrak} & anggaran\""),
        "{}",
        c.plain
    );
    assert!(
        c.plain.contains("Mengutip Dewi Lestari Contoh (majelis)"),
        "{}",
        c.plain
    );
    assert!(
        c.plain.contains("memparafrasekan Agus Rekaan (termohon)"),
        "{}",
        c.plain
    );
    assert!(
        c.plain.contains("perkara 041/IX/KI-CONTOH-PS/2099"),
        "{}",
        c.plain
    );
    assert!(
        c.plain.contains("https://risalah.example/p/sit-berita/p1"),
        "{}",
        c.plain
    );
    assert!(
        c.plain
            .contains("(sumber: https://warta-contoh.example/2099/09/15/sengketa)"),
        "{}",
        c.plain
    );

    let bib = biblatex::Bibliography::parse(&c.bibtex)
        .unwrap_or_else(|e| panic!("the BibTeX does not parse: {e:?}\n{}", c.bibtex));
    assert_eq!(bib.len(), 1);
    assert!(
        c.bibtex.starts_with("@article{sit_berita_p1,"),
        "{}",
        c.bibtex
    );
    assert_eq!(bib_field(&bib, "author"), "Warta Contoh", "{}", c.bibtex);
    assert_eq!(bib_field(&bib, "journal"), "Warta Contoh");
    assert!(bib_field(&bib, "title").contains("kontrak"), "{}", c.bibtex);
    assert!(
        bib_field(&bib, "note").contains("Agus Rekaan (termohon)"),
        "{}",
        c.bibtex
    );
    assert!(
        c.bibtex
            .contains("url = {https://warta-contoh.example/2099/09/15/sengketa}"),
        "{}",
        c.bibtex
    );

    let ris = ris_fields(&c.ris);
    let get = |tag: &str| -> Vec<&str> {
        ris.iter()
            .filter(|(t, _)| t == tag)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert_eq!(get("TY"), vec!["NEWS"]);
    assert_eq!(
        get("AU"),
        vec!["Warta Contoh"],
        "the outlet, not a quoted person"
    );
    assert_eq!(get("T2"), vec!["Warta Contoh"]);
    assert_eq!(
        get("UR"),
        vec![
            "https://warta-contoh.example/2099/09/15/sengketa",
            "https://risalah.example/p/sit-berita/p1"
        ]
    );
    assert!(get("N1")[0].contains("Dewi Lestari Contoh (majelis)"));

    assert_eq!(c.csl_json["type"], "article-newspaper");
    assert_eq!(c.csl_json["author"][0]["literal"], "Warta Contoh");
    assert_eq!(c.csl_json["container-title"], "Warta Contoh");
    assert_eq!(
        c.csl_json["URL"],
        "https://warta-contoh.example/2099/09/15/sengketa"
    );
    assert_eq!(c.csl_json["issued"]["date-parts"][0][2], 15);

    let english = citations(&t, "sit-berita/p1", Lang::En);
    assert!(
        english
            .plain
            .contains("Quoting Dewi Lestari Contoh (panel)"),
        "{}",
        english.plain
    );
    assert!(
        english
            .plain
            .contains("paraphrasing Agus Rekaan (respondent)"),
        "{}",
        english.plain
    );
    assert!(
        english.plain.contains("case 041/IX/KI-CONTOH-PS/2099"),
        "{}",
        english.plain
    );
    assert!(
        !english.plain.contains("perkara") && !english.plain.contains("Mengutip"),
        "one language: {}",
        english.plain
    );
}

#[test]
fn a_hearing_is_filed_under_its_commission_with_the_speaker_in_a_note() {
    let t = built();
    let c = citations(&t, "sit-sidang/t2", Lang::Id);
    assert!(
        c.plain.starts_with("Komisi Informasi Provinsi Contoh. (2099-09-14). \"Sidang sintetis kutipan\". Risalah sidang, perkara 041/IX/KI-CONTOH-PS/2099. Penutur: Agus Rekaan (termohon). Bagian sit-sidang/t2."),
        "{}",
        c.plain
    );
    let bib = biblatex::Bibliography::parse(&c.bibtex).unwrap();
    assert!(c.bibtex.starts_with("@misc{"), "{}", c.bibtex);
    assert_eq!(
        bib_field(&bib, "author"),
        "Komisi Informasi Provinsi Contoh"
    );
    assert_eq!(bib_field(&bib, "number"), "041/IX/KI-CONTOH-PS/2099");
    assert!(
        bib_field(&bib, "note").starts_with("Penutur: Agus Rekaan (termohon)"),
        "{}",
        c.bibtex
    );
    let ris = ris_fields(&c.ris);
    assert!(ris.contains(&("TY".to_string(), "HEAR".to_string())));
    assert!(ris.contains(&(
        "AU".to_string(),
        "Komisi Informasi Provinsi Contoh".to_string()
    )));
    assert!(ris.contains(&("M1".to_string(), "041/IX/KI-CONTOH-PS/2099".to_string())));
    assert_eq!(c.csl_json["type"], "hearing");
    assert_eq!(c.csl_json["authority"], "Komisi Informasi Provinsi Contoh");
    assert_eq!(
        c.csl_json["URL"], "https://risalah.example/p/sit-sidang/t2",
        "no source URL: the permalink"
    );
    let english = citations(&t, "sit-sidang/t2", Lang::En);
    assert!(english.plain.contains("Hearing transcript, case 041/IX/KI-CONTOH-PS/2099. Speaker: Agus Rekaan (respondent). Passage sit-sidang/t2."), "{}", english.plain);
}

/// Checks one CSL-JSON item against the CSL 1.0.2 data model as
/// citationberg (the Typst project's CSL library) reads it: a known item
/// type, every key a CSL variable, names as name objects, dates as dates,
/// every other variable a string or a number.
fn assert_valid_csl(item: &serde_json::Value) {
    use citationberg::json::{Item, Value};
    use citationberg::taxonomy::{Kind, Variable};
    let parsed: Vec<Item> = serde_json::from_value(serde_json::json!([item]))
        .unwrap_or_else(|e| panic!("not CSL-JSON: {e}: {item}"));
    let fields = &parsed[0].0;
    let kind = parsed[0].type_().expect("a type");
    assert!(kind.parse::<Kind>().is_ok(), "no CSL type {kind:?}");
    assert!(parsed[0].id().is_some_and(|id| !id.is_empty()), "{item}");
    for (key, value) in fields {
        if key == "id" || key == "type" {
            continue;
        }
        let variable: Variable = serde_json::from_value(serde_json::json!(key))
            .unwrap_or_else(|_| panic!("`{key}` is no CSL variable: {item}"));
        match (variable, value) {
            (Variable::Name(_), Value::Names(names)) => assert!(!names.is_empty(), "{key}"),
            (Variable::Date(_), Value::Date(_)) => {}
            (
                Variable::Standard(_) | Variable::Number(_) | Variable::Page(_),
                Value::String(_) | Value::Number(_),
            ) => {}
            _ => panic!("`{key}` holds the wrong kind of value: {item}"),
        }
    }
}

#[test]
fn every_csl_json_citation_is_valid_csl_data() {
    let t = built();
    for decision in [
        "putusan-nc-021-2099.txt",
        "berita-nc-2099-09-16-izin-lingkungan.txt",
    ] {
        let text =
            std::fs::read_to_string(crate::util::fixture("decisions").join(decision)).unwrap();
        t.write(decision, &text);
    }
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    let service = t.service();
    let mut types = std::collections::BTreeSet::new();
    for entry in &service.catalog().unwrap().documents {
        let view = service.document(&entry.meta.id).unwrap().unwrap();
        for p in view.passages.iter().take(3) {
            for lang in [Lang::Id, Lang::En] {
                let c = citations(&t, &p.id, lang);
                assert_valid_csl(&c.csl_json);
                types.insert(c.csl_json["type"].as_str().unwrap().to_string());
            }
        }
    }
    // News, a hearing and a decision were all checked.
    assert!(types.len() >= 3, "{types:?}");
    // The check has teeth: an unknown type, an unknown variable, a name
    // given as a string each fail it.
    for bad in [
        serde_json::json!({"id": "x", "type": "newspaper"}),
        serde_json::json!({"id": "x", "type": "hearing", "speaker": "A"}),
        serde_json::json!({"id": "x", "type": "hearing", "author": "A"}),
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_valid_csl(&bad)).is_err(),
            "{bad}"
        );
    }
}
