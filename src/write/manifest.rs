//! The list of files a build wrote, kept beside the output folder: for each file its
//! hash, size and modification time. A rebuild tells an unchanged file by the hash of
//! the new bytes and one `stat` of the old file, instead of reading the old file back
//! (reading 100,000 files was a tenth of a 10,000-notice rebuild). The modification time
//! catches a file someone changed by hand: it is then compared byte for byte.

use std::collections::HashMap;
use std::fs::Metadata;
use std::time::UNIX_EPOCH;

/// The list's first line, for anyone who opens it.
pub(crate) const HEADER: &str =
    "# clearnotice: the xxh3-128 hash, size, modification time (ns) and path of each file it wrote\n";

/// Files by their path in the output. Hashed with FxHash (rustc's): the paths are the
/// site's own, and at 10,000 notices a rebuild looks up 90,000 of them several times.
pub(crate) type Files = HashMap<String, Recorded, rustc_hash::FxBuildHasher>;

/// What a file was when clearnotice wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Recorded {
    pub hash: u128,
    pub size: u64,
    pub modified_ns: u128,
}

impl Recorded {
    /// `bytes` as written, with the modification time of the file they were written to.
    pub(crate) fn of(bytes: &[u8], written: &Metadata) -> Recorded {
        Recorded {
            hash: hash(bytes),
            size: bytes.len() as u64,
            modified_ns: modified_ns(written),
        }
    }

    /// Whether the file on disk (`now`) is still as recorded.
    pub(crate) fn still_matches(&self, now: &Metadata) -> bool {
        now.is_file() && now.len() == self.size && modified_ns(now) == self.modified_ns
    }
}

pub(crate) fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

fn modified_ns(meta: &Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Reads a list. Lines it cannot read are skipped: those files are then compared byte
/// for byte, so an old or damaged list costs time, never correctness.
#[cfg(test)]
pub(crate) fn parse(text: &str) -> Files {
    parse_into(text, |recorded| recorded)
}

/// As [`parse`], each file's record made into `V` as it is read: the map is made once,
/// at its full size (90,000 files at 10,000 notices).
/// The lines are read on every core (one core took 40 ms for 90,000).
pub(crate) fn parse_into<V: Send>(
    text: &str,
    value: impl Fn(Recorded) -> V + Sync,
) -> HashMap<String, V, rustc_hash::FxBuildHasher> {
    use rayon::prelude::*;
    let read: Vec<(String, V)> = text
        .par_lines()
        .filter_map(parse_line)
        .map(|(path, recorded)| (path.to_string(), value(recorded)))
        .collect();
    let mut files = HashMap::with_capacity_and_hasher(read.len(), rustc_hash::FxBuildHasher);
    files.extend(read);
    files
}

fn parse_line(line: &str) -> Option<(&str, Recorded)> {
    let mut fields = line.splitn(4, ' ');
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let size = fields.next()?.parse().ok()?;
    let modified_ns = fields.next()?.parse().ok()?;
    let path = fields.next().filter(|path| inside_the_folder(path))?;
    Some((
        path,
        Recorded {
            hash,
            size,
            modified_ns,
        },
    ))
}

/// Whether a listed path names a file inside the folder: relative, of plain names. A
/// rebuild removes the listed files it no longer makes, so a damaged or tampered line
/// (`../notes.txt`, `/home/…`) must never name one outside it.
fn inside_the_folder(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path
            .split('/')
            .all(|name| !name.is_empty() && name != "." && name != "..")
}

/// Where the list of the files in `folder` is kept (beside it).
pub(crate) fn list_of(folder: &std::path::Path) -> std::path::PathBuf {
    super::guard::beside(folder, "files")
}

/// The list's text for `files`, in path order.
pub(crate) fn format(files: &Files) -> String {
    use std::fmt::Write;
    let mut sorted: Vec<(&String, &Recorded)> = files.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut text = String::with_capacity(HEADER.len() + sorted.len() * 90);
    text.push_str(HEADER);
    for (path, r) in sorted {
        // Writing to a String cannot fail.
        let _ = writeln!(text, "{:032x} {} {} {path}", r.hash, r.size, r.modified_ns);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_what_it_wrote_and_skips_what_it_cannot_read() {
        let mut files = Files::default();
        files.insert(
            "general/index.html".to_string(),
            Recorded {
                hash: hash(b"<p>x</p>"),
                size: 8,
                modified_ns: 1_764_000_000_123_456_789,
            },
        );
        files.insert(
            "a b/feed.xml".to_string(),
            Recorded {
                hash: 1,
                size: 0,
                modified_ns: 0,
            },
        );
        let text = format(&files);
        assert!(text.starts_with(HEADER));
        assert_eq!(parse(&text), files);
        let damaged = format!("{text}zz 1 2 broken.html\n0 x 2 bad-size.html\n");
        assert_eq!(parse(&damaged), files);
        let outside =
            format!("{text}0 1 2 ../notes.txt\n0 1 2 /etc/passwd\n0 1 2 a//b\n0 1 2 a/./b\n");
        assert_eq!(
            parse(&outside),
            files,
            "paths outside the folder are not read"
        );
    }

    #[test]
    fn different_bytes_hash_differently() {
        assert_ne!(hash(b"Version 1.0"), hash(b"Version 1.1"));
        assert_eq!(hash(b"same"), hash(b"same"));
    }
}
