//! Finding the notices: one folder per notice under `content/`, one file per version.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::forms::Form;
use crate::load::source::{Kind, Source};
use crate::load::text::read_text;
use crate::load::version_file::parse_version_file;
use crate::model::{Notice, Version, VersionNumber};

pub(crate) const CONTENT_DIR: &str = "content";

/// What a file in a notice's folder is, judged by its name.
enum FileKind {
    /// `<MAJOR.MINOR>.md`
    Version(VersionNumber),
    /// `<MAJOR.MINOR>.easy-read.md`: the easy-read text of a version.
    EasyRead(VersionNumber),
    /// `<MAJOR.MINOR>.<lang>.md`: a version's translation (`2.1.cy.md`).
    Translation(VersionNumber, String),
    /// `<MAJOR.MINOR>.<lang>.easy-read.md`: its easy-read text in that language.
    TranslatedEasyRead(VersionNumber, String),
    /// A Markdown file whose name is not a version.
    BadlyNamedMarkdown,
    /// Pictures and anything else that is not Markdown.
    Other,
}

fn kind_of(file_name: &str) -> FileKind {
    let Some(stem) = file_name.strip_suffix(".md") else {
        return FileKind::Other;
    };
    if let Some(version) = stem.strip_suffix(".easy-read") {
        if let Some(number) = VersionNumber::parse(version) {
            return FileKind::EasyRead(number);
        }
        if let Some((number, language)) = translated(version) {
            return FileKind::TranslatedEasyRead(number, language);
        }
    }
    if let Some(number) = VersionNumber::parse(stem) {
        return FileKind::Version(number);
    }
    match translated(stem) {
        Some((number, language)) => FileKind::Translation(number, language),
        None => FileKind::BadlyNamedMarkdown,
    }
}

/// `2.1.cy` → version 2.1 in `cy`.
fn translated(stem: &str) -> Option<(VersionNumber, String)> {
    let (version, language) = stem.rsplit_once('.')?;
    let number = VersionNumber::parse(version)?;
    is_language_tag(language).then(|| (number, language.to_string()))
}

/// A BCP 47 tag as people write them: a language of 2–3 letters, then subtags of
/// letters and digits (`cy`, `en-GB`, `zh-Hant`). Not a full validator: enough to
/// tell a translation's name from a misnamed file.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Skips hidden files and editors' swap, backup and temporary files.
fn is_ignored(name: &str) -> bool {
    crate::load::editor_files::is_editor_file(name)
}

/// Links are not followed: a link can loop, or lead out of the site's folder.
fn symlink_warning(shown: &Path) -> Problem {
    Problem::in_file(
        Code::LinkNotFollowed,
        shown,
        "this is a link to somewhere else, and clearnotice does not follow links; it is ignored",
    )
    .with_help("Put the file itself here instead of a link to it.")
    .warning()
}

/// A notice's folder name is its address, so it must be a clean URL segment.
pub(crate) fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// One entry of `content/`, with the problems found in it: a notice's folder (its
/// notice is `None` when it could not be read) or something that is not a notice.
#[derive(Debug)]
pub(crate) struct ContentEntry {
    /// The entry's name in `content/`: for a notice, its address.
    pub name: String,
    pub notice: Option<Notice>,
    pub problems: Vec<Problem>,
}

/// Loads every notice under `<root>/content`, sorted by address, versions oldest first.
pub(crate) fn load_notices(
    source: &dyn Source,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    for mut entry in load_content(source, root, problems) {
        problems.append(&mut entry.problems);
        notices.extend(entry.notice);
    }
    notices
}

