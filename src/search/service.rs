//! The search service: one index reader per process, one searcher per request.
//! Runs a query with its filters and shapes the hits; fetches a passage with
//! its neighbours, and a whole document.

use super::citation::{permalink_path, Citation};
use super::facets::{FacetCollector, FacetCounts};
use super::plan::plan;
use super::query::{self, Filters, QueryError};
use super::snippet;
use crate::index::document::StoredPassage;
use crate::index::{self, IndexHandle};
use crate::model::{passage_id, DocumentMeta, PassageKind, Role, Speaker};
use serde::Serialize;
use std::ops::Bound;
use std::path::Path;
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DateTime, DocAddress, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument, Term,
};

/// Hits per page unless asked otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// The most hits one page may hold.
pub const MAX_LIMIT: usize = 100;
/// The deepest page start accepted.
pub const MAX_OFFSET: usize = 10_000;
/// The public address used in citations unless configured.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
/// The most passages one document view returns.
const MAX_DOCUMENT_PASSAGES: usize = 100_000;

/// A search: the query string, filters from parameters, and the page.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    /// The query in the query language.
    pub q: String,
    /// Filters given as parameters (`--role`, `role=`), added to the query's own.
    pub filters: Filters,
    /// Hits per page (1..=[`MAX_LIMIT`]).
    pub limit: usize,
    /// Index of the first hit (0..=[`MAX_OFFSET`]).
    pub offset: usize,
}

/// The result of a search; see the module documentation of [`crate::search`].
#[derive(Clone, Debug, Serialize)]
pub struct SearchResponse {
    /// All matching passages.
    pub total: usize,
    /// Milliseconds in the engine.
    pub took_ms: u64,
    /// Counts per role, document type and commission over all matches.
    pub facets: FacetCounts,
    /// This page of hits.
    pub hits: Vec<Hit>,
}

/// One hit: the stored passage (flattened into the same JSON object) with
/// what the search adds.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    /// The passage and its document's metadata.
    #[serde(flatten)]
    pub passage: StoredPassage,
    /// Escaped fragment of the text with `<mark>` highlights.
    pub snippet_html: String,
    /// Rank score (order only).
    pub score: f32,
    /// Plain-text citation with the absolute permalink.
    pub citation: String,
    /// Permalink path.
    pub url: String,
    /// The passages before and after (the question and the answer).
    pub context: Context,
}

/// The neighbours of a hit.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Context {
    /// The passage before, if any.
    pub previous: Option<Neighbour>,
    /// The passage after, if any.
    pub next: Option<Neighbour>,
}

/// A neighbouring passage, in brief.
#[derive(Clone, Debug, Serialize)]
pub struct Neighbour {
    /// Passage id.
    pub id: String,
    /// Speaker.
    pub speaker: Option<String>,
    /// Role.
    pub role: Option<Role>,
    /// Passage kind.
    pub kind: PassageKind,
    /// Text as published.
    pub text: String,
}

impl From<&StoredPassage> for Neighbour {
    fn from(p: &StoredPassage) -> Self {
        Neighbour {
            id: p.id.clone(),
            speaker: p.speaker.clone(),
            role: p.role,
            kind: p.kind,
            text: p.text.clone(),
        }
    }
}

/// A passage with the passages around it and its citations.
#[derive(Clone, Debug, Serialize)]
pub struct PassageView {
    /// The passage.
    pub passage: StoredPassage,
    /// Up to the requested number of passages before it, in order.
    pub before: Vec<StoredPassage>,
    /// Up to the requested number of passages after it, in order.
    pub after: Vec<StoredPassage>,
    /// The permalink path.
    pub url: String,
    /// The passage's citations.
    pub citations: Citations,
}

/// A passage's citation in every format.
#[derive(Clone, Debug, Serialize)]
pub struct Citations {
    /// Plain text.
    pub plain: String,
    /// BibTeX.
    pub bibtex: String,
    /// RIS.
    pub ris: String,
    /// CSL-JSON.
    pub csl_json: serde_json::Value,
}

/// A whole document.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    /// The document's metadata (flattened into the same JSON object).
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The roster.
    pub roster: Vec<Speaker>,
    /// Every passage, in order.
    pub passages: Vec<StoredPassage>,
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The request cannot be run as written (a 400).
    #[error("{0}")]
    BadRequest(String),
    /// The engine failed (a 500; logged, not shown).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<QueryError> for SearchError {
    fn from(e: QueryError) -> Self {
        SearchError::BadRequest(e.0)
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Internal(e.into())
    }
}

/// Searches one index.
pub struct SearchService {
    handle: IndexHandle,
    reader: IndexReader,
    public_url: String,
}

