//! risalah: a search engine for Indonesian public-information dispute hearings.
//!
//! This crate is the `risalah` binary's composition root: the command line
//! ([`cli`]) and the synthetic corpus generator ([`synth`]). The engine
//! (`risalah-engine`: model, analysis, corpus, attribution, index, search)
//! and the web app (`risalah-web`: router, pages, API, citations, export)
//! live in their own crates under `crates/`; see ARCHITECTURE.md.

pub mod cli;
pub mod synth;
