//! Shared test helpers: a corpus and its index in a temporary directory that
//! live exactly as long as the test, the `risalah` binary, fixture paths.

use risalah_engine::index::build::{self, BuildOptions, BuildReport, Silent};
use risalah_engine::search::{Filters, Grouping, SearchRequest, SearchResults, SearchService};
use risalah_web::api::{HitJson, SearchJson};
use risalah_web::permalink::PublicUrl;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's root directory.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture directory or file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Runs the `risalah` binary in the project root.
pub fn risalah(args: &[&str]) -> Output {
    risalah_in(root(), args)
}

/// Runs the `risalah` binary in `dir`.
pub fn risalah_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_risalah"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run risalah")
}

/// Copies every file of fixture directory `name` into `to`.
pub fn copy_fixture(name: &str, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(fixture(name)).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// A corpus in a temporary directory and its index beside it.
pub struct TempIndex {
    dir: tempfile::TempDir,
}

impl TempIndex {
    /// An empty corpus.
    pub fn empty() -> TempIndex {
        let t = TempIndex {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(t.corpus()).unwrap();
        t
    }

    /// A corpus holding a copy of fixture directory `name`.
    pub fn from_fixture(name: &str) -> TempIndex {
        let t = TempIndex::empty();
        copy_fixture(name, &t.corpus());
        t
    }

    /// The search fixture, built, with nothing rejected.
    pub fn built_search_fixture() -> TempIndex {
        let t = TempIndex::from_fixture("search");
        let report = t.build();
        assert_eq!(report.rejected_files, 0, "{:?}", report.problems);
        t
    }

    /// The bundled corpus, indexed into a temporary directory (the corpus
    /// itself is read in place, never written).
    pub fn bundled() -> (tempfile::TempDir, SearchService) {
        let dir = tempfile::tempdir().unwrap();
        build::build(
            &BuildOptions {
                corpus: root().join("corpus"),
                index_dir: dir.path().to_path_buf(),
                rebuild: false,
            },
            &Silent,
        )
        .unwrap();
        let service = SearchService::open(dir.path()).unwrap();
        (dir, service)
    }

    /// The temporary directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The corpus directory.
    pub fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    /// The index directory.
    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Builds or updates the index.
    pub fn build(&self) -> BuildReport {
        self.build_with(false)
    }

    /// Builds the index, from scratch when `rebuild`.
    pub fn build_with(&self, rebuild: bool) -> BuildReport {
        build::build(
            &BuildOptions {
                corpus: self.corpus(),
                index_dir: self.index_dir(),
                rebuild,
            },
            &Silent,
        )
        .unwrap()
    }

    /// A search service over the index.
    pub fn service(&self) -> SearchService {
        SearchService::open(&self.index_dir()).unwrap()
    }

    /// Every hit of `q` (up to 100).
    pub fn search(&self, q: &str) -> SearchResults {
        self.search_with(q, Filters::default(), 100, 0)
    }

    /// A page of passages of `q` with `filters`, every passage a hit
    /// (`group=passage`: what most tests look at).
    pub fn search_with(
        &self,
        q: &str,
        filters: Filters,
        limit: usize,
        offset: usize,
    ) -> SearchResults {
        self.service()
            .search(&SearchRequest {
                q: q.to_string(),
                filters,
                limit,
                offset,
                group: Grouping::Passage,
                ..Default::default()
            })
            .unwrap()
    }

    /// A page of documents of `q` (the default grouping), `limit` a page.
    pub fn search_grouped(&self, q: &str, limit: usize, offset: usize) -> SearchResults {
        self.service()
            .search(&SearchRequest {
                q: q.to_string(),
                limit,
                offset,
                ..Default::default()
            })
            .unwrap()
    }

    /// The hits of `q` as the API shows them.
    pub fn search_json(&self, q: &str) -> Vec<HitJson> {
        SearchJson::new(
            &self.search(q),
            &PublicUrl::default(),
            risalah_web::i18n::Lang::Id,
        )
        .hits
    }

    /// Writes `text` to corpus file `name`.
    pub fn write(&self, name: &str, text: &str) {
        self.write_bytes(name, text.as_bytes());
    }

    /// Writes `bytes` to corpus file `name`.
    pub fn write_bytes(&self, name: &str, bytes: &[u8]) {
        std::fs::write(self.corpus().join(name), bytes).unwrap();
    }
}

/// A PDF with a text layer: each page's lines set in Helvetica, top to
/// bottom, an empty line as a blank line (for PDF corpus tests).
pub fn pdf_of_pages(pages: &[Vec<&str>]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![50.into(), 800.into()]),
        ];
        for line in lines {
            if !line.is_empty() {
                operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
            }
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = i64::try_from(kids.len()).unwrap();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// The status and body of `GET uri` answered by the app over `service`,
/// with no socket.
pub async fn get_from(service: SearchService, uri: &str) -> (axum::http::StatusCode, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let state = risalah_web::AppState::new(service, 2, PublicUrl::new("http://risalah.test"));
    let response = risalah_web::router(state)
        .oneshot(
            axum::http::Request::builder()
                .uri(uri)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}
