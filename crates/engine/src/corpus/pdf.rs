//! PDF files (`*.pdf`): official *risalah sidang* and decisions (putusan) as
//! the commissions publish them.
//!
//! The text layer is read page by page with `pdf-extract`. Page numbers
//! (`- 4 -`, `Halaman 4 dari 20`) and running headers and footers (a line
//! that opens or closes most pages) are dropped; a word hyphenated across a
//! line end is joined. A risalah (numbered `1. KETUA MAJELIS: …` turns) then
//! goes through the transcript parser; anything else is a decision, its
//! lines rejoined into paragraphs. Every passage keeps the page it starts on.
//!
//! The metadata comes from the sidecar `NAME.pdf.meta` where it has a key,
//! else from the text: the register number, the commission, the date of the
//! hearing or of the reading of the decision, the agenda. A PDF without a
//! text layer (a scan) is rejected with the advice to OCR it.

use super::diagnostics::{Diagnostics, Problem};
use super::frontmatter::FrontMatter;
use super::labels::LabelTable;
use super::sidecar::from_file_name;
use crate::model::{DocDate, DocType, Document, DocumentMeta, Passage, Provenance};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::LazyLock;

/// Fewer letters and digits than this in the whole text layer: a scan.
const MIN_TEXT_CHARS: usize = 20;

/// Lines at each end of a page that may be a running header or footer.
const RUNNING_LINES: usize = 3;

/// A line that is only a page number: `4`, `- 4 -`, `Halaman 4 dari 20`, `Page 4 of 20`, `4/20`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:halaman|hal\.?|page|hlm\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?\s*(?:(?:dari|of|/)\s*\d{1,4})?\s*$",
    )
    .expect("static regex")
});

/// The commission named on a line: `KOMISI INFORMASI PROVINSI JAWA TENGAH`.
static COMMISSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(komisi informasi(?:\s+(?:pusat|provinsi|kabupaten|kota)\b[\p{L} .]{0,40}?)?)\s*(?:republik indonesia)?\s*$")
        .expect("static regex")
});

/// A date written out: `27 Maret 2024`, `3 Agt. 2023`.
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|okt|nov|des)\.?\s+((?:19|20)\d{2})\b")
        .expect("static regex")
});

/// Where a decision says when it was read: `diucapkan … pada hari …, tanggal …`.
static READ_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(diucapkan|dibacakan|diputuskan)\b").expect("static regex")
});

/// The agenda line of a risalah's cover: `Acara: Pembuktian`, `AGENDA : …`.
static AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:acara|agenda)(?:\s+sidang)?\s*:\s*(.{3,120}?)\s*$")
        .expect("static regex")
});

/// A numbered turn of an official risalah: `12. KETUA MAJELIS: …`.
static NUMBERED_TURN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,5}\.\s+[A-Z][A-Z .'()-]{1,60}:").expect("static regex"));

/// A line that opens a paragraph of a decision: `[2.1]`, `3.4.`, `a.`, `1)`, `Menimbang`.
static PARAGRAPH_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\[\d+(?:\.\d+)*\]|\d+(?:\.\d+)*\.\s|\d+\)\s|[a-z]\.\s|[a-z]\)\s|[ivx]+\.\s|(?:menimbang|mengingat|memperhatikan|menetapkan|mengadili|memutuskan)\b)")
        .expect("static regex")
});

/// The body of a PDF: its cleaned lines and the page each is on.
struct Body {
    lines: Vec<String>,
    pages: Vec<u32>,
}

