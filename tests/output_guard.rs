//! No command removes anything clearnotice did not make. Each command that writes is
//! run, as a person would type it, in a copy of the real site (with a major change
//! released, so `announce` has something to announce) against every kind of folder
//! that holds someone's files: the site's folder, its sources, a folder above it, the
//! home folder, the top of the disk, a folder of one's own. Each must be refused with a
//! message naming the folder, and leave every file of the site, the folder above it and
//! the home folder exactly as it was — with nothing left beside them.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

/// A copy of the real site with a major change released, in `work/site`; a home folder
/// with a file of its own in `work/home`.
struct World {
    _dir: tempfile::TempDir,
    work: PathBuf,
    site: PathBuf,
    home: PathBuf,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().canonicalize().unwrap();
        let site = work.join("site");
        copy_real_site(&site);
        fs::create_dir_all(site.join("pictures")).unwrap();
        fs::write(site.join("pictures/README.txt"), "our pictures\n").unwrap();
        fs::create_dir_all(site.join("themes/default/css")).unwrap();
        fs::write(site.join("themes/default/css/extra.css"), "p{}\n").unwrap();
        let home = work.join("home");
        fs::create_dir_all(home.join("Documents")).unwrap();
        fs::write(home.join("Documents/letter.txt"), "my letter\n").unwrap();
        fs::create_dir_all(work.join("mine")).unwrap();
        fs::write(work.join("mine/notes.txt"), "my notes\n").unwrap();
        let world = World {
            _dir: dir,
            work,
            site,
            home,
        };
        let released = world.run(&[
            "release",
            "general",
            "--major",
            "--summary",
            "We now share your support plan with your GP.",
            "--effective",
            "2026-12-01",
        ]);
        assert!(released.status.success(), "{}", stderr(&released));
        world
    }

    /// Runs clearnotice in the site's folder, with `home` as the home folder.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_clearnotice"))
            .args(args)
            .current_dir(&self.site)
            .env("NO_COLOR", "1")
            .env("HOME", &self.home)
            .env("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
            .output()
            .expect("run clearnotice")
    }

    /// Every file of the whole work folder (the site, the folder above it, the home
    /// folder and `mine/`), so anything removed, changed or left beside is seen.
    fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        read_tree(&self.work)
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// The folders that must be refused, as they would be typed in the site's folder.
fn someones_folders(world: &World) -> Vec<(&'static str, String)> {
    vec![
        ("the site's folder, as .", ".".to_string()),
        (
            "the site's folder, by name",
            world.site.display().to_string(),
        ),
        ("the site's folder, by a detour", "content/..".to_string()),
        ("content/", "content".to_string()),
        ("a notice's folder", "content/general".to_string()),
        (
            "a new folder inside content/",
            "content/letters".to_string(),
        ),
        ("themes/", "themes".to_string()),
        ("pictures/", "pictures".to_string()),
        ("the folder above the site", "..".to_string()),
        ("the home folder", world.home.display().to_string()),
        ("the top of the disk", "/".to_string()),
        ("a folder of one's own", "../mine".to_string()),
        ("a file", "site.toml".to_string()),
    ]
}

#[test]
fn build_and_announce_refuse_every_folder_that_holds_someones_files() {
    let world = World::new();
    let before = world.snapshot();
    let mut failures = Vec::new();
    for command in ["build", "announce"] {
        for (what, folder) in someones_folders(&world) {
            let args: Vec<&str> = match command {
                "build" => vec!["build", "--no-handouts", "--output-dir", &folder],
                _ => vec!["announce", "general", "--output-dir", &folder],
            };
            let run = world.run(&args);
            let said = stderr(&run);
            if run.status.success() || !said.contains("will not write") {
                failures.push(format!("{command} into {what} ({folder}): {said}"));
            }
            if world.snapshot() != before {
                failures.push(format!("{command} into {what} ({folder}) changed files"));
                panic!("{}", failures.join("\n"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Every file of the site is still there.
    for file in [
        "site.toml",
        "content/general/1.0.md",
        "content/general/2.0.md",
    ] {
        assert!(world.site.join(file).is_file(), "{file}");
    }
}

#[test]
fn announce_replaces_only_its_own_pack_and_build_only_its_own_site() {
    let world = World::new();
    // The default folder, made and then made again.
    for _ in 0..2 {
        let run = world.run(&["announce", "general"]);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let pack = world.site.join("announcements/general-2.0");
    assert!(pack.join("letter.pdf").is_file());
    assert!(!world
        .site
        .join("announcements/.general-2.0.clearnotice-new")
        .exists());

    // A built site is not a pack, and a pack is not a site.
    let built = world.run(&["build", "--no-handouts"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let before = world.snapshot();
    let into_site = world.run(&["announce", "general", "--output-dir", "public"]);
    assert!(!into_site.status.success());
    assert!(
        stderr(&into_site).contains("it holds the site that clearnotice build made"),
        "{}",
        stderr(&into_site)
    );
    let into_pack = world.run(&[
        "build",
        "--no-handouts",
        "--output-dir",
        "announcements/general-2.0",
    ]);
    assert!(!into_pack.status.success());
    assert!(
        stderr(&into_pack)
            .contains("it holds the announcement pack that clearnotice announce made"),
        "{}",
        stderr(&into_pack)
    );
    assert_eq!(world.snapshot(), before);
}

#[test]
fn a_working_folder_in_the_way_is_left_alone() {
    let world = World::new();
    let in_the_way = world.site.join(".public.clearnotice-new");
    fs::create_dir_all(&in_the_way).unwrap();
    fs::write(in_the_way.join("mine.txt"), "not clearnotice's\n").unwrap();
    let before = world.snapshot();
    let run = world.run(&["build", "--no-handouts"]);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("is in the way"), "{}", stderr(&run));
    assert_eq!(world.snapshot(), before);
}

#[test]
fn init_refuses_the_top_of_the_disk_the_home_folder_and_a_sites_sources() {
    let world = World::new();
    let before = world.snapshot();
    for folder in [
        "/".to_string(),
        world.home.display().to_string(),
        "content/another-site".to_string(),
        "pictures/site".to_string(),
        ".".to_string(),
    ] {
        let run = world.run(&["init", &folder]);
        assert!(!run.status.success(), "init {folder} worked");
        let said = stderr(&run);
        assert!(
            said.contains("will not make a site") || said.contains("not empty"),
            "init {folder}: {said}"
        );
        assert_eq!(world.snapshot(), before, "init {folder} changed files");
    }
    // An empty folder in the home folder is fine.
    let run = world.run(&["init", &world.home.join("notices").display().to_string()]);
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn new_and_release_write_only_into_a_site() {
    let world = World::new();
    let not_a_site = world.work.join("mine");
    let before = world.snapshot();
    let root = not_a_site.display().to_string();
    let runs = [
        world.run(&[
            "new",
            "foo",
            "--title",
            "T",
            "--service",
            "S",
            "--controller",
            "C",
            "--root",
            &root,
        ]),
        world.run(&["release", "foo", "--minor", "--root", &root]),
        world.run(&["release", "../general", "--minor"]),
    ];
    for run in &runs {
        assert!(!run.status.success());
        let said = stderr(run);
        assert!(
            said.contains("is not a site") || said.contains("is not the name of a notice"),
            "{said}"
        );
    }
    assert_eq!(world.snapshot(), before);
    assert!(!Path::new(&not_a_site).join("content").exists());
}
