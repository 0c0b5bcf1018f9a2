//! Whose words a decision's passages are, as the decision itself says.
//!
//! - The reasoning, the conclusion and the ruling (`Menimbang bahwa …`,
//!   `MENGADILI`) are the majelis's own: their passages take the role
//!   `majelis`, as a hearing turn does, with no speaker named (the panel
//!   signs as one).
//! - In the duduk perkara, what the decision sets out as one party's or
//!   witness's account is theirs, reported: every paragraph under a heading
//!   such as `Keterangan Termohon` (`data/voices.tsv`), and a paragraph that
//!   says so itself (`Bahwa Termohon menyatakan …`, `Bahwa menurut Pemohon
//!   …`) carries a paraphrase attribution to that party, named from the
//!   document's `parties` where it gives them.
//! - The chronology, the identity of the parties and the headings speak for
//!   no one.
//!
//! Runs after [`super::sections`]: a decision without sections gets no
//! voices either, for the same reason (a guess would be a wrong filter).

use super::sections::{heading, HEADING_WORDS};
use crate::attribution::lexicon::{self, Speech, Title};
use crate::model::{party_name, party_sides, Attribution, AttributionMode, Passage, Role, Section};
use std::sync::LazyLock;

/// How sure an account under its party's heading is that party's.
const UNDER_HEADING: u8 = 90;

/// How sure a paragraph that names its party and a verb of saying is.
const SAID_SO: u8 = 85;

/// The most words between the party and its verb (`Termohon dalam
/// jawabannya pada pokoknya menerangkan`).
const WORDS_BEFORE_VERB: usize = 5;

/// What a party files rather than says: a verb of saying followed by one
/// of these (`Pemohon menyampaikan permohonan`, `Termohon menanggapi
/// permohonan melalui surat`, `menyatakan keberatan`) is the chronology.
const FILED: &[&str] = &[
    "permohonan",
    "permintaan",
    "keberatan",
    "surat",
    "salinan",
    "informasi",
    "data",
    "dokumen",
    "sengketa",
    "gugatan",
];

/// The party headings: the heading's words (lowercase), and whose account.
static PARTY_HEADINGS: LazyLock<Vec<(&'static str, Role)>> = LazyLock::new(|| {
    crate::tables::rows(include_str!("data/voices.tsv"))
        .filter_map(|(words, role)| Some((words.trim(), Role::from_name(role).ok()?)))
        .collect()
});

/// Gives each passage of a decision its voice: the majelis for its
/// reasoning and ruling, a party for the accounts the decision attributes.
/// `parties` is the document's `Pemohon v. Termohon`, when known.
pub fn assign(passages: &mut [Passage], parties: Option<&str>) {
    let names = parties.and_then(party_sides);
    // The party whose heading the reading is under, and the party whose
    // list (`… sebagai berikut:`) it is in.
    let mut account: Option<Role> = None;
    let mut list: Option<(Role, u8)> = None;
    let mut signed = false;
    for p in passages.iter_mut() {
        let in_account = p.section == Some(Section::DudukPerkara);
        if is_heading_line(&p.text, in_account) {
            account = party_heading(&p.text);
            list = None;
            continue;
        }
        match p.section {
            Some(Section::Pertimbangan | Section::Kesimpulan | Section::Amar) if !signed => {
                p.role = Some(Role::Majelis);
                // What follows `Demikian diputuskan …` is the signatures.
                signed = p.section == Some(Section::Amar) && p.text.starts_with("Demikian");
            }
            Some(Section::DudukPerkara) => {
                let own = said_by(&p.text).map(|role| (role, SAID_SO));
                let listed = list.filter(|_| is_list_item(&p.text));
                let found = own
                    .or(listed)
                    .or_else(|| account.map(|role| (role, UNDER_HEADING)));
                if let Some((role, confidence)) = found {
                    p.attributions = vec![account_of(role, confidence, names)];
                }
                list = match found {
                    Some(found) if p.text.trim_end().ends_with(':') => Some(found),
                    _ if listed.is_some() => list,
                    _ => None,
                };
            }
            _ => {}
        }
    }
}

