//! The search service: one index reader per process, one searcher per
//! request. Runs a query with its filters and returns structured hits (the
//! passage, its document, a snippet, the turns around it); fetches a passage
//! with its neighbours, and a whole document.

mod similar;

pub use similar::{Similar, MAX_SIMILAR};

use super::catalog::{Catalog, CatalogEntry};
use super::explain::{explain, Explanation};
use super::facets::{FacetCollector, FacetCounts};
use super::grouping::{self, DocumentCount, DocumentOrdinals, Group, Grouping};
use super::plan::{baseline, plan, plan_with, Coordination, Part};
use super::query::{self, Filters, QueryError};
use super::snippet::{Snippet, SNIPPET_CHARS};
use super::speakers::{self, SpeakerTally, TALLY_DEPTH};
use crate::index::document::{self, StoredPassage};
use crate::index::schema::{DOCUMENT_RECORD, PASSAGE_RECORD};
use crate::index::{self, IndexHandle};
use crate::model::{passage_id, DocType, DocumentMeta, Speaker};
use std::collections::HashMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DateTime, DocAddress, IndexReader, Order, ReloadPolicy, Score, Searcher, TantivyDocument, Term,
};

/// Hits per page unless asked otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// The most hits one page may hold.
pub const MAX_LIMIT: usize = 100;
/// The deepest page start accepted.
pub const MAX_OFFSET: usize = 10_000;
/// The most passages one document view returns.
const MAX_DOCUMENT_PASSAGES: usize = 100_000;

/// A search: the query string, filters from parameters, and the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query in the query language.
    pub q: String,
    /// Filters given as parameters (`--role`, `role=`), added to the query's own.
    pub filters: Filters,
    /// Hits per page (1..=[`MAX_LIMIT`]; 0 means [`DEFAULT_LIMIT`]).
    pub limit: usize,
    /// Index of the first hit (0..=[`MAX_OFFSET`]).
    pub offset: usize,
    /// The order of the hits.
    pub sort: Sort,
    /// One hit per document or per passage (applies to a search by
    /// relevance; in date order every passage is a hit).
    pub group: Grouping,
    /// Whether each hit carries its score taken apart ([`Explanation`]).
    pub explain: bool,
}

/// The order of a search's hits.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Sort {
    /// Best match first (a search by filters alone: newest first).
    #[default]
    Relevance,
    /// Newest document first.
    Newest,
    /// Oldest document first.
    Oldest,
}

impl Sort {
    /// The lowercase name used in the API (`relevance`, `newest`, `oldest`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The date order of the hits, or `None` for best match first (a
    /// search with words or phrases sorted by relevance).
    fn date_order(self, has_text: bool) -> Option<Order> {
        match self {
            Sort::Relevance if has_text => None,
            Sort::Relevance | Sort::Newest => Some(Order::Desc),
            Sort::Oldest => Some(Order::Asc),
        }
    }
}

/// The result of a search.
#[derive(Clone, Debug)]
pub struct SearchResults {
    /// All matching passages (at least one content word), not just this page.
    pub total: usize,
    /// Milliseconds spent in the engine.
    pub took_ms: u64,
    /// The distinct documents of all matches, when the hits are grouped by
    /// document (then `offset` and `limit` count documents).
    pub documents: Option<usize>,
    /// Counts per role, document type and commission over all matches.
    pub facets: FacetCounts,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Close matches: when a required phrase is found in fewer documents
    /// than the first page of documents holds, the best documents with the
    /// phrase's words but not the phrase, to fill the page (not counted in
    /// `total`).
    pub nearby: Vec<Hit>,
}

impl SearchResults {
    /// How many hits the pages hold in all: documents when grouped, else
    /// passages.
    pub fn listed(&self) -> usize {
        self.documents.unwrap_or(self.total)
    }
}

