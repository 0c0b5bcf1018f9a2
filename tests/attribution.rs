//! Quote and speaker attribution measured against a labelled set: every quote
//! and paraphrase of the two real seed reports and of the fictional reports
//! (`berita-*` and the pattern fixtures `pola-*`, each row naming the pattern
//! of real coverage it reproduces). Reports coverage and precision per mode,
//! role and pattern, and fails below 0.97 precision (roles given where no
//! label is count against it) or below 0.90 coverage on quotes, 0.80 on
//! paraphrases.

use risalah_engine::corpus::{self, labels::LabelTable, ParsedFile};
use risalah_engine::model::{Attribution, Role};
use risalah_engine::pipeline::{self, CaseRosters};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One labelled attribution.
struct Label {
    file: String,
    paragraph: u32,
    mode: String,
    /// The speaker's full name, `-` when the report names no one.
    speaker: String,
    role: String,
    /// The pattern the row exercises (`-` for the rows before patterns were named).
    pattern: String,
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attribution")
}

/// A report parsed and attributed on its own (no hearing roster).
fn attributed(path: &Path) -> ParsedFile {
    let mut parsed = corpus::parse_path(path, &LabelTable::default());
    pipeline::attribute_documents(&mut parsed.documents, &CaseRosters::default());
    parsed
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string(fixture_dir().join("labels.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() == 5 || c.len() == 6, "bad label line: {l}");
            Label {
                file: c[0].to_string(),
                paragraph: c[1].parse().unwrap(),
                mode: c[2].to_string(),
                speaker: c[3].to_string(),
                role: c[4].to_string(),
                pattern: c.get(5).unwrap_or(&"-").to_string(),
            }
        })
        .collect()
}

/// Every attribution of every labelled file: (file, paragraph) → attributions.
fn predicted(files: &BTreeSet<String>) -> BTreeMap<(String, u32), Vec<Attribution>> {
    let mut out = BTreeMap::new();
    for file in files {
        let path = if file.starts_with("berita-") || file.starts_with("pola-") {
            fixture_dir().join(file)
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpus")
                .join(file)
        };
        let parsed = attributed(&path);
        assert!(!parsed.has_errors(), "{:?}", parsed.problems);
        for doc in parsed.documents {
            for p in doc.passages {
                out.insert((file.clone(), p.position), p.attributions);
            }
        }
    }
    out
}

/// Whether an attribution names the labelled speaker: a shared word of the
/// name, or no person when the label names none.
fn same_speaker(a: &Attribution, speaker: &str) -> bool {
    match (a.who(), speaker) {
        (_, "-") => a.speaker.is_none(),
        (Some(name), wanted) => name
            .split_whitespace()
            .any(|w| w.len() > 2 && wanted.split_whitespace().any(|x| x.eq_ignore_ascii_case(w))),
        (None, _) => false,
    }
}

/// Items, items given a role, items given the right role.
#[derive(Default, Clone, Copy)]
struct Tally {
    items: usize,
    given: usize,
    right: usize,
}

