//! Who a report talks about: the people and bodies it names, with the role the
//! report itself gives them, and every place it mentions one of them.
//!
//! Roles come from the report's own words — appositions such as "Anggota
//! Majelis Komisioner KIP Rospita Vici Paulyn", "Panitera Pengganti Indra
//! Hasby", "Luqman Hakim dari perwakilan KPU", descriptors such as
//! "perwakilan KPU" or "kuasa termohon" — and from the parties of the case
//! (`Pemohon v. Termohon` in the header), which tell that KPU is the respondent.

use crate::model::{Role, Speaker};
use regex::Regex;
use std::sync::LazyLock;

/// A person or body the report mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The full name, when the report gives one.
    pub name: Option<String>,
    /// The role, when the report or the parties tell it.
    pub role: Option<Role>,
    /// How the report describes an unnamed speaker (`perwakilan KPU`).
    pub descriptor: Option<String>,
    /// A person (pronouns may refer to it), not a body.
    pub person: bool,
}

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An entity of the registry.
    Entity(usize),
    /// `ia`, `dia`, `beliau`, `dirinya`: the last person mentioned.
    Pronoun,
    /// A role named on its own (`tanya Majelis`): the last person of that role.
    Role(Role),
}

/// One mention: where, and of what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// What it refers to.
    pub target: Target,
}

const NAME: &str = r"[A-Z][a-z][A-Za-z'’\-]*(?:\s+[A-Z][a-z][A-Za-z'’\-]*){0,3}";
const INSTITUTION: &str = r"(?:\s+(?:KI\s+Pusat|KIP|KI\s+Provinsi(?:\s+[A-Z][a-z]+){1,2}|KI\s+[A-Z][a-z]+|Komisi\s+Informasi(?:\s+Pusat|(?:\s+Provinsi)?(?:\s+[A-Z][a-z]+){1,2})?))?";

/// A panel title, then the name: after a comma the institution may run long
/// (`KI Provinsi Jawa Barat, Budi`); without one it is the shortest that
/// leaves a name (`KI Provinsi Contoh Dewi Lestari`).
static MAJELIS_TITLE: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let title = r"(?:(?:Wakil\s+)?Ketua\s+|Anggota\s+)?(?:Majelis\s+Komisioner|Majelis|MK|Komisioner|Hakim(?:\s+Ketua|\s+Anggota)?)(?:\s*\(MK\))?";
    let lazy_institution = INSTITUTION.replace("){1,2}", "){1,2}?");
    [
        Regex::new(&format!(r"{title}{INSTITUTION}\s*,\s*(?P<name>{NAME})")).expect("static regex"),
        Regex::new(&format!(r"{title}{lazy_institution}\s+(?P<name>{NAME})"))
            .expect("static regex"),
    ]
});

/// Every panel title with a name in `text`, comma form first.
fn majelis_titles(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    MAJELIS_TITLE
        .iter()
        .flat_map(move |re| re.captures_iter(text))
}

static PANEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:Majelis\s+Komisioner|MK)(?:\s*\(MK\))?{INSTITUTION}"
    ))
    .expect("static regex")
});

static OTHER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<title>Panitera(?:\s+Pengganti)?|(?:Kuasa\s+(?:Hukum\s+)?|Prinsipal\s+)?(?:Pemohon|Termohon)|Saksi|Ahli|(?i:kuasa\s+(?:hukum\s+)?(?:pemohon|termohon)))\s*,?\s+(?P<name>{NAME})"
    ))
    .expect("static regex")
});

static NAME_OF_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<name>{NAME}),?\s+(?:[a-z]+\s+)?(?:dari|selaku|sebagai|mewakili)\s+(?:(?:perwakilan|kuasa(?:\s+hukum)?|PPID|wakil)\s+)?(?P<party>[A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*)"
    ))
    .expect("static regex")
});

static DESCRIPTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<head>[Pp]erwakilan|[Pp]ihak|[Kk]uasa(?:\s+[Hh]ukum)?|PPID|[Jj]uru\s+[Bb]icara)\s+(?P<party>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*|[Tt]ermohon|[Pp]emohon)")
        .expect("static regex")
});

static BARE_PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Termohon|Pemohon)\b").expect("static regex"));

static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Ii]a|[Dd]ia|[Bb]eliau|[Dd]irinya)\b").expect("static regex")
});

static LONE_MAJELIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bMajelis\b").expect("static regex"));

static CAPITALISED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{NAME}")).expect("static regex"));

