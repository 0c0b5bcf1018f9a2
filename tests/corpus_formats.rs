//! Every transcript label form, the news and JSONL formats, and every error case
//! of the corpus parsers, on small synthetic inputs (fictional names and cases).

use risalah_engine::corpus::{self, labels::LabelTable, ParsedFile};
use risalah_engine::model::{PassageKind, Role};
use std::path::Path;

const HEADER: &str = "---\nid: sintetis-001\ntype: transcript\ntitle: Sidang sintetis\ncommission: Komisi Informasi Provinsi Contoh\ncase: 001/I/KI-CONTOH-PS/2099\ndate: 2099-01-15\nroster:\n- Dewi Lestari Contoh | majelis | Ketua Majelis Komisioner\n- Budi Fiktif | pemohon | Pemohon\n- Sari Rekaan | panitera | Panitera Pengganti\n---\n";

fn parse_as(name: &str, text: &str) -> ParsedFile {
    corpus::parse_bytes(Path::new(name), text.as_bytes(), &LabelTable::default())
}

fn transcript(body: &str) -> ParsedFile {
    parse_as("sintetis.txt", &format!("{HEADER}{body}"))
}

fn turns(file: &ParsedFile) -> Vec<(Option<String>, Option<Role>, String)> {
    file.documents[0]
        .passages
        .iter()
        .map(|p| (p.speaker.clone(), p.role, p.text.clone()))
        .collect()
}

fn reasons(file: &ParsedFile) -> Vec<String> {
    file.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn every_label_form_resolves() {
    let file = transcript(
        "KETUA MAJELIS: Sidang dibuka.\n\
         Ketua Majelis (Dewi Lestari Contoh): Silakan pemohon.\n\
         KUASA PEMOHON (Andi Kuasa): Terima kasih, Majelis.\n\
         Budi Fiktif: Saya pemohon.\n\
         kuasa termohon: Kami keberatan.\n\
         [00:12:31] PANITERA PENGGANTI: Para pihak hadir.\n\
         ANGGOTA MAJELIS: Pertanyaan saya: apakah dokumen ada?\n\
         SAKSI (Rudi Saksi): Ada.\n\
         AHLI: Menurut saya terbuka.\n\
         PIHAK TERKAIT: Kami hadir.\n\
         KOMISIONER: Baik.\n\
         MAJELIS: Cukup.\n",
    );
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let got = turns(&file);
    let roles: Vec<Role> = got.iter().map(|t| t.1.unwrap()).collect();
    assert_eq!(
        roles,
        vec![
            Role::Majelis,
            Role::Majelis,
            Role::Pemohon,
            Role::Pemohon,
            Role::Termohon,
            Role::Panitera,
            Role::Majelis,
            Role::Saksi,
            Role::Ahli,
            Role::PihakTerkait,
            Role::Majelis,
            Role::Majelis,
        ]
    );
    assert_eq!(got[1].0.as_deref(), Some("Dewi Lestari Contoh"));
    assert_eq!(got[2].0.as_deref(), Some("Andi Kuasa"));
    assert_eq!(got[3].0.as_deref(), Some("Budi Fiktif"));
    assert_eq!(
        got[5].0.as_deref(),
        Some("Sari Rekaan"),
        "the only panitera in the roster"
    );
    assert_eq!(got[6].2, "Pertanyaan saya: apakah dokumen ada?");
    assert_eq!(
        file.documents[0].passages[5].timestamp.as_deref(),
        Some("00:12:31")
    );
}

#[test]
fn a_turn_runs_until_the_next_label_and_notes_are_kept_apart() {
    let file = transcript(
        "KETUA MAJELIS: Baik.\nLanjutkan pada baris berikutnya.\n\nMasih giliran yang sama.\n(sidang diskors)\nPEMOHON: Terima kasih.\n",
    );
    let doc = &file.documents[0];
    assert_eq!(doc.passages.len(), 3);
    assert_eq!(
        doc.passages[0].text,
        "Baik.\nLanjutkan pada baris berikutnya.\nMasih giliran yang sama."
    );
    assert_eq!(doc.passages[1].kind, PassageKind::Note);
    assert_eq!(doc.passages[1].text, "(sidang diskors)");
    assert_eq!(doc.passages[1].role, None);
    assert_eq!(doc.passages[2].line, 18);
}

#[test]
fn numbered_risalah_form_with_names_in_capitals() {
    let file = transcript(
        "1. KETUA: DEWI LESTARI CONTOH Bismillahirrahmanirrahim. Sidang dibuka.\n\
         2. KUASA HUKUM PEMOHON: ANDI KUASA Selamat pagi, Yang Mulia.\n",
    );
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let got = turns(&file);
    assert_eq!(
        got[0],
        (
            Some("Dewi Lestari Contoh".into()),
            Some(Role::Majelis),
            "Bismillahirrahmanirrahim. Sidang dibuka.".into()
        )
    );
    assert_eq!(
        got[1],
        (
            Some("Andi Kuasa".into()),
            Some(Role::Pemohon),
            "Selamat pagi, Yang Mulia.".into()
        )
    );
}

#[test]
fn numbered_turns_run_together_on_one_line_are_split() {
    let file = transcript(
        "1. KETUA: DEWI LESTARI CONTOH Sidang Perkara Nomor 1 dibuka. 2. KUASA HUKUM PEMOHON: ANDI KUASA Terima kasih, Pasal 2. Ayat 3 kami rujuk. 3. HAKIM ANGGOTA: RAHMAT KARANGAN Cukup.\n",
    );
    let got = turns(&file);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].2, "Sidang Perkara Nomor 1 dibuka.");
    assert_eq!(got[1].0.as_deref(), Some("Andi Kuasa"));
    assert_eq!(got[1].2, "Terima kasih, Pasal 2. Ayat 3 kami rujuk.");
    assert_eq!(got[2].1, Some(Role::Majelis));
    assert_eq!(got[2].2, "Cukup.");
}

