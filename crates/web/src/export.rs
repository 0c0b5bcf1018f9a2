//! `GET /api/export?format=csv|jsonl&q=…`: every hit of a query (up to
//! [`EXPORT_CAP`]), streamed row by row as CSV or JSON Lines. The total and
//! whether the export was cut are in the `X-Total-Count` and
//! `X-Export-Truncated` headers.
//!
//! A JSON Lines export is the corpus bulk format (`corpus/README.md`): every
//! row carries its document's metadata, the speaker with title and role, the
//! `turn` and the text, so `risalah check` accepts it and indexing it again
//! gives the same passages and ids. The rows add `id` (checked on import),
//! the absolute `permalink`, `attributions` (every speaker a paragraph
//! quotes or paraphrases, with role and mode), `modes`, and a decision's
//! `section`, the `outcome` and the cited `laws` (all found again on
//! import). The file is named after the search
//! (`risalah-kpu-termohon.csv`).

use crate::error::AppError;
use crate::params::{from_query, ExportFormat, SearchParams};
use crate::permalink::PublicUrl;
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use risalah_engine::index::document::{DocumentRecord, StoredPassage};
use risalah_engine::model::PassageKind;
use risalah_engine::search::service::ExportCursor;
use serde::Serialize;
use std::borrow::Cow;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;
use tokio_stream::Stream;

/// The most rows one export holds.
pub const EXPORT_CAP: usize = 10_000;
/// Rows found and encoded under one search slot.
pub const EXPORT_BATCH: usize = 200;
/// Batches encoded ahead of the client.
const EXPORT_BUFFER: usize = 2;
/// How long an export waits for a client that reads nothing.
pub const EXPORT_STALL: Duration = Duration::from_secs(30);

/// One exported row, in the order of the bulk format's fields.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    doc_id: &'a str,
    doc_type: &'a str,
    title: Cow<'a, str>,
    commission: Option<Cow<'a, str>>,
    case: Option<Cow<'a, str>>,
    parties: Option<Cow<'a, str>>,
    date: Option<String>,
    agenda: Option<Cow<'a, str>>,
    publisher: Option<Cow<'a, str>>,
    source_url: Option<Cow<'a, str>>,
    provenance: &'a str,
    note: Option<Cow<'a, str>>,
    speaker: Option<Cow<'a, str>>,
    speaker_title: Option<Cow<'a, str>>,
    role: Option<&'a str>,
    turn: u32,
    timestamp: Option<&'a str>,
    page: Option<u32>,
    text: Cow<'a, str>,
    permalink: String,
    /// The attribution modes of a paragraph, once each (`quote`, `paraphrase`).
    modes: Option<String>,
    attributions: Attributions<'a>,
    /// The part of a decision the passage is in.
    section: Option<&'a str>,
    /// How the document's case ended, as the document states it.
    outcome: Option<&'a str>,
    /// The ids of the laws, rules and articles the passage cites, comma-separated.
    laws: Option<String>,
}

/// Who a news paragraph quotes or paraphrases: a list in JSON Lines, one
/// cell in CSV (`NAME (role, mode); …`).
#[derive(Serialize)]
#[serde(untagged)]
enum Attributions<'a> {
    List(Vec<AttributionRow<'a>>),
    Cell(String),
}

/// One attribution of an exported row.
#[derive(Serialize)]
struct AttributionRow<'a> {
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    mode: &'a str,
}

