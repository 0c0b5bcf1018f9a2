//! A generator of synthetic hearing corpora for benchmarks, in the JSONL bulk
//! format. Everything it writes is fictional and labelled synthetic: the
//! commission is "Komisi Informasi Sintetis", the case numbers carry
//! `KI-SINTETIS`, the names are made of syllables. The text is
//! Indonesian-like: a Zipfian vocabulary of function words, roots of the
//! project's own lexicon, their affixed (me-, di-, ter-, ber-, ke-an, pe-an,
//! -kan, -i, -nya) and reduplicated forms, with realistic turn lengths and a
//! hearing's mix of roles. Output is deterministic for a seed.

use risalah_engine::analysis::lexicon;
use risalah_engine::model::Role;
use serde::Serialize;
use std::io::{self, Write};

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthOptions {
    /// How many turns (passages).
    pub turns: u64,
    /// The seed; the same seed gives the same corpus.
    pub seed: u64,
    /// A shard number that keeps document ids apart when a large corpus is
    /// written as several files.
    pub shard: u64,
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SynthStats {
    /// Hearings (documents).
    pub hearings: u64,
    /// Turns (passages).
    pub turns: u64,
    /// Bytes of passage text.
    pub text_bytes: u64,
}

/// SplitMix64: small, fast and stable across versions, so a seed means the
/// same corpus forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "yang",
    "dan",
    "di",
    "itu",
    "ini",
    "dengan",
    "untuk",
    "tidak",
    "dari",
    "dalam",
    "akan",
    "pada",
    "kami",
    "ada",
    "sudah",
    "bahwa",
    "juga",
    "atau",
    "ke",
    "karena",
    "saya",
    "oleh",
    "bisa",
    "kita",
    "tersebut",
    "harus",
    "belum",
    "apakah",
    "sebagai",
    "hanya",
    "masih",
    "jadi",
    "kalau",
    "bukan",
    "agar",
    "maka",
    "para",
    "sehingga",
    "namun",
    "terhadap",
    "telah",
    "majelis",
    "termohon",
    "pemohon",
    "informasi",
    "dokumen",
    "publik",
    "sidang",
];

const SYLLABLES: &[&str] = &[
    "sa", "ri", "wu", "lan", "ko", "ra", "di", "mas", "ti", "na", "bu", "di", "har", "ya", "nto",
    "wi", "ja", "ya", "lin", "da", "su", "ma", "pu", "tri", "se", "tia", "rah", "man", "ga", "ni",
];

const PROVINCES: &[&str] = &[
    "Utara Sintetis",
    "Selatan Sintetis",
    "Tengah Sintetis",
    "Timur Sintetis",
    "Barat Sintetis",
];

/// Roles and their share of turns, in thousandths.
const ROLE_MIX: &[(Role, u64)] = &[
    (Role::Majelis, 400),
    (Role::Pemohon, 200),
    (Role::Termohon, 250),
    (Role::Panitera, 50),
    (Role::Saksi, 40),
    (Role::Ahli, 30),
    (Role::PihakTerkait, 20),
    (Role::Lainnya, 10),
];

/// The Zipf exponent of the vocabulary.
const ZIPF_S: f64 = 1.07;

