//! Where load reads a site from, behind one trait (as typst's `World` is): the disk for
//! every command, or files held in memory, so a test (or a tool embedding clearnotice)
//! can build a site that never touches the disk. Load reads through nothing else.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// What an entry of a folder is. Links are never followed: a site is its own files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Link,
    /// A pipe, a device or a socket.
    Other,
}

/// An entry found in a folder.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// Its name, the last part of `path`.
    pub name: String,
    pub kind: Kind,
}

/// The files of a site.
pub trait Source: Send + Sync + std::fmt::Debug {
    /// Every entry under `dir` down to `depth` levels (1: the folder's own entries), a
    /// folder's entries in name order straight after it. An entry that could not be
    /// listed is an error in its place.
    fn walk(&self, dir: &Path, depth: usize) -> Vec<io::Result<Entry>>;
    /// A file's bytes.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// What `path` is, `None` if there is nothing there (a link is not followed).
    fn kind(&self, path: &Path) -> Option<Kind>;
    /// A file's size in bytes, without reading it.
    fn size(&self, path: &Path) -> Option<u64>;

    /// What tells whether `path` changed without reading it (see [`Stamp`]); `None`
    /// where the source cannot say, and then everything is read.
    fn stamp(&self, _path: &Path) -> Option<Stamp> {
        None
    }

    fn is_folder(&self, path: &Path) -> bool {
        self.kind(path) == Some(Kind::Folder)
    }

    fn is_file(&self, path: &Path) -> bool {
        self.kind(path) == Some(Kind::File)
    }
}

/// What the file system says of a file or folder that any change to it changes: its
/// size, modification and status-change times, and which file it is. The status-change
/// time (ctime) cannot be set back by anyone, so a change that keeps the size and sets
/// the modification time back (`cp -p`, `rsync -t`) still shows; a new file under the
/// old name (an editor's save by renaming) is another inode. As git's index does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
    pub inode: u64,
    pub device: u64,
}

/// The site on disk, read as the operating system gives it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Source for Disk {
    fn walk(&self, dir: &Path, depth: usize) -> Vec<io::Result<Entry>> {
        if depth == 1 {
            return folder_entries(dir);
        }
        walkdir::WalkDir::new(dir)
            .min_depth(1)
            .max_depth(depth)
            .sort_by_file_name()
            .into_iter()
            .map(|entry| {
                let entry = entry.map_err(io::Error::from)?;
                let kind = kind_of(entry.file_type());
                Ok(Entry {
                    name: entry.file_name().to_string_lossy().to_string(),
                    path: entry.into_path(),
                    kind,
                })
            })
            .collect()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        std::fs::symlink_metadata(path)
            .ok()
            .map(|meta| kind_of(meta.file_type()))
            .map(|kind| match kind {
                // A link to a folder or file is what it links to, for the site's own
                // folders (a site kept in a linked folder still builds); entries
                // found by `walk` are links, and are refused there.
                Kind::Link if path.is_dir() => Kind::Folder,
                Kind::Link if path.is_file() => Kind::File,
                kind => kind,
            })
    }

    fn size(&self, path: &Path) -> Option<u64> {
        std::fs::metadata(path).ok().map(|meta| meta.len())
    }

    #[cfg(unix)]
    fn stamp(&self, path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(path).ok()?;
        let ns = |seconds: i64, nanoseconds: i64| {
            i128::from(seconds) * 1_000_000_000 + i128::from(nanoseconds)
        };
        Some(Stamp {
            size: meta.size(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        })
    }
}

