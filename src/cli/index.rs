//! `risalah index`: build or update the index, with a progress bar on a
//! terminal, one `path:line: reason` line per problem and a one-line summary.

use indicatif::{ProgressBar, ProgressStyle};
use risalah_engine::corpus::Problem;
use risalah_engine::index::build::{self, BuildOptions, BuildReport, Progress};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// A progress bar over files, drawn only when standard error is a terminal.
pub struct FileBar(Option<ProgressBar>);

impl FileBar {
    /// A bar on standard error if it is a terminal, else nothing.
    pub fn new() -> Self {
        FileBar(std::io::stderr().is_terminal().then(ProgressBar::hidden))
    }
}

impl Progress for FileBar {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {pos}/{len} files {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, path: &Path) {
        if let Some(bar) = &self.0 {
            bar.set_message(path.display().to_string());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Builds or updates the index and reports; fails when input was rejected
/// (or, with `strict`, when anything was warned about).
pub fn run(options: &BuildOptions, strict: bool) -> anyhow::Result<ExitCode> {
    let report = build::build(options, &FileBar::new())?;
    print_problems(&report.problems);
    println!("{}", summary(&report));
    let warnings = report.problems.iter().filter(|p| !p.is_error()).count();
    let failed = report.rejected_files > 0 || (strict && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints each problem on its own line to standard error.
pub fn print_problems(problems: &[Problem]) {
    for problem in problems {
        eprintln!("{problem}");
    }
}

/// The one-line summary of a build.
pub fn summary(report: &BuildReport) -> String {
    let how = if report.rebuilt {
        "built"
    } else if report.committed {
        "updated"
    } else {
        "up to date"
    };
    format!(
        "index {how}: {} document(s), {} passage(s); {} file(s) read{}, {} unchanged, {} removed; {} rejected; {:.2} s",
        report.documents,
        report.passages,
        report.files_read,
        if report.files_reattributed > 0 {
            format!(" ({} attributed again after a roster changed)", report.files_reattributed)
        } else {
            String::new()
        },
        report.files_unchanged,
        report.files_removed,
        report.rejected_files,
        report.seconds
    )
}
