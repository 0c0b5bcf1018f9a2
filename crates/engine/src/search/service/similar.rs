//! "More like this": the passages of other documents whose words are most
//! like one passage's (tantivy's more-like-this query over the stemmed
//! text: the passage's rarer words, weighted by how much they tell).

use super::{SearchService, PASSAGE_RECORD};
use crate::index::document::StoredPassage;
use crate::model::DocumentMeta;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::Term;

/// The most similar passages one request may ask for.
pub const MAX_SIMILAR: usize = 20;

/// The words of the passage the query is made of, at most.
const QUERY_WORDS: usize = 25;

/// A passage like another one, with its document.
#[derive(Clone, Debug)]
pub struct Similar {
    /// The passage's document.
    pub document: Arc<DocumentMeta>,
    /// The passage.
    pub passage: StoredPassage,
    /// How alike (the query's score; comparable within one answer only).
    pub score: f32,
}

impl SearchService {
    /// The `limit` passages of other documents most like passage `id`,
    /// most alike first; `None` when no passage has that id.
    pub fn similar(&self, id: &str, limit: usize) -> anyhow::Result<Option<Vec<Similar>>> {
        let searcher = self.reader.searcher();
        let Some(passage) = self.passage_by_id(&searcher, id)? else {
            return Ok(None);
        };
        let fields = &self.handle.fields;
        // A word in more than a tenth of the passages tells nothing of
        // what this one is about.
        let common = (searcher.num_docs() / 10).max(20);
        let like = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency(common)
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(QUERY_WORDS)
            .with_document_fields(vec![(
                fields.text,
                vec![OwnedValue::Str(passage.passage.text.clone())],
            )]);
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(like) as Box<dyn Query>),
            (Occur::Must, term(fields.record, PASSAGE_RECORD)),
            (Occur::MustNot, term(fields.doc_id, &passage.doc_id)),
        ]);
        let found = searcher.search(
            &query,
            &TopDocs::with_limit(limit.clamp(1, MAX_SIMILAR)).order_by_score(),
        )?;
        let mut documents = self.documents(&searcher);
        let mut out = Vec::with_capacity(found.len());
        for (score, address) in found {
            let passage = self.load(&searcher, address)?;
            out.push(Similar {
                document: documents.get(&passage.doc_id)?,
                passage,
                score,
            });
        }
        Ok(Some(out))
    }
}
