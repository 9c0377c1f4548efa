//! `clearnotice check` (the privacy-information checklist, links) and the everyday
//! commands: init, new, release.

mod common;

use clearnotice::check::checklist::{Coverage, Evidence, Found};
use clearnotice::model::{Change, Date};
use clearnotice::workflow::init::CiHost;
use clearnotice::workflow::{
    init::init_site, new::new_notice, new::NewNotice, release::release, release::Release,
};
use common::*;

const FRONT: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

#[test]
fn the_coverage_table_shows_covered_not_applicable_and_missing() {
    let front = format!(
        "{FRONT}not_covered = [\"purposes\"]\n\n[not_applicable]\ntransfers = \"We do not send information outside the UK.\"\n"
    );
    // An id, a heading's words, a sentence, and a wrong match corrected in front-matter.
    let body = "\n## Who we are {#controller}\n\nUs.\n\n## How long we keep it\n\n6 years.\n\n## Other things\n\nYou have the right to ask for a copy.\n\nWe use your information to plan your support.\n";
    let dir = site(&[("content/a/1.0.md", version_file(&front, body))]);
    let out = tempfile::tempdir().unwrap();
    let inspection =
        clearnotice::inspect(&options(dir.path(), &out.path().join("public"))).unwrap();
    let items = &inspection.notices[0].items;
    let state = |id: &str| {
        items
            .iter()
            .find(|(item, _)| item.id == id)
            .unwrap()
            .1
            .clone()
    };
    let evidence = |found, text: &str, line| {
        Coverage::Covered(Evidence {
            found,
            text: text.into(),
            line,
        })
    };
    assert_eq!(
        state("controller"),
        evidence(Found::HeadingId, "Who we are", 13)
    );
    assert_eq!(
        state("retention"),
        evidence(Found::Heading, "How long we keep it", 17)
    );
    assert_eq!(
        state("rights"),
        evidence(Found::Sentence, "You have the right to ask for a copy.", 23)
    );
    assert_eq!(
        state("transfers"),
        Coverage::NotApplicable {
            reason: "We do not send information outside the UK.".into()
        }
    );
    assert_eq!(state("purposes"), Coverage::MarkedNotCovered);
    assert_eq!(state("dpo"), Coverage::Missing);
    let missing = items
        .iter()
        .filter(|(_, c)| matches!(c, Coverage::Missing | Coverage::MarkedNotCovered))
        .count();
    assert_eq!(missing, 13);

    // build warns once for the notice, naming the items, in the style of every warning.
    let run = clearnotice(
        &[
            "build",
            "--output-dir",
            out.path().join("site").to_str().unwrap(),
        ],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("privacy items not found").count(),
        1,
        "{stderr}"
    );
    assert!(
        // (miette wraps the line at the terminal's width)
        stderr.contains("⚠ content/a/1.0.md: CN1001 a: 13 of 17 privacy items not found (representative, dpo, purposes,")
            && stderr.contains("automated-decisions) — clearnotice check explains"),
        "{stderr}"
    );

    // check prints the table, and fails with --strict.
    let run = clearnotice(&["check"], dir.path());
    let table = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success());
    assert!(
        table.contains("covered         controller            heading id \"Who we are\", line 13"),
        "{table}"
    );
    assert!(
        table.contains(
            "not applicable  transfers             We do not send information outside the UK."
        ),
        "{table}"
    );
    assert!(
        table.contains("covered         rights                sentence \"You have the right to ask for a copy.\", line 23"),
        "{table}"
    );
    assert!(
        table.contains("MISSING         purposes              What the information is used for (not_covered in the front-matter)"),
        "{table}"
    );
    assert!(table.contains("MISSING         dpo"), "{table}");
    assert_eq!(
        clearnotice(&["check", "--strict"], dir.path())
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn not_applicable_needs_a_known_item_and_a_reason() {
    let front = format!("{FRONT}\n[not_applicable]\ntransfers = \"\"\nteleportation = \"No.\"\n");
    let dir = site(&[("content/a/1.0.md", version_file(&front, "\nText.\n"))]);
    let (_out, result) = build_into_temp(dir.path());
    let errors: Vec<String> = result
        .unwrap_err()
        .errors()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        errors,
        [
            "content/a/1.0.md:10:1: CN0310 \"teleportation\" is not an item of the privacy-information checklist",
            "content/a/1.0.md:9:13: CN0311 `transfers` is marked as not applying, with no reason",
        ]
    );
}

