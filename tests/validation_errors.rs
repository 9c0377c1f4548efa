//! One small site per validation error: each must stop the build with the right
//! message, at the right file and line, and say how to fix it.

mod common;

use common::*;

const GOOD: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

/// A notice's version with its front-matter lines and a plain body.
fn v(front_matter: &str) -> String {
    version_file(front_matter, "\n## About\n\nText.\n")
}

fn fm(version: &str, effective: &str, extra: &str) -> String {
    format!("title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"{version}\"\neffective = {effective}\n{extra}")
}

struct Case {
    name: &'static str,
    files: Vec<(&'static str, String)>,
    /// `file:line` the first error must point at.
    location: &'static str,
    /// Part of the message.
    message: &'static str,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "TOML syntax error",
            files: vec![("content/a/1.0.md", v("title = \"A notice\nservice = \"A service\"\n"))],
            location: "content/a/1.0.md:2:",
            message: "",
        },
        Case {
            name: "missing field",
            files: vec![("content/a/1.0.md", v("title = \"A notice\"\ncontroller = \"X\"\nversion = \"1.0\"\neffective = 2025-01-01\n"))],
            location: "content/a/1.0.md:2:",
            message: "missing field `service`",
        },
        Case {
            name: "unknown field",
            files: vec![("content/a/1.0.md", v(&format!("{GOOD}colour = \"red\"\n")))],
            location: "content/a/1.0.md:7:1",
            message: "unknown field `colour`",
        },
        Case {
            name: "wrong type",
            files: vec![("content/a/1.0.md", v("title = 5\nservice = \"S\"\ncontroller = \"X\"\nversion = \"1.0\"\neffective = 2025-01-01\n"))],
            location: "content/a/1.0.md:2:9",
            message: "invalid type",
        },
        Case {
            name: "impossible date",
            files: vec![("content/a/1.0.md", v(&fm("1.0", "2025-02-30", "")))],
            location: "content/a/1.0.md:6:",
            message: "",
        },
        Case {
            name: "date in words",
            files: vec![("content/a/1.0.md", v(&fm("1.0", "\"1 March 2025\"", "")))],
            location: "content/a/1.0.md:6:13",
            message: "is not a date",
        },
        Case {
            name: "version not matching the file name",
            files: vec![("content/a/1.0.md", v(&fm("1.1", "2025-01-01", "")))],
            location: "content/a/1.0.md:5:11",
            message: "`version` says 1.1 but the file is named 1.0.md",
        },
        Case {
            name: "version without quotes",
            files: vec![("content/a/1.0.md", v("title = \"A\"\nservice = \"S\"\ncontroller = \"X\"\nversion = 1.0\neffective = 2025-01-01\n"))],
            location: "content/a/1.0.md:5:11",
            message: "must be written in quotes",
        },
        Case {
            name: "first version is not 1.0",
            files: vec![("content/a/1.1.md", v(&fm("1.1", "2025-01-01", "change = \"minor\"\n")))],
            location: "content/a/1.1.md:5:11",
            message: "the first version of a notice must be 1.0",
        },
        Case {
            name: "a major change that does not raise MAJOR",
            files: vec![
                ("content/a/1.0.md", v(GOOD)),
                ("content/a/1.1.md", v(&fm("1.1", "2025-02-01", "change = \"major\"\nsummary = \"New.\"\n"))),
            ],
            location: "content/a/1.1.md:5:11",
            message: "a major change after 1.0 must be version 2.0",
        },
        Case {
            name: "a minor change that raises MAJOR",
            files: vec![
                ("content/a/1.0.md", v(GOOD)),
                ("content/a/2.0.md", v(&fm("2.0", "2025-02-01", "change = \"minor\"\n"))),
            ],
            location: "content/a/2.0.md:5:11",
            message: "a minor change after 1.0 must be version 1.1",
        },
        Case {
            name: "a minor change that skips a number",
            files: vec![
                ("content/a/1.0.md", v(GOOD)),
                ("content/a/1.2.md", v(&fm("1.2", "2025-02-01", "change = \"minor\"\n"))),
            ],
            location: "content/a/1.2.md:5:11",
            message: "must be version 1.1, not 1.2",
        },
        Case {
            name: "a major change without a summary",
            files: vec![
                ("content/a/1.0.md", v(GOOD)),
                ("content/a/2.0.md", v(&fm("2.0", "2025-02-01", "change = \"major\"\n"))),
            ],
            location: "content/a/2.0.md:7:10",
            message: "a major change needs a summary",
        },
        Case {
            name: "a later version without `change`",
            files: vec![("content/a/1.0.md", v(GOOD)), ("content/a/1.1.md", v(&fm("1.1", "2025-02-01", "")))],
            location: "content/a/1.1.md:5:11",
            message: "does not say whether it is a major or a minor change",
        },
        Case {
            name: "an effective date that goes backwards",
            files: vec![
                ("content/a/1.0.md", v(GOOD)),
                ("content/a/1.1.md", v(&fm("1.1", "2024-12-31", "change = \"minor\"\n"))),
            ],
            location: "content/a/1.1.md:6:13",
            message: "takes effect on 2024-12-31, before version 1.0",
        },
        Case {
            name: "an unknown kind of change",
            files: vec![("content/a/1.0.md", v(GOOD)), ("content/a/1.1.md", v(&fm("1.1", "2025-02-01", "change = \"small\"\n")))],
            location: "content/a/1.1.md:7:10",
            message: "unknown variant `small`",
        },
        Case {
            name: "unterminated front-matter",
            files: vec![("content/a/1.0.md", format!("+++\n{GOOD}\n## About\n"))],
            location: "content/a/1.0.md:1:1",
            message: "never closed",
        },
        Case {
            name: "no front-matter",
            files: vec![("content/a/1.0.md", "## About\n\nText.\n".to_string())],
            location: "content/a/1.0.md:1:1",
            message: "does not start with front-matter",
        },
        Case {
            name: "raw HTML",
            files: vec![("content/a/1.0.md", version_file(GOOD, "\nText.\n\n<script>alert(1)</script>\n"))],
            location: "content/a/1.0.md:11:1",
            message: "raw HTML is not allowed",
        },
        Case {
            name: "a javascript: link",
            files: vec![("content/a/1.0.md", version_file(GOOD, "\nSee [this](javascript:alert(1)).\n"))],
            location: "content/a/1.0.md:9:5",
            message: "links that run scripts are not allowed",
        },
        Case {
            name: "a top-level heading in the body",
            files: vec![("content/a/1.0.md", version_file(GOOD, "\n# Title again\n"))],
            location: "content/a/1.0.md:9:1",
            message: "sections start at ##",
        },
        Case {
            name: "a skipped heading level",
            files: vec![("content/a/1.0.md", version_file(GOOD, "\n## One\n\n#### Deep\n"))],
            location: "content/a/1.0.md:11:1",
            message: "skips a level",
        },
        Case {
            name: "an unknown key in site.toml",
            files: vec![
                ("site.toml", format!("{SITE_TOML}colour = \"blue\"\n").replace("[contact]\nemail = \"data@example.org\"\ncolour", "colour")),
                ("content/a/1.0.md", v(GOOD)),
            ],
            location: "site.toml:5:1",
            message: "unknown field `colour`",
        },
        Case {
            name: "a notice folder that is not a web address",
            files: vec![("content/Our Notice/1.0.md", v(GOOD))],
            location: "content/Our Notice",
            message: "cannot be a web address",
        },
        Case {
            name: "a Markdown file not named after a version",
            files: vec![("content/a/1.0.md", v(GOOD)), ("content/a/notes.md", "hello".into())],
            location: "content/a/notes.md",
            message: "not a version number",
        },
    ]
}

