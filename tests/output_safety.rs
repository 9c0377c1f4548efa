//! The output folder: a failed build leaves it byte for byte as it was, and clearnotice
//! never replaces a folder it did not make.

mod common;

use std::fs;

use clearnotice::build;
use common::*;

const FRONT: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let dir = site(&[(
        "content/a/1.0.md",
        version_file(FRONT, "\n## About\n\nFirst text.\n"),
    )]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    let before = read_tree(&output);
    assert!(before.contains_key("a/index.html"));

    // Break the notice: the next build must fail and change nothing.
    fs::write(
        dir.path().join("content/a/1.0.md"),
        version_file(&format!("{FRONT}oops = 1\n"), "\nNew text.\n"),
    )
    .unwrap();
    assert!(build(&options(dir.path(), &output)).is_err());
    assert_eq!(read_tree(&output), before);

    // And a template error in a site override, likewise.
    fs::write(
        dir.path().join("content/a/1.0.md"),
        version_file(FRONT, "\nNew text.\n"),
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("themes/default/templates")).unwrap();
    fs::write(
        dir.path().join("themes/default/templates/notice.html"),
        "{% extends \"base.html\" %}{% block content %}{{ notice.nope }}{% endblock content %}",
    )
    .unwrap();
    let failure = build(&options(dir.path(), &output)).unwrap_err();
    let problem = failure.errors().next().unwrap().to_string();
    assert!(
        problem.starts_with("themes/default/templates/notice.html:1:"),
        "{problem}"
    );
    assert_eq!(read_tree(&output), before);
    // No staging folder is left behind; only the list of what the last good build
    // wrote, its build cache, and the cache of the handouts it made.
    let mut leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("clearnotice-"))
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        [
            ".public.clearnotice-cache",
            ".public.clearnotice-files",
            ".public.clearnotice-handouts"
        ]
    );
}

#[test]
fn a_good_build_replaces_the_previous_output_whole() {
    let dir = site(&[
        ("content/a/1.0.md", version_file(FRONT, "\nFirst.\n")),
        ("content/b/1.0.md", version_file(FRONT, "\nB.\n")),
    ]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    assert!(output.join("b/index.html").is_file());
    fs::remove_dir_all(dir.path().join("content/b")).unwrap();
    build(&options(dir.path(), &output)).unwrap();
    assert!(
        !output.join("b").exists(),
        "a removed notice's pages must go"
    );
    assert!(output.join("a/index.html").is_file());
}

#[test]
fn a_rebuild_replaces_a_file_where_a_folder_must_go_and_keeps_files_it_did_not_make() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nFirst.\n"))]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    let before = read_tree(&output);
    // Someone's hand edits: a page's folder turned into a file, a file nobody built
    // (a search engine's proof of ownership, say).
    fs::remove_dir_all(output.join("a/large-print")).unwrap();
    fs::write(output.join("a/large-print"), "not a folder").unwrap();
    fs::create_dir_all(output.join("theirs/deeper")).unwrap();
    fs::write(output.join("theirs/deeper/google1234.html"), "proof").unwrap();
    build(&options(dir.path(), &output)).unwrap();
    let mut expected = before;
    expected.insert("theirs/deeper/google1234.html".into(), b"proof".to_vec());
    assert_eq!(read_tree(&output), expected);
}

#[test]
fn without_its_list_of_files_a_rebuild_looks_through_the_output_for_old_ones() {
    let dir = site(&[
        ("content/a/1.0.md", version_file(FRONT, "\nFirst.\n")),
        ("content/b/1.0.md", version_file(FRONT, "\nB.\n")),
    ]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    // An output from before the list, or the list deleted: what the last build made
    // is not known, so every file in clearnotice's folder counts as its own.
    fs::remove_file(dir.path().join(".public.clearnotice-files")).unwrap();
    fs::remove_dir_all(dir.path().join("content/b")).unwrap();
    fs::create_dir_all(output.join("stray/deeper")).unwrap();
    fs::write(output.join("stray/deeper/old.html"), "old").unwrap();
    build(&options(dir.path(), &output)).unwrap();
    assert!(
        !output.join("b").exists(),
        "a removed notice's pages must go"
    );
    assert!(!output.join("stray").exists(), "emptied folders go too");
    assert!(output.join("a/index.html").is_file());
}

#[test]
fn a_file_changed_by_hand_is_put_right_even_at_the_same_size() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nFirst.\n"))]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    let page = output.join("a/index.html");
    let good = fs::read_to_string(&page).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let tampered = good.replace("First.", "Fir5t.");
    assert_eq!(tampered.len(), good.len());
    fs::write(&page, &tampered).unwrap();
    build(&options(dir.path(), &output)).unwrap();
    assert_eq!(fs::read_to_string(&page).unwrap(), good);
}