/// Words that start a capitalised run but are no name.
const NOT_NAMES: &[&str] = &[
    "Dalam",
    "Sementara",
    "Selain",
    "Menurut",
    "Mulanya",
    "Namun",
    "Saya",
    "Kami",
    "Kita",
    "Mereka",
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Sabtu",
    "Minggu",
    "Hal",
    "Perlu",
    "Bahkan",
    "Menanggapi",
    "Mengenai",
    "Di",
    "Ketua",
    "Anggota",
    "Majelis",
    "Komisi",
    "Badan",
    "Dinas",
    "Pada",
    "Jakarta",
    "Sidang",
    "Persidangan",
    "Dia",
    "Ia",
    "Beliau",
];

/// The people and bodies of one report.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    /// Every entity, in order of first appearance.
    pub entities: Vec<Entity>,
    /// (alias as written, entity); full names first, then single name words.
    aliases: Vec<(String, usize)>,
}

impl Registry {
    /// Builds the registry of `paragraphs`, with the bodies of `parties`
    /// (`Pemohon (ACR) v. Termohon (ACR)`), if known, and the people of
    /// `roster` (the case's hearing, when the corpus has it).
    pub fn build(paragraphs: &[&str], parties: Option<&str>, roster: &[Speaker]) -> Registry {
        let mut r = Registry::default();
        if let Some(parties) = parties {
            r.add_parties(parties);
        }
        // The roster of the case's hearing, when the corpus has one, gives
        // roles to names the report leaves without an apposition.
        for speaker in roster {
            r.add_person(&speaker.name, Some(speaker.role));
        }
        for text in paragraphs {
            for caps in majelis_titles(text) {
                if let Some(name) = caps.name("name").filter(|n| is_name(n.as_str())) {
                    r.add_person(name.as_str(), Some(Role::Majelis));
                }
            }
            for caps in OTHER_TITLE.captures_iter(text) {
                let (Some(title), Some(name)) = (caps.name("title"), caps.name("name")) else {
                    continue;
                };
                if is_name(name.as_str()) {
                    r.add_person(name.as_str(), role_of_title(title.as_str()));
                }
            }
            for caps in NAME_OF_PARTY.captures_iter(text) {
                let (Some(name), Some(party)) = (caps.name("name"), caps.name("party")) else {
                    continue;
                };
                let role = r.role_of_party(party.as_str());
                if role.is_some() && is_name(name.as_str()) {
                    r.add_person(name.as_str(), role);
                }
            }
        }
        r
    }

