//! Telling people about a major change: `announced` in the front-matter, shown in the
//! changelog, and the warnings `check` and `build` give when it is missing or late.

mod common;

use common::*;

const FIRST: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

fn major(effective: &str, extra: &str) -> String {
    version_file(
        &format!("title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"2.0\"\neffective = {effective}\nchange = \"major\"\nsummary = \"We now share your care plan with your GP.\"\n{extra}"),
        "\n## About\n\nThe second text.\n",
    )
}

/// Builds a notice whose 2.0 is `second`, on the test day (24 November 2026).
fn build_with(
    second: String,
) -> (
    tempfile::TempDir,
    Result<clearnotice::BuildReport, clearnotice::BuildFailure>,
) {
    let dir = site(&[
        (
            "content/a/1.0.md",
            version_file(FIRST, "\n## About\n\nThe first text.\n"),
        ),
        ("content/a/2.0.md", second),
    ]);
    let output = dir.path().join("public");
    let mut opts = options(dir.path(), &output);
    opts.today = Some(test_day());
    let result = clearnotice::build(&opts);
    (dir, result)
}

fn announcement_warnings(report: &clearnotice::BuildReport) -> Vec<String> {
    report
        .warnings
        .iter()
        .map(|w| w.to_string())
        .filter(|w| w.contains("told") || w.contains("announced"))
        .collect()
}

#[test]
fn a_major_change_in_effect_without_announced_warns_with_file_and_line() {
    let (_dir, result) = build_with(major("2026-06-01", ""));
    let report = result.unwrap();
    let found = announcement_warnings(&report);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("content/a/2.0.md:5:"), "{}", found[0]);
    assert!(
        found[0].contains("has been in effect since 2026-06-01"),
        "{}",
        found[0]
    );
}

#[test]
fn an_upcoming_major_change_warns_only_within_30_days() {
    let (_dir, result) = build_with(major("2026-12-20", ""));
    let found = announcement_warnings(&result.unwrap());
    assert!(
        found[0].contains("takes effect on 2026-12-20, in 26 days"),
        "{found:?}"
    );
    let (_dir, result) = build_with(major("2027-01-10", ""));
    assert_eq!(
        announcement_warnings(&result.unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn announced_is_shown_in_the_changelog_and_late_announcements_warn() {
    let (dir, result) = build_with(major("2026-06-01", "announced = 2026-05-01\n"));
    let report = result.unwrap();
    assert_eq!(announcement_warnings(&report), Vec::<String>::new());
    let html = read_page(&dir.path().join("public"), "a/changes/index.html");
    assert!(
        html.contains(
            r#"We told people about this change on <time datetime="2026-05-01">1 May 2026</time>."#
        ),
        "{html}"
    );

    let (_dir, result) = build_with(major("2026-06-01", "announced = 2026-06-15\n"));
    let found = announcement_warnings(&result.unwrap());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("content/a/2.0.md:9:"), "{}", found[0]);
    assert!(found[0].contains("announced on 2026-06-15, after it took effect on 2026-06-01"));
}

#[test]
fn a_minor_change_cannot_be_announced() {
    let minor = version_file(
        "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.1\"\neffective = 2026-06-01\nchange = \"minor\"\nannounced = 2026-05-01\n",
        "\n## About\n\nA corrected text.\n",
    );
    let dir = site(&[
        (
            "content/a/1.0.md",
            version_file(FIRST, "\n## About\n\nThe first text.\n"),
        ),
        ("content/a/1.1.md", minor),
    ]);
    let failure = clearnotice::build(&options(dir.path(), &dir.path().join("public"))).unwrap_err();
    let problem = failure.errors().next().unwrap().to_string();
    assert!(problem.starts_with("content/a/1.1.md:8:"), "{problem}");
    assert!(
        problem.contains("a minor change is not announced"),
        "{problem}"
    );
}

#[test]
fn the_easy_read_summary_is_checked_by_the_easy_read_rules_at_its_own_lines() {
    let summary = "easy_read_summary = \"\"\"\n![A calendar](picture:calendar) We keep your record for 8 years.\n\nThis point has no picture.\n\n![A rocket](picture:rocket) We fly.\n\"\"\"\n";
    let (_dir, result) = build_with(major("2027-03-01", summary));
    let failure = result.unwrap_err();
    let found: Vec<String> = failure.problems.iter().map(|p| p.to_string()).collect();
    // Line 14: the summary's third point, whose picture does not exist.
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("content/a/2.0.md:14:") && p.contains("rocket")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("content/a/2.0.md:12:") && p.contains("no picture")),
        "{found:#?}"
    );
}
