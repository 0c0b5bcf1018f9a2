//! The parameters of a search, as typed: one [`SearchParams`] that the HTTP
//! layer deserializes from a query string and the CLI fills from its flags,
//! validated once into the engine's [`SearchRequest`] (ripgrep's low-level →
//! high-level arguments). Page links are built back from the same struct.

use crate::error::AppError;
use crate::i18n::Lang;
use risalah_engine::index::document::NARRATION;
use risalah_engine::legal::law;
use risalah_engine::model::commission::commission_key;
use risalah_engine::model::{
    AttributionMode, DateRange, DocType, Outcome, Provenance, Role, Section, UnknownName,
};
use risalah_engine::search::query::{is_narration, kind_filter, period};
use risalah_engine::search::{Filters, Grouping, SearchRequest, Sort};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// The parameters of a search page, an API search or an export. Unknown
/// parameters are refused; an empty value (as an HTML form sends) is the
/// same as none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, default)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query in the query language (see the README): words, "phrases",
    /// -exclusions, OR, role:, mode:, speaker:, case:, type:, provenance:,
    /// commission:, section:, outcome:, law:, date:.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[param(max_length = 1000)]
    pub q: String,
    /// Only these roles (repeat the parameter or comma-separate the values):
    /// majelis, pemohon, termohon, panitera, saksi, ahli, pihak_terkait,
    /// lainnya; `narasi` for the text of a report or hearing no one is said
    /// to speak.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<String>,
    /// Only quoted or only reported speech of news reports: quote,
    /// paraphrase (with `role`: by a speaker of that role).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mode: Vec<String>,
    /// Only this speaker (words of the name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Only this case register number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Only these document types: transcript, news, putusan.
    #[serde(rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub doc_type: Vec<String>,
    /// Only documents of these provenances: official, news, caption,
    /// reconstructed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<String>,
    /// Only documents of these commissions, however written (`KI Jawa
    /// Barat`, `jabar`, `pusat`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub commission: Vec<String>,
    /// Only these sections of a decision: identitas, duduk_perkara,
    /// pertimbangan, kesimpulan, amar.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub section: Vec<String>,
    /// Only documents whose case ended so: dikabulkan, dikabulkan_sebagian,
    /// ditolak, tidak_diterima, gugur, dicabut, mediasi_berhasil.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcome: Vec<String>,
    /// Only passages citing this law, rule or article: an id
    /// (`uu-14-2008/17`) or a citation in any spelling (`UU KIP`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// Only procedural passages (`procedural`: opening, closing,
    /// adjournment, roll call, stage directions) or only speech (`speech`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(pattern = r"^(procedural|speech)?$")]
    pub kind: Option<String>,
    /// The order of the hits: `relevance` (the default; a search by filters
    /// alone comes newest first), `newest` or `oldest` (by document date).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(pattern = r"^(relevance|newest|oldest)?$")]
    pub sort: Option<String>,
    /// By relevance, one hit per document, its best passage with the next
    /// best beside it (`doc`, the default; `document` too), or every
    /// passage on its own (`passage`). Pages then count documents or
    /// passages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(pattern = r"^(doc|document|passage)?$")]
    pub group: Option<String>,
    /// `true`: each hit of `/api/search` carries `explanation`, its score
    /// taken apart by the parts of the query it matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<bool>,
    /// From this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(pattern = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$")]
    pub from: Option<String>,
    /// Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(pattern = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$")]
    pub to: Option<String>,
    /// Hits per page (an export: the most rows).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(ignore)]
    pub limit: Option<usize>,
    /// Index of the first hit (not for an export).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(ignore)]
    pub offset: Option<usize>,
    /// Interface language of the pages and of the citations: `id` (the
    /// default, also when empty) or `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(value_type = Option<String>, pattern = r"^(id|en)?$")]
    pub lang: Option<Lang>,
    /// The export format (`/api/export` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[param(ignore)]
    pub format: Option<ExportFormat>,
}

