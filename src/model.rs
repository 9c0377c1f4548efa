//! The site as the rest of the pipeline sees it: built once by `load`, then only read.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::forms::Form;

use crate::diagnostics::SourceFile;

/// Settings from `site.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page's header.
    pub title: String,
    /// Where the site is published, ending in `/`; used for canonical links.
    pub base_url: String,
    /// The language of the notices, as a BCP 47 tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// Every language the site is published in, the first its default
    /// (`["en-GB", "cy"]`); empty for a site in `language` only.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The site's title in its other languages, by tag (`cy = "Hysbysiadau
    /// preifatrwydd"`); a language without one shows `title`.
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
    /// The organisation that publishes the notices.
    pub organisation: String,
    /// The data-protection contact block.
    pub contact: Contact,
    /// Where the site is written, relative to the site folder.
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Settings of the large-print pages.
    #[serde(default)]
    pub large_print: LargePrintConfig,
    /// Settings of the easy-read checks.
    #[serde(default)]
    pub easy_read: EasyReadConfig,
    /// Where a standard text's pictures may come from.
    #[serde(default)]
    pub images: ImagesConfig,
    /// `[review]`: how often a notice is to be reviewed, for versions that give no
    /// `review_by` of their own.
    #[serde(default)]
    pub review: Option<ReviewConfig>,
    /// Braille files for every version (`[braille]`); `None`: none are made.
    #[serde(default)]
    pub braille: Option<BrailleConfig>,
    /// `[readability]`: the reading grades past which `build` warns.
    #[serde(default)]
    pub readability: ReadabilityConfig,
    /// The clearnotice release the site is built with (`clearnotice = "0.2.0"`): the
    /// publishing workflow installs it; a build by another release says so.
    #[serde(default)]
    pub clearnotice: Option<String>,
}

/// `[images]` in site.toml. A picture from another website is loaded by every
/// visitor's browser from that website, which learns who read the notice: a privacy
/// notice shows none unless the site names the host it trusts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagesConfig {
    /// Hosts a standard text may show pictures from, like `["www.pss.org.uk"]`.
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
}

/// `[easy_read]` in site.toml.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasyReadConfig {
    /// Words in capitals that are fine in easy read (added to the built-in list:
    /// PSS, ICO, NHS, CCTV, GP, UK, ...).
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// The text size of the easy-read leaflet (PDF), in points: at least 14.
    #[serde(default = "default_easy_read_handout_size")]
    pub handout_size_pt: u32,
}

impl Default for EasyReadConfig {
    fn default() -> Self {
        EasyReadConfig {
            acronyms: Vec::new(),
            handout_size_pt: default_easy_read_handout_size(),
        }
    }
}

/// Easy-read guidance asks for 14 pt at least; 16 pt is the usual choice.
fn default_easy_read_handout_size() -> u32 {
    16
}

/// `[review]` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewConfig {
    /// Months from a version's `reviewed` date (or its effective date) to its review.
    pub every_months: u32,
}

/// `[readability]` in site.toml: the Flesch–Kincaid grade (a US school year; add 5
/// for a reading age) past which a notice's standard text is warned about, once per
/// notice. A notice for everyone has no target unless the site sets one; a notice
/// with `audience = "children"` has a stricter one by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadabilityConfig {
    /// For every notice: none by default.
    #[serde(default)]
    pub grade: Option<f64>,
    /// For notices written for children: grade 7 (a reading age of 12) by default.
    #[serde(default = "default_children_grade")]
    pub children_grade: f64,
}

impl Default for ReadabilityConfig {
    fn default() -> Self {
        ReadabilityConfig {
            grade: None,
            children_grade: default_children_grade(),
        }
    }
}

fn default_children_grade() -> f64 {
    7.0
}

/// Who a notice is written for (`audience` in its front-matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Everyone,
    /// Children: the site's stricter readability target holds.
    Children,
}

/// `[braille]` in site.toml: its presence asks for braille files (made by liblouis).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrailleConfig {
    /// Contracted braille (grade 2), as most adult readers read; `false` for
    /// uncontracted (grade 1).
    #[serde(default = "contracted_by_default")]
    pub contracted: bool,
    /// Cells a line: 40 on most embossers and displays' A4 paper.
    #[serde(default = "default_braille_cells")]
    pub cells_per_line: usize,
    /// Lines a page: 25 on most embossers' A4 paper.
    #[serde(default = "default_braille_lines")]
    pub lines_per_page: usize,
    /// A liblouis table for a language, by its tag (`cy = "cy-cy-g1.utb"`), in place
    /// of the built-in choice or for a language without one.
    #[serde(default)]
    pub tables: BTreeMap<String, String>,
}

