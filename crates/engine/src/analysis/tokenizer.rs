//! Word segmentation for Indonesian text, shared by the stemmed and the exact view.
//!
//! Words are found with Unicode word boundaries (`unicode-segmentation`), then
//! normalised (NFKC, lowercase). Hyphenated groups are kept as one token when
//! they are reduplication (`anak-anak`, `sebaik-baiknya`, `undang-undang`) or
//! carry a clitic (`cloud-nya`, `kuasa-Mu`); other groups (`KIP-PS`,
//! `bolak-balik`, `e-KTP`) are split into their words. Identifiers split at
//! `/`, `-` and `.` into searchable parts: `023/III/KIP-PS/2024` is
//! `023 iii kip ps 2024`, and a phrase of those parts finds it. Offsets are
//! byte offsets into the original text and always fall on char boundaries.

use super::morphology::{is_clitic, is_reduplication};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The longest token kept, in bytes; longer "words" (binary junk, base64) are dropped.
pub const MAX_TOKEN_BYTES: usize = 64;

/// The Indonesian word tokenizer; see the module documentation.
#[derive(Clone, Default)]
pub struct IndonesianTokenizer;

impl Tokenizer for IndonesianTokenizer {
    type TokenStream<'a> = IndonesianTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> IndonesianTokenStream<'a> {
        IndonesianTokenStream {
            text,
            cursor: 0,
            spans: Vec::new(),
            segments: Vec::new(),
            chunk_is_ascii: true,
            next_span: 0,
            emitted: 0,
            token: Token::default(),
        }
    }
}

/// The tokens of one text, produced lazily chunk by chunk (a chunk is a run of
/// non-whitespace), reusing one token buffer.
pub struct IndonesianTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    spans: Vec<Span>,
    segments: Vec<Segment>,
    chunk_is_ascii: bool,
    next_span: usize,
    emitted: usize,
    token: Token,
}

impl TokenStream for IndonesianTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(span) = self.spans.get(self.next_span).copied() {
                self.next_span += 1;
                self.token.offset_from = span.from;
                self.token.offset_to = span.to;
                self.token.position = self.emitted;
                self.token.position_length = 1;
                let raw = &self.text[span.from..span.to];
                if self.chunk_is_ascii {
                    self.token.text.clear();
                    self.token.text.push_str(raw);
                    self.token.text.make_ascii_lowercase();
                } else {
                    normalize_into(raw, &mut self.token.text);
                }
                if self.token.text.is_empty() || self.token.text.len() > MAX_TOKEN_BYTES {
                    continue;
                }
                self.emitted += 1;
                return true;
            }
            if !self.load_next_chunk() {
                return false;
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl IndonesianTokenStream<'_> {
    /// Segments the next chunk into token spans; false at the end of the text.
    fn load_next_chunk(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let mut start = self.cursor;
        while start < bytes.len() && class(bytes[start]) == SPACE {
            start += 1;
        }
        if start >= bytes.len() {
            return false;
        }
        let mut end = start;
        let mut seen = 0;
        while end < bytes.len() {
            let c = class(bytes[end]);
            if c == SPACE {
                break;
            }
            seen |= c;
            end += 1;
        }
        let ascii = seen & NON_ASCII == 0;
        self.cursor = end;
        self.chunk_is_ascii = ascii;
        self.spans.clear();
        self.next_span = 0;
        let chunk = &self.text[start..end];
        self.segments.clear();
        if ascii {
            ascii_segments(chunk, start, &mut self.segments);
        } else {
            for (at, segment) in chunk.split_word_bound_indices() {
                let kind = classify(segment);
                if kind != SegmentKind::Other {
                    self.segments.push(Segment {
                        from: start + at,
                        to: start + at + segment.len(),
                        kind,
                        joined: segment.contains(['.', ':']),
                    });
                }
            }
        }
        group_segments(self.text, &self.segments, &mut self.spans);
        true
    }
}

/// Byte classes for the ASCII fast path, one table lookup per byte.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 4;
const SPACE: u8 = 8;
const NON_ASCII: u8 = 16;
const WORD: u8 = LETTER | DIGIT | UNDERSCORE;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDERSCORE
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// A byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    from: usize,
    to: usize,
}

/// What a word-boundary segment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegmentKind {
    Word,
    Hyphen,
    Other,
}

