//! The command line: flags as typed, validated into one config per command,
//! then run. Non-fatal problems are printed and counted; the exit status says
//! whether anything was rejected.

mod analyze;
mod attribute;
mod check;
mod eval;
mod export;
mod index;
mod search;
mod serve;

use clap::{Args, Parser, Subcommand};
use risalah_engine::index::build::BuildOptions;
use risalah_web::params::SearchParams;
use std::path::PathBuf;
use std::process::ExitCode;

/// risalah — search Komisi Informasi hearings and the news about them.
#[derive(Debug, Parser)]
#[command(name = "risalah", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every corpus file without indexing; print `path:line: reason` per problem.
    Check {
        /// The corpus directory or a single corpus file.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Treat warnings as failures.
        #[arg(long)]
        strict: bool,
        /// List, per file and line, the personal data that indexing masks
        /// (the kind, and the value with all but its last characters hidden).
        #[arg(long)]
        pii: bool,
    },
    /// Build or update the index from the corpus (only changed files are re-read).
    Index {
        /// The corpus directory or a single corpus file.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// The index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Discard the index and read every file again.
        #[arg(long)]
        rebuild: bool,
        /// Treat warnings as failures.
        #[arg(long)]
        strict: bool,
    },
    /// Build the index if it is missing or stale, then serve the web app and the API.
    Serve {
        /// The index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// The corpus to index from (default: the one that built the index, else `corpus`).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// The public address used in citations and permalinks (default: http://ADDR).
        #[arg(long)]
        public_url: Option<String>,
    },
    /// Search the index; see the README for the query language.
    Search(SearchArgs),
    /// Write every hit of a query, or with `--all` the whole index, as JSONL
    /// (the corpus bulk format) or CSV, streamed.
    Export(ExportArgs),
    /// Print each paragraph of a news report with the speakers, roles and quote/paraphrase marks found.
    Attribute {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// The news file.
        file: PathBuf,
    },
    /// Write a synthetic hearing corpus (fictional, labelled synthetic) in the JSONL bulk format, for benchmarks.
    Synth {
        /// How many turns.
        #[arg(long, default_value_t = 100_000)]
        turns: u64,
        /// The seed (the same seed gives the same corpus).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The shard number, to keep document ids apart across files.
        #[arg(long, default_value_t = 0)]
        shard: u64,
        /// The output file (`-` for standard output).
        #[arg(long, default_value = "-")]
        out: PathBuf,
    },
    /// Score the ranking on a relevance set (`corpus/`, `questions.tsv`,
    /// `judgments.tsv`) against plain BM25: nDCG@10 and Recall@10 per question type.
    Eval {
        /// The relevance set's directory.
        #[arg(long, default_value = "tests/fixtures/relevance")]
        set: PathBuf,
        /// Where to build the set's index.
        #[arg(long, default_value = "index-relevance")]
        index: PathBuf,
        /// Also print every question's scores and first documents.
        #[arg(long)]
        show: bool,
    },
    /// Print the tokens the index would store for TEXT (stemmed and exact views).
    Analyze {
        /// Print `{"stemmed": [...], "exact": [...]}`.
        #[arg(long)]
        json: bool,
        /// Analyse each whitespace-separated word on its own.
        #[arg(long)]
        per_word: bool,
        /// The text; `-` reads standard input.
        #[arg(required = true)]
        text: Vec<String>,
    },
}

/// The filters and query that `risalah search` and `risalah export` share.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// Only passages spoken in this role (repeat or comma-separate for several).
    #[arg(long)]
    role: Vec<String>,
    /// Only passages of this speaker (words of the name).
    #[arg(long)]
    speaker: Option<String>,
    /// Only passages of this case register number.
    #[arg(long)]
    case: Option<String>,
    /// Only this document type: transcript, news or putusan.
    #[arg(long = "type")]
    doc_type: Vec<String>,
    /// Only documents of this provenance: official, news, caption or reconstructed.
    #[arg(long)]
    provenance: Vec<String>,
    /// Only documents of this commission, however written: `jabar`, "KI Jawa Barat", `pusat`.
    #[arg(long)]
    commission: Vec<String>,
    /// Only this part of a decision: identitas, duduk_perkara, pertimbangan, kesimpulan or amar.
    #[arg(long)]
    section: Vec<String>,
    /// Only documents whose case ended so: dikabulkan, dikabulkan_sebagian, ditolak,
    /// tidak_diterima, gugur, dicabut or mediasi_berhasil.
    #[arg(long)]
    outcome: Vec<String>,
    /// Only passages citing this law, rule or article: `uu-14-2008/17`, "UU KIP".
    #[arg(long)]
    law: Option<String>,
    /// The order: relevance (the default), newest or oldest.
    #[arg(long, value_parser = ["relevance", "newest", "oldest"])]
    sort: Option<String>,
    /// From this date on: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,
    /// The query.
    query: Vec<String>,
}