fn contracted_by_default() -> bool {
    true
}

fn default_braille_cells() -> usize {
    40
}

fn default_braille_lines() -> usize {
    25
}

/// `[large_print]` in site.toml.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LargePrintConfig {
    /// Body text size in points: UKAAF says at least 16 pt; 18 pt is the usual choice.
    #[serde(default = "default_large_print_size")]
    pub size_pt: u32,
}

impl Default for LargePrintConfig {
    fn default() -> Self {
        LargePrintConfig {
            size_pt: default_large_print_size(),
        }
    }
}

fn default_large_print_size() -> u32 {
    18
}

impl SiteConfig {
    /// The site's languages, its default first.
    pub fn all_languages(&self) -> Vec<String> {
        if self.languages.is_empty() {
            vec![self.language.clone()]
        } else {
            self.languages.clone()
        }
    }
}

fn default_language() -> String {
    "en-GB".to_string()
}

/// Where a site is written when site.toml does not say.
pub const DEFAULT_OUTPUT_DIR: &str = "public";

fn default_output_dir() -> String {
    DEFAULT_OUTPUT_DIR.to_string()
}

/// How to reach the people who answer data-protection questions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Who to contact, such as "Data Protection Lead".
    pub name: Option<String>,
    /// The postal address, one line per item.
    #[serde(default)]
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// A web address for contact (a form or page).
    pub web: Option<String>,
}

/// `MAJOR.MINOR`, compared numerically (so 1.10 comes after 1.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VersionNumber {
    pub major: u32,
    pub minor: u32,
}

impl VersionNumber {
    pub const FIRST: VersionNumber = VersionNumber { major: 1, minor: 0 };

    /// Parses `MAJOR.MINOR`, both plain decimal numbers.
    pub fn parse(text: &str) -> Option<VersionNumber> {
        let (major, minor) = text.split_once('.')?;
        let number = |part: &str| {
            let all_digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            // "01" would make two files name the same version.
            let no_leading_zero = part == "0" || !part.starts_with('0');
            if all_digits && no_leading_zero {
                part.parse().ok()
            } else {
                None
            }
        };
        Some(VersionNumber {
            major: number(major)?,
            minor: number(minor)?,
        })
    }

    /// The version a major change after this one must have.
    pub fn next_major(self) -> VersionNumber {
        VersionNumber {
            major: self.major + 1,
            minor: 0,
        }
    }

    /// The version a minor change after this one must have.
    pub fn next_minor(self) -> VersionNumber {
        VersionNumber {
            major: self.major,
            minor: self.minor + 1,
        }
    }
}

impl fmt::Display for VersionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Whether people must be told about a version (major) or it is only updated online (minor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Major,
    Minor,
}

/// A calendar date (no time, no zone).
pub type Date = jiff::civil::Date;

/// A value from front-matter with where it was written, so later checks can point at it.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    /// Byte range in the version file's text.
    pub span: Range<usize>,
}

/// One published version of a notice: one file, `content/<slug>/<version>.md`.
#[derive(Debug, Clone)]
pub struct Version {
    pub number: Located<VersionNumber>,
    pub title: String,
    pub service: String,
    /// Who decides how the data is used; more than one for joint controllers.
    pub controllers: Vec<String>,
    /// Who processes the data for the controller, when that is someone else.
    pub processor: Option<String>,
    pub effective: Located<Date>,
    /// `None` only for the first version, which is a first publication rather than a change.
    pub change: Option<Located<Change>>,
    pub summary: Option<String>,
    /// The day people were told about this (major) change.
    pub announced: Option<Located<Date>>,
    /// `review_by`: the day by which the notice is to be reviewed while this version
    /// is current (else, with `[review]` in site.toml, a number of months on).
    pub review_by: Option<Located<Date>>,
    /// `reviewed`: the day it was last reviewed, shown on the changelog.
    pub reviewed: Option<Located<Date>>,
    /// `audience`: who it is written for (`"children"`: a stricter readability
    /// target), with where it was written.
    pub audience: Option<Located<Audience>>,
    /// The change in easy read, for the easy-read letter: points with pictures.
    pub easy_read_summary: Option<Located<String>>,
    /// `[not_applicable]`: checklist items (id, reason) this notice says do not apply.
    pub not_applicable: Vec<Located<(String, String)>>,
    /// `not_covered`: checklist items the notice does not give, though the check's
    /// reading of its words found them (a wrong match, corrected by a person).
    pub not_covered: Vec<Located<String>>,
    /// `[contact]`: who to contact about this version, when not the site's contact
    /// (a site with several controllers, or a controller that changed).
    pub contact: Option<Contact>,
    /// The Markdown after the front-matter.
    pub body: String,
    /// Where the body starts in the file's text, to turn body offsets into file lines.
    pub body_offset: usize,
    /// The whole file, for problems that point into it.
    pub source: SourceFile,
    /// Texts written for a form (today: the easy-read text), by form, in the language
    /// being rendered (`languages::in_language` swaps a translation's in). The
    /// standard and large-print forms show `body`.
    pub texts: BTreeMap<Form, SourceFile>,
    /// Its translations, by language tag (`cy`): `2.1.cy.md` beside `2.1.md`.
    pub translations: BTreeMap<String, Translation>,
    /// Set where a page shows an older version's translation because this version's
    /// is not written yet: the number of the version whose text is shown.
    pub out_of_date_text: Option<VersionNumber>,
}

