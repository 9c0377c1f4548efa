//! Stage 4, write: the only code that writes files. Nothing in the output changes until
//! the whole site has been rendered and checked: a failed build leaves it byte for byte
//! as it was. clearnotice only ever writes into a folder it made itself.
//!
//! The first build writes the site into a folder beside the output and renames it into
//! place. Later builds stage only the files whose bytes changed, then move each into
//! place and remove the files the site no longer has: an unchanged file is never
//! written, so it keeps its modification time (`rsync`-style deploys and browsers'
//! caches see only what really changed), and a rebuild of a large site creates and
//! deletes almost nothing (creating inodes was most of the time of a 10,000-notice
//! rebuild when every build wrote a whole new tree).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

use crate::diagnostics::{Code, Problem};
use crate::output::OutputFile;

pub(crate) mod guard;
pub(crate) mod kept;
pub(crate) mod manifest;
pub(crate) mod site_files;

use manifest::Recorded;

use guard::io_problem;
pub(crate) use guard::{check_target, Made, Target, MARKER};

/// A new site being written. Files go in as they are rendered (from any thread), so the
/// whole site never has to be held in memory; `commit` puts them in place; dropping it
/// without committing removes what was staged, leaving the output as it was.
pub(crate) struct Staging {
    output: PathBuf,
    staging: PathBuf,
    /// What each file was when written (see [`manifest`]), beside the output rather than
    /// in it: it holds modification times, which would make every build differ, and it
    /// is no business of the website's. `None` for an announcement pack.
    manifest: Option<PathBuf>,
    /// Whether the output holds an earlier build, which is updated in place.
    update: bool,
    /// The previous build's files, from its list (empty on a first build).
    previous: HashMap<String, Previous, rustc_hash::FxBuildHasher>,
    /// Whether that list was there to read: without it, what the previous build made is
    /// not known, and the whole output is looked through for files to remove.
    listed: bool,
    written: Mutex<Written>,
    /// Names the staged files of an update.
    next_staged: AtomicUsize,
    committed: bool,
}

/// A file to stage: its path in the site and its bytes.
#[derive(Clone, Copy)]
struct Bytes<'a> {
    path: &'a str,
    bytes: &'a [u8],
}

/// A file the previous build listed.
struct Previous {
    recorded: Recorded,
    /// Whether it is still as written, once looked at (see [`Staging::as_written`]):
    /// the build cache asks when it restores a notice, and again when it keeps it.
    now: OnceLock<Option<Recorded>>,
}

#[derive(Default)]
struct Written {
    /// Every file of the new site, changed or not, as it will be on disk.
    files: manifest::Files,
    /// (staged file, its path in the site) for new and changed files of an update.
    staged: Vec<(PathBuf, String)>,
}

impl Staging {
    /// Checks that `output` may hold the website (`site_root` is the site's folder,
    /// which the output must never be or contain) and starts an empty staging folder.
    pub(crate) fn begin(output: &Path, site_root: &Path) -> Result<Staging, Problem> {
        Staging::for_target(check_target(output, site_root, Made::Site)?)
    }

    /// Starts an empty staging folder beside a checked target.
    pub(crate) fn for_target(target: Target) -> Result<Staging, Problem> {
        let parent = target.parent();
        fs::create_dir_all(parent)
            .map_err(|err| io_problem(parent, "could not create the folder for the output", err))?;
        let staging = target.beside("new");
        guard::fresh_working_folder(&staging, target.made)?;
        // Only the website keeps a list of its files: a pack is small enough to compare.
        let manifest = (target.made == Made::Site).then(|| manifest::list_of(&target.path));
        let list = match (&manifest, target.earlier) {
            (Some(list), true) => fs::read_to_string(list).ok(),
            _ => None,
        };
        let listed = list.is_some();
        let previous = list
            .map(|text| {
                manifest::parse_into(&text, |recorded| Previous {
                    recorded,
                    now: OnceLock::new(),
                })
            })
            .unwrap_or_default();
        Ok(Staging {
            output: target.path,
            staging,
            manifest,
            update: target.earlier,
            previous,
            listed,
            written: Mutex::default(),
            next_staged: AtomicUsize::new(0),
            committed: false,
        })
    }

    /// Stages one file of the new site; a file with the same bytes as in the previous
    /// site is left alone.
    pub(crate) fn put(&self, file: &OutputFile) -> Result<(), Problem> {
        self.put_bytes(&file.path, &file.bytes)
    }

