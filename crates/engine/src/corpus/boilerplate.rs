//! Recognises the boilerplate that scraped news pages carry around a report:
//! related-article links, "Baca Juga:", "loading...", photo credits, datelines
//! of the page, reposting and copyright notices, and the trailing link lists.
//!
//! Each rule is data: a pattern and what to do with a line it matches.

use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// What the cleaner does with a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Part of the report: keep it.
    Keep,
    /// Boilerplate: drop this line.
    Drop,
    /// The start of the page's trailing link lists: drop this line and every line after it.
    DropRest,
}

/// Line patterns (case-insensitive) that are dropped, with why.
const DROP_PATTERNS: &[(&str, &str)] = &[
    (r"^baca (juga|selengkapnya|pula)\b", "related-article link"),
    (r"^loading\W*$", "page loading placeholder"),
    (r"^(a\s+){2}a$", "font-size widget"),
    (
        r"\bfoto\s*/|^\(?foto\s*:|\bfoto\s*:\s*\w+\)?$",
        "photo credit",
    ),
    (
        r"^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),\s+\d{1,2}\s+\p{L}+\s+\d{4}(\s*-\s*\d{1,2}[:.]\d{2}(\s*wi[bta])?)?$",
        "page dateline",
    ),
    (
        r"^dilarang (mengambil|mengutip|menyalin)",
        "reposting notice",
    ),
    (r"^(copyright|hak cipta)\b|^©", "copyright notice"),
    (r"^dapatkan (berita|update|info)", "newsletter promotion"),
    (
        r"^(simak|ikuti|kunjungi)\b.*\b(google news|whatsapp|channel|instagram|saluran)\b",
        "social-media promotion",
    ),
    (r"^\([a-z]{2,5}(/[a-z]{2,5})*\)$", "editor's initials"),
    (r"^(editor|penulis|reporter|pewarta)\s*:", "byline"),
    (
        r"^advertisement$|^scroll to (continue|resume)",
        "advertisement",
    ),
];

/// Section headers after which the page holds only link lists.
const TRAILING_SECTIONS: &str = r"^(berita terkait|berita terkini|berita lainnya|artikel terkait|rekomendasi|terpopuler|terkini|infografis|tags?|topik)\s*:?$";

static DROP: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    DROP_PATTERNS
        .iter()
        .map(|(p, _)| {
            RegexBuilder::new(p)
                .case_insensitive(true)
                .build()
                .expect("static regex")
        })
        .collect()
});

static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(TRAILING_SECTIONS)
        .case_insensitive(true)
        .build()
        .expect("static regex")
});

/// The most words a truncated headline teaser (`KPU Akui Kontrak Alibaba...`) has.
const TEASER_MAX_WORDS: usize = 8;

/// Classifies one trimmed, non-empty line of a news body.
pub fn classify(line: &str) -> Verdict {
    if TRAILING.is_match(line) {
        return Verdict::DropRest;
    }
    if DROP.iter().any(|re| re.is_match(line)) || is_teaser(line) {
        return Verdict::Drop;
    }
    Verdict::Keep
}

/// A short line cut off with an ellipsis: a link teaser, not a paragraph.
fn is_teaser(line: &str) -> bool {
    (line.ends_with("...") || line.ends_with('…'))
        && line.split_whitespace().count() <= TEASER_MAX_WORDS
        && !line.starts_with(['"', '“', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_the_boilerplate_seen_on_news_pages() {
        for line in [
            "Baca Juga: KIP: Keppres Pemberian Gelar Kehormatan Adalah Informasi Publik",
            "Baca juga: Sidang Sengketa Informasi, KIP Dalami Cara KPU Kelola Informasi",
            "loading...",
            "A A A",
            "Komisi Informasi Pusat (KIP) menyidangkan sengketa. Foto/Dok KIP",
            "Kamis, 14 Maret 2024 - 11:19 WIB",
            "Dilarang mengambil dan/atau menayangkan ulang sebagian artikel",
            "(rca)",
            "Copyright ©2025 SINDOnews.com All Rights Reserved",
            "KPU Akui Kontrak Alibaba...",
        ] {
            assert_eq!(classify(line), Verdict::Drop, "{line}");
        }
        assert_eq!(classify("Berita Terkait"), Verdict::DropRest);
        assert_eq!(classify("Rekomendasi"), Verdict::DropRest);
    }

    #[test]
    fn keeps_report_paragraphs() {
        for line in [
            "\"Iya,\" jawab Luqman.",
            "Perlu diketahui, Yakin mengajukan dua permohonan kepada KIP.",
            "Foto dan dokumen kontrak diminta dihadirkan di persidangan berikutnya.",
            "\"Kami akan...\"",
        ] {
            assert_eq!(classify(line), Verdict::Keep, "{line}");
        }
    }
}
