//! The comms team's everyday steps, one command each: start a site (`init`), add a
//! notice (`new`), publish the next version of one (`release`). Each writes new files
//! only, and refuses to overwrite anything.

pub mod announce;
pub mod ci;
pub mod init;
pub mod new;
pub mod release;

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
