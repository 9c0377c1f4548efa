//! "In this notice", the first layer of the standard page, on real notices written
//! elsewhere (tests/fixtures/real-notices, held-out-notices) and the real content:
//! every link goes to a heading on the page, named as the page names it; a sample was
//! checked by hand (each link goes to the section a person would pick) and is held
//! here as it is; items with no heading of their own are left out.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The first layer of a built page: (label, heading, id).
fn first_layer(page: &str) -> Vec<(String, String, String)> {
    let Some(start) = page.find("<ul class=first-layer__list>") else {
        return Vec::new();
    };
    let list = &page[start
        ..page[start..]
            .find("</ul>")
            .map_or(page.len(), |end| start + end)];
    list.split("<li>")
        .skip(1)
        .map(|item| {
            let (label, rest) = item.split_once(": <a href=#").expect("label: link");
            let (id, rest) = rest.split_once('>').unwrap();
            let heading = rest.split("</a>").next().unwrap();
            (label.to_string(), heading.to_string(), id.to_string())
        })
        .collect()
}

fn build(root: &Path, out: &Path) {
    let run = clearnotice(
        &[
            "build",
            "--no-handouts",
            "--output-dir",
            out.to_str().unwrap(),
            "--date",
            "2026-11-24",
        ],
        root,
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn every_link_goes_to_its_heading_and_the_hand_checked_sample_holds() {
    let out = tempfile::tempdir().unwrap();
    let mut layers = std::collections::BTreeMap::new();
    for (name, root) in [
        ("main", repo_root()),
        ("real", repo_root().join("tests/fixtures/real-notices")),
        (
            "held-out",
            repo_root().join("tests/fixtures/held-out-notices"),
        ),
    ] {
        let output = out.path().join(name);
        build(&root, &output);
        for entry in fs::read_dir(&output).unwrap() {
            let page = entry.unwrap().path().join("index.html");
            let Ok(html) = fs::read_to_string(&page) else {
                continue;
            };
            let layer = first_layer(&html);
            for (label, heading, id) in &layer {
                // The heading with that id, as the page writes it.
                let at = html
                    .find(&format!(" id={id}>"))
                    .unwrap_or_else(|| panic!("{}: no heading #{id} for {label}", page.display()));
                let text = html[at..]
                    .split_once('>')
                    .unwrap()
                    .1
                    .split("</h")
                    .next()
                    .unwrap();
                assert_eq!(text, heading, "{}: {label}", page.display());
            }
            let slug = page
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            layers.insert(slug, layer);
        }
    }
    let labels = |slug: &str| -> Vec<String> {
        layers[slug]
            .iter()
            .map(|(label, heading, _)| format!("{label}: {heading}"))
            .collect()
    };
    // Checked by hand against each notice's text.
    assert_eq!(
        labels("general"),
        [
            "Who we are: 9. Data controller",
            "What we collect: 2. What personal information do we collect?",
            "Why we use it: 3. Why we need your information?",
            "Who we share it with: 5. Who sees your personal information?",
            "Your rights: 7. Your rights over your information",
            "How to complain: Complaining to the Information Commissioner’s Office",
        ]
    );
    assert_eq!(
        labels("govuk-notify"),
        [
            "Who we are: Who we are",
            "What we collect: What data we collect from you",
            "Why we use it: Why we need your data",
            "How long we keep it: How long we keep your data",
            "Your rights: What are your rights",
        ]
    );
    assert_eq!(
        labels("dfe-get-help-buying-for-schools"),
        [
            "Why we use it: Why our use of your personal data is lawful",
            "Who we share it with: Who we share your personal information with",
            "How long we keep it: How long we hold personal information",
            "Your rights: Your data protection rights",
        ]
    );
    // A notice with no heading for an item gets no link for it: the general notice's
    // only retention period is a sentence about CCTV in its section 5.
    assert!(!labels("general").iter().any(|l| l.starts_with("How long")));
    let with_layer = layers.values().filter(|l| !l.is_empty()).count();
    assert!(
        with_layer >= 12,
        "only {with_layer} pages have a first layer"
    );
}

#[test]
fn only_the_standard_page_in_a_language_the_checklist_reads_has_one() {
    let out = tempfile::tempdir().unwrap();
    build(&repo_root(), &out.path().join("main"));
    let easy_read =
        fs::read_to_string(out.path().join("main/general/easy-read/index.html")).unwrap();
    assert!(!easy_read.contains("first-layer"));
    build(&fixture("languages"), &out.path().join("languages"));
    let english = fs::read_to_string(out.path().join("languages/govuk-verify/index.html")).unwrap();
    assert!(english.contains("first-layer"), "the English page has none");
    let welsh =
        fs::read_to_string(out.path().join("languages/cy/govuk-verify/index.html")).unwrap();
    assert!(
        !welsh.contains("first-layer"),
        "the checklist reads no Welsh"
    );
}