#[test]
fn a_labels_tsv_extends_the_table() {
    let mut labels = LabelTable::default();
    labels.extend_from_tsv("NOTULIS\tpanitera\n");
    let text = format!("{HEADER}NOTULIS: Dicatat.\n");
    let file = corpus::parse_bytes(Path::new("x.txt"), text.as_bytes(), &labels);
    assert!(file.problems.is_empty());
    assert_eq!(file.documents[0].passages[0].role, Some(Role::Panitera));
}

#[test]
fn an_unknown_label_is_lainnya_with_a_warning() {
    let file = transcript("KETUA MAJELIS: Silakan.\nNOTULIS: Dicatat.\n");
    assert_eq!(file.documents[0].passages[1].role, Some(Role::Lainnya));
    assert_eq!(reasons(&file), vec!["sintetis.txt:14: warning: label `NOTULIS` resolves to no role; recorded as lainnya (add it to labels.tsv or the roster)"]);
    assert!(!file.has_errors());
}

#[test]
fn news_paragraphs_drop_boilerplate() {
    let text = "---\nid: berita-sintetis\ntype: news\ntitle: Judul\npublisher: Warta Contoh\ndate: 2099-02-01\n---\nSenin, 1 Februari 2099 - 10:00 WIB\nloading...\nParagraf pertama.\nBaca Juga: Judul lain\n\"Kutipan,\" kata Budi Fiktif.\n(abc)\nBerita Terkait\nTautan lain\n";
    let file = parse_as("berita.txt", text);
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let texts: Vec<&str> = file.documents[0]
        .passages
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec!["Paragraf pertama.", "\"Kutipan,\" kata Budi Fiktif."]
    );
    assert_eq!(file.documents[0].passages[1].line, 12);
}

#[test]
fn jsonl_lines_are_grouped_into_documents() {
    let text = concat!(
        r#"{"doc_id":"sid-0000012","doc_type":"transcript","case":"041/IX/KIP-PS-A/2099","date":"2099-09-14","speaker":"Ratna Contoh","role":"majelis","turn":2,"text":"Kedua."}"#,
        "\n",
        r#"{"doc_id":"sid-0000012","speaker":"Agus Contoh","role":"KUASA TERMOHON","turn":1,"text":"Pertama."}"#,
        "\n",
        "\n",
        r#"{"doc_id":"sid-0000013","doc_type":"news","title":"Berita","text":"Paragraf."}"#,
        "\n",
    );
    let file = parse_as("bulk.jsonl", text);
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    assert_eq!(file.documents.len(), 2);
    let doc = &file.documents[0];
    assert_eq!(doc.passages[0].text, "Pertama.");
    assert_eq!(doc.passages[0].role, Some(Role::Termohon));
    assert_eq!(doc.passage_id(2), "sid-0000012/t2");
    assert_eq!(file.documents[1].passage_id(1), "sid-0000013/p1");
}