/// The documents in the PDF at `path` (`bytes`), described by its sidecar.
pub fn parse(
    path: &Path,
    bytes: &[u8],
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Document> {
    let pages = match text_layer(bytes) {
        Ok(pages) => pages,
        Err(reason) => {
            diag.error(1, reason);
            return Vec::new();
        }
    };
    let chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if chars < MIN_TEXT_CHARS {
        diag.error(
            1,
            format!(
                "no text layer (scanned?): OCR it first (for instance `ocrmypdf {0} {0}`), then index it again; {1} page(s) skipped",
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                pages.len()
            ),
        );
        return Vec::new();
    }
    let body = body_of(&pages);
    let side = super::sidecar::Sidecar::read(path, labels);
    let doc_type = side
        .header
        .as_ref()
        .filter(|_| side.gives(super::frontmatter::Key::Type))
        .map_or_else(|| kind_of(&body), |h| h.meta.doc_type);
    let found = from_text(path, &body, doc_type);
    let allowed = [DocType::Transcript, DocType::Putusan, DocType::News];
    let (meta, roster) = super::described(path, side, found, &allowed, diag);
    let passages = match meta.doc_type {
        DocType::Transcript => turns(path, &body, meta.clone(), roster.clone(), labels, diag),
        DocType::Putusan | DocType::News => paragraphs(&body),
    };
    if passages.is_empty() {
        diag.error(1, "the text layer holds no passage");
        return Vec::new();
    }
    vec![Document {
        meta,
        roster,
        passages,
    }]
}

/// The text of each page, or why there is none. The reader is guarded: a
/// damaged file is a reason, never a crash.
fn text_layer(bytes: &[u8]) -> Result<Vec<String>, String> {
    // The header may follow a little junk, within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err("not a PDF file (no `%PDF-` header)".to_string());
    }
    let read = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    match read {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => Err(format!("cannot read the PDF: {e}")),
        Err(_) => Err("cannot read the PDF: the file is damaged or uses a feature the reader does not support".to_string()),
    }
}

/// The lines of every page without page numbers and running headers or
/// footers, hyphenated line ends joined; a blank line between pages.
fn body_of(pages: &[String]) -> Body {
    let split: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect())
        .collect();
    let running = running_lines(&split);
    let mut body = Body {
        lines: Vec::new(),
        pages: Vec::new(),
    };
    for (index, lines) in split.iter().enumerate() {
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let filled: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].trim().is_empty())
            .collect();
        let ends: Vec<usize> = filled
            .iter()
            .take(RUNNING_LINES)
            .chain(filled.iter().rev().take(RUNNING_LINES))
            .copied()
            .collect();
        for (i, line) in lines.iter().enumerate() {
            let at_end = ends.contains(&i);
            if at_end && (PAGE_NUMBER.is_match(line) || running.contains(&shape(line))) {
                continue;
            }
            body.lines.push(line.trim().to_string());
            body.pages.push(page);
        }
        body.lines.push(String::new());
        body.pages.push(page);
    }
    join_hyphens(&mut body.lines);
    body
}

/// The shapes of lines that open or close most pages: a running header or footer.
fn running_lines(pages: &[Vec<&str>]) -> Vec<String> {
    if pages.len() < 2 {
        return Vec::new();
    }
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for lines in pages {
        let filled: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let mut seen: Vec<String> = filled
            .iter()
            .take(RUNNING_LINES)
            .chain(filled.iter().rev().take(RUNNING_LINES))
            .map(|l| shape(l))
            .collect();
        seen.sort();
        seen.dedup();
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(s, n)| *n >= 2 && n * 2 >= pages.len() && s.chars().any(char::is_alphabetic))
        .map(|(s, _)| s)
        .collect()
}

/// A line with digits made alike and spaces collapsed, lowercased: the
/// same running header on every page, whatever its page number.
fn shape(line: &str) -> String {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect();
    words.join(" ")
}

/// Joins a word hyphenated across a line end (`informa-` / `si`), keeping
/// the hyphen of a reduplication (`sewenang-` / `wenang`, `alat-` / `alat`).
fn join_hyphens(lines: &mut [String]) {
    for i in 0..lines.len().saturating_sub(1) {
        let Some(stem) = lines[i].strip_suffix('-') else {
            continue;
        };
        let last = stem.rsplit(' ').next().unwrap_or("");
        if !last.chars().last().is_some_and(char::is_alphabetic) {
            continue;
        }
        let next = lines[i + 1].clone();
        let (first, rest) = next.split_once(' ').unwrap_or((&next, ""));
        if !first.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        // `sewenang-` / `wenang`, `berbeda-` / `beda`: the word repeats its own end.
        let repeated = first.trim_end_matches([',', '.', ';', ':']).to_lowercase();
        let reduplicated =
            repeated.chars().count() >= 2 && last.to_lowercase().ends_with(&repeated);
        let joined = if reduplicated {
            format!("{}{first}", lines[i])
        } else {
            format!("{stem}{first}")
        };
        lines[i] = joined;
        lines[i + 1] = rest.trim().to_string();
    }
}

