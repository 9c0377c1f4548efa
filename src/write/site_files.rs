//! The files of a site that the commands write for the people who edit it: a new
//! site, a notice, the next version (`init`, `new`, `release`: new files only, never
//! one that is there) and the CI files (`init --update-ci`: its own, replaced).

use std::path::Path;

use crate::diagnostics::{Code, Problem};

/// Writes `text` to a new file, making its folder; refuses an existing file.
pub(crate) fn write_new(path: &Path, text: &str) -> Result<(), Problem> {
    if path.exists() {
        return Err(Problem::in_file(
            Code::WouldOverwrite,
            path,
            "this file already exists; clearnotice will not overwrite it",
        )
        .with_help("Move or rename it first if you want a fresh one."));
    }
    write_file(path, text)
}

/// Writes `text` to `path`, making its folder, replacing what is there.
pub(crate) fn write_file(path: &Path, text: &str) -> Result<(), Problem> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|err| {
            Problem::in_file(
                Code::CannotWrite,
                dir,
                format!("could not create this folder: {err}"),
            )
        })?;
    }
    std::fs::write(path, text).map_err(|err| {
        Problem::in_file(
            Code::CannotWrite,
            path,
            format!("could not write this file: {err}"),
        )
    })
}

/// Whether `folder` holds anything (or cannot be read, which counts as holding
/// something: nothing is made where clearnotice cannot see what is there).
pub(crate) fn holds_anything(folder: &Path) -> bool {
    folder.is_file()
        || (folder.is_dir()
            && std::fs::read_dir(folder)
                .map(|mut d| d.next().is_some())
                .unwrap_or(true))
}