#[test]
fn jsonl_bad_lines_are_rejected_one_by_one() {
    let text = concat!(
        r#"{"doc_id":"ok","text":"Baik."}"#,
        "\n",
        r#"{"doc_id":"ok","text":"Baik.","colour":"red"}"#,
        "\n",
        r#"{"doc_id":"ok","text":"  "}"#,
        "\n",
        r#"{"doc_id":"ok","text":"x","date":"2024-13-01"}"#,
        "\n",
        r#"{"doc_id":"ok","text":"x","role":"juru bicara"}"#,
        "\n",
        r#"{"doc_id":"Bad Id","text":"x"}"#,
        "\n",
        "{not json\n",
        r#"{"doc_id":"ok","text":"again","turn":1}"#,
        "\n",
        r#"{"doc_id":"ok","text":"Juga baik."}"#,
        "\n",
    );
    let file = parse_as("bulk.jsonl", text);
    let lines: Vec<u32> = file.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8], "{:?}", reasons(&file));
    assert!(reasons(&file)[0].contains("unknown field `colour`"));
    assert!(reasons(&file)[6].contains("turn 1 appears twice"));
    assert_eq!(file.documents[0].passages.len(), 2, "good lines are kept");
}

#[test]
fn header_errors_name_their_line() {
    let cases: &[(&str, &str)] = &[
        ("", "x.txt:1: empty file"),
        ("Tanpa header.\n", "x.txt:1: missing front matter"),
        ("---\nid: a\n", "x.txt:1: front matter is not closed"),
        ("---\nid: a\ntype: news\ntitle: T\npublisher: P\ndate: 2024-02-30\n---\nIsi.\n", "x.txt:6: bad date `2024-02-30`"),
        ("---\nid: a\ntype: news\ntitle: T\npublisher: P\ndate: 2024-02-03\nwarna: merah\n---\nIsi.\n", "x.txt:7: unknown key `warna`"),
        ("---\nid: a\ntype: news\ntitle: T\npublisher: P\ndate: 2024-02-03\n---\n\n", "x.txt:8: empty body"),
        ("---\nid: a\ntype: news\ntitle: T\ndate: 2024-02-03\n---\nIsi.\n", "x.txt:1: missing required key `publisher`"),
        ("---\nid: a\ntype: memo\n---\nIsi.\n", "x.txt:3: unknown document type `memo`"),
        ("---\nid: A B\ntype: news\n---\nIsi.\n", "x.txt:2: invalid id `A B`"),
        ("---\nid: a\nid: b\n---\n", "x.txt:3: key `id` appears twice"),
        ("---\nid: a\ntype: transcript\nroster:\n- Nama | juru bicara\n---\n", "x.txt:5: roster role `juru bicara` resolves to no role"),
    ];
    for (text, expected) in cases {
        let file = parse_as("x.txt", text);
        assert!(file.has_errors(), "{text:?} should be rejected");
        assert!(file.documents.is_empty());
        let all = reasons(&file);
        assert!(
            all.iter().any(|r| r.starts_with(expected)),
            "{text:?}: expected `{expected}`, got {all:?}"
        );
    }
}

#[test]
fn bytes_that_are_not_text_are_rejected_with_their_line() {
    let file = corpus::parse_bytes(
        Path::new("bin.txt"),
        b"---\nid: a\n\xff\xfe\n",
        &LabelTable::default(),
    );
    assert_eq!(
        reasons(&file),
        vec!["bin.txt:3: invalid UTF-8 at byte 10; save the file as UTF-8"]
    );
    let file = corpus::parse_bytes(Path::new("nul.txt"), b"abc\n\0\0", &LabelTable::default());
    assert!(reasons(&file)[0].starts_with("nul.txt:2: binary content"));
}

#[test]
fn duplicate_ids_across_files_reject_the_later_file() {
    let text = "---\nid: sama\ntype: news\ntitle: T\npublisher: P\ndate: 2024-02-03\n---\nIsi.\n";
    let mut files = vec![parse_as("a.txt", text), parse_as("b.txt", text)];
    risalah_engine::pipeline::reject_duplicate_ids(&mut files, Default::default());
    assert_eq!(files[0].documents.len(), 1);
    assert!(files[1].documents.is_empty());
    assert!(reasons(&files[1])[0].contains("duplicate document id `sama` (already used by a.txt;"));
}

#[test]
fn no_input_makes_the_parser_panic() {
    // A bounded sweep of awkward inputs: truncations of a real header and body at every byte.
    let text = format!("{HEADER}1. KETUA: DEWI LESTARI CONTOH Baik. 2. PEMOHON: BUDI FIKTIF Ya.\n[00:01:02] (catatan)\n");
    for end in 0..=text.len() {
        if text.is_char_boundary(end) {
            let _ = parse_as("t.txt", &text[..end]);
            let _ = parse_as("t.jsonl", &text[..end]);
        }
    }
}