impl SearchService {
    /// Opens the index in `dir`; citations use `public_url` for permalinks.
    pub fn open(dir: &Path, public_url: &str) -> anyhow::Result<Self> {
        let handle = index::open(dir)?;
        let reader = handle
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchService {
            handle,
            reader,
            public_url: public_url.trim_end_matches('/').to_string(),
        })
    }

    /// Makes the latest commit visible now (the reader also follows commits by itself).
    pub fn reload(&self) -> anyhow::Result<()> {
        Ok(self.reader.reload()?)
    }

    /// How many passages the index holds.
    pub fn passage_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The public address used in citations.
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let limit = if request.limit == 0 {
            DEFAULT_LIMIT
        } else {
            request.limit
        };
        if limit > MAX_LIMIT {
            return Err(SearchError::BadRequest(format!(
                "limit is at most {MAX_LIMIT}"
            )));
        }
        if request.offset > MAX_OFFSET {
            return Err(SearchError::BadRequest(format!(
                "offset is at most {MAX_OFFSET}"
            )));
        }
        let parsed = query::parse(&request.q)?;
        let searcher = self.reader.searcher();
        let fields = &self.handle.fields;
        let planned = plan(&parsed, &request.filters, fields, &searcher)?;
        let top = TopDocs::with_limit(limit).and_offset(request.offset);
        let (addresses, total, facets): (Vec<(f32, DocAddress)>, usize, FacetCounts) =
            if planned.has_text {
                searcher.search(
                    &*planned.query,
                    &(top.order_by_score(), Count, FacetCollector),
                )?
            } else {
                let (by_date, total, facets) = searcher.search(
                    &*planned.query,
                    &(
                        top.order_by_fast_field::<DateTime>("date", Order::Desc),
                        Count,
                        FacetCollector,
                    ),
                )?;
                let hits = by_date
                    .into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect();
                (hits, total, facets)
            };
        let mut generator = SnippetGenerator::create(&searcher, &*planned.highlight, fields.text)?;
        generator.set_max_num_chars(snippet::SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(addresses.len());
        for (score, address) in addresses {
            let passage = self.load(&searcher, address)?;
            let context = Context {
                previous: self
                    .neighbours(&searcher, &passage, 1, false)?
                    .first()
                    .map(Neighbour::from),
                next: self
                    .neighbours(&searcher, &passage, 1, true)?
                    .first()
                    .map(Neighbour::from),
            };
            let snippet_html = snippet::render(&passage.text, &generator.snippet(&passage.text));
            let citation = Citation::new(&passage, &self.public_url).plain();
            hits.push(Hit {
                url: permalink_path(&passage.id),
                passage,
                snippet_html,
                score,
                citation,
                context,
            });
        }
        Ok(SearchResponse {
            total,
            took_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            facets,
            hits,
        })
    }

    /// Runs a search for export: `begin` receives the total, then `row` each
    /// passage in rank order, up to `cap`, until it returns false. No snippets
    /// or context are built.
    pub fn export(
        &self,
        request: &SearchRequest,
        cap: usize,
        begin: &mut dyn FnMut(usize),
        row: &mut dyn FnMut(&StoredPassage) -> bool,
    ) -> Result<(), SearchError> {
        let parsed = query::parse(&request.q)?;
        let searcher = self.reader.searcher();
        let planned = plan(&parsed, &request.filters, &self.handle.fields, &searcher)?;
        let top = TopDocs::with_limit(cap.max(1));
        let (addresses, total): (Vec<DocAddress>, usize) = if planned.has_text {
            let (hits, total) = searcher.search(&*planned.query, &(top.order_by_score(), Count))?;
            (hits.into_iter().map(|(_, a)| a).collect(), total)
        } else {
            let (hits, total) = searcher.search(
                &*planned.query,
                &(
                    top.order_by_fast_field::<DateTime>("date", Order::Desc),
                    Count,
                ),
            )?;
            (hits.into_iter().map(|(_, a)| a).collect(), total)
        };
        begin(total);
        for address in addresses {
            if !row(&self.load(&searcher, address)?) {
                break;
            }
        }
        Ok(())
    }

    /// The passage `id` with up to `around` passages on each side, or `None` if unknown.
    pub fn passage(&self, id: &str, around: usize) -> anyhow::Result<Option<PassageView>> {
        let searcher = self.reader.searcher();
        let Some(passage) = self.by_id(&searcher, id)? else {
            return Ok(None);
        };
        let mut before = self.neighbours(&searcher, &passage, around, false)?;
        before.reverse();
        let after = self.neighbours(&searcher, &passage, around, true)?;
        let citation = Citation::new(&passage, &self.public_url);
        let citations = Citations {
            plain: citation.plain(),
            bibtex: citation.bibtex(),
            ris: citation.ris(),
            csl_json: citation.csl_json(),
        };
        Ok(Some(PassageView {
            url: permalink_path(&passage.id),
            passage,
            before,
            after,
            citations,
        }))
    }

    /// Every passage of document `doc_id` in order, or `None` if unknown.
    pub fn document(&self, doc_id: &str) -> anyhow::Result<Option<DocumentView>> {
        let searcher = self.reader.searcher();
        let query = self.doc_query(doc_id, Bound::Unbounded, Bound::Unbounded);
        let found = searcher.search(
            &query,
            &TopDocs::with_limit(MAX_DOCUMENT_PASSAGES)
                .order_by_fast_field::<u64>("position", Order::Asc),
        )?;
        let passages = found
            .into_iter()
            .map(|(_, address)| self.load(&searcher, address))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let Some(first) = passages.first() else {
            return Ok(None);
        };
        let roster = passages
            .iter()
            .find(|p| !p.roster.is_empty())
            .map(|p| p.roster.clone())
            .unwrap_or_default();
        Ok(Some(DocumentView {
            meta: DocumentMeta {
                id: first.doc_id.clone(),
                doc_type: Some(first.doc_type),
                title: first.title.clone(),
                commission: first.commission.clone(),
                case: first.case.clone(),
                parties: first.parties.clone(),
                date: first.date.clone(),
                agenda: first.agenda.clone(),
                source_url: first.source_url.clone(),
                publisher: first.publisher.clone(),
                note: first.note.clone(),
            },
            roster,
            passages,
        }))
    }

    fn load(&self, searcher: &Searcher, address: DocAddress) -> anyhow::Result<StoredPassage> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(StoredPassage::from_tantivy(&doc, &self.handle.fields))
    }

    fn doc_query(&self, doc_id: &str, from: Bound<u64>, to: Bound<u64>) -> BooleanQuery {
        let fields = &self.handle.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.doc_id, doc_id),
                IndexRecordOption::Basic,
            )),
        )];
        if !matches!((&from, &to), (Bound::Unbounded, Bound::Unbounded)) {
            let term = |b: Bound<u64>| match b {
                Bound::Included(v) => Bound::Included(Term::from_field_u64(fields.position, v)),
                Bound::Excluded(v) => Bound::Excluded(Term::from_field_u64(fields.position, v)),
                Bound::Unbounded => Bound::Unbounded,
            };
            clauses.push((Occur::Must, Box::new(RangeQuery::new(term(from), term(to)))));
        }
        BooleanQuery::new(clauses)
    }

    /// Up to `n` passages of the same document after (`forward`) or before
    /// `passage`, nearest first. Positions are usually consecutive, so the
    /// neighbours are looked up by id; a gap (possible in JSONL) falls back to
    /// a range over positions.
    fn neighbours(
        &self,
        searcher: &Searcher,
        passage: &StoredPassage,
        n: usize,
        forward: bool,
    ) -> anyhow::Result<Vec<StoredPassage>> {
        let mut out = Vec::with_capacity(n);
        for step in 1..=n as u32 {
            let position = if forward {
                passage.position.checked_add(step)
            } else {
                passage.position.checked_sub(step).filter(|p| *p > 0)
            };
            let Some(position) = position else {
                return Ok(out);
            };
            let id = passage_id(&passage.doc_id, passage.doc_type, position);
            match self.by_id(searcher, &id)? {
                Some(found) => out.push(found),
                None => return self.neighbours_by_range(searcher, passage, n, forward),
            }
        }
        Ok(out)
    }

    fn neighbours_by_range(
        &self,
        searcher: &Searcher,
        passage: &StoredPassage,
        n: usize,
        forward: bool,
    ) -> anyhow::Result<Vec<StoredPassage>> {
        let at = u64::from(passage.position);
        let (query, order) = if forward {
            (
                self.doc_query(&passage.doc_id, Bound::Excluded(at), Bound::Unbounded),
                Order::Asc,
            )
        } else {
            (
                self.doc_query(&passage.doc_id, Bound::Unbounded, Bound::Excluded(at)),
                Order::Desc,
            )
        };
        let found = searcher.search(
            &query,
            &TopDocs::with_limit(n).order_by_fast_field::<u64>("position", order),
        )?;
        found
            .into_iter()
            .map(|(_, address)| self.load(searcher, address))
            .collect()
    }

    fn by_id(&self, searcher: &Searcher, id: &str) -> anyhow::Result<Option<StoredPassage>> {
        let term = Term::from_field_text(self.handle.fields.id, id);
        let found = searcher.search(
            &TermQuery::new(term, IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        found
            .first()
            .map(|(_, address)| self.load(searcher, *address))
            .transpose()
    }
}
