//! The sections of a decision, read from its headings as the commissions
//! publish them: `DUDUK PERKARA`, `II. PERTIMBANGAN HUKUM`, `4. Kesimpulan`,
//! `MENGADILI:`, roman or arabic or lettered, upper or title case, alone on
//! a line or leading the paragraph (a PDF joins a heading to its text).
//! Sub-headings name their section (`Kronologi` and `Alasan Permohonan` are
//! in the duduk perkara, `Kewenangan`, `Kedudukan Hukum` and `Pokok
//! Permohonan` in the pertimbangan). A numbered paragraph (`[3.4]`) is in the
//! section whose heading carries its first number.
//!
//! What comes before the first heading is the identity (kepala putusan, the
//! parties). A decision without any heading gets no sections at all: a
//! guess would be a wrong filter.

use crate::model::{Passage, Section};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The heading words of each section, longest first within a section.
const HEADINGS: &[(Section, &[&str])] = &[
    (
        Section::Identitas,
        &[
            "kepala putusan",
            "identitas para pihak",
            "identitas",
            "para pihak",
        ],
    ),
    (
        Section::DudukPerkara,
        &[
            "duduk perkara",
            "duduk sengketa",
            "kronologi sengketa",
            "kronologis",
            "kronologi",
            "alasan permohonan",
            "alasan pengajuan keberatan",
            "keterangan para pihak",
            "keterangan pemohon",
            "keterangan termohon",
            "tanggapan termohon",
            "jawaban termohon",
            "keterangan saksi",
            "keterangan ahli",
            "keterangan pihak terkait",
            "alasan pemohon",
            "dalil pemohon",
            "dalil termohon",
            "keterangan kuasa pemohon",
            "keterangan kuasa termohon",
            "tanggapan pemohon",
            "kesimpulan para pihak",
            "kesimpulan pemohon",
            "kesimpulan termohon",
            "petitum",
        ],
    ),
    (
        Section::Pertimbangan,
        &[
            "pertimbangan hukum",
            "pertimbangan majelis",
            "pertimbangan",
            "kewenangan komisi informasi",
            "kewenangan",
            "kedudukan hukum",
            "legal standing",
            "pokok permohonan",
            "fakta hukum",
            "pendapat majelis",
        ],
    ),
    (Section::Kesimpulan, &["kesimpulan", "konklusi"]),
    (
        Section::Amar,
        &["amar putusan", "amar", "mengadili", "memutuskan"],
    ),
];

/// A heading's number (`II.`, `2.`, `B.`, `[2]`), then the rest (a PDF
/// may drop the space: `2.DUDUK PERKARA`).
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\[\s*)?(?P<number>[IVXL]{1,5}|\d{1,2}|[A-H])(?:\s*\])?(?:[.)]\s*|\s+)(?P<rest>\S.*)$",
    )
    .expect("the heading-number pattern is valid")
});

/// A numbered paragraph: `[3.4]`, `(3.4)`, `3.4.`.
static PARAGRAPH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[\[(]?\s*(?P<number>\d{1,2})\.\d{1,3}\s*[\])]?")
        .expect("the paragraph-number pattern is valid")
});

/// A numbered top-level heading inside a paragraph, as a PDF joins it to
/// the text before (`… sebagai berikut. 3. PERTIMBANGAN HUKUM [3.1] …`):
/// upper case only.
static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?P<number>\d{1,2}|[IVX]{1,4})\.\s+(?P<heading>IDENTITAS|DUDUK PERKARA|PERTIMBANGAN HUKUM|KESIMPULAN|AMAR PUTUSAN|MENGADILI|MEMUTUSKAN)\b")
        .expect("the inline-heading pattern is valid")
});

/// The most words a title-case heading line holds.
pub(crate) const HEADING_WORDS: usize = 6;

/// The value of a roman or arabic number.
fn number_value(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok()
}

/// The section a heading at the start of `text` opens, and the heading's
/// number (arabic or roman) when it has one.
pub fn heading(text: &str) -> Option<(Section, Option<u32>)> {
    let (number, rest) = match NUMBERED.captures(text) {
        Some(c) => (
            c.name("number").and_then(|n| number_value(n.as_str())),
            c.name("rest").map_or("", |r| r.as_str()),
        ),
        None => (None, text.trim_start()),
    };
    let lower = rest.to_lowercase();
    for (section, words) in HEADINGS {
        for word in *words {
            let Some(after) = lower.strip_prefix(word) else {
                continue;
            };
            if after.starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let written = rest.get(..word.len()).unwrap_or("");
            let upper = written.chars().any(char::is_alphabetic)
                && !written.chars().any(char::is_lowercase);
            let alone = rest.split_whitespace().count() <= HEADING_WORDS;
            if upper || alone {
                return Some((*section, number));
            }
        }
    }
    None
}

