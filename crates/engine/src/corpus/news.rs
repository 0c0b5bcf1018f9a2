//! The news-report format: a front-matter header (title, publisher, url, date,
//! and case and parties where known), then the body as published, one
//! paragraph per line. Boilerplate lines are dropped from the passages (see
//! [`super::boilerplate`]) while the file keeps the page as scraped. Who
//! each paragraph quotes is found later, by the pipeline's attribution stage.

use super::boilerplate::{classify, Verdict};
use super::diagnostics::line_no;
use super::frontmatter::FrontMatter;
use crate::model::{Document, Passage};

/// Splits the body of a news file into paragraphs, dropping boilerplate.
pub fn parse(lines: &[&str], fm: FrontMatter) -> Document {
    let passages = report_lines(lines, fm.body_start)
        .into_iter()
        .enumerate()
        .map(|(i, (line, text))| Passage::paragraph(i, text.to_string(), line, None))
        .collect();
    Document {
        meta: fm.meta,
        roster: fm.roster,
        passages,
    }
}

/// The report's own paragraphs from `start` on, with their 1-based line
/// numbers, text exactly as published (only surrounding whitespace trimmed).
pub fn report_lines<'a>(lines: &[&'a str], start: usize) -> Vec<(u32, &'a str)> {
    let mut kept = Vec::new();
    for (index, raw) in lines.iter().enumerate().skip(start) {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        match classify(text) {
            Verdict::Keep => kept.push((line_no(index), text)),
            Verdict::Drop => {}
            Verdict::DropRest => break,
        }
    }
    kept
}
