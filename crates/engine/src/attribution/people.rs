//! Who a report speaks of: every person and body it names, with the role
//! the report gives each one *anywhere* in it — an apposition before or after
//! the name (`Ketua Majelis Komisioner KI Jateng, NAME`, `NAME selaku Ketua
//! Majelis`), the panel as the report lists it (`sidang dipimpin NAME
//! didampingi NAME dan NAME`), the parties (`antara Pemohon X dan Termohon
//! Y`, `gugatan X terhadap Y`), an official's body (`Sekda Pessel NAME`,
//! when Pemkab Pessel is the respondent), the header's `parties`, and the
//! roster of the case's hearing. Each role carries the strength of its
//! evidence; evidence for two roles of similar strength cancels out.

use super::lexicon::Title;
use super::para::{BodyRef, Name, Para};
use super::words;
use crate::model::{Role, Speaker};
use std::collections::HashMap;

/// How strong a role's evidence is.
pub mod strength {
    /// A title or label right at the name, or the hearing's roster.
    pub const APPOSITION: f32 = 0.95;
    /// The panel as the report lists it.
    pub const PANEL: f32 = 0.9;
    /// A party the report names with its label, or the header's parties.
    pub const PARTY: f32 = 0.9;
    /// An official whose body is a party.
    pub const AFFILIATION: f32 = 0.8;
    /// A body that shares a distinctive word with a party.
    pub const SHARED_WORD: f32 = 0.75;
    /// A public office or a citizens' body, by its sector alone.
    pub const OFFICE: f32 = 0.7;
    /// An office of the commission (`Ketua KI`): a commissioner, not
    /// necessarily of this hearing's panel; below the role threshold on
    /// its own.
    pub const COMMISSION_OFFICE: f32 = 0.5;
}

/// Whether some parties are public offices or citizens' bodies.
#[derive(Clone, Copy, Debug, Default)]
struct Sector {
    public: bool,
    civil: bool,
    /// A citizens' body, not only a citizen.
    civil_body: bool,
}

/// The kind of body a name opens with or holds (`Dinas`, `Dewan`, `Badan`).
pub fn kind_of(name: &str) -> Option<&str> {
    name.split(' ').find(|w| words::is_body_kind(w))
}

/// Whether two bodies may be the same: not when both kinds are known and differ.
fn same_kind(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    }
}

/// A word that joins a role's label to the name of who bears it
/// (`Termohon yaitu NAME`, `pihak pemohon saudara NAME`).
fn joins_name(word: &str) -> bool {
    matches!(
        word,
        "yaitu"
            | "yakni"
            | "adalah"
            | "diwakili"
            | "dihadiri"
            | "saudara"
            | "saudari"
            | "sdr"
            | "bapak"
            | "ibu"
            | "pak"
            | "bu"
    )
}

/// The first token of a sentence after its dateline (`KOTA CONTOH – `).
fn after_dateline(p: &Para, range: std::ops::Range<usize>) -> usize {
    let dash = (range.start..range.end.min(range.start + 6))
        .find(|&k| p.is(k, "–") || p.is(k, "-") || p.is(k, "—"));
    match dash {
        Some(d)
            if d > range.start
                && (range.start..d).all(|k| {
                    p.word(k)
                        .is_some_and(|w| !w.chars().any(char::is_lowercase))
                }) =>
        {
            d + 1
        }
        _ => range.start,
    }
}

/// `word` with a capital first letter (place names are listed so).
pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A person or body of the report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    /// The full name (a person's, or a body's as written).
    pub name: Option<String>,
    /// How the report names a speaker it gives no name (`Termohon`, `perwakilan PPID`).
    pub descriptor: Option<String>,
    /// The role, when evidence gives one.
    pub role: Option<Role>,
    /// The strength of the role's evidence (0 when none or cancelled).
    pub strength: f32,
    /// A person (pronouns may refer to it), not a body or a label.
    pub person: bool,
    /// The titles written with the name, lowercase (`ketua majelis`).
    pub titles: Vec<String>,
}

/// The people and bodies of one report.
#[derive(Debug, Default)]
pub struct Registry {
    /// Every entity, in order of first appearance.
    pub entities: Vec<Entity>,
    /// Lowercase name words → the persons whose names hold them.
    words: HashMap<String, Vec<usize>>,
    /// The bodies with a role: entity and distinctive words.
    bodies: Vec<(usize, Vec<String>)>,
}

impl Registry {
    /// The person named `name` (found by the name or, for a shorter name,
    /// by its words), added when new.
    pub fn person(&mut self, name: &str) -> usize {
        if let Some(i) = self.find_person(name) {
            // A fuller form of a name seen shorter first becomes the name.
            let longer = self.entities[i]
                .name
                .as_ref()
                .is_some_and(|n| n.split(' ').count() < name.split(' ').count());
            if longer {
                self.entities[i].name = Some(name.to_string());
                self.index_words(i, name);
            }
            return i;
        }
        let i = self.entities.len();
        self.entities.push(Entity {
            name: Some(name.to_string()),
            person: true,
            ..Entity::default()
        });
        self.index_words(i, name);
        i
    }

