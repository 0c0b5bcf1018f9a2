//! Caption files (WebVTT, SubRip), saved web pages, and the sidecars that
//! describe them, on small synthetic inputs (fictional names, outlets and cases).

use risalah_engine::corpus::{self, labels::LabelTable, ParsedFile};
use risalah_engine::model::{DocType, Provenance, Role};

const SIDECAR: &str = "---\ntitle: Sidang sintetis terekam\ndate: 2099-03-04\ncommission: Komisi Informasi Provinsi Contoh\ncase: 007/III/KI-CONTOH-PS/2099\nroster:\n- Dewi Lestari Contoh | majelis | Ketua Majelis Komisioner\n- Budi Fiktif | pemohon | Pemohon\n---\n";

/// Writes `files` (name, text) into a fresh directory and parses `name`.
fn parse_in(files: &[(&str, &str)], name: &str) -> (tempfile::TempDir, ParsedFile) {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in files {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let parsed = corpus::parse_path(&dir.path().join(name), &LabelTable::default());
    (dir, parsed)
}

/// A turn as (speaker, role, timestamp, text).
type Turn = (Option<String>, Option<Role>, Option<String>, String);

fn turns(file: &ParsedFile) -> Vec<Turn> {
    file.documents[0]
        .passages
        .iter()
        .map(|p| {
            (
                p.speaker.clone(),
                p.role,
                p.timestamp.clone(),
                p.text.clone(),
            )
        })
        .collect()
}

fn reasons(file: &ParsedFile) -> Vec<String> {
    file.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn webvtt_voice_tags_become_turns_with_their_start_time() {
    let vtt = "WEBVTT\n\nNOTE synthetic hearing, fictional speakers\n\n\
        1\n00:00:01.000 --> 00:00:04.000\n<v Ketua Majelis>Sidang sengketa informasi dibuka.</v>\n\n\
        00:00:04.500 --> 00:00:07.000 align:start\n<v Ketua Majelis>Silakan <i>pemohon</i> &amp; kuasanya.\n\n\
        00:00:07.200 --> 00:00:10.000\n<v Budi Fiktif>Terima kasih, Majelis. Dokumen kontrak belum kami terima.\n\n\
        01:02:03.000 --> 01:02:05.000\n<v.loud Ketua Majelis>Baik, dicatat.\n";
    let (_dir, file) = parse_in(
        &[("sidang-007.vtt", vtt), ("sidang-007.vtt.meta", SIDECAR)],
        "sidang-007.vtt",
    );
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let doc = &file.documents[0];
    assert_eq!(doc.meta.doc_type, DocType::Transcript);
    assert_eq!(doc.meta.provenance, Provenance::Caption);
    assert_eq!(doc.meta.title, "Sidang sintetis terekam");
    assert_eq!(doc.meta.case.as_deref(), Some("007/III/KI-CONTOH-PS/2099"));
    assert_eq!(doc.meta.id, "sidang-007", "the id comes from the file name");
    let got = turns(&file);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].1, Some(Role::Majelis));
    assert_eq!(got[0].2.as_deref(), Some("00:00:01"));
    assert_eq!(
        got[0].3, "Sidang sengketa informasi dibuka. Silakan pemohon & kuasanya.",
        "consecutive cues of one speaker join, markup dropped, references decoded"
    );
    assert_eq!(got[1].0.as_deref(), Some("Budi Fiktif"));
    assert_eq!(got[1].1, Some(Role::Pemohon));
    assert_eq!(got[1].2.as_deref(), Some("00:00:07"));
    assert_eq!(got[2].1, Some(Role::Majelis));
    assert_eq!(got[2].2.as_deref(), Some("01:02:03"));
}