#[test]
fn broken_internal_links_and_anchors_stop_the_build_at_their_line() {
    let body = "\n## About {#about}\n\nSee [about](#about), [nowhere](#nowhere)\nand [a missing notice](../missing/).\n";
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, body))]);
    let (_out, result) = build_into_temp(dir.path());
    let errors: Vec<String> = result
        .unwrap_err()
        .errors()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with("content/a/1.0.md:11:")
            && errors[0].contains("\"#nowhere\" is broken"),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with("content/a/1.0.md:12:")
            && errors[1].contains("\"../missing/\" is broken"),
        "{errors:#?}"
    );
}

#[test]
fn init_makes_a_site_that_builds_with_no_warnings_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site_dir = dir.path().join("notices");
    let files = init_site(&site_dir, test_day(), CiHost::Github).unwrap();
    // site.toml, the notice, its easy read, pictures/README.txt, .gitignore, workflow,
    // and the script it installs clearnotice with.
    assert_eq!(files.len(), 7, "{files:?}");
    assert!(site_dir.join(".github/workflows/publish.yml").is_file());
    assert!(site_dir.join("ci/install-clearnotice.sh").is_file());
    // The site names the release it is built with: this one.
    let site_toml = std::fs::read_to_string(site_dir.join("site.toml")).unwrap();
    assert!(site_toml.contains(&format!(
        "\nclearnotice = \"{}\"\n",
        env!("CARGO_PKG_VERSION")
    )));
    let (_out, result) = build_into_temp(&site_dir);
    let report = result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    assert!(
        report.missing_information.is_empty(),
        "{:#?}",
        report.missing_information
    );
    assert!(init_site(&site_dir, test_day(), CiHost::Github)
        .unwrap_err()
        .message
        .contains("not empty"));
}

#[test]
fn init_writes_the_workflow_of_the_chosen_git_host_or_none() {
    let dir = tempfile::tempdir().unwrap();
    init_site(&dir.path().join("gitlab"), test_day(), CiHost::Gitlab).unwrap();
    let gitlab = std::fs::read_to_string(dir.path().join("gitlab/.gitlab-ci.yml")).unwrap();
    assert!(gitlab.contains("clearnotice build --strict"));
    assert!(!dir.path().join("gitlab/.github").exists());
    init_site(&dir.path().join("none"), test_day(), CiHost::None).unwrap();
    assert!(!dir.path().join("none/.github").exists());
    assert!(!dir.path().join("none/.gitlab-ci.yml").exists());
    let github = CiHost::Github.workflow().unwrap().1;
    for promise in [
        "pull_request",
        "clearnotice build --strict",
        "sh ci/install-clearnotice.sh",
        "deploy-pages",
        "cron: \"30 0 * * *\"",
        "TZ: Europe/London",
    ] {
        assert!(
            github.contains(promise),
            "the GitHub workflow lacks {promise}"
        );
    }
}

#[test]
fn new_then_release_major_then_minor_follow_the_history_rules() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nText.\n"))]);
    let root = dir.path();
    let path = new_notice(
        root,
        &NewNotice {
            slug: "home-support",
            title: "Home \"support\"",
            service: "Home support",
            controller: "Test Org",
            effective: Date::new(2025, 1, 1).unwrap(),
        },
    )
    .unwrap();
    // Quotes in the title are kept safe in the TOML.
    std::fs::write(
        path.with_file_name("1.0.easy-read.md"),
        "![A phone](picture:phone) We phone you.\n",
    )
    .unwrap();
    let (out, result) = build_into_temp(root);
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    assert!(
        read_page(&out.path().join("public"), "home-support/index.html")
            .contains("<h1>Home &quot;support&quot;</h1>")
    );

    // A comment in the front-matter must survive a release byte for byte.
    let original = std::fs::read_to_string(&path)
        .unwrap()
        .replace("service = ", "# Who it is for.\nservice = ");
    std::fs::write(&path, &original).unwrap();
    let major = release(
        root,
        &Release {
            slug: "home-support",
            change: Change::Major,
            summary: Some("We now share your plan with your GP."),
            effective: Date::new(2025, 6, 1).unwrap(),
        },
    )
    .unwrap();
    assert_eq!(major.version, "2.0");
    let minor = release(
        root,
        &Release {
            slug: "home-support",
            change: Change::Minor,
            summary: None,
            effective: Date::new(2025, 7, 1).unwrap(),
        },
    )
    .unwrap();
    assert_eq!(minor.version, "2.1");
    assert!(
        major.files[1].ends_with("2.0.easy-read.md"),
        "the easy-read text is copied too"
    );

    let (_out, result) = build_into_temp(root);
    result.unwrap_or_else(|f| {
        panic!(
            "the history rules must accept the releases: {:#?}",
            f.problems
        )
    });

    // Only the front-matter lines that had to change differ.
    let v2 = std::fs::read_to_string(root.join("content/home-support/2.0.md")).unwrap();
    let (front, body) = original[4..].split_once("+++\n").unwrap();
    let expected = format!(
        "+++\n{}change = \"major\"\nsummary = \"We now share your plan with your GP.\"\n+++\n{body}",
        front.replace("version = \"1.0\"", "version = \"2.0\"").replace("effective = 2025-01-01", "effective = 2025-06-01")
    );
    assert_eq!(v2, expected);
    let v21 = std::fs::read_to_string(root.join("content/home-support/2.1.md")).unwrap();
    assert!(
        v21.contains("change = \"minor\"") && !v21.contains("summary"),
        "{v21}"
    );

    let refused = release(
        root,
        &Release {
            slug: "home-support",
            change: Change::Major,
            summary: None,
            effective: Date::new(2025, 8, 1).unwrap(),
        },
    )
    .unwrap_err();
    assert!(refused[0].message.contains("needs a summary"));
}

