//! Pins the parse of the bundled corpus: the two seed reports lose their page
//! boilerplate and keep every report paragraph verbatim; the reconstructed
//! transcripts resolve every speaker and role.

use risalah_engine::corpus::{self, labels::LabelTable};
use risalah_engine::model::{DocType, Document, PassageKind, Provenance, Role};
use std::path::Path;

fn parse(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    let parsed = corpus::parse_path(&path, &LabelTable::default());
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.documents.len(), 1);
    parsed.documents.into_iter().next().unwrap()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.passages.iter().map(|p| p.text.as_str()).collect()
}

const BOILERPLATE_FRAGMENTS: &[&str] = &[
    "Baca Juga",
    "Baca juga",
    "loading...",
    "Foto/Dok KIP",
    "Dilarang mengambil",
    "Berita Terkait",
    "Berita Terkini",
    "Copyright",
    "Dapatkan berita terkini",
    "Kamis, 14 Maret 2024",
    "KPU Akui Kontrak Alibaba...",
    "PN Jakpus",
    "Rekomendasi",
    "(rca)",
];

#[test]
fn akurat_report_is_cleaned_and_verbatim() {
    let doc = parse("akurat-2024-03-27-kpu-siap-perlihatkan-kontrak-alibaba.txt");
    assert_eq!(doc.meta.doc_type, DocType::News);
    assert_eq!(doc.meta.publisher.as_deref(), Some("AKURAT.CO"));
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-27")
    );
    assert_eq!(
        doc.meta.title,
        "KPU Siap Perlihatkan Isi Kontrak dengan Alibaba Cloud kepada YAKIN"
    );
    let texts = texts(&doc);
    for fragment in BOILERPLATE_FRAGMENTS {
        assert!(
            texts.iter().all(|t| !t.contains(fragment)),
            "{fragment} survived"
        );
    }
    assert_eq!(texts.len(), 13);
    assert!(texts[0].starts_with("AKURAT.CO Komisi Pemilihan Umum (KPU) menyatakan bersedia"));
    assert!(texts.contains(&"\"Secara prinsip bisa diperlihatkan dan apabila memang diminta resume kita bisa buatkan resume,\" katanya."));
    assert!(texts.contains(&"\"Karena melalui sidang ini pula, penting kita mencapai yang jadi tujuan Undang-Undang keterbukaan informasi publik,\" tegasnya."));
    assert!(doc
        .passages
        .iter()
        .all(|p| p.kind == PassageKind::Paragraph));
    assert_eq!(doc.passages[0].line, 13);
}

#[test]
fn sindonews_report_is_cleaned_and_verbatim() {
    let doc = parse("sindonews-2024-03-14-kpu-akui-kontrak-alibaba-cloud.txt");
    assert_eq!(doc.meta.publisher.as_deref(), Some("SINDOnews.com"));
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    let texts = texts(&doc);
    for fragment in BOILERPLATE_FRAGMENTS
        .iter()
        .chain(&["A A A", "Klik Disini", "Infografis"])
    {
        assert!(
            texts.iter().all(|t| !t.contains(fragment)),
            "{fragment} survived"
        );
    }
    assert_eq!(texts.len(), 12);
    assert!(texts[0].starts_with("JAKARTA - Komisi Informasi Pusat (KIP) menyidangkan"));
    assert!(
        texts[0].contains("terungkapbahwa"),
        "typos are kept as published"
    );
    assert!(texts.contains(&"\"Iya,\" jawab Luqman."));
    assert!(texts.contains(
        &"\"Benar KPU memiliki kerja sama dengan Alibaba?\" tanya Majelis, Rabu (13/3/2024)."
    ));
    assert!(texts
        .last()
        .unwrap()
        .ends_with("dalam informasi yang diberikan kepada Yakin."));
}

#[test]
fn reconstructed_transcripts_resolve_speakers_and_roles() {
    let doc = parse("kip-2024-yakin-kpu-sidang-2024-03-13.txt");
    assert_eq!(doc.meta.doc_type, DocType::Transcript);
    assert_eq!(doc.meta.provenance, Provenance::Reconstructed);
    let turns: Vec<(Option<&str>, Option<Role>)> = doc
        .passages
        .iter()
        .map(|p| (p.speaker.as_deref(), p.role))
        .collect();
    assert_eq!(
        turns,
        vec![
            (Some("Arya Sandhiyudha"), Some(Role::Majelis)),
            (Some("Luqman Hakim"), Some(Role::Termohon)),
            (Some("Luqman Hakim"), Some(Role::Termohon)),
            (Some("Rospita Vici Paulyn"), Some(Role::Majelis)),
        ]
    );
    assert_eq!(doc.passages[1].text, "Iya");
    assert_eq!(doc.passage_id(1), "kip-2024-yakin-kpu-sidang-2024-03-13/t1");

    let doc = parse("kip-2024-yakin-kpu-uji-konsekuensi.txt");
    assert_eq!(doc.meta.provenance, Provenance::Reconstructed);
    assert_eq!(doc.passages.len(), 3);
    assert_eq!(doc.passages[1].role, Some(Role::Termohon));
    assert_eq!(
        doc.passages[1].speaker, None,
        "the report names no KPU speaker"
    );
    assert_eq!(
        doc.passages[2].text.lines().count(),
        2,
        "continuation lines join the turn"
    );
}

#[test]
fn every_quoted_word_of_the_transcripts_is_printed_in_a_report() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let reports: String = [
        "akurat-2024-03-27-kpu-siap-perlihatkan-kontrak-alibaba.txt",
        "sindonews-2024-03-14-kpu-akui-kontrak-alibaba-cloud.txt",
    ]
    .iter()
    .map(|n| std::fs::read_to_string(corpus.join(n)).unwrap())
    .collect();
    for name in [
        "kip-2024-yakin-kpu-uji-konsekuensi.txt",
        "kip-2024-yakin-kpu-sidang-2024-03-13.txt",
    ] {
        for passage in parse(name).passages {
            for line in passage.text.lines() {
                assert!(
                    reports.contains(line),
                    "{name}: `{line}` is not printed in the reports"
                );
            }
        }
    }
}
