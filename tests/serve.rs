//! `clearnotice serve` on a real server, an ephemeral loopback port and a temporary
//! copy of a site: saves rebuild once and reload the pages; broken saves show an error
//! and keep the last good pages; nothing outside the site is ever served.

#![allow(clippy::result_large_err)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clearnotice::pipeline::{Change, Pipeline};
use clearnotice::serve::{start, ServeEvent, ServeOptions, ServerHandle};
use clearnotice::{BuildFailure, BuildOptions};
use common::*;

const FRONT: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

fn small_site() -> tempfile::TempDir {
    site(&[
        (
            "content/a/1.0.md",
            version_file(FRONT, "\n## About\n\nThe first text.\n"),
        ),
        (
            "content/a/1.0.easy-read.md",
            "![A phone](picture:phone) We phone you.\n".to_string(),
        ),
        (
            "content/b/1.0.md",
            version_file(FRONT, "\n## About\n\nNotice b.\n"),
        ),
    ])
}

fn serve(root: &Path) -> ServerHandle {
    serve_telling(root, |_| {})
}

/// As [`serve`], with `report` hearing of every build.
fn serve_telling(root: &Path, report: impl Fn(&ServeEvent) + Send + 'static) -> ServerHandle {
    let options = ServeOptions {
        root: root.to_path_buf(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        poll: false,
        base_url: None,
        today: Some(test_day()),
    };
    let handle = start(options, report).expect("server starts");
    // Give the watcher a moment to be in place before the test edits anything.
    std::thread::sleep(Duration::from_millis(300));
    handle
}

/// A plain HTTP/1.1 request; returns the status and the body.
fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    request(addr, "GET", path)
}

/// Listens to the server-sent events; each `event:` name arrives on the channel.
fn listen(addr: SocketAddr) -> mpsc::Receiver<(String, String)> {
    let (tx, rx) = mpsc::channel();
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET /__clearnotice/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        // An event is `event:` and `data:` lines (a multi-line message has several
        // `data:` lines), ended by a blank line. As in a browser's EventSource, an
        // event with no `data:` line is dropped (the HTML standard's "dispatch the
        // event" returns when the data buffer is empty).
        let (mut name, mut data) = (String::new(), Vec::new());
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if let Some(event) = line.strip_prefix("event: ") {
                name = event.to_string();
            } else if let Some(text) = line.strip_prefix("data:") {
                data.push(text.strip_prefix(' ').unwrap_or(text).to_string());
            } else if line.is_empty() && data.is_empty() {
                name.clear();
            } else if line.is_empty() && !name.is_empty() {
                if tx
                    .send((std::mem::take(&mut name), data.join("\n")))
                    .is_err()
                {
                    return;
                }
                data.clear();
            }
        }
    });
    rx
}

/// The next event's name within `wait`, if any.
fn next_event(rx: &mpsc::Receiver<(String, String)>, wait: Duration) -> Option<(String, String)> {
    let deadline = Instant::now() + wait;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok((name, data)) if !name.is_empty() => return Some((name, data)),
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
    None
}

/// The next reload or error within `seconds`, past the status that follows each
/// reload (the warnings, or "ok").
fn next_change(rx: &mpsc::Receiver<(String, String)>, seconds: u64) -> Option<String> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match next_event(rx, left)?.0 {
            name if name == "warnings" || name == "ok" => continue,
            name => return Some(name),
        }
    }
    None
}

/// The next event's name within `seconds`.
fn next_name(rx: &mpsc::Receiver<(String, String)>, seconds: u64) -> Option<String> {
    next_event(rx, Duration::from_secs(seconds)).map(|(name, _)| name)
}

fn edit(root: &Path, path: &str, body: &str) {
    std::fs::write(root.join(path), version_file(FRONT, body)).unwrap();
}

