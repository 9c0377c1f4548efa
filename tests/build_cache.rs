//! The build cache is never wrong: after each of a random sequence of edits — a
//! notice's text, its front-matter, a new version, an easy-read text, a translation,
//! a heading, a theme template, a stylesheet, a picture, site.toml, the day passing a
//! version's effective date, a notice added or removed, an output file changed by
//! hand, the cache from another clearnotice or damaged — a build that uses its cache
//! gives byte for byte the website, the warnings and the exit status of a clean build.
//! Runs the real program, as people do. `CACHE_TEST_SEED=n` replays one sequence.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_dir, fixture, repo_root};

/// The sequences run by default, and how many edits each makes.
const SEEDS: [u64; 3] = [1, 2, 3];
const EDITS: usize = 14;

/// A small generator, so a failing sequence can be replayed from its seed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// A site of five notices in three languages: the languages fixture, the real
/// notices and the history fixture's (with a version that takes effect later).
fn make_site(root: &Path) {
    copy_dir(&fixture("languages"), root);
    fs::remove_file(root.join("README.md")).ok();
    for slug in ["general", "wellbeing-centres"] {
        copy_dir(
            &repo_root().join("content").join(slug),
            &root.join("content").join(slug),
        );
    }
    for slug in ["changing-notice", "joint-service"] {
        copy_dir(
            &fixture("history").join("content").join(slug),
            &root.join("content").join(slug),
        );
    }
    fs::create_dir_all(root.join("pictures")).unwrap();
    fs::write(root.join("pictures/read.svg"), picture(10)).unwrap();
}

fn picture(radius: usize) -> String {
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><circle cx=\"50\" cy=\"50\" r=\"{radius}\" fill=\"#000\"/></svg>\n")
}

/// What a run of `clearnotice build` gave.
struct Run {
    success: bool,
    /// The terminal's text, with what may differ between a cached and a clean build
    /// (notes about the cache, the time taken, the output folder's name) taken out.
    said: String,
    /// How many notices it kept from the last build.
    reused: usize,
}

