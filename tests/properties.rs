//! Property tests (fuzzing on stable Rust): the parsers that see what people type must
//! never panic, whatever the input, and must keep their promises. A short run is part
//! of `cargo test`; a long one is `PROPTEST_CASES=200000 cargo test --release --test
//! properties`. Inputs are built from pieces that matter (delimiters, Markdown
//! syntax, HTML, quotes, odd Unicode) as well as arbitrary text and bytes.

use std::path::Path;

use clearnotice::diagnostics::SourceFile;
use clearnotice::load::front_matter::split;
use clearnotice::load::text::decode;
use clearnotice::load::version_file::parse_version_file;
use clearnotice::model::VersionNumber;
use clearnotice::render::compare::compare;
use clearnotice::render::easy_read::parse_easy_read;
use clearnotice::render::markdown::render_markdown;
use clearnotice::serve::http::safe_path;
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
        prop_assert!(result.sections.iter().all(|s| s.paragraphs.iter().all(|p| !p.contains("<script"))));
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
