//! Who speaks in a passage, as the speaker tally counts them ("who said it
//! most"): one key per speaker and role. Within a document, the words a
//! report uses for a party with no person named (`kuasa termohon`, `pihak
//! KPU`) are folded into the party as the header names it, and a body
//! named by its acronym alone (`KPU`) is counted under its long name
//! ("Komisi Pemilihan Umum"), so one party is counted once however the
//! documents write it.

use crate::model::{DocumentMeta, Passage, Role};

/// Joins the role and the name in a key's term.
const SEPARATOR: char = '\u{1f}';

/// One speaker of a passage in one role.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SpeakerKey {
    /// The name: a person's name as the document gives it, or the party's.
    pub name: String,
    /// The role, when the document gives one.
    pub role: Option<Role>,
}

impl SpeakerKey {
    /// The key as one fast-field term (`termohon\u{1f}Dinas X`).
    pub fn term(&self) -> String {
        let role = self.role.map(Role::as_str).unwrap_or_default();
        format!("{role}{SEPARATOR}{}", self.name)
    }

    /// The key a [`SpeakerKey::term`] holds; none for anything else.
    pub fn from_term(term: &str) -> Option<SpeakerKey> {
        let (role, name) = term.split_once(SEPARATOR)?;
        let role = if role.is_empty() {
            None
        } else {
            Some(Role::from_name(role).ok()?)
        };
        Some(SpeakerKey {
            name: name.to_string(),
            role,
        })
    }
}

/// The speakers of `p`, each once: the passage's own speaker, then every
/// speaker its attributions name.
pub fn speaker_keys(p: &Passage, meta: &DocumentMeta) -> Vec<SpeakerKey> {
    let mut out: Vec<SpeakerKey> = Vec::new();
    let mut add = |key: SpeakerKey| {
        let key = SpeakerKey {
            name: canonical(key.name, key.role, meta),
            role: key.role,
        };
        if !key.name.is_empty() && !out.contains(&key) {
            out.push(key);
        }
    };
    let attributed: Vec<&str> = p.attributions.iter().filter_map(|a| a.who()).collect();
    if let Some(name) = p.speaker.as_deref().filter(|n| !attributed.contains(n)) {
        add(SpeakerKey {
            name: name.to_string(),
            role: p.role,
        });
    }
    for a in &p.attributions {
        let name = match (&a.speaker, a.role.and_then(|r| party_of(meta, r))) {
            (Some(person), _) => person.clone(),
            (None, Some(party)) => party,
            (None, None) => match a.descriptor.as_deref() {
                Some(descriptor) => descriptor.to_string(),
                None => continue,
            },
        };
        add(SpeakerKey { name, role: a.role });
    }
    out
}

/// The party of `role` as the document's header names it (acronym left
/// out): the pemohon or the termohon.
fn party_of(meta: &DocumentMeta, role: Role) -> Option<String> {
    let (name, _) = party_names(meta, role)?;
    (!name.is_empty()).then(|| name.to_string())
}

/// The long name and the acronym the header gives the party of `role`.
fn party_names(meta: &DocumentMeta, role: Role) -> Option<(&str, &str)> {
    let (pemohon, termohon) = meta.party_sides()?;
    match role {
        Role::Pemohon => Some(crate::model::party_name(pemohon)),
        Role::Termohon => Some(crate::model::party_name(termohon)),
        _ => None,
    }
}

/// One name for a body however it is written: the party's long name when
/// `name` is the acronym the header gives that party, else the long name
/// of a body's bare acronym ([`crate::model::bodies`]), else `name`.
fn canonical(name: String, role: Option<Role>, meta: &DocumentMeta) -> String {
    if let Some((long, acronym)) = role.and_then(|r| party_names(meta, r)) {
        if !acronym.is_empty() && !long.is_empty() && name.eq_ignore_ascii_case(acronym) {
            return long.to_string();
        }
    }
    crate::model::bodies::long_name(&name).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Attribution, AttributionMode};

    fn said(speaker: Option<&str>, descriptor: Option<&str>, role: Role) -> Attribution {
        Attribution {
            speaker: speaker.map(str::to_string),
            role: Some(role),
            descriptor: descriptor.map(str::to_string),
            mode: AttributionMode::Quote,
            confidence: 90,
            span: None,
        }
    }

    #[test]
    fn a_party_described_without_a_name_is_folded_into_the_party() {
        let meta = DocumentMeta {
            parties: Some("Lembaga Fiktif (LF) v. Dinas Rekaan (DR)".into()),
            ..DocumentMeta::default()
        };
        let mut p = Passage::paragraph(0, "…".into(), 1, None);
        p.speaker = Some("kuasa termohon".into());
        p.role = Some(Role::Termohon);
        p.attributions = vec![
            said(None, Some("kuasa termohon"), Role::Termohon),
            said(Some("Dewi Contoh"), None, Role::Majelis),
            said(None, Some("pihak DR"), Role::Termohon),
        ];
        let keys: Vec<String> = speaker_keys(&p, &meta)
            .iter()
            .map(SpeakerKey::term)
            .collect();
        assert_eq!(
            keys,
            ["termohon\u{1f}Dinas Rekaan", "majelis\u{1f}Dewi Contoh"]
        );
        assert_eq!(
            SpeakerKey::from_term(&keys[1]),
            Some(SpeakerKey {
                name: "Dewi Contoh".into(),
                role: Some(Role::Majelis)
            })
        );
    }

    #[test]
    fn a_body_named_by_its_acronym_is_counted_under_its_long_name() {
        let meta = DocumentMeta {
            parties: Some("Lembaga Fiktif v. Dinas Rekaan (DR)".into()),
            ..DocumentMeta::default()
        };
        let mut p = Passage::paragraph(0, "…".into(), 1, None);
        p.attributions = vec![
            said(Some("DR"), None, Role::Termohon),
            said(Some("KPU"), None, Role::PihakTerkait),
            said(Some("Dewi Contoh"), None, Role::Majelis),
        ];
        let names: Vec<String> = speaker_keys(&p, &meta)
            .into_iter()
            .map(|k| k.name)
            .collect();
        assert_eq!(
            names,
            ["Dinas Rekaan", "Komisi Pemilihan Umum", "Dewi Contoh"]
        );
        // Another document, no header: the acronym alone still folds.
        let mut q = Passage::paragraph(0, "…".into(), 1, None);
        q.speaker = Some("KPU".into());
        q.role = Some(Role::Termohon);
        let keys = speaker_keys(&q, &DocumentMeta::default());
        assert_eq!(keys[0].name, "Komisi Pemilihan Umum");
    }

    #[test]
    fn without_parties_a_description_stays_as_written() {
        let mut p = Passage::paragraph(0, "…".into(), 1, None);
        p.attributions = vec![said(None, Some("kuasa termohon"), Role::Termohon)];
        let keys = speaker_keys(&p, &DocumentMeta::default());
        assert_eq!(keys[0].name, "kuasa termohon");
    }
}
