//! The history fixture site: several versions, minor and major changes, joint controllers.

mod common;

use common::*;

#[test]
fn the_newest_version_in_effect_is_current_and_a_minor_change_does_not_move_last_updated() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let html = read_page(&out.path().join("public"), "changing-notice/index.html");
    assert!(
        html.contains("<dt>Version</dt><dd>2.1</dd>"),
        "2.1 is current on the test day"
    );
    assert!(html.contains("We share your care plan with your GP, so they know"));
    assert!(
        html.contains(
            r#"<dt>Last updated</dt><dd><time datetime="2025-03-01">1 March 2025</time>"#
        ),
        "{html}"
    );
}

#[test]
fn before_a_major_change_takes_effect_the_minor_one_is_current_and_announces_it() {
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(&fixture("history"), &out.path().join("public"));
    opts.today = Some(clearnotice::model::Date::new(2024, 7, 1).unwrap());
    clearnotice::build(&opts).unwrap();
    let html = read_page(&out.path().join("public"), "changing-notice/index.html");
    assert!(html.contains("<dt>Version</dt><dd>1.1</dd>"), "{html}");
    assert!(
        !html.contains("so they know how we support you"),
        "2.0's text is not current yet"
    );
    // 1.1 was a minor change: "last updated" stays at the first publication.
    assert!(
        html.contains(
            r#"<dt>Last updated</dt><dd><time datetime="2024-01-15">15 January 2024</time>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"This notice changes on <time datetime="2025-03-01">1 March 2025</time>.</strong> What is changing: We now share your care plan with your GP."#), "{html}");
}

#[test]
fn every_version_has_its_own_address_and_old_ones_say_so() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap();
    let public = out.path().join("public");
    for version in ["1.0", "1.1", "2.0", "2.1", "3.0"] {
        for variant in ["", "large-print/"] {
            assert!(
                public
                    .join(format!("changing-notice/{version}/{variant}index.html"))
                    .is_file(),
                "{version} {variant}"
            );
        }
    }
    let old = read_page(&public, "changing-notice/1.0/index.html");
    assert!(old.contains(r#"<strong>This is version 1.0</strong>, in effect from <time datetime="2024-01-15">15 January 2024</time> until <time datetime="2024-05-31">31 May 2024</time>."#), "{old}");
    assert!(
        old.contains(r#"<a href="../../changing-notice/">Read the current version</a>"#),
        "{old}"
    );
    assert!(
        old.contains(r#"<link rel="canonical" href="https://example.org/changing-notice/">"#),
        "{old}"
    );
}

#[test]
fn joint_controllers_are_all_named() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap();
    let html = read_page(&out.path().join("public"), "joint-service/index.html");
    assert!(
        html.contains("<dt>Joint controllers</dt><dd>Example Care, The Ministry of Justice</dd>"),
        "{html}"
    );
    assert!(html.contains("<table>"), "Markdown tables are rendered");
}

fn build_on(day: (i16, i8, i8)) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut opts = options(&fixture("history"), &public);
    opts.today = Some(clearnotice::model::Date::new(day.0, day.1, day.2).unwrap());
    clearnotice::build(&opts).unwrap_or_else(|f| panic!("{:#?}", f.problems));
    (out, public)
}

#[test]
fn an_upcoming_version_becomes_current_on_its_date() {
    let (_out, public) = build_on((2027, 3, 31));
    let before = read_page(&public, "changing-notice/index.html");
    assert!(before.contains("<dt>Version</dt><dd>2.1</dd>"));
    assert!(before.contains(r#"This notice changes on <time datetime="2027-04-01">1 April 2027</time>.</strong> What is changing: We will keep your records for 8 years instead of 6."#), "{before}");
    let upcoming = read_page(&public, "changing-notice/3.0/index.html");
    assert!(upcoming.contains("It takes effect on <time datetime=\"2027-04-01\">1 April 2027</time>; until then the current version applies."), "{upcoming}");

    let (_out, public) = build_on((2027, 4, 1));
    let after = read_page(&public, "changing-notice/index.html");
    assert!(after.contains("<dt>Version</dt><dd>3.0</dd>"));
    assert!(after
        .contains(r#"<dt>Last updated</dt><dd><time datetime="2027-04-01">1 April 2027</time>"#));
    assert!(!after.contains("This notice changes on"));
    let old = read_page(&public, "changing-notice/2.1/index.html");
    assert!(
        old.contains(
            "until <time datetime=\"2027-03-31\">31 March 2027</time>. It has been replaced."
        ),
        "{old}"
    );
}

#[test]
fn the_current_version_address_leads_to_the_current_page_in_each_variant() {
    let (_out, public) = build_on((2026, 11, 24));
    for (variant, depth) in [("", "../../"), ("easy-read/", "../../../")] {
        let html = read_page(&public, &format!("changing-notice/2.1/{variant}index.html"));
        let target = format!("{depth}changing-notice/{variant}");
        assert!(
            html.contains(&format!(
                r#"<meta http-equiv="refresh" content="0; url={target}">"#
            )),
            "{html}"
        );
        assert!(html.contains(&format!(r#"<a href="{target}">Read version 2.1</a>"#)));
        assert!(html.contains(&format!(
            r#"<link rel="canonical" href="https://example.org/changing-notice/{variant}">"#
        )));
        assert!(
            !html.contains("notice__body"),
            "the text is not written twice"
        );
    }
    // An old version is a page of its own.
    let old = read_page(&public, "changing-notice/2.0/index.html");
    assert!(
        !old.contains("http-equiv"),
        "old versions are pages of their own"
    );
    assert!(old.contains("notice__body"));
}

#[test]
fn the_changelog_keeps_major_and_minor_changes_apart() {
    let (_out, public) = build_on((2026, 11, 24));
    let html = read_page(&public, "changing-notice/changes/index.html");
    let major = html.find(r#"<h2 id="major">"#).unwrap();
    let minor = html.find(r#"<h2 id="minor">"#).unwrap();
    let (major_list, minor_list) = (&html[major..minor], &html[minor..]);
    for v in ["3.0", "2.0", "1.0"] {
        assert!(major_list.contains(&format!("Version {v}")), "{v} is major");
        assert!(
            !minor_list.contains(&format!("Version {v}<")),
            "{v} is not minor"
        );
    }
    for v in ["2.1", "1.1"] {
        assert!(minor_list.contains(&format!("Version {v}")), "{v} is minor");
        assert!(
            !major_list.contains(&format!("Version {v}")),
            "{v} is not major"
        );
    }
    assert!(major_list.contains(
        r#"Version 3.0 (takes effect on <time datetime="2027-04-01">1 April 2027</time>)"#
    ));
    assert!(
        major_list.contains(
            r#"<a href="../../changing-notice/2.0/compare/">What changed in version 2.0</a>"#
        ),
        "{major_list}"
    );
    assert!(minor_list.contains("Fixed a spelling mistake."));
}

#[test]
fn a_comparison_marks_exactly_the_words_that_changed() {
    let (_out, public) = build_on((2026, 11, 24));
    let html = read_page(&public, "changing-notice/3.0/compare/index.html");
    assert!(html.contains("8 words added and 1 word removed."), "{html}");
    // Only the words that changed: "ends" and the full stop stay as they were.
    assert!(html.contains(r#"We keep your records for <del><span class="visually-hidden">Removed: </span>6</del><ins><span class="visually-hidden">Added: </span>8</ins> years after your support ends<ins><span class="visually-hidden">Added: </span>, because the law for care records changed</ins>."#), "{html}");
    assert!(html.contains("No changes in this section."));

    let added = read_page(&public, "changing-notice/2.0/compare/index.html");
    assert!(added.contains(r#"<h2 id="section-2">Who we share it with</h2><p class="compare-section__state">This section is new.</p>"#), "{added}");
}

#[test]
fn feeds_are_atom_with_major_changes_only() {
    let (_out, public) = build_on((2026, 11, 24));
    for path in ["changing-notice/feed.xml", "feed.xml"] {
        let xml = std::fs::read_to_string(public.join(path)).unwrap();
        let doc =
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{path} is not XML: {e}"));
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed");
        assert_eq!(
            feed.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        for required in ["id", "title", "updated", "author"] {
            assert!(
                feed.children().any(|n| n.tag_name().name() == required),
                "{path} lacks {required}"
            );
        }
        let ids: Vec<&str> = feed
            .children()
            .filter(|n| n.tag_name().name() == "entry")
            .map(|e| {
                e.children()
                    .find(|n| n.tag_name().name() == "id")
                    .unwrap()
                    .text()
                    .unwrap()
            })
            .filter(|id| id.contains("changing-notice"))
            .collect();
        assert_eq!(
            ids,
            [
                "https://example.org/changing-notice/3.0/",
                "https://example.org/changing-notice/2.0/",
                "https://example.org/changing-notice/1.0/"
            ],
            "{path}"
        );
    }
}

#[test]
fn notice_json_round_trips_through_serde() {
    let (_out, public) = build_on((2026, 11, 24));
    let text = std::fs::read_to_string(public.join("changing-notice/notice.json")).unwrap();
    let data: clearnotice::render::data::NoticeData = serde_json::from_str(&text).unwrap();
    assert_eq!(data.current_version.as_deref(), Some("2.1"));
    let versions: Vec<(&str, &str)> = data
        .versions
        .iter()
        .map(|v| (v.version.as_str(), v.status.as_str()))
        .collect();
    assert_eq!(
        versions,
        [
            ("1.0", "old"),
            ("1.1", "old"),
            ("2.0", "old"),
            ("2.1", "current"),
            ("3.0", "upcoming")
        ]
    );
    assert!(data.versions[4].markdown.contains("8 years"));
    assert!(data.versions[4]
        .html
        .contains("<h2 id=\"how-long-we-keep-it\">"));
    let again = serde_json::to_string_pretty(&data).unwrap();
    assert_eq!(again.trim_end(), text.trim_end());
}

#[test]
fn the_same_input_and_day_give_byte_identical_output() {
    let (_a, first) = build_on((2026, 11, 24));
    let (_b, second) = build_on((2026, 11, 24));
    assert_eq!(read_tree(&first), read_tree(&second));
}

#[test]
fn sitemap_robots_and_404() {
    let (_out, public) = build_on((2026, 11, 24));
    let xml = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .map(|n| n.text().unwrap())
        .collect();
    assert!(locs.contains(&"https://example.org/changing-notice/large-print/"));
    assert!(
        !locs.iter().any(|l| l.contains("/2.0/")),
        "only current pages: {locs:?}"
    );
    assert!(xml
        .contains("<loc>https://example.org/changing-notice/</loc><lastmod>2025-09-01</lastmod>"));
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/sitemap.xml"));
    let not_found = read_page(&public, "404.html");
    assert!(
        not_found.contains(r#"<a href="/changing-notice/">How we use your information</a>"#),
        "{not_found}"
    );
}

#[test]
fn the_build_date_comes_from_the_command_line_or_source_date_epoch() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_clearnotice"))
        .args([
            "build",
            "--no-minify",
            "--output-dir",
            target.to_str().unwrap(),
        ])
        .current_dir(fixture("history"))
        .env("SOURCE_DATE_EPOCH", "1806537600") // 2027-04-01
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        read_page(&target, "changing-notice/index.html").contains("<dt>Version</dt><dd>3.0</dd>")
    );
    let run = clearnotice(
        &[
            "build",
            "--no-minify",
            "--date",
            "2024-07-01",
            "--output-dir",
            target.to_str().unwrap(),
        ],
        &fixture("history"),
    );
    assert!(run.status.success());
    assert!(
        read_page(&target, "changing-notice/index.html").contains("<dt>Version</dt><dd>1.1</dd>")
    );
}

#[test]
fn easy_read_texts_are_compared_when_both_versions_have_one() {
    let (_out, public) = build_on((2026, 11, 24));
    let html = read_page(&public, "changing-notice/3.0/compare/easy-read/index.html");
    assert!(html.contains(r#"We keep your records for <del><span class="visually-hidden">Removed: </span>6</del><ins><span class="visually-hidden">Added: </span>8</ins> years after your support ends."#), "{html}");
    assert!(
        !html.contains("A calendar"),
        "picture descriptions are not compared as text"
    );
    assert!(
        !public
            .join("changing-notice/2.1/compare/easy-read")
            .exists(),
        "2.0 has no easy-read text to compare with"
    );
}

/// Every mix of an old, a current and an upcoming version, each with or without an
/// easy-read text (large print always exists): the site builds (so the link check
/// found every link leads to a page that exists), and each page links to the other
/// versions in its own form only where they have it.
#[test]
fn every_mix_of_versions_with_and_without_easy_read_builds_and_links_only_to_pages_that_exist() {
    let versions = [
        ("1.0", "2024-01-01", ""),
        (
            "2.0",
            "2025-01-01",
            "change = \"major\"\nsummary = \"The second.\"\n",
        ),
        (
            "3.0",
            "2027-01-01",
            "change = \"major\"\nsummary = \"The third.\"\n",
        ),
    ];
    for mask in 0..8u8 {
        let mut files = Vec::new();
        for (i, (number, effective, change)) in versions.iter().enumerate() {
            let front = format!(
                "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"{number}\"\neffective = {effective}\n{change}"
            );
            files.push((
                format!("content/a/{number}.md"),
                version_file(&front, &format!("\n## About\n\nVersion {number}.\n")),
            ));
            if mask & (1 << i) != 0 {
                files.push((
                    format!("content/a/{number}.easy-read.md"),
                    "![A phone](picture:phone) We phone you.\n".to_string(),
                ));
            }
        }
        let files: Vec<(&str, String)> =
            files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        let dir = site(&files);
        let out = tempfile::tempdir().unwrap();
        let built = clearnotice::build(&options(dir.path(), out.path()));
        let which = format!(
            "easy read for: {:?}",
            versions
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, v)| v.0)
                .collect::<Vec<_>>()
        );
        built.unwrap_or_else(|f| panic!("{which}: {:#?}", f.problems));
        // The current easy-read page, where there is one, leads to version 3.0 in easy
        // read if 3.0 has it, else to its standard page.
        if mask & 0b010 != 0 {
            let page = read_page(out.path(), "a/easy-read/index.html");
            assert!(page.contains("../../a/3.0/"), "{which}: {page}");
            assert_eq!(
                page.contains("a/3.0/easy-read/"),
                mask & 0b100 != 0,
                "{which}: {page}"
            );
        }
    }
}

/// The Accessible Information Standard: every notice, in every form, says how to ask
/// for it in another format, and a form that is missing says how to ask for it.
#[test]
fn every_page_says_how_to_ask_for_another_format() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let public = out.path().join("public");
    for page in [
        "changing-notice/index.html",
        "changing-notice/easy-read/index.html",
        "changing-notice/large-print/index.html",
        "changing-notice/1.0/index.html",
    ] {
        let text = read_page(&public, page);
        assert!(
            text.contains("Ask for this notice in another format (braille, audio, British Sign Language, another language, easy read or large print): phone <a href=\"tel:+441510000000\" dir=\"ltr\">0151 000 0000</a> or email <a href=\"mailto:data@example.org\">"),
            "{page}: {text}"
        );
    }
    // Version 1.0 has no easy-read text: its page says how to ask for one.
    let old = read_page(&public, "changing-notice/1.0/index.html");
    assert!(
        old.contains("there is no easy-read version yet. To ask for one, phone <a href=\"tel:+441510000000\" dir=\"ltr\">"),
        "{old}"
    );
}

/// Two real versions of the GOV.UK Notify notice (2021 and 2025): the comparison keeps
/// the notice's structure, marks only what changed, and says so in plain English.
#[test]
fn a_comparison_of_real_versions_keeps_their_structure() {
    let (out, result) = build_into_temp(&fixture("notify-history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let page = read_page(
        &out.path().join("public"),
        "govuk-notify/2.0/compare/index.html",
    );
    // The 2025 "Questions and complaints" numbered list, with its nested list, is kept.
    assert!(page.contains("<ol><li>Contact the GDS <del>"), "{page}");
    assert!(
        page.contains("<ul><li>have questions about anything in this document"),
        "{page}"
    );
    // Links stay links; the controller's change is marked word by word.
    assert!(page.contains("href=\"https://ico.org.uk/\""), "{page}");
    assert!(
        page.contains("Removed: </span>Cabinet Office</del>"),
        "{page}"
    );
    // A removed paragraph is struck through whole, not mixed into the next one.
    assert!(
        page.contains("Removed: </span>GOV.UK Notify is provided by the Government Digital Service (GDS) which is part of the Cabinet Office.</del>"),
        "{page}"
    );
    // Unchanged sections say so, their text folded away but there to read.
    assert!(page.contains("No changes in this section."), "{page}");
    assert!(
        page.contains("<summary>Show the unchanged text</summary>"),
        "{page}"
    );
    // Counts in plain English.
    assert!(
        regex::Regex::new(r"\d+ words added and \d+ words removed\.")
            .unwrap()
            .is_match(&page),
        "{page}"
    );
}

/// A version names its own contact: the real Notify notice's controller changed from
/// the Cabinet Office (2021) to DSIT (2025), and each version's pages, notice.json and
/// feed entry give that version's contact.
#[test]
fn each_version_shows_its_own_contact() {
    let (out, result) = build_into_temp(&fixture("notify-history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let public = out.path().join("public");
    for page in [
        "govuk-notify/index.html",
        "govuk-notify/large-print/index.html",
        "govuk-notify/2.0/compare/index.html",
    ] {
        let html = read_page(&public, page);
        assert!(
            html.contains(
                "<p><bdi>Data Protection Officer</bdi>, <bdi>Department for Science, Innovation and Technology</bdi></p>"
            ),
            "{page}: {html}"
        );
        assert!(html.contains("mailto:dataprotection@dsit.gov.uk"), "{page}");
        assert!(
            !html.contains("fixtures@example.org"),
            "{page}: the site's contact is replaced"
        );
    }
    let old = read_page(&public, "govuk-notify/1.0/index.html");
    assert!(
        old.contains("<p><bdi>Data Protection Officer</bdi>, <bdi>Cabinet Office</bdi></p>"),
        "{old}"
    );
    assert!(old.contains("70 Whitehall"), "{old}");
    // Asking for another format goes to the version's contact too.
    assert!(old.contains("in another format (braille, audio, British Sign Language, another language, easy read or large print): email <a href=\"mailto:DPO@cabinetoffice.gov.uk\">"), "{old}");
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(public.join("govuk-notify/notice.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        data["versions"][0]["contact"]["email"],
        "DPO@cabinetoffice.gov.uk"
    );
    assert_eq!(
        data["versions"][1]["contact"]["email"],
        "dataprotection@dsit.gov.uk"
    );
    let feed = std::fs::read_to_string(public.join("govuk-notify/feed.xml")).unwrap();
    assert!(
        feed.contains("<email>dataprotection@dsit.gov.uk</email>"),
        "{feed}"
    );
    // A site's other notices, with no contact of their own, keep the site's.
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap();
    let html = read_page(&out.path().join("public"), "changing-notice/index.html");
    assert!(
        html.contains("<p><bdi>Data Protection Lead</bdi>, <bdi>Example Care</bdi></p>"),
        "{html}"
    );
}