#[test]
fn a_save_gives_exactly_one_reload_and_the_new_text() {
    let dir = small_site();
    let server = serve(dir.path());
    let events = listen(server.addr);
    // Notice b has no easy-read text yet: a page is told so as it connects.
    let (name, warnings) = next_event(&events, Duration::from_secs(5)).unwrap();
    assert_eq!(name, "warnings");
    assert!(
        warnings.contains("the current version of b has no easy-read text yet"),
        "{warnings}"
    );
    assert!(get(server.addr, "/a/").1.contains("The first text."));

    edit(
        dir.path(),
        "content/a/1.0.md",
        "\n## About\n\nThe second text.\n",
    );
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    let (status, page) = get(server.addr, "/a/");
    assert_eq!(status, 200);
    assert!(page.contains("The second text."), "{page}");
    assert!(
        page.contains("/__clearnotice/live.js"),
        "the reload script is injected when serving"
    );
    // The status follows the reload; then nothing more.
    assert_eq!(next_name(&events, 5).as_deref(), Some("warnings"));
    assert_eq!(
        next_event(&events, Duration::from_millis(800)),
        None,
        "exactly one reload"
    );
    assert_eq!(server.rebuilds.load(Ordering::SeqCst), 1);
    server.stop();
}

#[test]
fn a_handout_is_made_when_it_is_first_asked_for_not_on_a_save() {
    let dir = small_site();
    let server = serve(dir.path());
    let events = listen(server.addr);
    assert_eq!(next_name(&events, 5).as_deref(), Some("warnings"));
    // Linked, not made: the link cannot say its pages and size yet.
    let (_, page) = get(server.addr, "/a/easy-read/");
    assert!(
        page.contains(">Download the easy-read leaflet (PDF)</a>"),
        "{page}"
    );
    let cache = dir.path().join(".public.clearnotice-handouts");
    assert!(!cache.exists(), "a handout was made before anyone asked");

    let (status, pdf) = get(server.addr, "/a/easy-read/a-easy-read.pdf");
    assert_eq!(status, 200);
    assert!(pdf.starts_with("%PDF-"), "{}", &pdf[..pdf.len().min(200)]);
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
    // Asked for a path that is no handout: still not found.
    assert_eq!(get(server.addr, "/a/easy-read/nothing.pdf").0, 404);

    // The next save of the notice finds it made: the link now gives pages and size.
    edit(
        dir.path(),
        "content/a/1.0.md",
        "\n## About\n\nThe first text.\n",
    );
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    let (_, page) = get(server.addr, "/a/easy-read/");
    assert!(
        page.contains("Download the easy-read leaflet (PDF, 1 page, "),
        "{page}"
    );
    // The large-print handout is still waiting: nobody asked for it.
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
    server.stop();
}

#[test]
fn a_braille_file_is_made_when_it_is_first_asked_for() {
    let dir = small_site();
    let toml = format!("{SITE_TOML}\n[braille]\n");
    std::fs::write(dir.path().join("site.toml"), toml).unwrap();
    let server = serve(dir.path());
    let events = listen(server.addr);
    assert_eq!(next_name(&events, 5).as_deref(), Some("warnings"));
    // Linked from every form's page, not made yet.
    for page in ["/a/", "/a/easy-read/"] {
        let (_, html) = get(server.addr, page);
        assert!(
            html.contains(">Download in braille (BRF)</a>"),
            "{page}: {html}"
        );
        assert!(html.contains("application/x-pef+xml"), "{page}: {html}");
    }
    let (status, brf) = get(server.addr, "/a/a.brf");
    assert_eq!(status, 200);
    // The title, centred, and the page number at the end of the first line.
    assert!(brf.starts_with("   ") && brf.contains(",A NOTICE"), "{brf}");
    assert!(
        brf.starts_with("   ") && brf.split("\r\n").next().unwrap().ends_with(" #A"),
        "{brf:?}"
    );
    let (status, pef) = get(server.addr, "/a/1.0/a-1.0.pef");
    assert_eq!(status, 200);
    assert!(pef.contains("<pef version=\"2008-1\""), "{pef}");
    assert_eq!(get(server.addr, "/a/nothing.brf").0, 404);
    server.stop();
}