#[test]
fn subrip_labels_and_rolling_repeats() {
    let srt = "1\n00:00:01,000 --> 00:00:03,000\nKETUA MAJELIS: Apakah termohon hadir?\n\n\
        2\n00:00:03,000 --> 00:00:05,000\n{\\an8}KUASA TERMOHON: Hadir, Majelis, kami membawa berkas.\n\n\
        3\n00:00:05,000 --> 00:00:06,000\nHadir, Majelis, kami membawa berkas.\n\n\
        4\n00:00:06,000 --> 00:00:08,000\nBerkas itu lengkap.\n\n\
        5\n00:00:08,000 --> 00:00:09,000\n>> Ya.\n";
    let (_dir, file) = parse_in(
        &[("rekaman.srt", srt), ("rekaman.srt.meta", SIDECAR)],
        "rekaman.srt",
    );
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    let got = turns(&file);
    assert_eq!(got[0].1, Some(Role::Majelis));
    assert_eq!(got[1].1, Some(Role::Termohon));
    assert_eq!(
        got[1].3, "Hadir, Majelis, kami membawa berkas. Berkas itu lengkap.",
        "a rolling repeat is read once; an unlabelled cue continues the speaker"
    );
    assert_eq!(got[2].1, Some(Role::Lainnya), "`>>` is a change of speaker");
    assert_eq!(got[2].3, "Ya.");
    let warnings = reasons(&file);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("1 turn(s) name no speaker")),
        "{warnings:?}"
    );
}

#[test]
fn captions_without_a_sidecar_are_indexed_with_a_warning() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Majelis>Sidang dibuka.\n";
    let (_dir, file) = parse_in(
        &[("Sidang_Contoh_2099-05-06.vtt", vtt)],
        "Sidang_Contoh_2099-05-06.vtt",
    );
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    let doc = &file.documents[0];
    assert_eq!(doc.meta.title, "Sidang Contoh 2099-05-06");
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-05-06"),
        "a date in the file name is taken"
    );
    let warnings = reasons(&file);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("nothing gives the commission")
                && w.contains("sidecar `Sidang_Contoh_2099-05-06.vtt.meta`")),
        "{warnings:?}"
    );
}

#[test]
fn bad_captions_are_named_with_their_line() {
    let (_dir, file) = parse_in(&[("kosong.vtt", "WEBVTT\n\njust words\n")], "kosong.vtt");
    assert!(file.has_errors());
    let all = reasons(&file).join("\n");
    assert!(all.contains("no caption cue"), "{all}");
    assert!(
        all.contains("kosong.vtt:3:"),
        "the stray block is named by line: {all}"
    );

    let bad_timing = "WEBVTT\n\n00:0x:01.000 --> 00:00:02.000\nSalah.\n\n00:00:03.000 --> 00:00:04.000\n<v Majelis>Benar.\n";
    let (_dir, file) = parse_in(
        &[("waktu.vtt", bad_timing), ("waktu.vtt.meta", SIDECAR)],
        "waktu.vtt",
    );
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    let all = reasons(&file).join("\n");
    assert!(
        all.contains("waktu.vtt:3:") && all.contains("bad cue timing"),
        "{all}"
    );
    assert_eq!(turns(&file).len(), 1, "the good cue is kept");
}

#[test]
fn a_sidecar_cannot_make_captions_a_decision() {
    let sidecar = SIDECAR.replace("title:", "type: putusan\ntitle:");
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Majelis>Sidang dibuka.\n";
    let (_dir, file) = parse_in(&[("x.vtt", vtt), ("x.vtt.meta", &sidecar)], "x.vtt");
    assert_eq!(file.documents[0].meta.doc_type, DocType::Transcript);
    let all = reasons(&file).join("\n");
    assert!(all.contains("does not fit the file"), "{all}");
}

