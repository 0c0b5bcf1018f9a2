//! Search: the query language ([`query`]), the plan that turns it into a
//! tantivy query ([`plan`]), and the service that runs it and returns
//! structured results ([`service`]): hits with their documents, snippets as
//! marked fragments ([`snippet`]), the turns around them, grouped by
//! document ([`grouping`]), each score taken apart on request ([`explain`]), facet counts
//! ([`facets`]), who said it most ([`speakers`]), what the index holds ([`catalog`]) and a case of it
//! ([`cases`]), and relevance evaluation ([`eval`]). Knows nothing of HTTP
//! or HTML.

pub mod cases;
pub mod catalog;
pub mod eval;
pub mod explain;
pub mod facets;
pub mod grouping;
pub mod plan;
pub mod query;
pub mod service;
pub mod snippet;
pub mod speakers;

pub use grouping::Grouping;
pub use query::{Filters, QueryError};
pub use service::{Also, Hit, SearchError, SearchRequest, SearchResults, SearchService, Sort};
