//! The interface's words in Indonesian (the default) and English. The
//! language is chosen by `?lang=en` and carried in every link.

use risalah_engine::model::{AttributionMode, DocType, Outcome, Provenance, Role, Section};
use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language asked for by a `lang` parameter value.
    pub fn from_param(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.eq_ignore_ascii_case("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    /// The BCP 47 code for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The other language, for the switch link.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// The name of the language, in itself.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The `lang` attribute for the corpus's own words (passages, titles)
    /// on a page in this language: `id` on an English page, none where the
    /// page is Indonesian already.
    pub fn corpus_lang(self) -> Option<&'static str> {
        (self == Lang::En).then_some("id")
    }

    /// A phrase of the interface.
    pub(crate) fn t(self, key: Text) -> &'static str {
        let (id, en) = key.words();
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The label of a role.
    pub fn role(self, role: Role) -> &'static str {
        match (self, role) {
            (Lang::En, Role::Majelis) => "Panel",
            (Lang::En, Role::Pemohon) => "Applicant",
            (Lang::En, Role::Termohon) => "Respondent",
            (Lang::En, Role::Panitera) => "Clerk",
            (Lang::En, Role::Saksi) => "Witness",
            (Lang::En, Role::Ahli) => "Expert",
            (Lang::En, Role::PihakTerkait) => "Related party",
            (Lang::En, Role::Lainnya) => "Other",
            (Lang::Id, Role::Majelis) => "Majelis",
            (Lang::Id, Role::Pemohon) => "Pemohon",
            (Lang::Id, Role::Termohon) => "Termohon",
            (Lang::Id, Role::Panitera) => "Panitera",
            (Lang::Id, Role::Saksi) => "Saksi",
            (Lang::Id, Role::Ahli) => "Ahli",
            (Lang::Id, Role::PihakTerkait) => "Pihak terkait",
            (Lang::Id, Role::Lainnya) => "Lainnya",
        }
    }

    /// The label of a document type.
    pub fn doc_type(self, doc_type: DocType) -> &'static str {
        match (self, doc_type) {
            (Lang::Id, DocType::Transcript) => "Risalah sidang",
            (Lang::Id, DocType::News) => "Berita",
            (Lang::Id, DocType::Putusan) => "Putusan",
            (Lang::En, DocType::Transcript) => "Hearing transcript",
            (Lang::En, DocType::News) => "News report",
            (Lang::En, DocType::Putusan) => "Decision",
        }
    }

    /// The label of a section of a decision.
    pub fn section(self, section: Section) -> &'static str {
        match (self, section) {
            (Lang::Id, Section::Identitas) => "Identitas",
            (Lang::Id, Section::DudukPerkara) => "Duduk perkara",
            (Lang::Id, Section::Pertimbangan) => "Pertimbangan hukum",
            (Lang::Id, Section::Kesimpulan) => "Kesimpulan",
            (Lang::Id, Section::Amar) => "Amar putusan",
            (Lang::En, Section::Identitas) => "Parties",
            (Lang::En, Section::DudukPerkara) => "Facts of the case",
            (Lang::En, Section::Pertimbangan) => "Legal reasoning",
            (Lang::En, Section::Kesimpulan) => "Conclusions",
            (Lang::En, Section::Amar) => "Ruling",
        }
    }

    /// The label of an outcome.
    pub fn outcome(self, outcome: Outcome) -> &'static str {
        match (self, outcome) {
            (Lang::Id, Outcome::Dikabulkan) => "Dikabulkan seluruhnya",
            (Lang::Id, Outcome::DikabulkanSebagian) => "Dikabulkan sebagian",
            (Lang::Id, Outcome::Ditolak) => "Ditolak",
            (Lang::Id, Outcome::TidakDiterima) => "Tidak dapat diterima",
            (Lang::Id, Outcome::Gugur) => "Gugur",
            (Lang::Id, Outcome::Dicabut) => "Dicabut",
            (Lang::Id, Outcome::MediasiBerhasil) => "Mediasi berhasil",
            (Lang::En, Outcome::Dikabulkan) => "Granted in full",
            (Lang::En, Outcome::DikabulkanSebagian) => "Granted in part",
            (Lang::En, Outcome::Ditolak) => "Rejected",
            (Lang::En, Outcome::TidakDiterima) => "Not admissible",
            (Lang::En, Outcome::Gugur) => "Lapsed",
            (Lang::En, Outcome::Dicabut) => "Withdrawn",
            (Lang::En, Outcome::MediasiBerhasil) => "Settled in mediation",
        }
    }

    /// The label of an attribution mode.
    pub fn mode(self, mode: AttributionMode) -> &'static str {
        match mode {
            AttributionMode::Quote => self.t(Text::Quote),
            AttributionMode::Paraphrase => self.t(Text::Paraphrase),
        }
    }

    /// The short name of month `month` (1–12).
    pub fn month(self, month: u8) -> &'static str {
        const ID: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let names = match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        };
        names
            .get(usize::from(month.saturating_sub(1)))
            .copied()
            .unwrap_or("")
    }

    /// `n` and the word for what is counted (`1 document`, `2 documents`,
    /// `2 dokumen`): English adds the plural `s`.
    pub(crate) fn count(self, n: u64, word: Text) -> String {
        let word = self.t(word);
        let word = match (self, n) {
            (Lang::En, 1) => word.strip_suffix('s').unwrap_or(word),
            _ => word,
        };
        format!("{} {word}", self.number(n))
    }

    /// A count as this language writes it (`12.345`, `12,345`).
    pub fn number(self, n: u64) -> String {
        let separator = match self {
            Lang::Id => '.',
            Lang::En => ',',
        };
        risalah_engine::corpus::diagnostics::group_digits_with(n, separator)
    }

    /// The label of a provenance.
    pub fn provenance(self, provenance: Provenance) -> &'static str {
        match (self, provenance) {
            (Lang::Id, Provenance::Official) => "Dokumen resmi",
            (Lang::Id, Provenance::News) => "Berita",
            (Lang::Id, Provenance::Caption) => "Takarir (mungkin otomatis)",
            (Lang::Id, Provenance::Reconstructed) => "Rekonstruksi dari kutipan",
            (Lang::En, Provenance::Official) => "Official record",
            (Lang::En, Provenance::News) => "News report",
            (Lang::En, Provenance::Caption) => "Captions (possibly machine-made)",
            (Lang::En, Provenance::Reconstructed) => "Reconstructed from quotes",
        }
    }

    /// A page of a paged source, as a citation gives it (`hlm. 4`, `p. 4`).
    pub fn page(self, page: u32) -> String {
        match self {
            Lang::Id => format!("hlm. {page}"),
            Lang::En => format!("p. {page}"),
        }
    }
}