    fn index_words(&mut self, i: usize, name: &str) {
        for word in name.split(' ').filter(|w| w.chars().count() >= 3) {
            let list = self.words.entry(word.to_lowercase()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }

    /// The person a name refers to: the same full name, or the one person
    /// whose name holds every word of it (or all of whose words it holds).
    pub fn find_person(&self, name: &str) -> Option<usize> {
        let wanted: Vec<String> = name
            .split(' ')
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect();
        if let Some(i) = self.entities.iter().position(|e| {
            e.person
                && e.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        }) {
            return Some(i);
        }
        let first = wanted.first()?;
        let candidates: Vec<usize> = self
            .words
            .get(first)?
            .iter()
            .copied()
            .filter(|&i| {
                let full: Vec<String> = self.entities[i]
                    .name
                    .as_deref()
                    .unwrap_or("")
                    .split(' ')
                    .map(str::to_lowercase)
                    .collect();
                wanted.iter().all(|w| full.contains(w))
                    || full
                        .iter()
                        .filter(|w| w.chars().count() >= 3)
                        .all(|w| wanted.contains(w))
            })
            .collect();
        match candidates.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Whether a single name word is shared by several persons (a short
    /// name that cannot be resolved by itself).
    pub fn is_ambiguous(&self, name: &str) -> bool {
        self.words
            .get(&name.to_lowercase())
            .is_some_and(|list| list.len() > 1)
    }

    /// Records evidence that entity `i` has `role`, of `strength`. Evidence
    /// for another role of similar strength leaves the entity without one.
    pub fn give_role(&mut self, i: usize, role: Role, strength: f32) {
        let e = &mut self.entities[i];
        match e.role {
            None => {
                e.role = Some(role);
                e.strength = strength;
            }
            Some(r) if r == role => e.strength = e.strength.max(strength),
            Some(_) if strength > e.strength + 0.1 => {
                e.role = Some(role);
                e.strength = strength;
            }
            Some(_) if e.strength > strength + 0.1 => {}
            Some(_) => e.strength = 0.0,
        }
    }

    /// The unnamed speaker a label names (`Termohon`, `kuasa hukum
    /// pemohon`), one entity per label.
    pub fn label(&mut self, text: &str, role: Option<Role>) -> usize {
        let key = text.to_lowercase();
        if let Some(i) = self.entities.iter().position(|e| {
            e.name.is_none()
                && e.descriptor
                    .as_deref()
                    .is_some_and(|d| d.to_lowercase() == key)
        }) {
            return i;
        }
        // `anggota KIP Contoh`: a commissioner, not a seat on the panel.
        let strength = match role {
            None => 0.0,
            Some(_) if super::lexicon::is_commission_office(text) => strength::COMMISSION_OFFICE,
            Some(_) => strength::APPOSITION,
        };
        self.entities.push(Entity {
            descriptor: Some(text.to_string()),
            role,
            strength,
            ..Entity::default()
        });
        self.entities.len() - 1
    }

    /// A body the report names, with the role of a party it is or belongs to.
    pub fn body(
        &mut self,
        name: &str,
        distinctive: Vec<String>,
        role: Option<(Role, f32)>,
    ) -> usize {
        let i = match self.entities.iter().position(|e| {
            !e.person
                && e.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        }) {
            Some(i) => i,
            None => {
                self.entities.push(Entity {
                    name: Some(name.to_string()),
                    ..Entity::default()
                });
                self.entities.len() - 1
            }
        };
        if let Some((role, strength)) = role {
            self.give_role(i, role, strength);
            if !distinctive.is_empty() {
                self.bodies.push((i, distinctive));
            }
        }
        i
    }

    /// The role of a body described by `words` (distinctive, lowercase):
    /// the role of the party whose distinctive words hold them all, and
    /// which is of the same kind (`kind`: `Dewan` is no `Dinas`).
    pub fn role_of_body(&self, words: &[String], kind: Option<&str>) -> Option<Role> {
        if words.is_empty() {
            return None;
        }
        let roles: Vec<Role> = self
            .bodies
            .iter()
            .filter(|(_, body)| words.iter().all(|w| body.contains(w)))
            .filter(|(i, _)| same_kind(kind, self.entities[*i].name.as_deref().and_then(kind_of)))
            .filter_map(|(i, _)| {
                self.entities[*i]
                    .role
                    .filter(|_| self.entities[*i].strength > 0.0)
            })
            .collect();
        match roles.as_slice() {
            [first, rest @ ..] if rest.iter().all(|r| r == first) => Some(*first),
            _ => None,
        }
    }

    /// The role of a body the text names: the role of the party it matches
    /// ([`Registry::role_of_body`]), or failing that the one party it
    /// shares a distinctive word with; failing both, its sector: a public
    /// office (`Dinas …`, `Pemkab …`, `PPID …`) is the respondent and a
    /// citizens' body (`LSM …`, `Forum …`) the applicant, as they are in
    /// these disputes, unless the report names a party of that sector
    /// (then the body, not being it, is someone else's) or of the other.
    pub fn role_of_office(&self, body: &BodyRef) -> Option<(Role, f32)> {
        if let Some(role) = self.role_of_body(&body.words, body.kind.as_deref()) {
            return Some((role, strength::AFFILIATION));
        }
        // `Bidang Anggaran Dinas Rekaan`: the office is named after its last head.
        if let Some(role) = self.role_of_body(&body.office_words, body.kind.as_deref()) {
            return Some((role, strength::AFFILIATION));
        }
        if let Some(role) = self.role_sharing_a_word(&body.words) {
            return Some((role, strength::SHARED_WORD));
        }
        let applicant = self.sector_of(Role::Pemohon);
        let respondent = self.sector_of(Role::Termohon);
        // A known party of that sector that this body is not makes it
        // someone else's office (a visitor's, a witness's).
        if body.public && !applicant.public && !respondent.public {
            return Some((Role::Termohon, strength::OFFICE));
        }
        (body.civil && !respondent.civil && !applicant.civil_body)
            .then_some((Role::Pemohon, strength::OFFICE))
    }

    /// The role of the parties that share a distinctive word (not a
    /// place's) with `words`, when they agree.
    fn role_sharing_a_word(&self, words: &[String]) -> Option<Role> {
        let mut found: Option<Role> = None;
        for (i, body) in &self.bodies {
            let e = &self.entities[*i];
            let Some(role) = e.role.filter(|_| e.strength > 0.0) else {
                continue;
            };
            let shares = words.iter().any(|w| {
                !words::is_place(&capitalised(w)) && w.chars().count() >= 3 && body.contains(w)
            });
            if shares {
                match found {
                    Some(r) if r != role => return None,
                    _ => found = Some(role),
                }
            }
        }
        found
    }

    /// The sector of the parties of `role`: whether any is a public office
    /// or a citizens' body (a person who applies is a citizen).
    fn sector_of(&self, role: Role) -> Sector {
        let mut sector = Sector::default();
        for e in self
            .entities
            .iter()
            .filter(|e| e.role == Some(role) && e.strength > 0.0)
        {
            let Some(name) = e.name.as_deref() else {
                continue;
            };
            if e.person {
                sector.civil |= role == Role::Pemohon;
                continue;
            }
            sector.public |= name
                .split(' ')
                .any(|w| super::text::is_capitalised(w) && words::is_public_office(w));
            let civil = name.split(' ').any(words::is_civil);
            sector.civil |= civil;
            sector.civil_body |= civil;
        }
        sector
    }

    /// The body a single name stands for (`Yakin` for a party whose
    /// acronym is YAKIN), when the registry knows one.
    pub fn body_named(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        self.bodies
            .iter()
            .find(|(_, words)| words.len() == 1 && words[0] == lower)
            .map(|(i, _)| *i)
            .or_else(|| {
                self.entities.iter().position(|e| {
                    !e.person
                        && e.name
                            .as_deref()
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
            })
    }

    /// The persons of the hearing's roster, with their roles.
    pub fn add_roster(&mut self, roster: &[Speaker]) {
        for speaker in roster {
            let i = self.person(&speaker.name);
            self.give_role(i, speaker.role, strength::APPOSITION);
        }
    }

    /// The parties of the header (`Pemohon (ACR) v. Termohon (ACR)`).
    pub fn add_header_parties(&mut self, parties: &str) {
        let Some((pemohon, termohon)) = crate::model::party_sides(parties) else {
            return;
        };
        for (side, role) in [(pemohon, Role::Pemohon), (termohon, Role::Termohon)] {
            let (full, acronym) = crate::model::party_name(side);
            let mut distinctive: Vec<String> = full
                .split_whitespace()
                .filter(|w| !words::is_org(w))
                .map(str::to_lowercase)
                .collect();
            if !acronym.is_empty() {
                distinctive.push(acronym.to_lowercase());
            }
            let i = self.body(full, distinctive, Some((role, strength::PARTY)));
            if !acronym.is_empty() {
                self.bodies.push((i, vec![acronym.to_lowercase()]));
            }
        }
    }

    /// Gathers the role evidence of every paragraph.
    pub fn gather(&mut self, paras: &[Para]) {
        for para in paras {
            self.parties_in(para);
        }
        for para in paras {
            self.appositions_in(para);
            self.panel_in(para);
        }
        for para in paras {
            self.counsel_in(para);
            self.representatives_in(para);
        }
    }

    /// `PARTY diwakili [ketuanya|TITLE BODY] [,] NAME`, `PARTY hadir melalui
    /// TITLE BODY, NAME`: the representative takes the party's role (a
    /// role's label or a party the registry knows).
    fn representatives_in(&mut self, p: &Para) {
        for k in 0..p.tokens.len() {
            let via = match p.lower(k).as_deref() {
                Some("diwakili" | "diwakilkan") => k,
                Some("melalui") if k > 0 && p.is_word(k - 1, "hadir") => k - 1,
                _ => continue,
            };
            if p.quoted[k] {
                continue;
            }
            let mut end = via;
            while end > 0 && (p.is(end - 1, ",") || p.is_word(end - 1, "yang")) {
                end -= 1;
            }
            let Some(role) = self.role_ending(p, end) else {
                continue;
            };
            // The representative: a name after an optional `ketuanya,` or a title with its body.
            let mut at = k + 1;
            if p.word(at)
                .is_some_and(|w| w.ends_with("nya") && !super::text::is_capitalised(w))
            {
                at += 1;
            }
            if let Some((after, _)) = p.title_at(at) {
                let (phrase_end, _) = p.proper_phrase(after, 12);
                at = phrase_end.max(p.body_at(after).end);
            }
            if p.is(at, ",") {
                at += 1;
            }
            if let Some(name) = p.name_at(at) {
                let person = self.person(&name.text);
                self.give_role(person, role, strength::AFFILIATION);
            }
        }
    }

    /// The role of the party or role label that ends just before `end`
    /// (`Pihak terkait, distributor CV X`, `Termohon`, `FWPC`).
    fn role_ending(&self, p: &Para, end: usize) -> Option<Role> {
        (end.saturating_sub(8)..end).find_map(|s| {
            if let Some((after, Title::Role(role))) = p.title_at(s) {
                if after == end {
                    return Some(role);
                }
            }
            let (phrase_end, _) = p.proper_phrase(s, 8);
            if phrase_end != end || s + 1 > end {
                return None;
            }
            let text = (s..end)
                .filter_map(|x| p.word(x))
                .collect::<Vec<_>>()
                .join(" ");
            let i = self.body_named(&text)?;
            let e = &self.entities[i];
            e.role.filter(|_| !e.person && e.strength > 0.0)
        })
    }

    /// `[Tim] Kuasa Hukum CLIENT, NAME`: the counsel takes the client's
    /// role (a person, a body, or an official of one).
    fn counsel_in(&mut self, p: &Para) {
        for i in 0..p.tokens.len() {
            let counsel = p.is_word(i, "kuasa") && p.is_word(i + 1, "hukum") && !p.quoted[i];
            if !counsel {
                continue;
            }
            let (end, _) = p.proper_phrase(i + 2, 12);
            if !p.is(end, ",") || end == i + 2 {
                continue;
            }
            let Some(counsel) = p.name_at(end + 1) else {
                continue;
            };
            if let Some((role, strength)) = self.client_role(p, i + 2) {
                let i = self.person(&counsel.text);
                self.give_role(i, role, strength.min(strength::AFFILIATION));
            }
        }
    }

    /// `TITLE [BODY] [,] NAME`, `TITLE, BODY, NAME`, `NAME [,] selaku
    /// TITLE`, `NAME, TITLE [BODY],` and `LABEL yaitu/diwakili NAME`.
    fn appositions_in(&mut self, p: &Para) {
        let mut i = 0;
        while i < p.tokens.len() {
            if p.quoted[i] {
                i += 1;
            } else if let Some((after_title, title)) = p.title_at(i) {
                i = self.after_title(p, i, after_title, title);
            } else if let Some(name) = p.name_at(i) {
                i = self.after_name(p, &name).max(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// A title at `start..after_title`: the name it introduces, or for a
    /// role's label the name joined to it (`Termohon yaitu NAME`, `pihak
    /// pemohon saudara NAME`). The token to read on from.
    fn after_title(&mut self, p: &Para, start: usize, after_title: usize, title: Title) -> usize {
        let title_text = (start..after_title)
            .filter_map(|k| p.lower(k))
            .collect::<Vec<_>>()
            .join(" ");
        // `… KPU Contoh selaku termohon, NAME yang …`: a role after `selaku`
        // is the one of what stands before it, not of the name after it
        // (but `Bertindak selaku ketua majelis, NAME` is NAME's).
        let of_what_precedes = start > 1
            && matches!(p.lower(start - 1).as_deref(), Some("selaku" | "sebagai"))
            && !matches!(p.lower(start - 2).as_deref(), Some("bertindak" | "duduk"));
        if of_what_precedes && matches!(title, Title::Role(_)) {
            return after_title;
        }
        if let Some((name, body)) = titled_name(p, after_title) {
            self.titled(&name, title, &title_text, p.body_ref(body));
            return after_title;
        }
        let Title::Role(role) = title else {
            return after_title;
        };
        // `mediator dalam mediasi kali ini, NAME,`: a few lowercase words
        // between a role and the name it introduces.
        let comma = (after_title..(after_title + 6).min(p.tokens.len())).find(|&k| p.is(k, ","));
        if let Some(c) = comma {
            let lowercase = (after_title..c)
                .all(|k| p.word(k).is_some_and(|w| !super::text::is_capitalised(w)));
            let closed = p.name_at(c + 1).filter(|n| {
                p.is(n.end, ",") && p.word(n.end + 1).and_then(super::lexicon::speech).is_some()
            });
            if let (true, Some(name)) = (lowercase && c > after_title, closed) {
                let person = self.person(&name.text);
                self.give_role(person, role, strength::APPOSITION);
                return name.end;
            }
        }
        // `Termohon Dishub Kota Contoh, yang diwakili NAME`.
        let mut k = p.body_at(after_title).end;
        let from = k;
        while p.is(k, ",")
            || p.is(k, ":")
            || p.is(k, "(")
            || p.lower(k)
                .is_some_and(|w| joins_name(&w) || matches!(w.as_str(), "oleh" | "yang" | "hadir"))
        {
            k += 1;
        }
        let joined = (from..k).any(|x| p.is(x, "(") || p.lower(x).is_some_and(|w| joins_name(&w)))
            || (k > from && !p.is_word(from, "yang"));
        if k > from && joined {
            // `pihak pemohon, Ketua Umum PKN NAME`: a title of the party's
            // own may stand before the name.
            let named = match p.title_at(k) {
                Some((after, _)) => titled_name(p, after).map(|(name, _)| name),
                None => {
                    // `Anggota majelis yang hadir adalah A dan B`: every name of a list.
                    if let Some(first) = p
                        .name_at(k)
                        .filter(|name| !p.word(name.end).is_some_and(words::is_org))
                    {
                        for name in self.listed_names(p, &first).into_iter().skip(1) {
                            let person = self.person(&name.text);
                            self.give_role(person, role, strength::APPOSITION);
                        }
                        // `pemohon (Agus supriyanto,SE)`: a name in brackets may
                        // be written in lowercase after its first word.
                        Some(first.text)
                    } else {
                        None
                    }
                }
            };
            if let Some(name) = named {
                let person = self.person(&name);
                self.give_role(person, role, strength::APPOSITION);
            }
        }
        after_title
    }

    /// A name, and what follows it: `NAME dari/mewakili PARTY`, `NAME
    /// selaku kuasa CLIENT`, `NAME [,] warga …`, `NAME, TITLE [BODY],`
    /// (also for every name of a list before it: `A, B dan C selaku …`).
    /// The token to read on from.
    fn after_name(&mut self, p: &Para, name: &Name) -> usize {
        let names = self.listed_names(p, name);
        let last = names.last().map_or(name.end, |n| n.end);
        let mut k = last;
        let comma = p.is(k, ",");
        if comma {
            k += 1;
        }
        let given = self
            .role_via(p, k)
            .or_else(|| self.role_of_client(p, k))
            .or_else(|| self.role_of_description(p, k));
        if let Some((role, strength)) = given {
            for n in &names {
                let person = self.person(&n.text);
                self.give_role(person, role, strength);
            }
            return last;
        }
        let connector = match p.lower(k).as_deref() {
            Some("selaku" | "sebagai" | "selalu") => 1,
            Some("yang")
                if matches!(
                    p.lower(k + 1).as_deref(),
                    Some("juga" | "merupakan" | "menjabat")
                ) =>
            {
                2
            }
            _ => 0,
        };
        let at = k + connector;
        // `NAME Kasubbid Data BKPSDA Kabupaten X menyampaikan`: an
        // official's title may follow the name without a comma.
        let bare_official = matches!(p.title_at(at), Some((_, Title::Official)));
        if !(connector > 0 || comma || bare_official) {
            return last;
        }
        let Some((after_title, title)) = p.title_at(at) else {
            return last;
        };
        let mut body = p.body_at(after_title);
        // An official's body may run on in proper words (`Analis Hukum di
        // Biro Hukum Pemprov Kepri`).
        if title == Title::Official {
            let (end, names_body) = p.proper_phrase(after_title, 16);
            if names_body && end > body.end {
                body = after_title..end;
            }
        }
        // `NAME, TITLE` is an apposition only when it closes: a comma, a
        // full stop, a verb of saying, the end; and never after a verb of
        // saying (`Menurut NAME, Pemohon telah …` starts a new clause).
        let after_speech = name.tokens.start > 0
            && p.word(name.tokens.start - 1)
                .and_then(super::lexicon::speech)
                .is_some();
        let continues = matches!(
            p.lower(body.end).as_deref(),
            Some(
                "perkara"
                    | "sengketa"
                    | "kasus"
                    | "dalam"
                    | "atas"
                    | "pada"
                    | "di"
                    | "dari"
                    | "nomor"
                    | "ketika"
                    | "saat"
                    | "usai"
                    | "seusai"
            )
        );
        let speech_after = p.word(body.end).and_then(super::lexicon::speech).is_some();
        let closes = connector > 0
            || (bare_official && !comma && speech_after && !after_speech)
            || (comma
                && !after_speech
                && (body.end >= p.tokens.len()
                    || p.is(body.end, ",")
                    || p.is(body.end, ".")
                    || speech_after
                    || continues));
        // `X, TITLE BODY, NAME`: the title is NAME's, not X's (a name inside
        // the body just read is part of it).
        let introduces =
            titled_name(p, after_title).is_some_and(|(_, between)| between.end >= body.end);
        if !closes || introduces {
            return last;
        }
        let title_text = (at..after_title)
            .filter_map(|x| p.lower(x))
            .collect::<Vec<_>>()
            .join(" ");
        for n in &names {
            self.titled(&n.text, title, &title_text, p.body_ref(body.clone()));
        }
        body.end.max(last)
    }

    /// The names of a list that starts with `first` (`Mentari, Nisrina dan
    /// Ardison`), `first` alone when no list follows.
    fn listed_names(&self, p: &Para, first: &Name) -> Vec<Name> {
        let mut names = vec![first.clone()];
        let mut k = first.end;
        while names.len() < 6 {
            let joiner = p.is(k, ",") || p.is_word(k, "dan");
            let Some(next) = joiner.then(|| p.name_at(k + 1)).flatten() else {
                break;
            };
            let is_last = p.is_word(k, "dan");
            k = next.end;
            names.push(next);
            if is_last {
                break;
            }
        }
        // A list ends in `dan NAME`; `A, B` alone is a name and an apposition.
        match names.len() {
            1 => names,
            _ if p.is_word(names[names.len() - 1].tokens.start - 1, "dan") => names,
            _ => vec![first.clone()],
        }
    }

    /// `dari/mewakili [perwakilan|pihak] PARTY` at `k` (after `hadir`,
    /// `utusan`, `kuasa` …): the party's role.
    fn role_via(&self, p: &Para, k: usize) -> Option<(Role, f32)> {
        let mut via = k;
        while via < k + 3
            && matches!(
                p.lower(via).as_deref(),
                Some(
                    "hadir"
                        | "yang"
                        | "datang"
                        | "turut"
                        | "utusan"
                        | "perwakilan"
                        | "wakil"
                        | "kuasa"
                        | "kuasanya"
                        | "staf"
                        | "selaku"
                )
            )
        {
            via += 1;
        }
        if !matches!(p.lower(via).as_deref(), Some("dari" | "mewakili")) {
            return None;
        }
        let mut at = via + 1;
        if matches!(
            p.lower(at).as_deref(),
            Some("perwakilan" | "pihak" | "wakil")
        ) {
            at += 1;
        }
        match p.title_at(at) {
            Some((_, Title::Role(role))) => Some((role, strength::APPOSITION)),
            Some((after, Title::Official)) => {
                self.role_of_office(&p.body_ref(p.party_body_at(after)))
            }
            None => self.role_of_office(&p.body_ref(p.party_body_at(at))),
        }
    }

    /// `[selaku] kuasa [hukum] CLIENT` at `k`: the client's role (a party
    /// by name, a body, or an official of one: `kuasa Ketua PN Padang`).
    fn role_of_client(&self, p: &Para, k: usize) -> Option<(Role, f32)> {
        let mut at = k;
        if matches!(p.lower(at).as_deref(), Some("selaku" | "sebagai")) {
            at += 1;
        }
        if p.is_word(at, "tim") {
            at += 1;
        }
        if !p.is_word(at, "kuasa") {
            return None;
        }
        at += 1;
        if p.is_word(at, "hukum") {
            at += 1;
        }
        self.client_role(p, at)
    }

    /// The role of the client named at `k` after `kuasa [hukum]`.
    fn client_role(&self, p: &Para, k: usize) -> Option<(Role, f32)> {
        match p.title_at(k) {
            Some((_, Title::Role(role))) => return Some((role, strength::AFFILIATION)),
            Some((after, Title::Official)) => {
                return self.role_of_office(&p.body_ref(p.party_body_at(after)));
            }
            None => {}
        }
        if let Some(name) = p
            .name_at(k)
            .filter(|n| !p.word(n.end).is_some_and(words::is_org))
        {
            let client = self.find_person(&name.text)?;
            let e = &self.entities[client];
            return e
                .role
                .filter(|_| e.strength > 0.0)
                .map(|r| (r, strength::AFFILIATION));
        }
        let body = p.party_body_at(k);
        if body.is_empty() {
            return None;
        }
        self.role_of_office(&p.body_ref(body))
    }

    /// `NAME [,] [salah seorang] warga/aktivis/mahasiswa …` at `k`: a
    /// citizen, the applicant when the respondent is a public body.
    fn role_of_description(&self, p: &Para, k: usize) -> Option<(Role, f32)> {
        let mut at = k;
        if p.is_word(at, "salah") && matches!(p.lower(at + 1).as_deref(), Some("seorang" | "satu"))
        {
            at += 2;
        }
        let citizen = p
            .word(at)
            .is_some_and(|w| !super::text::is_capitalised(w) && words::is_civil(w));
        (citizen && !self.sector_of(Role::Termohon).civil)
            .then_some((Role::Pemohon, strength::OFFICE))
    }
}

/// The name a title introduces at token `k` (after the title), with the
/// body between them: `BODY [,] NAME`, `, BODY, NAME`, and `BODY MORE
/// WORDS, NAME` where the words up to the comma belong to the body.
fn titled_name(p: &Para, k: usize) -> Option<(String, std::ops::Range<usize>)> {
    let mut start = k;
    if p.is(start, ",") {
        start += 1;
    }
    let body = p.body_at(start);
    let mut end = body.end;
    // A body that runs on in words of its own (`Yayasan Apel Green Aceh`,
    // `KI Jatim Bidang Penyelesaian Sengketa Informasi Publik`, `Layanan
    // Informasi PPID (…) Provinsi Jatim`), up to a comma and the name.
    let (phrase_end, names_body) = p.proper_phrase(start, 16);
    if phrase_end > end
        && (names_body || !body.is_empty())
        && p.is(phrase_end, ",")
        && p.name_at(phrase_end + 1).is_some()
    {
        end = phrase_end;
    }
    let comma = usize::from(p.is(end, ","));
    let name = p.name_at(end + comma)?;
    if p.word(name.end).is_some_and(words::is_org) {
        return None;
    }
    Some((name.text, start..end))
}

impl Registry {
    /// A person named with a title: the title's role, or for an official
    /// the role of the body named with it.
    fn titled(&mut self, name: &str, title: Title, title_text: &str, body: BodyRef) {
        let i = self.person(name);
        if !self.entities[i].titles.iter().any(|t| t == title_text) {
            self.entities[i].titles.push(title_text.to_string());
        }
        match title {
            Title::Role(role) if super::lexicon::is_commission_office(title_text) => {
                self.give_role(i, role, strength::COMMISSION_OFFICE)
            }
            Title::Role(role) => self.give_role(i, role, strength::APPOSITION),
            Title::Official => {
                if let Some((role, strength)) = self.role_of_office(&body) {
                    self.give_role(i, role, strength);
                }
            }
        }
    }

    /// `sidang dipimpin/diketuai [oleh] [TITLE] NAME [didampingi|dengan|bersama
    /// [anggota] NAME (, NAME)* (dan NAME)]`: the panel.
    fn panel_in(&mut self, p: &Para) {
        self.chairs_in(p);
        for i in 0..p.tokens.len() {
            if p.quoted[i] || !matches!(p.lower(i).as_deref(), Some("dipimpin" | "diketuai")) {
                continue;
            }
            let mut k = i + 1;
            let mut members = 0;
            loop {
                // Words that join the panel's names.
                while p.is(k, ",")
                    || matches!(
                        p.lower(k).as_deref(),
                        Some(
                            "oleh"
                                | "dan"
                                | "serta"
                                | "bersama"
                                | "didampingi"
                                | "dengan"
                                | "dua"
                                | "tiga"
                                | "empat"
                                | "masing-masing"
                                | "langsung"
                                | "yakni"
                                | "yaitu"
                        )
                    )
                {
                    k += 1;
                }
                if let Some((after, Title::Role(Role::Majelis))) = p.title_at(k) {
                    k = p.body_at(after).end;
                    if p.is(k, ",") {
                        k += 1;
                    }
                }
                let Some(name) = p.name_at(k) else { break };
                let person = self.person(&name.text);
                self.give_role(person, Role::Majelis, strength::PANEL);
                members += 1;
                k = name.end;
                if members >= 5 {
                    break;
                }
            }
        }
    }

    /// Who leads a hearing: `NAME [yang] memimpin sidang`, `NAME … saat
    /// memimpin sidang` (the sentence's subject), `NAME yang didampingi
    /// anggota majelis …`: NAME sits on the panel.
    fn chairs_in(&mut self, p: &Para) {
        for i in 0..p.tokens.len() {
            if p.quoted[i] {
                continue;
            }
            let leads = match p.lower(i).as_deref() {
                Some("memimpin" | "mengetuai" | "memimpinnya") => (i + 1..i + 4).any(|k| {
                    matches!(
                        p.lower(k).as_deref(),
                        Some("sidang" | "persidangan" | "mediasi" | "ajudikasi" | "pemeriksaan")
                    )
                }),
                Some("didampingi") => {
                    matches!(p.title_at(i + 1), Some((_, Title::Role(Role::Majelis))))
                        || p.is_word(i + 1, "anggota")
                }
                _ => false,
            };
            if !leads {
                continue;
            }
            let sentence = p.sentences.get(p.sentence_of(i)).map_or(0, |r| r.start);
            let mut end = i;
            while end > sentence
                && matches!(
                    p.lower(end - 1).as_deref(),
                    Some("yang" | "saat" | "ketika" | "juga")
                )
            {
                end -= 1;
            }
            let before = (end.saturating_sub(6).max(sentence)..end)
                .find_map(|s| p.name_at(s).filter(|n| n.end == end));
            let subject = before.or_else(|| p.name_at(sentence).filter(|n| n.end < i));
            if let Some(name) = subject {
                let person = self.person(&name.text);
                self.give_role(person, Role::Majelis, strength::PANEL);
            }
        }
    }

    /// The parties: `antara [Pemohon] X dan/dengan/melawan [Termohon] Y`,
    /// `X selaku/sebagai Pemohon`, `Pemohon X`, `Termohon Y`, and `X
    /// terhadap Y` in a sentence about a dispute or a request.
    fn parties_in(&mut self, p: &Para) {
        for range in p.sentences.clone() {
            let about_dispute = range.clone().any(|k| {
                matches!(
                    p.lower(k).as_deref(),
                    Some(
                        "sengketa"
                            | "gugatan"
                            | "permohonan"
                            | "diajukan"
                            | "mengajukan"
                            | "menggugat"
                            | "menyengketakan"
                            | "sidang"
                            | "persidangan"
                    )
                )
            });
            let mut k = range.start;
            while k < range.end {
                if p.quoted[k] {
                    k += 1;
                    continue;
                }
                let word = p.lower(k);
                // Lowercase only: `ANTARA` is a news agency; and only about a
                // dispute (`kontrak antara A dan B` names no parties).
                if p.word(k) == Some("antara") && about_dispute {
                    k = self.between(p, k + 1, range.end);
                    continue;
                }
                if about_dispute && word.as_deref() == Some("terhadap") {
                    self.party(p, k + 1, Role::Termohon);
                    self.party_ending(p, range.start, k, Role::Pemohon);
                }
                // `X memenangkan sengketa informasi melawan Y`: the subject
                // of the sentence against the party after `melawan`.
                if about_dispute
                    && word.as_deref() == Some("melawan")
                    && !(range.start..k).any(|x| p.is_word(x, "antara"))
                {
                    self.party(p, k + 1, Role::Termohon);
                    self.party(p, after_dateline(p, range.clone()), Role::Pemohon);
                }
                if let Some((after, Title::Role(role @ (Role::Pemohon | Role::Termohon)))) =
                    p.title_at(k)
                {
                    let colon = usize::from(p.is(after, ":"));
                    if p.name_at(after + colon).is_none() {
                        self.party(p, after + colon, role);
                    }
                    k = after;
                    continue;
                }
                // `X selaku/sebagai Pemohon`
                if matches!(word.as_deref(), Some("selaku" | "sebagai")) {
                    if let Some((_, Title::Role(role @ (Role::Pemohon | Role::Termohon)))) =
                        p.title_at(k + 1)
                    {
                        self.party_ending(p, range.start, k, role);
                    }
                }
                k += 1;
            }
        }
    }

    /// The two sides after `antara`, up to `end`; the token after them. A
    /// side may hold several parties (`Pemohon A dan B melawan C`): the
    /// strongest connector in the sentence (`melawan`, `terhadap`, `versus`)
    /// divides the sides, else the first `dan` or `dengan`.
    fn between(&mut self, p: &Para, start: usize, end: usize) -> usize {
        let strong = (start..end).find(|&k| {
            !p.quoted[k]
                && matches!(
                    p.lower(k).as_deref(),
                    Some("melawan" | "versus" | "vs" | "terhadap")
                )
        });
        let divide = strong.or_else(|| {
            (start..end)
                .find(|&k| !p.quoted[k] && matches!(p.lower(k).as_deref(), Some("dan" | "dengan")))
        });
        let Some(divide) = divide else {
            return start;
        };
        // The applicants: one or more parties before the divide.
        let mut k = start;
        while k < divide {
            if let Some((after, Title::Role(Role::Pemohon))) = p.title_at(k) {
                k = after;
                continue;
            }
            if p.is(k, ",") || p.is_word(k, "dan") || p.is_word(k, "dengan") {
                k += 1;
                continue;
            }
            let next = self.party(p, k, Role::Pemohon);
            if next == k {
                break;
            }
            k = next;
        }
        let mut k = divide + 1;
        if let Some((after, Title::Role(Role::Termohon))) = p.title_at(k) {
            k = after;
        }
        self.party(p, k, Role::Termohon)
    }

    /// A party named at `k` (a person or a body) with `role`; the token after it.
    fn party(&mut self, p: &Para, k: usize, role: Role) -> usize {
        if let Some(name) = p.name_at(k) {
            let after = name.end;
            // A name followed by a body word is the body's name (`Pemkab` …).
            if !p.word(after).is_some_and(words::is_org) {
                let i = self.person(&name.text);
                self.give_role(i, role, strength::PARTY);
                return after;
            }
        }
        let body = p.party_body_at(k);
        if body.is_empty() {
            return k;
        }
        let text = p.text[p.bytes(body.clone())].to_string();
        let distinctive = p.body_words(body.clone());
        self.body(&text, distinctive, Some((role, strength::PARTY)));
        body.end
    }

    /// The party that ends just before token `end` (`X selaku Pemohon`).
    fn party_ending(&mut self, p: &Para, start: usize, end: usize, role: Role) {
        let mut k = end;
        let acronym = |w: &str| {
            w.len() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        };
        while k > start
            && (p.is_name_word(k - 1)
                || p.word(k - 1)
                    .is_some_and(|w| words::is_org(w) || words::is_place(w) || acronym(w))
                || p.is(k - 1, ")")
                || p.is(k - 1, "("))
        {
            k -= 1;
        }
        if k < end {
            self.party(p, k, role);
        }
    }
}
