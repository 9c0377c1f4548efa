//! What `release` and `new` write always builds, and holds only what belongs to the new
//! version: each kind of release is made with the real command in a copy of the real
//! site — minor and major, after a major change that was announced, with summaries and
//! titles holding quotes, `+++`, backslashes and new lines — and the site is built
//! after each.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn run(root: &Path, args: &[&str]) -> String {
    let out = clearnotice(args, root);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "clearnotice {args:?}:\n{said}");
    said
}

fn builds(root: &Path) {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    run(
        root,
        &[
            "build",
            "--no-handouts",
            "--date",
            "2027-06-01",
            "--output-dir",
            output.to_str().unwrap(),
        ],
    );
}

/// The value of `key` in a version file's front-matter, as TOML reads it.
fn front_matter(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap();
    let inner = text
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("\n+++\n"))
        .map(|(front, _)| front)
        .unwrap_or_else(|| panic!("{} has no front-matter:\n{text}", path.display()));
    toml::from_str(inner).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

const AWKWARD: &str = "We changed \"how long\" we keep C:\\records\n+++\nand this line, too";

#[test]
fn releases_after_an_announced_major_change_carry_only_what_belongs_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_real_site(root);
    let general = root.join("content/general");

    // A major change, with an easy-read summary, announced.
    run(
        root,
        &[
            "release",
            "general",
            "--major",
            "--summary",
            "We now share your support plan with your GP.",
            "--effective",
            "2027-01-01",
        ],
    );
    let major = fs::read_to_string(general.join("2.0.md")).unwrap();
    let announced = major.replacen(
        "+++\n",
        "+++\nannounced = 2026-12-01\neasy_read_summary = \"![A doctor](picture:doctor) We will tell your GP about your support.\"\n",
        1,
    );
    fs::write(general.join("2.0.md"), announced).unwrap();
    builds(root);

    // A minor change after it: not announced, no summary of the old change.
    run(
        root,
        &["release", "general", "--minor", "--effective", "2027-02-01"],
    );
    let minor = front_matter(&general.join("2.1.md"));
    for key in ["announced", "easy_read_summary", "summary"] {
        assert!(!minor.contains_key(key), "2.1 has {key}: {minor:?}");
    }
    assert_eq!(minor["change"].as_str(), Some("minor"));
    builds(root);

    // A major change after that, with a summary that could break the file.
    run(
        root,
        &[
            "release",
            "general",
            "--major",
            "--summary",
            AWKWARD,
            "--effective",
            "2027-03-01",
        ],
    );
    let next = front_matter(&general.join("3.0.md"));
    assert!(!next.contains_key("announced"), "{next:?}");
    assert!(!next.contains_key("easy_read_summary"), "{next:?}");
    assert_eq!(next["summary"].as_str(), Some(AWKWARD));
    assert_eq!(next["version"].as_str(), Some("3.0"));
    // Everything else of the front-matter is still there.
    assert_eq!(next["controller"], minor["controller"]);
    builds(root);
}

#[test]
fn a_new_notice_with_awkward_details_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_real_site(root);
    run(
        root,
        &[
            "new",
            "awkward",
            "--title",
            AWKWARD,
            "--service",
            "A \\ service \"quoted\"",
            "--controller",
            "PSS (UK)\n+++",
        ],
    );
    let written = front_matter(&root.join("content/awkward/1.0.md"));
    assert_eq!(written["title"].as_str(), Some(AWKWARD));
    assert_eq!(written["service"].as_str(), Some("A \\ service \"quoted\""));
    assert_eq!(written["controller"].as_str(), Some("PSS (UK)\n+++"));
    builds(root);
}
