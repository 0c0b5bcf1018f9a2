//! The command line: flags as typed, validated into one config per command,
//! then run. Non-fatal problems are printed and counted; the exit status says
//! whether anything was rejected.

mod analyze;
mod check;

use clap::{Parser, Subcommand};
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
        Command::Check { corpus, strict } => check::run(&corpus, strict),
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
