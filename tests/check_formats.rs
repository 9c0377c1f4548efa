//! `clearnotice check --format json|github` and `clearnotice explain`: what editors,
//! tools and GitHub Actions read, checked by parsing it as they do; and the links
//! `check --external` tries.

mod common;

use std::path::Path;

use common::*;

fn check(root: &Path, format: &str) -> (i32, String) {
    let run = clearnotice(
        &[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--date",
            "2026-11-24",
            "--format",
            format,
        ],
        root,
    );
    (
        run.status.code().unwrap(),
        String::from_utf8(run.stdout).unwrap(),
    )
}

/// A case of the broken-input suite, as its site.
fn case_site(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo_root().join("tests/bad_input").join(case).join("site"),
        dir.path(),
    );
    dir
}

#[test]
fn json_on_the_real_content_has_every_notices_checklist_and_coded_warnings() {
    let dir = tempfile::tempdir().unwrap();
    copy_real_site(dir.path());
    let (status, text) = check(dir.path(), "text");
    let (json_status, stdout) = check(dir.path(), "json");
    assert_eq!(status, json_status, "the same exit status in every format");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let notices = json["notices"].as_array().unwrap();
    assert_eq!(notices.len(), 2, "{stdout}");
    for notice in notices {
        let items = notice["items"].as_array().unwrap();
        assert_eq!(items.len(), 17, "{notice}");
        for item in items {
            let state = item["state"].as_str().unwrap();
            assert!(
                ["covered", "not-applicable", "missing", "marked-not-covered"].contains(&state),
                "{item}"
            );
            // Each item the text report lists, with the same state.
            let id = item["id"].as_str().unwrap();
            assert!(text.contains(id), "{id} not in the text report");
        }
    }
    for problem in json["problems"].as_array().unwrap() {
        let code = problem["code"].as_str().unwrap();
        assert!(code.starts_with("CN") && code.len() == 6, "{problem}");
        assert!(problem["file"].as_str().is_some_and(|f| !f.is_empty()));
        assert_eq!(problem["severity"], "warning");
    }
}

#[test]
fn json_on_a_site_that_does_not_build_gives_the_errors_code_and_place() {
    let site = case_site("date-in-words");
    let (status, stdout) = check(site.path(), "json");
    assert_eq!(status, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let problem = &json["problems"][0];
    assert_eq!(problem["code"], "CN0309", "{stdout}");
    assert_eq!(problem["name"], "front-matter/date-invalid");
    assert_eq!(problem["severity"], "error");
    assert_eq!(problem["file"], "content/a/1.0.md");
    assert_eq!(
        (&problem["line"], &problem["column"]),
        (&6.into(), &13.into())
    );
    assert!(problem["end_column"].as_u64().unwrap() > 13);
    assert!(problem["hint"].as_str().unwrap().contains("YEAR-MONTH-DAY"));
    assert_eq!(json["notices"], serde_json::json!([]));
}

/// GitHub's workflow commands: `::severity key=value,...::message`, with `%`, CR and
/// LF escaped everywhere and `:` and `,` in values
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
fn parse_annotation(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("a message after ::");
    let (severity, properties) = head.split_once(' ').expect("properties");
    let properties = properties
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            assert!(!v.contains(':'), "an unescaped : in {v}");
            (k.to_string(), v.replace("%3A", ":").replace("%2C", ","))
        })
        .collect();
    assert!(!message.contains('\n') && !message.contains('\r'));
    (
        severity.to_string(),
        properties,
        message.replace("%0A", "\n").replace("%25", "%"),
    )
}

#[test]
fn github_annotations_put_each_problem_on_its_line() {
    let site = case_site("easy-read-summary-with-escapes");
    let (status, stdout) = check(site.path(), "github");
    assert_eq!(status, 0, "warnings do not fail check without --strict");
    let annotations: Vec<_> = stdout.lines().map(parse_annotation).collect();
    assert!(!annotations.is_empty(), "{stdout}");
    let (severity, properties, message) = &annotations[0];
    assert_eq!(severity, "warning");
    let get = |key: &str| {
        properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("file"), Some("content/a/2.0.md"));
    assert_eq!((get("line"), get("col")), (Some("9"), Some("21")));
    assert!(get("title").unwrap().starts_with("CN0501 easy-read/"));
    assert!(message.contains("picture"), "{message}");

    let broken = case_site("date-in-words");
    let (status, stdout) = check(broken.path(), "github");
    assert_eq!(status, 1);
    let (severity, properties, _) = parse_annotation(stdout.lines().next().unwrap());
    assert_eq!(severity, "error");
    assert!(properties.contains(&("title".into(), "CN0309 front-matter/date-invalid".into())));
}

#[test]
fn explain_says_what_a_code_means_and_refuses_one_that_is_not() {
    let here = repo_root();
    let run = clearnotice(&["explain", "cn0309"], &here);
    assert!(run.status.success());
    let said = String::from_utf8(run.stdout).unwrap();
    assert!(
        said.starts_with("CN0309 front-matter/date-invalid\n"),
        "{said}"
    );
    assert!(said.contains("YEAR-MONTH-DAY"));

    let run = clearnotice(&["explain"], &here);
    let list = String::from_utf8(run.stdout).unwrap();
    assert!(
        list.lines().filter(|l| l.starts_with("CN")).count() > 90,
        "{list}"
    );

    let run = clearnotice(&["explain", "CN9999"], &here);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not a problem code"));
}

#[test]
fn check_external_tries_the_addresses_written_as_plain_text_too() {
    let body = "\n## Contact\n\nSee [our help](https://help.example.invalid/) or visit www.example.invalid/rights today.\n";
    let front = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";
    let dir = site(&[("content/a/1.0.md", version_file(front, body))]);
    let run = clearnotice(&["check", "--external"], dir.path());
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("https://help.example.invalid/  (content/a/1.0.md:11)"),
        "{said}"
    );
    assert!(
        said.contains("https://www.example.invalid/rights  (content/a/1.0.md:11)"),
        "{said}"
    );
}
