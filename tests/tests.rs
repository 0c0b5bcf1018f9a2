//! The integration tests, as one test binary (fewer binaries to link): the
//! modules below each test one part of the contract against real builds of
//! the index in temporary directories.

mod util;

mod analysis;
mod attribution;
mod browser;
mod citations;
mod cli;
mod corpus_formats;
mod corpus_media;
mod corpus_seeds;
mod corrections;
mod decisions;
mod examples;
mod hardening;
mod http;
mod incremental;
mod privacy;
mod relevance;
mod reliability;
mod search;
