//! `risalah export`: every hit of a query, or with `--all` every passage of
//! the index, written as JSONL (the corpus bulk format, which `risalah
//! check` and `risalah index` read back with the same ids) or CSV, a batch
//! at a time so that memory does not grow with the index.

use super::ExportArgs;
use risalah_engine::search::SearchService;
use risalah_web::export::encode;
use risalah_web::params::ExportFormat;
use risalah_web::permalink::PublicUrl;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

/// Rows read from the index per batch.
const BATCH: usize = 500;

/// Runs the export and reports on standard error how many rows it wrote.
pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = match args.format.as_str() {
        "csv" => ExportFormat::Csv,
        _ => ExportFormat::Jsonl,
    };
    let service = SearchService::open(&args.index)?;
    let mut out: Box<dyn Write> = if args.out.as_os_str() == "-" {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    } else {
        let file = std::fs::File::create(&args.out)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", args.out.display()))?;
        Box::new(std::io::BufWriter::new(file))
    };
    let public_url = PublicUrl::new(&args.public_url);
    let written = if args.all {
        export_all(&service, format, &public_url, &mut out)?
    } else {
        export_query(&service, args, format, &public_url, &mut out)?
    };
    out.flush()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", args.out.display()))?;
    eprintln!("exported {written} passage(s)");
    Ok(ExitCode::SUCCESS)
}

/// Every passage of every document, documents in id order, passages in order.
fn export_all(
    service: &SearchService,
    format: ExportFormat,
    public_url: &PublicUrl,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let mut written = 0;
    for (record, _) in service.document_records()? {
        let Some(view) = service.document(&record.meta.id)? else {
            continue;
        };
        let record = Arc::new(record);
        for passage in &view.passages {
            out.write_all(&encode(format, &record, passage, written == 0, public_url))?;
            written += 1;
        }
    }
    Ok(written)
}

/// Every hit of the query, best first.
fn export_query(
    service: &SearchService,
    args: &ExportArgs,
    format: ExportFormat,
    public_url: &PublicUrl,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let cap = usize::try_from(service.passage_count())
        .unwrap_or(usize::MAX)
        .max(1);
    let request = args
        .query
        .params()
        .request(cap)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut cursor = service
        .export(&request, cap)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut written = 0;
    loop {
        let rows = service
            .export_rows(&mut cursor, BATCH)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if rows.is_empty() {
            return Ok(written);
        }
        for (record, passage) in &rows {
            out.write_all(&encode(format, record, passage, written == 0, public_url))?;
            written += 1;
        }
    }
}
