//! Procedural passages: what keeps a hearing going rather than what is
//! said in it. Stage directions (`(sidang diskors)`, `KETUK PALU 3X`),
//! opening and closing (`Sidang … dibuka dan terbuka untuk umum`),
//! adjournment and resumption, and the roll call (`Pemohon hadir?` —
//! `Hadir, Majelis.`). Found on the text of a turn or note; a news or
//! decision paragraph is never procedural.

use super::{Passage, PassageKind};
use regex::Regex;
use std::sync::LazyLock;

/// The most words a turn may have and still be only procedure.
const MAX_WORDS: usize = 60;

/// A sentence this short (`Baik.`, `Terima kasih.`) says nothing of its own.
const COURTESY_WORDS: usize = 4;

/// The most words of a roll-call answer or question.
const ROLL_CALL_WORDS: usize = 8;

/// A bare stage direction as transcripts print it on its own line, in
/// capitals: `KETUK PALU 3X`, `SIDANG DISKORS`, `*PALU DIKETUK*`.
static STAGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^[\s*\[(]*(?:KETUK PALU|PALU DIKETUK|SIDANG (?:DIBUKA|DITUTUP|DISKORS|DITUNDA|DILANJUTKAN)|SKORS(?:ING)?|ISTIRAHAT|JEDA)\b[\sA-Z0-9X×.]*[\s*\])]*$",
    )
    .ok()
});

/// Opening, closing, adjourning or resuming the hearing.
static CONDUCT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sidang|persidangan)\b.{0,80}?\b(?:(?:dinyatakan|kami\s+nyatakan|saya\s+nyatakan)\s+)?(?:dibuka|ditutup|diskors|kami\s+skors|saya\s+skors|dilanjutkan|ditunda|dicabut\s+skorsnya)\b|\bterbuka\s+untuk\s+umum\b|\bketuk\s+palu\b",
    )
    .ok()
});

/// Whether a line of a transcript is a bare stage direction.
pub fn is_stage_direction(line: &str) -> bool {
    STAGE.as_ref().is_some_and(|r| r.is_match(line.trim()))
}

impl Passage {
    /// Whether the passage is procedure, not speech (see the module).
    pub fn is_procedural(&self) -> bool {
        is_procedural(self.kind, &self.text)
    }
}

/// Whether a passage of `kind` with `text` is procedure, not speech.
pub fn is_procedural(kind: PassageKind, text: &str) -> bool {
    match kind {
        PassageKind::Note => true,
        PassageKind::Paragraph => false,
        PassageKind::Turn => {
            let words = text.split_whitespace().count();
            let roll_call = words <= ROLL_CALL_WORDS && text.to_lowercase().contains("hadir");
            // Every sentence conducts the hearing (or is a courtesy): a
            // turn that asks or says something besides is speech.
            let conduct = words <= MAX_WORDS
                && !text.contains('?')
                && CONDUCT.as_ref().is_some_and(|r| {
                    r.is_match(text)
                        && text
                            .split_inclusive(['.', '!'])
                            .filter(|s| !s.trim().is_empty())
                            .all(|s| {
                                r.is_match(s) || s.split_whitespace().count() <= COURTESY_WORDS
                            })
                });
            roll_call || conduct || is_stage_direction(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedure_is_told_from_speech() {
        let turn = |t| is_procedural(PassageKind::Turn, t);
        assert!(turn(
            "Sidang perkara nomor 011/IV/KI-NC-PS/2099 dibuka dan terbuka untuk umum."
        ));
        assert!(turn("Baik, sidang kami skors lima belas menit."));
        assert!(turn("Sidang dinyatakan ditutup. (ketuk palu)"));
        assert!(turn("Pemohon hadir?"));
        assert!(turn("Hadir, Majelis."));
        assert!(turn("KETUK PALU 3X"));
        // Opening the hearing and then asking something is speech.
        assert!(!turn(
            "Sidang dibuka. Apakah termohon sudah melakukan uji konsekuensi?"
        ));
        assert!(!turn("Sidang dilanjutkan. Komisi Informasi pernah menangani sengketa serupa, dan majelis akan menimbang putusan itu ketika memeriksa alasan pengecualian yang diajukan termohon dalam jawaban tertulisnya kepada majelis."));
        assert!(!turn(
            "Kami keberatan. Dokumen anggaran adalah informasi yang wajib diumumkan."
        ));
        assert!(!turn("Termohon tidak hadir pada sidang pertama karena undangan terlambat diterima oleh bagian umum."));
        assert!(!is_procedural(
            PassageKind::Paragraph,
            "Sidang dibuka dan terbuka untuk umum."
        ));
        assert!(is_procedural(PassageKind::Note, "(sidang diskors)"));
        assert!(is_stage_direction("KETUK PALU 1X"));
        assert!(is_stage_direction("[SIDANG DISKORS]"));
        assert!(!is_stage_direction("KETUA MAJELIS: Sidang dibuka."));
    }
}
