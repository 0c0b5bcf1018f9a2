//! `GET /api/export?format=csv|jsonl&q=…`: every hit of a query (up to
//! [`EXPORT_CAP`]), streamed row by row as CSV or JSON Lines. The total and
//! whether the export was cut are in the `X-Total-Count` and
//! `X-Export-Truncated` headers.

use crate::error::AppError;
use crate::params::{from_query, ExportFormat, SearchParams};
use crate::permalink::permalink_path;
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use risalah_engine::index::document::StoredPassage;
use risalah_engine::model::DocumentMeta;
use serde::Serialize;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

/// The most rows one export holds.
pub const EXPORT_CAP: usize = 10_000;

/// One exported row.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    doc_id: &'a str,
    doc_type: &'a str,
    title: &'a str,
    commission: &'a str,
    case: &'a str,
    date: String,
    speaker: &'a str,
    role: &'a str,
    position: u32,
    text: &'a str,
    url: String,
    source_url: &'a str,
}

impl<'a> Row<'a> {
    fn of(d: &'a DocumentMeta, p: &'a StoredPassage) -> Self {
        let s = |v: &'a Option<String>| v.as_deref().unwrap_or("");
        Row {
            id: &p.id,
            doc_id: &p.doc_id,
            doc_type: d.doc_type.as_str(),
            title: &d.title,
            commission: s(&d.commission),
            case: s(&d.case),
            date: d.date.map(|d| d.to_string()).unwrap_or_default(),
            speaker: s(&p.passage.speaker),
            role: p.passage.role.map_or("", |r| r.as_str()),
            position: p.passage.position,
            text: &p.passage.text,
            url: permalink_path(&p.id),
            source_url: s(&d.source_url),
        }
    }
}

fn encode(format: ExportFormat, d: &DocumentMeta, p: &StoredPassage, header_row: bool) -> Vec<u8> {
    let row = Row::of(d, p);
    match format {
        ExportFormat::Jsonl => {
            let mut line = serde_json::to_vec(&row).unwrap_or_default();
            line.push(b'\n');
            line
        }
        ExportFormat::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(header_row)
                .from_writer(Vec::new());
            let _ = writer.serialize(&row);
            writer.into_inner().unwrap_or_default()
        }
    }
}

/// Every hit of a query as CSV or JSON Lines, streamed (at most 10,000 rows).
#[utoipa::path(
    get,
    path = "/api/export",
    operation_id = "export",
    params(
        SearchParams,
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 10000, description = "The most rows."),
        ("format" = Option<ExportFormat>, Query, description = "csv or jsonl (default)."),
    ),
    responses(
        (status = 200, description = "The rows; X-Total-Count and X-Export-Truncated headers",
            content((String = "text/csv"), (String = "application/jsonl"))),
        (status = 400, description = "The query or a parameter is malformed", body = crate::error::ErrorJson),
        (status = 503, description = "Every search slot is busy", body = crate::error::ErrorJson),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let params: SearchParams = from_query(raw.as_deref())?;
    let format = params.format.unwrap_or(ExportFormat::Jsonl);
    if params.offset.is_some() {
        return Err(AppError::BadRequest(
            "an export starts at the first hit; `offset` does not apply".into(),
        ));
    }
    let request = params.request(EXPORT_CAP)?;
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
                &mut |document, passage| {
                    let bytes = encode(format, document, passage, first);
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
        ExportFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        ExportFormat::Jsonl => ("application/jsonl; charset=utf-8", "jsonl"),
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