#[test]
fn a_burst_of_writes_is_one_rebuild_and_a_save_by_rename_is_seen() {
    let dir = small_site();
    let server = serve(dir.path());
    for n in 0..5 {
        edit(
            dir.path(),
            "content/a/1.0.md",
            &format!("\n## About\n\nWrite number {n}.\n"),
        );
        // An editor's save is a few writes within milliseconds.
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        server.rebuilds.load(Ordering::SeqCst),
        1,
        "5 quick writes, 1 rebuild"
    );
    assert!(get(server.addr, "/a/").1.contains("Write number 4."));

    // Editors that save by writing a temporary file and renaming it over the original.
    let temp = dir.path().join("content/b/.1.0.md.tmp");
    std::fs::write(
        &temp,
        version_file(FRONT, "\n## About\n\nSaved by rename.\n"),
    )
    .unwrap();
    std::fs::rename(&temp, dir.path().join("content/b/1.0.md")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !get(server.addr, "/b/").1.contains("Saved by rename.") {
        assert!(Instant::now() < deadline, "the rename was not seen");
        std::thread::sleep(Duration::from_millis(100));
    }
    server.stop();
}

#[test]
fn a_broken_save_shows_the_error_and_keeps_the_last_good_page() {
    let dir = small_site();
    let server = serve(dir.path());
    let events = listen(server.addr);
    assert_eq!(next_name(&events, 5).as_deref(), Some("warnings"));

    std::fs::write(
        dir.path().join("content/a/1.0.md"),
        "+++\ntitle = \"Broken\n+++\nOops.\n",
    )
    .unwrap();
    let (name, data) = next_event(&events, Duration::from_secs(10)).expect("an event");
    assert_eq!(name, "error-report");
    assert!(data.contains("content/a/1.0.md:2:"), "{data}");
    let page = get(server.addr, "/a/").1;
    assert!(
        page.contains("The first text."),
        "the last good page stays served"
    );
    // A page opened now is told at once.
    let late = listen(server.addr);
    assert_eq!(next_name(&late, 5).as_deref(), Some("error-report"));

    edit(dir.path(), "content/a/1.0.md", "\n## About\n\nFixed.\n");
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    assert!(get(server.addr, "/a/").1.contains("Fixed."));
    let fresh = listen(server.addr);
    assert_eq!(
        next_name(&fresh, 5).as_deref(),
        Some("warnings"),
        "the error is cleared; the warnings stand"
    );
    // With its easy-read text, notice b warns no more: pages are told all is well.
    std::fs::write(
        dir.path().join("content/b/1.0.easy-read.md"),
        "![A phone](picture:phone) We phone you.\n",
    )
    .unwrap();
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    // A page that connects at once may first be told the last good build's
    // warnings; the new ones follow as soon as they are listed.
    let fresh = listen(server.addr);
    let mut told = Vec::new();
    loop {
        let (_, warnings) = next_event(&fresh, Duration::from_secs(5)).expect("a status");
        if !warnings.contains("no easy-read text") {
            break;
        }
        told.push(warnings);
        assert!(told.len() < 2, "still told of the old warning: {told:?}");
    }
    server.stop();
}

/// A start after another serves the last preview from disk at once while it builds
/// the site again. Broken since, the site cannot build: the last preview stays served
/// under the error, as the last good site does after a broken save; a fix replaces it.
#[test]
fn a_second_start_serves_the_last_preview_while_it_builds() {
    let dir = small_site();
    let list = dir
        .path()
        .join(".public.clearnotice-preview.clearnotice-files");
    let server = serve(dir.path());
    let deadline = Instant::now() + Duration::from_secs(20);
    while !list.is_file() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(list.is_file(), "the first start keeps its preview");
    server.stop();

    std::fs::write(
        dir.path().join("content/a/1.0.md"),
        "+++\ntitle = \"Broken\n+++\nOops.\n",
    )
    .unwrap();
    let (tx, told) = mpsc::channel();
    let server = serve_telling(dir.path(), move |event| {
        let _ = tx.send(match event {
            ServeEvent::Preview { files } => format!("preview {files}"),
            ServeEvent::Rebuilt { .. } => "built".to_string(),
            ServeEvent::Failed(_) => "failed".to_string(),
        });
    });
    let first = told.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        first.starts_with("preview ") && first != "preview 0",
        "{first}"
    );
    assert_eq!(
        told.recv_timeout(Duration::from_secs(20)).unwrap(),
        "failed"
    );
    let (status, page) = get(server.addr, "/a/");
    assert_eq!(status, 200);
    assert!(
        page.contains("The first text."),
        "the last preview, from disk"
    );
    let events = listen(server.addr);
    assert_eq!(next_name(&events, 5).as_deref(), Some("error-report"));

    edit(dir.path(), "content/a/1.0.md", "\n## About\n\nFixed.\n");
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    assert!(get(server.addr, "/a/").1.contains("Fixed."));
    server.stop();
}

