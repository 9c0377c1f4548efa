//! The readability report: `clearnotice check` gives each notice's figures, section
//! by section, with hard words and sentences in the passive voice; `build` warns
//! once per notice only past the site's target for its audience. (The figures
//! themselves are held to textstat's by tests/readability/compare.py in CI.)

mod common;

use common::*;

/// Long sentences with long words: grade 15 or so.
const HARD: &str = "\n## Why we process your personal information\n\n\
    In accordance with applicable legislation, the organisation processes personal information \
    concerning individuals for the administration of services, and information is disclosed to \
    partner organisations where processing is considered necessary for the performance of a task.\n\n\
    We will endeavour to retain information for a period not exceeding that which is necessary \
    for the purposes for which it was originally obtained, in order to comply with regulatory obligations.\n";

/// Short sentences with short words: grade 2 or so.
const EASY: &str =
    "\n## What we keep\n\nWe keep your name. We keep your phone number. We use them to call you. \
    We do not share them. You can ask us to stop at any time.\n";

fn notice(extra: &str, body: &str) -> String {
    version_file(
        &format!(
            "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\n\
             version = \"1.0\"\neffective = 2025-01-01\n{extra}"
        ),
        body,
    )
}

fn site_toml(readability: &str) -> String {
    format!("{SITE_TOML}\n{readability}")
}

fn build(dir: &std::path::Path) -> (bool, String) {
    let out = tempfile::tempdir().unwrap();
    let run = clearnotice(
        &[
            "build",
            "--no-handouts",
            "--output-dir",
            out.path().to_str().unwrap(),
        ],
        dir,
    );
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn build_warns_once_per_notice_only_past_the_target_for_its_audience() {
    let dir = site(&[
        ("site.toml", site_toml("[readability]\ngrade = 10\n")),
        ("content/hard/1.0.md", notice("", HARD)),
        ("content/easy/1.0.md", notice("", EASY)),
        // For children the target is 7 by default: the hard text warns there too.
        (
            "content/kids/1.0.md",
            notice("audience = \"children\"\n", HARD),
        ),
    ]);
    let (ok, said) = build(dir.path());
    assert!(ok, "{said}");
    let warnings: Vec<&str> = said.lines().filter(|l| l.contains("CN0414")).collect();
    assert_eq!(warnings.len(), 2, "{said}");
    assert!(
        said.contains("CN0414 hard 1.0 reads at grade")
            && said.contains("past the site's target of 10 for everyone"),
        "{said}"
    );
    assert!(
        said.contains("CN0414 kids 1.0 reads at grade")
            && said.contains("past the site's target of 7 for children"),
        "{said}"
    );
    assert!(!said.contains("CN0414 easy"), "{said}");
    // The warning points at the audience line where there is one, and names the
    // hardest section.
    assert!(said.contains("content/kids/1.0.md:7:"), "{said}");
    assert!(
        said.contains("hardest: \"Why we process your personal information\""),
        "{said}"
    );
}

#[test]
fn no_target_no_warning_and_a_children_notice_has_its_own_by_default() {
    let dir = site(&[
        ("content/hard/1.0.md", notice("", HARD)),
        (
            "content/kids/1.0.md",
            notice("audience = \"children\"\n", EASY),
        ),
    ]);
    let (ok, said) = build(dir.path());
    assert!(ok, "{said}");
    assert!(!said.contains("CN0414"), "{said}");
}

#[test]
fn check_reports_figures_sections_hard_words_and_the_passive_voice() {
    let dir = site(&[("content/hard/1.0.md", notice("", HARD))]);
    let run = clearnotice(&["check", "--format", "json"], dir.path());
    let report: serde_json::Value = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&run.stdout)));
    let readability = &report["notices"][0]["readability"];
    let whole = &readability["whole"];
    assert_eq!(whole["sentences"], 2, "{readability:#}");
    assert!(whole["grade"].as_f64().unwrap() > 14.0, "{readability:#}");
    assert!(
        whole["reading_ease"].as_f64().unwrap() < 20.0,
        "{readability:#}"
    );
    assert_eq!(
        readability["sections"][0]["heading"],
        "Why we process your personal information"
    );
    let hard: Vec<(&str, &str)> = readability["hard_words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["word"].as_str().unwrap(), w["plainer"].as_str().unwrap()))
        .collect();
    assert_eq!(
        hard,
        [
            ("In accordance with", "under, as … says"),
            ("endeavour", "try"),
            ("retain", "keep"),
            ("in order to", "to"),
        ],
        "{readability:#}"
    );
    // "information is disclosed", "it was originally obtained".
    assert_eq!(readability["passive_lines"].as_array().unwrap().len(), 2);

    let text = clearnotice(&["check"], dir.path());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("readability     reading ease"), "{text}");
    assert!(
        text.contains("hard words      In accordance with → under"),
        "{text}"
    );
    assert!(text.contains("passive voice   2 sentences"), "{text}");
}

#[test]
fn a_target_out_of_range_or_an_unknown_audience_is_an_error_at_its_line() {
    for (site_extra, front, expected) in [
        ("[readability]\ngrade = 30\n", "", "CN0116"),
        ("[readability]\nchildren_grade = 0\n", "", "CN0116"),
        ("[readability]\ngrade = \"nine\"\n", "", "CN0102"),
        ("", "audience = \"adults\"\n", "audience"),
    ] {
        let dir = site(&[
            ("site.toml", site_toml(site_extra)),
            ("content/a/1.0.md", notice(front, EASY)),
        ]);
        let (ok, said) = build(dir.path());
        assert!(!ok, "{site_extra}{front}: built\n{said}");
        assert!(said.contains(expected), "{site_extra}{front}: {said}");
    }
}
