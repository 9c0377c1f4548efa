//! Easy read: a picture beside every point, short sentences, checked at every build.

mod common;

use common::*;

const FRONT: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

fn notice() -> String {
    version_file(FRONT, "\n## About\n\nText.\n")
}

#[test]
fn both_real_notices_have_easy_read_pages_that_pass_strict() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut opts = options(&repo_root(), &public);
    opts.strict = true;
    let report = clearnotice::build(&opts).unwrap_or_else(|f| panic!("{:#?}", f.problems));
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    for slug in ["general", "wellbeing-centres"] {
        let page = read_page(&public, &format!("{slug}/easy-read/index.html"));
        assert!(
            page.contains(
                r#"<div class="point"><div class="point__picture"><img src="../../assets/pictures/"#
            ),
            "{page}"
        );
        assert!(page.contains(r#"<span aria-current="page">Easy read (this page)</span>"#));
        assert!(page.contains(&format!(
            r#"<a href="../../{slug}/large-print/" rel="alternate">Large print</a>"#
        )));
        let standard = read_page(&public, &format!("{slug}/index.html"));
        assert!(
            standard.contains(&format!(
                r#"<a href="../{slug}/easy-read/" rel="alternate">Easy read</a>"#
            )),
            "{standard}"
        );
        let large = read_page(&public, &format!("{slug}/large-print/index.html"));
        assert!(large.contains(&format!(
            r#"<a href="../../{slug}/easy-read/" rel="alternate">Easy read</a>"#
        )));
    }
    assert!(public.join("assets/pictures/phone.svg").is_file());
    assert!(public.join("assets/easy-read.css").is_file());
}

#[test]
fn each_easy_read_rule_fires_with_file_and_line() {
    let easy = "## About\n\nA point with no picture.\n\n![A phone](picture:phone) This sentence goes on and on with far too many words for anyone to follow easily.\n\n![A phone](picture:phone) This is *really* important.\n\n![A phone](picture:phone) Call the HELPLINE now.\n\n![A phone](picture:phone) We keep it for three years.\n\n![A phone](picture:phone) The NHS and PSS are fine.\n";
    let dir = site(&[
        ("content/a/1.0.md", notice()),
        ("content/a/1.0.easy-read.md", easy.to_string()),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let report = result
        .unwrap_or_else(|f| panic!("warnings must not stop a normal build: {:#?}", f.problems));
    let found: Vec<String> = report.warnings.iter().map(|p| p.to_string()).collect();
    for expected in [
        "content/a/1.0.easy-read.md:3:1: CN0501 this point has no picture",
        "content/a/1.0.easy-read.md:5:1: CN0504 a sentence of 16 words",
        "content/a/1.0.easy-read.md:7:35: CN0503 italics are hard to read",
        "content/a/1.0.easy-read.md:9:1: CN0505 \"HELPLINE\" is in capitals",
        "content/a/1.0.easy-read.md:11:1: CN0506 the number \"three\" is written as a word",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(expected)),
            "missing {expected:?} in {found:#?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|f| f.contains("\"NHS\"") || f.contains("\"PSS\"")),
        "known acronyms are fine: {found:#?}"
    );
    assert_eq!(found.len(), 5, "{found:#?}");

    // With --strict the same findings stop the build.
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(dir.path(), &out.path().join("public"));
    opts.strict = true;
    let failure = clearnotice::build(&opts).unwrap_err();
    assert_eq!(failure.errors().count(), 5);
}

#[test]
fn a_missing_picture_or_description_is_an_error_naming_the_line() {
    let easy = "## About\n\n![A phone](picture:phone) Fine.\n\n![A unicorn](picture:unicorn) Not in the set.\n\n![](picture:phone) No description.\n\n![A map](map.png) Not beside the notice.\n";
    let dir = site(&[
        ("content/a/1.0.md", notice()),
        ("content/a/1.0.easy-read.md", easy.to_string()),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let failure = result.unwrap_err();
    let errors: Vec<String> = failure.errors().map(|p| p.to_string()).collect();
    assert_eq!(
        errors,
        [
            "content/a/1.0.easy-read.md:5:1: CN0508 there is no picture named \"unicorn\"",
            "content/a/1.0.easy-read.md:7:1: CN0507 this picture has no description",
            "content/a/1.0.easy-read.md:9:1: CN0508 the picture file \"map.png\" is not in content/a",
        ]
    );
    assert!(
        failure
            .errors()
            .next()
            .unwrap()
            .help
            .as_deref()
            .unwrap()
            .contains("phone"),
        "the hint lists the pictures there are"
    );
}

#[test]
fn pictures_are_looked_up_in_the_site_first_then_the_theme_and_beside_the_notice() {
    let easy = "![A phone](picture:phone) Ours.\n\n![A letter](picture:letter) The theme's.\n\n![Our building](building.svg) Beside the notice.\n";
    let dir = site(&[
        ("content/a/1.0.md", notice()),
        ("content/a/1.0.easy-read.md", easy.to_string()),
        (
            "content/a/building.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_string(),
        ),
        (
            "pictures/phone.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>our phone</title></svg>".to_string(),
        ),
    ]);
    let (out, result) = build_into_temp(dir.path());
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let public = out.path().join("public");
    assert!(
        std::fs::read_to_string(public.join("assets/pictures/phone.svg"))
            .unwrap()
            .contains("our phone"),
        "the site's picture wins"
    );
    assert!(
        std::fs::read_to_string(public.join("assets/pictures/letter.svg"))
            .unwrap()
            .contains("<svg"),
        "the theme's picture is used"
    );
    assert!(public.join("a/files/building.svg").is_file());
    let page = read_page(&public, "a/easy-read/index.html");
    assert!(
        page.contains(r#"<img src="../../a/files/building.svg" alt="Our building""#),
        "{page}"
    );
}

#[test]
fn an_easy_read_file_needs_its_version_and_a_missing_one_is_said_plainly() {
    let dir = site(&[
        ("content/a/1.0.md", notice()),
        (
            "content/a/1.1.easy-read.md",
            "![A phone](picture:phone) Hi.\n".to_string(),
        ),
    ]);
    let (_out, result) = build_into_temp(dir.path());
    let problem = result.unwrap_err().errors().next().unwrap().to_string();
    assert_eq!(problem, "content/a/1.1.easy-read.md: CN0208 this is the easy-read text of version 1.1, but there is no 1.1.md");

    let dir = site(&[("content/a/1.0.md", notice())]);
    let (out, result) = build_into_temp(dir.path());
    let report = result.unwrap();
    assert!(
        report.warnings.iter().any(|w| w.to_string()
            == "content/a/1.0.easy-read.md: CN0509 the current version of a has no easy-read text yet"),
        "{:#?}",
        report.warnings
    );
    let page = read_page(&out.path().join("public"), "a/index.html");
    assert!(
        page.contains("Easy read: there is no easy-read version yet"),
        "{page}"
    );
    assert!(!out.path().join("public/a/easy-read").exists());
}

#[test]
fn the_theme_ships_at_least_40_pictures() {
    let names: Vec<_> = std::fs::read_dir(repo_root().join("themes/default/pictures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(names.len() >= 40, "{names:?}");
    for name in [
        "person", "phone", "lock", "doctor", "complain", "rights", "ask", "write",
    ] {
        assert!(names.contains(&format!("{name}.svg")), "{name}");
    }
}
