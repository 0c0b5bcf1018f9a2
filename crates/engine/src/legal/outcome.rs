//! The outcome of a dispute: from the amar of a decision, or from a news
//! report that states how the commission ruled.
//!
//! In a decision only the amar is read (a decision's reasoning quotes the
//! request and the other party's refusals). In a report only a sentence
//! that speaks of the ruling (`majelis`, `putusan`, `memutuskan`, `amar`)
//! and is neither conditional nor future (`jika`, `akan`) counts, and a
//! report that states two outcomes states none.

use crate::model::{DocType, Document, Outcome, Section};
use regex::Regex;
use std::sync::LazyLock;

fn pattern(text: &str) -> Regex {
    Regex::new(&format!("(?i){text}")).expect("the outcome patterns are valid")
}

/// The outcome phrases, in the order they are tried: the more specific first.
static PHRASES: LazyLock<Vec<(Outcome, Regex)>> = LazyLock::new(|| {
    [
        (
            Outcome::MediasiBerhasil,
            r"kesepakatan\s+(?:hasil\s+)?mediasi|mediasi\s+(?:dinyatakan\s+)?berhasil|berhasil\s+(?:mencapai\s+)?(?:kesepakatan|dimediasi)|putusan\s+mediasi|sepakat\s+(?:ber)?damai|berakhir\s+(?:dengan\s+)?(?:damai|kesepakatan)",
        ),
        (
            Outcome::Dicabut,
            r"pencabutan\s+permohonan|permohonan\b.{0,60}?\bdicabut|mencabut\s+permohonan",
        ),
        (
            Outcome::Gugur,
            r"permohonan\b.{0,60}?\bgugur|menyatakan\s+gugur|dinyatakan\s+gugur|putusan\s+gugur",
        ),
        (Outcome::TidakDiterima, r"tidak\s+dapat\s+diterima"),
        (
            Outcome::DikabulkanSebagian,
            r"(?:mengabulkan|menerima)\s+(?:permohonan\b.{0,80}?\b)?(?:untuk\s+)?sebagian|(?:dikabulkan|diterima)\s+(?:untuk\s+)?sebagian|sebagian\s+dikabulkan",
        ),
        (
            Outcome::Dikabulkan,
            r"mengabulkan\s+(?:seluruh\s+)?permohonan|permohonan\b.{0,60}?\bdikabulkan",
        ),
        (
            Outcome::Ditolak,
            r"menolak\s+(?:seluruh\s+)?permohonan|permohonan\b.{0,60}?\bditolak|memutuskan\s*:?\s*menolak\b",
        ),
    ]
    .into_iter()
    .map(|(outcome, text)| (outcome, pattern(text)))
    .collect()
});

/// Words that make a sentence speak of the ruling.
static RULING: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?:majelis|putusan|memutuskan|memutus|diputus|amar)\b"));

/// Words that make a sentence conditional, future or negated.
static HEDGED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:jika|apabila|bila|kalau|akan|berharap|meminta|agar|supaya|seandainya|belum|dalam\s+hal|gagal)\b",
    )
});

/// The outcomes `found` in one text, with a grant and a rejection of the
/// rest read as one grant in part ("Mengabulkan … Menolak permohonan untuk
/// selain dan selebihnya"), in the order of [`PHRASES`].
fn combined(mut found: Vec<Outcome>) -> Vec<Outcome> {
    let has = |found: &[Outcome], o: Outcome| found.contains(&o);
    if has(&found, Outcome::Dikabulkan) && has(&found, Outcome::Ditolak) {
        found.retain(|o| !matches!(o, Outcome::Dikabulkan | Outcome::Ditolak));
        found.push(Outcome::DikabulkanSebagian);
    }
    if has(&found, Outcome::DikabulkanSebagian) {
        found.retain(|o| *o != Outcome::Dikabulkan);
    }
    let order = |o: &Outcome| PHRASES.iter().position(|(p, _)| p == o);
    found.sort_by_key(order);
    found.dedup();
    found
}

/// The outcome an amar states: the most specific of those it holds.
fn of_amar(text: &str) -> Option<Outcome> {
    let found = PHRASES
        .iter()
        .filter(|(_, re)| re.is_match(text))
        .map(|(o, _)| *o)
        .collect();
    combined(found).first().copied()
}

/// Whether a report's sentence states `outcome` as a fact: the phrase is
/// not preceded by a hedge (`jika`, `berharap`, `akan`), and, unless the
/// parties' own act ends the case (a settlement, a withdrawal), the
/// sentence speaks of the ruling.
fn states(sentence: &str, outcome: Outcome) -> bool {
    let Some(phrase) = PHRASES
        .iter()
        .find(|(o, _)| *o == outcome)
        .and_then(|(_, re)| re.find(sentence))
    else {
        return false;
    };
    let by_the_parties = matches!(outcome, Outcome::MediasiBerhasil | Outcome::Dicabut);
    let before = sentence.get(..phrase.start()).unwrap_or("");
    (by_the_parties || RULING.is_match(sentence)) && !HEDGED.is_match(before)
}