#[test]
fn jsonl_turns_may_count_from_zero_and_blank_fields_are_absent() {
    let text = concat!(
        r#"{"doc_id":"nol","turn":1,"speaker":"Ratna Contoh","role":"majelis","text":"Kedua.","commission":""}"#,
        "\n",
        r#"{"doc_id":"nol","turn":0,"speaker":"","role":"","text":"Catatan.","date":"","case":"  "}"#,
        "\n",
        r#"{"doc_id":"nol","turn":"","speaker":"Agus Contoh","role":"termohon","text":"Ketiga.","timestamp":""}"#,
        "\n",
        r#"{"doc_id":"","text":"tanpa id"}"#,
        "\n",
    );
    let file = parse_as("bulk.jsonl", text);
    assert_eq!(
        reasons(&file),
        vec!["bulk.jsonl:4: missing `doc_id` (required)"]
    );
    let doc = &file.documents[0];
    assert_eq!(
        doc.meta.commission, None,
        "an empty string is no commission"
    );
    assert_eq!(doc.meta.case, None);
    assert_eq!(doc.meta.date, None);
    let got: Vec<(u32, Option<&str>, &str)> = doc
        .passages
        .iter()
        .map(|p| (p.position, p.speaker.as_deref(), p.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, None, "Catatan."),
            (2, Some("Ratna Contoh"), "Kedua."),
            (3, Some("Agus Contoh"), "Ketiga.")
        ],
        "turn 0 counts from 0: ids are the same as counting from 1"
    );
    assert_eq!(doc.passages[0].kind, PassageKind::Note);
    assert_eq!(doc.passages[2].timestamp, None);
}

#[test]
fn jsonl_warnings_of_one_kind_are_summarised() {
    let mut text = String::new();
    for i in 0..500 {
        text.push_str(&format!(
            "{{\"doc_id\":\"banyak\",\"speaker\":\"Pembicara {i}\",\"text\":\"Baris {i}.\"}}\n"
        ));
    }
    let file = parse_as("bulk.jsonl", &text);
    assert_eq!(
        file.documents[0].passages.len(),
        500,
        "warnings lose nothing"
    );
    let all = reasons(&file);
    assert_eq!(all.len(), 21, "{all:?}");
    assert_eq!(
        all[20],
        "bulk.jsonl:1: warning: … and 480 more: a speaker without a role; recorded as lainnya"
    );
}

#[test]
fn a_jsonl_file_is_read_as_a_stream_and_a_bad_line_loses_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aliran.jsonl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"{\"doc_id\":\"aliran\",\"text\":\"Satu.\"}\r\n");
    bytes.extend_from_slice(b"{\"doc_id\":\"aliran\",\"text\":\"Rusak \xff.\"}\n");
    bytes.extend_from_slice(b"{\"doc_id\":\"aliran\",\"text\":\"Nul \x00.\"}\n");
    bytes.extend_from_slice(b"{\"doc_id\":\"aliran\",\"text\":\"Dua.\"}");
    std::fs::write(&path, &bytes).unwrap();
    let file = corpus::parse_path(&path, &LabelTable::default());
    let lines: Vec<u32> = file.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3], "{:?}", file.problems);
    assert!(file.problems[0].reason.contains("invalid UTF-8"));
    assert!(file.problems[1].reason.contains("NUL byte"));
    let texts: Vec<&str> = file.documents[0]
        .passages
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts, vec!["Satu.", "Dua."]);
    let source = corpus::read_source(&path).unwrap();
    assert!(source.bytes.is_none(), "a JSONL file is never held whole");
}

#[test]
fn dates_may_be_a_year_or_a_month_in_every_format() {
    let header = |date: &str| {
        format!("---\nid: a\ntype: news\ntitle: T\npublisher: P\ndate: {date}\n---\nIsi.\n")
    };
    for date in ["2016", "2024-03", "2024-03-27"] {
        let file = parse_as("x.txt", &header(date));
        assert!(file.problems.is_empty(), "{date}: {:?}", reasons(&file));
        assert_eq!(file.documents[0].meta.date.unwrap().to_string(), date);
        let line = format!("{{\"doc_id\":\"a\",\"text\":\"x\",\"date\":\"{date}\"}}\n");
        let file = parse_as("x.jsonl", &line);
        assert!(file.problems.is_empty(), "{date}: {:?}", reasons(&file));
        assert_eq!(file.documents[0].meta.date.unwrap().to_string(), date);
    }
    for bad in ["2016-13", "16", "1850", "2024-02-30"] {
        let file = parse_as("x.txt", &header(bad));
        assert!(
            reasons(&file)[0].starts_with(&format!("x.txt:6: bad date `{bad}`")),
            "{bad}: {:?}",
            reasons(&file)
        );
    }
}