/// The value of the choice parameter `name` (the default when absent or
/// empty), or a 400 listing the values it takes.
fn choice<T>(name: &str, what: &str, value: &Option<String>) -> Result<T, AppError>
where
    T: Default + std::str::FromStr + strum::VariantArray + Copy + Into<&'static str>,
{
    match non_empty(value) {
        None => Ok(T::default()),
        Some(v) => v.parse::<T>().map_err(|_| {
            let values: Vec<String> = T::VARIANTS
                .iter()
                .map(|c| format!("`{}`", Into::<&'static str>::into(*c)))
                .collect();
            let listed = match values.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            AppError::BadRequest(format!("`{name}={v}` is not {what}; give {listed}"))
        }),
    }
}

/// The parameters of `/api/passages/{id}` and `/p/{id}`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, default)]
#[into_params(parameter_in = Query)]
pub struct PassageParams {
    /// Passages on each side (default 2).
    #[param(minimum = 0, maximum = 20)]
    pub around: Option<usize>,
    /// Interface language of the pages and of the citations: `id` (the
    /// default, also when empty) or `en`.
    #[param(value_type = Option<String>, pattern = r"^(id|en)?$")]
    pub lang: Option<Lang>,
}

/// The parameters of `/api/docs`: a page of the document list.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, default)]
#[into_params(parameter_in = Query)]
pub struct DocsParams {
    /// Documents per page: 1 to 1000 (default 50, also when empty).
    #[param(value_type = Option<String>, pattern = r"^[0-9]*$")]
    pub limit: Option<usize>,
    /// Index of the first document (default 0, also when empty).
    #[param(value_type = Option<String>, pattern = r"^[0-9]*$")]
    pub offset: Option<usize>,
}

/// The parameters of a page that takes only the language.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangParams {
    /// Interface language.
    pub lang: Option<Lang>,
}

/// Deserializes a query string into `T`, or a 400 naming the problem.
pub fn from_query<T: DeserializeOwned>(raw: Option<&str>) -> Result<T, AppError> {
    let uri_query = raw.unwrap_or("");
    let deserializer =
        serde_html_form::Deserializer::new(form_urlencoded::parse(uri_query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            AppError::BadRequest(format!("bad parameters: {inner}"))
        } else {
            AppError::BadRequest(format!("bad parameter `{path}`: {inner}"))
        }
    })
}

/// The interface language a query string asks for, even when the rest of
/// it does not parse (so an error page speaks the user's language).
pub fn sniff_lang(raw: Option<&str>) -> Lang {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "lang")
        .map_or(Lang::Id, |(_, v)| Lang::from_param(Some(&v)))
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Every value of a repeated, comma-separable parameter.
fn list(values: &[String]) -> impl Iterator<Item = &str> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The names of a list parameter, each parsed; the first bad one is a 400.
fn names<T>(
    values: &[String],
    parse: impl Fn(&str) -> Result<T, UnknownName>,
) -> Result<Vec<T>, AppError> {
    list(values)
        .map(|v| parse(v).map_err(|e| AppError::Query(e.into())))
        .collect()
}

impl SearchParams {
    /// Whether no query and no filter is given (the home page).
    pub fn is_blank(&self) -> bool {
        self.q.trim().is_empty()
            && list(&self.role).next().is_none()
            && list(&self.mode).next().is_none()
            && non_empty(&self.speaker).is_none()
            && non_empty(&self.case).is_none()
            && list(&self.doc_type).next().is_none()
            && list(&self.provenance).next().is_none()
            && list(&self.commission).next().is_none()
            && list(&self.section).next().is_none()
            && list(&self.outcome).next().is_none()
            && non_empty(&self.law).is_none()
            && non_empty(&self.kind).is_none()
            && non_empty(&self.from).is_none()
            && non_empty(&self.to).is_none()
    }

    /// Whether any filter besides the query is given.
    pub fn has_filters(&self) -> bool {
        !SearchParams {
            q: String::new(),
            ..self.clone()
        }
        .is_blank()
    }

    /// The roles asked for, as typed.
    pub fn roles(&self) -> Vec<&str> {
        list(&self.role).collect()
    }