/// Reads every entry of `<root>/content`, in name order. A missing `content/` is a
/// problem of the site, added to `problems`.
pub(crate) fn load_content(
    source: &dyn Source,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Vec<ContentEntry> {
    let Some(listed) = list_content(source, root, problems) else {
        return Vec::new();
    };
    // Each entry of content/ is either a notice folder to load or a problem; notices are
    // then read and parsed on every core, and problems kept in folder order.
    listed
        .into_par_iter()
        .map(|(name, entry)| load_entry(source, name, entry))
        .collect()
}

/// The entries of `<root>/content`, in name order, without reading them (the build
/// cache reads them only where they changed). `None` with a problem of the site when
/// there is no `content/`.
pub(crate) fn list_content(
    source: &dyn Source,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Found>> {
    let content = root.join(CONTENT_DIR);
    if !source.is_folder(&content) {
        problems.push(
            Problem::in_file(Code::NoContentFolder, CONTENT_DIR, "there is no content/ folder")
                .with_help("Make a folder named content/ beside site.toml, with one folder per notice inside it."),
        );
        return None;
    }
    Some(list_entries(source, &content))
}

/// Reads one entry of `content/` as listed.
pub(crate) fn load_entry(
    source: &dyn Source,
    name: String,
    entry: Result<(PathBuf, PathBuf), Problem>,
) -> ContentEntry {
    match entry {
        Ok((path, shown)) => {
            let mut problems = Vec::new();
            let notice = load_notice(source, &path, &shown, name.clone(), &mut problems);
            ContentEntry {
                name,
                notice,
                problems,
            }
        }
        Err(problem) => ContentEntry {
            name,
            notice: None,
            problems: vec![problem],
        },
    }
}

/// An entry of `content/`: its name, and its folder (with how it is shown) or why it
/// is not a notice.
pub(crate) type Found = (String, Result<(PathBuf, PathBuf), Problem>);

/// The entries of `content/`, in name order, editors' files left out.
fn list_entries(source: &dyn Source, content: &Path) -> Vec<Found> {
    let mut entries: Vec<Found> = Vec::new();
    for entry in source.walk(content, 1) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                entries.push((
                    String::new(),
                    Err(Problem::in_file(
                        Code::CannotRead,
                        CONTENT_DIR,
                        format!("could not read the content folder: {err}"),
                    )),
                ));
                continue;
            }
        };
        let name = entry.name.clone();
        let shown = Path::new(CONTENT_DIR).join(&name);
        if is_ignored(&name) {
            continue;
        }
        if entry.kind == Kind::Link {
            entries.push((name, Err(symlink_warning(&shown))));
            continue;
        }
        if entry.kind != Kind::Folder {
            entries.push((name, Err(Problem::in_file(Code::FileOutsideNotice,
                &shown,
                "files directly in content/ are not part of any notice; this one is ignored",
            )
            .with_help(
                "Put each notice's versions in a folder of its own, like content/general/1.0.md.",
            )
            .warning())));
            continue;
        }
        entries.push((name, Ok((entry.path, shown))));
    }
    entries
}

/// Loads the one notice in `content/<slug>/` (for `serve`, after a save there).
/// `None` with no problems when the folder is gone.
pub(crate) fn load_one_notice(
    source: &dyn Source,
    root: &Path,
    slug: &str,
    problems: &mut Vec<Problem>,
) -> Option<Notice> {
    let dir = root.join(CONTENT_DIR).join(slug);
    if !source.is_folder(&dir) {
        return None;
    }
    load_notice(
        source,
        &dir,
        &Path::new(CONTENT_DIR).join(slug),
        slug.to_string(),
        problems,
    )
}

fn load_notice(
    source: &dyn Source,
    dir: &Path,
    shown: &Path,
    slug: String,
    problems: &mut Vec<Problem>,
) -> Option<Notice> {
    // The folder name is the notice's address: checked here so `build` and `serve`'s
    // one-notice reload refuse the same names.
    if !is_valid_slug(&slug) {
        problems.push(
            Problem::in_file(
                Code::FolderNameNotAddress,
                shown,
                format!("the folder name {slug:?} cannot be a web address"),
            )
            .with_help("Use lower-case letters, digits and hyphens only, like wellbeing-centres."),
        );
        return None;
    }
    let mut folder = read_folder(source, dir, shown, problems);
    attach_easy_reads(&mut folder, problems);
    attach_translations(&mut folder, problems);
    let Folder {
        mut versions,
        files,
        failed,
        ..
    } = folder;
    if versions.is_empty() && !failed {
        problems.push(
            Problem::in_file(
                Code::NoVersions,
                shown,
                "this notice folder has no versions",
            )
            .with_help("Add the first version as 1.0.md, or delete the empty folder."),
        );
    }
    if failed || versions.is_empty() {
        return None;
    }
    versions.sort_by_key(|v| v.number.value);
    Some(Notice {
        slug,
        folder: shown.to_path_buf(),
        versions,
        files,
    })
}