fn build(root: &Path, output: &Path, day: &str, clean: bool) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clearnotice"));
    command.args(["build", "--no-handouts", "--date", day, "--root"]);
    command.arg(root).arg("--output-dir").arg(output);
    if clean {
        command.arg("--clean");
    }
    let run = command.output().expect("clearnotice runs");
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    let reused = common::notices_reused(&stderr);
    let said = stderr
        .lines()
        .filter(|line| !line.starts_with("note: "))
        .map(|line| {
            let line = line.replace(&output.display().to_string(), "OUT");
            match line.find(" in ") {
                Some(at) if line.starts_with("Built ") => line[..at].to_string(),
                _ => line,
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    Run {
        success: run.status.success(),
        said,
        reused,
    }
}

/// Every file under `dir`, by path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (path, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The edits the sequences are made of.
const KINDS: [&str; 15] = [
    "notice text",
    "front-matter",
    "new version",
    "easy-read text",
    "translation",
    "heading",
    "theme template",
    "stylesheet",
    "picture",
    "site.toml",
    "day passes",
    "notice added or removed",
    "output changed by hand",
    "cache from another clearnotice",
    "cache damaged",
];

struct Edits<'a> {
    root: &'a Path,
    output: &'a Path,
    day: jiff::civil::Date,
    step: usize,
    random: Random,
}

impl Edits<'_> {
    fn notices(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(self.root.join("content"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        found.sort();
        found
    }

    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.random.below(from.len())].clone()
    }

    /// The files of `folder` whose names end so.
    fn files(&self, folder: &Path, ending: &str) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(ending))
            .collect();
        found.sort();
        found
    }

    /// A version file (not a translation or an easy-read text) of any notice.
    fn version_file(&mut self) -> PathBuf {
        let notice = self.pick(&self.notices());
        let versions: Vec<PathBuf> = self
            .files(&notice, ".md")
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .matches('.')
                    .count()
                    == 2
            })
            .collect();
        self.pick(&versions)
    }

    fn edit(&mut self, path: &Path, change: impl FnOnce(String) -> String) {
        let text = fs::read_to_string(path).unwrap_or_default();
        fs::write(path, change(text)).unwrap();
    }

    /// A copy of the built-in theme's file, for the site to change.
    fn theme_file(&self, path: &str) -> PathBuf {
        let own = self.root.join("themes/default").join(path);
        if !own.exists() {
            fs::create_dir_all(own.parent().unwrap()).unwrap();
            fs::copy(repo_root().join("themes/default").join(path), &own).unwrap();
        }
        own
    }

    fn cache_file(&self) -> PathBuf {
        let name = self.output.file_name().unwrap().to_string_lossy();
        self.output
            .parent()
            .unwrap()
            .join(format!(".{name}.clearnotice-cache"))
    }

    fn apply(&mut self, kind: &str) {
        let step = self.step;
        match kind {
            "notice text" => {
                let file = self.version_file();
                self.edit(&file, |t| {
                    format!("{t}\nA paragraph added in step {step}.\n")
                });
            }
            "front-matter" => {
                let file = self.version_file();
                self.edit(&file, |t| {
                    let (front, rest) = t.split_at(t[3..].find("+++").unwrap() + 3);
                    let front: Vec<String> = front
                        .lines()
                        .map(|l| {
                            if l.starts_with("service =") {
                                format!("service = \"Service {step}\"")
                            } else {
                                l.to_string()
                            }
                        })
                        .collect();
                    format!("{}\n{rest}", front.join("\n"))
                });
            }
            "new version" => {
                let notice = self.pick(&self.notices());
                // After every version written so far, and soon after the day built
                // for, so that a later step's day can pass it.
                let days = 10 * step as i64 + self.random.below(10) as i64;
                let after = jiff::civil::date(2027, 4, 2).max(self.day);
                let effective = after.checked_add(jiff::Span::new().days(days)).unwrap();
                // The next major version: 1.0 → 2.0, as the history rules ask.
                let number = 1 + self
                    .files(&notice, ".md")
                    .iter()
                    .filter_map(|p| {
                        let name = p.file_name()?.to_string_lossy().to_string();
                        let (major, rest) = name.split_once('.')?;
                        (rest.matches('.').count() == 1).then(|| major.parse::<usize>().ok())?
                    })
                    .max()
                    .unwrap_or(0);
                fs::write(
                    notice.join(format!("{number}.0.md")),
                    format!("+++\ntitle = \"How we use your information\"\nservice = \"Home support\"\ncontroller = \"Example Care\"\nversion = \"{number}.0\"\neffective = {effective}\nchange = \"major\"\nsummary = \"We changed how long we keep your records.\"\n+++\n\n## What we collect\n\nWe collect your name and address.\n\n## How long we keep it\n\nWe keep your records for 8 years.\n"),
                )
                .unwrap();
            }
            "easy-read text" => {
                let easy_reads: Vec<PathBuf> = self
                    .notices()
                    .iter()
                    .flat_map(|n| self.files(n, ".easy-read.md"))
                    .collect();
                let file = self.pick(&easy_reads);
                self.edit(&file, |t| {
                    format!("{t}\n![A calendar](picture:calendar) We added this in step {step}.\n")
                });
            }
            "translation" => {
                let file = self.root.join("content/govuk-verify/1.0.cy.md");
                self.edit(&file, |t| format!("{t}\nParagraff ychwanegol {step}.\n"));
            }
            "heading" => {
                let file = self.version_file();
                self.edit(&file, |t| {
                    t.replacen("\n## ", &format!("\n## Step {step}: "), 1)
                });
            }
            "theme template" => {
                let file = self.theme_file("templates/base.html");
                self.edit(&file, |t| {
                    t.replacen(
                        "</footer>",
                        &format!("<p>Edited in step {step}.</p></footer>"),
                        1,
                    )
                });
            }
            "stylesheet" => {
                let file = self.theme_file("css/main.css");
                self.edit(&file, |t| format!("{t}\n.step-{step} {{ color: #000; }}\n"));
            }
            "picture" => {
                let radius = 5 + self.random.below(40);
                fs::write(self.root.join("pictures/read.svg"), picture(radius)).unwrap();
            }
            "site.toml" => {
                let file = self.root.join("site.toml");
                self.edit(&file, |t| {
                    t.replace(
                        &t.lines()
                            .find(|l| l.starts_with("organisation ="))
                            .unwrap()
                            .to_string(),
                        &format!("organisation = \"Example Care {step}\""),
                    )
                });
            }
            "day passes" => {
                // To the next effective date (or past it), so a version comes into
                // effect; by some days when none is ahead.
                let next = self
                    .notices()
                    .iter()
                    .flat_map(|n| self.files(n, ".md"))
                    .filter_map(|file| {
                        let text = fs::read_to_string(file).ok()?;
                        let line = text.lines().find(|l| l.starts_with("effective = "))?;
                        line["effective = ".len()..]
                            .parse::<jiff::civil::Date>()
                            .ok()
                    })
                    .filter(|date| *date > self.day)
                    .min();
                let days = self.random.below(3) as i64;
                let from =
                    next.unwrap_or(self.day.checked_add(jiff::Span::new().days(20)).unwrap());
                self.day = from.checked_add(jiff::Span::new().days(days)).unwrap();
            }
            "notice added or removed" => {
                let copies: Vec<PathBuf> = self
                    .notices()
                    .into_iter()
                    .filter(|n| {
                        n.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with("copy-")
                    })
                    .collect();
                if copies.is_empty() || self.random.below(2) == 0 {
                    let from = self.pick(&self.notices());
                    copy_dir(&from, &self.root.join(format!("content/copy-{step}")));
                } else {
                    let gone = self.pick(&copies);
                    fs::remove_dir_all(gone).unwrap();
                }
            }
            "output changed by hand" => {
                let pages: Vec<PathBuf> = tree(self.output)
                    .into_keys()
                    .filter(|p| p.to_string_lossy().ends_with(".html"))
                    .collect();
                if !pages.is_empty() {
                    let page = self.output.join(self.pick(&pages));
                    self.edit(&page, |t| format!("{t}<!-- changed by hand -->"));
                }
            }
            "cache from another clearnotice" => {
                // The cache names the program that wrote it; this one is then another.
                if let Ok(mut bytes) = fs::read(self.cache_file()) {
                    let version = env!("CARGO_PKG_VERSION").as_bytes();
                    if let Some(at) = bytes.windows(version.len()).position(|w| w == version) {
                        bytes[at] = if bytes[at] == b'9' { b'8' } else { b'9' };
                        fs::write(self.cache_file(), bytes).unwrap();
                    }
                }
            }
            "cache damaged" => {
                if let Ok(mut bytes) = fs::read(self.cache_file()) {
                    let cut = bytes.len() / 2;
                    bytes.truncate(cut);
                    fs::write(self.cache_file(), bytes).unwrap();
                }
            }
            other => panic!("no edit {other}"),
        }
    }
}