    /// As [`Staging::put`], for bytes held elsewhere (`serve`'s preview).
    pub(crate) fn put_bytes(&self, path: &str, bytes: &[u8]) -> Result<(), Problem> {
        let file = Bytes { path, bytes };
        let (target, staged) = if !self.update {
            let path = self.staging.join(file.path);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)
                    .map_err(|err| io_problem(dir, "could not create a folder", err))?;
            }
            (path, None)
        } else if let Some(unchanged) = self.unchanged(file) {
            return self.record(file, unchanged, None);
        } else {
            let staged = self
                .staging
                .join(self.next_staged.fetch_add(1, Ordering::Relaxed).to_string());
            (staged.clone(), Some(staged))
        };
        fs::write(&target, file.bytes)
            .map_err(|err| io_problem(&target, "could not write a file", err))?;
        let written = fs::metadata(&target)
            .map_err(|err| io_problem(&target, "could not read back a file", err))?;
        self.record(file, Recorded::of(file.bytes, &written), staged)
    }

    /// The paths of the files the previous build wrote.
    pub(crate) fn previous_paths(&self) -> impl Iterator<Item = &String> {
        self.previous.keys()
    }

    /// The file at `path` as the previous build wrote it, if it is still so: its size
    /// and time as listed, or else its bytes' hash (a copy, such as a CI cache's
    /// restore, can change the time). Looked at once; [`Staging::keep_all`] asks again.
    pub(crate) fn as_written(&self, path: &str) -> Option<Recorded> {
        let previous = self.previous.get(path)?;
        *previous
            .now
            .get_or_init(|| self.still_as_written(path, &previous.recorded))
    }

    fn still_as_written(&self, path: &str, recorded: &Recorded) -> Option<Recorded> {
        let file = self.output.join(path);
        let now = fs::metadata(&file).ok()?;
        if recorded.still_matches(&now) {
            return Some(*recorded);
        }
        let bytes = fs::read(&file).ok()?;
        (now.is_file() && manifest::hash(&bytes) == recorded.hash)
            .then(|| Recorded::of(&bytes, &now))
    }

    /// Keeps files of the previous build as they are (the notices the build cache
    /// reused), all at once: one at a time, locking for each, took 50 ms at 10,000
    /// notices.
    pub(crate) fn keep_all(&self, paths: &[String]) -> Result<(), Problem> {
        let kept: Vec<(String, Recorded)> = paths
            .par_iter()
            .map(|path| {
                let recorded = self.as_written(path).ok_or_else(|| {
                    Problem::in_file(
                        Code::ChangedDuringBuild,
                        self.output.join(path),
                        "this file changed while the site was being built",
                    )
                    .with_help("Build again; `clearnotice build --clean` makes every file anew.")
                })?;
                Ok((path.clone(), recorded))
            })
            .collect::<Result<_, Problem>>()?;
        let mut written = self.written.lock().map_err(|_| Problem::thread_failed())?;
        written.files.extend(kept);
        Ok(())
    }

    /// The file as it is in the output, if it already has exactly `file`'s bytes.
    fn unchanged(&self, file: Bytes) -> Option<Recorded> {
        let old = self.output.join(file.path);
        let now = fs::metadata(&old).ok().filter(|m| m.is_file())?;
        if now.len() != file.bytes.len() as u64 {
            return None;
        }
        match self.previous.get(file.path).map(|p| &p.recorded) {
            // Written by the last build and not touched since: its hash says it all.
            Some(recorded) if recorded.still_matches(&now) => {
                (recorded.hash == manifest::hash(file.bytes)).then_some(*recorded)
            }
            // Not listed, or changed by hand: compare the bytes.
            _ => fs::read(&old)
                .is_ok_and(|bytes| bytes == file.bytes)
                .then(|| Recorded::of(file.bytes, &now)),
        }
    }

    fn record(
        &self,
        file: Bytes,
        recorded: Recorded,
        staged: Option<PathBuf>,
    ) -> Result<(), Problem> {
        let mut written = self.written.lock().map_err(|_| Problem::thread_failed())?;
        written.files.insert(file.path.to_string(), recorded);
        if let Some(staged) = staged {
            written.staged.push((staged, file.path.to_string()));
        }
        Ok(())
    }

    /// Puts the new site in place of the old one.
    pub(crate) fn commit(mut self) -> Result<(), Problem> {
        let written =
            std::mem::take(&mut *self.written.lock().map_err(|_| Problem::thread_failed())?);
        if self.update {
            self.move_in(&written)?;
        } else {
            self.swap_in()?;
        }
        // Last: if this is never written, the old list only makes the next build compare
        // more files byte for byte.
        // A build that changed nothing (the build cache kept every file) leaves the
        // list as it is: it already says exactly this.
        let unchanged = self.update
            && written.staged.is_empty()
            && written.files.len() == self.previous.len()
            && written.files.iter().all(|(path, recorded)| {
                self.previous
                    .get(path)
                    .is_some_and(|p| p.recorded == *recorded)
            });
        if let Some(list) = self.manifest.as_ref().filter(|_| !unchanged) {
            write_replacing(list, &manifest::format(&written.files))?;
        }
        self.committed = true;
        let _ = fs::remove_dir_all(&self.staging);
        Ok(())
    }

    /// A first build: the staging folder becomes the output (which is absent or empty).
    fn swap_in(&self) -> Result<(), Problem> {
        if self.output.is_dir() {
            fs::remove_dir(&self.output).map_err(|err| {
                io_problem(
                    &self.output,
                    "could not replace the empty output folder",
                    err,
                )
            })?;
        }
        fs::rename(&self.staging, &self.output)
            .map_err(|err| io_problem(&self.output, "could not put the new site in place", err))
    }

    /// A rebuild: new and changed files move into place (one rename each, so a reader
    /// never sees half a file), then the files the site no longer has are removed: those
    /// the previous build listed and this one did not make. A file someone put in the
    /// output by hand is not clearnotice's and stays; only without the list (an output
    /// from before it, or the list deleted) is the whole output looked through, every
    /// file in a folder clearnotice made then being taken for its own.
    fn move_in(&self, written: &Written) -> Result<(), Problem> {
        for (staged, path) in &written.staged {
            let target = self.output.join(path);
            make_parent_folders(&self.output, path)?;
            if target.is_dir() {
                fs::remove_dir_all(&target)
                    .map_err(|err| io_problem(&target, "could not replace a folder", err))?;
            }
            fs::rename(staged, &target)
                .map_err(|err| io_problem(&target, "could not put a file in place", err))?;
        }
        if self.listed {
            remove_unmade_files(&self.output, self.previous.keys(), &written.files)
        } else {
            remove_stale_files(&self.output, &written.files)
        }
    }
}