/// Whether a passage is an item of a list (`a.`, `1)`, `-`, `•`).
fn is_list_item(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let marker = first.trim_end_matches(['.', ')']);
    (first.len() > marker.len() && marker.chars().count() <= 2 && !marker.is_empty())
        || matches!(first, "-" | "•" | "–")
}

/// Whether the whole passage is a heading: a known heading word, or, in
/// the duduk perkara (`unknown_too`), a short line that is no sentence
/// (`Keterangan Kuasa Termohon`, `Fakta Persidangan`). Either ends the
/// account above it. (An amar's short lines are rulings: `Menolak
/// permohonan Pemohon`.)
fn is_heading_line(text: &str, unknown_too: bool) -> bool {
    let words = text.split_whitespace().count();
    if words > HEADING_WORDS {
        return false;
    }
    if heading(text).is_some() {
        return true;
    }
    if !unknown_too {
        return false;
    }
    let first = text.trim_start().chars().next();
    let opens_paragraph = matches!(first, Some('[' | '(')) || first.is_some_and(char::is_numeric);
    let sentence = text.trim_end().ends_with(['.', ':', ';', ',']);
    !opens_paragraph && !sentence && first.is_some_and(char::is_uppercase)
}

/// The party whose account a heading opens (`C. Keterangan Termohon`).
fn party_heading(text: &str) -> Option<Role> {
    let words = words(text);
    // The heading's number or letter (`C`, `II`, `2`), if any.
    let numbered = words.len() > 1 && is_heading_number(&words[0]);
    let rest = words[usize::from(numbered)..].join(" ");
    PARTY_HEADINGS
        .iter()
        .find(|(words, _)| {
            rest.strip_prefix(words)
                .is_some_and(|after| after.is_empty() || after.starts_with(' '))
        })
        .map(|(_, role)| *role)
}

/// Whether a heading's first word (lowercase) is its number: arabic,
/// roman, or one letter.
fn is_heading_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || word.chars().all(|c| "ivxl".contains(c))
        || word.chars().count() == 1
}

/// The words of `text`, lowercase, without the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The party a paragraph says it reports (`[1.5] Bahwa Termohon dalam
/// keterangannya menyatakan …`, `Bahwa menurut Pemohon, …`): a party's
/// title, then a verb of saying within a few words; or `menurut` and the
/// title.
fn said_by(text: &str) -> Option<Role> {
    let words = words(text);
    // Past the paragraph's number (`[1.5]`).
    let numbered = words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let mut rest: &[String] = &words[usize::from(numbered)..];
    if rest.first().is_some_and(|w| w == "bahwa") {
        rest = &rest[1..];
    }
    let menurut = rest
        .first()
        .is_some_and(|w| matches!(lexicon::speech(w), Some((Speech::Menurut, false))));
    if menurut {
        return party_title(&rest[1..]).map(|(role, _)| role);
    }
    let (role, len) = party_title(rest)?;
    let after = &rest[len..];
    let verb = after
        .iter()
        .take(WORDS_BEFORE_VERB + 1)
        .position(|w| matches!(lexicon::speech(w), Some((Speech::Saying, false))))?;
    let filed = after
        .get(verb + 1)
        .is_some_and(|object| FILED.contains(&object.as_str()));
    (!filed).then_some(role)
}

/// The title of a party or witness at the start of `words`, longest first,
/// and how many words it takes.
fn party_title(words: &[String]) -> Option<(Role, usize)> {
    (1..=words.len().min(lexicon::MAX_TITLE_WORDS))
        .rev()
        .find_map(|len| {
            let spelled: Vec<&str> = words[..len].iter().map(String::as_str).collect();
            match lexicon::title(&spelled) {
                Some(Title::Role(role)) if role != Role::Majelis && role != Role::Panitera => {
                    Some((role, len))
                }
                _ => None,
            }
        })
}