/// Builds with the cache, then from scratch into `clean`: the same exit status and
/// the same words. Returns the cached build's run.
fn cached_and_clean(edits: &Edits, clean: &Path, what: &str) -> Run {
    let day = edits.day.to_string();
    let cached = build(edits.root, edits.output, &day, false);
    fs::remove_dir_all(clean).ok();
    let from_scratch = build(edits.root, clean, &day, true);
    assert_eq!(cached.success, from_scratch.success, "{what}: exit status");
    assert_eq!(
        cached.said, from_scratch.said,
        "{what}: what the terminal said"
    );
    cached
}

fn run_sequence(seed: u64) {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("site");
    let output = work.path().join("out");
    let clean = work.path().join("clean");
    make_site(&root);
    let mut edits = Edits {
        root: &root,
        output: &output,
        day: common::test_day(),
        step: 0,
        random: Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
    };
    let first = build(&root, &output, &edits.day.to_string(), false);
    assert!(first.success, "the site builds: {}", first.said);
    let mut last_succeeded = true;
    let mut reused_at_all = false;
    for step in 1..=EDITS {
        edits.step = step;
        let kind = edits.pick(&KINDS);
        edits.apply(kind);
        let what = format!("seed {seed}, step {step} ({kind})");
        let cached = cached_and_clean(&edits, &clean, &what);
        if cached.success {
            let (ours, theirs) = (tree(&output), tree(&clean));
            assert_eq!(
                ours.keys().collect::<Vec<_>>(),
                theirs.keys().collect::<Vec<_>>(),
                "{what}: the same files"
            );
            for (path, bytes) in &ours {
                assert!(
                    *bytes == theirs[path],
                    "{what}: {} differs from a clean build's",
                    path.display()
                );
            }
        }
        // A notice's own text changed: every other notice is kept from the cache.
        if kind == "notice text" && last_succeeded && cached.success {
            let notices = edits.notices().len();
            assert_eq!(cached.reused, notices - 1, "{what}: notices reused");
        }
        reused_at_all |= cached.reused > 0;
        last_succeeded = cached.success;
    }
    assert!(
        reused_at_all,
        "seed {seed}: the cache was used at least once"
    );
}

