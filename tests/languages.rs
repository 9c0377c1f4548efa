//! Notices in more than one language: translations beside their versions, a folder of
//! pages per language, the language switch, right-to-left pages, and the out-of-date
//! banner when a version's translation is not written yet.

mod common;

use common::*;

fn build_languages_fixture() -> (tempfile::TempDir, clearnotice::BuildReport) {
    let (out, result) = build_into_temp(&fixture("languages"));
    let report = result.unwrap_or_else(|failure| panic!("{:#?}", failure.problems));
    (out, report)
}

fn warnings(report: &clearnotice::BuildReport) -> Vec<String> {
    report.warnings.iter().map(|w| w.to_string()).collect()
}

#[test]
fn each_language_has_its_pages_index_feeds_sitemap_and_handouts() {
    let (out, _) = build_languages_fixture();
    let public = out.path().join("public");
    for file in [
        "cy/index.html",
        "cy/feed.xml",
        "cy/sitemap.xml",
        "cy/govuk-verify/index.html",
        "cy/govuk-verify/large-print/index.html",
        "cy/govuk-verify/changes/index.html",
        "cy/govuk-verify/feed.xml",
        "cy/govuk-verify/notice.json",
        "cy/govuk-verify/large-print/govuk-verify-large-print.pdf",
        "ar/index.html",
        "ar/test-notice/index.html",
        "ar/test-notice/large-print/test-notice-large-print.pdf",
    ] {
        assert!(public.join(file).is_file(), "{file} is missing");
    }
    // The Arabic 2.0 shows 1.0's Arabic text: comparing the two would show no change.
    assert!(!public.join("ar/test-notice/2.0/compare").exists());
    assert!(public.join("test-notice/2.0/compare/index.html").is_file());
    // A notice not translated has no pages in that language.
    assert!(!public.join("cy/test-notice").exists());
    assert!(!public.join("ar/govuk-verify").exists());
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://example.org/notices/cy/sitemap.xml"),
        "{robots}"
    );
    let sitemap = std::fs::read_to_string(public.join("cy/sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://example.org/notices/cy/govuk-verify/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn a_welsh_page_is_in_welsh_and_links_to_itself_in_every_language() {
    let (out, _) = build_languages_fixture();
    let public = out.path().join("public");
    let page = read_page(&public, "cy/govuk-verify/index.html");
    assert!(page.contains(r#"<html lang="cy">"#), "{page}");
    assert!(page.contains("<h1>Hysbysiad preifatrwydd</h1>"), "{page}");
    // Dates in Welsh; labels from the Welsh strings.
    assert!(page.contains("17 Hydref 2019"), "{page}");
    assert!(page.contains("<dt>Mewn grym o</dt>"), "{page}");
    // The switch names each language in itself; the English page is the same page.
    assert!(
        page.contains(r#"<a href="../../govuk-verify/" lang="en-GB" hreflang="en-GB">English</a>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<span lang="cy" aria-current="page">Cymraeg</span>"#),
        "{page}"
    );
    // Arabic has no text of this notice: its link goes to the Arabic home page.
    assert!(
        page.contains(r#"<a href="../../ar/" lang="ar" hreflang="ar">العربية</a>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<link rel="alternate" hreflang="en-GB" href="https://example.org/notices/govuk-verify/">"#),
        "{page}"
    );
    assert!(!page.contains(r#"hreflang="ar" href="#), "{page}");
    // The stylesheet is the site's, one folder up.
    assert!(page.contains(r#"href="../../assets/style.css""#), "{page}");

    let english = read_page(&public, "govuk-verify/index.html");
    assert!(
        english.contains(r#"<a href="../cy/govuk-verify/" lang="cy" hreflang="cy">Cymraeg</a>"#),
        "{english}"
    );
}

#[test]
fn the_welsh_index_lists_what_is_not_yet_in_welsh_as_english() {
    let (out, _) = build_languages_fixture();
    let index = read_page(&out.path().join("public"), "cy/index.html");
    assert!(
        index.contains("Dydy&#39;r hysbysiadau hyn ddim ar gael yn Gymraeg eto:"),
        "{index}"
    );
    // The site's title in Welsh, from site.toml's [titles].
    assert!(
        index.contains("<h1>Hysbysiadau prawf mewn tair iaith</h1>"),
        "{index}"
    );
    assert!(
        index.contains(r#"<a href="./../test-notice/" lang="en-GB" hreflang="en-GB">How we use your information at the day centre</a>"#),
        "{index}"
    );
}

#[test]
fn a_right_to_left_page_says_so() {
    let (out, _) = build_languages_fixture();
    let page = read_page(&out.path().join("public"), "ar/test-notice/1.0/index.html");
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#), "{page}");
    assert!(
        page.contains("كيف نستخدم معلوماتك في المركز النهاري"),
        "{page}"
    );
}

#[test]
fn a_missing_translation_of_the_current_version_shows_the_older_one_marked_out_of_date() {
    let (out, report) = build_languages_fixture();
    // The Arabic 2.0 is not written: Arabic readers see 1.0's Arabic text, marked.
    let page = read_page(&out.path().join("public"), "ar/test-notice/index.html");
    assert!(
        page.contains(r#"class="banner banner--out-of-date""#),
        "{page}"
    );
    assert!(page.contains("إنه النص العربي للإصدار 1.0"), "{page}");
    assert!(page.contains("نحتفظ باسمك وعنوانك واسم طبيبك."), "{page}");
    assert!(
        page.contains(r#"<a href="../../test-notice/" hreflang="en-GB">"#),
        "{page}"
    );
    let found = warnings(&report);
    assert!(
        found
            .iter()
            .any(|w| w.contains("content/test-notice/2.0.md")
                && w.contains("(ar) text of test-notice 2.0 is missing")
                && w.contains("see version 1.0's")),
        "{found:#?}"
    );
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("public/ar/test-notice/notice.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(data["language"], "ar");
    assert_eq!(data["versions"][1]["text_of_version"], "1.0");
    assert!(data["versions"][0].get("text_of_version").is_none());
    // Its own 1.0 page is not out of date.
    let old = read_page(&out.path().join("public"), "ar/test-notice/1.0/index.html");
    assert!(!old.contains("banner--out-of-date"), "{old}");
    // No comparison is made with a text that is not 2.0's, so neither the changelog nor
    // the feeds link to one (lychee found the feeds did).
    assert!(!out
        .path()
        .join("public/ar/test-notice/2.0/compare")
        .exists());
    for feed in ["ar/feed.xml", "ar/test-notice/feed.xml"] {
        let text = std::fs::read_to_string(out.path().join("public").join(feed)).unwrap();
        assert!(text.contains("/ar/test-notice/2.0/"), "{feed}: {text}");
        assert!(!text.contains("/compare/"), "{feed}: {text}");
    }
}

const SITE: &str = "title = \"Test notices\"\nbase_url = \"https://example.org/\"\nlanguages = [\"en-GB\", \"cy\"]\norganisation = \"Test Org\"\n\n[contact]\nemail = \"data@example.org\"\n";
const FIRST: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";
const SECOND: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"2.0\"\neffective = 2026-04-01\nchange = \"major\"\nsummary = \"We share more.\"\nannounced = 2026-03-01\n";

fn welsh(front_matter: &str) -> String {
    version_file(
        &format!("title = \"Hysbysiad\"\nservice = \"Gwasanaeth\"\n{front_matter}"),
        "\n## Amdanom ni\n\nY testun Cymraeg cyntaf.\n",
    )
}

fn build(
    files: &[(&str, String)],
) -> (
    tempfile::TempDir,
    Result<clearnotice::BuildReport, clearnotice::BuildFailure>,
) {
    let dir = site(files);
    let output = dir.path().join("public");
    let result = clearnotice::build(&options(dir.path(), &output));
    (dir, result)
}

fn errors(result: Result<clearnotice::BuildReport, clearnotice::BuildFailure>) -> Vec<String> {
    match result {
        Ok(_) => panic!("the build should have failed"),
        Err(failure) => failure.errors().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn the_welsh_page_of_a_version_without_welsh_shows_the_previous_welsh_text_marked() {
    let (dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        (
            "content/a/1.0.md",
            version_file(FIRST, "\n## About\n\nThe first text.\n"),
        ),
        ("content/a/1.0.cy.md", welsh("")),
        (
            "content/a/2.0.md",
            version_file(SECOND, "\n## About\n\nThe second text.\n"),
        ),
    ]);
    let report = result.unwrap();
    let page = read_page(&dir.path().join("public"), "cy/a/index.html");
    assert!(
        page.contains(r#"class="banner banner--out-of-date""#),
        "{page}"
    );
    assert!(
        page.contains("Mae'r testun hwn wedi dyddio. Dyma destun Cymraeg fersiwn 1.0. Mae fersiwn 2.0 mewn grym nawr"),
        "{page}"
    );
    assert!(page.contains("Y testun Cymraeg cyntaf."), "{page}");
    assert!(
        !page.contains("The second text."),
        "never silently English: {page}"
    );
    assert!(
        page.contains(r#"hreflang="en-GB">Darllen fersiwn 2.0 yn English</a>"#),
        "{page}"
    );
    let found = warnings(&report);
    assert!(
        found.iter().any(|w| w.contains("the Cymraeg (cy) text of a 2.0 is missing: Cymraeg readers see version 1.0's Cymraeg text, marked as out of date")),
        "{found:#?}"
    );

    // Translated, the banner and the warning go.
    std::fs::write(dir.path().join("content/a/2.0.cy.md"), welsh("")).unwrap();
    let report = clearnotice::build(&options(dir.path(), &dir.path().join("public"))).unwrap();
    let page = read_page(&dir.path().join("public"), "cy/a/index.html");
    assert!(!page.contains("banner--out-of-date"), "{page}");
    assert!(!warnings(&report).iter().any(|w| w.contains("is missing")));
    // Now both have Welsh text, the Welsh comparison is made, in Welsh words.
    let compare = read_page(&dir.path().join("public"), "cy/a/2.0/compare/index.html");
    assert!(
        compare.contains("Mae&#39;r geiriau yr un fath yn y ddwy fersiwn."),
        "{compare}"
    );
    assert!(
        compare.contains("<summary>Dangos y testun sydd heb newid</summary>"),
        "{compare}"
    );
}

#[test]
fn a_translation_that_disagrees_with_its_version_is_an_error_at_its_line() {
    let (_dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        ("content/a/1.0.cy.md", welsh("effective = 2025-02-01\n")),
    ]);
    let found = errors(result);
    assert!(
        found.iter().any(|e| e.contains("content/a/1.0.cy.md:4")
            && e.contains("this translation's `effective` disagrees with 1.0.md")),
        "{found:#?}"
    );
}

#[test]
fn a_translation_without_its_version_or_in_a_language_not_listed_is_an_error() {
    let (_dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        ("content/a/2.0.cy.md", welsh("")),
    ]);
    let found = errors(result);
    assert!(
        found
            .iter()
            .any(|e| e.contains("content/a/2.0.cy.md") && e.contains("there is no 2.0.md")),
        "{found:#?}"
    );

    let (_dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        ("content/a/1.0.pl.md", welsh("")),
    ]);
    let found = errors(result);
    assert!(
        found
            .iter()
            .any(|e| e.contains("content/a/1.0.pl.md")
                && e.contains("the site is not published in pl")),
        "{found:#?}"
    );

    let (_dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        ("content/a/1.0.en-GB.md", welsh("")),
    ]);
    let found = errors(result);
    assert!(
        found
            .iter()
            .any(|e| e.contains("content/a/1.0.en-GB.md") && e.contains("the site's own language")),
        "{found:#?}"
    );
}

#[test]
fn a_site_changes_a_few_strings_and_a_language_of_its_own_needs_them_all() {
    // A site's strings file holds only what it changes; the theme's give the rest.
    let (dir, result) = build(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        ("content/a/1.0.cy.md", welsh("")),
        (
            "themes/default/strings/cy.ftl",
            "last_updated = Wedi'i ddiweddaru ddiwethaf\n".to_string(),
        ),
    ]);
    result.unwrap();
    let page = read_page(&dir.path().join("public"), "cy/a/index.html");
    assert!(
        page.contains("<dt>Wedi&#39;i ddiweddaru ddiwethaf</dt>"),
        "{page}"
    );
    assert!(page.contains("<dt>Mewn grym o</dt>"), "{page}");

    // A language the theme has no strings for needs every key, named when missing.
    let theme_english =
        std::fs::read_to_string(repo_root().join("themes/default/strings/en-GB.ftl")).unwrap();
    let (_dir, result) = build(&[
        ("site.toml", SITE.replace("\"cy\"]", "\"pl\"]")),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
        (
            "themes/default/strings/pl.ftl",
            theme_english.replace("\nlast_updated = Last updated", ""),
        ),
    ]);
    let found = errors(result);
    assert!(
        found
            .iter()
            .any(|e| e.contains("themes/default/strings/pl.ftl")
                && e.contains("the pl strings have no `last_updated`")),
        "{found:#?}"
    );

    // A language the theme has no strings for, and the site gives none.
    let (_dir, result) = build(&[
        ("site.toml", SITE.replace("\"cy\"]", "\"pl\"]")),
        ("content/a/1.0.md", version_file(FIRST, "\nText.\n")),
    ]);
    let found = errors(result);
    assert!(
        found
            .iter()
            .any(|e| e.contains("there are no strings for the language pl")),
        "{found:#?}"
    );
}

#[test]
fn a_site_in_one_language_has_no_language_switch() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap();
    let page = read_page(&out.path().join("public"), "index.html");
    assert!(!page.contains("language-switch"), "{page}");
    assert!(!page.contains("hreflang"), "{page}");
}

#[test]
fn check_says_what_it_checks_in_each_language() {
    // A copy: check keeps its handouts in a cache beside the output.
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("languages"), site.path());
    let output = clearnotice(&["check", "--date", "2026-11-24"], site.path());
    let text = String::from_utf8_lossy(&output.stdout);
    // The checklist's words are English: the Welsh text is not checked, not "missing".
    assert!(
        text.contains("not checked     cy                    content/govuk-verify/1.0.cy.md"),
        "{text}"
    );
    assert!(
        text.contains("In cy: the easy-read rules check pictures"),
        "{text}"
    );
    assert!(!text.contains("In en-GB:"), "{text}");
}
