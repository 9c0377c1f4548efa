//! Helpers for the integration tests: make a small site in a temporary folder, build
//! it, read what was written.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clearnotice::model::Date;
use clearnotice::{build, BuildFailure, BuildOptions, BuildReport};
use tempfile::TempDir;

pub const SITE_TOML: &str = r#"title = "Test notices"
base_url = "https://example.org/notices/"
organisation = "Test Org"

[contact]
email = "data@example.org"
"#;

/// The repository's own site: `content/`, `site.toml`, `themes/`.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` into `to`, made if missing.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the repository's real site (site.toml and content/) in `to`, to change.
pub fn copy_real_site(to: &Path) {
    copy_dir(&repo_root().join("content"), &to.join("content"));
    fs::copy(repo_root().join("site.toml"), to.join("site.toml")).unwrap();
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures/sites").join(name)
}

/// A site in a temporary folder, with `site.toml` unless `files` brings its own.
pub fn site<S: AsRef<str>>(files: &[(&str, S)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    if !files.iter().any(|(path, _)| *path == "site.toml") {
        fs::write(dir.path().join("site.toml"), SITE_TOML).unwrap();
    }
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text.as_ref()).unwrap();
    }
    dir
}

/// A version file: front-matter lines, then a body.
pub fn version_file(front_matter: &str, body: &str) -> String {
    format!("+++\n{front_matter}+++\n{body}")
}

/// The fixed day tests build for, so "current version" does not depend on the clock.
pub fn test_day() -> Date {
    Date::new(2026, 11, 24).unwrap()
}

pub fn options(root: &Path, output: &Path) -> BuildOptions {
    BuildOptions {
        output_dir: Some(output.to_path_buf()),
        minify: false,
        today: Some(test_day()),
        ..BuildOptions::new(root)
    }
}

/// Builds `root` into a new temporary folder.
pub fn build_into_temp(root: &Path) -> (TempDir, Result<BuildReport, BuildFailure>) {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let result = build(&options(root, &output));
    (out, result)
}

/// Every file under `dir`, by relative path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// How many notices a build says it kept from the last ("… (N notices unchanged
/// since the last build)"); 0 when it says none.
pub fn notices_reused(said: &str) -> usize {
    said.split(" (")
        .filter_map(|part| part.split_once(" notice"))
        .filter(|(_, rest)| rest.contains("unchanged since the last build"))
        .filter_map(|(n, _)| n.parse().ok())
        .next()
        .unwrap_or(0)
}

/// Runs the real binary.
pub fn clearnotice(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clearnotice"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run clearnotice")
}

/// The text of HTML, each tag replaced by a space (entities left as they are).
pub fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// HTML with the white space between tags removed, so tests can look for
/// `<dt>Version</dt><dd>1.0</dd>` however the template is indented.
pub fn squash(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pending_space = false;
    for c in html.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        // Keep one space inside text; drop it between two tags.
        if pending_space && !out.is_empty() && !(c == '<' && out.ends_with('>')) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// A built page, squashed.
pub fn read_page(output: &Path, page: &str) -> String {
    squash(&fs::read_to_string(output.join(page)).unwrap_or_else(|e| panic!("{page}: {e}")))
}