/// A kept preview that cannot be trusted (its list damaged, or naming files outside
/// it) is not served: the start builds the site as a first start does.
#[test]
fn a_damaged_preview_is_not_served() {
    let dir = small_site();
    let folder = dir.path().join(".public.clearnotice-preview");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join(".clearnotice"),
        "This folder was made by clearnotice build; it replaces its files at every build.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path()
            .join(".public.clearnotice-preview.clearnotice-files"),
        format!("not a list\n{} 3 1 ../site.toml\n", "0".repeat(32)),
    )
    .unwrap();
    let (tx, told) = mpsc::channel();
    let server = serve_telling(dir.path(), move |event| {
        let _ = tx.send(matches!(event, ServeEvent::Preview { .. }));
    });
    assert!(
        !told.recv_timeout(Duration::from_secs(5)).unwrap(),
        "no preview served"
    );
    assert!(get(server.addr, "/a/").1.contains("The first text."));
    assert_eq!(get(server.addr, "/../site.toml").0, 400);
    server.stop();
}

#[test]
fn a_save_that_takes_a_notice_past_its_readability_target_is_shown_first() {
    let dir = small_site();
    std::fs::write(
        dir.path().join("site.toml"),
        format!("{SITE_TOML}\n[readability]\ngrade = 10\n"),
    )
    .unwrap();
    let server = serve(dir.path());
    let events = listen(server.addr);
    let (_, before) = next_event(&events, Duration::from_secs(5)).unwrap();
    assert!(!before.contains("CN0414"), "{before}");

    edit(
        dir.path(),
        "content/a/1.0.md",
        "\n## Why we process it\n\nIn accordance with applicable legislation, the organisation processes \
         personal information concerning individuals for the administration of services, and \
         information is disclosed to partner organisations where processing is considered necessary \
         for the performance of a task carried out in the public interest.\n",
    );
    assert_eq!(next_change(&events, 10).as_deref(), Some("reload"));
    let (name, after) = next_event(&events, Duration::from_secs(5)).unwrap();
    assert_eq!(name, "warnings");
    // What the save made worse comes first, before the warnings that were there.
    let first = after.lines().find(|l| l.contains("CN")).unwrap_or_default();
    assert!(
        first.contains("CN0414 a 1.0 reads at grade") && first.contains("target of 10"),
        "{after}"
    );
    server.stop();
}

#[test]
fn nothing_outside_the_site_is_served() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "TOP SECRET").unwrap();
    let root = outer.path().join("site");
    std::fs::create_dir_all(root.join("content/a")).unwrap();
    std::fs::write(root.join("site.toml"), SITE_TOML).unwrap();
    std::fs::write(
        root.join("content/a/1.0.md"),
        version_file(FRONT, "\nText.\n"),
    )
    .unwrap();
    let server = serve(&root);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/a/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "//etc/passwd",
        "/site.toml",
        "/content/a/1.0.md",
    ] {
        let (status, body) = get(server.addr, path);
        assert!((400..500).contains(&status), "{path} gave {status}");
        assert!(
            !body.contains("TOP SECRET") && !body.contains("base_url"),
            "{path} leaked: {body}"
        );
    }
    let (status, _) = request(server.addr, "POST", "/");
    assert_eq!(status, 405);
    let (status, body) = request(server.addr, "HEAD", "/a/");
    assert_eq!((status, body.as_str()), (200, ""));
    let (status, body) = get(server.addr, "/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");
    server.stop();
}

/// What `serve` builds with: the site's own settings, unminified, on the test day.
fn preview_options(root: &Path) -> BuildOptions {
    BuildOptions {
        minify: false,
        today: Some(test_day()),
        ..BuildOptions::new(root)
    }
}

