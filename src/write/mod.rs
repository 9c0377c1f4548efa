//! Stage 4, write: the only code that writes files. The new site is written into a
//! folder beside the output and swapped in at the end, so a failed build never leaves
//! a half-written site; and clearnotice only ever replaces a folder it made itself.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::Problem;
use crate::render::OutputFile;

/// Left in every output folder clearnotice makes, so it knows it may replace it.
pub const MARKER: &str = ".clearnotice";

/// A new site being written beside the output. Files go in as they are rendered
/// (from any thread), so the whole site never has to be held in memory; `commit`
/// swaps it in; dropping it without committing removes it, leaving the output as it
/// was.
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    /// The previous output, if clearnotice made it: unchanged files are linked from it.
    previous: Option<PathBuf>,
    committed: bool,
}

impl Staging {
    /// Checks that `output` may be replaced (`site_root` is the site's folder, which
    /// the output must never be or contain) and starts an empty staging folder.
    pub fn begin(output: &Path, site_root: &Path) -> Result<Staging, Problem> {
        let output = absolute(output)
            .map_err(|err| io_problem(output, "could not find the output folder", err))?;
        check_output_dir(&output, site_root)?;
        let parent = output
            .parent()
            .ok_or_else(|| refuse(&output, "it has no parent folder"))?;
        fs::create_dir_all(parent)
            .map_err(|err| io_problem(parent, "could not create the folder for the output", err))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let staging = parent.join(format!(".{name}.clearnotice-new"));
        let retired = parent.join(format!(".{name}.clearnotice-old"));
        remove_if_present(&staging).map_err(|err| {
            io_problem(
                &staging,
                "could not clear a folder left by an earlier build",
                err,
            )
        })?;
        fs::create_dir_all(&staging)
            .map_err(|err| io_problem(&staging, "could not create the build folder", err))?;
        fs::write(
            staging.join(MARKER),
            "This folder was made by clearnotice build; it replaces it whole at every build.\n",
        )
        .map_err(|err| io_problem(&staging, "could not write to the build folder", err))?;
        let previous = output.join(MARKER).is_file().then(|| output.clone());
        Ok(Staging {
            output,
            staging,
            retired,
            previous,
            committed: false,
        })
    }

    /// Writes one file of the new site. A file with the same bytes as in the previous
    /// output is hard-linked from there instead, so it keeps its modification time:
    /// `serve`, rsync-style deploys and browsers' caches see only what really changed.
    pub fn put(&self, file: &OutputFile) -> Result<(), Problem> {
        let path = self.staging.join(&file.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|err| io_problem(dir, "could not create a folder", err))?;
        }
        if let Some(old) = self.previous.as_ref().map(|p| p.join(&file.path)) {
            let same = fs::metadata(&old).is_ok_and(|m| m.len() == file.bytes.len() as u64)
                && fs::read(&old).is_ok_and(|b| b == file.bytes);
            if same && fs::hard_link(&old, &path).is_ok() {
                return Ok(());
            }
        }
        fs::write(&path, &file.bytes)
            .map_err(|err| io_problem(&path, "could not write a file", err))
    }

    /// Puts the new site in place of the old one.
    pub fn commit(mut self) -> Result<(), Problem> {
        remove_if_present(&self.retired).map_err(|err| {
            io_problem(
                &self.retired,
                "could not clear a folder left by an earlier build",
                err,
            )
        })?;
        if self.output.exists() {
            fs::rename(&self.output, &self.retired).map_err(|err| {
                io_problem(&self.output, "could not move the previous site aside", err)
            })?;
        }
        if let Err(err) = fs::rename(&self.staging, &self.output) {
            // Put the previous site back: nothing is lost.
            let _ = fs::rename(&self.retired, &self.output);
            return Err(io_problem(
                &self.output,
                "could not put the new site in place",
                err,
            ));
        }
        self.committed = true;
        let _ = fs::remove_dir_all(&self.retired);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Refuses an output folder whose replacement could lose someone's files.
pub fn check_output_dir(output: &Path, site_root: &Path) -> Result<(), Problem> {
    let root = absolute(site_root)
        .map_err(|err| io_problem(site_root, "could not find the site folder", err))?;
    if output.parent().is_none() {
        return Err(refuse(output, "it is the top of the file system"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        if absolute(Path::new(&home)).is_ok_and(|home| home == output) {
            return Err(refuse(output, "it is your home folder"));
        }
    }
    if root.starts_with(output) {
        return Err(refuse(
            output,
            "it is the site's own folder, or a folder that contains it",
        ));
    }
    for source in ["content", "themes"] {
        if output.starts_with(root.join(source)) {
            return Err(refuse(
                output,
                &format!("it is inside the site's {source}/ folder"),
            ));
        }
    }
    if output.is_file() {
        return Err(refuse(output, "it is a file, not a folder"));
    }
    if output.is_dir() && !output.join(MARKER).is_file() {
        let empty = fs::read_dir(output)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(refuse(
                output,
                "it already has files in it that clearnotice did not make",
            ));
        }
    }
    Ok(())
}

fn refuse(output: &Path, why: &str) -> Problem {
    Problem::in_file(
        output,
        format!("will not write the site to {}: {why}", output.display()),
    )
    .with_help(
        "Choose an empty or new folder with --output-dir, like --output-dir public. \
         clearnotice replaces its output folder whole, so it only uses one that it made.",
    )
}

fn io_problem(path: &Path, what: &str, err: io::Error) -> Problem {
    Problem::in_file(path, format!("{what}: {err}"))
        .with_help("Check that the disk is not full and that you may write to this folder.")
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// An absolute path with `.` and `..` resolved, whether or not it exists yet.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve what exists (following links), then add the rest by name.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize()?;
    for name in rest.into_iter().rev() {
        if name == ".." {
            resolved.pop();
        } else if name != "." {
            resolved.push(name);
        }
    }
    Ok(resolved)
}
