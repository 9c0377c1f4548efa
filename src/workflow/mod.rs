//! The comms team's everyday steps, one command each: start a site (`init`), add a
//! notice (`new`), publish the next version of one (`release`). Each writes new files
//! only, and refuses to overwrite anything.

pub mod init;
pub mod new;
pub mod release;

use std::path::Path;

use crate::diagnostics::Problem;

/// Writes `text` to a new file, making its folder; refuses an existing file.
fn write_new(path: &Path, text: &str) -> Result<(), Problem> {
    if path.exists() {
        return Err(Problem::in_file(
            path,
            "this file already exists; clearnotice will not overwrite it",
        )
        .with_help("Move or rename it first if you want a fresh one."));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|err| Problem::in_file(dir, format!("could not create this folder: {err}")))?;
    }
    std::fs::write(path, text)
        .map_err(|err| Problem::in_file(path, format!("could not write this file: {err}")))
}

/// The checklist sections as a skeleton: each heading with its id, and what to say.
fn checklist_skeleton() -> String {
    const PROMPTS: [(&str, &str, &str); 17] = [
        ("Who we are", "controller", "Say who decides how the information is used, and how to contact them."),
        ("Our representative", "representative", "Name your representative in the UK, or say under [not_applicable] that you are based in the UK."),
        ("Our data protection lead", "dpo", "Say how to contact your data protection officer or lead."),
        ("Why we need your information", "purposes", "Say what you use the information for."),
        ("Our legal basis", "lawful-basis", "Say which lawful basis you rely on."),
        ("Our legitimate interests", "legitimate-interests", "Say what your legitimate interests are, if you rely on them."),
        ("What information we collect", "categories", "List the kinds of information you hold."),
        ("Who we share it with", "recipients", "Say who sees or receives the information."),
        ("Sending information abroad", "transfers", "Say whether information leaves the UK, and how it is protected."),
        ("How long we keep it", "retention", "Say how long you keep it, or how you decide."),
        ("Your rights", "rights", "List the person's rights and how to use them."),
        ("Changing your mind", "withdraw-consent", "Say how to withdraw consent at any time."),
        ("Complaining to us", "complain-us", "Say how to complain to you first."),
        ("Complaining to the ICO", "complain-ico", "Say how to complain to the Information Commissioner's Office."),
        ("Where we get your information", "source", "Say where the information comes from, if not from the person."),
        ("Whether you have to give it", "requirement", "Say whether giving the information is required by law or a contract."),
        ("Decisions made by computers", "automated-decisions", "Say whether any decisions are made automatically."),
    ];
    PROMPTS
        .iter()
        .map(|(heading, id, prompt)| format!("## {heading} {{#{id}}}\n\n{prompt}\n\n"))
        .collect()
}
