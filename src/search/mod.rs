//! Search: the query language, the plan that turns it into a tantivy query,
//! and the service that runs it and shapes the results (hits with snippets,
//! context and citations; facet counts). Knows nothing of HTTP.
//!
//! # The JSON of a search
//!
//! `risalah search --json` and `GET /api/search` return the same object:
//!
//! ```json
//! {
//!   "total": 2,
//!   "took_ms": 1,
//!   "facets": {"role": {"majelis": 2}, "doc_type": {"transcript": 1, "news": 1}, "commission": {"Komisi Informasi Pusat": 2}},
//!   "hits": [{
//!     "id": "kip-2024-yakin-kpu-sidang-2024-03-13/t1",
//!     "doc_id": "kip-2024-yakin-kpu-sidang-2024-03-13",
//!     "doc_type": "transcript", "kind": "turn",
//!     "title": "…", "commission": "Komisi Informasi Pusat", "date": "2024-03-13", "case": null,
//!     "speaker": "Arya Sandhiyudha", "role": "majelis", "position": 1, "timestamp": null,
//!     "text": "Benar KPU memiliki kerja sama dengan Alibaba?",
//!     "snippet_html": "Benar KPU memiliki kerja sama dengan <mark>Alibaba</mark>?",
//!     "score": 1003.2,
//!     "citation": "Arya Sandhiyudha (majelis), dalam \"…\". … Passage kip-…/t1. http://127.0.0.1:8080/p/kip-…/t1",
//!     "url": "/p/kip-2024-yakin-kpu-sidang-2024-03-13/t1",
//!     "source_url": null,
//!     "context": {"previous": null, "next": {"id": "…/t2", "speaker": "Luqman Hakim", "role": "termohon", "text": "Iya"}}
//!   }]
//! }
//! ```
//!
//! - `total`: every passage that matches (at least one content word), not just this page.
//! - `took_ms`: milliseconds spent in the engine.
//! - `facets`: counts over all `total` matches, per role, document type and commission.
//! - `snippet_html`: a fragment of `text` exactly as published, HTML-escaped,
//!   `<mark>` around matched words, `…` where cut. Never offsets: a browser counts
//!   UTF-16 units, the engine bytes.
//! - `score`: with two or more content words, 1000 per matched content word
//!   plus BM25 (so passages with more of the words come first); else BM25.
//!   Only its order is meaningful.
//! - `url`: the permalink path; `citation` carries the absolute permalink.

pub mod citation;
pub mod facets;
pub mod plan;
pub mod query;
pub mod service;
pub mod snippet;

pub use query::QueryError;
pub use service::{SearchRequest, SearchResponse, SearchService};