/// The vocabulary, most frequent first, with its cumulative Zipf weights.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng) -> Self {
        let mut roots: Vec<&str> = lexicon::roots()
            .into_iter()
            .filter(|w| w.len() >= 4 && !w.contains('-'))
            .collect();
        // A seeded shuffle decides which roots are common.
        for i in (1..roots.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            roots.swap(i, j);
        }
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let forms: [fn(&str) -> String; 10] = [
            |r| r.to_string(),
            |r| format!("di{r}kan"),
            |r| format!("me{r}"),
            |r| format!("ter{r}"),
            |r| format!("ber{r}"),
            |r| format!("ke{r}an"),
            |r| format!("pe{r}an"),
            |r| format!("{r}nya"),
            |r| format!("{r}i"),
            |r| format!("{r}-{r}"),
        ];
        for (i, form) in forms.iter().enumerate() {
            // Bare roots are commonest, derived forms rarer.
            for root in roots.iter().skip(i * 7 % roots.len().max(1)) {
                words.push(form(root));
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(ZIPF_S);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self
            .cumulative
            .partition_point(|c| *c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

/// One JSONL line.
#[derive(Serialize)]
struct Line<'a> {
    doc_id: &'a str,
    doc_type: &'static str,
    title: &'a str,
    commission: &'a str,
    case: &'a str,
    date: &'a str,
    speaker: &'a str,
    role: &'static str,
    turn: u64,
    text: &'a str,
    note: &'static str,
}

fn name(rng: &mut Rng) -> String {
    let mut words = Vec::new();
    for _ in 0..2 + rng.below(2) {
        let mut w = String::new();
        for _ in 0..2 + rng.below(2) {
            let syllable: &&str = rng.pick(SYLLABLES);
            w.push_str(syllable);
        }
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            words.push(first.to_uppercase().chain(chars).collect::<String>());
        }
    }
    words.push("Sintetis".to_string());
    words.join(" ")
}

fn turn_words(rng: &mut Rng) -> u64 {
    // Short answers ("Iya.", "Baik, Majelis.") and long statements.
    match rng.below(100) {
        0..=14 => 1 + rng.below(4),
        15..=69 => 8 + rng.below(30),
        70..=94 => 40 + rng.below(80),
        _ => 120 + rng.below(250),
    }
}

fn role(rng: &mut Rng) -> Role {
    let mut x = rng.below(1000);
    for (role, share) in ROLE_MIX {
        if x < *share {
            return *role;
        }
        x -= share;
    }
    Role::Lainnya
}

/// Writes `options.turns` synthetic turns as JSONL to `out`.
pub fn write_jsonl(options: &SynthOptions, out: &mut dyn Write) -> io::Result<SynthStats> {
    let mut rng = Rng(options.seed);
    let vocabulary = Vocabulary::new(&mut rng);
    let mut stats = SynthStats::default();
    let mut text = String::new();
    while stats.turns < options.turns {
        stats.hearings += 1;
        let h = stats.hearings;
        let year = 2015 + rng.below(11);
        let date = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let case = format!(
            "{:03}/{}/KI-SINTETIS-PS/{year}",
            1 + rng.below(999),
            1 + rng.below(12)
        );
        let doc_id = format!("sintetis-{}-{h:07}", options.shard);
        let province: &&str = rng.pick(PROVINCES);
        let commission = format!("Komisi Informasi Sintetis {province}");
        let title = format!("Sidang sintetis {h} perkara {case}");
        let cast: Vec<(Role, String)> =
            ROLE_MIX.iter().map(|(r, _)| (*r, name(&mut rng))).collect();
        let turns = (40 + rng.below(160)).min(options.turns - stats.turns);
        for turn in 1..=turns {
            let role = role(&mut rng);
            let speaker = cast
                .iter()
                .find(|(r, _)| *r == role)
                .map_or("", |(_, n)| n.as_str());
            text.clear();
            for i in 0..turn_words(&mut rng) {
                if i > 0 {
                    text.push(if rng.below(12) == 0 { ',' } else { ' ' });
                    if text.ends_with(',') {
                        text.push(' ');
                    }
                }
                match rng.below(400) {
                    0 => text.push_str(&case),
                    1 => text.push_str("KIP"),
                    2 => text.push_str("PPID"),
                    _ => text.push_str(vocabulary.sample(&mut rng)),
                }
            }
            text.push('.');
            let line = Line {
                doc_id: &doc_id,
                doc_type: "transcript",
                title: &title,
                commission: &commission,
                case: &case,
                date: &date,
                speaker,
                role: role.as_str(),
                turn,
                text: &text,
                note: "synthetic benchmark data",
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            stats.turns += 1;
            stats.text_bytes += text.len() as u64;
        }
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let run = |seed| {
            let mut out = Vec::new();
            let stats = write_jsonl(
                &SynthOptions {
                    turns: 500,
                    seed,
                    shard: 0,
                },
                &mut out,
            )
            .unwrap();
            (out, stats)
        };
        let (a, stats) = run(7);
        assert_eq!(a, run(7).0);
        assert_ne!(a, run(8).0);
        assert_eq!(stats.turns, 500);
        assert_eq!(String::from_utf8(a).unwrap().lines().count(), 500);
    }

    #[test]
    fn generated_lines_parse_as_the_bulk_format() {
        let mut out = Vec::new();
        write_jsonl(
            &SynthOptions {
                turns: 300,
                seed: 1,
                shard: 0,
            },
            &mut out,
        )
        .unwrap();
        let parsed = risalah_engine::corpus::parse_bytes(
            std::path::Path::new("synth.jsonl"),
            &out,
            &risalah_engine::corpus::labels::LabelTable::default(),
        );
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems.first());
        assert_eq!(
            parsed
                .documents
                .iter()
                .map(|d| d.passages.len())
                .sum::<usize>(),
            300
        );
        assert!(parsed.documents.iter().all(|d| d
            .meta
            .case
            .as_deref()
            .is_some_and(|c| c.contains("KI-SINTETIS"))));
    }
}
