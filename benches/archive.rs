//! Archive-scale benchmark: indexing throughput with the full Indonesian
//! analysis beside the raw ceiling (the same documents, schema and code path
//! with tantivy's default tokenizer in place of ours), index size, and query
//! latency with snippets and role counts for one client and several.
//!
//!     cargo bench --bench archive -- --turns 100000
//!     cargo bench --bench archive -- --turns 1000000 --keep /tmp/risalah-1m
//!     cargo bench --bench archive -- --index /tmp/risalah-1m/index   # queries only
//!     cargo bench --bench archive -- --index … --group passage       # a flat list
//!     cargo bench --bench archive -- --index … --per-query           # p50 of each query
//!
//! `--keep DIR` leaves the corpus and the full index in DIR for the HTTP
//! benchmark (`scripts/bench_http.sh DIR/index`). The corpus is synthetic
//! (`risalah synth`), written as shards of at most 100,000 turns.

use risalah::synth::{self, SynthOptions};
use risalah_engine::corpus::{self, labels::LabelTable};
use risalah_engine::index::build::{self, BuildOptions, Silent};
use risalah_engine::index::{document, schema};
use risalah_engine::model::Document;
use risalah_engine::search::{Grouping, SearchRequest, SearchService};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::Index;

const SHARD_TURNS: u64 = 100_000;

/// One-, two- and three-word queries, phrases, role- and date-filtered queries.
const QUERY_MIX: &[&str] = &[
    "informasi",
    "dokumen",
    "putusan",
    "anggaran",
    "kontrak",
    "keberatan",
    "sengketa",
    "rahasia",
    "uji konsekuensi",
    "dokumen anggaran",
    "informasi publik",
    "salinan putusan",
    "kontrak pengadaan barang",
    "apa kata majelis soal rahasia",
    "informasi dikecualikan negara",
    "\"yang tidak\"",
    "\"informasi publik\"",
    "role:majelis dokumen",
    "role:termohon rahasia",
    "role:pemohon keberatan",
    "date:2020 informasi",
    "date:2018..2019 putusan",
    "kip",
    "ppid dokumen",
];

struct Args {
    turns: u64,
    queries: usize,
    clients: usize,
    keep: Option<PathBuf>,
    index: Option<PathBuf>,
    group: Grouping,
    per_query: bool,
}

fn args() -> Args {
    let mut a = Args {
        turns: 100_000,
        queries: 2_000,
        clients: 4,
        keep: None,
        index: None,
        group: Grouping::default(),
        per_query: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_default();
        match flag.as_str() {
            "--turns" => a.turns = value().parse().expect("--turns N"),
            "--queries" => a.queries = value().parse().expect("--queries N"),
            "--clients" => a.clients = value().parse().expect("--clients N"),
            "--keep" => a.keep = Some(PathBuf::from(value())),
            "--index" => a.index = Some(PathBuf::from(value())),
            "--per-query" => a.per_query = true,
            "--group" => a.group = value().parse().expect("--group doc|passage"),
            _ => {} // cargo bench passes --bench
        }
    }
    a
}

fn generate(dir: &Path, turns: u64) -> (u64, u64) {
    std::fs::create_dir_all(dir).unwrap();
    let (mut done, mut bytes, mut shard) = (0, 0, 0);
    while done < turns {
        let n = SHARD_TURNS.min(turns - done);
        let file = std::fs::File::create(dir.join(format!("shard-{shard:04}.jsonl"))).unwrap();
        let mut w = std::io::BufWriter::new(file);
        let stats = synth::write_jsonl(
            &SynthOptions {
                turns: n,
                seed: 42 + shard,
                shard,
            },
            &mut w,
        )
        .unwrap();
        done += stats.turns;
        bytes += stats.text_bytes;
        shard += 1;
    }
    (done, bytes)
}

fn parse_all(dir: &Path) -> Vec<Document> {
    let (paths, _) = corpus::discover(dir).unwrap();
    let labels = LabelTable::default();
    paths
        .iter()
        .flat_map(|p| corpus::parse_path(p, &labels).documents)
        .collect()
}

fn default_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

/// Indexes `docs` into a fresh index in `dir`; `raw` swaps our analyzers for
/// tantivy's default tokenizer under the same names. Returns the wall time.
fn index_docs(dir: &Path, docs: &[Document], raw: bool) -> Duration {
    std::fs::create_dir_all(dir).unwrap();
    let (schema, fields) = schema::build();
    let index = Index::create_in_dir(dir, schema).unwrap();
    if raw {
        let m = index.tokenizers();
        m.register(risalah_engine::analysis::STEMMED, default_analyzer());
        m.register(risalah_engine::analysis::EXACT, default_analyzer());
        m.register(
            schema::KEYWORD,
            TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .build(),
        );
    } else {
        risalah_engine::index::register_all(&index);
    }
    let started = Instant::now();
    let mut writer: tantivy::IndexWriter = index.writer(200 * 1024 * 1024).unwrap();
    for doc in docs {
        for t in document::to_tantivy(doc, "bench.jsonl", &fields, &Default::default()) {
            writer.add_document(t).unwrap();
        }
    }
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
    started.elapsed()
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

fn run_queries(service: &SearchService, n: usize, offset: usize, group: Grouping) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            let q = QUERY_MIX[(i + offset) % QUERY_MIX.len()];
            let started = Instant::now();
            let r = service
                .search(&SearchRequest {
                    q: q.to_string(),
                    limit: 10,
                    group,
                    ..SearchRequest::default()
                })
                .unwrap();
            std::hint::black_box(r.hits.len());
            started.elapsed()
        })
        .collect()
}