/// One word-boundary segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    from: usize,
    to: usize,
    kind: SegmentKind,
    /// Whether a `.` or `:` may sit inside the segment (it is then split there).
    joined: bool,
}

fn classify(segment: &str) -> SegmentKind {
    if segment.chars().any(char::is_alphanumeric) {
        SegmentKind::Word
    } else if matches!(segment, "-" | "\u{2010}" | "\u{2011}") {
        SegmentKind::Hyphen
    } else {
        SegmentKind::Other
    }
}

/// The word and hyphen segments of Unicode word boundaries (UAX #29) for an
/// ASCII chunk without whitespace, computed directly: letters and digits join,
/// `.` `'` `:` join letters, `.` `'` `,` `;` join digits, `_` joins anything
/// word-like; other punctuation only separates. A test checks this against
/// `unicode-segmentation` on generated text.
fn ascii_segments(chunk: &str, base: usize, out: &mut Vec<Segment>) {
    let b = chunk.as_bytes();
    let is_letter = |c: u8| class(c) == LETTER;
    let is_digit = |c: u8| class(c) == DIGIT;
    let is_word = |c: u8| class(c) & WORD != 0;
    let mut i = 0;
    while i < b.len() {
        if !is_word(b[i]) {
            if b[i] == b'-' {
                out.push(Segment {
                    from: base + i,
                    to: base + i + 1,
                    kind: SegmentKind::Hyphen,
                    joined: false,
                });
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut joined = false;
        i += 1;
        loop {
            if i < b.len() && is_word(b[i]) {
                i += 1;
                continue;
            }
            if i + 1 < b.len() {
                let (prev, mid, next) = (b[i - 1], b[i], b[i + 1]);
                let letters =
                    is_letter(prev) && is_letter(next) && matches!(mid, b'.' | b'\'' | b':');
                let digits =
                    is_digit(prev) && is_digit(next) && matches!(mid, b'.' | b'\'' | b',' | b';');
                if letters || digits {
                    joined |= matches!(mid, b'.' | b':');
                    i += 2;
                    continue;
                }
            }
            break;
        }
        if !b[start..i].iter().all(|&c| c == b'_') {
            out.push(Segment {
                from: base + start,
                to: base + i,
                kind: SegmentKind::Word,
                joined,
            });
        }
    }
}

/// Turns word and hyphen segments (others left out) into token spans:
/// hyphen groups fused or split, words split at `.` and `:`. Segments are
/// adjacent when one ends where the next starts.
fn group_segments(text: &str, segments: &[Segment], spans: &mut Vec<Span>) {
    let mut i = 0;
    while i < segments.len() {
        if segments[i].kind != SegmentKind::Word {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end + 1 < segments.len()
            && segments[end].kind == SegmentKind::Hyphen
            && segments[end + 1].kind == SegmentKind::Word
            && segments[end].from == segments[end - 1].to
            && segments[end + 1].from == segments[end].to
        {
            end += 2;
        }
        if end == i + 1 {
            push_word(text, segments[i], spans);
            i = end;
            continue;
        }
        let words: Vec<Segment> = segments[i..end]
            .iter()
            .copied()
            .filter(|s| s.kind == SegmentKind::Word)
            .collect();
        if words.len() > 1 && should_fuse(text, &words) {
            spans.push(Span {
                from: words[0].from,
                to: words[words.len() - 1].to,
            });
        } else {
            for word in words {
                push_word(text, word, spans);
            }
        }
        i = end;
    }
}

/// Whether a hyphen group is one word: reduplication or a word with a clitic.
fn should_fuse(text: &str, words: &[Segment]) -> bool {
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            let mut s = String::new();
            normalize_into(&text[w.from..w.to], &mut s);
            s
        })
        .collect();
    if lower.iter().any(|w| !w.chars().all(char::is_alphabetic)) {
        return false;
    }
    let mut core: &[String] = &lower;
    while core.len() > 1 && is_clitic(&core[core.len() - 1]) {
        core = &core[..core.len() - 1];
    }
    match core {
        [_] => lower.len() > 1,
        [a, b] => is_reduplication(a, b),
        _ => false,
    }
}

/// Emits one word, split at `.` or `:` unless both neighbours are digits:
/// `kpu.go.id` is three words, `1.353` one.
fn push_word(text: &str, word: Segment, spans: &mut Vec<Span>) {
    if !word.joined {
        spans.push(Span {
            from: word.from,
            to: word.to,
        });
        return;
    }
    let raw = &text[word.from..word.to];
    let bytes = raw.as_bytes();
    let mut from = 0;
    for (at, &c) in bytes.iter().enumerate() {
        if !matches!(c, b'.' | b':') {
            continue;
        }
        let between_digits = at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        if between_digits {
            continue;
        }
        if at > from {
            spans.push(Span {
                from: word.from + from,
                to: word.from + at,
            });
        }
        from = at + 1;
    }
    if raw.len() > from {
        spans.push(Span {
            from: word.from + from,
            to: word.to,
        });
    }
}

/// Writes the NFKC, lowercase form of `word` into `out`; ASCII takes the fast path.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.nfkc().flat_map(char::to_lowercase));
    }
}