/// Every file of a fresh full build of `root`, and its warnings.
fn full_build(root: &Path) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let (files, pipeline) =
        collect(|sink| Pipeline::run(&preview_options(root), sink).map(|(p, _)| p));
    (
        files,
        pipeline
            .unwrap()
            .warnings()
            .iter()
            .map(|w| format!("{w:?}"))
            .collect(),
    )
}

/// Runs `step` with a sink that keeps every file; returns the files and the result.
fn collect<T>(
    step: impl FnOnce(&clearnotice::render::Sink) -> Result<T, BuildFailure>,
) -> (BTreeMap<String, Vec<u8>>, Result<T, BuildFailure>) {
    let files = std::sync::Mutex::new(BTreeMap::new());
    let result = step(&|file| {
        files.lock().unwrap().insert(file.path, file.bytes);
        Ok(())
    });
    (files.into_inner().unwrap(), result)
}

/// Applies an update to the files served so far; says how many changed.
fn apply(files: &mut BTreeMap<String, Vec<u8>>, pipeline: &mut Pipeline, change: Change) -> usize {
    let (changed, outcome) = collect(|sink| pipeline.update(&BTreeSet::from([change]), sink));
    for path in &outcome.unwrap().removed {
        files.remove(path);
    }
    let count = changed.len();
    files.extend(changed);
    count
}

fn warnings(pipeline: &Pipeline) -> Vec<String> {
    pipeline
        .warnings()
        .iter()
        .map(|w| format!("{w:?}"))
        .collect()
}

#[test]
fn an_incremental_rebuild_equals_a_full_build() {
    let dir = small_site();
    let root = dir.path().to_path_buf();
    let (mut files, pipeline) =
        collect(|sink| Pipeline::run(&preview_options(&root), sink).map(|(p, _)| p));
    let mut pipeline = pipeline.unwrap();
    let everything = files.len();

    edit(&root, "content/a/1.0.md", "\n## About\n\nChanged text.\n");
    let minor = version_file(
        &FRONT
            .replace("1.0", "1.1")
            .replace("2025-01-01", "2025-06-01"),
        "\n## About\n\nA minor fix.\n",
    )
    .replace("+++\n\n", "change = \"minor\"\n+++\n\n");
    std::fs::write(root.join("content/a/1.1.md"), minor).unwrap();
    let changed = apply(&mut files, &mut pipeline, Change::Notice("a".into()));
    assert!(
        changed < everything,
        "a save re-renders only its notice and the site-wide files: {changed} of {everything}"
    );
    assert_eq!((files.clone(), warnings(&pipeline)), full_build(&root));

    // A text-only edit changes none of what the index, feeds and sitemap show: they
    // are not re-rendered, and the result is still the same as a full build.
    edit(
        &root,
        "content/a/1.0.md",
        "\n## About\n\nOnly the words change.\n",
    );
    let (changed, outcome) =
        collect(|sink| pipeline.update(&BTreeSet::from([Change::Notice("a".into())]), sink));
    outcome.unwrap();
    assert!(
        changed.keys().all(|path| path.starts_with("a/")),
        "{:?}",
        changed.keys().collect::<Vec<_>>()
    );
    files.extend(changed);
    assert_eq!(files, full_build(&root).0);

    // The theme's words are theme files too: a site's own strings file replaces them.
    std::fs::create_dir_all(root.join("themes/default/strings")).unwrap();
    let strings =
        std::fs::read_to_string(repo_root().join("themes/default/strings/en-GB.ftl")).unwrap();
    std::fs::write(
        root.join("themes/default/strings/en-GB.ftl"),
        strings.replace("Skip to main content", "Skip to the notice"),
    )
    .unwrap();
    apply(&mut files, &mut pipeline, Change::Theme);
    assert!(String::from_utf8_lossy(&files["b/index.html"]).contains("Skip to the notice"));
    assert_eq!(files, full_build(&root).0);

    std::fs::remove_dir_all(root.join("content/b")).unwrap();
    apply(&mut files, &mut pipeline, Change::Notice("b".into()));
    assert!(!files.contains_key("b/index.html"));
    assert_eq!((files, warnings(&pipeline)), full_build(&root));
}

