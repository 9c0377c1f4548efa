//! The comms team's everyday steps, one command each: start a site (`init`), add a
//! notice (`new`), publish the next version of one (`release`). Each writes new files
//! only, and refuses to overwrite anything.

pub mod announce;
pub mod ci;
pub mod init;
pub mod new;
pub mod release;

use std::path::Path;

use crate::diagnostics::{Code, Problem};

/// Writes `text` to a new file, making its folder; refuses an existing file.
fn write_new(path: &Path, text: &str) -> Result<(), Problem> {
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
fn write_file(path: &Path, text: &str) -> Result<(), Problem> {
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

/// The checklist sections as a skeleton: each heading with its id, and what to say.
fn checklist_skeleton() -> String {
    crate::check::checklist::ITEMS
        .iter()
        .map(|item| {
            format!(
                "## {} {{#{}}}\n\n{}\n\n",
                item.new_heading, item.id, item.new_prompt
            )
        })
        .collect()
}