/// What a notice's folder holds, as read.
#[derive(Default)]
struct Folder {
    versions: Vec<Version>,
    /// Easy-read texts, not yet attached to their versions.
    easy_reads: Vec<(VersionNumber, SourceFile)>,
    /// Translations and translated easy-read texts, by version and language, not yet
    /// attached (a translation needs its version to be checked against).
    translations: Vec<(VersionNumber, String, SourceFile)>,
    translated_easy_reads: Vec<(VersionNumber, String, SourceFile)>,
    /// Every version file's number, parsed or not.
    version_files: Vec<VersionNumber>,
    /// Pictures and other files, by name.
    files: BTreeMap<String, Vec<u8>>,
    /// Whether anything could not be read (the problems say what).
    failed: bool,
}

/// Reads every file of a notice's folder, in name order.
fn read_folder(
    source: &dyn Source,
    dir: &Path,
    shown: &Path,
    problems: &mut Vec<Problem>,
) -> Folder {
    let mut folder = Folder::default();
    for entry in source.walk(dir, 1) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(Problem::in_file(
                    Code::CannotRead,
                    shown,
                    format!("could not read this folder: {err}"),
                ));
                folder.failed = true;
                continue;
            }
        };
        let name = entry.name.clone();
        let file_shown: PathBuf = shown.join(&name);
        if is_ignored(&name) {
            continue;
        }
        if entry.kind == Kind::Link {
            problems.push(symlink_warning(&file_shown));
            continue;
        }
        if entry.kind == Kind::File {
            let file = FileRead {
                source,
                path: &entry.path,
                shown: &file_shown,
            };
            read_file(&file, name, &mut folder, problems);
        } else if !matches!(kind_of(&name), FileKind::Other) {
            // A folder, pipe or device named like 1.0.md: not read, and said so.
            problems.push(
                Problem::in_file(Code::NotAFile, &file_shown, "this is named like a notice's file but is not a file (a folder, or something else), so it is not read")
                    .with_help("Rename it, or put the version's text in a plain file of this name.")
                    .warning(),
            );
        }
    }
    folder
}

/// Reads one file of a notice's folder into `folder`, by what its name says it is.
/// A file of a notice's folder to read: where it is, and how the user knows it.
struct FileRead<'a> {
    source: &'a dyn Source,
    path: &'a Path,
    shown: &'a Path,
}

fn read_file(file: &FileRead, name: String, folder: &mut Folder, problems: &mut Vec<Problem>) {
    let (path, file_shown) = (file.path, file.shown);
    match kind_of(&name) {
        FileKind::Version(number) => {
            folder.version_files.push(number);
            let parsed = read_text(file.source, path, file_shown)
                .map_err(|p| vec![p])
                .and_then(|source| parse_version_file(source, number));
            match parsed {
                Ok(version) => folder.versions.push(version),
                Err(mut found) => {
                    problems.append(&mut found);
                    folder.failed = true;
                }
            }
        }
        FileKind::BadlyNamedMarkdown => {
            problems.push(
                Problem::in_file(Code::FileNameNotVersion, file_shown, "this file's name is not a version number")
                    .with_help("Name each version's file after its version, like 1.0.md or 2.1.md (and its easy read 2.1.easy-read.md)."),
            );
            folder.failed = true;
        }
        FileKind::EasyRead(number) => match read_text(file.source, path, file_shown) {
            Ok(source) => folder.easy_reads.push((number, source)),
            Err(problem) => {
                problems.push(problem);
                folder.failed = true;
            }
        },
        FileKind::Translation(number, language)
        | FileKind::TranslatedEasyRead(number, language) => {
            let easy_read = matches!(kind_of(&name), FileKind::TranslatedEasyRead(..));
            match read_text(file.source, path, file_shown) {
                Ok(source) if easy_read => folder
                    .translated_easy_reads
                    .push((number, language, source)),
                Ok(source) => folder.translations.push((number, language, source)),
                Err(problem) => {
                    problems.push(problem);
                    folder.failed = true;
                }
            }
        }
        FileKind::Other => read_other(file, name, folder, problems),
    }
}

/// A file beside the versions that is not a text (a picture, or anything else): kept
/// by name, a picture only once it passes the picture checks.
fn read_other(file: &FileRead, name: String, folder: &mut Folder, problems: &mut Vec<Problem>) {
    let (path, file_shown) = (file.path, file.shown);
    match file.source.read(path) {
        Ok(bytes)
            if is_picture(&name) && {
                let extension = name.rsplit('.').next().unwrap_or_default();
                crate::load::pictures::refused(file_shown, &bytes, extension, problems)
            } =>
        {
            folder.failed = true;
        }
        Ok(bytes) => {
            folder.files.insert(name, bytes);
        }
        Err(err) => problems.push(
            Problem::in_file(
                Code::CannotRead,
                file_shown,
                format!("could not read this file: {err}"),
            )
            .warning(),
        ),
    }
}