/// A version in another language: what its front-matter may translate, and its
/// texts. Version, dates, change and controllers are the translated version's.
#[derive(Debug, Clone)]
pub struct Translation {
    pub title: String,
    pub service: String,
    pub summary: Option<String>,
    pub body: String,
    pub body_offset: usize,
    /// The translation's file (`2.1.cy.md`).
    pub source: SourceFile,
    /// Its easy-read text (`2.1.cy.easy-read.md`), where written.
    pub easy_read: Option<SourceFile>,
}

/// A notice: one folder under `content/`, its versions oldest first.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The folder name, which is also the notice's address: `/<slug>/`.
    pub slug: String,
    /// The folder, as the user knows it (relative to the site folder).
    pub folder: PathBuf,
    pub versions: Vec<Version>,
    /// Pictures and other files kept beside the versions, by file name, for
    /// easy-read points that use a relative path.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Version {
    /// The text written for `form` in the site's language, if any.
    pub fn own_text(&self, form: Form) -> Option<&SourceFile> {
        self.texts.get(&form)
    }

    /// Whether the version is published in `form`: a form that needs a text of its
    /// own (easy read) only where that text was written.
    pub fn has_form(&self, form: Form) -> bool {
        !form.spec().own_text || self.own_text(form).is_some()
    }

    /// The form a link from a page in `form` to this version should show: the same
    /// form when this version has it, else its standard page (a link to a form that
    /// a version does not have leads nowhere).
    pub fn form_to_link(&self, form: Form) -> Form {
        if self.has_form(form) {
            form
        } else {
            Form::Standard
        }
    }

    /// True for a version people were told about: the first publication or a major
    /// change. A minor change is only updated online.
    pub fn is_major(&self) -> bool {
        !matches!(self.change.as_ref().map(|c| c.value), Some(Change::Minor))
    }
}

impl Notice {
    /// The index of the newest version whose effective date has come, on `today`.
    pub fn current_index(&self, today: Date) -> Option<usize> {
        self.versions
            .iter()
            .rposition(|version| version.effective.value <= today)
    }

    /// The newest version whose effective date has come, on `today`.
    pub fn current_version(&self, today: Date) -> Option<&Version> {
        self.current_index(today).map(|i| &self.versions[i])
    }

    /// The date of the newest major change (or first publication) at or before `version`:
    /// a minor change does not move "last updated".
    pub fn last_major_change(&self, version: &Version) -> Date {
        self.versions
            .iter()
            .filter(|v| v.number.value <= version.number.value && v.is_major())
            .map(|v| v.effective.value)
            .next_back()
            .unwrap_or(version.effective.value)
    }
}

/// Everything the pipeline needs to know about a site, read from disk once.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub config_source: SourceFile,
    /// Shared, so `serve` can keep the previous site while it tries a rebuild without
    /// copying every notice's text.
    pub notices: Vec<std::sync::Arc<Notice>>,
    /// The site's own pictures (`pictures/NAME.svg` and the like), by name without
    /// extension: they replace the theme's picture of the same name.
    pub pictures: BTreeMap<String, Picture>,
}

/// A picture file: its bytes and extension (which decides its MIME type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub extension: String,
    pub bytes: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_numbers_parse_and_compare_numerically() {
        let v = |s| VersionNumber::parse(s).unwrap();
        assert!(v("1.10") > v("1.9"));
        assert_eq!(v("2.0"), v("1.3").next_major());
        assert_eq!(v("1.4"), v("1.3").next_minor());
        for bad in [
            "1", "1.", ".1", "1.0.0", "a.b", "01.0", "1.01", "-1.0", " 1.0",
        ] {
            assert_eq!(VersionNumber::parse(bad), None, "{bad}");
        }
    }
}
