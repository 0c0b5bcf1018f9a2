//! `GET /api/export?format=csv|jsonl&q=…`: every hit of a query (up to
//! [`EXPORT_CAP`]), streamed row by row as CSV or JSON Lines. The total and
//! whether the export was cut are in the `X-Total-Count` and
//! `X-Export-Truncated` headers.

use super::error::AppError;
use super::params;
use super::AppState;
use crate::index::document::StoredPassage;
use crate::search::citation::permalink_path;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

/// The most rows one export holds.
pub const EXPORT_CAP: usize = 10_000;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// One exported row.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    doc_id: &'a str,
    doc_type: &'a str,
    title: &'a str,
    commission: &'a str,
    case: &'a str,
    date: &'a str,
    speaker: &'a str,
    role: &'a str,
    position: u32,
    text: &'a str,
    url: String,
    source_url: &'a str,
}

impl<'a> Row<'a> {
    fn of(p: &'a StoredPassage) -> Self {
        let s = |v: &'a Option<String>| v.as_deref().unwrap_or("");
        Row {
            id: &p.id,
            doc_id: &p.doc_id,
            doc_type: p.doc_type.as_str(),
            title: &p.title,
            commission: s(&p.commission),
            case: s(&p.case),
            date: s(&p.date),
            speaker: s(&p.speaker),
            role: p.role.map_or("", |r| r.as_str()),
            position: p.position,
            text: &p.text,
            url: permalink_path(&p.id),
            source_url: s(&p.source_url),
        }
    }
}

fn encode(format: Format, passage: &StoredPassage, header_row: bool) -> Vec<u8> {
    let row = Row::of(passage);
    match format {
        Format::Jsonl => {
            let mut line = serde_json::to_vec(&row).unwrap_or_default();
            line.push(b'\n');
            line
        }
        Format::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(header_row)
                .from_writer(Vec::new());
            let _ = writer.serialize(&row);
            writer.into_inner().unwrap_or_default()
        }
    }
}

/// `GET /api/export`.
pub async fn export(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let pairs = params::pairs(raw.as_deref());
    let format = match params::first(&pairs, "format").unwrap_or("jsonl") {
        "csv" => Format::Csv,
        "jsonl" => Format::Jsonl,
        other => {
            return Err(AppError::BadRequest(format!(
                "unknown export format `{other}` (csv or jsonl)"
            )))
        }
    };
    if params::first(&pairs, "offset").is_some() {
        return Err(AppError::BadRequest(
            "an export starts at the first hit; `offset` does not apply".into(),
        ));
    }
    let request = params::search_request(&pairs, EXPORT_CAP)?;
    if request.limit > EXPORT_CAP {
        return Err(AppError::BadRequest(format!(
            "an export holds at most {EXPORT_CAP} rows"
        )));
    }
    let cap = request.limit;
    let (total_tx, total_rx) = tokio::sync::oneshot::channel::<Result<usize, AppError>>();
    let (rows_tx, rows_rx) = tokio::sync::mpsc::channel::<Bytes>(64);
    state
        .spawn(move |service| {
            let mut total_tx = Some(total_tx);
            let mut first = true;
            let result = service.export(
                &request,
                cap,
                &mut |total| {
                    if let Some(tx) = total_tx.take() {
                        let _ = tx.send(Ok(total));
                    }
                },
                &mut |passage| {
                    let bytes = encode(format, passage, first);
                    first = false;
                    rows_tx.blocking_send(Bytes::from(bytes)).is_ok()
                },
            );
            if let (Err(e), Some(tx)) = (result, total_tx.take()) {
                let _ = tx.send(Err(e.into()));
            }
        })
        .await?;
    let total = total_rx
        .await
        .map_err(|_| AppError::Internal(anyhow::anyhow!("export task ended early")))??;
    let (content_type, extension) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Jsonl => ("application/jsonl; charset=utf-8", "jsonl"),
    };
    let body = Body::from_stream(ReceiverStream::new(rows_rx).map(Ok::<_, std::io::Error>));
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"risalah-export.{extension}\""),
            ),
            (
                header::HeaderName::from_static("x-total-count"),
                total.to_string(),
            ),
            (
                header::HeaderName::from_static("x-export-truncated"),
                (total > cap).to_string(),
            ),
        ],
        body,
    )
        .into_response())
}