/// A news page as a browser saves it: menus, a related-links box, the
/// article with a "Baca juga" line, a footer; fictional outlet and people.
const PAGE: &str = r#"<!DOCTYPE html>
<!-- saved from url=(0048)https://berita-contoh.test/saved-address-ignored -->
<html lang="id"><head>
<meta charset="utf-8">
<title>Komisi Informasi Provinsi Contoh Minta Dinas Buka Kontrak | Berita Contoh</title>
<meta property="og:title" content="Komisi Informasi Provinsi Contoh Minta Dinas Buka Kontrak">
<meta property="og:site_name" content="Berita Contoh">
<meta property="article:published_time" content="2099-06-07T10:15:00+07:00">
<link rel="canonical" href="https://berita-contoh.test/daerah/2099/06/07/ki-contoh-kontrak">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Komisi Informasi Provinsi Contoh Minta Dinas Buka Kontrak","datePublished":"2099-06-07T10:15:00+07:00","publisher":{"@type":"Organization","name":"Berita Contoh"}}</script>
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/daerah">Daerah</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
<div class="sidebar"><h3>Terpopuler</h3><ul><li><a href="/a">Berita lain yang sama sekali tidak terkait</a></li><li><a href="/b">Berita lain lagi</a></li></ul></div>
<article>
<h1>Komisi Informasi Provinsi Contoh Minta Dinas Buka Kontrak</h1>
<p>KOTA CONTOH - Majelis Komisioner Komisi Informasi Provinsi Contoh menggelar sidang sengketa informasi antara Pemohon Budi Fiktif dan Dinas Pekerjaan Umum Kota Contoh pada Senin pagi.</p>
<p>"Kontrak pengadaan itu informasi yang wajib tersedia setiap saat, bukan informasi yang dikecualikan," kata Ketua Majelis Dewi Lestari Contoh dalam persidangan.</p>
<p>Baca juga: Sidang Lain di Kota Contoh Ditunda</p>
<p>Kuasa hukum termohon, Andi Rekaan, menyatakan dinas masih menyusun uji konsekuensi atas dokumen tersebut dan meminta waktu dua pekan kepada majelis.</p>
<p>Sidang akan dilanjutkan pekan depan dengan agenda pembuktian dari kedua belah pihak yang bersengketa.</p>
</article>
<footer><p>Hak Cipta 2099 Berita Contoh. Seluruh hak dilindungi.</p></footer>
</body></html>
"#;

#[test]
fn a_saved_news_page_gives_its_article_and_its_metadata() {
    let (_dir, file) = parse_in(
        &[("ki-contoh-kontrak.html", PAGE)],
        "ki-contoh-kontrak.html",
    );
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let doc = &file.documents[0];
    assert_eq!(doc.meta.doc_type, DocType::News);
    assert_eq!(doc.meta.provenance, Provenance::News);
    assert_eq!(
        doc.meta.title,
        "Komisi Informasi Provinsi Contoh Minta Dinas Buka Kontrak"
    );
    assert_eq!(doc.meta.publisher.as_deref(), Some("Berita Contoh"));
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-06-07")
    );
    assert_eq!(
        doc.meta.source_url.as_deref(),
        Some("https://berita-contoh.test/daerah/2099/06/07/ki-contoh-kontrak"),
        "the canonical link is the address"
    );
    let texts: Vec<&str> = doc.passages.iter().map(|p| p.text.as_str()).collect();
    assert!(
        texts[0].starts_with("KOTA CONTOH - Majelis Komisioner"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("\"Kontrak pengadaan")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Sidang akan dilanjutkan")),
        "{texts:?}"
    );
    for gone in [
        "Baca juga",
        "Beranda",
        "Terpopuler",
        "Hak Cipta",
        "Berita lain",
    ] {
        assert!(
            !texts.iter().any(|t| t.contains(gone)),
            "{gone} kept: {texts:?}"
        );
    }
    let quote = doc
        .passages
        .iter()
        .find(|p| p.text.starts_with("\"Kontrak"))
        .unwrap();
    assert_eq!(
        quote.line,
        PAGE.lines()
            .position(|l| l.contains("\"Kontrak pengadaan"))
            .unwrap() as u32
            + 1,
        "a paragraph is named by the page line it starts on"
    );
}

