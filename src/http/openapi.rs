//! `GET /openapi.json`: the OpenAPI 3.1 description of the JSON API.

use axum::Json;
use serde_json::{json, Value};

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn nullable_string() -> Value {
    json!({ "type": ["string", "null"] })
}

fn role_schema() -> Value {
    json!({ "type": "string", "enum": ["majelis", "pemohon", "termohon", "panitera", "saksi", "ahli", "pihak_terkait", "lainnya"] })
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

const ROLES: &str = "majelis|pemohon|termohon|panitera|saksi|ahli|pihak_terkait|lainnya";
/// A date, or empty (an HTML form sends empty fields; they mean "no filter").
const DATE: &str = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$";

/// A comma-separated list of values from `alternatives`, or empty (no filter).
fn list_of(alternatives: &str) -> Value {
    json!({ "type": "string", "pattern": format!("^(({alternatives})(,({alternatives}))*)?$") })
}

fn search_params(paged: bool) -> Vec<Value> {
    let mut params = vec![
        param("q", "The query in the query language (see the README): words, \"phrases\", -exclusions, OR, role:, speaker:, case:, type:, date:.", json!({ "type": "string", "maxLength": 1000 })),
        param("role", "Only these roles (comma-separated).", list_of(ROLES)),
        param("speaker", "Only this speaker (words of the name).", json!({ "type": "string" })),
        param("case", "Only this case register number.", json!({ "type": "string" })),
        param("type", "Only these document types (comma-separated).", list_of("transcript|news|putusan")),
        param("from", "From this date: YYYY, YYYY-MM or YYYY-MM-DD.", json!({ "type": "string", "pattern": DATE })),
        param("to", "Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.", json!({ "type": "string", "pattern": DATE })),
        param("lang", "Interface language (ignored by the API).", json!({ "type": "string", "enum": ["id", "en"] })),
    ];
    if paged {
        params.push(param(
            "offset",
            "Index of the first hit.",
            json!({ "type": "integer", "minimum": 0, "maximum": 10000 }),
        ));
    }
    params
}

fn passage_schema() -> Value {
    json!({
        "type": "object",
        "required": ["id", "doc_id", "doc_type", "title", "position", "kind", "text"],
        "properties": {
            "id": { "type": "string" },
            "doc_id": { "type": "string" },
            "doc_type": { "type": "string", "enum": ["transcript", "news", "putusan"] },
            "title": { "type": "string" },
            "commission": nullable_string(),
            "case": nullable_string(),
            "parties": nullable_string(),
            "agenda": nullable_string(),
            "source_url": nullable_string(),
            "publisher": nullable_string(),
            "note": nullable_string(),
            "date": nullable_string(),
            "speaker": nullable_string(),
            "role": { "oneOf": [role_schema(), { "type": "null" }] },
            "position": { "type": "integer", "minimum": 0 },
            "kind": { "type": "string", "enum": ["turn", "paragraph", "note"] },
            "timestamp": nullable_string(),
            "line": { "type": "integer", "minimum": 0 },
            "text": { "type": "string" }
        }
    })
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut search = search_params(true);
    search.push(param(
        "limit",
        "Hits per page.",
        json!({ "type": "integer", "minimum": 1, "maximum": 100 }),
    ));
    let mut export = search_params(false);
    export.push(param(
        "limit",
        "The most rows.",
        json!({ "type": "integer", "minimum": 1, "maximum": 10000 }),
    ));
    export.push(param(
        "format",
        "csv or jsonl (default).",
        json!({ "type": "string", "enum": ["csv", "jsonl"] }),
    ));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "risalah API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Search passages of Komisi Informasi hearings and the news reports about them. Everything the web pages show is available here. Read-only."
        },
        "paths": {
            "/api/search": { "get": {
                "operationId": "search",
                "summary": "Search passages",
                "parameters": search,
                "responses": {
                    "200": { "description": "Hits, total and facet counts", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SearchResponse" } } } },
                    "400": error_response("The query or a parameter is malformed"),
                    "503": error_response("Every search slot is busy")
                }
            }},
            "/api/passages/{id}": { "get": {
                "operationId": "passage",
                "summary": "One passage with its neighbours and citations",
                "parameters": [
                    { "name": "id", "in": "path", "required": true, "description": "The passage id, e.g. kip-2024-yakin-kpu-uji-konsekuensi/t1", "schema": { "type": "string" } },
                    param("around", "Passages on each side.", json!({ "type": "integer", "minimum": 0, "maximum": 20 }))
                ],
                "responses": {
                    "200": { "description": "The passage", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PassageView" } } } },
                    "400": error_response("A parameter is malformed"),
                    "404": error_response("No such passage")
                }
            }},
            "/api/docs/{id}": { "get": {
                "operationId": "document",
                "summary": "A whole document",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                    "200": { "description": "The document", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DocumentView" } } } },
                    "404": error_response("No such document")
                }
            }},
            "/api/export": { "get": {
                "operationId": "export",
                "summary": "Every hit of a query as CSV or JSON Lines, streamed (at most 10,000 rows)",
                "parameters": export,
                "responses": {
                    "200": { "description": "The rows; X-Total-Count and X-Export-Truncated headers", "content": { "text/csv": { "schema": { "type": "string" } }, "application/jsonl": { "schema": { "type": "string" } } } },
                    "400": error_response("The query or a parameter is malformed"),
                    "503": error_response("Every search slot is busy")
                }
            }},
            "/healthz": { "get": {
                "operationId": "health",
                "summary": "Liveness",
                "responses": { "200": { "description": "Up", "content": { "application/json": { "schema": {
                    "type": "object", "required": ["status", "passages"],
                    "properties": { "status": { "type": "string" }, "passages": { "type": "integer", "minimum": 0 } } } } } } }
            }}
        },
        "components": { "schemas": {
            "Error": {
                "type": "object", "required": ["error"],
                "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
                    "code": { "type": "string" }, "message": { "type": "string" } } } }
            },
            "Passage": passage_schema(),
            "Neighbour": {
                "type": "object", "required": ["id", "kind", "text"],
                "properties": { "id": { "type": "string" }, "speaker": nullable_string(), "role": { "oneOf": [role_schema(), { "type": "null" }] }, "kind": { "type": "string" }, "text": { "type": "string" } }
            },
            "Hit": { "allOf": [ { "$ref": "#/components/schemas/Passage" }, {
                "type": "object", "required": ["snippet_html", "score", "citation", "url", "context"],
                "properties": {
                    "snippet_html": { "type": "string", "description": "Escaped fragment of text with <mark> around matched words" },
                    "score": { "type": "number" },
                    "citation": { "type": "string" },
                    "url": { "type": "string" },
                    "context": { "type": "object", "properties": {
                        "previous": { "oneOf": [ { "$ref": "#/components/schemas/Neighbour" }, { "type": "null" } ] },
                        "next": { "oneOf": [ { "$ref": "#/components/schemas/Neighbour" }, { "type": "null" } ] } } }
                } } ] },
            "SearchResponse": {
                "type": "object", "required": ["total", "took_ms", "facets", "hits"],
                "properties": {
                    "total": { "type": "integer", "minimum": 0 },
                    "took_ms": { "type": "integer", "minimum": 0 },
                    "facets": { "type": "object", "additionalProperties": { "type": "object", "additionalProperties": { "type": "integer" } } },
                    "hits": { "type": "array", "items": { "$ref": "#/components/schemas/Hit" } }
                }
            },
            "PassageView": {
                "type": "object", "required": ["passage", "before", "after", "url", "citations"],
                "properties": {
                    "passage": { "$ref": "#/components/schemas/Passage" },
                    "before": { "type": "array", "items": { "$ref": "#/components/schemas/Passage" } },
                    "after": { "type": "array", "items": { "$ref": "#/components/schemas/Passage" } },
                    "url": { "type": "string" },
                    "citations": { "type": "object", "required": ["plain", "bibtex", "ris", "csl_json"], "properties": {
                        "plain": { "type": "string" }, "bibtex": { "type": "string" }, "ris": { "type": "string" }, "csl_json": { "type": "object" } } }
                }
            },
            "DocumentView": {
                "type": "object", "required": ["id", "title", "roster", "passages"],
                "properties": {
                    "id": { "type": "string" }, "doc_type": { "type": ["string", "null"] }, "title": { "type": "string" },
                    "commission": nullable_string(), "case": nullable_string(), "parties": nullable_string(), "date": nullable_string(),
                    "agenda": nullable_string(), "source_url": nullable_string(), "publisher": nullable_string(), "note": nullable_string(),
                    "roster": { "type": "array", "items": { "type": "object" } },
                    "passages": { "type": "array", "items": { "$ref": "#/components/schemas/Passage" } }
                }
            }
        }}
    })
}

/// `GET /openapi.json`.
pub async fn serve() -> Json<Value> {
    Json(document())
}