#[test]
fn a_build_with_its_cache_equals_a_clean_build_after_random_edits() {
    let seeds: Vec<u64> = match std::env::var("CACHE_TEST_SEED") {
        Ok(seed) => vec![seed.parse().expect("CACHE_TEST_SEED is a number")],
        Err(_) => SEEDS.to_vec(),
    };
    for seed in seeds {
        run_sequence(seed);
    }
}

/// Each kind of edit once, in order, so that every kind is tried whatever the seeds
/// pick.
#[test]
fn every_kind_of_edit_keeps_the_cache_right() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("site");
    let output = work.path().join("out");
    let clean = work.path().join("clean");
    make_site(&root);
    let mut edits = Edits {
        root: &root,
        output: &output,
        day: common::test_day(),
        step: 0,
        random: Random(7),
    };
    assert!(build(&root, &output, &edits.day.to_string(), false).success);
    for (step, kind) in KINDS.iter().enumerate() {
        edits.step = step + 1;
        edits.apply(kind);
        let cached = cached_and_clean(&edits, &clean, kind);
        // Every edit here leaves a site that builds, so each is compared whole.
        assert!(cached.success, "{kind}: the build failed: {}", cached.said);
        assert!(
            tree(&output) == tree(&clean),
            "{kind}: the website differs from a clean build's"
        );
    }
}

/// A cache that cannot be trusted is set aside with one line saying why.
#[test]
fn a_damaged_or_foreign_cache_is_set_aside_with_a_note() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("site");
    let output = work.path().join("out");
    make_site(&root);
    let day = common::test_day().to_string();
    let cache = work.path().join(".out.clearnotice-cache");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_clearnotice"))
            .args(["build", "--no-handouts", "--date", &day, "--root"])
            .arg(&root)
            .arg("--output-dir")
            .arg(&output)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    run(&[]);
    assert!(run(&[]).contains("6 notices unchanged since the last build"));
    fs::write(&cache, b"not a cache").unwrap();
    let said = run(&[]);
    assert!(
        said.contains("note: the build cache") && said.contains("could not be read"),
        "{said}"
    );
    assert!(!said.contains("unchanged since the last build"), "{said}");
    // Another site's cache: the site moved to another folder, its output with it.
    let moved = work.path().join("moved");
    copy_dir(&root, &moved);
    let out = Command::new(env!("CARGO_BIN_EXE_clearnotice"))
        .args(["build", "--no-handouts", "--date", &day, "--root"])
        .arg(&moved)
        .arg("--output-dir")
        .arg(&output)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("was made for another site"), "{said}");
    // --clean reads nothing, and says nothing about it.
    let said = run(&["--clean"]);
    assert!(
        !said.contains("note:") && !said.contains("unchanged since"),
        "{said}"
    );
}