#[test]
fn a_sidecar_overrides_the_page_and_a_page_without_metadata_says_what_is_missing() {
    let sidecar = "type: putusan\ntitle: Putusan sintetis 009/VI/KI-CONTOH-PS/2099\ndate: 2099-07-01\ncommission: Komisi Informasi Provinsi Contoh\ncase: 009/VI/KI-CONTOH-PS/2099\n";
    let (_dir, file) = parse_in(
        &[("putusan.htm", PAGE), ("putusan.htm.meta", sidecar)],
        "putusan.htm",
    );
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    let meta = &file.documents[0].meta;
    assert_eq!(meta.doc_type, DocType::Putusan);
    assert_eq!(
        meta.provenance,
        Provenance::Official,
        "a decision's own text"
    );
    assert_eq!(meta.title, "Putusan sintetis 009/VI/KI-CONTOH-PS/2099");
    assert_eq!(
        meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-07-01")
    );
    assert_eq!(
        meta.source_url.as_deref(),
        Some("https://berita-contoh.test/daerah/2099/06/07/ki-contoh-kontrak"),
        "what the sidecar does not give still comes from the page"
    );

    let bare = "<html><body><article><p>Majelis Komisioner Komisi Informasi Provinsi Contoh membacakan putusan sengketa informasi yang diajukan oleh pemohon pada sidang hari ini di ruang sidang utama.</p><p>Putusan itu menyatakan informasi yang dimohon terbuka dan wajib diberikan kepada pemohon dalam waktu empat belas hari kerja.</p></article></body></html>";
    let (_dir, file) = parse_in(&[("tanpa-meta.html", bare)], "tanpa-meta.html");
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    assert_eq!(file.documents[0].passages.len(), 2);
    let all = reasons(&file).join("\n");
    assert!(
        all.contains("nothing gives the date, publisher") && all.contains("tanpa-meta.html.meta"),
        "{all}"
    );
}

#[test]
fn a_page_without_an_article_is_refused_with_its_reason() {
    let (_dir, file) = parse_in(
        &[("kosong.html", "<html><body></body></html>")],
        "kosong.html",
    );
    assert!(file.has_errors());
    assert!(file.documents.is_empty());
    let all = reasons(&file).join("\n");
    assert!(all.contains("kosong.html:1:"), "{all}");
}

/// Writes a PDF of `pages` (and an optional sidecar) and parses it.
fn parse_pdf(
    name: &str,
    pages: &[Vec<&str>],
    sidecar: Option<&str>,
) -> (tempfile::TempDir, ParsedFile) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, crate::util::pdf_of_pages(pages)).unwrap();
    if let Some(text) = sidecar {
        std::fs::write(dir.path().join(format!("{name}.meta")), text).unwrap();
    }
    let parsed = corpus::parse_path(&path, &LabelTable::default());
    (dir, parsed)
}

#[test]
fn a_decision_pdf_becomes_paragraphs_with_their_page() {
    let running = "Putusan Nomor 012/X/KI-CONTOH-PS/2099";
    let pages = vec![
        vec![
            running,
            "",
            "PUTUSAN",
            "Nomor: 012/X/KI-CONTOH-PS/2099",
            "KOMISI INFORMASI PROVINSI CONTOH",
            "",
            "DUDUK PERKARA",
            "[2.1] Bahwa Pemohon telah mengajukan permohonan informasi kepada Termohon pada",
            "tanggal 3 Januari 2099 berupa salinan kontrak pengadaan jalan kota tahun anggaran",
            "2098 beserta adendumnya.",
            "[2.2] Bahwa Termohon tidak memberikan tanggapan atas permohonan informa-",
            "si tersebut dalam jangka waktu yang ditentukan undang-undang.",
            "",
            "- 1 -",
        ],
        vec![
            running,
            "",
            "AMAR PUTUSAN",
            "MEMUTUSKAN",
            "[5.1] Mengabulkan permohonan Pemohon untuk seluruhnya dan menyatakan informasi",
            "yang dimohon sebagai informasi yang terbuka.",
            "Demikian diputuskan oleh Majelis Komisioner dan diucapkan dalam sidang terbuka",
            "untuk umum pada hari Senin, tanggal 14 Maret 2099.",
            "",
            "- 2 -",
        ],
    ];
    let (_dir, file) = parse_pdf("putusan-012.pdf", &pages, None);
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    let doc = &file.documents[0];
    assert_eq!(doc.meta.doc_type, DocType::Putusan);
    assert_eq!(doc.meta.provenance, Provenance::Official);
    assert_eq!(doc.meta.case.as_deref(), Some("012/X/KI-CONTOH-PS/2099"));
    assert_eq!(
        doc.meta.commission.as_deref(),
        Some("Komisi Informasi Provinsi Contoh")
    );
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-03-14"),
        "the day the decision was read out"
    );
    assert_eq!(doc.meta.title, "Putusan 012/X/KI-CONTOH-PS/2099");
    let texts: Vec<(Option<u32>, &str)> = doc
        .passages
        .iter()
        .map(|p| (p.page, p.text.as_str()))
        .collect();
    assert!(
        !texts
            .iter()
            .any(|(_, t)| t.contains("- 1 -") || t.contains("- 2 -")),
        "page numbers dropped: {texts:?}"
    );
    assert!(
        !texts.iter().any(|(_, t)| *t == running),
        "the running header is dropped: {texts:?}"
    );
    let find = |start: &str| texts.iter().find(|(_, t)| t.starts_with(start)).copied();
    assert_eq!(
        find("[2.1]"),
        Some((Some(1), "[2.1] Bahwa Pemohon telah mengajukan permohonan informasi kepada Termohon pada tanggal 3 Januari 2099 berupa salinan kontrak pengadaan jalan kota tahun anggaran 2098 beserta adendumnya.")),
        "lines rejoin into the paragraph: {texts:?}"
    );
    let hyphen = find("[2.2]").unwrap();
    assert!(
        hyphen.1.contains("permohonan informasi tersebut"),
        "{hyphen:?}"
    );
    assert!(hyphen.1.contains("undang-undang"), "{hyphen:?}");
    assert_eq!(find("[5.1]").map(|p| p.0), Some(Some(2)));
    assert_eq!(
        find("AMAR PUTUSAN").map(|p| p.1),
        Some("AMAR PUTUSAN"),
        "a heading is its own passage"
    );
}

