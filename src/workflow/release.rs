//! `clearnotice release SLUG --major|--minor`: the next version of a notice. The newest
//! version (and its easy-read text) is copied to the next version number; in the copy,
//! only `version`, `change`, `summary` and `effective` are changed, and what belonged
//! to the old version's change alone (`announced`, `easy_read_summary`) is left out
//! (with toml_edit, so every other byte of the front-matter, comments included,
//! stays as it was).

use std::path::{Path, PathBuf};

use toml_edit::{value, DocumentMut};

use crate::diagnostics::{Code, Problem};
use crate::load::content::{is_valid_slug, load_one_notice, CONTENT_DIR};
use crate::load::front_matter::split;
use crate::model::{Change, Date, Notice, Version, VersionNumber};
use crate::workflow::new::toml_string;
use crate::write::guard::check_site_folder;
use crate::write::site_files::write_new;

pub struct Release<'a> {
    pub slug: &'a str,
    pub change: Change,
    pub summary: Option<&'a str>,
    pub effective: Date,
}

/// What was written, for the message that says what to do next.
#[derive(Debug)]
pub struct Released {
    pub version: String,
    pub files: Vec<PathBuf>,
}

pub fn release(root: &Path, release: &Release) -> Result<Released, Vec<Problem>> {
    let notice = notice_to_release(root, release)?;
    let newest = notice
        .versions
        .last()
        .expect("a loaded notice has versions");
    let next = match release.change {
        Change::Major => newest.number.value.next_major(),
        Change::Minor => newest.number.value.next_minor(),
    };
    let text = next_version_text(newest, release, next)?;
    let folder = root.join(CONTENT_DIR).join(release.slug);
    let mut files = vec![folder.join(format!("{next}.md"))];
    write_new(&files[0], &text).map_err(|p| vec![p])?;
    if let Some(easy_read) = newest.own_text(crate::forms::Form::EasyRead) {
        let path = folder.join(format!("{next}.easy-read.md"));
        write_new(&path, &easy_read.text).map_err(|p| vec![p])?;
        files.push(path);
    }
    Ok(Released {
        version: next.to_string(),
        files,
    })
}

/// The notice `release` names, loaded, once the release is known to be one it can
/// have: a major change with a summary, on or after its newest version's date.
fn notice_to_release(root: &Path, release: &Release) -> Result<Notice, Vec<Problem>> {
    check_site_folder(root).map_err(|p| vec![p])?;
    if !is_valid_slug(release.slug) {
        return Err(vec![Problem::in_file(Code::NoSuchNotice,
            release.slug,
            format!("\"{}\" is not the name of a notice", release.slug),
        )
        .with_help("Give the notice's folder name under content/: lower-case letters, digits and hyphens, like general.")]);
    }
    let mut problems = Vec::new();
    let notice = load_one_notice(
        &crate::load::source::Disk,
        root,
        release.slug,
        &mut problems,
    );
    if problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    let Some(notice) = notice else {
        return Err(vec![Problem::in_file(Code::NoSuchNotice, Path::new(CONTENT_DIR).join(release.slug), "there is no notice here")
            .with_help("Check the name: it is the notice's folder under content/. To start a new notice, use clearnotice new.")]);
    };
    if release.change == Change::Major && release.summary.is_none_or(|s| s.trim().is_empty()) {
        return Err(vec![Problem::in_file(Code::MajorWithoutSummary, release.slug, "a major change needs a summary")
            .with_help("Add --summary \"...\": one plain sentence saying what changed. People are told about major changes.")]);
    }
    let newest = notice
        .versions
        .last()
        .expect("a loaded notice has versions");
    if release.effective < newest.effective.value {
        return Err(vec![Problem::in_file(
            Code::EffectiveBeforePrevious,
            &newest.source.path,
            format!(
                "the new version cannot take effect on {}, before version {} ({})",
                release.effective, newest.number.value, newest.effective.value
            ),
        )
        .with_help(
            "Effective dates never go backwards: choose --effective on or after that date.",
        )]);
    }
    Ok(notice)
}

/// The text of version `next`: the newest version's file with its front-matter
/// changed (every other byte as it was).
fn next_version_text(
    newest: &Version,
    release: &Release,
    next: VersionNumber,
) -> Result<String, Vec<Problem>> {
    let parts = split(&newest.source.text).map_err(|_| {
        vec![Problem::in_file(
            Code::NoFrontMatter,
            &newest.source.path,
            "could not read the front-matter",
        )]
    })?;
    let mut doc: DocumentMut = parts.front_matter.parse().map_err(|err| {
        vec![Problem::in_file(
            Code::FrontMatterInvalid,
            &newest.source.path,
            format!("could not read the front-matter: {err}"),
        )]
    })?;
    doc["version"] = value(next.to_string());
    doc["change"] = value(match release.change {
        Change::Major => "major",
        Change::Minor => "minor",
    });
    // What belongs to the old version's change goes with it: its summary, the day
    // people were told of it, and its easy-read summary.
    for key in ["summary", "announced", "easy_read_summary"] {
        doc.remove(key);
    }
    if let Some(summary) = release.summary {
        // On one line, escaped: a summary holding a new line or `+++` stays a string.
        let summary: toml_edit::Value = toml_string(summary)
            .parse()
            .expect("toml_string writes a valid TOML string");
        doc["summary"] = value(summary);
    }
    doc["effective"] = value(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: release.effective.year() as u16,
            month: release.effective.month() as u8,
            day: release.effective.day() as u8,
        }),
        time: None,
        offset: None,
    });
    Ok(format!("+++\n{}+++\n{}", doc, parts.body))
}
