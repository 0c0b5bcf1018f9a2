//! A case as the index knows it, read from the [`Catalog`]: its documents
//! in the order of the hearing (date, then hearing before report before
//! decision, then agenda), how it ended, and the cases it cites and is
//! cited by (precedent), whatever the spelling of the register numbers.

use super::catalog::{Catalog, CatalogEntry};
use crate::legal::register::case_key;
use crate::model::{DocType, Outcome};

/// Another case, as a document names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseRef {
    /// The register number as first written.
    pub register: String,
    /// Whether the index holds a document of that case.
    pub known: bool,
}

/// Everything the index holds on one case.
#[derive(Clone, Debug)]
pub struct CaseView {
    /// The register number as its documents write it (or as asked).
    pub register: String,
    /// The case's documents, in timeline order.
    pub documents: Vec<CatalogEntry>,
    /// How the case ended: the decision's outcome, else one a report states.
    pub outcome: Option<Outcome>,
    /// The other cases its documents cite, each once.
    pub cites: Vec<CaseRef>,
    /// The documents of other cases (or of none) that cite it.
    pub cited_by: Vec<CatalogEntry>,
}

fn type_order(t: DocType) -> u8 {
    match t {
        DocType::Transcript => 0,
        DocType::News => 1,
        DocType::Putusan => 2,
    }
}

impl Catalog {
    /// The case of register number `register` (any spelling), or `None`
    /// when no document belongs to it or cites it.
    pub fn case(&self, register: &str) -> Option<CaseView> {
        let key = case_key(register);
        if key.is_empty() {
            return None;
        }
        let of_case = |e: &&CatalogEntry| e.meta.case.as_deref().map(case_key) == Some(key.clone());
        let mut documents: Vec<CatalogEntry> =
            self.documents.iter().filter(of_case).cloned().collect();
        documents.sort_by(|a, b| {
            let day = |e: &CatalogEntry| e.meta.date.map(|d| d.first_day());
            // Undated documents go last.
            (
                day(a).is_none(),
                day(a),
                type_order(a.meta.doc_type),
                &a.meta.agenda,
                &a.meta.id,
            )
                .cmp(&(
                    day(b).is_none(),
                    day(b),
                    type_order(b.meta.doc_type),
                    &b.meta.agenda,
                    &b.meta.id,
                ))
        });
        let cited_by: Vec<CatalogEntry> = self
            .documents
            .iter()
            .filter(|e| !of_case(e) && e.meta.cites.iter().any(|c| case_key(c) == key))
            .cloned()
            .collect();
        if documents.is_empty() && cited_by.is_empty() {
            return None;
        }
        let outcome = documents
            .iter()
            .filter(|e| e.meta.doc_type == DocType::Putusan)
            .chain(
                documents
                    .iter()
                    .filter(|e| e.meta.doc_type == DocType::News),
            )
            .find_map(|e| e.meta.outcome);
        let mut cites: Vec<CaseRef> = Vec::new();
        for written in documents.iter().flat_map(|e| &e.meta.cites) {
            let cited = case_key(written);
            if cited != key && !cites.iter().any(|c| case_key(&c.register) == cited) {
                let known = self
                    .documents
                    .iter()
                    .any(|e| e.meta.case.as_deref().map(case_key) == Some(cited.clone()));
                cites.push(CaseRef {
                    register: written.clone(),
                    known,
                });
            }
        }
        let register = documents
            .iter()
            .find_map(|e| e.meta.case.clone())
            .unwrap_or_else(|| register.trim().to_string());
        Some(CaseView {
            register,
            documents,
            outcome,
            cites,
            cited_by,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocDate, DocumentMeta};

    fn entry(id: &str, doc_type: DocType, case: &str, date: &str, cites: &[&str]) -> CatalogEntry {
        CatalogEntry {
            meta: DocumentMeta {
                id: id.to_string(),
                doc_type,
                case: Some(case.to_string()).filter(|c| !c.is_empty()),
                date: DocDate::parse_document(date).ok(),
                cites: cites.iter().map(|c| c.to_string()).collect(),
                outcome: (doc_type == DocType::Putusan).then_some(Outcome::Ditolak),
                ..DocumentMeta::default()
            },
            passages: 1,
        }
    }

    #[test]
    fn a_case_gathers_its_documents_in_order_and_both_directions_of_precedent() {
        let catalog = Catalog::new(vec![
            entry(
                "putusan",
                DocType::Putusan,
                "1/I/KI-X-PS/2099",
                "2099-03-01",
                &["7 / II / KI-X-PS / 2098"],
            ),
            entry(
                "sidang-2",
                DocType::Transcript,
                "1/I/KI-X-PS/2099",
                "2099-02-01",
                &[],
            ),
            entry(
                "sidang-1",
                DocType::Transcript,
                "1 / I / ki-x-ps / 2099",
                "2099-01-10",
                &[],
            ),
            entry(
                "berita",
                DocType::News,
                "1/I/KI-X-PS/2099",
                "2099-02-01",
                &[],
            ),
            entry(
                "lama",
                DocType::Putusan,
                "7/II/KI-X-PS/2098",
                "2098-05-01",
                &[],
            ),
            entry(
                "lain",
                DocType::Putusan,
                "9/II/KI-X-PS/2099",
                "2099-06-01",
                &["1/I/KI-X-PS/2099"],
            ),
        ]);
        let case = catalog.case("1/i/KI-X-PS/2099").expect("the case is known");
        let ids: Vec<&str> = case.documents.iter().map(|e| e.meta.id.as_str()).collect();
        assert_eq!(ids, ["sidang-1", "sidang-2", "berita", "putusan"]);
        assert_eq!(case.outcome, Some(Outcome::Ditolak));
        assert_eq!(
            case.cites,
            [CaseRef {
                register: "7 / II / KI-X-PS / 2098".into(),
                known: true
            }]
        );
        let cited_by: Vec<&str> = case.cited_by.iter().map(|e| e.meta.id.as_str()).collect();
        assert_eq!(cited_by, ["lain"]);
        let old = catalog.case("7/II/KI-X-PS/2098").expect("cited case");
        assert_eq!(old.cited_by[0].meta.id, "putusan");
        assert!(catalog.case("3/III/KI-X-PS/2099").is_none());
    }
}
