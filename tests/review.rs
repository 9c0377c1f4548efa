//! Review dates: the current version's `review_by` (or `[review] every_months` from
//! its `reviewed` or effective date) is a reminder from 30 days ahead, which
//! `build --strict` lets pass, and a warning once passed, which it does not — tested
//! at each boundary day, through the build cache across days, and on the changelog.

mod common;

use std::path::Path;

use common::*;

fn notice(extra: &str) -> String {
    version_file(
        &format!(
            "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\n\
             version = \"1.0\"\neffective = 2025-01-01\n{extra}"
        ),
        "\n## About\n\nText.\n",
    )
}

/// Builds `root` as on `day` (with `--strict` when asked): (succeeded, what it said).
fn build_on(root: &Path, out: &Path, day: &str, strict: bool) -> (bool, String) {
    let mut args = vec![
        "build",
        "--output-dir",
        out.to_str().unwrap(),
        "--date",
        day,
    ];
    if strict {
        args.push("--strict");
    }
    let run = clearnotice(&args, root);
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn a_review_date_reminds_from_thirty_days_ahead_and_fails_strict_once_passed() {
    let dir = site(&[("content/a/1.0.md", notice("review_by = 2027-06-01\n"))]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    // The same output folder each day: the build cache must notice the day changed.
    // Other warnings of this small notice fail --strict too: what matters is which
    // review problem is among its errors.
    for (day, said, strict_fails_on_review) in [
        ("2027-05-01", None, false),
        (
            "2027-05-02",
            Some("CN0612 a 1.0 is due for review on 2027-06-01, in 30 days"),
            false,
        ),
        (
            "2027-06-01",
            Some("CN0612 a 1.0 is due for review today (2027-06-01)"),
            false,
        ),
        (
            "2027-06-02",
            Some("CN0613 a 1.0 was due for review on 2027-06-01, 1 days ago"),
            true,
        ),
    ] {
        let (built, stderr) = build_on(dir.path(), &public, day, false);
        assert!(built, "{day}: {stderr}");
        match said {
            Some(said) => {
                assert!(stderr.contains(said), "{day}: {stderr}");
                // At the review_by line.
                assert!(stderr.contains("content/a/1.0.md:7:13:"), "{day}: {stderr}");
            }
            None => assert!(!stderr.contains("CN061"), "{day}: {stderr}"),
        }
        let (_, stderr) = build_on(dir.path(), &public, day, true);
        assert!(
            !stderr.contains("CN0612"),
            "{day} --strict fails on a reminder: {stderr}"
        );
        assert_eq!(
            stderr.contains("CN0613"),
            strict_fails_on_review,
            "{day} --strict: {stderr}"
        );
    }
}

#[test]
fn the_sites_interval_counts_from_the_last_review_and_the_changelog_shows_it() {
    let toml = format!("{SITE_TOML}\n[review]\nevery_months = 12\n");
    let dir = site(&[
        ("site.toml", toml.clone()),
        ("content/a/1.0.md", notice("reviewed = 2026-01-15\n")),
        ("content/b/1.0.md", notice("")),
    ]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (built, stderr) = build_on(dir.path(), &public, "2027-01-16", false);
    assert!(built, "{stderr}");
    // a: a year after its review, at the reviewed line; b: a year after it took effect.
    assert!(
        stderr.contains(
            "content/a/1.0.md:7:12: CN0613 a 1.0 was due for review on 2027-01-15, 1 days ago"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/b/1.0.md:6:13: CN0613 b 1.0 was due for review on 2026-01-01"),
        "{stderr}"
    );
    let changes = read_page(&public, "a/changes/index.html");
    assert!(
        changes.contains("Last reviewed on <time datetime=2026-01-15>15 January 2026</time>."),
        "{changes}"
    );
    assert!(!read_page(&public, "b/changes/index.html").contains("Last reviewed"));
}

#[test]
fn broken_review_settings_are_refused_at_their_line() {
    for (files, said) in [
        (
            vec![("content/a/1.0.md", notice("review_by = \"next year\"\n"))],
            "content/a/1.0.md:7:13:",
        ),
        (
            vec![("content/a/1.0.md", notice("review_by = 2024-06-01\n"))],
            "content/a/1.0.md:7:13: CN0614",
        ),
        (
            vec![
                (
                    "site.toml",
                    format!("{SITE_TOML}\n[review]\nevery_months = 0\n"),
                ),
                ("content/a/1.0.md", notice("")),
            ],
            "site.toml:9:1: CN0115",
        ),
        (
            vec![
                ("site.toml", format!("{SITE_TOML}\n[review]\nmonths = 12\n")),
                ("content/a/1.0.md", notice("")),
            ],
            "CN0102",
        ),
    ] {
        let dir = site(&files);
        let out = tempfile::tempdir().unwrap();
        let (built, stderr) = build_on(dir.path(), &out.path().join("public"), "2026-11-24", false);
        assert!(!built, "{said}: built");
        assert!(stderr.contains(said), "{said}: {stderr}");
    }
}
