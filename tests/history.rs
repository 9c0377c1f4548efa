//! The history fixture site: several versions, minor and major changes, joint controllers.

mod common;

use common::*;

#[test]
fn the_newest_version_in_effect_is_current_and_a_minor_change_does_not_move_last_updated() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap_or_else(|f| panic!("{:#?}", f.problems));
    let html =
        std::fs::read_to_string(out.path().join("public/changing-notice/index.html")).unwrap();
    assert!(
        html.contains("<dt>Version</dt>\n      <dd>2.0</dd>"),
        "2.0 is current on the test day"
    );
    assert!(html.contains("We share your care plan with your GP"));
    assert!(html.contains(
        r#"<dt>Last updated</dt>
      <dd><time datetime="2025-03-01">1 March 2025</time></dd>"#
    ));
}

#[test]
fn before_a_major_change_takes_effect_the_minor_one_is_current() {
    let out = tempfile::tempdir().unwrap();
    let mut opts = options(&fixture("history"), &out.path().join("public"));
    opts.today = Some(clearnotice::model::Date::new(2024, 7, 1).unwrap());
    clearnotice::build(&opts).unwrap();
    let html =
        std::fs::read_to_string(out.path().join("public/changing-notice/index.html")).unwrap();
    assert!(html.contains("<dd>1.1</dd>"));
    assert!(!html.contains("care plan with your GP"));
    // 1.1 was a minor change: "last updated" stays at the first publication.
    assert!(
        html.contains(r#"<dd><time datetime="2024-01-15">15 January 2024</time></dd>"#),
        "{html}"
    );
}

#[test]
fn joint_controllers_are_all_named() {
    let (out, result) = build_into_temp(&fixture("history"));
    result.unwrap();
    let html = std::fs::read_to_string(out.path().join("public/joint-service/index.html")).unwrap();
    assert!(
        html.contains(
            "<dt>Joint controllers</dt>\n      <dd>Example Care, The Ministry of Justice</dd>"
        ),
        "{html}"
    );
    assert!(html.contains("<table>"), "Markdown tables are rendered");
}
