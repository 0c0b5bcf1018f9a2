//! A corrected transcript keeps its passages' ids: a passage whose words
//! are unchanged or lightly edited answers at its old permalink wherever it
//! now stands, a new passage takes an id no earlier version used, and the
//! permalink of a passage the correction removed answers 410 with the
//! nearest passage kept, never with other words. Re-indexing from scratch
//! (`--rebuild`) keeps them too. (Synthetic hearing, fictional names.)

use crate::util::{get_from, TempIndex};
use axum::http::StatusCode;

const HEADER: &str = "---\nid: sintetis-koreksi\ntype: transcript\ntitle: Sidang sintetis koreksi\ncommission: Komisi Informasi Provinsi Contoh\ncase: 091/IX/KI-CONTOH-PS/2099\ndate: 2099-09-01\n---\n";

const OPENING: &str =
    "KETUA MAJELIS: Sidang sengketa informasi ini kami buka dan terbuka untuk umum.";
const REQUEST: &str =
    "PEMOHON: Kami meminta salinan kontrak pengadaan tahun anggaran lalu beserta lampirannya.";
const ANSWER: &str =
    "TERMOHON: Dokumen itu masih dalam proses audit internal sehingga belum kami serahkan.";
const CLOSING: &str = "KETUA MAJELIS: Sidang kami tunda sampai pekan depan untuk pembuktian.";

fn transcript(turns: &[&str]) -> String {
    format!("{HEADER}{}\n", turns.join("\n"))
}

/// The status and JSON body of `/api/passages/{id}`.
async fn at(t: &TempIndex, id: &str) -> (StatusCode, serde_json::Value) {
    let (status, body) = get_from(t.service(), &format!("/api/passages/{id}")).await;
    (status, serde_json::from_str(&body).unwrap())
}

async fn page(t: &TempIndex, path: &str) -> (StatusCode, String) {
    get_from(t.service(), path).await
}

fn text(json: &serde_json::Value) -> String {
    json["passage"]["text"]
        .as_str()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| panic!("no text in {json}"))
        .to_string()
}

/// Every passage id of the document, in order.
fn ids(t: &TempIndex) -> Vec<(String, String)> {
    t.service()
        .document("sintetis-koreksi")
        .unwrap()
        .unwrap()
        .passages
        .into_iter()
        .map(|p| (p.id, p.passage.text))
        .collect()
}

#[tokio::test]
async fn a_corrected_transcript_keeps_its_permalinks() {
    let t = TempIndex::empty();
    t.write(
        "sidang.txt",
        &transcript(&[OPENING, REQUEST, ANSWER, CLOSING]),
    );
    t.build();
    let first = ids(&t);
    let id_of = |words: &str| -> String {
        first
            .iter()
            .find(|(_, text)| words.contains(text.as_str()))
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("no passage {words:?} in {first:?}"))
    };
    let (request_id, answer_id, closing_id) = (id_of(REQUEST), id_of(ANSWER), id_of(CLOSING));

    // The correction: a turn inserted before the request, the answer
    // lightly edited, the closing removed.
    let inserted = "PANITERA: Para pihak telah hadir dan menandatangani daftar hadir.";
    let edited = "TERMOHON: Dokumen itu masih dalam proses audit internal, sehingga belum dapat kami serahkan.";
    t.write(
        "sidang.txt",
        &transcript(&[OPENING, inserted, REQUEST, edited]),
    );
    t.build();
    let second = ids(&t);
    assert_eq!(second.len(), 4, "{second:?}");

    // The request moved one place down and kept its id.
    let (status, json) = at(&t, &request_id).await;
    assert_eq!(status, StatusCode::OK);
    assert!(REQUEST.ends_with(&text(&json)), "{json}");
    // The lightly edited answer kept its id and shows the corrected words.
    let (status, json) = at(&t, &answer_id).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&json).contains("belum dapat kami serahkan"), "{json}");
    // The inserted turn took an id no earlier version used.
    let (inserted_id, _) = second
        .iter()
        .find(|(_, text)| inserted.ends_with(text.as_str()))
        .unwrap();
    assert!(
        !first.iter().any(|(id, _)| id == inserted_id),
        "{inserted_id} was {first:?}"
    );
    // The removed closing: 410, with the nearest passage kept.
    let (status, json) = at(&t, &closing_id).await;
    assert_eq!(status, StatusCode::GONE, "{json}");
    assert_eq!(json["error"]["code"], "gone");
    assert_eq!(json["error"]["nearest"], answer_id.as_str(), "{json}");
    let (status, body) = page(&t, &format!("/p/{closing_id}")).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(body.contains("Bagian ini sudah tidak ada"), "{body}");
    assert!(
        body.contains(&format!("href=\"/p/{answer_id}\"")),
        "the page links the nearest passage: {body}"
    );
    // The passage page still reads in document order around a moved id.
    let (status, json) = at(&t, &format!("{request_id}?around=1")).await;
    assert_eq!(status, StatusCode::OK);
    let before = json["before"][0]["text"].as_str().unwrap().to_string();
    assert!(!before.is_empty());
    assert!(inserted.ends_with(&before), "{json}");

    // Rebuilt from scratch, the ids stay what they are.
    t.build_with(true);
    assert_eq!(ids(&t), second, "a rebuild keeps the carried ids");
    assert_eq!(at(&t, &closing_id).await.0, StatusCode::GONE);

    // A second correction removes the answer too: the closing's old link
    // now points at the passage kept nearest to both.
    t.write("sidang.txt", &transcript(&[OPENING, inserted, REQUEST]));
    t.build();
    let (status, json) = at(&t, &closing_id).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(json["error"]["nearest"], request_id.as_str(), "{json}");
    assert_eq!(at(&t, &answer_id).await.0, StatusCode::GONE);
    // An id never retired is still a plain 404.
    assert_eq!(
        at(&t, "sintetis-koreksi/t99").await.0,
        StatusCode::NOT_FOUND
    );
}
