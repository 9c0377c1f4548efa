//! Measures `serve`'s save → reload latency: the time from writing a notice's file to
//! the server telling open pages to reload (the new pages are in place by then).
//!
//!   cargo run --release --example reload_latency              # the real content
//!   cargo run --release --example reload_latency -- 1000      # 1,000 copies of it
//!
//! Prints the median, fastest and slowest of 20 saves. A benchmark, not a test.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clearnotice::serve::{start, ServeOptions};

const SAVES: usize = 20;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn main() {
    let copies: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
    copy_dir(&repo.join("content"), &root.join("content"));
    for n in 0..copies {
        copy_dir(
            &repo.join("content/general"),
            &root.join(format!("content/copy-{n:05}")),
        );
    }
    let started = Instant::now();
    let options = ServeOptions {
        root: root.to_path_buf(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        poll: false,
        base_url: None,
        today: None,
    };
    let server = start(options, |_| {}).unwrap();
    println!(
        "{} notices; first build and start: {} ms",
        copies + 2,
        started.elapsed().as_millis()
    );

    let (tx, rx) = mpsc::channel();
    let mut stream = TcpStream::connect(server.addr).unwrap();
    write!(
        stream,
        "GET /__clearnotice/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if line == "event: reload" && tx.send(Instant::now()).is_err() {
                return;
            }
        }
    });
    std::thread::sleep(Duration::from_millis(500));

    let file = root.join("content/general/1.0.md");
    let original = std::fs::read_to_string(&file).unwrap();
    let mut latencies = Vec::new();
    for save in 0..SAVES {
        let saved = Instant::now();
        std::fs::write(&file, format!("{original}\nEdit number {save}.\n")).unwrap();
        let reloaded = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a reload event");
        latencies.push(reloaded.duration_since(saved).as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(300));
    }
    latencies.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "save → reload over {SAVES} saves: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
        (latencies[SAVES / 2 - 1] + latencies[SAVES / 2]) / 2.0,
        latencies[0],
        latencies[SAVES - 1]
    );
    server.stop();
}
