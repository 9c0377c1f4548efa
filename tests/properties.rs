//! Property tests (fuzzing on stable Rust): the parsers that see what people type must
//! never panic, whatever the input, and must keep their promises. A short run is part
//! of `cargo test`; a long one is `PROPTEST_CASES=200000 cargo test --release --test
//! properties`. Inputs are built from pieces that matter (delimiters, Markdown
//! syntax, HTML, quotes, odd Unicode) as well as arbitrary text and bytes.

mod common;

use std::path::Path;

use clearnotice::diagnostics::SourceFile;
use clearnotice::load::front_matter::split;
use clearnotice::load::text::decode;
use clearnotice::load::version_file::parse_version_file;
use clearnotice::model::VersionNumber;
use clearnotice::render::compare::compare;
use clearnotice::render::markdown::render_markdown;
use clearnotice::serve::http::safe_path;
use clearnotice::text::easy_read::parse_easy_read;
use proptest::prelude::*;

/// Text made of the pieces that front-matter and Markdown parsers trip on.
fn notice_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++\n".to_string()),
        Just("++++\n".to_string()),
        Just("title = \"A\"\n".to_string()),
        Just("version = \"1.0\"\n".to_string()),
        Just("effective = 2025-02-30\n".to_string()),
        Just("controller = [\"A\", 3]\n".to_string()),
        Just("[not_applicable]\ntransfers = \"\"\n".to_string()),
        Just("## Heading {#id}\n".to_string()),
        Just("![alt](picture:phone) Point.\n".to_string()),
        Just("![](picture:) \n".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("*em* **strong** `code`\n".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("é漢字🙂\u{200b}".to_string()),
        "[ -~]{0,20}".prop_map(|s| s),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn front_matter_split_never_panics_and_its_offsets_are_true(text in notice_like()) {
        if let Ok(parts) = split(&text) {
            prop_assert_eq!(&text[parts.body_offset..], parts.body);
            prop_assert!(text[parts.front_matter_offset..].starts_with(parts.front_matter));
        }
    }

    #[test]
    fn version_files_never_panic(text in notice_like()) {
        let _ = parse_version_file(SourceFile::new("content/a/1.0.md", text), VersionNumber::FIRST);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(text) = decode(&bytes, Path::new("a.md")) {
            prop_assert!(!text.contains('\r'));
        }
    }

    #[test]
    fn markdown_never_lets_raw_html_through(text in notice_like()) {
        let html = render_markdown(&text).html;
        prop_assert!(!html.contains("<script"), "{}", html);
    }

    #[test]
    fn easy_read_and_compare_never_panic(a in notice_like(), b in notice_like()) {
        let _ = parse_easy_read(&a);
        let result = compare(&a, &b);
        prop_assert!(result.sections.iter().all(|s| !s.html.contains("<script") && !s.heading.contains("<script")));
    }

    #[test]
    fn version_numbers_round_trip(major in 0u32..100_000, minor in 0u32..100_000) {
        let number = VersionNumber { major, minor };
        prop_assert_eq!(VersionNumber::parse(&number.to_string()), Some(number));
    }

    #[test]
    fn served_paths_never_climb_out(path in "/[a-zA-Z0-9./%\\\\:_-]{0,40}") {
        if let Some(safe) = safe_path(&path) {
            prop_assert!(!safe.split('/').any(|s| s == ".."), "{}", safe);
            prop_assert!(!safe.contains('\\') && !safe.starts_with('/'));
        }
    }
}

mod comparisons {
    use clearnotice::render::compare::{compare, SectionState};
    use proptest::prelude::*;

    /// A notice made of sections, each a heading and some paragraphs and lists, from
    /// a small vocabulary (so two notices share words, as versions do).
    fn notice() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "we", "keep", "your", "records", "for", "six", "years", "share", "data", "with", "GP",
            "rights", "ICO", "complain", "safe", "name", "address", "phone",
        ]);
        let sentence = prop::collection::vec(word, 1..8).prop_map(|w| format!("{}.", w.join(" ")));
        let punct = prop::sample::select(vec!["", ",", ";", " –", "’s"]);
        let block = (sentence, punct, 0..3u8).prop_map(|(s, p, kind)| match kind {
            0 => format!("{s}{p}\n\n"),
            1 => format!("- {s}\n- {s}{p}\n\n"),
            _ => format!("1. {s}\n   - {s}{p}\n\n"),
        });
        let heading = prop::sample::select(vec![
            "Who we are",
            "How long we keep it",
            "Your rights",
            "Complaints",
        ]);
        let section = (heading, prop::collection::vec(block, 1..4))
            .prop_map(|(h, blocks)| format!("## {h}\n\n{}", blocks.concat()));
        prop::collection::vec(section, 1..4).prop_map(|s| s.concat())
    }

    /// The words of HTML, tags left out.
    fn words(html: &str) -> Vec<String> {
        super::common::html_text(html)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Every element closed, in order (void elements aside).
    fn balanced(html: &str) -> Result<(), String> {
        let mut open: Vec<String> = Vec::new();
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if matches!(name.as_str(), "br" | "img" | "hr") || tag.ends_with('/') {
                continue;
            }
            if tag.starts_with('/') {
                match open.pop() {
                    Some(top) if top == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
            } else {
                open.push(name);
            }
        }
        if open.is_empty() {
            Ok(())
        } else {
            Err(format!("left open: {open:?}"))
        }
    }

    fn page(result: &clearnotice::render::compare::Comparison) -> String {
        result
            .sections
            .iter()
            .map(|s| format!("<h2>{}</h2>{}", s.heading, s.html))
            .collect()
    }

    proptest! {

        /// Comparing a version with itself shows no change.
        #[test]
        fn a_version_compared_with_itself_shows_no_change(a in notice()) {
            let result = compare(&a, &a);
            prop_assert!(result.sections.iter().all(|s| s.state == SectionState::Unchanged));
            prop_assert_eq!((result.words_added, result.words_removed, result.marks_changed), (0, 0, 0));
            prop_assert_eq!(result.summary, "The words are the same in both versions.");
        }

        /// Any pair gives balanced HTML in which every word of both versions (as a
        /// reader sees them) appears.
        #[test]
        fn any_pair_keeps_every_word_and_balanced_html(a in notice(), b in notice()) {
            let result = compare(&a, &b);
            let html = page(&result);
            prop_assert!(balanced(&html).is_ok(), "{:?}\n{}", balanced(&html), html);
            let shown = words(&html);
            for version in [&a, &b] {
                let rendered = clearnotice::render::markdown::render_markdown(version).html;
                for word in words(&rendered) {
                    prop_assert!(shown.contains(&word), "{} missing from\n{}", word, html);
                }
            }
        }
    }
}