/// Query latency for one client and several on the index in `index_dir`.
fn query_benchmark(index_dir: &Path, a: &Args) {
    let service = SearchService::open(index_dir).unwrap();
    run_queries(&service, QUERY_MIX.len() * 2, 0, a.group); // warm the caches
    let mut one = run_queries(&service, a.queries, 0, a.group);
    if a.per_query {
        for (k, q) in QUERY_MIX.iter().enumerate() {
            let mut times: Vec<Duration> = one
                .iter()
                .skip(k)
                .step_by(QUERY_MIX.len())
                .copied()
                .collect();
            times.sort();
            if !times.is_empty() {
                println!("  p50 {:7.2} ms  {q}", percentile(&times, 0.5));
            }
        }
    }
    one.sort();
    let t = Instant::now();
    let mut many: Vec<Duration> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..a.clients)
            .map(|c| {
                let service = &service;
                let n = a.queries / a.clients;
                s.spawn(move || run_queries(service, n, c * 7, a.group))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let many_s = t.elapsed().as_secs_f64();
    many.sort();
    println!(
        "query latency, 1 client, {} queries (top-10, snippets, counts): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms",
        one.len(),
        percentile(&one, 0.5),
        percentile(&one, 0.95),
        percentile(&one, 0.99)
    );
    println!(
        "query latency, {} clients, {} queries: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms; {:.0} queries/s",
        a.clients,
        many.len(),
        percentile(&many, 0.5),
        percentile(&many, 0.95),
        percentile(&many, 0.99),
        many.len() as f64 / many_s
    );
}

fn main() {
    let a = args();
    if let Some(index) = &a.index {
        // Only the query part, on an index kept by an earlier run.
        query_benchmark(index, &a);
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let root = a
        .keep
        .clone()
        .unwrap_or_else(|| scratch.path().to_path_buf());
    let corpus_dir = root.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus_dir);

    let t = Instant::now();
    let (turns, text_bytes) = generate(&corpus_dir, a.turns);
    let generate_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let docs = parse_all(&corpus_dir);
    let parse_s = t.elapsed().as_secs_f64();
    let mb = text_bytes as f64 / 1e6;

    let full_dir = scratch.path().join("full");
    let raw_dir = scratch.path().join("raw");
    let full = index_docs(&full_dir, &docs, false).as_secs_f64();
    let raw = index_docs(&raw_dir, &docs, true).as_secs_f64();
    drop(docs);

    // The real command end to end: read, hash, parse, analyse, commit.
    let index_dir = root.join("index");
    let _ = std::fs::remove_dir_all(&index_dir);
    let t = Instant::now();
    let report = build::build(
        &BuildOptions {
            corpus: corpus_dir.clone(),
            index_dir: index_dir.clone(),
            rebuild: true,
        },
        &Silent,
    )
    .unwrap();
    let end_to_end = t.elapsed().as_secs_f64();
    assert_eq!(report.passages as u64, turns);

    println!("synthetic corpus: {turns} turns, {mb:.1} MB of text (generated in {generate_s:.1} s, parsed in {parse_s:.1} s)");
    println!(
        "indexing, full Indonesian analysis: {full:.1} s = {:.1} MB/s, {:.0} turns/s",
        mb / full,
        turns as f64 / full
    );
    println!(
        "indexing, raw ceiling (default tokenizer): {raw:.1} s = {:.1} MB/s, {:.0} turns/s",
        mb / raw,
        turns as f64 / raw
    );
    println!("full / raw throughput: {:.2}", raw / full);
    println!(
        "risalah index end to end (read, hash, parse, analyse, commit): {end_to_end:.1} s = {:.0} turns/s",
        turns as f64 / end_to_end
    );
    println!(
        "index size: {:.1} MB full ({:.2}x text), {:.1} MB raw",
        dir_size(&index_dir) as f64 / 1e6,
        dir_size(&index_dir) as f64 / text_bytes as f64,
        dir_size(&raw_dir) as f64 / 1e6
    );
    query_benchmark(&index_dir, &a);
    if let Some(keep) = &a.keep {
        println!("kept: {}", keep.display());
    }
}