#[test]
fn a_risalah_pdf_goes_through_the_transcript_parser() {
    let pages = vec![
        vec![
            "RISALAH SIDANG",
            "KOMISI INFORMASI PROVINSI CONTOH",
            "Register Nomor 007/III/KI-CONTOH-PS/2099",
            "Acara: Pemeriksaan Awal",
            "Rabu, 4 Maret 2099",
            "",
            "1. KETUA MAJELIS: Sidang sengketa informasi dengan register nomor tersebut",
            "dibuka dan terbuka untuk umum. [KETUK PALU 1X]",
            "2. PEMOHON: Terima kasih, Majelis.",
            "Halaman 1 dari 2",
        ],
        vec![
            "3. KUASA TERMOHON: Kami membawa surat kuasa dan dokumen uji konsekuensi.",
            "4. KETUA MAJELIS: Baik, sidang ditunda.",
            "Halaman 2 dari 2",
        ],
    ];
    let (_dir, file) = parse_pdf("risalah-007.pdf", &pages, None);
    assert!(!file.has_errors(), "{:?}", reasons(&file));
    let doc = &file.documents[0];
    assert_eq!(doc.meta.doc_type, DocType::Transcript);
    assert_eq!(doc.meta.provenance, Provenance::Official);
    assert_eq!(doc.meta.case.as_deref(), Some("007/III/KI-CONTOH-PS/2099"));
    assert_eq!(doc.meta.agenda.as_deref(), Some("Pemeriksaan Awal"));
    assert_eq!(
        doc.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2099-03-04")
    );
    let turns: Vec<(Option<Role>, Option<u32>, &str)> = doc
        .passages
        .iter()
        .filter(|p| p.role.is_some())
        .map(|p| (p.role, p.page, p.text.as_str()))
        .collect();
    assert_eq!(turns.len(), 4, "{turns:?}");
    assert_eq!(turns[0].0, Some(Role::Majelis));
    assert!(
        turns[0]
            .2
            .ends_with("dibuka dan terbuka untuk umum. [KETUK PALU 1X]"),
        "{turns:?}"
    );
    assert_eq!(turns[1].0, Some(Role::Pemohon));
    assert_eq!((turns[2].0, turns[2].1), (Some(Role::Termohon), Some(2)));
    assert!(
        !doc.passages.iter().any(|p| p.text.contains("Halaman")),
        "page numbers dropped"
    );
    let warnings = reasons(&file);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("5 line(s) of text before the first speaker label")),
        "the cover is kept as notes with one warning: {warnings:?}"
    );
}