/// Heading attribute strings: `{…}` made of the pieces an attribute could hide in.
fn heading_attributes() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_string()),
        Just(".".to_string()),
        Just("=".to_string()),
        Just(" ".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("onmouseover".to_string()),
        Just("alert(1)".to_string()),
        Just("class".to_string()),
        Just("style".to_string()),
        Just("<script>".to_string()),
        Just(">".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("ŵ".to_string()),
        Just("updates".to_string()),
        "[a-z0-9_-]{1,8}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| format!("{{{}}}", pieces.concat()))
}

/// Every start tag of `html` with its attribute names and values, as a browser reads them.
fn start_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    html5gum::Tokenizer::new(html)
        .flatten()
        .filter_map(|token| match token {
            html5gum::Token::StartTag(tag) => Some((
                String::from_utf8_lossy(&tag.name).to_string(),
                tag.attributes
                    .iter()
                    .map(|(name, value)| {
                        (
                            String::from_utf8_lossy(name).to_string(),
                            String::from_utf8_lossy(value).to_string(),
                        )
                    })
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

proptest! {
    /// No notice text puts an attribute other than a checked id on a heading, nor a
    /// handler or class on anything: on the web page (standard and large print) or in
    /// the easy-read page's headings and points.
    #[test]
    fn headings_carry_a_checked_id_and_nothing_else(attrs in heading_attributes(), words in "[A-Za-z ]{1,12}") {
        let markdown = format!("## {words} {attrs}\n\nSee [this](#updates).\n\n### More {attrs}\n\n![A phone](picture:phone) A point {attrs}.\n");
        let mut pages = vec![render_markdown(&markdown).html];
        for block in parse_easy_read(&markdown) {
            match block {
                clearnotice::text::easy_read::Block::Heading { id, html, .. } => {
                    prop_assert!(clearnotice::text::headings::is_valid_id(&id), "easy-read id {id:?}");
                    pages.push(html);
                }
                clearnotice::text::easy_read::Block::Point { html, .. } => pages.push(html),
            }
        }
        for html in &pages {
            for (tag, attributes) in start_tags(html) {
                for (name, value) in &attributes {
                    prop_assert!(!name.starts_with("on"), "{tag} has {name} in {html}");
                    prop_assert!(name != "class" && name != "style", "{tag} has {name} in {html}");
                    if tag.len() == 2 && tag.starts_with('h') {
                        prop_assert_eq!(name.as_str(), "id", "{} has {} in {}", tag, name, html);
                        prop_assert!(clearnotice::text::headings::is_valid_id(value), "{tag} id {value:?}");
                        prop_assert!(!clearnotice::text::headings::PAGE_IDS.contains(&value.as_str()), "{tag} took #{value}");
                    }
                }
            }
        }
    }
}
