//! Where a passage lives on the web: its permalink path (`/p/{id}`), and the
//! public address that makes it absolute in citations. The router's routes
//! and these paths are defined together in this crate.

/// The public address used in citations unless configured.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// The path of a passage's permalink page.
pub fn permalink_path(id: &str) -> String {
    format!("/p/{id}")
}

/// The path of a document's page.
pub fn document_path(doc_id: &str) -> String {
    format!("/d/{doc_id}")
}

/// `text` fit for a path: unreserved characters and `/` kept, every other
/// byte percent-encoded.
fn path_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The path of a case's page, from its register number in any spelling
/// (`023 / III / KIP-PS / 2024` is `/c/023/III/KIP-PS/2024`).
pub fn case_path(register: &str) -> String {
    let compact: String = register.split_whitespace().collect();
    format!("/c/{}", path_encoded(&compact))
}

/// The path of the page of a law, rule or article id (`/law/uu-14-2008/17`).
pub fn law_path(id: &str) -> String {
    format!("/law/{}", path_encoded(id))
}

/// The path of a speaker's page (`/s/Dewi%20Contoh`).
pub fn speaker_path(name: &str) -> String {
    format!("/s/{}", path_encoded(name))
}

/// The address the server is reached at, without a trailing `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// The public address `url` (a trailing `/` is dropped).
    pub fn new(url: &str) -> Self {
        PublicUrl(url.trim_end_matches('/').to_string())
    }

    /// The absolute permalink of passage `id`.
    pub fn permalink(&self, id: &str) -> String {
        self.absolute(&permalink_path(id))
    }

    /// The absolute address of `path` (which starts with `/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

impl Default for PublicUrl {
    fn default() -> Self {
        PublicUrl::new(DEFAULT_PUBLIC_URL)
    }
}
