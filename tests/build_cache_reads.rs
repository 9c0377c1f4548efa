//! What a build with its cache reads and says: a notice's files are not read again
//! while the file system's stamps of them stand (and a change that hides from the
//! modification time is still seen), and `--timings` names only the notices it
//! rendered. Runs the real program on a copy of the real site (two notices).

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::{clearnotice, copy_real_site, notices_reused, test_day};

/// A build of the site in `root` into `root/out`: whether it worked, what it said,
/// and how many notices it kept from the last build.
fn build(root: &Path, extra: &[&str]) -> (bool, String, usize) {
    let day = test_day().to_string();
    let mut args = vec![
        "build",
        "--no-handouts",
        "--date",
        &day,
        "--output-dir",
        "out",
    ];
    args.extend_from_slice(extra);
    let run = clearnotice(&args, root);
    let said = String::from_utf8_lossy(&run.stderr).to_string();
    let reused = notices_reused(&said);
    (run.status.success(), said, reused)
}

/// A notice's files are not read again while the file system says none of them
/// changed (their stamps, as git's index keeps them). A change that keeps the size and
/// sets the modification time back, as `cp -p` or `rsync -t` can, must still be seen:
/// the status-change time cannot be set back. Files are trusted this way only once
/// they have been left alone for a few seconds, hence the wait.
#[test]
fn a_same_size_change_with_its_time_set_back_is_still_seen() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path();
    copy_real_site(root);
    let text = root.join("content/general/1.0.md");
    build(root, &[]);
    std::thread::sleep(Duration::from_millis(3_200));
    // Now settled: this build keeps the folders' stamps, the next trusts them.
    build(root, &[]);
    let (worked, said, reused) = build(root, &[]);
    assert!(worked && reused == 2, "{said}");

    let before = fs::read_to_string(&text).unwrap();
    let modified = fs::metadata(&text).unwrap().modified().unwrap();
    let after = before.replacen("personal information", "PERSONAL INFORMATION", 1);
    assert_eq!(after.len(), before.len());
    assert_ne!(after, before);
    fs::write(&text, &after).unwrap();
    fs::File::options()
        .write(true)
        .open(&text)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&text).unwrap().modified().unwrap(), modified);

    let (worked, said, reused) = build(root, &[]);
    assert!(worked, "{said}");
    assert_eq!(reused, 1, "the changed notice is built again");
    let shown = fs::read_to_string(root.join("out/general/index.html")).unwrap();
    assert!(
        shown.contains("PERSONAL INFORMATION"),
        "the page shows the change"
    );
}

/// `build --timings` lists the notices rendered this run that took longest; those
/// taken from the cache are left out (their times are the last run's).
#[test]
fn timings_name_only_the_notices_rendered_this_run() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path();
    copy_real_site(root);
    let slowest = || {
        let (worked, said, _) = build(root, &["--timings"]);
        assert!(worked, "{said}");
        let named: Vec<String> = said
            .split("Slowest notices to render:\n")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .take_while(|line| line.starts_with("  "))
            .filter_map(|line| line.split_whitespace().nth(2).map(str::to_string))
            .collect();
        (said, named)
    };
    let (_, first) = slowest();
    assert_eq!(first.len(), 2, "both notices rendered");
    let (said, again) = slowest();
    assert!(again.is_empty(), "{said}");
    assert!(said.contains("No notice rendered: each was taken from the build cache."));
    let text = root.join("content/general/1.0.md");
    let edited = fs::read_to_string(&text).unwrap() + "\nA new paragraph.\n";
    fs::write(&text, edited).unwrap();
    let (_, after_edit) = slowest();
    assert_eq!(after_edit, ["general"]);
}
