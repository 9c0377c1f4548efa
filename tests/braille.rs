//! Braille files, checked against liblouis itself and the formats' rules (liblouis's
//! `lou_translate` must be installed: `apt-get install liblouis-bin liblouis-data`):
//!
//! - the real content's BRF, translated back with `lou_translate --backward` and the
//!   same table, gives back the notice's words, at least 98 % of them in order;
//! - every line fits 40 cells and every page 25 lines, the braille page number at the
//!   end of each page's first line; only ASCII braille, CR LF and form feeds;
//! - the PEF holds the same cells as the BRF, by liblouis's own two display tables;
//! - a Welsh notice is translated with the Welsh table;
//! - without liblouis the build warns, says what to install and makes no braille.
//!
//! The PEF's schema (PEF 2008-1, from Debian's libbrailleutils-java) is checked with
//! xmllint in `tests/handouts/run`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// liblouis, run as a person checking a file would: ASCII braille in or out.
fn lou_translate(direction: &str, table: &str, text: &str) -> String {
    let mut child = Command::new("lou_translate")
        .args([direction, &format!("en-us-brf.dis,{table}")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("liblouis is installed (apt-get install liblouis-bin liblouis-data)");
    // A backslash starts an escape for lou_translate: written as two.
    let input = text.replace('\\', "\\\\");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// The words of a text, lower case, as runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `expected` found in `got` in the same order (their longest common
/// subsequence, over `expected`'s length).
fn in_order_share(expected: &[String], got: &[String]) -> f64 {
    let mut previous = vec![0usize; got.len() + 1];
    for word in expected {
        let mut row = vec![0usize; got.len() + 1];
        for (j, other) in got.iter().enumerate() {
            row[j + 1] = if word == other {
                previous[j] + 1
            } else {
                previous[j + 1].max(row[j])
            };
        }
        previous = row;
    }
    previous[got.len()] as f64 / expected.len().max(1) as f64
}

/// A BRF file's pages and their lines.
fn brf_pages(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("a BRF is ASCII");
    text.split('\u{c}')
        .map(|page| {
            let lines: Vec<String> = page.split("\r\n").map(String::from).collect();
            // The last CR LF ends the page's last line.
            lines[..lines.len() - 1].to_vec()
        })
        .collect()
}

/// A page's first line without its page number (and the blank cells before it).
fn without_page_number(line: &str) -> &str {
    match line.rfind(" #") {
        Some(at) if line[at + 2..].bytes().all(|b| (b'A'..=b'J').contains(&b)) => {
            line[..at].trim_end()
        }
        _ => line,
    }
}

/// A BRF's text for back-translation: every line, page numbers taken off.
fn brf_text(pages: &[Vec<String>]) -> String {
    pages
        .iter()
        .flat_map(|page| {
            page.iter().enumerate().map(|(i, line)| {
                if i == 0 {
                    without_page_number(line)
                } else {
                    line
                }
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The braille page number of page `n`, as liblouis writes the number.
fn page_number(n: usize) -> String {
    format!(
        "#{}",
        lou_translate("--forward", "en-ueb-g2.ctb", &n.to_string())
            .trim()
            .trim_start_matches('#')
    )
}

/// The rules every BRF keeps: its character set, 40 cells, 25 lines, numbered pages.
fn check_brf_layout(name: &str, pages: &[Vec<String>]) {
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.len() <= 25,
            "{name} page {}: {} lines",
            index + 1,
            page.len()
        );
        for line in page {
            assert!(line.len() <= 40, "{name}: {line:?} is over 40 cells");
            assert!(
                line.bytes().all(|b| (b' '..=b'_').contains(&b)),
                "{name}: {line:?} has a character outside ASCII braille"
            );
        }
        let first = page.first().map(String::as_str).unwrap_or("");
        assert!(
            first.len() == 40 && first.ends_with(&format!(" {}", page_number(index + 1))),
            "{name} page {}: its first line {first:?} does not end in its number",
            index + 1
        );
    }
}

/// The Unicode cell of each ASCII braille character, as liblouis's display table
/// for BRF writes each of the 64 cells (`unicode-braille.utb` passes cells through).
fn cells_by_liblouis() -> BTreeMap<char, char> {
    let all: String = (0..64)
        .map(|dots| char::from_u32(0x2800 + dots).unwrap())
        .collect();
    let ascii = lou_translate("--forward", "unicode-braille.utb", &all);
    let ascii: Vec<char> = ascii.trim_end_matches('\n').chars().collect();
    assert_eq!(ascii.len(), 64, "{ascii:?}");
    ascii.into_iter().zip(all.chars()).collect()
}

/// The text of a PEF's rows, page by page.
fn pef_rows(pef: &str) -> Vec<Vec<String>> {
    pef.split("<page>")
        .skip(1)
        .map(|page| {
            page.split("<row>")
                .skip(1)
                .map(|row| row.split("</row>").next().unwrap().to_string())
                .collect()
        })
        .collect()
}

fn html_words(html: &str) -> Vec<String> {
    let text = html_text(html);
    let text = text
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    words(&text)
}

/// Markdown's words only: link addresses `](...)` and heading ids `{#...}` taken out.
fn without_markup(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(at) = rest.find([']', '{']) {
        out.push_str(&rest[..at]);
        let (open, close) = if rest[at..].starts_with("](") {
            ("](", ')')
        } else if rest[at..].starts_with("{#") {
            ("{#", '}')
        } else {
            out.push(' ');
            rest = &rest[at + 1..];
            continue;
        };
        let after = &rest[at + open.len()..];
        rest = after.find(close).map_or("", |end| &after[end + 1..]);
        out.push(' ');
    }
    out.push_str(rest);
    out
}

fn build(root: &Path, output: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output-dir",
        output.to_str().unwrap(),
        "--date",
        "2026-11-24",
    ];
    args.extend(extra);
    clearnotice(&args, root)
}

#[test]
fn the_real_notices_braille_reads_back_as_the_notice_and_keeps_the_rules() {
    let out = tempfile::tempdir().unwrap();
    let built = build(&repo_root(), out.path(), &[]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let cells = cells_by_liblouis();
    for slug in ["general", "wellbeing-centres"] {
        let brf = fs::read(out.path().join(format!("{slug}/{slug}.brf"))).unwrap();
        let pages = brf_pages(&brf);
        check_brf_layout(slug, &pages);

        // Back to print with the same table: the notice's words, in order.
        let json = fs::read_to_string(out.path().join(format!("{slug}/notice.json"))).unwrap();
        let data: serde_json::Value = serde_json::from_str(&json).unwrap();
        let expected = html_words(data["versions"][0]["html"].as_str().unwrap());
        let back = words(&lou_translate(
            "--backward",
            "en-ueb-g2.ctb",
            &brf_text(&pages),
        ));
        let share = in_order_share(&expected, &back);
        assert!(
            share >= 0.98,
            "{slug}: only {:.1} % of the words read back",
            share * 100.0
        );

        // The PEF: the same pages, the same cells.
        let pef = fs::read_to_string(out.path().join(format!("{slug}/{slug}.pef"))).unwrap();
        let rows = pef_rows(&pef);
        assert_eq!(rows.len(), pages.len(), "{slug}: PEF and BRF pages");
        for (page, pef_page) in pages.iter().zip(&rows) {
            let as_cells: Vec<String> = page
                .iter()
                .map(|line| line.chars().map(|c| cells[&c]).collect())
                .collect();
            assert_eq!(
                &as_cells, pef_page,
                "{slug}: a PEF page differs from the BRF's"
            );
        }
        for needle in [
            "<dc:language>en-GB</dc:language>",
            "<dc:description>Version 1.0</dc:description>",
        ] {
            assert!(pef.contains(needle), "{slug}: the PEF lacks {needle}");
        }

        // Linked from its pages with its braille pages, and listed in notice.json.
        let page = fs::read_to_string(out.path().join(format!("{slug}/index.html"))).unwrap();
        let link = format!("Download in braille (BRF, {} braille pages, ", pages.len());
        assert!(page.contains(&link), "{slug}: no {link:?} on its page");
        let easy_read =
            fs::read_to_string(out.path().join(format!("{slug}/easy-read/index.html"))).unwrap();
        assert!(
            easy_read.contains(&link),
            "{slug}: its easy-read page does not offer braille"
        );
        assert!(
            json.contains(&format!("/{slug}/{slug}.brf\"")),
            "{slug}: notice.json lists no BRF"
        );
        // The version's own address has the same file.
        assert_eq!(
            fs::read(out.path().join(format!("{slug}/1.0/{slug}-1.0.brf"))).unwrap(),
            brf
        );
    }
}

#[test]
fn a_welsh_notice_is_translated_with_the_welsh_table() {
    let out = tempfile::tempdir().unwrap();
    let root = fixture("languages");
    let built = build(&root, out.path(), &[]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let brf = fs::read(out.path().join("cy/govuk-verify/govuk-verify.brf")).unwrap();
    let pages = brf_pages(&brf);
    check_brf_layout("cy/govuk-verify", &pages);
    let text = fs::read_to_string(root.join("content/govuk-verify/1.0.cy.md")).unwrap();
    let body = without_markup(text.splitn(3, "+++").nth(2).unwrap());
    // liblouis's Welsh back-translation is lossy (ae comes back as æ), so the BRF is
    // compared with the same text sent through liblouis there and back.
    let share_with = |table: &str| {
        let expected = words(&lou_translate(
            "--backward",
            table,
            &lou_translate(
                "--forward",
                table,
                &body.split_whitespace().collect::<Vec<_>>().join(" "),
            ),
        ));
        let back = words(&lou_translate("--backward", table, &brf_text(&pages)));
        in_order_share(&expected, &back)
    };
    let welsh = share_with("cy-cy-g2.ctb");
    let english = share_with("en-ueb-g2.ctb");
    assert!(
        welsh >= 0.98,
        "only {:.1} % read back with the Welsh table",
        welsh * 100.0
    );
    assert!(
        english < welsh - 0.1,
        "the English table reads it back as well ({:.1} % against {:.1} %): not Welsh braille",
        english * 100.0,
        welsh * 100.0
    );
    let pef = fs::read_to_string(out.path().join("cy/govuk-verify/govuk-verify.pef")).unwrap();
    assert!(pef.contains("<dc:language>cy</dc:language>"));
    let page = fs::read_to_string(out.path().join("cy/govuk-verify/index.html")).unwrap();
    assert!(
        page.contains("Lawrlwytho mewn Braille (BRF, "),
        "no Welsh braille link"
    );
}

#[test]
fn without_liblouis_the_build_says_what_to_install_and_makes_no_braille() {
    let out = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "build",
            "--output-dir",
            out.path().to_str().unwrap(),
            "--date",
            "2026-11-24",
        ];
        args.extend(extra);
        Command::new(env!("CARGO_BIN_EXE_clearnotice"))
            .args(&args)
            .current_dir(repo_root())
            .env("NO_COLOR", "1")
            .env("PATH", empty.path())
            .output()
            .unwrap()
    };
    let built = run(&[]);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    assert!(stderr.contains("CN0903"), "{stderr}");
    assert!(
        stderr.contains("apt-get install liblouis-bin liblouis-data"),
        "{stderr}"
    );
    let files = read_tree(out.path());
    assert!(files
        .keys()
        .all(|path| !path.ends_with(".brf") && !path.ends_with(".pef")));
    let page = String::from_utf8_lossy(&files["general/index.html"]).to_string();
    assert!(
        !page.contains("braille (BRF"),
        "a braille link without a braille file"
    );
    // --strict fails on it, so a publishing workflow does not ship without braille.
    let strict = run(&["--strict"]);
    assert!(!strict.status.success());
    assert!(String::from_utf8_lossy(&strict.stderr).contains("CN0903"));
}