/// Whether a file beside the versions is a picture (by the extensions pictures have).
fn is_picture(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, extension)| {
        crate::theme::pictures::PICTURE_EXTENSIONS
            .contains(&extension.to_ascii_lowercase().as_str())
    })
}

/// Gives each easy-read text to its version; one without a version is a problem.
fn attach_easy_reads(folder: &mut Folder, problems: &mut Vec<Problem>) {
    for (number, source) in std::mem::take(&mut folder.easy_reads) {
        match folder
            .versions
            .iter_mut()
            .find(|v: &&mut Version| v.number.value == number)
        {
            Some(version) => {
                version.texts.insert(Form::EasyRead, source);
            }
            // A version file that failed to parse has already been reported.
            None if folder.version_files.contains(&number) => {}
            None => {
                problems.push(
                    Problem::in_file(Code::TextWithoutVersion, &source.path, format!("this is the easy-read text of version {number}, but there is no {number}.md"))
                        .with_help(format!("An easy-read text belongs to a version: add {number}.md beside it, or rename this file after the version it goes with.")),
                );
                folder.failed = true;
            }
        }
    }
}

/// Gives each translation to the version it translates (checked against it), then
/// each translated easy-read text to its translation.
fn attach_translations(folder: &mut Folder, problems: &mut Vec<Problem>) {
    for (number, language, source) in std::mem::take(&mut folder.translations) {
        let Some(version) = folder
            .versions
            .iter_mut()
            .find(|v| v.number.value == number)
        else {
            if !folder.version_files.contains(&number) {
                problems.push(
                    Problem::in_file(Code::TextWithoutVersion, &source.path, format!("this is the {language} translation of version {number}, but there is no {number}.md"))
                        .with_help(format!("A translation sits beside the version it translates: add {number}.md, or rename this file after the version it translates ({number}.{language}.md).")),
                );
                folder.failed = true;
            }
            continue;
        };
        match crate::load::translation::parse_translation(source, &language, version) {
            Ok(translation) => {
                version.translations.insert(language, translation);
            }
            Err(mut found) => {
                problems.append(&mut found);
                folder.failed = true;
            }
        }
    }
    for (number, language, source) in std::mem::take(&mut folder.translated_easy_reads) {
        let translation = folder
            .versions
            .iter_mut()
            .find(|v| v.number.value == number)
            .and_then(|v| v.translations.get_mut(&language));
        match translation {
            Some(translation) => translation.easy_read = Some(source),
            None if folder.failed => {}
            None => {
                problems.push(
                    Problem::in_file(Code::TextWithoutVersion, &source.path, format!("this is the {language} easy-read text of version {number}, but there is no {number}.{language}.md"))
                        .with_help(format!("An easy-read text in {language} goes with the {language} translation of its version: add {number}.{language}.md beside it.")),
                );
                folder.failed = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_version_form_and_language() {
        let v = |s| VersionNumber::parse(s).unwrap();
        assert!(matches!(kind_of("2.1.md"), FileKind::Version(n) if n == v("2.1")));
        assert!(matches!(kind_of("2.1.easy-read.md"), FileKind::EasyRead(n) if n == v("2.1")));
        assert!(
            matches!(kind_of("2.1.cy.md"), FileKind::Translation(n, l) if n == v("2.1") && l == "cy")
        );
        assert!(
            matches!(kind_of("2.1.cy.easy-read.md"), FileKind::TranslatedEasyRead(n, l) if n == v("2.1") && l == "cy")
        );
        assert!(matches!(kind_of("2.1.zh-Hant.md"), FileKind::Translation(_, l) if l == "zh-Hant"));
        for bad in [
            "2.1.Welsh.md",
            "2.1.c.md",
            "cy.md",
            "2.md",
            "2.1.cy.draft.md",
        ] {
            assert!(
                matches!(kind_of(bad), FileKind::BadlyNamedMarkdown),
                "{bad}"
            );
        }
    }

    #[test]
    fn slugs_are_clean_url_segments() {
        for good in ["general", "wellbeing-centres", "a1"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in ["", "General", "my notice", "-a", "a-", "café", "a_b", "a.b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }
}
