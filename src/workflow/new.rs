//! `clearnotice new SLUG`: a new notice, `content/SLUG/1.0.md`, with complete
//! front-matter and the privacy-information checklist as its sections.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Problem};
use crate::load::content::{is_valid_slug, CONTENT_DIR};
use crate::model::Date;
use crate::workflow::checklist_skeleton;
use crate::write::guard::check_site_folder;
use crate::write::site_files::write_new;

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
            Code::FolderNameNotAddress,
            notice.slug,
            format!("\"{}\" cannot be a web address", notice.slug),
        )
        .with_help("Use lower-case letters, digits and hyphens only, like home-support."));
    }
    let folder = root.join(CONTENT_DIR).join(notice.slug);
    if folder.exists() {
        return Err(Problem::in_file(
            Code::WouldOverwrite,
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

/// A TOML basic string, quoted and escaped, always on one line: a value holding a
/// quote, a backslash, a new line or a line `+++` can never end the string or the
/// front-matter early.
pub fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::toml_string;

    #[test]
    fn every_string_reads_back_as_written() {
        for text in [
            "plain",
            "with \"quotes\" and 'apostrophes'",
            "a back\\slash \\n not a new line",
            "two\nlines\n+++\nand a fence",
            "'''\"\"\"",
            "tab\there, bell\u{7}, del\u{7f}",
            "Cymraeg: ŵ ŷ, العربية",
        ] {
            let written = toml_string(text);
            assert!(!written.contains('\n'), "{written}");
            let read: toml::Table = toml::from_str(&format!("v = {written}")).unwrap();
            assert_eq!(read["v"].as_str(), Some(text), "{written}");
        }
    }
}