/// The phrases of the interface; each variant names one phrase.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Text {
    Tagline,
    SearchLabel,
    SearchPlaceholder,
    SearchButton,
    Role,
    AllRoles,
    Speaker,
    Case,
    DocType,
    AnyType,
    From,
    To,
    Filters,
    Results,
    NoResults,
    NoResultsHint,
    Context,
    Cite,
    Permalink,
    Previous,
    Next,
    Narration,
    NarrationChip,
    Copy,
    Copied,
    CopyByHand,
    Metadata,
    Roster,
    Passages,
    Commission,
    Parties,
    Date,
    Agenda,
    Source,
    Publisher,
    Note,
    Name,
    Function,
    NotFound,
    Gone,
    GoneExplained,
    NearestKept,
    BadQuery,
    NotServed,
    ServerError,
    Busy,
    Export,
    Help,
    Examples,
    ShowingOf,
    Citation,
    Intro,
    Home,
    Quote,
    Paraphrase,
    Holdings,
    DocumentsWord,
    PassagesWord,
    CasesWord,
    EmptyIndex,
    AddYourOwn,
    AddHowTo,
    AddCheck,
    FormatsDoc,
    Browse,
    Provenance,
    AnyProvenance,
    Mode,
    AnyMode,
    PastTheEnd,
    LastPage,
    Pages,
    NoCommission,
    Undated,
    Section,
    Outcome,
    NoOutcome,
    Timeline,
    CasePage,
    Cites,
    CitedBy,
    LawCitedIn,
    SearchThese,
    NotInIndex,
    ByOutcome,
    Law,
    SortBy,
    ListBy,
    ByDocument,
    ByPassage,
    MoreInDocument,
    Nearby,
    NearbyExplained,
    Relevance,
    Newest,
    Oldest,
    Feed,
    WhoSaysItMost,
    AmongBest,
    SaidNewestFirst,
    Similar,
    Glossary,
    GlossaryIntro,
    LegalBasis,
    SearchTerm,
    Procedural,
    PassagesBefore,
}