/// A risalah when three lines open numbered turns; a decision otherwise.
fn kind_of(body: &Body) -> DocType {
    let turns = body
        .lines
        .iter()
        .filter(|l| NUMBERED_TURN.is_match(l))
        .count();
    if turns >= 3 {
        DocType::Transcript
    } else {
        DocType::Putusan
    }
}

/// What the text says of itself: register number, commission, date, agenda.
fn from_text(path: &Path, body: &Body, doc_type: DocType) -> DocumentMeta {
    let named = from_file_name(path, doc_type, Provenance::of_type(doc_type));
    let text = body.lines.join("\n");
    // The decision's or hearing's own register number comes first, in its head.
    let case = crate::legal::register::mentions(&text)
        .first()
        .map(|m| m.written.split_whitespace().collect::<String>());
    let commission = body
        .lines
        .iter()
        .find_map(|l| COMMISSION.captures(l).map(|c| title_case(c[1].trim())));
    let date = match doc_type {
        DocType::Putusan => read_out_date(&text).or_else(|| written_dates(&text).last().copied()),
        DocType::Transcript | DocType::News => written_dates(&text).first().copied(),
    };
    let agenda = (doc_type == DocType::Transcript)
        .then(|| {
            body.lines
                .iter()
                .find_map(|l| AGENDA.captures(l).map(|c| c[1].to_string()))
        })
        .flatten();
    let kind = match doc_type {
        DocType::Putusan => "Putusan",
        DocType::Transcript => "Risalah sidang",
        DocType::News => "",
    };
    let title = match &case {
        Some(case) if !kind.is_empty() => format!("{kind} {case}"),
        _ => named.title.clone(),
    };
    DocumentMeta {
        title,
        commission,
        case,
        date: date.or(named.date),
        agenda,
        ..named
    }
}

/// The date a decision was read out: the first written date after the last
/// `diucapkan` / `dibacakan` / `diputuskan`.
fn read_out_date(text: &str) -> Option<DocDate> {
    let at = READ_OUT.find_iter(text).last()?.start();
    let window: String = text[at..].chars().take(400).collect();
    written_dates(&window).first().copied()
}

/// Every written-out date in `text`, in order.
fn written_dates(text: &str) -> Vec<DocDate> {
    WRITTEN_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let day: u32 = c[1].parse().ok()?;
            let month = month_number(&c[2])?;
            DocDate::parse_document(&format!("{}-{month:02}-{day:02}", &c[3])).ok()
        })
        .collect()
}

/// The number of an Indonesian month name or its abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let months = [
        ["jan", "januari"],
        ["feb", "februari"],
        ["mar", "maret"],
        ["apr", "april"],
        ["mei", "mei"],
        ["jun", "juni"],
        ["jul", "juli"],
        ["agu", "agustus"],
        ["sep", "september"],
        ["okt", "oktober"],
        ["nov", "november"],
        ["des", "desember"],
    ];
    let alias = match name.as_str() {
        "pebruari" => "feb",
        "agt" | "ags" => "agu",
        "nopember" => "nov",
        other => other,
    };
    months
        .iter()
        .position(|m| m.contains(&alias))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// `KOMISI INFORMASI PROVINSI JAWA TENGAH` → `Komisi Informasi Provinsi Jawa Tengah`;
