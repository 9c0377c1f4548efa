//! `serve` under abuse, on loopback only and bounded in count and time: random paths,
//! 100 connections at once, slow clients that never finish their request, and reload
//! streams that are opened and dropped. The server must keep answering, never fail
//! with a 5xx, and not grow in memory.

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::time::Duration;

use clearnotice::serve::{start, ServeOptions};
use common::*;

const FRONT: &str = "title = \"A notice\"\nservice = \"A service\"\ncontroller = \"Test Org\"\nversion = \"1.0\"\neffective = 2025-01-01\n";

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn random_path(rng: &mut Lcg) -> String {
    const PIECES: [&str; 16] = [
        "a",
        "a/",
        "1.0",
        "..",
        "%2e%2e",
        "%",
        "%zz",
        "\\",
        "large-print",
        "easy-read",
        "assets",
        "style.css",
        "index.html",
        "%00",
        "ü",
        "__clearnotice",
    ];
    let mut path = String::from("/");
    for _ in 0..rng.next() % 6 {
        path.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        if rng.next().is_multiple_of(2) {
            path.push('/');
        }
    }
    path.replace(' ', "%20")
}

/// The status code of one request, or 0 if there was no proper answer.
fn status(addr: SocketAddr, path: &str) -> u16 {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(5)) else {
        return 0;
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    if write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .is_err()
    {
        return 0;
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn hammer(addr: SocketAddr, seed: u64) -> Vec<(String, u16)> {
    let threads: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let mut rng = Lcg(seed + t);
                (0..250)
                    .map(|_| random_path(&mut rng))
                    .map(|p| {
                        let code = status(addr, &p);
                        (p, code)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect()
}

#[test]
fn the_server_keeps_answering_under_abuse_and_stays_flat_in_memory() {
    let dir = site(&[(
        "content/a/1.0.md",
        version_file(FRONT, "\n## About\n\nText.\n"),
    )]);
    let options = ServeOptions {
        root: dir.path().to_path_buf(),
        bind: "127.0.0.1".parse().unwrap(),
        port: 0,
        poll: false,
        base_url: None,
        today: Some(test_day()),
    };
    let server = start(options, |_| {}).unwrap();
    let addr = server.addr;

    // Slow clients: half a request each, held open for the whole test.
    let slow: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(b"GET /a/ HTTP/1.1\r\nHost: loc").unwrap();
            s
        })
        .collect();
    // Reload streams opened and then dropped or half-closed.
    for n in 0..50 {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET /__clearnotice/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        if n % 2 == 0 {
            let _ = s.shutdown(Shutdown::Write);
        }
    }

    // 1,000 requests with random paths, 4 at a time.
    let first = hammer(addr, 1);
    let bad: Vec<_> = first
        .iter()
        .filter(|(_, code)| !matches!(code, 200 | 301 | 400 | 404))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    let after_first = resident_kib();

    // 100 connections at once.
    let burst: Vec<_> = (0..100)
        .map(|_| std::thread::spawn(move || status(addr, "/a/")))
        .collect();
    let codes: Vec<u16> = burst.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(codes.iter().all(|&c| c == 200), "{codes:?}");

    // A rebuild while dropped reload streams linger must still reach the pages.
    std::fs::write(
        dir.path().join("content/a/1.0.md"),
        version_file(FRONT, "\n## About\n\nChanged.\n"),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(server.rebuilds.load(std::sync::atomic::Ordering::SeqCst), 1);

    // Another 1,000: memory must not keep growing.
    let second = hammer(addr, 2);
    assert!(second
        .iter()
        .all(|(_, code)| matches!(code, 200 | 301 | 400 | 404)));
    let after_second = resident_kib();
    let growth = after_second.saturating_sub(after_first);
    eprintln!(
        "resident memory after 1,000 requests: {after_first} KiB; after 2,000: {after_second} KiB"
    );
    assert!(
        growth < 16 * 1024,
        "resident memory grew by {growth} KiB over 1,000 requests"
    );
    assert_eq!(status(addr, "/a/"), 200, "still answering");
    drop(slow);
    server.stop();
}