#[test]
fn a_pdf_sidecar_wins_and_a_scan_or_a_broken_file_is_refused() {
    let pages = vec![vec![
        "Sebuah dokumen sintetis tanpa nomor register yang cukup panjang.",
    ]];
    let sidecar =
        "title: Dokumen sintetis\ndate: 2099-02\ncommission: Komisi Informasi Provinsi Contoh\n";
    let (_dir, file) = parse_pdf("dok.pdf", &pages, Some(sidecar));
    assert!(file.problems.is_empty(), "{:?}", reasons(&file));
    assert_eq!(file.documents[0].meta.title, "Dokumen sintetis");
    assert_eq!(
        file.documents[0]
            .meta
            .date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2099-02")
    );

    let (_dir, scan) = parse_pdf("pindaian.pdf", &[vec![""], vec![""]], None);
    assert!(scan.documents.is_empty());
    let all = reasons(&scan).join("\n");
    assert!(
        all.contains("no text layer (scanned?): OCR it first"),
        "{all}"
    );

    let (_dir, broken) = parse_in(
        &[("rusak.pdf", "%PDF-1.5\nthis is no pdf at all\n")],
        "rusak.pdf",
    );
    assert!(broken.documents.is_empty());
    let all = reasons(&broken).join("\n");
    assert!(
        all.contains("rusak.pdf:1:") && all.contains("cannot read the PDF"),
        "{all}"
    );
}

#[test]
fn pdf_caption_and_page_are_indexed_searched_and_cited_with_their_page() {
    let t = crate::util::TempIndex::empty();
    let pages = vec![
        vec![
            "PUTUSAN",
            "Nomor 031/V/KI-CONTOH-PS/2099",
            "KOMISI INFORMASI PROVINSI CONTOH",
        ],
        vec!["[3.1] Menimbang bahwa dokumen anggaran hibah merupakan informasi terbuka."],
    ];
    t.write_bytes("putusan-031.pdf", &crate::util::pdf_of_pages(&pages));
    t.write(
        "sidang-031.vtt",
        "WEBVTT\n\n00:10:00.000 --> 00:10:04.000\n<v Ketua Majelis>Anggaran hibah itu wajib diumumkan.\n",
    );
    t.write("sidang-031.vtt.meta", SIDECAR);
    t.write("laporan-031.html", PAGE);
    let report = t.build();
    assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
    assert_eq!(report.documents, 3, "{:?}", report.problems);

    let hits = t.search_json("hibah provenance:official");
    assert_eq!(hits.len(), 1, "the decision only");
    let hit = &hits[0];
    assert_eq!(hit.passage.page, Some(2));
    assert!(hit.citation.contains(", hlm. 2."), "{}", hit.citation);

    let caption = t.search_json("hibah provenance:caption");
    assert_eq!(caption.len(), 1);
    assert_eq!(caption[0].passage.timestamp.as_deref(), Some("00:10:00"));
    assert!(
        caption[0].citation.contains(", 00:10:00."),
        "{}",
        caption[0].citation
    );

    let view = t.service().passage(&hit.passage.id, 1).unwrap().unwrap();
    let view = risalah_web::api::PassageViewJson::new(
        &view,
        &risalah_web::permalink::PublicUrl::default(),
        risalah_web::i18n::Lang::Id,
    );
    assert!(
        view.citations.ris.contains("SP  - 2"),
        "{}",
        view.citations.ris
    );
    assert!(
        view.citations.ris.starts_with("TY  - CASE"),
        "a decision: {}",
        view.citations.ris
    );
    assert_eq!(view.citations.csl_json["type"], "legal_case");
    assert!(
        view.citations.bibtex.contains("pages = {2}"),
        "{}",
        view.citations.bibtex
    );
    assert_eq!(view.citations.csl_json["page"], "2");
    assert_eq!(
        t.search_json("kontrak provenance:news").len(),
        1,
        "the saved page"
    );
}