    /// The roles in force: the parameter's and those typed in the query
    /// (`role:majelis kontrak`), as canonical names.
    pub fn roles_in_force(&self) -> Vec<&'static str> {
        let typed = risalah_engine::search::query::parse(&self.q)
            .map(|parsed| parsed.filters)
            .unwrap_or_default();
        let given = list(&self.role).filter_map(|r| Role::from_name(r).ok());
        let mut out: Vec<&'static str> = Vec::new();
        for role in given.chain(typed.roles) {
            if !out.contains(&role.as_str()) {
                out.push(role.as_str());
            }
        }
        if typed.narration || list(&self.role).any(is_narration) {
            out.push(NARRATION);
        }
        out
    }

    /// These parameters with every role filter taken away: the parameter
    /// and each `role:` typed in the query.
    pub fn without_roles(&self) -> SearchParams {
        self.with(|p| {
            p.role.clear();
            p.q =
                p.q.split_whitespace()
                    .filter(|w| !w.to_lowercase().starts_with("role:"))
                    .collect::<Vec<_>>()
                    .join(" ");
        })
    }

    /// The interface language asked for.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// Validates the parameters into a search request; `default_limit`
    /// applies when `limit` is absent.
    pub fn request(&self, default_limit: usize) -> Result<SearchRequest, AppError> {
        let bad = AppError::BadRequest;
        let narration = list(&self.role).any(is_narration);
        let named: Vec<String> = list(&self.role)
            .filter(|r| !is_narration(r))
            .map(str::to_string)
            .collect();
        let roles = names(&named, Role::from_name)?;
        let modes = names(&self.mode, AttributionMode::from_name)?;
        let doc_types = names(&self.doc_type, DocType::from_name)?;
        let provenances = names(&self.provenance, Provenance::from_name)?;
        let commissions = list(&self.commission)
            .map(|c| match commission_key(c) {
                key if key.is_empty() => Err(bad(format!(
                    "`commission={c}` names no commission; give its region, as `jabar` or `KI Jawa Barat`"
                ))),
                key => Ok(key),
            })
            .collect::<Result<Vec<String>, AppError>>()?;
        let sections = names(&self.section, Section::from_name)?;
        let outcomes = names(&self.outcome, Outcome::from_name)?;
        let laws = non_empty(&self.law)
            .map(|l| {
                law::id_of(l).ok_or_else(|| {
                    bad(format!(
                        "`law={l}` names no law or rule; give its id or a citation, as `uu-14-2008/17` or `UU KIP`"
                    ))
                })
            })
            .transpose()?
            .into_iter()
            .collect();
        let date = |value: &Option<String>| -> Result<DateRange, AppError> {
            match non_empty(value) {
                None => Ok(DateRange::default()),
                Some(v) => period(v).map_err(AppError::Query),
            }
        };
        let dates = DateRange {
            from: date(&self.from)?.from,
            to: date(&self.to)?.to,
        };
        let sort: Sort = choice("sort", "an order", &self.sort)?;
        let group: Grouping = choice("group", "a grouping", &self.group)?;
        let procedural = non_empty(&self.kind)
            .map(|k| kind_filter(k).map_err(AppError::Query))
            .transpose()?;
        let limit = self.limit.unwrap_or(default_limit);
        if limit == 0 {
            return Err(bad("`limit` must be at least 1".into()));
        }
        Ok(SearchRequest {
            q: self.q.clone(),
            filters: Filters {
                roles,
                narration,
                modes,
                speakers: non_empty(&self.speaker)
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
                cases: non_empty(&self.case)
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
                doc_types,
                provenances,
                commissions,
                sections,
                outcomes,
                laws,
                procedural,
                dates,
            },
            limit,
            offset: self.offset.unwrap_or(0),
            sort,
            group,
            explain: self.explain.unwrap_or(false),
        })
    }

    /// `path?…` with these parameters, encoded (empty ones left out).
    pub fn link(&self, path: &str) -> String {
        match serde_html_form::to_string(self) {
            Ok(query) if !query.is_empty() => format!("{path}?{query}"),
            _ => path.to_string(),
        }
    }

    /// These parameters with `f` applied, for a link that changes one thing.
    pub fn with(&self, f: impl FnOnce(&mut SearchParams)) -> SearchParams {
        let mut params = self.clone();
        f(&mut params);
        params
    }
}