impl QueryArgs {
    /// The flags as the search parameters the HTTP API takes, to be
    /// validated by the same code.
    fn params(&self) -> SearchParams {
        SearchParams {
            q: self.query.join(" "),
            role: self.role.clone(),
            speaker: self.speaker.clone(),
            case: self.case.clone(),
            doc_type: self.doc_type.clone(),
            provenance: self.provenance.clone(),
            commission: self.commission.clone(),
            section: self.section.clone(),
            outcome: self.outcome.clone(),
            law: self.law.clone(),
            sort: self.sort.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            ..SearchParams::default()
        }
    }
}

/// The flags of `risalah search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// Hits per page (at most 100).
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Skip this many hits (for the next pages).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// By relevance, one hit per document with its next best passages
    /// (doc, the default) or every passage on its own (passage).
    #[arg(long, value_parser = ["doc", "document", "passage"])]
    group: Option<String>,
    /// Show why each hit ranks where it does: the parts of the query it
    /// matches and what each adds to its score.
    #[arg(long)]
    explain: bool,
    /// Print the JSON of the API.
    #[arg(long)]
    json: bool,
    /// The filters and the query.
    #[command(flatten)]
    query: QueryArgs,
}

impl SearchArgs {
    /// The search parameters of the flags.
    fn params(&self) -> SearchParams {
        SearchParams {
            limit: Some(self.limit),
            offset: Some(self.offset),
            group: self.group.clone(),
            explain: self.explain.then_some(true),
            ..self.query.params()
        }
    }
}

/// The flags of `risalah export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The index directory.
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// `jsonl` (the corpus bulk format, which `risalah index` reads back) or `csv`.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv"])]
    format: String,
    /// The output file (`-` for standard output).
    #[arg(long, default_value = "-")]
    out: PathBuf,
    /// The public address the permalinks are under (as `serve --public-url`).
    #[arg(long, default_value = risalah_web::permalink::DEFAULT_PUBLIC_URL)]
    public_url: String,
    /// Every passage of every document, in document and passage order (no
    /// query, no row limit).
    #[arg(long, conflicts_with_all = ["role", "speaker", "case", "doc_type", "provenance", "commission", "section", "outcome", "law", "from", "to", "query"])]
    all: bool,
    /// The filters and the query (every hit, best first).
    #[command(flatten)]
    query: QueryArgs,
}

/// Parses the command line and runs it; the returned code is the process exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("risalah: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check {
            corpus,
            strict,
            pii,
        } => check::run(&corpus, strict, pii),
        Command::Index {
            corpus,
            index,
            rebuild,
            strict,
        } => index::run(
            &BuildOptions {
                corpus,
                index_dir: index,
                rebuild,
            },
            strict,
        ),
        Command::Serve {
            index,
            corpus,
            addr,
            public_url,
        } => serve::run(serve::ServeOptions {
            index,
            corpus,
            default_corpus: PathBuf::from("corpus"),
            addr,
            public_url,
        }),
        Command::Synth {
            turns,
            seed,
            shard,
            out,
        } => {
            let options = crate::synth::SynthOptions { turns, seed, shard };
            let stats = if out.as_os_str() == "-" {
                let stdout = std::io::stdout();
                let mut lock = std::io::BufWriter::new(stdout.lock());
                crate::synth::write_jsonl(&options, &mut lock)?
            } else {
                let file = std::fs::File::create(&out)
                    .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", out.display()))?;
                let mut writer = std::io::BufWriter::new(file);
                crate::synth::write_jsonl(&options, &mut writer)?
            };
            eprintln!(
                "synthetic corpus: {} hearing(s), {} turn(s), {:.1} MB of text",
                stats.hearings,
                stats.turns,
                stats.text_bytes as f64 / 1e6
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { set, index, show } => {
            eval::run(&set, &index, show).map(|_| ExitCode::SUCCESS)
        }
        Command::Attribute { json, file } => attribute::run(&file, json),
        Command::Export(args) => export::run(&args),
        Command::Search(args) => {
            search::run(&args.index, &args.params(), args.json).map(|()| ExitCode::SUCCESS)
        }
        Command::Analyze {
            json,
            per_word,
            text,
        } => {
            let text = if text == ["-"] {
                std::io::read_to_string(std::io::stdin())?
            } else {
                text.join(" ")
            };
            analyze::run(&text, json, per_word).map(|()| ExitCode::SUCCESS)
        }
    }
}
