//! The broken-input suite: every folder in tests/bad_input/ is a site with one thing
//! wrong (or odd but valid), and an `expected` file saying what the build must do:
//!
//!   exit: 1
//!   content/a/1.0.md:6:13: CN0309
//!
//! For each: the real binary runs; it must not panic, must exit as expected, must say
//! the expected line (file, line, column and the problem's code, so that a message
//! can be reworded without touching the cases; `clearnotice explain CN0309` says
//! what a code means), and a failed build must leave
//! the previous output folder byte for byte as it was. A build that works may be held
//! to what its pages show, one line each after those two:
//!
//!   has: a/index.html: <h2 id=updates-2>
//!   lacks: a/index.html: onmouseover
//!
//! and a case may run another command than `build` (`--root` and `--date` follow it;
//! `{root}` is the case's site folder, in the expected line too, and `{work}` the
//! folder above it):
//!
//!   args: announce a --output-dir {root}/content

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// Cases that git cannot hold: made here.
fn prepare(case: &str, root: &Path) {
    match case {
        // 50 MB of text pasted into a notice.
        "huge-notice" => {
            let path = root.join("content/a/1.0.md");
            let mut text = fs::read_to_string(&path).unwrap();
            let line = "This sentence was pasted again and again by mistake. ".repeat(20) + "\n";
            while text.len() < 50 * 1024 * 1024 {
                text.push_str(&line);
            }
            fs::write(path, text).unwrap();
        }
        // Links that loop back on themselves, in content/ and in a notice.
        "symlink-loop" => {
            #[cfg(unix)]
            {
                std::os::unix::fs::symlink(root.join("content"), root.join("content/loop"))
                    .unwrap();
                std::os::unix::fs::symlink(root.join("content/a"), root.join("content/a/inner"))
                    .unwrap();
            }
        }
        // A picture of 11 MB: a PNG header, then padding.
        "picture-file-too-big" => {
            let mut png =
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
            png.resize(11 * 1024 * 1024, 0);
            // git keeps no empty folder: the case's site has none until now.
            fs::create_dir_all(root.join("pictures")).unwrap();
            fs::write(root.join("pictures/phone.png"), png).unwrap();
        }
        _ => {}
    }
}

struct Expected {
    exit: i32,
    line: String,
    /// (must it be there, page, text) for a build that works.
    pages: Vec<(bool, String, String)>,
    /// Another command than `build`, like `announce a` (`--root` and `--date` follow).
    args: Option<String>,
}

fn expected(case_dir: &Path) -> Expected {
    let text = fs::read_to_string(case_dir.join("expected")).unwrap_or_else(|_| {
        // A new case: BLESS writes what it gives.
        assert!(
            std::env::var_os("BLESS").is_some(),
            "{} has no expected file",
            case_dir.display()
        );
        "exit: 0\n\n".to_string()
    });
    let mut lines = text.lines();
    let exit = lines
        .next()
        .and_then(|l| l.strip_prefix("exit: "))
        .and_then(|n| n.parse().ok())
        .expect("first line: exit: N");
    let line = lines.next().unwrap_or("").to_string();
    let rest: Vec<&str> = lines.collect();
    let args = rest
        .iter()
        .find_map(|l| l.strip_prefix("args: "))
        .map(str::to_string);
    let pages = rest
        .iter()
        .filter(|l| !l.starts_with("args: "))
        .filter_map(|l| {
            let (must, rest) = match l.split_once(": ")? {
                ("has", rest) => (true, rest),
                ("lacks", rest) => (false, rest),
                _ => panic!("{}: {l:?} is not has:, lacks: or args:", case_dir.display()),
            };
            let (page, text) = rest.split_once(": ")?;
            Some((must, page.to_string(), text.to_string()))
        })
        .collect();
    Expected {
        exit,
        line,
        pages,
        args,
    }
}

