//! What the law and the case register tell of a document: the sections of a
//! decision ([`sections`]), its outcome ([`outcome`]), the laws and rules a
//! passage cites ([`law`]), the other cases a document cites by register
//! number ([`register`]) and whose words a decision's passages are
//! ([`voices`]).

pub mod law;
pub mod outcome;
pub mod register;
pub mod sections;
pub mod voices;

use crate::legal::register::case_key;
use crate::model::{DocType, Document};

/// Reads the structure of `doc` into it: the sections of a decision and
/// whose words each passage is, the outcome (unless the document states
/// one itself), and the other cases it cites, each once, as first written.
pub fn annotate(doc: &mut Document) {
    if doc.meta.doc_type == DocType::Putusan {
        sections::assign(&mut doc.passages);
        voices::assign(&mut doc.passages, doc.meta.parties.as_deref());
    }
    if doc.meta.outcome.is_none() {
        doc.meta.outcome = outcome::of_document(doc);
    }
    let own = doc.meta.case.as_deref().map(case_key);
    let mut keys: Vec<String> = Vec::new();
    let mut cites: Vec<String> = Vec::new();
    for p in &doc.passages {
        for mention in register::mentions(&p.text) {
            let key = case_key(&mention.written);
            if Some(&key) != own.as_ref() && !keys.contains(&key) {
                keys.push(key);
                cites.push(mention.written);
            }
        }
    }
    doc.meta.cites = cites;
}
