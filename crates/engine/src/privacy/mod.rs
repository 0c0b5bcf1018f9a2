//! Personal data of private persons, masked before a document is analysed:
//! NIK and KK numbers, NPWP, phone numbers, e-mail addresses, bank accounts,
//! home addresses, place and date of birth ([`patterns`]), and what an
//! editor lists by hand ([`Redactions`]: a corpus's `redactions.tsv`, a
//! document's `redact:` key).
//!
//! Masking replaces each value with a placeholder that says what was there
//! (`[NIK disamarkan]`), so the value is never an index term nor stored; the
//! passages, their positions and ids stay as they were. A public body's
//! contact (an office address, a PPID hotline, a `.go.id` address) is left
//! alone: see [`patterns::is_public_contact`].

pub mod patterns;
mod redactions;

pub use patterns::{find, Finding};
pub use redactions::{Redactions, REDACTIONS_FILE};

use crate::model::Document;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// What kind of personal data a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumString, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum PiiKind {
    /// Nomor Induk Kependudukan (16 digits).
    Nik,
    /// Nomor Kartu Keluarga (16 digits after `KK`).
    Kk,
    /// Nomor Induk Pegawai (18 digits after `NIP`; it spells out the date of birth).
    Nip,
    /// Nomor Pokok Wajib Pajak.
    Npwp,
    /// A phone number.
    Telepon,
    /// An e-mail address.
    Email,
    /// A bank account number.
    Rekening,
    /// A home address.
    Alamat,
    /// A place and date of birth.
    Lahir,
    /// Something an editor listed for redaction.
    Redaksi,
}

impl PiiKind {
    /// The kind's name in the patterns file (`nik`, `telepon`, …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The placeholder stored in place of the value (Indonesian).
    pub fn placeholder(self) -> &'static str {
        match self {
            PiiKind::Nik => "[NIK disamarkan]",
            PiiKind::Kk => "[nomor KK disamarkan]",
            PiiKind::Nip => "[NIP disamarkan]",
            PiiKind::Npwp => "[NPWP disamarkan]",
            PiiKind::Telepon => "[nomor telepon disamarkan]",
            PiiKind::Email => "[alamat e-mail disamarkan]",
            PiiKind::Rekening => "[nomor rekening disamarkan]",
            PiiKind::Alamat => "[alamat disamarkan]",
            PiiKind::Lahir => "[tempat/tanggal lahir disamarkan]",
            PiiKind::Redaksi => "[disamarkan]",
        }
    }

    /// The placeholder as an English page shows it.
    pub fn placeholder_en(self) -> &'static str {
        match self {
            PiiKind::Nik => "[NIK redacted]",
            PiiKind::Kk => "[family card number redacted]",
            PiiKind::Nip => "[NIP redacted]",
            PiiKind::Npwp => "[tax number redacted]",
            PiiKind::Telepon => "[phone number redacted]",
            PiiKind::Email => "[e-mail address redacted]",
            PiiKind::Rekening => "[bank account redacted]",
            PiiKind::Alamat => "[address redacted]",
            PiiKind::Lahir => "[place/date of birth redacted]",
            PiiKind::Redaksi => "[redacted]",
        }
    }
}

/// One value masked in a document, for `risalah check --pii`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Masked {
    /// The line of the passage (or 1 for the header).
    pub line: u32,
    /// What it was.
    pub kind: PiiKind,
    /// The value with all but its last characters hidden (`••••••••3456`).
    pub hint: String,
}

/// `value` with all but its last four characters (two when short) hidden.
pub fn hint(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let keep = if chars.len() > 8 {
        4
    } else {
        2.min(chars.len())
    };
    let hidden = chars.len() - keep;
    std::iter::repeat_n('•', hidden)
        .chain(chars[hidden..].iter().copied())
        .collect()
}

/// `text` with the editor's redactions applied, then every value the
/// patterns find replaced by its placeholder; what was masked, in order.
pub fn mask(text: &str, redactions: &Redactions) -> (String, Vec<(PiiKind, String)>) {
    let mut masked = Vec::new();
    let redacted = redactions.apply(text, &mut masked);
    let findings = find(&redacted);
    if findings.is_empty() {
        return (redacted.into_owned(), masked);
    }
    let mut out = String::with_capacity(redacted.len());
    let mut at = 0;
    for f in findings {
        out.push_str(&redacted[at..f.range.start]);
        out.push_str(f.kind.placeholder());
        masked.push((f.kind, redacted[f.range.clone()].to_string()));
        at = f.range.end;
    }
    out.push_str(&redacted[at..]);
    (out, masked)
}

/// Masks every text of `doc` in place — title, parties, agenda, note,
/// speakers, roster and passages — with the corpus's redactions and the
/// document's own (names only through those); what was masked, with the
/// line it stood on.
pub fn mask_document(doc: &mut Document, corpus: &Redactions) -> Vec<Masked> {
    let rules = corpus.with(&Redactions::from_front_matter(&doc.meta.redact));
    let mut found = Vec::new();
    let meta = &mut doc.meta;
    let header = [&mut meta.parties, &mut meta.agenda, &mut meta.note];
    for field in std::iter::once(&mut meta.title).chain(header.into_iter().flatten()) {
        mask_in_place(field, &rules, Scope::Everything, 1, &mut found);
    }
    for speaker in &mut doc.roster {
        mask_in_place(&mut speaker.name, &rules, Scope::Redactions, 1, &mut found);
    }
    for p in &mut doc.passages {
        mask_in_place(&mut p.text, &rules, Scope::Everything, p.line, &mut found);
        if let Some(speaker) = &mut p.speaker {
            mask_in_place(speaker, &rules, Scope::Redactions, p.line, &mut found);
        }
    }
    doc.meta.redact.clear();
    found
}

/// What a field is masked for: a name only for the editor's redactions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Redactions,
    Everything,
}

/// Masks `field` in place, recording what was masked on `line`.
fn mask_in_place(
    field: &mut String,
    rules: &Redactions,
    scope: Scope,
    line: u32,
    found: &mut Vec<Masked>,
) {
    let (text, masked) = match scope {
        Scope::Everything => mask(field, rules),
        Scope::Redactions => {
            let mut masked = Vec::new();
            let text = rules.apply(field, &mut masked).into_owned();
            (text, masked)
        }
    };
    if !masked.is_empty() {
        *field = text;
        found.extend(masked.into_iter().map(|(kind, value)| Masked {
            line,
            kind,
            hint: hint(&value),
        }));
    }
}

/// `text` with each stored placeholder in English, for an English page.
pub fn placeholders_in_english(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(" disamarkan]") && !text.contains("[disamarkan]") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for kind in PiiKind::VARIANTS {
        out = out.replace(kind.placeholder(), kind.placeholder_en());
    }
    std::borrow::Cow::Owned(out)
}
