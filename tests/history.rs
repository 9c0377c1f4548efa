//! The history fixture site: several versions, minor and major changes, joint controllers.

mod common;

use common::*;

#[test]
fn the_newest_version_in_effect_is_current_and_a_minor_change_does_not_move_last_updated() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let html = read_page(&out.path().join("public"), "changing-notice/index.html");
    assert!(
        html.contains("<dt>Version</dt><dd>2.0</dd>"),
        "2.0 is current on the test day"
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
    for version in ["1.0", "1.1", "2.0"] {
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
