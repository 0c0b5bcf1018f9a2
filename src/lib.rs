//! risalah: a search engine for Indonesian public-information dispute hearings.
//!
//! The crate is one binary (`risalah`) over library modules whose imports flow
//! one way: the interface (`cli`, `http`) calls the engine (`search`, `index`),
//! which calls the foundations (`analysis`, `corpus`, `model`).

pub mod analysis;
pub mod attribution;
pub mod cli;
pub mod corpus;
pub mod http;
pub mod index;
pub mod model;
pub mod search;
pub mod synth;
