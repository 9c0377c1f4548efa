//! Builds the repository's real content (the charity's two notices) and looks at the pages.

mod common;

use common::*;

fn page(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not written; have: {:?}", files.keys()))
            .clone(),
    )
    .unwrap()
}

#[test]
fn every_expected_page_exists() {
    let (out, result) = build_into_temp(&repo_root());
    let report = result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    assert_eq!(report.notices, 2);
    let files = read_tree(&out.path().join("public"));
    for path in [
        "index.html",
        "404.html",
        "general/index.html",
        "wellbeing-centres/index.html",
        "assets/style.css",
        ".clearnotice",
    ] {
        assert!(
            files.contains_key(path),
            "missing {path}; have {:?}",
            files.keys()
        );
    }
    assert_eq!(
        report.pages,
        files.keys().filter(|p| p.ends_with(".html")).count()
    );
}

#[test]
fn every_page_has_one_h1_the_language_and_the_skip_link_first() {
    let (out, result) = build_into_temp(&repo_root());
    result.unwrap();
    let files = read_tree(&out.path().join("public"));
    let pages: Vec<_> = files
        .keys()
        .filter(|p| p.ends_with(".html"))
        .cloned()
        .collect();
    assert!(pages.len() >= 4);
    for path in pages {
        let html = page(&files, &path);
        assert_eq!(
            html.matches("<h1").count(),
            1,
            "{path} must have exactly one h1"
        );
        assert!(
            html.contains(r#"<html lang="en-GB">"#),
            "{path} must declare en-GB"
        );
        let first_link = html.find("<a ").expect("a link");
        assert!(
            html[first_link..].starts_with(r##"<a class="skip-link" href="#main">"##),
            "{path}: the first link must be the skip link, found {}",
            &html[first_link..first_link + 60]
        );
        assert!(
            html.contains(r#"<main id="main""#),
            "{path} needs the main landmark the skip link targets"
        );
        // One description for search results and link previews, never empty.
        assert_eq!(
            html.matches(r#"<meta name="description" content=""#)
                .count(),
            1,
            "{path}"
        );
        assert!(
            !html.contains(r#"<meta name="description" content="">"#),
            "{path}"
        );
        // The tab's picture, so browsers do not ask for /favicon.ico; an instant
        // redirect is never shown.
        if !html.contains("http-equiv=\"refresh\"") {
            // The 404 page is served at any address, so its links start at the site's root.
            let root = if path == "404.html" {
                "/privacy/".to_string()
            } else if path.contains('/') {
                "../".repeat(path.matches('/').count())
            } else {
                "./".to_string()
            };
            let icon = format!(
                r#"<link rel="icon" href="{}icon.svg" type="image/svg+xml">"#,
                root
            );
            assert!(html.contains(&icon), "{path}: no {icon}");
        }
    }
    assert!(files["icon.svg"].starts_with(b"<svg"));
    let notice = page(&files, "general/index.html");
    assert!(
        notice.contains(r#"<meta name="description" content="How PSS (UK) collects, uses and looks after your information when you use All PSS services.">"#),
        "the notice's description names its service"
    );
}

#[test]
fn a_description_keeps_quotes_and_ampersands_in_the_attribute() {
    let dir = site(&[(
        "content/a/1.0.md",
        version_file(
            "title = \"A notice\"\nservice = \"Tom & Jerry's \\\"Care\\\"\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n",
            "\n## About\n\nText.\n",
        ),
    )]);
    let (out, result) = build_into_temp(dir.path());
    result.unwrap();
    let html = std::fs::read_to_string(out.path().join("public/a/index.html")).unwrap();
    assert!(
        html.contains(r#"when you use Tom &amp; Jerry's &quot;Care&quot;.">"#),
        "{}",
        &html[..html.find("<title>").unwrap()]
    );
}

#[test]
fn metadata_shows_the_front_matter() {
    let (out, result) = build_into_temp(&repo_root());
    result.unwrap();
    let files = read_tree(&out.path().join("public"));
    let wellbeing = squash(&page(&files, "wellbeing-centres/index.html"));
    for expected in [
        "How we use your information in Wellbeing Centres",
        "<dt>Controller</dt><dd>Liverpool CCG</dd>",
        "<dt>Processor</dt><dd>PSS (UK)</dd>",
        "<dt>Version</dt><dd>1.0</dd>",
        "<dd>Wellbeing Centres</dd>",
        r#"<time datetime="2026-11-24">24 November 2026</time>"#,
    ] {
        assert!(
            wellbeing.contains(expected),
            "wellbeing page lacks {expected:?}"
        );
    }
    let general = page(&files, "general/index.html");
    assert!(general.contains("<dd>PSS (UK)</dd>"));
    assert!(
        !general.contains("<dt>Processor</dt>"),
        "the general notice has no processor"
    );
    assert!(
        general.contains("Ministry of Justice"),
        "the joint controller is named in the text"
    );
    // The table of contents lists the sections, linking to their ids.
    assert!(general.contains(r##"<a href="#controller">9. Data controller</a>"##));
    assert!(general.contains(r#"<h2 id="controller">"#));
    // Headings without an id of their own get one from their words.
    assert!(general.contains(r#"<h2 id="8-changes-to-this-privacy-notice">"#));
}

#[test]
fn the_index_groups_notices_by_service_and_links_them() {
    let (out, result) = build_into_temp(&repo_root());
    result.unwrap();
    let index = page(&read_tree(&out.path().join("public")), "index.html");
    let all = index
        .find("<h2 id=\"service-1\">All PSS services</h2>")
        .expect("service heading");
    let wellbeing = index
        .find(">Wellbeing Centres</h2>")
        .expect("second service heading");
    assert!(all < wellbeing);
    assert!(index.contains(r#"href="./general/""#));
    assert!(index.contains(r#"href="./wellbeing-centres/""#));
    // Each notice's other formats are linked from the index too.
    assert!(index.contains(r#"href="./general/easy-read/">Easy read<span class="visually-hidden">: General privacy notice"#), "{index}");
    assert!(index.contains(r#"href="./wellbeing-centres/large-print/">Large print"#));
}

#[test]
fn the_minified_build_is_smaller_and_keeps_the_language() {
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(&repo_root(), &out.path().join("public"));
    opts.minify = true;
    clearnotice::build(&opts).unwrap();
    let html = std::fs::read_to_string(out.path().join("public/general/index.html")).unwrap();
    assert!(html.contains("<html lang=en-GB>"), "{}", &html[..200]);
    assert!(!html.contains("\n  "), "minified output has no indentation");
}

/// The build minifies a version's text once and the rest of each page around it: every
/// page must come out exactly as minifying the whole page would make it.
#[test]
fn minifying_pages_around_their_text_equals_minifying_them_whole() {
    let out = tempfile::tempdir().unwrap();
    let plain_dir = out.path().join("plain");
    clearnotice::build(&options(&repo_root(), &plain_dir)).unwrap();
    let minified_dir = out.path().join("minified");
    let mut opts = options(&repo_root(), &minified_dir);
    opts.minify = true;
    clearnotice::build(&opts).unwrap();
    let plain = read_tree(&plain_dir);
    let minified = read_tree(&minified_dir);
    let mut compared = 0;
    for (path, bytes) in plain.iter().filter(|(p, _)| p.ends_with(".html")) {
        let whole = clearnotice::render::minify::minify_page(std::str::from_utf8(bytes).unwrap());
        assert!(
            minified[path] == whole,
            "{path} differs from the page minified whole"
        );
        compared += 1;
    }
    assert!(compared >= 10, "only {compared} pages compared");
}

#[test]
fn the_cli_builds_and_prints_one_summary_line() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("site");
    let run = clearnotice(
        &["build", "--output-dir", output.to_str().unwrap()],
        &repo_root(),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let summary = stderr.lines().last().unwrap_or("");
    assert!(summary.starts_with("Built 2 notices into"), "{stderr}");
    // Before it, one warning per notice that leaves privacy information out, naming
    // the items (never a line per item), each with its hint.
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains('⚠')).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("content/general/1.0.md: CN1001 general: 3 of 17 privacy items not found (representative, transfers, requirement) — clearnotice check explains"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains(
            "content/wellbeing-centres/1.0.md: CN1001 wellbeing-centres: 4 of 17 privacy items not found"
        ),
        "{stderr}"
    );
    let html_files = read_tree(&output)
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(
        stderr.contains(&format!(": {html_files} pages in ")),
        "{stderr}"
    );
    assert!(output.join("general/index.html").is_file());
}

#[test]
fn help_explains_build_in_plain_words() {
    let run = clearnotice(&["build", "--help"], &repo_root());
    let help = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success());
    for option in [
        "--root",
        "--output-dir",
        "--base-url",
        "--no-minify",
        "site.toml",
    ] {
        assert!(help.contains(option), "help lacks {option}: {help}");
    }
}

/// Three real notices share the title "Privacy notice: how we use your data": their
/// pages' titles and the index's links name the service too, so no two read the same.
#[test]
fn real_notices_that_share_a_title_get_distinct_page_titles_and_link_names() {
    let root = repo_root().join("tests/fixtures/real-notices");
    let out = tempfile::tempdir().unwrap();
    clearnotice::build(&options(&root, out.path())).unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let mut titles = std::collections::BTreeSet::new();
    for slug in [
        "govuk-notify",
        "govuk-design-system",
        "govuk-content-guidance",
    ] {
        let page = read_page(out.path(), &format!("{slug}/index.html"));
        let title = page
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap()
            .to_string();
        assert!(
            title.starts_with("Privacy notice: how we use your data ("),
            "{title}"
        );
        assert!(titles.insert(title.clone()), "{title} twice");
    }
    let index = read_page(out.path(), "index.html");
    assert!(
        index.contains("Large print<span class=\"visually-hidden\">: Privacy notice: how we use your data (GOV.UK Notify)</span>"),
        "{index}"
    );
    // A title no other notice has is left as it is.
    let ico = read_page(out.path(), "ico-2013/index.html");
    assert!(
        ico.contains("<title>Privacy Notice - Information Commissioner&#39;s Office - ICO – "),
        "{ico}"
    );
}

/// Services are listed as people sort them, without case or accents: the real
/// "GOV.UK content and publishing guidance" comes before "GOV.UK Notify".
#[test]
fn services_sort_as_people_read_them() {
    let root = repo_root().join("tests/fixtures/real-notices");
    let out = tempfile::tempdir().unwrap();
    clearnotice::build(&options(&root, out.path())).unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let index = read_page(out.path(), "index.html");
    let at = |name: &str| {
        index
            .find(&format!(">{name}</h2>"))
            .unwrap_or_else(|| panic!("{name}: {index}"))
    };
    assert!(at("GOV.UK content and publishing guidance") < at("GOV.UK Notify"));
    assert!(at("data.gov.uk") < at("GOV.UK Design System"));
}