/// The outcomes a report's sentence states.
fn stated_in(sentence: &str) -> Vec<Outcome> {
    combined(
        PHRASES
            .iter()
            .map(|(o, _)| *o)
            .filter(|o| states(sentence, *o))
            .collect(),
    )
}

/// The outcome a report states, when it states exactly one.
fn of_report(doc: &Document) -> Option<Outcome> {
    let mut stated: Option<Outcome> = None;
    for p in &doc.passages {
        for sentence in p.text.split_inclusive(['.', '!', '?']) {
            for outcome in stated_in(sentence) {
                match stated {
                    Some(earlier) if earlier != outcome => return None,
                    _ => stated = Some(outcome),
                }
            }
        }
    }
    stated
}

/// The outcome of `doc`: its amar's for a decision (read once its sections
/// are known), the one a report states for news, none for a hearing.
pub fn of_document(doc: &Document) -> Option<Outcome> {
    match doc.meta.doc_type {
        DocType::Putusan => {
            let amar: Vec<&str> = doc
                .passages
                .iter()
                .filter(|p| p.section == Some(Section::Amar))
                .map(|p| p.text.as_str())
                .collect();
            of_amar(&amar.join("\n"))
        }
        DocType::News => of_report(doc),
        DocType::Transcript => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amar_says_how_the_dispute_ended() {
        let cases = [
            ("Mengabulkan permohonan Pemohon untuk seluruhnya.", Outcome::Dikabulkan),
            ("Mengabulkan permohonan Pemohon untuk sebagian.", Outcome::DikabulkanSebagian),
            (
                "1. Mengabulkan permohonan Pemohon. 2. Menolak permohonan Pemohon untuk selain dan selebihnya.",
                Outcome::DikabulkanSebagian,
            ),
            ("Menolak permohonan Pemohon untuk seluruhnya.", Outcome::Ditolak),
            ("Menyatakan permohonan Pemohon tidak dapat diterima.", Outcome::TidakDiterima),
            ("Menyatakan permohonan Pemohon gugur.", Outcome::Gugur),
            ("Mengabulkan pencabutan permohonan Pemohon.", Outcome::Dicabut),
            ("Menetapkan kesepakatan hasil mediasi para pihak.", Outcome::MediasiBerhasil),
            ("Majelis menerima permohonan Pemohon sebagian.", Outcome::DikabulkanSebagian),
            ("Amar Putusan, Memutuskan menolak.", Outcome::Ditolak),
        ];
        for (text, want) in cases {
            assert_eq!(of_amar(text), Some(want), "{text}");
        }
        assert_eq!(of_amar("Membebankan biaya perkara kepada negara."), None);
    }

    fn report(paragraphs: &[&str]) -> Document {
        Document {
            meta: crate::model::DocumentMeta {
                doc_type: DocType::News,
                ..Default::default()
            },
            roster: Vec::new(),
            passages: paragraphs
                .iter()
                .enumerate()
                .map(|(i, t)| crate::model::Passage::paragraph(i, t.to_string(), 1, None))
                .collect(),
        }
    }

    #[test]
    fn a_report_states_an_outcome_only_of_the_ruling_and_only_one() {
        let ruled =
            report(&["Majelis Komisioner memutuskan mengabulkan permohonan warga untuk sebagian."]);
        assert_eq!(of_document(&ruled), Some(Outcome::DikabulkanSebagian));
        let refused = report(&["Dinas menolak permohonan informasi itu pada Januari."]);
        assert_eq!(
            of_document(&refused),
            None,
            "a refusal by the body is not a ruling"
        );
        let hoped = report(&["Pemohon berharap majelis mengabulkan permohonan."]);
        assert_eq!(of_document(&hoped), None);
        let rule = report(&["Dalam hal Pemohon tidak hadir, majelis menyatakan permohonan gugur."]);
        assert_eq!(of_document(&rule), None, "a rule quoted is not a ruling");
        let failed = report(&["Majelis mencatat mediasi gagal, sidang berlanjut."]);
        assert_eq!(of_document(&failed), None);
        let settled =
            report(&["Mediasi berakhir dengan kesepakatan: dinas akan menyerahkan dokumen."]);
        assert_eq!(
            of_document(&settled),
            Some(Outcome::MediasiBerhasil),
            "the hedge comes after"
        );
        let withdrawn = report(&["Pemohon secara sukarela mencabut permohonan sengketa itu."]);
        assert_eq!(of_document(&withdrawn), Some(Outcome::Dicabut));
        let mixed = report(&["Sidang pembacaan putusan mediasi sepakat digelar, dan Majelis memutuskan putusan gugur untuk register lain."]);
        assert_eq!(of_document(&mixed), None, "two outcomes, two cases");
        let both = report(&[
            "Majelis menolak permohonan pertama.",
            "Dalam putusan lain, permohonan itu dikabulkan.",
        ]);
        assert_eq!(of_document(&both), None);
    }
}