#[test]
fn each_validation_error_names_file_line_and_says_how_to_fix_it() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = site(&case.files);
        let (_out, result) = build_into_temp(dir.path());
        let Err(failure) = result else {
            failures.push(format!("{}: the build succeeded", case.name));
            continue;
        };
        let errors: Vec<_> = failure.errors().collect();
        let Some(first) = errors.first() else {
            failures.push(format!("{}: no error", case.name));
            continue;
        };
        let shown = first.to_string();
        if !shown.starts_with(case.location) || !first.message.contains(case.message) {
            failures.push(format!(
                "{}: expected {} … {:?}, got {shown}",
                case.name, case.location, case.message
            ));
        }
        if first.help.as_deref().unwrap_or("").len() < 10 {
            failures.push(format!("{}: no help for {shown}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_build_reports_every_error_at_once() {
    let dir = site(&[
        ("content/a/1.0.md", v(&format!("{GOOD}colour = 1\n"))),
        ("content/b/1.0.md", v(&fm("1.1", "2025-01-01", ""))),
        ("content/c/1.0.md", v(GOOD)),
        (
            "content/c/1.1.md",
            v(&fm("1.1", "2024-01-01", "change = \"minor\"\n")),
        ),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let failure = result.unwrap_err();
    let files: Vec<String> = failure
        .errors()
        .map(|p| p.file.display().to_string())
        .collect();
    assert_eq!(
        files,
        ["content/a/1.0.md", "content/b/1.0.md", "content/c/1.1.md"],
        "{:#?}",
        failure.problems
    );
}

#[test]
fn the_cli_exits_non_zero_and_shows_the_line_and_the_fix() {
    let dir = site(&[("content/a/1.0.md", v(&format!("{GOOD}colour = \"red\"\n")))]);
    let run = clearnotice(&["build"], dir.path());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/a/1.0.md:7:1"), "{stderr}");
    assert!(
        stderr.contains("colour = \"red\""),
        "the offending line is shown: {stderr}"
    );
    assert!(
        stderr.contains("Check its spelling"),
        "the fix is suggested: {stderr}"
    );
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert!(
        !dir.path().join("public").exists(),
        "nothing may be written"
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_work() {
    let text = format!("\u{feff}{}", v(GOOD).replace('\n', "\r\n"));
    let dir = site(&[("content/a/1.0.md", text)]);
    let (_out, result) = build_into_temp(dir.path());
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
}
