//! `risalah attribute FILE`: each paragraph of a news report and, under it,
//! every quote and sentence of reported speech found: who said it, in what
//! role, how sure the attributor is, and the words it covers.

use risalah_engine::corpus;
use risalah_engine::model::{Attribution, AttributionMode};
use risalah_engine::pipeline::{self, CaseRosters};
use risalah_web::api::AttributionJson;
use std::path::Path;
use std::process::ExitCode;

/// Prints the attributions of every news document in `file`.
pub fn run(file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let labels = corpus::load_labels(file);
    let mut parsed = corpus::parse_path(file, &labels.table);
    for problem in &parsed.problems {
        eprintln!("{problem}");
    }
    if parsed.has_errors() {
        return Ok(ExitCode::FAILURE);
    }
    pipeline::prepare_documents(&mut parsed.documents, &labels.redactions);
    pipeline::attribute_documents(&mut parsed.documents, &CaseRosters::default());
    for doc in &parsed.documents {
        if json {
            let rows: Vec<serde_json::Value> = doc
                .passages
                .iter()
                .map(|p| {
                    let attributions: Vec<AttributionJson> = p
                        .attributions
                        .iter()
                        .map(|a| AttributionJson::new(a, &p.text))
                        .collect();
                    serde_json::json!({ "id": doc.passage_id(p.position), "attributions": attributions, "text": p.text })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
            continue;
        }
        println!("{} — {}", doc.meta.id, doc.meta.title);
        for p in &doc.passages {
            println!("\n[{}]\n    {}", doc.passage_id(p.position), p.text);
            if p.attributions.is_empty() {
                println!("    → narasi");
            }
            for a in &p.attributions {
                let excerpt = a.span.and_then(|s| s.of(&p.text)).unwrap_or(&p.text);
                println!(
                    "    → {} · keyakinan {} % · {}",
                    describe(a),
                    a.confidence,
                    shorten(excerpt, 100)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `kutipan: Luqman Hakim (termohon)` / `parafrase: perwakilan KPU (termohon)`.
pub fn describe(a: &Attribution) -> String {
    let mode = match a.mode {
        AttributionMode::Quote => "kutipan",
        AttributionMode::Paraphrase => "parafrase",
    };
    let who = a.who().unwrap_or("?");
    let role = a.role.map_or("peran tidak diketahui", |r| r.as_str());
    format!("{mode}: {who} ({role})")
}

/// `text` cut to at most `max` characters at a word, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}
