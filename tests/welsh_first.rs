//! A Welsh-first site (`languages = ["cy", "en-GB"]`) with a major change: its Welsh
//! pages, feeds, handouts and announcement pack hold no English sentence, names and
//! addresses aside. A sentence counts as English when it has two or more of the
//! commonest English words (Welsh shares none of them). PDFs are read with
//! pdftotext (poppler-utils).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

const SITE: &str = r#"title = "Hysbysiadau preifatrwydd"
base_url = "https://enghraifft.cymru/hysbysiadau/"
languages = ["cy", "en-GB"]
organisation = "Gofal Enghraifft"

[titles]
en-GB = "Privacy notices"

[contact]
name = "Swyddog Diogelu Data"
address = ["Gofal Enghraifft", "1 Stryd Fawr", "Caerdydd", "CF10 1AA"]
phone = "029 2000 0000"
email = "data@enghraifft.cymru"
"#;

fn welsh(version: &str, effective: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"Sut rydym yn defnyddio eich gwybodaeth\"\nservice = \"Cymorth yn y cartref\"\n\
         controller = \"Gofal Enghraifft\"\nversion = \"{version}\"\neffective = {effective}\n{extra}+++\n{body}"
    )
}

fn english(body: &str) -> String {
    format!("+++\ntitle = \"How we use your information\"\nservice = \"Home support\"\n+++\n{body}")
}

const WELSH_BODY: &str = "\n## Beth rydym yn ei gadw\n\nRydym yn cadw eich enw, eich cyfeiriad a'ch rhif ffôn.\n\n## Am ba hyd rydym yn ei gadw\n\nRydym yn cadw eich cofnod am chwe blynedd.\n";
const WELSH_BODY_2: &str = "\n## Beth rydym yn ei gadw\n\nRydym yn cadw eich enw, eich cyfeiriad a'ch rhif ffôn.\n\n## Am ba hyd rydym yn ei gadw\n\nRydym yn cadw eich cofnod am wyth mlynedd.\n";
const ENGLISH_BODY: &str = "\n## What we keep\n\nWe keep your name, your address and your phone number.\n\n## How long we keep it\n\nWe keep your record for six years.\n";

/// The commonest English words: two in one sentence make it English.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "you",
    "your",
    "we",
    "our",
    "is",
    "are",
    "this",
    "that",
    "with",
    "how",
    "what",
    "will",
    "have",
    "has",
    "from",
    "for",
    "of",
    "page",
    "pages",
    "version",
    "notice",
    "information",
    "change",
    "changes",
    "read",
    "download",
    "contact",
    "us",
    "by",
    "not",
    "be",
    "it",
    "in",
    "to",
    "on",
];

/// The English sentences of a text: web and email addresses left out.
fn english_sentences(text: &str) -> Vec<String> {
    let words_only: String = text
        .split_whitespace()
        .filter(|w| {
            !w.contains("://") && !w.contains('@') && !w.contains(".uk") && !w.contains(".cymru")
        })
        .collect::<Vec<_>>()
        .join(" ");
    words_only
        .split(['.', '!', '?', ':', '\n', '|', '(', ')'])
        .filter(|sentence| {
            let words: Vec<String> = sentence
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .map(|w| w.to_lowercase())
                .collect();
            let english: std::collections::BTreeSet<&String> = words
                .iter()
                .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
                .collect();
            english.len() >= 2
        })
        .map(|s| s.trim().to_string())
        .collect()
}

/// The text a reader meets in a file: pages and feeds without their markup, PDFs
/// as pdftotext reads them, text files as they are.
fn reader_text(path: &Path) -> Option<String> {
    let name = path.to_string_lossy();
    if name.ends_with(".pdf") {
        let out = Command::new("pdftotext")
            .args([path.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext is installed (poppler-utils)");
        return Some(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let text = fs::read_to_string(path).ok()?;
    if name.ends_with(".html") || name.ends_with(".xml") {
        // An element in another language (the switch's "English") is not this page's text.
        Some(html_text(&text).replace("&#39;", "'").replace("&amp;", "&"))
    } else if name.ends_with(".txt") {
        Some(text)
    } else {
        None
    }
}

fn files_under(folder: &Path, skip: &str) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| !p.strip_prefix(folder).unwrap().starts_with(skip))
        .filter(|p| !p.ends_with("sitemap.xml") && !p.ends_with("robots.txt"))
        .collect()
}

#[test]
fn a_welsh_first_site_says_nothing_in_english_in_welsh() {
    let easy_summary = "easy_read_summary = \"\"\"\n![Calendr](picture:calendar) Byddwn yn cadw eich cofnod am wyth mlynedd.\n\"\"\"\n";
    let dir = site(&[
        ("site.toml", SITE.to_string()),
        ("content/a/1.0.md", welsh("1.0", "2025-01-01", "", WELSH_BODY)),
        (
            "content/a/2.0.md",
            welsh(
                "2.0",
                "2026-12-01",
                &format!("change = \"major\"\nsummary = \"Byddwn yn cadw eich cofnod am wyth mlynedd yn lle chwe blynedd.\"\n{easy_summary}"),
                WELSH_BODY_2,
            ),
        ),
        (
            "content/a/2.0.easy-read.md",
            "![Ffôn](picture:phone) Rydym yn cadw eich rhif ffôn.\n".to_string(),
        ),
        ("content/a/1.0.en-GB.md", english(ENGLISH_BODY)),
        ("content/a/2.0.en-GB.md", english(ENGLISH_BODY)),
    ]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let built = clearnotice(
        &[
            "build",
            "--output-dir",
            public.to_str().unwrap(),
            "--date",
            "2026-11-24",
        ],
        dir.path(),
    );
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let pack = out.path().join("pack");
    let announced = clearnotice(
        &[
            "announce",
            "a",
            "--output-dir",
            pack.to_str().unwrap(),
            "--date",
            "2026-11-24",
        ],
        dir.path(),
    );
    assert!(
        announced.status.success(),
        "{}",
        String::from_utf8_lossy(&announced.stderr)
    );

    let mut found = Vec::new();
    let mut read = 0;
    for path in files_under(&public, "en-GB")
        .into_iter()
        .chain(files_under(&pack, "en-GB"))
    {
        let Some(text) = reader_text(&path) else {
            continue;
        };
        read += 1;
        for sentence in english_sentences(&text) {
            found.push(format!("{}: {sentence}", path.display()));
        }
    }
    assert!(read > 20, "only {read} files read");
    // The English pages are English: the check finds them.
    let english_page = reader_text(&public.join("en-GB/a/index.html")).unwrap();
    assert!(!english_sentences(&english_page).is_empty());
    // And the English pack is in its own folder.
    assert!(pack.join("en-GB/email.txt").exists());
    assert!(
        found.is_empty(),
        "English in the Welsh outputs:\n{}",
        found.join("\n")
    );
}