    fn add_parties(&mut self, parties: &str) {
        let sides: Vec<&str> = parties
            .split(" v. ")
            .flat_map(|s| s.split(" vs. "))
            .flat_map(|s| s.split(" melawan "))
            .collect();
        if sides.len() != 2 {
            return;
        }
        for (side, role) in sides.iter().zip([Role::Pemohon, Role::Termohon]) {
            let side = side.trim();
            let (full, acronym) = match side.split_once('(') {
                Some((full, rest)) => (full.trim(), rest.trim_end_matches(')').trim()),
                None => (side, ""),
            };
            let index = self.entities.len();
            self.entities.push(Entity {
                name: Some(full.to_string()),
                role: Some(role),
                descriptor: None,
                person: false,
            });
            self.aliases.push((full.to_string(), index));
            if !acronym.is_empty() {
                self.aliases.push((acronym.to_string(), index));
                let title_case: String = acronym
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() })
                    .collect();
                self.aliases.push((title_case, index));
            }
        }
    }

    /// The role of a party named in a descriptor (`KPU`, `termohon`).
    pub fn role_of_party(&self, party: &str) -> Option<Role> {
        match party.to_lowercase().as_str() {
            "termohon" => return Some(Role::Termohon),
            "pemohon" => return Some(Role::Pemohon),
            "majelis" => return Some(Role::Majelis),
            _ => {}
        }
        let several_words = party.contains(' ');
        self.aliases
            .iter()
            .filter(|(alias, _)| {
                party.starts_with(alias.as_str())
                    || alias.eq_ignore_ascii_case(party)
                    || (several_words && alias.starts_with(party))
            })
            .find_map(|(_, i)| self.entities[*i].role.filter(|_| !self.entities[*i].person))
    }

    fn add_person(&mut self, name: &str, role: Option<Role>) -> usize {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(i) = self.find_person(&name) {
            if self.entities[i].role.is_none() {
                self.entities[i].role = role;
            }
            return i;
        }
        let index = self.entities.len();
        self.entities.push(Entity {
            name: Some(name.clone()),
            role,
            descriptor: None,
            person: true,
        });
        self.aliases.push((name.clone(), index));
        for word in name.split(' ').filter(|w| w.chars().count() >= 3) {
            if !self.aliases.iter().any(|(a, _)| a == word) {
                self.aliases.push((word.to_string(), index));
            }
        }
        index
    }

    fn find_person(&self, name: &str) -> Option<usize> {
        self.aliases
            .iter()
            .find(|(alias, i)| {
                self.entities[*i].person && (alias == name || name.split(' ').any(|w| w == alias))
            })
            .map(|(_, i)| *i)
    }

    /// Adds (or finds) the unnamed speaker a descriptor names.
    fn descriptor_entity(&mut self, descriptor: &str, role: Option<Role>) -> usize {
        let key = descriptor.to_lowercase();
        if let Some(i) = self.entities.iter().position(|e| {
            e.descriptor
                .as_deref()
                .is_some_and(|d| d.to_lowercase() == key)
        }) {
            return i;
        }
        self.entities.push(Entity {
            name: None,
            role,
            descriptor: Some(descriptor.to_string()),
            person: true,
        });
        self.entities.len() - 1
    }

    /// Registers a capitalised name that follows a verb of saying (`kata Budi`)
    /// when the report gave no apposition for it. Returns its entity.
    pub fn person_after_verb(&mut self, text: &str) -> Option<usize> {
        let m = CAPITALISED_NAME.find(text)?;
        let name = m.as_str();
        if !is_name(name) {
            return None;
        }
        Some(self.add_person(name, None))
    }

    /// Every mention in `paragraphs`, in reading order; longer mentions win
    /// over the shorter ones they contain.
    pub fn mentions(&mut self, paragraphs: &[&str]) -> Vec<Mention> {
        let mut all = Vec::new();
        for (p, text) in paragraphs.iter().enumerate() {
            let mut found: Vec<Mention> = Vec::new();
            let mut push = |start: usize, end: usize, target: Target| {
                found.push(Mention {
                    paragraph: p,
                    start,
                    end,
                    target,
                });
            };
            for caps in majelis_titles(text) {
                if let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) {
                    if let Some(i) = self.find_person(name.as_str()) {
                        push(whole.start(), whole.end(), Target::Entity(i));
                    }
                }
            }
            for caps in OTHER_TITLE.captures_iter(text) {
                if let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) {
                    if let Some(i) = self.find_person(name.as_str()) {
                        push(whole.start(), whole.end(), Target::Entity(i));
                    }
                }
            }
            for caps in DESCRIPTOR.captures_iter(text) {
                let (Some(whole), Some(party)) = (caps.get(0), caps.name("party")) else {
                    continue;
                };
                let role = self.role_of_party(party.as_str());
                let descriptor = whole
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let i = self.descriptor_entity(&descriptor, role);
                push(whole.start(), whole.end(), Target::Entity(i));
            }
            for m in BARE_PARTY.find_iter(text) {
                let role = self.role_of_party(m.as_str());
                let i = self.descriptor_entity(m.as_str(), role);
                push(m.start(), m.end(), Target::Entity(i));
            }
            for m in PANEL.find_iter(text) {
                let i = self.panel_entity(m.as_str());
                push(m.start(), m.end(), Target::Entity(i));
            }
            let aliases = self.aliases.clone();
            for (alias, i) in &aliases {
                for (start, _) in text.match_indices(alias.as_str()) {
                    let end = start + alias.len();
                    if is_word_boundary(text, start, end) {
                        push(start, end, Target::Entity(*i));
                    }
                }
            }
            for m in PRONOUN.find_iter(text) {
                push(m.start(), m.end(), Target::Pronoun);
            }
            for m in LONE_MAJELIS.find_iter(text) {
                push(m.start(), m.end(), Target::Role(Role::Majelis));
            }
            all.extend(keep_longest(found));
        }
        all
    }

    fn panel_entity(&mut self, text: &str) -> usize {
        let descriptor = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let i = self.descriptor_entity(&descriptor, Some(Role::Majelis));
        self.entities[i].person = false;
        i
    }
}

/// Whether a capitalised run is a name, not a sentence opener or a weekday.
fn is_name(run: &str) -> bool {
    let first = run.split_whitespace().next().unwrap_or(run);
    !NOT_NAMES.contains(&first)
}

fn role_of_title(title: &str) -> Option<Role> {
    let t = title.to_lowercase();
    if t.contains("panitera") {
        Some(Role::Panitera)
    } else if t.contains("termohon") {
        Some(Role::Termohon)
    } else if t.contains("pemohon") {
        Some(Role::Pemohon)
    } else if t.contains("saksi") {
        Some(Role::Saksi)
    } else if t.contains("ahli") {
        Some(Role::Ahli)
    } else {
        None
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Drops mentions that lie inside a longer mention.
fn keep_longest(mut found: Vec<Mention>) -> Vec<Mention> {
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::new();
    for m in found {
        if out.last().is_some_and(|last| m.start < last.end) {
            continue;
        }
        out.push(m);
    }
    out
}