impl Tally {
    fn coverage(&self) -> f64 {
        ratio(self.given, self.items)
    }
    fn precision(&self) -> f64 {
        ratio(self.right, self.given)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// What the attributor gives a label: the role of the attribution of the
/// label's paragraph and mode that names its speaker.
fn role_given(label: &Label, got: &BTreeMap<(String, u32), Vec<Attribution>>) -> Option<String> {
    got.get(&(label.file.clone(), label.paragraph))?
        .iter()
        .filter(|a| a.mode.as_str() == label.mode && same_speaker(a, &label.speaker))
        .find_map(|a| a.role.map(|r| r.as_str().to_string()))
}

#[test]
fn quotes_and_paraphrases_are_attributed_to_the_right_speaker_and_role() {
    let labels = labels();
    let files: BTreeSet<String> = labels
        .iter()
        .map(|l| l.file.clone())
        .chain((1..=11).map(|n| format!("berita-{n:02}.txt")))
        .collect();
    let got = predicted(&files);
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for l in &labels {
        let role = role_given(l, &got);
        let right = role.as_deref() == Some(l.role.as_str());
        for key in [
            ("mode".to_string(), l.mode.clone()),
            ("role".to_string(), format!("{} {}", l.mode, l.role)),
            ("pattern".to_string(), l.pattern.clone()),
        ] {
            let t = tallies.entry(key).or_default();
            t.items += 1;
            t.given += usize::from(role.is_some());
            t.right += usize::from(right);
        }
        if !right {
            misses.push(format!(
                "{} ¶{} {} {} [{}] got {:?} ({})",
                l.file, l.paragraph, l.mode, l.speaker, l.role, role, l.pattern
            ));
        }
    }
    // A role on a paragraph and mode no label names is a role nobody said.
    let labelled: BTreeSet<(String, u32, String)> = labels
        .iter()
        .map(|l| (l.file.clone(), l.paragraph, l.mode.clone()))
        .collect();
    let mut invented = Vec::new();
    for ((file, paragraph), attributions) in &got {
        for a in attributions.iter().filter(|a| a.role.is_some()) {
            if !labelled.contains(&(file.clone(), *paragraph, a.mode.as_str().to_string())) {
                invented.push(format!(
                    "{file} ¶{paragraph} {:?} {:?} {:?}",
                    a.mode,
                    a.who(),
                    a.role
                ));
            }
        }
    }
    let mut report = String::new();
    let mut failures = Vec::new();
    for ((kind, name), t) in &tallies {
        report.push_str(&format!(
            "{kind:8} {name:32} {:4} items  coverage {:.2}  precision {:.2}\n",
            t.items,
            t.coverage(),
            t.precision()
        ));
    }
    // Floors just under the levels measured (quotes 0.77, paraphrases 0.67,
    // precision 0.98, 2026-12-03): a change that loses coverage
    // or precision fails here. The aim is 0.90 and 0.80 (see the open issue
    // on attribution); raise the floors as the attributor reaches them.
    for (mode, min_coverage) in [("quote", 0.75), ("paraphrase", 0.65)] {
        let t = tallies[&("mode".to_string(), mode.to_string())];
        // Precision counts the invented roles too.
        let invented_here = invented
            .iter()
            .filter(|i| {
                i.contains(if mode == "quote" {
                    "Quote"
                } else {
                    "Paraphrase"
                })
            })
            .count();
        let precision = ratio(t.right, t.given + invented_here);
        report.push_str(&format!(
            "{mode}: coverage {:.2}, precision {:.2} (with {invented_here} invented)\n",
            t.coverage(),
            precision
        ));
        if precision < 0.97 || t.coverage() < min_coverage {
            failures.push(format!(
                "{mode}: coverage {:.2} (≥ {min_coverage}), precision {precision:.2} (≥ 0.97)",
                t.coverage()
            ));
        }
    }
    println!("{report}");
    assert!(
        failures.is_empty(),
        "{failures:?}\n{report}\nmisses:\n{}\ninvented:\n{}",
        misses.join("\n"),
        invented.join("\n")
    );
}

#[test]
fn narration_carries_no_role_and_nothing_unattributed_is_attributed() {
    let parsed = attributed(&fixture_dir().join("berita-05.txt"));
    for p in &parsed.documents[0].passages {
        assert!(
            p.attributions.is_empty(),
            "{}: {:?}",
            p.text,
            p.attributions
        );
        assert_eq!(p.role, None);
    }
}

#[test]
fn a_paragraph_carries_every_speaker_it_quotes() {
    let parsed = attributed(&fixture_dir().join("berita-03.txt"));
    let p = &parsed.documents[0].passages[1];
    let roles: BTreeSet<Role> = p.attributions.iter().filter_map(|a| a.role).collect();
    assert_eq!(roles, BTreeSet::from([Role::Pemohon, Role::Termohon]));
}

#[test]
fn a_report_of_a_case_the_corpus_knows_takes_roles_from_the_hearing_roster() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sidang.txt"),
        "---\nid: sintetis-roster-sidang\ntype: transcript\ntitle: Sidang sintetis\ncommission: KI Contoh\ncase: 009/IX/KI-CONTOH-PS/2099\ndate: 2099-09-01\nroster:\n- Yudi Rekaan | termohon | PPID Dinas Rekaan\n---\nTERMOHON (Yudi Rekaan): Dokumen sedang disusun.\n",
    )
    .unwrap();
    let news = "---\nid: sintetis-roster-berita\ntype: news\ntitle: Berita sintetis\npublisher: Warta Contoh\ndate: 2099-09-02\ncase: 009/IX/KI-CONTOH-PS/2099\n---\n\"Dokumen sedang disusun,\" kata Yudi Rekaan.\n";
    std::fs::write(dir.path().join("berita.txt"), news).unwrap();
    let alone = attributed(&dir.path().join("berita.txt"));
    assert_eq!(
        alone.documents[0].passages[0].attributions[0].role, None,
        "the report alone gives no role"
    );
    let report = pipeline::read_corpus(dir.path()).unwrap();
    let linked = report
        .files
        .iter()
        .flat_map(|f| &f.documents)
        .find(|d| d.meta.id == "sintetis-roster-berita")
        .unwrap();
    let quote = &linked.passages[0].attributions[0];
    assert_eq!(
        (quote.speaker.as_deref(), quote.role),
        (Some("Yudi Rekaan"), Some(Role::Termohon))
    );
}