/// A save is judged as `build` judges it: a broken link stops it (naming the Markdown
/// file and line), a warning is listed, and a refused save changes nothing.
#[test]
fn a_save_runs_every_check_that_build_runs() {
    let dir = small_site();
    let root = dir.path().to_path_buf();
    let (_, pipeline) =
        collect(|sink| Pipeline::run(&preview_options(&root), sink).map(|(p, _)| p));
    let mut pipeline = pipeline.unwrap();
    let good = warnings(&pipeline);

    edit(
        &root,
        "content/a/1.0.md",
        "\n## About\n\nSee [the rights](#rights).\n",
    );
    let (_, refused) =
        collect(|sink| pipeline.update(&BTreeSet::from([Change::Notice("a".into())]), sink));
    let problems = refused.unwrap_err().problems;
    let shown = clearnotice::diagnostics::render_problems(&problems, false);
    assert!(shown.contains("the link \"#rights\" is broken"), "{shown}");
    assert!(
        shown.contains("content/a/1.0.md:"),
        "names the file and line: {shown}"
    );
    let build = clearnotice::render(&preview_options(&root)).unwrap_err();
    assert_eq!(
        format!("{:?}", build.problems),
        format!("{problems:?}"),
        "the same problems as a full build"
    );
    assert_eq!(warnings(&pipeline), good, "a refused save changes nothing");

    // A link into another notice's section that a later save removes breaks too
    // (the page with the link was not re-rendered, but is checked again).
    edit(
        &root,
        "content/a/1.0.md",
        "\n## About\n\nSee [notice b](/b/#about).\n",
    );
    apply(
        &mut BTreeMap::new(),
        &mut pipeline,
        Change::Notice("a".into()),
    );
    edit(&root, "content/b/1.0.md", "\n## Other\n\nNotice b.\n");
    let (_, refused) =
        collect(|sink| pipeline.update(&BTreeSet::from([Change::Notice("b".into())]), sink));
    let shown = clearnotice::diagnostics::render_problems(&refused.unwrap_err().problems, false);
    assert!(
        shown.contains("the link \"/b/#about\" is broken"),
        "{shown}"
    );

    // A text that only warns: the warnings are those of a full build.
    std::fs::create_dir_all(root.join("content/b")).unwrap();
    edit(&root, "content/b/1.0.md", "\n## About\n\nNotice b.\n");
    edit(
        &root,
        "content/a/1.0.easy-read.md",
        "![A phone](picture:phone) We will phone you on the number you gave us to check that you are safe and well today.\n",
    );
    let mut files = BTreeMap::new();
    apply(&mut files, &mut pipeline, Change::Notice("b".into()));
    apply(&mut files, &mut pipeline, Change::Notice("a".into()));
    let now = warnings(&pipeline);
    assert!(now.len() > good.len(), "the long sentence warns: {now:?}");
    assert_eq!(now, full_build(&root).1);
}

/// When a save gives a notice the title another notice has, both notices' pages
/// name their service: the update re-renders every notice, as a full build would.
#[test]
fn a_title_that_becomes_shared_renames_the_other_notices_pages_too() {
    let dir = small_site();
    let root = dir.path().to_path_buf();
    let (mut files, pipeline) =
        collect(|sink| Pipeline::run(&preview_options(&root), sink).map(|(p, _)| p));
    let mut pipeline = pipeline.unwrap();
    let front = FRONT
        .replace("A notice", "Privacy notice")
        .replace("A service", "Service A");
    std::fs::write(
        root.join("content/a/1.0.md"),
        version_file(&front, "\n## About\n\nThe first text.\n"),
    )
    .unwrap();
    apply(&mut files, &mut pipeline, Change::Notice("a".into()));
    let front = FRONT
        .replace("A notice", "Privacy notice")
        .replace("A service", "Service B");
    std::fs::write(
        root.join("content/b/1.0.md"),
        version_file(&front, "\n## About\n\nNotice b.\n"),
    )
    .unwrap();
    apply(&mut files, &mut pipeline, Change::Notice("b".into()));
    let page_a = String::from_utf8_lossy(&files["a/index.html"]).to_string();
    assert!(
        page_a.contains("<title>Privacy notice (Service A) – "),
        "{page_a}"
    );
    assert_eq!(files, full_build(&root).0);
}