/// short capitalised words (`DKI`, `DIY`) stay as they are.
fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            if w.len() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '.') {
                return w.to_string();
            }
            crate::model::capitalised(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The turns of a risalah, each with its page; the problems the transcript
/// parser finds name the page too.
fn turns(
    path: &Path,
    body: &Body,
    meta: DocumentMeta,
    roster: Vec<crate::model::Speaker>,
    labels: &LabelTable,
    diag: &mut Diagnostics,
) -> Vec<Passage> {
    let lines: Vec<&str> = body.lines.iter().map(String::as_str).collect();
    let header = FrontMatter {
        meta,
        roster,
        body_start: 0,
        present: Vec::new(),
        doc_type: Some(DocType::Transcript),
    };
    let mut own = Diagnostics::new(path);
    let document = super::transcript::parse(&lines, header, labels, &mut own);
    let page_of = |line: u32| {
        let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
        body.pages.get(index).copied()
    };
    let problems: Vec<Problem> = own
        .into_problems()
        .into_iter()
        .map(|mut p| {
            if let Some(page) = page_of(p.line) {
                p.reason = format!("{} (page {page})", p.reason);
            }
            p
        })
        .collect();
    diag.adopt(problems);
    document
        .passages
        .into_iter()
        .map(|mut p| {
            p.page = page_of(p.line);
            p
        })
        .collect()
}

/// The paragraphs of a decision: lines rejoined until a blank line, a
/// paragraph mark (`[2.1]`, `3.`, `a.`, `Menimbang`), a heading, or a short
/// line that ends a sentence.
fn paragraphs(body: &Body) -> Vec<Passage> {
    let widths: Vec<usize> = body
        .lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let full = typical_width(&widths);
    let mut passages: Vec<Passage> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut previous_ended = true;
    for (index, line) in body.lines.iter().enumerate() {
        if line.is_empty() {
            // A page break inside a sentence does not end the paragraph.
            if previous_ended {
                flush(&mut current, body, &mut passages);
            }
            continue;
        }
        let heading = is_heading(line);
        if heading || PARAGRAPH_MARK.is_match(line) || previous_ended {
            flush(&mut current, body, &mut passages);
        }
        match &mut current {
            Some((_, text)) => {
                text.push(' ');
                text.push_str(line);
            }
            None => current = Some((index, line.clone())),
        }
        let short = line.chars().count() * 5 < full * 4;
        previous_ended = heading || (short && line.ends_with(['.', ':', ';', '?', '!']));
    }
    flush(&mut current, body, &mut passages);
    passages
}

/// Ends the paragraph being built, if any.
fn flush(current: &mut Option<(usize, String)>, body: &Body, passages: &mut Vec<Passage>) {
    let Some((index, text)) = current.take() else {
        return;
    };
    let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
    let page = body.pages.get(index).copied();
    passages.push(Passage::paragraph(passages.len(), text, line, page));
}

/// The width of a full line of the text: the 80th percentile of line lengths.
fn typical_width(widths: &[usize]) -> usize {
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    sorted
        .get(sorted.len() * 4 / 5)
        .copied()
        .unwrap_or(80)
        .max(20)
}

/// A heading: a short line in capitals (`DUDUK PERKARA`, `AMAR PUTUSAN`).
fn is_heading(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && line.chars().count() <= 80 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn hyphenated_line_ends_join_and_reduplications_keep_their_hyphen() {
        let mut l = lines(&[
            "sebagai informa-",
            "si publik",
            "secara sewenang-",
            "wenang, kata",
        ]);
        join_hyphens(&mut l);
        assert_eq!(
            l,
            lines(&[
                "sebagai informasi",
                "publik",
                "secara sewenang-wenang,",
                "kata"
            ])
        );
    }

    #[test]
    fn page_numbers_and_running_lines_are_recognised() {
        for number in [
            "4",
            "- 4 -",
            "Halaman 4 dari 20",
            "hal. 4",
            "Page 4 of 20",
            "4/20",
            "(4)",
        ] {
            assert!(PAGE_NUMBER.is_match(number), "{number}");
        }
        assert!(!PAGE_NUMBER.is_match("4. Bahwa pemohon"));
        let pages = vec![
            vec!["Putusan Nomor 1/I/KI-X-PS/2099", "Isi satu", "Hal 1"],
            vec!["Putusan Nomor 1/I/KI-X-PS/2099", "Isi dua", "Hal 2"],
            vec!["Putusan Nomor 1/I/KI-X-PS/2099", "Isi tiga", "Hal 3"],
        ];
        let running = running_lines(&pages);
        assert!(running.contains(&shape("Putusan Nomor 1/I/KI-X-PS/2099")));
        assert!(running.contains(&shape("Hal 3")));
        assert!(!running.contains(&shape("Isi dua")));
    }

    #[test]
    fn metadata_words_are_read() {
        assert_eq!(month_number("Agt"), Some(8));
        assert_eq!(month_number("Nopember"), Some(11));
        assert_eq!(
            title_case("KOMISI INFORMASI PROVINSI DKI JAKARTA"),
            "Komisi Informasi Provinsi DKI Jakarta"
        );
        let found =
            crate::legal::register::mentions("Nomor: 012 / X / KI-CONTOH-PS / 2099 tanggal");
        assert_eq!(found[0].written, "012 / X / KI-CONTOH-PS / 2099");
    }
}