/// Writes `path` whole or not at all: a temporary file beside it, renamed over it.
fn write_replacing(path: &Path, text: &str) -> Result<(), Problem> {
    let temporary = path.with_extension("tmp");
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(|err| io_problem(path, "could not write the list of files", err))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Creates the folders above `path` in `output`, replacing any file that stands where a
/// folder must go (a page that became a folder of pages).
fn make_parent_folders(output: &Path, path: &str) -> Result<(), Problem> {
    let Some((folders, _)) = path.rsplit_once('/') else {
        return Ok(());
    };
    let mut dir = output.to_path_buf();
    for name in folders.split('/') {
        dir.push(name);
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => continue,
            Ok(_) => fs::remove_file(&dir)
                .map_err(|err| io_problem(&dir, "could not replace a file with a folder", err))?,
            Err(_) => {}
        }
        fs::create_dir(&dir).map_err(|err| io_problem(&dir, "could not create a folder", err))?;
    }
    Ok(())
}

/// Removes the files the previous build listed that the new one did not make, and the
/// folders that leaves empty. Looking through the output instead opened every one of
/// its folders: 70,000 at 10,000 notices, a third of a rebuild that changed nothing.
fn remove_unmade_files<'a>(
    output: &Path,
    previous: impl Iterator<Item = &'a String>,
    made: &manifest::Files,
) -> Result<(), Problem> {
    let mut emptied = BTreeSet::new();
    for path in previous.filter(|path| !made.contains_key(*path)) {
        let file = output.join(path);
        match fs::symlink_metadata(&file) {
            Ok(meta) if meta.is_file() || meta.is_symlink() => fs::remove_file(&file)
                .map_err(|err| io_problem(&file, "could not remove an old file", err))?,
            // Gone already, or a folder now (a page that became a folder of pages).
            _ => continue,
        }
        let mut folder = Path::new(path.as_str()).parent();
        while let Some(dir) = folder.filter(|dir| !dir.as_os_str().is_empty()) {
            emptied.insert(dir.to_path_buf());
            folder = dir.parent();
        }
    }
    // Deepest first, so a folder's emptied subfolders are gone before it is tried; one
    // that still holds anything is left (the removal fails).
    for dir in emptied.iter().rev() {
        let _ = fs::remove_dir(output.join(dir));
    }
    Ok(())
}

/// Removes the files of the output that the new site does not have, and the folders
/// that leaves empty (when the previous build's list is not there). Each top-level entry (a notice's folder, mostly) is looked
/// through on its own thread: one thread took half a second over 10,000 notices.
fn remove_stale_files(output: &Path, keep: &manifest::Files) -> Result<(), Problem> {
    let top: Vec<PathBuf> = fs::read_dir(output)
        .map_err(|err| io_problem(output, "could not read the output folder", err))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    top.par_iter()
        .try_for_each(|start| remove_stale_under(output, start, keep))
}

fn remove_stale_under(output: &Path, start: &Path, keep: &manifest::Files) -> Result<(), Problem> {
    let mut emptied = HashSet::new();
    for entry in walkdir::WalkDir::new(start).contents_first(true) {
        let entry = entry.map_err(|err| {
            let path = err.path().unwrap_or(start).to_path_buf();
            io_problem(&path, "could not read the output folder", err.into())
        })?;
        let Ok(relative) = entry.path().strip_prefix(output) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            // Fails, and the folder is left, when it still has files.
            if emptied.contains(entry.path()) && fs::remove_dir(entry.path()).is_ok() {
                if let Some(parent) = entry.path().parent() {
                    emptied.insert(parent.to_path_buf());
                }
            }
        } else if relative != MARKER && !keep.contains_key(&relative) {
            fs::remove_file(entry.path())
                .map_err(|err| io_problem(entry.path(), "could not remove an old file", err))?;
            if let Some(parent) = entry.path().parent() {
                emptied.insert(parent.to_path_buf());
            }
        }
    }
    Ok(())
}