#[test]
fn every_bad_input_ends_in_a_clear_message_and_loses_nothing() {
    let cases_dir = repo_root().join("tests/bad_input");
    let mut cases: Vec<_> = fs::read_dir(&cases_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "{} cases", cases.len());

    // A good site built first: a failed build must leave it exactly as it was.
    let work = tempfile::tempdir().unwrap();
    let output = work.path().join("public");
    let good = fixture("history");
    let build_good = || {
        let run = clearnotice(
            &[
                "build",
                "--root",
                good.to_str().unwrap(),
                "--output-dir",
                output.to_str().unwrap(),
            ],
            work.path(),
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    };
    build_good();

    let mut failures = Vec::new();
    for case_dir in &cases {
        let case = case_dir.file_name().unwrap().to_string_lossy().to_string();
        // What the output holds before this case (its list of files records when each
        // was written, so it is read again after a case that built).
        let before = read_tree(&output);
        let root = work.path().join(&case);
        copy_dir(&case_dir.join("site"), &root);
        prepare(&case, &root);
        let expect = expected(case_dir);
        let sources = read_tree(&root);
        let mut args: Vec<String> = match &expect.args {
            Some(args) => args
                .split(' ')
                .map(|arg| arg.replace("{root}", &root.display().to_string()))
                .collect(),
            None => vec![
                "build".into(),
                "--output-dir".into(),
                output.display().to_string(),
            ],
        };
        args.extend(["--root".into(), root.display().to_string()]);
        args.extend(["--date".into(), "2026-11-24".into()]);
        let run = Command::new(env!("CARGO_BIN_EXE_clearnotice"))
            .args(&args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        if stderr.contains("panicked") || run.status.code().is_none() {
            failures.push(format!("{case}: crashed:\n{stderr}"));
            continue;
        }
        let code = run.status.code().unwrap_or(-1);
        let said = |line: &str| {
            stderr
                .lines()
                .any(|l| l.trim_start_matches(['×', '⚠', ' ']).starts_with(line))
        };
        if std::env::var_os("BLESS").is_some() {
            // The first error (or, for a build that works, the first warning), without
            // the temporary folder's name.
            let marker = if code == 0 { '⚠' } else { '×' };
            let first = stderr
                .lines()
                .find(|l| l.trim_start().starts_with(marker))
                .unwrap_or("")
                .trim_start_matches(['×', '⚠', ' ']);
            let first = first
                .replace(root.to_str().unwrap(), "{root}")
                .replace(work.path().to_str().unwrap(), "{work}");
            // Where and which problem, not its English: `content/a/1.0.md:6:13: CN0309`.
            let first = match first.find(": CN") {
                Some(at) => first[..at + ": CN0000".len()].to_string(),
                None => first,
            };
            // What the pages must show is written by hand: kept.
            let kept: String = fs::read_to_string(case_dir.join("expected"))
                .unwrap_or_default()
                .lines()
                .skip(2)
                .map(|l| format!("{l}\n"))
                .collect();
            fs::write(
                case_dir.join("expected"),
                format!("exit: {code}\n{first}\n{kept}"),
            )
            .unwrap();
            continue;
        }
        let line = expect
            .line
            .replace("{root}", root.to_str().unwrap())
            .replace("{work}", work.path().to_str().unwrap());
        if code != expect.exit || !said(&line) {
            failures.push(format!(
                "{case}: expected exit {} and {:?}; got exit {code}:\n{stderr}",
                expect.exit, expect.line
            ));
        }
        if code != 0 {
            if read_tree(&output) != before {
                failures.push(format!("{case}: the previous output changed"));
            }
            if read_tree(&root) != sources {
                failures.push(format!("{case}: the site's own files changed"));
            }
        } else {
            for (must, page, text) in &expect.pages {
                let html = fs::read_to_string(output.join(page)).unwrap_or_default();
                if html.contains(text.as_str()) != *must {
                    failures.push(format!(
                        "{case}: {page} {} {text:?}",
                        if *must { "lacks" } else { "has" }
                    ));
                }
            }
            // A build that worked replaced the output: put the good one back.
            build_good();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
