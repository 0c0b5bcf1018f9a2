//! The fictional demo set in `examples/`: its PDF is generated here from
//! the text below (never downloaded), and the whole set indexes cleanly and
//! shows every format and provenance.

use crate::util::{pdf_of_pages, root, TempIndex};
use risalah_engine::model::{DocType, Outcome, Provenance};

/// The running header of every page of the fictional decision.
const RUNNING: &str = "Putusan Nomor 011/IV/KI-NC-PS/2099 (fiktif)";

/// The pages of the fictional decision `examples/putusan-011.pdf`.
fn decision_pages() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            RUNNING,
            "",
            "PUTUSAN",
            "Nomor: 011/IV/KI-NC-PS/2099",
            "KOMISI INFORMASI PROVINSI NUSA CONTOH",
            "Dokumen fiktif untuk demo; tidak ada sidang yang sebenarnya.",
            "",
            "DUDUK PERKARA",
            "[2.1] Bahwa Pemohon, Lembaga Warga Peduli Anggaran, pada tanggal 3 Januari 2099",
            "mengajukan permohonan salinan kontrak pembangunan jalan lingkar kota tahun",
            "anggaran 2098 beserta adendumnya kepada Termohon, Dinas Pekerjaan Umum Kota Contoh.",
            "[2.2] Bahwa Termohon tidak menanggapi permohonan tersebut dalam jangka waktu yang",
            "ditentukan dan kemudian mengecualikan kontrak sebagai rahasia dagang tanpa uji konse-",
            "kuensi tertulis.",
            "",
            "- 1 -",
        ],
        vec![
            RUNNING,
            "",
            "PERTIMBANGAN HUKUM",
            "[4.1] Menimbang bahwa kontrak pengadaan barang dan jasa yang dibiayai anggaran",
            "publik adalah informasi yang wajib tersedia setiap saat, kecuali bagian yang",
            "benar-benar memuat rahasia dagang penyedia setelah diuji konsekuensinya.",
            "[4.2] Menimbang bahwa uji konsekuensi yang disusun setelah sengketa diajukan tidak",
            "dapat menjadi dasar pengecualian atas informasi yang telah dimohonkan sebelumnya,",
            "sebagaimana terungkap dalam sidang pembuktian.",
            "",
            "- 2 -",
        ],
        vec![
            RUNNING,
            "",
            "AMAR PUTUSAN",
            "MEMUTUSKAN",
            "[5.1] Mengabulkan permohonan Pemohon untuk seluruhnya.",
            "[5.2] Menyatakan kontrak pembangunan jalan lingkar kota tahun anggaran 2098",
            "beserta adendumnya sebagai informasi yang terbuka dan memerintahkan Termohon",
            "memberikannya kepada Pemohon dalam waktu empat belas hari kerja.",
            "Demikian diputuskan oleh Majelis Komisioner dan diucapkan dalam sidang terbuka",
            "untuk umum pada hari Senin, tanggal 26 Mei 2099.",
            "",
            "- 3 -",
        ],
    ]
}

#[test]
fn examples_pdf_is_generated_from_its_source() {
    let path = root().join("examples/putusan-011.pdf");
    let generated = pdf_of_pages(&decision_pages());
    if std::env::var_os("REGENERATE_EXAMPLES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(
        committed == generated,
        "examples/putusan-011.pdf is not what its source gives; run `REGENERATE_EXAMPLES=1 cargo test examples_pdf`"
    );
}

#[test]
fn the_examples_index_cleanly_and_show_every_format_and_provenance() {
    let t = TempIndex::empty();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, t.corpus().join(path.file_name().unwrap())).unwrap();
    }
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    assert_eq!(report.documents, 7, "{:?}", report.problems);
    let catalog = t.service().catalog().unwrap();
    let summary = &catalog.summary;
    assert_eq!(summary.cases, 3);
    let provenances: Vec<Provenance> = summary.by_provenance.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        provenances,
        vec![Provenance::Official, Provenance::News, Provenance::Caption]
    );
    let kinds: Vec<DocType> = summary.by_type.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        vec![DocType::Transcript, DocType::News, DocType::Putusan]
    );

    let decision = catalog
        .documents
        .iter()
        .find(|d| d.meta.doc_type == DocType::Putusan)
        .unwrap();
    assert_eq!(decision.meta.case.as_deref(), Some("011/IV/KI-NC-PS/2099"));
    assert_eq!(
        decision.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-05-26")
    );
    assert_eq!(
        decision.meta.outcome,
        Some(Outcome::Dikabulkan),
        "the PDF's amar"
    );
    let amar = t.search_json("section:amar type:putusan");
    assert!(amar.iter().any(|h| h.passage.text.contains("Mengabulkan")));
    assert!(
        amar.iter().all(|h| h.passage.page == Some(3)),
        "the amar is on page 3"
    );
    let reasoning = t.search_json("section:pertimbangan type:putusan");
    assert!(reasoning.iter().all(|h| h.passage.page == Some(2)));
    assert!(!reasoning.is_empty());
    let hits = t.search_json("\"uji konsekuensi\" type:putusan");
    assert!(
        hits.iter().all(|h| h.passage.page.is_some()),
        "every decision passage has its page"
    );
    assert!(hits.iter().any(|h| h.passage.page == Some(2)));

    let case = t.search_json("case:011/IV/KI-NC-PS/2099 uji konsekuensi");
    let mut kinds: Vec<&str> = case.iter().map(|h| h.passage.doc_type.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        vec!["putusan", "transcript"],
        "one case across formats"
    );
    let report = t.search_json("case:012/V/KI-NC-PS/2099 type:news");
    assert!(
        !report.is_empty(),
        "the sidecar gave the saved page its case"
    );
    let page = t.search_json("rahasia dagang provenance:news");
    assert_eq!(
        page[0].passage.source_url.as_deref(),
        Some("https://warta-contoh.example/daerah/2099/05/12/ki-nusa-contoh-kontrak-jalan")
    );
    assert!(!t.search_json("role:majelis provenance:caption").is_empty());
}
