//! `clearnotice init [FOLDER]`: a new site that builds straight away, with no warnings:
//! site.toml (every setting explained), one example notice with its easy-read text,
//! and a pictures folder.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Problem};
use crate::workflow::checklist_skeleton;
pub use crate::workflow::ci::CiHost;
use crate::write::site_files::{holds_anything, write_new};

const SITE_TOML: &str = r#"# Settings of your privacy-notice website. Every key is explained in the
# clearnotice README. Run `clearnotice serve` to preview, `clearnotice build` to publish.

# The website's name, shown at the top of every page.
title = "Our privacy notices"
# The address the website will be published at.
base_url = "https://example.org/privacy/"
# The language the notices are written in.
language = "en-GB"
# In more than one language? List them all, this one first, and put each
# translation beside its version (2.1.cy.md): see the README.
# languages = ["en-GB", "cy"]
# Who publishes the notices.
organisation = "Example Organisation"

# How people reach you about their information: shown at the foot of every page
# and at the end of every printed handout.
[contact]
name = "Data Protection Lead"
address = ["Example Organisation", "1 High Street", "Anytown", "AB1 2CD"]
phone = "01234 567890"
email = "data@example.org"
web = "https://example.org/contact"

# The body text size of large-print pages, from 16 to 24 points.
[large_print]
size_pt = 18

# Words in capitals that are fine in easy read, added to the built-in list.
[easy_read]
acronyms = []
"#;

const EASY_READ: &str = "## About this leaflet

![A person reading a book](picture:read) This leaflet tells you how we use your **information**. Information means facts about you.

![A padlock](picture:lock) We keep your information safe.

## Your rights

![A shield with a tick](picture:rights) You can ask to see the information we keep about you.

![A mobile phone](picture:phone) Phone us on 01234 567890 if you have a question.
";

const PICTURES_README: &str =
    "Put your own easy-read pictures here, named like the theme's (phone.svg, lock.svg, ...).
They are used instead of the theme's pictures of the same name. See the clearnotice README.
";

const GITIGNORE: &str =
    "# Made by every build, never committed: the website, the list of its files,
# the cache of its PDF handouts, and announcement packs.
/public/
/.public.clearnotice-*
/announcements/
";

/// Makes a new site in `folder`, with the workflow for `ci`; returns the files written.
pub fn init_site(
    folder: &Path,
    today: crate::model::Date,
    ci: CiHost,
) -> Result<Vec<PathBuf>, Problem> {
    crate::write::guard::check_new_site(folder)?;
    if holds_anything(folder) {
        return Err(Problem::in_file(Code::WouldOverwrite, folder, "this folder is not empty; clearnotice init makes a new site only in an empty or new folder")
            .with_help("Choose a new folder, like clearnotice init my-notices."));
    }
    let notice = format!(
        "+++\ntitle = \"How we use your information\"\nservice = \"All our services\"\ncontroller = \"Example Organisation\"\nversion = \"1.0\"\neffective = {today}\n+++\n\nThis is an example notice. Write your own text under each heading.\n\n{}",
        checklist_skeleton()
    );
    let mut files = vec![
        (
            folder.join("site.toml"),
            // The pin goes before the first table, so it is a top-level key.
            SITE_TOML.replacen(
                "\n\n",
                &format!("\n\n{}\n", crate::workflow::ci::pin_lines()),
                1,
            ),
        ),
        (folder.join("content/example/1.0.md"), notice),
        (
            folder.join("content/example/1.0.easy-read.md"),
            EASY_READ.to_string(),
        ),
        (
            folder.join("pictures/README.txt"),
            PICTURES_README.to_string(),
        ),
        (folder.join(".gitignore"), GITIGNORE.to_string()),
    ];
    for (path, text) in ci.files() {
        files.push((folder.join(path), text));
    }
    for (path, text) in &files {
        write_new(path, text)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}