/// Gives every passage of a decision its section; leaves them all without
/// one when no passage is or holds a heading.
pub fn assign(passages: &mut [Passage]) {
    // Each passage's heading at its start, and one inside it.
    let headings: Vec<_> = passages
        .iter()
        .map(|p| (heading(&p.text), inline_heading(&p.text)))
        .collect();
    if headings
        .iter()
        .all(|(at_start, inside)| at_start.is_none() && inside.is_none())
    {
        return;
    }
    let mut reading = Reading {
        current: Section::Identitas,
        by_number: HashMap::new(),
    };
    for (p, (at_start, inside)) in passages.iter_mut().zip(headings) {
        if let Some(found) = at_start {
            reading.open(found);
            p.section = Some(reading.current);
            continue;
        }
        let numbered = PARAGRAPH_NUMBER
            .captures(&p.text)
            .and_then(|c| c.name("number")?.as_str().parse::<u32>().ok())
            .and_then(|n| reading.by_number.get(&n).copied());
        p.section = Some(numbered.unwrap_or(reading.current));
        // A heading inside the paragraph opens its section for the next ones.
        if let Some(found) = inside {
            reading.open(found);
        }
    }
}

/// Where the reading of a decision is: the current section, and the
/// section each heading number opened.
struct Reading {
    current: Section,
    by_number: HashMap<u32, Section>,
}

impl Reading {
    /// A heading of `section` (numbered `number`) is read. A sub-heading
    /// never takes the decision back to an earlier section (`Keterangan
    /// Pemohon` quoted in the pertimbangan).
    fn open(&mut self, (section, number): (Section, Option<u32>)) {
        if section >= self.current {
            self.current = section;
        }
        if let Some(n) = number {
            self.by_number.entry(n).or_insert(self.current);
        }
    }
}

/// The last numbered top-level heading inside `text` (not at its start).
fn inline_heading(text: &str) -> Option<(Section, Option<u32>)> {
    let caps = INLINE_HEADING.captures_iter(text).last()?;
    let (section, _) = heading(caps.name("heading")?.as_str())?;
    Some((
        section,
        caps.name("number").and_then(|n| number_value(n.as_str())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_in_the_ways_decisions_write_them() {
        let h = |t: &str| heading(t).map(|(s, _)| s);
        assert_eq!(h("DUDUK PERKARA"), Some(Section::DudukPerkara));
        assert_eq!(h("II. PERTIMBANGAN HUKUM"), Some(Section::Pertimbangan));
        assert_eq!(
            heading("4. Kesimpulan"),
            Some((Section::Kesimpulan, Some(4)))
        );
        assert_eq!(heading("IV. AMAR PUTUSAN"), Some((Section::Amar, Some(4))));
        assert_eq!(h("MENGADILI: Mengabulkan permohonan"), Some(Section::Amar));
        assert_eq!(h("Memutuskan:"), Some(Section::Amar));
        assert_eq!(h("B. Kedudukan Hukum Pemohon"), Some(Section::Pertimbangan));
        assert_eq!(h("2.DUDUK PERKARA"), Some(Section::DudukPerkara));
        // The parties' written conclusions are part of the duduk perkara.
        assert_eq!(h("C. Kesimpulan Termohon"), Some(Section::DudukPerkara));
        assert_eq!(h("III. KESIMPULAN"), Some(Section::Kesimpulan));
        assert_eq!(
            h("PERTIMBANGAN HUKUM [3.1] Menimbang bahwa maksud permohonan"),
            Some(Section::Pertimbangan)
        );
    }

    #[test]
    fn sentences_that_start_with_a_heading_word_are_not_headings() {
        assert_eq!(
            heading("Kesimpulan Majelis dalam perkara ini adalah bahwa permohonan beralasan"),
            None
        );
        assert_eq!(heading("Pertimbangannya sederhana"), None);
        assert_eq!(heading("Menimbang bahwa Pemohon hadir"), None);
    }

    fn paragraphs(texts: &[&str]) -> Vec<Passage> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Passage::paragraph(i, t.to_string(), 1, None))
            .collect()
    }

    #[test]
    fn a_heading_joined_to_the_text_before_opens_its_section_after() {
        let mut ps = paragraphs(&[
            "1. IDENTITAS Pemohon dan Termohon.",
            "(1.1) Bahwa Pemohon hadir. 2. DUDUK PERKARA A. Pendahuluan",
            "(2.1) Bahwa permohonan diajukan.",
            "Menimbang hal lain. 3. PERTIMBANGAN HUKUM",
            "Menimbang bahwa Majelis berwenang.",
        ]);
        assign(&mut ps);
        let got: Vec<Option<Section>> = ps.iter().map(|p| p.section).collect();
        assert_eq!(
            got,
            [
                Some(Section::Identitas),
                Some(Section::Identitas),
                Some(Section::DudukPerkara),
                Some(Section::DudukPerkara),
                Some(Section::Pertimbangan),
            ]
        );
    }

    #[test]
    fn roman_numbers_have_their_value() {
        assert_eq!(number_value("IV"), Some(4));
        assert_eq!(number_value("XII"), Some(12));
        assert_eq!(number_value("3"), Some(3));
        assert_eq!(number_value("B"), None);
    }
}