impl Attributions<'_> {
    /// The list as one spreadsheet cell.
    fn cell(self) -> String {
        match self {
            Attributions::Cell(text) => text,
            Attributions::List(list) => list
                .iter()
                .map(|a| {
                    format!(
                        "{} ({}, {})",
                        a.speaker.unwrap_or("?"),
                        a.role.unwrap_or("?"),
                        a.mode
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

impl<'a> Row<'a> {
    fn of(record: &'a DocumentRecord, p: &'a StoredPassage, public_url: &PublicUrl) -> Self {
        let d = &record.meta;
        let s = |v: &'a Option<String>| v.as_deref().map(Cow::Borrowed);
        let speaker_title = p.passage.speaker.as_deref().and_then(|name| {
            record
                .roster
                .iter()
                .find(|r| r.name == name)
                .and_then(|r| r.title.as_deref())
        });
        // A paragraph's stored speaker is the first one it attributes: the
        // attributions say it, and import finds them again.
        let attributed = p.passage.kind == PassageKind::Paragraph
            && p.passage.attributions.first().and_then(|a| a.who()) == p.passage.speaker.as_deref();
        let (speaker, role) = if attributed {
            (None, None)
        } else {
            (s(&p.passage.speaker), p.passage.role.map(|r| r.as_str()))
        };
        Row {
            id: &p.id,
            doc_id: &p.doc_id,
            doc_type: d.doc_type.as_str(),
            title: Cow::Borrowed(&d.title),
            commission: s(&d.commission),
            case: s(&d.case),
            parties: s(&d.parties),
            date: d.date.map(|d| d.to_string()),
            agenda: s(&d.agenda),
            publisher: s(&d.publisher),
            source_url: s(&d.source_url),
            provenance: d.provenance.as_str(),
            note: s(&d.note),
            speaker,
            speaker_title: speaker_title.map(Cow::Borrowed),
            role,
            turn: p.passage.position,
            timestamp: p.passage.timestamp.as_deref(),
            page: p.passage.page,
            text: Cow::Borrowed(&p.passage.text),
            permalink: public_url.permalink(&p.id),
            modes: modes_of(p),
            attributions: Attributions::List(
                p.passage
                    .attributions
                    .iter()
                    .map(|a| AttributionRow {
                        speaker: a.who(),
                        role: a.role.map(|r| r.as_str()),
                        mode: a.mode.as_str(),
                    })
                    .collect(),
            ),
            section: p.passage.section.map(|s| s.as_str()),
            outcome: d.outcome.map(|o| o.as_str()),
            laws: Some(risalah_engine::legal::law::cited_ids(&p.passage.text).join(","))
                .filter(|l| !l.is_empty()),
        }
    }

    /// The row with every corpus-supplied cell made safe to open in a
    /// spreadsheet ([`spreadsheet_safe`]).
    fn spreadsheet_safe(self) -> Self {
        let safe = |v: Option<Cow<'a, str>>| v.map(spreadsheet_safe);
        Row {
            title: spreadsheet_safe(self.title),
            commission: safe(self.commission),
            case: safe(self.case),
            parties: safe(self.parties),
            agenda: safe(self.agenda),
            publisher: safe(self.publisher),
            source_url: safe(self.source_url),
            note: safe(self.note),
            speaker: safe(self.speaker),
            speaker_title: safe(self.speaker_title),
            text: spreadsheet_safe(self.text),
            attributions: Attributions::Cell(
                spreadsheet_safe(Cow::Owned(self.attributions.cell())).into_owned(),
            ),
            ..self
        }
    }
}

/// A cell that a spreadsheet would read as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP
/// advises against CSV injection; the text is otherwise unchanged.
pub fn spreadsheet_safe(cell: Cow<'_, str>) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// The attribution modes of a paragraph, in order, once each.
fn modes_of(p: &StoredPassage) -> Option<String> {
    let mut modes: Vec<&str> = Vec::new();
    for a in &p.passage.attributions {
        if !modes.contains(&a.mode.as_str()) {
            modes.push(a.mode.as_str());
        }
    }
    (!modes.is_empty()).then(|| modes.join(","))
}

/// The file name of an export of `params`: `risalah-` and the words of the
/// query and filters (`risalah-kpu-termohon.csv`), else `risalah-export`.
pub fn file_name(params: &SearchParams, extension: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let filters = params
        .role
        .iter()
        .chain(&params.mode)
        .chain(&params.doc_type)
        .chain(&params.provenance)
        .chain(&params.commission)
        .chain(params.speaker.iter())
        .chain(params.case.iter())
        .chain(params.from.iter())
        .chain(params.to.iter());
    for value in std::iter::once(&params.q).chain(filters) {
        for word in value.split(|c: char| !c.is_alphanumeric()) {
            let word: String = word
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_lowercase();
            if !word.is_empty() && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    let mut stem = String::from("risalah");
    for word in words {
        if stem.len() + word.len() + 1 > 64 {
            break;
        }
        stem.push('-');
        stem.push_str(&word);
    }
    if stem == "risalah" {
        stem.push_str("-export");
    }
    format!("{stem}.{extension}")
}

/// One passage as an export row: a JSON line, or a CSV record (after the
/// header row when `header_row`); permalinks under `public_url`.
pub fn encode(
    format: ExportFormat,
    record: &DocumentRecord,
    p: &StoredPassage,
    header_row: bool,
    public_url: &PublicUrl,
) -> Vec<u8> {
    let row = Row::of(record, p, public_url);
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
            let _ = writer.serialize(row.spreadsheet_safe());
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
        ("format" = Option<String>, Query, pattern = r"^(csv|jsonl)?$", description = "csv or jsonl (the default, also when empty)."),
    ),
    responses(
        (status = 200, description = "The rows; X-Total-Count and X-Export-Truncated headers",
            content((String = "text/csv"), (String = "application/jsonl"))),
        (status = 400, description = "The query or a parameter is malformed", body = crate::error::ErrorJson),
        (status = 414, description = "The address is too long", body = crate::error::ErrorJson),
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
    let slot = state.export_slot().await?;
    let cursor = state
        .run(move |s| s.export(&request, cap).map_err(AppError::from))
        .await?;
    let total = cursor.total;
    let (tx, rx) = tokio::sync::mpsc::channel(EXPORT_BUFFER);
    let complete = Arc::new(AtomicBool::new(false));
    tokio::spawn(produce(
        state,
        cursor,
        format,
        tx,
        Arc::clone(&complete),
        slot,
    ));
    let (content_type, extension) = match format {
        ExportFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        ExportFormat::Jsonl => ("application/jsonl; charset=utf-8", "jsonl"),
    };
    let body = Body::from_stream(ExportBody {
        rows: rx,
        complete,
        ended: false,
    });
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file_name(&params, extension)),
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

/// Streams the rows of `cursor` to `tx`, a batch at a time. A batch is
/// found and encoded under a search slot; the slot is given back before the
/// batch is sent, so a client that does not read holds no search slot. A
/// client that reads nothing for [`EXPORT_STALL`] loses the export.
async fn produce(
    state: AppState,
    cursor: ExportCursor,
    format: ExportFormat,
    tx: tokio::sync::mpsc::Sender<Bytes>,
    complete: Arc<AtomicBool>,
    _slot: OwnedSemaphorePermit,
) {
    let mut cursor = cursor;
    let mut first = true;
    let public_url = state.public_url().clone();
    loop {
        let public_url = public_url.clone();
        let batch = state
            .run(move |s| {
                let rows = s.export_rows(&mut cursor, EXPORT_BATCH)?;
                let mut bytes = Vec::new();
                for (i, (document, passage)) in rows.iter().enumerate() {
                    bytes.extend(encode(
                        format,
                        document,
                        passage,
                        first && i == 0,
                        &public_url,
                    ));
                }
                Ok((cursor, bytes))
            })
            .await;
        let (next, bytes) = match batch {
            Ok(batch) => batch,
            Err(e) => {
                tracing::warn!("export stopped: {e}");
                return;
            }
        };
        if bytes.is_empty() {
            complete.store(true, Ordering::Release);
            return;
        }
        first = false;
        cursor = next;
        match tokio::time::timeout(EXPORT_STALL, tx.send(Bytes::from(bytes))).await {
            Ok(Ok(())) => {}
            Ok(Err(_)) => return, // the client went away
            Err(_) => {
                tracing::warn!("export stopped: the client read nothing for {EXPORT_STALL:?}");
                return;
            }
        }
    }
}

/// The body of an export: the rows as they come, and an error at the end
/// when the export stopped before its last row, so a cut export never
/// looks whole to the client.
struct ExportBody {
    rows: tokio::sync::mpsc::Receiver<Bytes>,
    complete: Arc<AtomicBool>,
    ended: bool,
}

impl Stream for ExportBody {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        match self.rows.poll_recv(cx) {
            Poll::Ready(Some(bytes)) => Poll::Ready(Some(Ok(bytes))),
            Poll::Ready(None) => {
                self.ended = true;
                if self.complete.load(Ordering::Acquire) {
                    Poll::Ready(None)
                } else {
                    Poll::Ready(Some(Err(std::io::Error::other("the export stopped early"))))
                }
            }
            Poll::Pending => Poll::Pending,
        }
    }
}
