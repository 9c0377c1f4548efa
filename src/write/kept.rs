//! What a build keeps beside its output between runs — a folder (the handouts' cache:
//! `public` → `.public.clearnotice-handouts`) or a file (the build cache:
//! `.public.clearnotice-cache`) — read back, written whole (a stopped build leaves no
//! half file) and removed; and the output's own files read back. Write owns them, as
//! it owns the output, so no other part of clearnotice touches the disk for them.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub(crate) struct KeptFolder {
    path: PathBuf,
}

impl KeptFolder {
    /// The folder of `what` kept beside `output` (see [`super::guard::beside`]).
    pub(crate) fn beside(output: &Path, what: &str) -> KeptFolder {
        KeptFolder {
            path: super::guard::beside(output, what),
        }
    }

    /// The names of the files in it; none when it does not exist yet.
    pub(crate) fn names(&self) -> Vec<String> {
        std::fs::read_dir(&self.path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().to_string())
            .collect()
    }

    pub(crate) fn read(&self, name: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path.join(name)).ok()
    }

    /// Writes `name` whole, then renames it into place.
    pub(crate) fn keep(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let partial = self.path.join(format!("{name}.partial"));
        std::fs::create_dir_all(&self.path)?;
        std::fs::write(&partial, bytes)?;
        std::fs::rename(&partial, self.path.join(name))
    }

    /// Removes `name`; a file that will not go only costs disk space.
    pub(crate) fn remove(&self, name: &str) {
        let _ = std::fs::remove_file(self.path.join(name));
    }
}

/// A file kept beside the output.
#[derive(Debug, Clone)]
pub(crate) struct KeptFile {
    path: PathBuf,
}

impl KeptFile {
    /// The file of `what` kept beside `output` (see [`super::guard::beside`]).
    pub(crate) fn beside(output: &Path, what: &str) -> KeptFile {
        KeptFile {
            path: super::guard::beside(output, what),
        }
    }

    /// Where it is, for messages.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn read(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.path).ok()
    }

    /// Replaces it whole, or leaves it as it was.
    pub(crate) fn replace(&self, bytes: &[u8]) -> std::io::Result<()> {
        let partial = self.path.with_extension("partial");
        let written =
            std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, &self.path));
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written
    }
}

/// A file of the output as it was written (the cached link check reads the pages it
/// kept).
pub(crate) fn read_output_file(output: &Path, path: &str) -> Option<Vec<u8>> {
    std::fs::read(output.join(path)).ok()
}

/// The files `folder` holds as clearnotice last wrote it, by path with the hash of
/// their bytes, from its list; `None` unless it is a folder clearnotice made (its
/// marker is there) and its list can be read.
pub(crate) fn listed_files(
    folder: &Path,
) -> Option<std::collections::HashMap<String, u128, rustc_hash::FxBuildHasher>> {
    if !folder.join(super::MARKER).is_file() {
        return None;
    }
    let list = std::fs::read_to_string(super::manifest::list_of(folder)).ok()?;
    Some(super::manifest::parse_into(&list, |recorded| recorded.hash))
}