/// A paraphrase attribution to the party of `role`, named from the
/// document's parties when it is one of the two sides.
fn account_of(role: Role, confidence: u8, names: Option<(&str, &str)>) -> Attribution {
    let side = names.and_then(|(pemohon, termohon)| match role {
        Role::Pemohon => Some(pemohon),
        Role::Termohon => Some(termohon),
        _ => None,
    });
    let speaker = side
        .map(|s| party_name(s).0.to_string())
        .filter(|s| !s.is_empty());
    Attribution {
        descriptor: speaker.is_none().then(|| label(role).to_string()),
        speaker,
        role: Some(role),
        mode: AttributionMode::Paraphrase,
        confidence,
        span: None,
    }
}

/// How a decision names a party it gives no name (`Termohon`).
fn label(role: Role) -> &'static str {
    match role {
        Role::Pemohon => "Pemohon",
        Role::Termohon => "Termohon",
        Role::Saksi => "Saksi",
        Role::Ahli => "Ahli",
        Role::PihakTerkait => "Pihak Terkait",
        Role::Majelis => "Majelis Komisioner",
        Role::Panitera => "Panitera",
        Role::Lainnya => "Pihak lain",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legal::sections;

    fn decision(texts: &[&str]) -> Vec<Passage> {
        let mut ps: Vec<Passage> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Passage::paragraph(i, t.to_string(), 1, None))
            .collect();
        sections::assign(&mut ps);
        assign(
            &mut ps,
            Some("Perkumpulan Sungai Rekaan v. Dinas Tata Air Kota Contoh (DTA)"),
        );
        ps
    }

    /// Each passage's role and, for an account, who and how.
    fn voices(ps: &[Passage]) -> Vec<(Option<Role>, Option<String>)> {
        ps.iter()
            .map(|p| match p.attributions.first() {
                Some(a) => {
                    assert_eq!(a.mode, AttributionMode::Paraphrase);
                    (a.role, a.who().map(str::to_string))
                }
                None => (p.role, None),
            })
            .collect()
    }

    #[test]
    fn the_reasoning_and_ruling_are_the_majelis_and_the_accounts_their_party() {
        let ps = decision(&[
            "PUTUSAN",
            "Perkumpulan Sungai Rekaan sebagai Pemohon melawan Dinas Tata Air sebagai Termohon.",
            "I. DUDUK PERKARA",
            "A. Kronologi",
            "[1.1] Bahwa pada tanggal 3 Maret 2099 Pemohon mengajukan permohonan informasi.",
            "B. Alasan Permohonan",
            "[1.2] Bahwa dokumen itu menyangkut uang daerah.",
            "C. Keterangan Termohon",
            "[1.3] Bahwa dokumen masih diaudit.",
            "II. PERTIMBANGAN HUKUM",
            "[2.1] Menimbang bahwa Termohon tidak melakukan uji konsekuensi.",
            "III. AMAR PUTUSAN",
            "MENGADILI",
            "[3.1] Mengabulkan permohonan Pemohon untuk seluruhnya.",
        ]);
        let pemohon = Some("Perkumpulan Sungai Rekaan".to_string());
        let termohon = Some("Dinas Tata Air Kota Contoh".to_string());
        assert_eq!(
            voices(&ps),
            [
                (None, None),
                (None, None),
                (None, None),
                (None, None),
                (None, None),
                (None, None),
                (Some(Role::Pemohon), pemohon),
                (None, None),
                (Some(Role::Termohon), termohon),
                (None, None),
                (Some(Role::Majelis), None),
                (None, None),
                (None, None),
                (Some(Role::Majelis), None),
            ]
        );
    }

    #[test]
    fn a_paragraph_that_names_its_party_and_a_verb_of_saying_is_theirs() {
        let ps = decision(&[
            "DUDUK PERKARA",
            "[1.1] Bahwa Termohon dalam keterangannya menyatakan arsip itu hilang.",
            "[1.2] Bahwa menurut Pemohon, arsip itu ada di gudang.",
            "[1.3] Bahwa Kuasa Termohon menjelaskan gudang terbakar.",
            "[1.4] Bahwa Saksi menerangkan gudang itu utuh.",
            "[1.5] Bahwa Termohon hadir dalam sidang.",
            "[1.6] Bahwa Majelis menyatakan sidang dibuka.",
            "[1.7] Bahwa Pemohon telah menyampaikan permohonan informasi.",
            "[1.8] Bahwa Termohon menanggapi permohonan melalui surat.",
            "[1.9] Bahwa Termohon dalam jawabannya pada pokoknya menerangkan arsip itu dipinjam.",
        ]);
        let got: Vec<Option<Role>> = voices(&ps).into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            got,
            [
                None,
                Some(Role::Termohon),
                Some(Role::Pemohon),
                Some(Role::Termohon),
                Some(Role::Saksi),
                None,
                None,
                None,
                None,
                Some(Role::Termohon),
            ]
        );
        assert_eq!(ps[4].attributions[0].who(), Some("Saksi"));
    }

    #[test]
    fn an_unknown_heading_ends_an_account_and_a_paragraph_names_its_own_party() {
        let ps = decision(&[
            "DUDUK PERKARA",
            "Keterangan Saksi",
            "[1.1] Bahwa arsip itu disimpan di gudang.",
            "[1.2] Bahwa Termohon dalam jawabannya menyatakan gudang terkunci.",
            "Fakta Persidangan",
            "[1.3] Bahwa sidang digelar dua kali.",
            "Keterangan Termohon",
            "[1.4] Bahwa Termohon menjelaskan sebagai berikut:",
            "a. arsip dipindahkan pada 2098;",
            "b. daftar arsip hilang.",
            "[1.5] Bahwa sidang ditunda.",
        ]);
        let got: Vec<Option<Role>> = voices(&ps).into_iter().map(|(r, _)| r).collect();
        let t = Some(Role::Termohon);
        assert_eq!(
            got,
            [
                None,
                None,
                Some(Role::Saksi),
                t,
                None,
                None,
                None,
                t,
                t,
                t,
                t
            ]
        );
    }

    #[test]
    fn a_list_carries_the_party_that_opens_it() {
        let ps = decision(&[
            "DUDUK PERKARA",
            "A. Kronologi",
            "[1.1] Bahwa menurut Pemohon hal-hal berikut benar:",
            "1. surat dikirim;",
            "2. surat tidak dijawab.",
            "[1.2] Bahwa sidang ditunda.",
        ]);
        let got: Vec<Option<Role>> = voices(&ps).into_iter().map(|(r, _)| r).collect();
        let p = Some(Role::Pemohon);
        assert_eq!(got, [None, None, p, p, p, None]);
    }

    #[test]
    fn the_signatures_after_the_ruling_are_no_ones() {
        let ps = decision(&[
            "AMAR PUTUSAN",
            "[4.1] Menolak permohonan Pemohon.",
            "Membebankan biaya kepada negara",
            "Demikian diputuskan oleh Majelis Komisioner pada hari Senin.",
            "Ketua Majelis",
            "Panitera Pengganti, Sari Contoh",
        ]);
        let got: Vec<Option<Role>> = voices(&ps).into_iter().map(|(r, _)| r).collect();
        let m = Some(Role::Majelis);
        assert_eq!(got, [None, m, m, m, None, None]);
    }

    #[test]
    fn a_decision_without_headings_speaks_for_no_one() {
        let ps = decision(&[
            "Menimbang bahwa Termohon tidak hadir.",
            "Bahwa Termohon menyatakan arsip itu hilang.",
        ]);
        assert!(ps
            .iter()
            .all(|p| p.role.is_none() && p.attributions.is_empty()));
    }

    #[test]
    fn headings_of_accounts_with_and_without_numbers() {
        assert_eq!(
            party_heading("C. Keterangan Termohon"),
            Some(Role::Termohon)
        );
        assert_eq!(party_heading("ALASAN PERMOHONAN"), Some(Role::Pemohon));
        assert_eq!(party_heading("2. Keterangan Saksi"), Some(Role::Saksi));
        assert_eq!(party_heading("Kronologi"), None);
        assert_eq!(party_heading("Keterangan Termohonan"), None);
        assert_eq!(party_heading("Ahli"), None);
    }
}
