//! Caption files (WebVTT, SubRip) and the sidecars that describe them, on
//! small synthetic inputs (fictional names and cases).

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
            .any(|w| w.contains("no sidecar `Sidang_Contoh_2099-05-06.vtt.meta`")),
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
