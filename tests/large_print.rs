//! Large print: the same text as the standard page, set for people with low vision.

mod common;

use common::*;

#[test]
fn both_real_notices_have_large_print_pages_linked_both_ways() {
    let (out, result) = build_into_temp(&repo_root());
    result.unwrap();
    let public = out.path().join("public");
    for slug in ["general", "wellbeing-centres"] {
        let standard = read_page(&public, &format!("{slug}/index.html"));
        let large = read_page(&public, &format!("{slug}/large-print/index.html"));
        assert!(
            standard.contains(
                r#"<a href="../general/large-print/" rel="alternate">Large print</a>"#
                    .replace("general", slug)
                    .as_str()
            ),
            "{standard}"
        );
        assert!(
            large.contains(&format!(
                r#"<a href="../../{slug}/" rel="alternate">Standard</a>"#
            )),
            "{large}"
        );
        assert!(large.contains(r#"<span aria-current="page">Large print (this page)</span>"#));
        assert!(large.contains(r#"<link rel="stylesheet" href="../../assets/large-print.css">"#));
        assert!(large.contains(r#"data-large-print-pt="18""#));
        // Same text as the standard page: the first section heading of each is there.
        assert!(large.contains("1. How we collect personal information about you"));
        // The running header of the printed handout carries the title.
        assert!(large.contains("@page { @top-left { content: \""), "{large}");
    }
}

#[test]
fn the_large_print_size_comes_from_site_toml() {
    let notice = version_file("title = \"A\"\nservice = \"S\"\ncontroller = \"C\"\nversion = \"1.0\"\neffective = 2025-01-01\n", "\nText.\n");
    let dir = site(&[
        (
            "site.toml",
            format!("{SITE_TOML}\n[large_print]\nsize_pt = 20\n"),
        ),
        ("content/a/1.0.md", notice.clone()),
    ]);
    let (out, result) = build_into_temp(dir.path());
    result.unwrap();
    let css = std::fs::read_to_string(out.path().join("public/assets/large-print.css")).unwrap();
    assert!(
        css.starts_with(":root{--large-print-size:20pt}"),
        "{}",
        &css[..80]
    );
    assert!(
        read_page(&out.path().join("public"), "a/large-print/index.html")
            .contains(r#"data-large-print-pt="20""#)
    );

    for (size, why) in [(14, "below 16 pt is not large print"), (30, "above 24 pt")] {
        let dir = site(&[
            (
                "site.toml",
                format!("{SITE_TOML}\n[large_print]\nsize_pt = {size}\n"),
            ),
            ("content/a/1.0.md", notice.clone()),
        ]);
        let (_out, result) = build_into_temp(dir.path());
        let failure = result.unwrap_err();
        let problem = failure.errors().next().unwrap().to_string();
        assert!(
            problem.starts_with("site.toml:9:1: CN0106 large-print size"),
            "{problem}"
        );
        assert!(problem.contains(why), "{problem}");
    }
}
