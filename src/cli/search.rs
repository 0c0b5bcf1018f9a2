//! `risalah search`: readable results on a terminal, or the API's JSON.

use super::attribute::describe;
use risalah_engine::index::document::StoredPassage;
use risalah_engine::model::Role;
use risalah_engine::search::service::DEFAULT_LIMIT;
use risalah_engine::search::snippet::Snippet;
use risalah_engine::search::{Hit, SearchResults, SearchService};
use risalah_web::api::SearchJson;
use risalah_web::citation::Citation;
use risalah_web::i18n::Lang;
use risalah_web::params::SearchParams;
use risalah_web::permalink::PublicUrl;
use std::io::IsTerminal;
use std::path::Path;

/// Validates `params` as the API does, runs the search and prints it.
pub fn run(index_dir: &Path, params: &SearchParams, json: bool) -> anyhow::Result<()> {
    let request = params
        .request(DEFAULT_LIMIT)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let service = SearchService::open(index_dir)?;
    let results = service
        .search(&request)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let public_url = PublicUrl::default();
    if json {
        let body = SearchJson::new(&results, &public_url, Lang::Id);
        println!("{}", serde_json::to_string_pretty(&body)?);
    } else {
        let colour = std::io::stdout().is_terminal();
        print!("{}", render(&results, request.offset, colour, &public_url));
    }
    Ok(())
}

/// Terminal rendering of results: a header line, then each hit with its
/// speaker, role, date, snippet, context and citation.
pub fn render(
    results: &SearchResults,
    offset: usize,
    colour: bool,
    public_url: &PublicUrl,
) -> String {
    let mut out = String::new();
    let shown = results.hits.len();
    if results.total == 0 {
        out.push_str("no passage matches\n");
    } else {
        out.push_str(&header(results, offset));
    }
    for (i, hit) in results.hits.iter().enumerate() {
        out.push('\n');
        out.push_str(&render_hit(offset + i + 1, hit, colour, public_url));
    }
    if !results.nearby.is_empty() {
        out.push_str("\nclose matches: the phrase's words, not in that exact order\n");
        for (i, hit) in results.nearby.iter().enumerate() {
            out.push('\n');
            out.push_str(&render_hit(offset + shown + i + 1, hit, colour, public_url));
        }
    }
    out
}

/// The count line and the role counts of results with hits.
fn header(results: &SearchResults, offset: usize) -> String {
    let listed = match results.documents {
        Some(documents) => format!("in {documents} document(s); showing documents"),
        None => "showing".to_string(),
    };
    let mut out = format!(
        "{} passage(s) match {listed} {}–{} ({} ms)\n",
        results.total,
        offset + 1,
        offset + results.hits.len(),
        results.took_ms
    );
    let roles: Vec<String> = results
        .facets
        .get("role")
        .map(|m| m.iter().map(|(k, v)| format!("{k} {v}")).collect())
        .unwrap_or_default();
    if !roles.is_empty() {
        out.push_str(&format!("roles: {}\n", roles.join(", ")));
    }
    out
}

fn who(speaker: &Option<String>, role: Option<Role>) -> String {
    match (speaker, role) {
        (Some(s), Some(r)) => format!("{s} [{}]", r.as_str()),
        (None, Some(r)) => format!("[{}]", r.as_str()),
        (Some(s), None) => s.clone(),
        (None, None) => "(narasi)".to_string(),
    }
}

fn render_hit(n: usize, hit: &Hit, colour: bool, public_url: &PublicUrl) -> String {
    let p = &hit.passage.passage;
    let speakers = if p.attributions.is_empty() {
        who(&p.speaker, p.role)
    } else {
        p.attributions
            .iter()
            .map(describe)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let date = hit.document.date.map(|d| d.to_string());
    let mut out = format!(
        "{n}. {} — {} — {}\n",
        speakers,
        date.as_deref().unwrap_or("tanpa tanggal"),
        hit.document.title
    );
    if let Some(prev) = &hit.context.previous {
        out.push_str(&format!("   ↑ {}\n", brief(prev)));
    }
    out.push_str(&format!("   {}\n", terminal_snippet(&hit.snippet, colour)));
    if let Some(next) = &hit.context.next {
        out.push_str(&format!("   ↓ {}\n", brief(next)));
    }
    let citation = Citation::new(&hit.document, &hit.passage, public_url, Lang::Id).plain();
    out.push_str(&format!("   {citation}\n"));
    if let Some(explanation) = &hit.explanation {
        out.push_str(&format!("   score {:.2} =\n", explanation.score));
        for part in &explanation.matched {
            out.push_str(&format!("     {:9.2}  {}\n", part.score, part.part));
        }
        for part in &explanation.unmatched {
            out.push_str(&format!("          —    {part} (not matched)\n"));
        }
    }
    if hit.more > 0 {
        out.push_str(&format!("   + {} more from this document:\n", hit.more));
        for also in &hit.also {
            let p = &also.passage;
            out.push_str(&format!(
                "     {} — {}\n",
                who(&p.passage.speaker, p.passage.role),
                terminal_snippet(&also.snippet, colour)
            ));
        }
    }
    out
}

fn brief(n: &StoredPassage) -> String {
    let text = &n.passage.text;
    let shown: String = text.chars().take(160).collect();
    let cut = if text.chars().count() > 160 {
        "…"
    } else {
        ""
    };
    format!("{}: {shown}{cut}", who(&n.passage.speaker, n.passage.role))
}

/// The snippet as text, matched words in bold on a terminal and in `«»`
/// otherwise.
fn terminal_snippet(snippet: &Snippet, colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    let mut out = String::new();
    if snippet.cut_before {
        out.push('…');
    }
    for piece in &snippet.pieces {
        if piece.highlighted {
            out.push_str(open);
            out.push_str(&piece.text);
            out.push_str(close);
        } else {
            out.push_str(&piece.text);
        }
    }
    if snippet.cut_after {
        out.push('…');
    }
    out
}