#[test]
fn refuses_output_folders_it_did_not_make() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nText.\n"))]);
    let mine = dir.path().join("my-documents");
    fs::create_dir_all(&mine).unwrap();
    fs::write(mine.join("precious.txt"), "keep me").unwrap();
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    for output in [
        mine.clone(),
        dir.path().to_path_buf(),
        dir.path().join("content"),
        "/".into(),
        home.into(),
        dir.path().join(".."),
    ] {
        let failure = build(&options(dir.path(), &output))
            .expect_err(&format!("{} must be refused", output.display()));
        let message = failure.errors().next().unwrap().message.clone();
        assert!(
            message.starts_with("will not write the site to"),
            "{message}"
        );
    }
    assert_eq!(
        fs::read_to_string(mine.join("precious.txt")).unwrap(),
        "keep me"
    );
    // An empty folder is fine, and becomes clearnotice's.
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    build(&options(dir.path(), &empty)).unwrap();
    assert!(empty.join(".clearnotice").is_file());
}

#[test]
fn front_matter_text_is_escaped_in_the_output() {
    let front = FRONT
        .replace(
            "title = \"A notice\"",
            "title = \"<script>alert('x')</script> & co\"",
        )
        .replace("service = \"A service\"", "service = \"<b>bold</b>\"");
    let dir = site(&[("content/a/1.0.md", version_file(&front, "\nText.\n"))]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    for page in ["a/index.html", "index.html"] {
        let html = fs::read_to_string(output.join(page)).unwrap();
        assert!(!html.contains("<script>"), "{page} has a raw script tag");
        assert!(
            !html.contains("<b>bold"),
            "{page} has raw markup from front-matter"
        );
        assert!(
            html.contains("&lt;script&gt;"),
            "{page} should show the text escaped"
        );
    }
}

#[test]
fn only_files_whose_bytes_changed_are_written_again() {
    let dir = site(&[
        ("content/a/1.0.md", version_file(FRONT, "\nFirst.\n")),
        ("content/b/1.0.md", version_file(FRONT, "\nB.\n")),
    ]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    let modified = |path: &str| fs::metadata(output.join(path)).unwrap().modified().unwrap();
    let (a_before, b_before) = (modified("a/index.html"), modified("b/index.html"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(
        dir.path().join("content/a/1.0.md"),
        version_file(FRONT, "\nChanged.\n"),
    )
    .unwrap();
    build(&options(dir.path(), &output)).unwrap();
    assert_ne!(
        modified("a/index.html"),
        a_before,
        "a changed, so it was written"
    );
    assert_eq!(
        modified("b/index.html"),
        b_before,
        "b did not change, so it kept its time"
    );
    assert!(fs::read_to_string(output.join("a/index.html"))
        .unwrap()
        .contains("Changed."));
}

/// A rebuild removes the listed files it no longer makes; a damaged or tampered list
/// must never make it remove a file outside the output.
#[test]
fn a_tampered_list_of_files_never_removes_anything_outside_the_output() {
    let dir = site(&[("content/a/1.0.md", version_file(FRONT, "\nFirst.\n"))]);
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap();
    let outside = dir.path().join("notes.txt");
    fs::write(&outside, "mine").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let absolute = elsewhere.path().join("precious.txt");
    fs::write(&absolute, "mine too").unwrap();
    let list = dir.path().join(".public.clearnotice-files");
    let mut text = fs::read_to_string(&list).unwrap();
    let hash = "0".repeat(32);
    text.push_str(&format!("{hash} 4 1 ../notes.txt\n"));
    text.push_str(&format!("{hash} 8 1 {}\n", absolute.display()));
    fs::write(&list, text).unwrap();
    build(&options(dir.path(), &output)).unwrap();
    assert_eq!(fs::read_to_string(&outside).unwrap(), "mine");
    assert_eq!(fs::read_to_string(&absolute).unwrap(), "mine too");
    assert!(output.join("a/index.html").is_file());
}
