//! `risalah check`: validate the corpus without indexing.

use anyhow::Context;
use risalah_engine::pipeline;
use std::path::Path;
use std::process::ExitCode;

/// Prints every problem of the corpus and a summary; fails when input was rejected
/// (or, with `strict`, when anything was warned about). With `pii`, lists
/// what indexing masks as personal data, for an editor to review.
pub fn run(root: &Path, strict: bool, pii: bool) -> anyhow::Result<ExitCode> {
    let report = pipeline::read_corpus(root)
        .with_context(|| format!("cannot read corpus {}", root.display()))?;
    for problem in report.problems() {
        eprintln!("{problem}");
    }
    if pii {
        let mut count = 0;
        for (file, masked) in report.files.iter().zip(&report.masked) {
            for m in masked {
                println!(
                    "{}:{}: {} {}",
                    file.path.display(),
                    m.line,
                    m.kind.as_str(),
                    m.hint
                );
                count += 1;
            }
        }
        println!("{count} value(s) of personal data masked");
    }
    let files = report.files.len();
    let rejected = report.rejected_files();
    let warnings = report.warning_count();
    println!(
        "checked {files} file(s): {} document(s), {} passage(s); {rejected} file(s) with rejected input, {warnings} warning(s)",
        report.document_count(),
        report.passage_count(),
    );
    let failed = rejected > 0 || (strict && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
