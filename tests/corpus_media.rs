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
