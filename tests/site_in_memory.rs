//! The load seam: a site held in memory (`load::source::InMemory`) builds exactly as
//! the same files on disk do, and its problems name its files, so a test or a tool can
//! build a site without touching the disk.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clearnotice::load::source::InMemory;
use clearnotice::{BuildOptions, Handouts};

use common::*;

/// Every file under `dir` on disk, into `site` at `at`.
fn add_folder(mut site: InMemory, dir: &Path, at: &Path) -> InMemory {
    if !dir.exists() {
        return site;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(dir).unwrap();
            site = site.with(at.join(relative), std::fs::read(entry.path()).unwrap());
        }
    }
    site
}

fn options(root: impl Into<PathBuf>) -> BuildOptions {
    BuildOptions {
        today: Some(test_day()),
        handouts: Handouts::Off,
        ..BuildOptions::new(root)
    }
}

#[test]
fn a_site_in_memory_renders_byte_for_byte_as_on_disk() {
    for disk_root in [repo_root(), fixture("history"), fixture("languages")] {
        // A root that is nowhere on disk: only the source can answer.
        let root = PathBuf::from("/clearnotice-in-memory/site");
        assert!(!root.exists());
        let mut site = add_folder(
            InMemory::new(),
            &disk_root.join("content"),
            &root.join("content"),
        );
        site = site.with(
            root.join("site.toml"),
            std::fs::read(disk_root.join("site.toml")).unwrap(),
        );
        for folder in ["themes", "pictures"] {
            site = add_folder(site, &disk_root.join(folder), &root.join(folder));
        }
        let in_memory = clearnotice::render(&BuildOptions {
            source: Arc::new(site),
            ..options(&root)
        })
        .unwrap_or_else(|f| panic!("{}: {:#?}", disk_root.display(), f.problems));
        let on_disk = clearnotice::render(&options(&disk_root)).unwrap();
        assert!(in_memory.files.len() > 5, "{}", in_memory.files.len());
        assert_eq!(
            in_memory.files.iter().map(|f| &f.path).collect::<Vec<_>>(),
            on_disk.files.iter().map(|f| &f.path).collect::<Vec<_>>(),
            "{}",
            disk_root.display()
        );
        for (memory, disk) in in_memory.files.iter().zip(&on_disk.files) {
            assert!(memory.bytes == disk.bytes, "{} differs", memory.path);
        }
        let said = |warnings: &[clearnotice::diagnostics::Problem]| -> Vec<String> {
            warnings.iter().map(|w| w.to_string()).collect()
        };
        assert_eq!(said(&in_memory.warnings), said(&on_disk.warnings));
    }
}

#[test]
fn a_broken_site_in_memory_names_its_file_and_code() {
    let root = PathBuf::from("/clearnotice-in-memory/broken");
    let site = InMemory::new()
        .with(root.join("site.toml"), std::fs::read(repo_root().join("site.toml")).unwrap())
        .with(
            root.join("content/a/1.0.md"),
            "+++\ntitle = \"A\"\nservice = \"S\"\ncontroller = \"C\"\nversion = \"1.0\"\neffective = 2025-02-30\n+++\n## About\n\nText.\n",
        );
    let failure = clearnotice::render(&BuildOptions {
        source: Arc::new(site),
        ..options(&root)
    })
    .unwrap_err();
    let first = failure.errors().next().unwrap();
    assert_eq!(first.file, Path::new("content/a/1.0.md"));
    assert_eq!(first.code.number(), "CN0303", "{first}");

    // Nothing at the root at all: no site.toml, said as on disk.
    let failure = clearnotice::render(&BuildOptions {
        source: Arc::new(InMemory::new()),
        ..options(&root)
    })
    .unwrap_err();
    assert!(failure.errors().any(|p| p.code.number() == "CN0101"));
}
