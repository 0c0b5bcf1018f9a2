//! `risalah search`: readable results on a terminal, or the API's JSON.

use crate::search::service::{Hit, Neighbour};
use crate::search::{SearchRequest, SearchResponse, SearchService};
use std::io::IsTerminal;
use std::path::Path;

/// How to print results.
pub struct Output {
    /// Print the API's JSON.
    pub json: bool,
}

/// Runs a search and prints it.
pub fn run(index_dir: &Path, request: &SearchRequest, output: &Output) -> anyhow::Result<()> {
    let service = SearchService::open(index_dir, crate::search::service::DEFAULT_PUBLIC_URL)?;
    let response = service
        .search(request)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if output.json {
        println!("{}", serde_json::to_string_pretty(&response)?);
    } else {
        print!(
            "{}",
            render(&response, request.offset, std::io::stdout().is_terminal())
        );
    }
    Ok(())
}

/// Terminal rendering of a response: a header line, then each hit with its
/// speaker, role, date, snippet, context and citation.
pub fn render(response: &SearchResponse, offset: usize, colour: bool) -> String {
    let mut out = String::new();
    if response.total == 0 {
        out.push_str("no passage matches\n");
        return out;
    }
    let shown = response.hits.len();
    out.push_str(&format!(
        "{} passage(s) match; showing {}–{} ({} ms)\n",
        response.total,
        offset + 1,
        offset + shown,
        response.took_ms
    ));
    let roles: Vec<String> = response
        .facets
        .get("role")
        .map(|m| m.iter().map(|(k, v)| format!("{k} {v}")).collect())
        .unwrap_or_default();
    if !roles.is_empty() {
        out.push_str(&format!("roles: {}\n", roles.join(", ")));
    }
    for (i, hit) in response.hits.iter().enumerate() {
        out.push('\n');
        out.push_str(&render_hit(offset + i + 1, hit, colour));
    }
    out
}

fn who(speaker: &Option<String>, role: &Option<crate::model::Role>) -> String {
    match (speaker, role) {
        (Some(s), Some(r)) => format!("{s} [{r}]"),
        (None, Some(r)) => format!("[{r}]"),
        (Some(s), None) => s.clone(),
        (None, None) => "(narasi)".to_string(),
    }
}

fn render_hit(n: usize, hit: &Hit, colour: bool) -> String {
    let speakers = if hit.passage.attributions.is_empty() {
        who(&hit.passage.speaker, &hit.passage.role)
    } else {
        hit.passage
            .attributions
            .iter()
            .map(super::attribute::describe)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = format!(
        "{n}. {} — {} — {}\n",
        speakers,
        hit.passage.date.as_deref().unwrap_or("tanpa tanggal"),
        hit.passage.title
    );
    if let Some(prev) = &hit.context.previous {
        out.push_str(&format!("   ↑ {}\n", brief(prev)));
    }
    out.push_str(&format!(
        "   {}\n",
        terminal_snippet(&hit.snippet_html, colour)
    ));
    if let Some(next) = &hit.context.next {
        out.push_str(&format!("   ↓ {}\n", brief(next)));
    }
    out.push_str(&format!("   {}\n", hit.citation));
    out
}

fn brief(n: &Neighbour) -> String {
    let text: String = n.text.chars().take(160).collect();
    let cut = if n.text.chars().count() > 160 {
        "…"
    } else {
        ""
    };
    format!("{}: {text}{cut}", who(&n.speaker, &n.role))
}

/// Turns the snippet's HTML back into text, marking hits with bold on a
/// terminal and with `«»` otherwise.
fn terminal_snippet(html: &str, colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    html.replace("<mark>", open)
        .replace("</mark>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
