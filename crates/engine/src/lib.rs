//! The risalah engine: everything between a corpus file and a ranked list of
//! passages, with no HTTP and no HTML.
//!
//! Imports flow one way, and the crate boundary keeps the interface out:
//! [`search`] and [`index`] use [`pipeline`], which uses [`corpus`] and
//! [`attribution`], which use [`analysis`] and [`model`]. Results are
//! structured (a snippet is text fragments with highlight marks, a hit is a
//! passage with its document); rendering them is the interface's job.

pub mod analysis;
pub mod attribution;
pub mod corpus;
pub mod index;
pub mod legal;
pub mod model;
pub mod pipeline;
pub mod privacy;
pub mod search;
mod tables;
