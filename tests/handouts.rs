//! The PDF handouts of the real content: made, linked, listed, cached and the same
//! bytes every time. (Their accessibility is checked as a reader meets it, by
//! `tests/handouts/run` in `.ci/run`.)

mod common;

use clearnotice::build;
use common::*;

#[test]
fn real_notices_have_both_handouts_linked_listed_and_cached() {
    let (out, result) = build_into_temp(&repo_root());
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let files = read_tree(&out.path().join("public"));
    let text = |path: &str| String::from_utf8(files[path].clone()).unwrap();
    for slug in ["general", "wellbeing-centres"] {
        for form in ["easy-read", "large-print"] {
            let current = format!("{slug}/{form}/{slug}-{form}.pdf");
            let own = format!("{slug}/1.0/{form}/{slug}-1.0-{form}.pdf");
            let pdf = &files[&current];
            assert!(pdf.starts_with(b"%PDF-"), "{current}");
            assert_eq!(pdf, &files[&own], "the current version's two copies differ");
            // The form's page links it, with format, pages and size.
            let page = text(&format!("{slug}/{form}/index.html"));
            let link = format!("{slug}-{form}.pdf");
            assert!(page.contains(&link), "{slug}/{form}/ does not link {link}");
            let kind = if form == "easy-read" {
                "easy-read leaflet"
            } else {
                "large-print handout"
            };
            assert!(
                page.contains(&format!("Download the {kind} (PDF, ")) && page.contains(" pages, "),
                "{slug}/{form}/: no link text with pages and size"
            );
            assert!(
                text("index.html").contains(&link),
                "the index does not link {link}"
            );
        }
        let data: serde_json::Value =
            serde_json::from_str(&text(&format!("{slug}/notice.json"))).unwrap();
        let downloads = data["versions"][0]["handouts"].as_array().unwrap();
        let handouts: Vec<_> = downloads.iter().filter(|h| h["format"] == "pdf").collect();
        assert_eq!(handouts.len(), 2, "{slug}: {handouts:?}");
        assert!(handouts.iter().all(|h| h["pages"].as_u64().unwrap() > 1));
    }

    // Built again with nothing changed: every PDF comes from the cache, byte for byte.
    let cache = out.path().join(".public.clearnotice-handouts");
    let cached: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
    // Two PDFs and two braille files (BRF and PEF) a notice.
    assert_eq!(cached.len(), 8, "one cache file per distinct handout");
    let before = read_tree(&cache);
    build(&options(&repo_root(), &out.path().join("public"))).unwrap();
    assert_eq!(read_tree(&cache), before);
    let again = read_tree(&out.path().join("public"));
    assert_eq!(again, files);

    // Made afresh without the cache, a handout has the same bytes.
    std::fs::remove_dir_all(&cache).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    build(&options(&repo_root(), &fresh.path().join("public"))).unwrap();
    let remade = read_tree(&fresh.path().join("public"));
    assert_eq!(
        remade["general/easy-read/general-easy-read.pdf"],
        files["general/easy-read/general-easy-read.pdf"]
    );
}

#[test]
fn a_notice_cannot_run_code_in_the_layout() {
    let dir = tempfile::tempdir().unwrap();
    copy_real_site(dir.path());
    let file = dir.path().join("content/general/1.0.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let hostile = "\n## #panic(\"ran\") $x^2$ #set page(width: 1cm)\n\nA price of $5 and #read(\"/etc/passwd\").\n";
    std::fs::write(&file, format!("{text}{hostile}")).unwrap();
    let output = dir.path().join("public");
    build(&options(dir.path(), &output)).unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let pdf = std::fs::read(output.join("general/large-print/general-large-print.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}
