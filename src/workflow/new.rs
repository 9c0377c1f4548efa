//! `clearnotice new SLUG`: a new notice, `content/SLUG/1.0.md`, with complete
//! front-matter and the privacy-information checklist as its sections.

use std::path::{Path, PathBuf};

use crate::diagnostics::Problem;
use crate::load::content::{is_valid_slug, CONTENT_DIR};
use crate::model::Date;
use crate::workflow::{checklist_skeleton, write_new};
use crate::write::guard::check_site_folder;

pub struct NewNotice<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub service: &'a str,
    pub controller: &'a str,
    pub effective: Date,
}

/// Writes the notice's first version; returns its path.
pub fn new_notice(root: &Path, notice: &NewNotice) -> Result<PathBuf, Problem> {
    check_site_folder(root)?;
    if !is_valid_slug(notice.slug) {
        return Err(Problem::in_file(
            notice.slug,
            format!("\"{}\" cannot be a web address", notice.slug),
        )
        .with_help("Use lower-case letters, digits and hyphens only, like home-support."));
    }
    let folder = root.join(CONTENT_DIR).join(notice.slug);
    if folder.exists() {
        return Err(Problem::in_file(
            Path::new(CONTENT_DIR).join(notice.slug),
            "there is already a notice here",
        )
        .with_help("To publish its next version, use clearnotice release."));
    }
    let text = format!(
        "+++\ntitle = {}\nservice = {}\ncontroller = {}\nversion = \"1.0\"\neffective = {}\n+++\n\n{}",
        toml_string(notice.title),
        toml_string(notice.service),
        toml_string(notice.controller),
        notice.effective,
        checklist_skeleton()
    );
    let path = folder.join("1.0.md");
    write_new(&path, &text)?;
    Ok(path)
}

/// A TOML basic string, quoted and escaped.
pub fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string().trim().to_string()
}