/// One hit: the passage, its document, and what the search adds.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The passage's document.
    pub document: Arc<DocumentMeta>,
    /// The passage.
    pub passage: StoredPassage,
    /// A fragment of the text with the matched words marked.
    pub snippet: Snippet,
    /// The rank score (only its order is meaningful): with two or more
    /// content words, [`super::plan::TIER`] per matched content word plus
    /// BM25; else BM25; 0 for a search by filters alone.
    pub score: f32,
    /// The passages just before and after (the question and the answer).
    pub context: Context,
    /// When grouped by document: the document's next best passages that
    /// match, best first.
    pub also: Vec<Also>,
    /// When grouped by document: how many more of the document's passages
    /// are among the best besides this one (at least `also.len()`).
    pub more: usize,
    /// Its score taken apart, when the request asked for it.
    pub explanation: Option<Explanation>,
}

/// Another passage of a hit's document that matches the search too.
#[derive(Clone, Debug)]
pub struct Also {
    /// The passage.
    pub passage: StoredPassage,
    /// A fragment of its text with the matched words marked.
    pub snippet: Snippet,
}

/// The neighbours of a hit.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The passage before, if any.
    pub previous: Option<StoredPassage>,
    /// The passage after, if any.
    pub next: Option<StoredPassage>,
}

/// A passage with the passages around it.
#[derive(Clone, Debug)]
pub struct PassageView {
    /// The passage's document.
    pub document: Arc<DocumentMeta>,
    /// The passage.
    pub passage: StoredPassage,
    /// Up to the requested number of passages before it, in order.
    pub before: Vec<StoredPassage>,
    /// Up to the requested number of passages after it, in order.
    pub after: Vec<StoredPassage>,
}

/// A whole document.
#[derive(Clone, Debug)]
pub struct DocumentView {
    /// The document's metadata.
    pub document: Arc<DocumentMeta>,
    /// The roster.
    pub roster: Vec<Speaker>,
    /// Every passage, in order.
    pub passages: Vec<StoredPassage>,
}

/// Which ranking [`SearchService::ranked_documents`] uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// risalah's own, grouped by document (what the page shows).
    Risalah,
    /// risalah's own, every passage on its own (`group=passage`).
    Passages,
    /// risalah's, matched words weighted by IDF ([`Coordination::Weighted`]).
    Weighted,
    /// Plain stemmed BM25 over the text, any word, the same filters.
    Baseline,
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The request cannot be run as written (a 400).
    #[error("{0}")]
    BadRequest(String),
    /// The query cannot be run as written (a 400, said in the page's language).
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The engine failed (a 500; logged, not shown).
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Internal(e.into())
    }
}

/// An export in progress: the ranked hits of one search, on the searcher
/// that found them, taken a batch at a time ([`SearchService::export_rows`]).
pub struct ExportCursor {
    searcher: Searcher,
    addresses: std::vec::IntoIter<DocAddress>,
    /// Every passage that matches, exported or not.
    pub total: usize,
    loaded: HashMap<String, Arc<document::DocumentRecord>>,
}

/// A page of hits: where it starts and how many it holds.
#[derive(Clone, Copy, Debug)]
struct Page {
    offset: usize,
    limit: usize,
}

/// Searches one index.
pub struct SearchService {
    handle: IndexHandle,
    reader: IndexReader,
    /// The catalog of the searcher generation it was made for.
    catalog: Mutex<Option<(u64, Arc<Catalog>)>>,
    /// The document of each passage, per segment, for counting documents.
    ordinals: DocumentOrdinals,
}

/// The documents of one request's hits, each loaded once.
struct Documents<'a> {
    service: &'a SearchService,
    searcher: &'a Searcher,
    loaded: HashMap<String, Arc<DocumentMeta>>,
}

impl Documents<'_> {
    fn get(&mut self, doc_id: &str) -> anyhow::Result<Arc<DocumentMeta>> {
        if let Some(meta) = self.loaded.get(doc_id) {
            return Ok(Arc::clone(meta));
        }
        let meta = Arc::new(
            self.service
                .document_record(self.searcher, doc_id)?
                .map(|r| r.meta)
                .unwrap_or_else(|| DocumentMeta {
                    id: doc_id.to_string(),
                    ..DocumentMeta::default()
                }),
        );
        self.loaded.insert(doc_id.to_string(), Arc::clone(&meta));
        Ok(meta)
    }
}

