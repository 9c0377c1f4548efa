//! `clearnotice announce`: the pack telling people about a major change, made from a
//! test site with one (the history fixture's 3.0). Its HTML is checked in Chromium
//! and its .eml by Python's email package in `tests/browser/run`.

mod common;

use std::collections::BTreeMap;

use clearnotice::workflow::announce::{announce, Announce, SMS_LIMIT};
use common::*;

fn pack(
    version: Option<&str>,
    out: &std::path::Path,
) -> Result<BTreeMap<String, Vec<u8>>, Vec<clearnotice::diagnostics::Problem>> {
    announce(&Announce {
        root: fixture("history"),
        slug: "changing-notice".into(),
        version: version.map(str::to_string),
        output_dir: Some(out.to_path_buf()),
        today: Some(test_day()),
    })?;
    Ok(read_tree(out))
}

#[test]
fn the_pack_has_every_file_says_the_change_and_is_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let files = pack(None, &dir.path().join("pack")).unwrap_or_else(|p| panic!("{p:#?}"));
    for name in [
        "README.txt",
        "email.eml",
        "email.txt",
        "email.html",
        "letter.html",
        "letter.pdf",
        "letter-large-print.html",
        "letter-large-print.pdf",
        "letter-easy-read.html",
        "letter-easy-read.pdf",
        "sms.txt",
        "pictures/folder.svg",
    ] {
        assert!(
            files.contains_key(name),
            "{name} missing; have {:?}",
            files.keys()
        );
    }
    let text = |name: &str| String::from_utf8(files[name].clone()).unwrap();
    // The newest major change that is current or upcoming: 3.0.
    let email = text("email.txt");
    assert!(
        email.contains("The new version is version 3.0. It takes effect on 1 April 2027."),
        "{email}"
    );
    assert!(email.contains("We will keep your records for 8 years instead of 6."));
    assert!(email.contains("example.org/changing-notice/3.0/compare/"));
    assert!(text("letter-easy-read.html").contains("We will keep your record for 8 years."));
    assert!(text("README.txt").contains("NOTHING HAS BEEN SENT"));
    let sms = text("sms.txt");
    assert!(sms.trim().chars().count() <= SMS_LIMIT, "{sms}");
    assert!(sms.contains("example.org/changing-notice/"), "{sms}");
    assert!(files["letter-large-print.pdf"].starts_with(b"%PDF-"));

    let again = pack(None, &dir.path().join("pack")).unwrap();
    assert_eq!(again, files, "the same input and date give the same pack");
}

#[test]
fn the_real_content_with_a_major_change_made_by_release_has_its_pack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_real_site(&root);
    clearnotice::workflow::release::release(
        &root,
        &clearnotice::workflow::release::Release {
            slug: "general",
            change: clearnotice::model::Change::Major,
            summary: Some("We now share your support plan with your GP."),
            effective: clearnotice::model::Date::new(2026, 12, 15).unwrap(),
        },
    )
    .unwrap();
    let out = dir.path().join("pack");
    announce(&Announce {
        root: root.clone(),
        slug: "general".into(),
        version: None,
        output_dir: Some(out.clone()),
        today: Some(test_day()),
    })
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let email = std::fs::read_to_string(out.join("email.txt")).unwrap();
    assert!(
        email.contains("The new version is version 2.0. It takes effect on 15 December 2026."),
        "{email}"
    );
    assert!(
        email.contains("psspeople.com/privacy/general/2.0/compare/"),
        "{email}"
    );
    assert!(email.contains("Phone: 0151 702 5524"), "{email}");
    // No easy_read_summary in the released version: no easy-read letter.
    assert!(!out.join("letter-easy-read.html").exists());
    assert!(out.join("letter-large-print.pdf").is_file());
}

#[test]
fn a_minor_change_or_the_first_publication_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let problems = pack(Some("2.1"), &dir.path().join("pack")).unwrap_err();
    let message = problems[0].to_string();
    assert!(
        message.starts_with("content/changing-notice/2.1.md:"),
        "{message}"
    );
    assert!(message.contains("minor change"), "{message}");
    let problems = pack(Some("1.0"), &dir.path().join("pack")).unwrap_err();
    assert!(problems[0].to_string().contains("first publication"));
    let problems = pack(Some("9.0"), &dir.path().join("pack")).unwrap_err();
    assert!(problems[0].to_string().contains("has no version 9.0"));
    assert!(
        !dir.path().join("pack").exists(),
        "nothing written on a refusal"
    );
}