impl Text {
    fn words(self) -> (&'static str, &'static str) {
        use Text::*;
        match self {
            Tagline => (
                "Cari apa yang dikatakan dalam sidang sengketa informasi publik",
                "Search what is said in public-information dispute hearings",
            ),
            SearchLabel => ("Kata kunci", "Search words"),
            SearchPlaceholder => ("mis. apa kata majelis soal uji konsekuensi", "e.g. apa kata majelis soal uji konsekuensi"),
            SearchButton => ("Cari", "Search"),
            Role => ("Peran", "Role"),
            AllRoles => ("Semua peran", "All roles"),
            Speaker => ("Penutur", "Speaker"),
            Case => ("Nomor perkara", "Case number"),
            DocType => ("Jenis dokumen", "Document type"),
            AnyType => ("Semua jenis", "All types"),
            From => ("Dari tanggal", "From"),
            To => ("Sampai tanggal", "To"),
            Filters => ("Saring", "Filters"),
            Results => ("Hasil", "Results"),
            NoResults => ("Tidak ada bagian yang cocok.", "No passage matches."),
            NoResultsHint => (
                "Coba kata lain, hapus saringan, atau cari bentuk dasar kata (putus untuk putusan).",
                "Try other words, remove filters, or search the root of a word (putus for putusan).",
            ),
            Context => ("konteks", "context"),
            Cite => ("kutip", "cite"),
            Permalink => ("tautan tetap", "permalink"),
            Previous => ("Sebelumnya", "Previous"),
            Next => ("Berikutnya", "Next"),
            Narration => ("narasi", "narration"),
            NarrationChip => ("Narasi", "Narration"),
            Copy => ("Salin", "Copy"),
            Copied => ("Tersalin", "Copied"),
            CopyByHand => ("Teks terpilih: salin dengan Ctrl+C", "Text selected: copy with Ctrl+C"),
            Metadata => ("Keterangan", "Details"),
            Roster => ("Daftar penutur", "Speakers"),
            Passages => ("Isi", "Passages"),
            Commission => ("Komisi", "Commission"),
            Parties => ("Para pihak", "Parties"),
            Date => ("Tanggal", "Date"),
            Agenda => ("Agenda", "Agenda"),
            Source => ("Sumber", "Source"),
            Publisher => ("Penerbit", "Publisher"),
            Note => ("Catatan", "Note"),
            Name => ("Nama", "Name"),
            Function => ("Jabatan", "Function"),
            NotFound => ("Tidak ditemukan", "Not found"),
            Gone => ("Bagian ini sudah tidak ada", "This passage is gone"),
            GoneExplained => (
                "Dokumennya telah dikoreksi, dan koreksi itu menghapus kata-kata yang dirujuk tautan ini.",
                "Its document was corrected, and the correction removed the words this link pointed to.",
            ),
            NearestKept => ("Bagian terdekat yang masih ada", "The nearest passage kept"),
            BadQuery => ("Pencarian tidak dapat dijalankan", "The search cannot run"),
            NotServed => ("Permintaan tidak dapat dilayani", "The request cannot be served"),
            ServerError => ("Terjadi kesalahan di server", "Something went wrong on the server"),
            Busy => ("Server sedang sibuk; coba lagi sebentar lagi", "The server is busy; try again in a moment"),
            Export => ("Unduh semua hasil", "Download all results"),
            Help => ("Cara mencari", "How to search"),
            Examples => ("Contoh", "Examples"),
            ShowingOf => ("dari", "of"),
            Citation => ("Kutipan", "Citation"),
            Intro => (
                "Setiap bagian ditandai dengan penutur dan perannya: majelis, pemohon, termohon, panitera. Kutipan ditampilkan persis seperti diterbitkan.",
                "Every passage is tagged with its speaker and role: panel, applicant, respondent, clerk. Quotes are shown exactly as published.",
            ),
            Home => ("Beranda", "Home"),
            Quote => ("kutipan langsung", "direct quote"),
            Paraphrase => ("parafrase", "paraphrase"),
            Holdings => ("Isi indeks ini", "What this index holds"),
            DocumentsWord => ("dokumen", "documents"),
            PassagesWord => ("bagian", "passages"),
            CasesWord => ("perkara", "cases"),
            EmptyIndex => ("Indeks ini masih kosong.", "This index is empty."),
            AddYourOwn => ("Menambahkan dokumen sendiri", "Adding your own documents"),
            AddHowTo => (
                "Letakkan berkas di folder korpus: risalah dan berita (.txt dengan front matter), berkas JSONL, takarir (.vtt, .srt), halaman web yang disimpan (.html) dan PDF risalah atau putusan. Metadata berkas tanpa header ditulis di NAMA.ext.meta di sebelahnya. Lalu jalankan",
                "Put the files in the corpus folder: transcripts and reports (.txt with front matter), JSONL files, captions (.vtt, .srt), saved web pages (.html) and PDF risalah or decisions. The metadata of a file without a header goes in NAME.ext.meta beside it. Then run",
            ),
            AddCheck => ("memeriksa tanpa mengindeks.", "checks without indexing."),
            Browse => ("Jelajahi", "Browse"),
            Provenance => ("Asal teks", "Provenance"),
            AnyProvenance => ("Semua asal", "Any provenance"),
            Mode => ("Ujaran", "Speech"),
            AnyMode => ("Kutipan dan parafrase", "Quotes and paraphrases"),
            PastTheEnd => ("halaman ini melewati hasil terakhir;", "this page is past the last result;"),
            LastPage => ("ke halaman terakhir", "go to the last page"),
            Pages => ("Halaman hasil", "Result pages"),
            NoCommission => ("Tanpa komisi", "No commission"),
            Undated => ("tanpa tanggal", "undated"),
            FormatsDoc => ("Format dan contohnya ada di", "The formats, with examples, are in"),
            Section => ("Bagian putusan", "Part of the decision"),
            Outcome => ("Putusan", "Outcome"),
            NoOutcome => ("Tanpa putusan yang tercatat", "No recorded outcome"),
            Timeline => ("Kronologi", "Timeline"),
            CasePage => ("Perkara", "Case"),
            Cites => ("Merujuk perkara", "Cites"),
            CitedBy => ("Dirujuk oleh", "Cited by"),
            LawCitedIn => ("bagian yang merujuknya", "passages citing it"),
            SearchThese => ("Cari di antaranya", "Search among them"),
            NotInIndex => ("belum ada di indeks", "not in the index"),
            ByOutcome => ("Menurut putusan", "By outcome"),
            Law => ("Peraturan yang dirujuk", "Cited law"),
            SortBy => ("Urutan", "Order"),
            ListBy => ("Tampilkan", "List"),
            ByDocument => ("per dokumen", "by document"),
            ByPassage => ("setiap bagian", "every passage"),
            MoreInDocument => ("lagi dari dokumen ini", "more from this document"),
            Nearby => ("Hampir cocok", "Close matches"),
            NearbyExplained => (
                "Dokumen yang memuat kata-kata frasa itu, tetapi tidak berurutan persis.",
                "Documents with the words of the phrase, but not in that exact order.",
            ),
            Relevance => ("paling cocok", "best match"),
            Newest => ("terbaru", "newest"),
            Oldest => ("terlama", "oldest"),
            Feed => ("Umpan Atom", "Atom feed"),
            WhoSaysItMost => ("Siapa paling sering mengatakannya", "Who says it most"),
            AmongBest => ("di antara bagian teratas", "among the best passages"),
            SaidNewestFirst => ("Yang dikatakannya, terbaru dulu", "What they said, newest first"),
            Glossary => ("Glosarium", "Glossary"),
            GlossaryIntro => (
                "Istilah yang sering muncul dalam sengketa informasi publik, dengan penjelasan singkat, dasar hukumnya dan tautan untuk mencarinya. Penjelasan ini ringkasan, bukan nasihat hukum.",
                "Terms that come up in public-information disputes, each with a short explanation, its legal basis and a link to search it. The explanations are summaries, not legal advice.",
            ),
            LegalBasis => ("Dasar hukum", "Legal basis"),
            SearchTerm => ("Cari", "Search"),
            Procedural => ("prosedur", "procedure"),
            PassagesBefore => ("bagian sebelumnya", "earlier passages"),
            Similar => ("Bagian serupa di dokumen lain", "Similar passages in other documents"),
        }
    }
}

/// Corpus text as a page in `lang` shows it: the placeholders of masked
/// personal data (`[NIK disamarkan]`) in the page's language.
pub fn corpus_text(lang: Lang, text: &str) -> std::borrow::Cow<'_, str> {
    match lang {
        Lang::Id => std::borrow::Cow::Borrowed(text),
        Lang::En => risalah_engine::privacy::placeholders_in_english(text),
    }
}