impl SearchService {
    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        let handle = index::open(dir)?;
        let reader = handle
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchService {
            handle,
            reader,
            catalog: Mutex::new(None),
            ordinals: DocumentOrdinals::default(),
        })
    }

    /// How many passages the index holds.
    pub fn passage_count(&self) -> u64 {
        let searcher = self.reader.searcher();
        let records = TermQuery::new(
            Term::from_field_text(self.handle.fields.record, DOCUMENT_RECORD),
            IndexRecordOption::Basic,
        );
        let documents = searcher.search(&records, &Count).unwrap_or(0) as u64;
        searcher.num_docs().saturating_sub(documents)
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
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
        let by_date = request.sort.date_order(planned.has_text);
        let page = Page {
            offset: request.offset,
            limit,
        };
        let (groups, total, documents, facets) = match (by_date, request.group) {
            (Some(order), _) => {
                let top = TopDocs::with_limit(limit).and_offset(request.offset);
                let (by_date, total, facets) = searcher.search(
                    &*planned.query,
                    &(
                        top.order_by_fast_field::<DateTime>("date", order),
                        Count,
                        FacetCollector,
                    ),
                )?;
                let flat = by_date.into_iter().map(|(_, a)| (0.0, a)).collect();
                (Group::each(flat), total, None, facets)
            }
            (None, Grouping::Passage) => {
                let top = TopDocs::with_limit(limit).and_offset(request.offset);
                let (flat, total, facets) = searcher.search(
                    &*planned.query,
                    &(top.order_by_score(), Count, FacetCollector),
                )?;
                (Group::each(flat), total, None, facets)
            }
            (None, Grouping::Document) => {
                let (groups, total, documents, facets) =
                    self.grouped(&searcher, &*planned.query, page)?;
                (groups, total, Some(documents), facets)
            }
        };
        let (nearby, loose_parts) = match documents {
            Some(found) if request.offset == 0 => self.nearby(
                &searcher,
                &parsed,
                &request.filters,
                &groups,
                limit.saturating_sub(found),
            )?,
            _ => (Vec::new(), Vec::new()),
        };
        let mut generator = SnippetGenerator::create(&searcher, &*planned.highlight, fields.text)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        let mut documents_loaded = self.documents(&searcher);
        let mut hits_of = |groups: Vec<Group>, parts: &[Part]| {
            groups
                .into_iter()
                .map(|g| {
                    let address = g.best.1;
                    let mut hit = self.hit(&searcher, &generator, &mut documents_loaded, g)?;
                    if request.explain {
                        hit.explanation = Some(explain(parts, &searcher, address, hit.score)?);
                    }
                    Ok(hit)
                })
                .collect::<anyhow::Result<Vec<Hit>>>()
        };
        let hits = hits_of(groups, &planned.parts)?;
        let nearby = hits_of(nearby, &loose_parts)?;
        Ok(SearchResults {
            total,
            took_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            documents,
            facets,
            hits,
            nearby,
        })
    }

    /// Up to `wanted` close matches of a query with a required phrase: the
    /// best documents for its words, the phrase loosened, that `found`
    /// does not hold, with the scoring parts of the loosened query. Nothing
    /// when the query has no phrase or the page is full.
    fn nearby(
        &self,
        searcher: &Searcher,
        parsed: &query::ParsedQuery,
        filters: &Filters,
        found: &[Group],
        wanted: usize,
    ) -> Result<(Vec<Group>, Vec<Part>), SearchError> {
        let Some(loose) = parsed.without_phrases().filter(|_| wanted > 0) else {
            return Ok((Vec::new(), Vec::new()));
        };
        let planned = plan(&loose, filters, &self.handle.fields, searcher)?;
        let page = Page {
            offset: 0,
            limit: wanted + found.len(),
        };
        let nearby = self
            .groups_only(searcher, &*planned.query, page)?
            .into_iter()
            .filter(|g| g.document.is_none() || !found.iter().any(|f| f.document == g.document))
            .take(wanted)
            .collect();
        Ok((nearby, planned.parts))
    }

    /// The page of documents of a search by relevance, with the number of
    /// matches and of their documents and the facet counts.
    fn grouped(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        page: Page,
    ) -> Result<(Vec<Group>, usize, usize, FacetCounts), SearchError> {
        let numbers = self.ordinals.numbers(searcher)?;
        let count = DocumentCount {
            numbers: Arc::clone(&numbers),
        };
        let window = grouping::window(page.offset, page.limit);
        let top = TopDocs::with_limit(window).order_by_score();
        let (ranked, total, documents, facets) =
            searcher.search(query, &(top, Count, count, FacetCollector))?;
        let groups = deepened(searcher, query, &numbers, ranked, page, Some(documents))?;
        Ok((groups, total, documents, facets))
    }

    /// The page of documents of a search by relevance, nothing counted
    /// (close matches, the relevance evaluation).
    fn groups_only(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        page: Page,
    ) -> Result<Vec<Group>, SearchError> {
        let numbers = self.ordinals.numbers(searcher)?;
        let top = TopDocs::with_limit(grouping::window(page.offset, page.limit)).order_by_score();
        let ranked = searcher.search(query, &top)?;
        deepened(searcher, query, &numbers, ranked, page, None)
    }

    /// A hit from its group: the best passage with its document, snippet
    /// and context, and the group's other passages with their snippets.
    fn hit(
        &self,
        searcher: &Searcher,
        generator: &SnippetGenerator,
        documents: &mut Documents<'_>,
        group: Group,
    ) -> anyhow::Result<Hit> {
        let (score, address) = group.best;
        let passage = self.load(searcher, address)?;
        let document = documents.get(&passage.doc_id)?;
        let doc_type = document.doc_type;
        let context = Context {
            previous: self
                .neighbours(searcher, &passage, doc_type, 1, false)?
                .pop(),
            next: self
                .neighbours(searcher, &passage, doc_type, 1, true)?
                .pop(),
        };
        let snippet_of = |passage: &StoredPassage| {
            let text = &passage.passage.text;
            Snippet::from_tantivy(text, &generator.snippet(text))
        };
        let snippet = snippet_of(&passage);
        let also = group
            .also
            .into_iter()
            .map(|(_, address)| {
                let passage = self.load(searcher, address)?;
                Ok(Also {
                    snippet: snippet_of(&passage),
                    passage,
                })
            })
            .collect::<anyhow::Result<Vec<Also>>>()?;
        Ok(Hit {
            document,
            passage,
            snippet,
            score,
            context,
            also,
            more: group.more,
            explanation: None,
        })
    }

    /// How many passages match the request (nothing else is read).
    pub fn count(&self, request: &SearchRequest) -> Result<usize, SearchError> {
        let parsed = query::parse(&request.q)?;
        let searcher = self.reader.searcher();
        let planned = plan(&parsed, &request.filters, &self.handle.fields, &searcher)?;
        Ok(searcher.search(&*planned.query, &Count)?)
    }

    /// Who said it most: the `limit` speakers of the request's best
    /// [`TALLY_DEPTH`] passages who speak in most of them (page and sort
    /// of the request are not used).
    pub fn speakers(
        &self,
        request: &SearchRequest,
        limit: usize,
    ) -> Result<SpeakerTally, SearchError> {
        let parsed = query::parse(&request.q)?;
        let searcher = self.reader.searcher();
        // Calling the roll or opening the hearing is not saying something.
        let mut filters = request.filters.clone();
        if filters.procedural.is_none() && parsed.filters.procedural.is_none() {
            filters.procedural = Some(false);
        }
        let planned = plan(&parsed, &filters, &self.handle.fields, &searcher)?;
        let top = TopDocs::with_limit(TALLY_DEPTH).order_by_score();
        let (best, total) = searcher.search(&*planned.query, &(top, Count))?;
        let addresses: Vec<DocAddress> = best.into_iter().map(|(_, a)| a).collect();
        Ok(speakers::tally(&searcher, &addresses, total, limit)?)
    }

    /// The document ids of the `limit` best hits of `q`, in rank order,
    /// ranked by risalah or by the plain BM25 baseline: what the relevance
    /// evaluation ([`super::eval`]) reads. Grouped rankings give each
    /// document once; the others once per passage.
    pub fn ranked_documents(
        &self,
        q: &str,
        ranking: Ranking,
        limit: usize,
    ) -> Result<Vec<String>, SearchError> {
        let parsed = query::parse(q)?;
        let searcher = self.reader.searcher();
        let fields = &self.handle.fields;
        let none = Filters::default();
        let planned = match ranking {
            Ranking::Risalah | Ranking::Passages => plan(&parsed, &none, fields, &searcher)?,
            Ranking::Weighted => {
                plan_with(&parsed, &none, fields, &searcher, Coordination::Weighted)?
            }
            Ranking::Baseline => baseline(&parsed, &none, fields)?,
        };
        let page = Page {
            offset: 0,
            limit: limit.max(1),
        };
        let addresses: Vec<DocAddress> = match ranking {
            Ranking::Risalah | Ranking::Weighted => {
                let mut groups = self.groups_only(&searcher, &*planned.query, page)?;
                let wanted = page.limit.saturating_sub(groups.len());
                let (nearby, _) = self.nearby(&searcher, &parsed, &none, &groups, wanted)?;
                groups.extend(nearby);
                groups.into_iter().map(|g| g.best.1).collect()
            }
            Ranking::Passages | Ranking::Baseline => {
                let top = TopDocs::with_limit(page.limit).order_by_score();
                let hits = searcher.search(&*planned.query, &top)?;
                hits.into_iter().map(|(_, a)| a).collect()
            }
        };
        addresses
            .into_iter()
            .map(|address| Ok(self.load(&searcher, address)?.doc_id))
            .collect()
    }

    /// Starts an export: runs the search for up to `cap` hits, in rank
    /// order, and returns a cursor over them. The cursor holds its own
    /// searcher, so every row comes from the same commit however slowly the
    /// rows are taken; no snippets or context are built.
    pub fn export(&self, request: &SearchRequest, cap: usize) -> Result<ExportCursor, SearchError> {
        let parsed = query::parse(&request.q)?;
        let searcher = self.reader.searcher();
        let planned = plan(&parsed, &request.filters, &self.handle.fields, &searcher)?;
        let top = TopDocs::with_limit(cap.max(1));
        let by_date = request.sort.date_order(planned.has_text);
        let (addresses, total): (Vec<DocAddress>, usize) = if let Some(order) = by_date {
            let (hits, total) = searcher.search(
                &*planned.query,
                &(top.order_by_fast_field::<DateTime>("date", order), Count),
            )?;
            (hits.into_iter().map(|(_, a)| a).collect(), total)
        } else {
            let (hits, total) = searcher.search(&*planned.query, &(top.order_by_score(), Count))?;
            (hits.into_iter().map(|(_, a)| a).collect(), total)
        };
        Ok(ExportCursor {
            searcher,
            addresses: addresses.into_iter(),
            total,
            loaded: HashMap::new(),
        })
    }

    /// The next up to `n` rows of an export, each passage with its
    /// document's record (metadata and roster); empty when the export is done.
    pub fn export_rows(
        &self,
        cursor: &mut ExportCursor,
        n: usize,
    ) -> Result<Vec<(Arc<document::DocumentRecord>, StoredPassage)>, SearchError> {
        let mut rows = Vec::with_capacity(n);
        for address in cursor.addresses.by_ref().take(n) {
            let passage = self.load(&cursor.searcher, address)?;
            let record = match cursor.loaded.get(&passage.doc_id) {
                Some(record) => Arc::clone(record),
                None => {
                    let record = Arc::new(
                        self.document_record(&cursor.searcher, &passage.doc_id)?
                            .unwrap_or_else(|| document::DocumentRecord {
                                meta: DocumentMeta {
                                    id: passage.doc_id.clone(),
                                    ..DocumentMeta::default()
                                },
                                ..Default::default()
                            }),
                    );
                    cursor
                        .loaded
                        .insert(passage.doc_id.clone(), Arc::clone(&record));
                    record
                }
            };
            rows.push((record, passage));
        }
        Ok(rows)
    }

    /// The record (metadata and roster) of every document in the index,
    /// with its passage count, in id order.
    pub fn document_records(&self) -> anyhow::Result<Vec<(document::DocumentRecord, u64)>> {
        let searcher = self.reader.searcher();
        let fields = &self.handle.fields;
        let records = TermQuery::new(
            Term::from_field_text(fields.record, DOCUMENT_RECORD),
            IndexRecordOption::Basic,
        );
        let addresses = searcher.search(&records, &tantivy::collector::DocSetCollector)?;
        let mut out = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(record) = document::document_from_tantivy(&doc, fields) {
                let passages = TermQuery::new(
                    Term::from_field_text(fields.doc_id, &record.meta.id),
                    IndexRecordOption::Basic,
                );
                let count = searcher.search(&passages, &Count)? as u64;
                out.push((record, count));
            }
        }
        out.sort_by(|a, b| a.0.meta.id.cmp(&b.0.meta.id));
        Ok(out)
    }

    /// Every document with its passage count, and the corpus summary; made
    /// once per index commit the reader sees, then shared.
    pub fn catalog(&self) -> anyhow::Result<Arc<Catalog>> {
        let generation = self.reader.searcher().generation().generation_id();
        let mut cached = self.catalog.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((made_for, catalog)) = cached.as_ref() {
            if *made_for == generation {
                return Ok(Arc::clone(catalog));
            }
        }
        let entries = self
            .document_records()?
            .into_iter()
            .map(|(record, passages)| CatalogEntry {
                meta: record.meta,
                passages,
            })
            .collect();
        let catalog = Arc::new(Catalog::new(entries));
        *cached = Some((generation, Arc::clone(&catalog)));
        Ok(catalog)
    }

    /// Whether `id` names a passage a correction removed: `Some` with the
    /// id of the nearest passage kept (`None` inside when none was), or
    /// `None` when the id was never retired.
    pub fn retired(&self, id: &str) -> anyhow::Result<Option<Option<String>>> {
        let Some((doc_id, _)) = id.rsplit_once('/') else {
            return Ok(None);
        };
        let searcher = self.reader.searcher();
        Ok(self
            .document_record(&searcher, doc_id)?
            .and_then(|record| record.retired.get(id).cloned()))
    }

    /// The passage `id` with up to `around` passages on each side, or `None` if unknown.
    pub fn passage(&self, id: &str, around: usize) -> anyhow::Result<Option<PassageView>> {
        let searcher = self.reader.searcher();
        let Some(passage) = self.passage_by_id(&searcher, id)? else {
            return Ok(None);
        };
        let document = self.documents(&searcher).get(&passage.doc_id)?;
        let mut before = self.neighbours(&searcher, &passage, document.doc_type, around, false)?;
        before.reverse();
        let after = self.neighbours(&searcher, &passage, document.doc_type, around, true)?;
        Ok(Some(PassageView {
            document,
            passage,
            before,
            after,
        }))
    }

    /// Every passage of document `doc_id` in order, or `None` if unknown.
    pub fn document(&self, doc_id: &str) -> anyhow::Result<Option<DocumentView>> {
        let searcher = self.reader.searcher();
        let Some(record) = self.document_record(&searcher, doc_id)? else {
            return Ok(None);
        };
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
        Ok(Some(DocumentView {
            document: Arc::new(record.meta),
            roster: record.roster,
            passages,
        }))
    }

    fn documents<'a>(&'a self, searcher: &'a Searcher) -> Documents<'a> {
        Documents {
            service: self,
            searcher,
            loaded: HashMap::new(),
        }
    }

    fn load(&self, searcher: &Searcher, address: DocAddress) -> anyhow::Result<StoredPassage> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(document::passage_from_tantivy(&doc, &self.handle.fields))
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
    /// `passage`, nearest first. Positions are usually consecutive and ids
    /// positional, so the neighbours are looked up by id; a gap (possible in
    /// JSONL) or a moved id falls back to a range over positions.
    fn neighbours(
        &self,
        searcher: &Searcher,
        passage: &StoredPassage,
        doc_type: DocType,
        n: usize,
        forward: bool,
    ) -> anyhow::Result<Vec<StoredPassage>> {
        let mut out = Vec::with_capacity(n);
        let at = passage.passage.position;
        for step in 1..=u32::try_from(n).unwrap_or(u32::MAX) {
            let position = if forward {
                at.checked_add(step)
            } else {
                at.checked_sub(step).filter(|p| *p > 0)
            };
            let Some(position) = position else {
                return Ok(out);
            };
            // A corrected document's ids need not be positional
            // ([`crate::index::stable_ids`]): the id is a guess, its
            // position the check.
            let id = passage_id(&passage.doc_id, doc_type, position);
            match self.passage_by_id(searcher, &id)? {
                Some(found) if found.passage.position == position => out.push(found),
                _ => return self.neighbours_by_range(searcher, passage, n, forward),
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
        let at = u64::from(passage.passage.position);
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

    /// The record whose `id` is `id`: a passage's, or a document's.
    fn by_id(&self, searcher: &Searcher, id: &str) -> anyhow::Result<Option<TantivyDocument>> {
        let term = Term::from_field_text(self.handle.fields.id, id);
        let found = searcher.search(
            &TermQuery::new(term, IndexRecordOption::Basic),
            &TopDocs::with_limit(1).order_by_score(),
        )?;
        match found.first() {
            Some((_, address)) => Ok(Some(searcher.doc(*address)?)),
            None => Ok(None),
        }
    }

    fn passage_by_id(
        &self,
        searcher: &Searcher,
        id: &str,
    ) -> anyhow::Result<Option<StoredPassage>> {
        // A document id never holds `/`, a passage id always does.
        if !id.contains('/') {
            return Ok(None);
        }
        Ok(self
            .by_id(searcher, id)?
            .map(|doc| document::passage_from_tantivy(&doc, &self.handle.fields)))
    }

    fn document_record(
        &self,
        searcher: &Searcher,
        doc_id: &str,
    ) -> anyhow::Result<Option<document::DocumentRecord>> {
        if doc_id.contains('/') {
            return Ok(None);
        }
        Ok(self
            .by_id(searcher, doc_id)?
            .and_then(|doc| document::document_from_tantivy(&doc, &self.handle.fields)))
    }
}

/// `page` of the groups of `ranked` (the best [`grouping::window`]
/// passages), read deeper, five times at a step, while one document's
/// passages crowd the page out and more passages (and, when counted,
/// more `documents`) are left.
fn deepened(
    searcher: &Searcher,
    query: &dyn Query,
    numbers: &grouping::DocumentNumbers,
    mut ranked: Vec<(Score, DocAddress)>,
    page: Page,
    documents: Option<usize>,
) -> Result<Vec<Group>, SearchError> {
    let wanted = page.offset + page.limit;
    let enough = documents.map_or(wanted, |d| wanted.min(d));
    let deepest = grouping::MAX_WINDOW.max(wanted);
    let mut asked = grouping::window(page.offset, page.limit);
    loop {
        let all_read = ranked.len() < asked;
        let groups = grouping::group(numbers, ranked);
        if groups.len() >= enough || all_read || asked >= deepest {
            return Ok(groups
                .into_iter()
                .skip(page.offset)
                .take(page.limit)
                .collect());
        }
        asked = asked.saturating_mul(5).min(deepest);
        ranked = searcher.search(query, &TopDocs::with_limit(asked).order_by_score())?;
    }
}