/// The normalised tokens of `text`, with offsets and positions (for tests and tools).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokenizer = IndonesianTokenizer;
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_are_lowercased_with_byte_offsets() {
        let tokens = tokenize("Komisi Informasi Pusat (KIP) — Rabu");
        let got: Vec<(&str, usize, usize, usize)> = tokens
            .iter()
            .map(|t| (t.text.as_str(), t.offset_from, t.offset_to, t.position))
            .collect();
        assert_eq!(
            got,
            vec![
                ("komisi", 0, 6, 0),
                ("informasi", 7, 16, 1),
                ("pusat", 17, 22, 2),
                ("kip", 24, 27, 3),
                ("rabu", 33, 37, 4),
            ]
        );
    }

    #[test]
    fn reduplication_and_clitics_fuse_other_hyphens_split() {
        assert_eq!(texts("anak-anak"), ["anak-anak"]);
        assert_eq!(texts("sebaik-baiknya"), ["sebaik-baiknya"]);
        assert_eq!(texts("Undang-Undang"), ["undang-undang"]);
        assert_eq!(texts("cloud-nya"), ["cloud-nya"]);
        assert_eq!(texts("malaikat-malaikat-Nya"), ["malaikat-malaikat-nya"]);
        assert_eq!(texts("bolak-balik"), ["bolak", "balik"]);
        assert_eq!(texts("KIP-PS"), ["kip", "ps"]);
        assert_eq!(texts("anak - anak"), ["anak", "anak"]);
    }

    #[test]
    fn identifiers_split_into_searchable_parts() {
        assert_eq!(
            texts("023/III/KIP-PS/2024"),
            ["023", "iii", "kip", "ps", "2024"]
        );
        assert_eq!(
            texts("Nomor 333 Tahun 2024"),
            ["nomor", "333", "tahun", "2024"]
        );
        assert_eq!(texts("Pasal 17 huruf c"), ["pasal", "17", "huruf", "c"]);
        assert_eq!(
            texts("sirekap-web.kpu.go.id"),
            ["sirekap", "web", "kpu", "go", "id"]
        );
        assert_eq!(texts("Rp1.353 Triliun"), ["rp1.353", "triliun"]);
        assert_eq!(texts("(27/3/2024)"), ["27", "3", "2024"]);
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_unicode_segmentation() {
        // A bounded sweep of generated ASCII chunks built from the characters
        // the word-boundary rules treat specially.
        let alphabet = b"ab1.',:;-_/(";
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let len = (seed % 9 + 1) as usize;
            let mut chunk = String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                chunk.push(char::from(
                    alphabet[(seed % alphabet.len() as u64) as usize],
                ));
            }
            let mut fast = Vec::new();
            ascii_segments(&chunk, 0, &mut fast);
            let fast_words: Vec<(usize, usize)> = fast
                .iter()
                .filter(|s| s.kind == SegmentKind::Word)
                .map(|s| (s.from, s.to))
                .collect();
            let uax_words: Vec<(usize, usize)> = chunk
                .split_word_bound_indices()
                .filter(|(_, s)| classify(s) == SegmentKind::Word)
                .map(|(at, s)| (at, at + s.len()))
                .collect();
            assert_eq!(fast_words, uax_words, "{chunk:?}");
        }
    }

    #[test]
    fn unicode_is_normalised() {
        assert_eq!(texts("ＫＰＵ Ｓirekap"), ["kpu", "sirekap"]);
        assert_eq!(texts("“Iya,” jawab"), ["iya", "jawab"]);
    }
}