/// A folder's own entries in name order, as `walk` at depth 1 gives them. walkdir
/// opens and reads every folder it meets even at its deepest level: listing content/
/// opened each of 10,000 notices' folders for nothing (80 ms of a rebuild).
fn folder_entries(dir: &Path) -> Vec<io::Result<Entry>> {
    let listing = match std::fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(err) => return vec![Err(err)],
    };
    let mut entries: Vec<io::Result<Entry>> = listing
        .map(|entry| {
            let entry = entry?;
            Ok(Entry {
                name: entry.file_name().to_string_lossy().to_string(),
                kind: kind_of(entry.file_type()?),
                path: entry.path(),
            })
        })
        .collect();
    // As walkdir sorts: errors first, then by the name's bytes.
    entries.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => a.path.file_name().cmp(&b.path.file_name()),
        (Err(_), Err(_)) => std::cmp::Ordering::Equal,
        (Ok(_), Err(_)) => std::cmp::Ordering::Greater,
        (Err(_), Ok(_)) => std::cmp::Ordering::Less,
    });
    entries
}

fn kind_of(kind: std::fs::FileType) -> Kind {
    if kind.is_symlink() {
        Kind::Link
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

/// A site held in memory: files by path; the folders are those the paths imply.
#[derive(Debug, Clone, Default)]
pub struct InMemory {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl InMemory {
    pub fn new() -> Self {
        InMemory::default()
    }

    /// Adds a file at `path` (a folder is made by the files in it).
    pub fn with(mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.insert(path.into(), bytes.into());
        self
    }

    /// The entries directly in `dir`: its files, and the folders its files imply.
    fn children(&self, dir: &Path) -> Vec<Entry> {
        let mut children: BTreeMap<String, Kind> = BTreeMap::new();
        // Paths under `dir` sort together, from `dir` on (paths compare by component).
        let under = self
            .files
            .range(dir.to_path_buf()..)
            .map(|(path, _)| path)
            .take_while(|path| path.starts_with(dir));
        for path in under {
            let Ok(rest) = path.strip_prefix(dir) else {
                continue;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let name = first.as_os_str().to_string_lossy().to_string();
            let kind = if parts.next().is_some() {
                Kind::Folder
            } else {
                Kind::File
            };
            children.insert(name, kind);
        }
        children
            .into_iter()
            .map(|(name, kind)| Entry {
                path: dir.join(&name),
                name,
                kind,
            })
            .collect()
    }
}

impl Source for InMemory {
    fn walk(&self, dir: &Path, depth: usize) -> Vec<io::Result<Entry>> {
        let mut found = Vec::new();
        for entry in self.children(dir) {
            let below = (entry.kind == Kind::Folder && depth > 1).then(|| entry.path.clone());
            found.push(Ok(entry));
            if let Some(folder) = below {
                found.extend(self.walk(&folder, depth - 1));
            }
        }
        found
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        if self.files.contains_key(path) {
            Some(Kind::File)
        } else if self.files.keys().any(|file| file.starts_with(path)) {
            Some(Kind::Folder)
        } else {
            None
        }
    }

    fn size(&self, path: &Path) -> Option<u64> {
        self.files.get(path).map(|bytes| bytes.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_in_memory_lists_its_folders_and_files_in_name_order() {
        let site = InMemory::new()
            .with("/s/content/b/1.0.md", "b")
            .with("/s/content/a/1.0.md", "a")
            .with("/s/content/a/2.0.md", "a2")
            .with("/s/site.toml", "t");
        let names = |depth| -> Vec<String> {
            site.walk(Path::new("/s/content"), depth)
                .into_iter()
                .map(|e| e.unwrap().path.display().to_string())
                .collect()
        };
        assert_eq!(names(1), ["/s/content/a", "/s/content/b"]);
        assert_eq!(
            names(5),
            [
                "/s/content/a",
                "/s/content/a/1.0.md",
                "/s/content/a/2.0.md",
                "/s/content/b",
                "/s/content/b/1.0.md"
            ]
        );
        assert_eq!(site.kind(Path::new("/s/content")), Some(Kind::Folder));
        assert_eq!(site.kind(Path::new("/s/site.toml")), Some(Kind::File));
        assert_eq!(site.kind(Path::new("/s/themes")), None);
        assert_eq!(site.read(Path::new("/s/site.toml")).unwrap(), b"t");
        assert_eq!(site.size(Path::new("/s/content/a/2.0.md")), Some(2));
    }
}
