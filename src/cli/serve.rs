//! `risalah serve`: make sure the index is built and current, then serve the
//! web app and the API until Ctrl-C.

use super::index::{print_problems, summary};
use risalah_engine::index::build::{self, BuildOptions, Freshness};
use risalah_engine::search::SearchService;
use risalah_web::permalink::PublicUrl;
use risalah_web::AppState;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where to serve from and on what address.
pub struct ServeOptions {
    /// The index directory.
    pub index: PathBuf,
    /// The corpus, when given on the command line.
    pub corpus: Option<PathBuf>,
    /// The default corpus, used when neither the command line nor the index names one.
    pub default_corpus: PathBuf,
    /// The address to listen on.
    pub addr: SocketAddr,
    /// The public address for citations (default: `http://{addr}`).
    pub public_url: Option<String>,
}

/// Builds the index if it is missing or stale, then serves.
pub fn run(options: ServeOptions) -> anyhow::Result<ExitCode> {
    init_logging();
    let corpus = choose_corpus(&options);
    match &corpus {
        Some(corpus) => ensure_index(&options.index, corpus)?,
        None => eprintln!(
            "risalah: warning: the corpus that built {} is gone; serving the index as it is",
            options.index.display()
        ),
    }
    let public_url = options
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", options.addr));
    let service = SearchService::open(&options.index)?;
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let state = AppState::new(service, cores, PublicUrl::new(&public_url));
    runtime.block_on(risalah_web::serve(options.addr, state))?;
    Ok(ExitCode::SUCCESS)
}

/// The corpus to keep the index fresh from: the one given, else the one that
/// built the index (never silently another), else the default.
fn choose_corpus(options: &ServeOptions) -> Option<PathBuf> {
    if let Some(corpus) = &options.corpus {
        return Some(corpus.clone());
    }
    match build::recorded_corpus(&options.index) {
        Some(recorded) if recorded.exists() => Some(recorded),
        Some(_) => None,
        None => Some(options.default_corpus.clone()),
    }
}

fn ensure_index(index: &Path, corpus: &Path) -> anyhow::Result<()> {
    let why = match build::freshness(index, corpus)? {
        Freshness::Fresh => return Ok(()),
        Freshness::Missing => format!("the index directory {} holds no index yet", index.display()),
        Freshness::Stale(reason) => reason,
    };
    eprintln!("risalah: indexing {} ({why})", corpus.display());
    let report = build::build(
        &BuildOptions {
            corpus: corpus.to_path_buf(),
            index_dir: index.to_path_buf(),
            rebuild: false,
        },
        &super::index::FileBar::new(),
    )?;
    print_problems(&report.problems);
    eprintln!("risalah: {}", summary(&report));
    Ok(())
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RISALAH_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("risalah=info,tower_http=warn"));
    // Colour only on a terminal: a log file gets plain text.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