/// Text pasted from Word: `##` and a no-break space is not a heading. build warns
/// with the file and line, and says how to fix it.
#[test]
fn a_heading_with_a_no_break_space_is_warned_about_at_its_line() {
    let body = "\nIntro.\n\n##\u{A0}Your rights\n\nText.\n";
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, body))]);
    let out = tempfile::tempdir().unwrap();
    let run = clearnotice(
        &["build", "--output-dir", out.path().to_str().unwrap()],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr
            .contains("content/a/1.0.md:11:1: CN0412 this line starts with # and a no-break space"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Type an ordinary space after the #s"),
        "{stderr}"
    );
}

#[test]
fn a_big_sites_shared_warnings_are_summarised_in_the_terminal() {
    let notices: Vec<(String, String)> = (1..=15)
        .map(|n| {
            (
                format!("content/n{n}/1.0.md"),
                version_file(
                    &format!("title = \"Notice {n}\"\nservice = \"S\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n"),
                    "\n## How long we keep it\n\nSix years.\n",
                ),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = notices
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = site(&files);
    let out = tempfile::tempdir().unwrap();
    let run = clearnotice(
        &[
            "build",
            "--no-handouts",
            "--output-dir",
            out.path().join("public").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    let warnings = said
        .lines()
        .filter(|l| l.trim_start().starts_with('⚠'))
        .count();
    assert_eq!(warnings, 8, "{said}");
    assert!(
        said.contains("and 12 more notices leave out privacy information (15 in all; notices missing each: automated-decisions 15,"),
        "{said}"
    );
    assert!(
        said.contains("and 12 more notices have no easy-read text yet"),
        "{said}"
    );
}

#[test]
fn a_build_by_another_release_than_site_toml_names_says_so() {
    // The pin is a top-level key: before [contact].
    let toml = format!("clearnotice = \"0.0.1\"\n{SITE_TOML}");
    let dir = site(&[
        ("site.toml", toml.as_str()),
        ("content/a/1.0.md", &version_file(FRONT, "\nText.\n")),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let report = result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let warned = report.warnings.iter().any(|w| {
        w.message
            .contains("built with clearnotice 0.0.1, but this is clearnotice")
    });
    assert!(warned, "{:#?}", report.warnings);
    let bad = format!("clearnotice = \"latest\"\n{SITE_TOML}");
    let dir = site(&[
        ("site.toml", bad.as_str()),
        ("content/a/1.0.md", &version_file(FRONT, "\nText.\n")),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let Err(failure) = result else {
        panic!("a pin that is no release is refused");
    };
    assert!(failure.problems[0]
        .message
        .contains("`clearnotice` must name a release"));
}

#[test]
fn init_update_ci_rewrites_only_what_init_wrote_and_pins_the_release() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nText.\n"))]);
    let root = dir.path();
    let notice = std::fs::read(root.join("content/a/1.0.md")).unwrap();
    let run = clearnotice(&["init", "--update-ci", "--ci", "gitlab"], root);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(root.join(".gitlab-ci.yml").is_file());
    assert!(root.join("ci/install-clearnotice.sh").is_file());
    let site_toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    assert!(
        site_toml.starts_with("# The clearnotice release"),
        "{site_toml}"
    );
    assert_eq!(
        std::fs::read(root.join("content/a/1.0.md")).unwrap(),
        notice
    );
    let (_out, result) = build_into_temp(root);
    assert!(result
        .unwrap()
        .warnings
        .iter()
        .all(|w| !w.message.contains("built with")));
    // A workflow of the site's own is left alone.
    std::fs::write(root.join(".gitlab-ci.yml"), "pages:\n  script: [make]\n").unwrap();
    let run = clearnotice(&["init", "--update-ci", "--ci", "gitlab"], root);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("was not written by clearnotice init"));
    assert_eq!(
        std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap(),
        "pages:\n  script: [make]\n"
    );
}
