//! Where each page of a notice lives, relative to the site: one module that knows the
//! addresses, so the pages that link to each other need not know each other.

use crate::forms::Form;
use crate::model::{Notice, Version};

/// A notice's folder: its current version's standard page, `general/`.
pub(crate) fn notice_folder(slug: &str) -> String {
    format!("{slug}/")
}

/// A notice's Atom feed of major changes.
pub(crate) fn feed_file(slug: &str) -> String {
    format!("{slug}/feed.xml")
}

/// A notice as data: every version, for other tools.
pub(crate) fn data_file(slug: &str) -> String {
    format!("{slug}/notice.json")
}

/// The folder of a version's page: `general/` for the current one, else `general/2.0/`.
pub(crate) fn version_folder(notice: &Notice, version: &Version, as_current: bool) -> String {
    if as_current {
        notice_folder(&notice.slug)
    } else {
        format!("{}/{}/", notice.slug, version.number.value)
    }
}

/// A version's handout in a form, in that form's folder: the current version's at
/// `general/easy-read/general-easy-read.pdf`, an old one's at
/// `general/1.0/easy-read/general-1.0-easy-read.pdf` (a downloaded or attached file
/// says which notice, and which version where it is not the current one).
pub(crate) fn handout_file(
    notice: &Notice,
    version: &Version,
    form: Form,
    as_current: bool,
) -> Option<String> {
    let handout = form.spec().handout.as_ref()?;
    let folder = version_folder(notice, version, as_current);
    let name = if as_current {
        format!("{}-{}.pdf", notice.slug, handout.file_suffix)
    } else {
        format!(
            "{}-{}-{}.pdf",
            notice.slug, version.number.value, handout.file_suffix
        )
    };
    Some(format!("{folder}{}{name}", form.folder()))
}

/// A version's braille file (`brf` or `pef`), beside its standard page: the current
/// version's at `general/general.brf`, an old one's at `general/1.0/general-1.0.brf`.
pub(crate) fn braille_file(
    notice: &Notice,
    version: &Version,
    extension: &str,
    as_current: bool,
) -> String {
    let folder = version_folder(notice, version, as_current);
    if as_current {
        format!("{folder}{}.{extension}", notice.slug)
    } else {
        format!(
            "{folder}{}-{}.{extension}",
            notice.slug, version.number.value
        )
    }
}

/// The folder of the changelog page.
pub(crate) fn changes_folder(slug: &str) -> String {
    format!("{slug}/changes/")
}

/// The folder of the comparison of a version with the one before it.
pub(crate) fn compare_folder(slug: &str, version: &str) -> String {
    format!("{slug}/{version}/compare/")
}

/// Where a rendered page is written: a folder (the page is its `index.html`, so its
/// address ends in `/`) or a file of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagePath {
    /// `general/large-print/`; `""` is the home page.
    Folder(String),
    /// `404.html`, `general/feed.xml`.
    File(String),
}

impl PagePath {
    /// The file written: `general/` → `general/index.html`.
    pub fn file(&self) -> String {
        match self {
            PagePath::Folder(folder) => format!("{folder}index.html"),
            PagePath::File(file) => file.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_a_folder_or_a_file() {
        assert_eq!(PagePath::Folder(String::new()).file(), "index.html");
        assert_eq!(
            PagePath::Folder("general/large-print/".into()).file(),
            "general/large-print/index.html"
        );
        assert_eq!(PagePath::File("404.html".into()).file(), "404.html");
        assert_eq!(
            PagePath::File("general/feed.xml".into()).file(),
            "general/feed.xml"
        );
    }

    #[test]
    fn addresses_of_a_notice() {
        assert_eq!(notice_folder("general"), "general/");
        assert_eq!(feed_file("general"), "general/feed.xml");
        assert_eq!(data_file("general"), "general/notice.json");
        assert_eq!(changes_folder("general"), "general/changes/");
        assert_eq!(compare_folder("general", "2.0"), "general/2.0/compare/");
    }
}
