//! `clearnotice announce SLUG [VERSION]`: a ready-to-send pack telling people about a
//! major change — an email (.eml with text and HTML parts, and each part as a file),
//! A4 letters (HTML and PDF) in the standard form and in large print, an easy-read
//! letter where the version has an `easy_read_summary`, a text message and a
//! README.txt. Nothing is sent. The same input and date give the same bytes.
//!
//! Every form is made from one Markdown message (the theme's `announce/message.md`),
//! so the email and the letters say the same thing. This file finds the notice and
//! version and writes the pack (through write's staging, as a site is written);
//! pack.rs makes its files, email.rs and letters.rs the email and the letters.

mod email;
mod letters;
mod pack;
mod text;
mod words;

use text::{escape_html, escape_markdown};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::{Code, Problem};
use crate::model::{Date, Notice, Site, Version};
use crate::output::OutputFile;
use crate::pipeline::options::{BuildOptions, Handouts};
use crate::pipeline::{in_memory, Pipeline};
use crate::render::handouts::data::{
    absolute_links_in, easy_read_points, language_parts, picture_data, HandoutData, HandoutSource,
};
use crate::render::handouts::{HandoutMaker, HandoutRequest, Typesetter};
use crate::text::document::parse_document;
use crate::theme::strings::Strings;
use crate::theme::Theme;
use crate::write::{check_target, Made, Staging, Target};

/// The files of a pack, by their paths in its folder.
type PackFiles = BTreeMap<String, Vec<u8>>;

/// The longest text message that is one message on every phone.
pub const SMS_LIMIT: usize = 160;

pub struct Announce {
    pub root: PathBuf,
    pub slug: String,
    /// `None`: the newest major change, current or upcoming.
    pub version: Option<String>,
    /// `None`: `announcements/SLUG-VERSION/` in the site's folder.
    pub output_dir: Option<PathBuf>,
    /// The day of the pack (its email's date); `None` for SOURCE_DATE_EPOCH or today.
    pub today: Option<Date>,
}

/// What was written.
#[derive(Debug)]
pub struct Announced {
    pub version: String,
    pub folder: PathBuf,
    pub files: Vec<String>,
}

#[derive(Serialize)]
struct PackFile {
    name: String,
    what: String,
}

pub fn announce(request: &Announce) -> Result<Announced, Vec<Problem>> {
    // A folder given on the command line is checked before anything is made.
    let given = request
        .output_dir
        .as_deref()
        .map(|folder| pack_target(folder, &request.root))
        .transpose()?;
    let options = BuildOptions {
        today: request.today,
        handouts: Handouts::Off,
        ..BuildOptions::new(&request.root)
    };
    // The pack links to the site's pages: announce only from a site that builds.
    let ((pipeline, _), _) =
        in_memory(|sink| Pipeline::run(&options, sink)).map_err(|failure| failure.problems)?;
    let site = pipeline.site();
    let theme =
        crate::load::theme::load_theme(&crate::load::source::Disk, &request.root, &mut Vec::new());
    let notice = find_notice(site, &request.slug)?;
    let version = choose_version(notice, request.version.as_deref(), pipeline.today())?;
    let target = match given {
        Some(target) => target,
        None => pack_target(
            &request
                .root
                .join("announcements")
                .join(format!("{}-{}", notice.slug, version.number.value)),
            &request.root,
        )?,
    };
    let files = packs_in_every_language(site, &theme, notice, version, pipeline.today())?;
    let folder = target.path.clone();
    let names = files.keys().cloned().collect();
    write_pack(target, files)?;
    Ok(Announced {
        version: version.number.value.to_string(),
        folder,
        files: names,
    })
}

/// The pack in each of the site's languages: the default language's files at the top
/// of the folder, each other language's in a folder named by its tag (`cy/`), where
/// the version's translation is written (a version whose translation is not ready
/// gets none: it would announce an older text).
fn packs_in_every_language(
    site: &Site,
    theme: &Theme,
    notice: &Notice,
    version: &Version,
    today: Date,
) -> Result<PackFiles, Vec<Problem>> {
    let mut translated = Vec::new();
    for tag in site.config.all_languages().iter().skip(1) {
        let strings = Strings::load(theme, tag).map_err(|p| vec![p])?;
        let Some((notice, _)) = crate::languages::in_language(notice, tag, &strings.name, today)
        else {
            continue;
        };
        let written = notice
            .versions
            .iter()
            .any(|v| v.number.value == version.number.value && v.out_of_date_text.is_none());
        if written {
            translated.push((tag.clone(), strings, notice));
        }
    }
    let folders: Vec<String> = translated
        .iter()
        .map(|(tag, ..)| format!("{tag}/"))
        .collect();
    let default = Strings::load(theme, &site.config.language).map_err(|p| vec![p])?;
    let in_default = pack::Language {
        strings: default,
        prefix: String::new(),
        other_folders: folders,
    };
    let mut files = pack::pack(site, theme, notice, version, today, in_default)?;
    for (tag, strings, notice) in translated {
        let version = notice
            .versions
            .iter()
            .find(|v| v.number.value == version.number.value)
            .expect("the translated notice has the version");
        let language = pack::Language {
            strings,
            prefix: format!("{tag}/"),
            other_folders: Vec::new(),
        };
        for (name, bytes) in pack::pack(site, theme, &notice, version, today, language)? {
            files.insert(format!("{tag}/{name}"), bytes);
        }
    }
    Ok(files)
}

/// The pack's folder, checked: new, empty, or a pack made before.
fn pack_target(folder: &Path, root: &Path) -> Result<Target, Vec<Problem>> {
    check_target(folder, root, Made::AnnouncementPack).map_err(|problem| vec![problem])
}

fn find_notice<'s>(site: &'s Site, slug: &str) -> Result<&'s Notice, Vec<Problem>> {
    site.notices
        .iter()
        .find(|n| n.slug == slug)
        .map(|n| n.as_ref())
        .ok_or_else(|| {
            vec![Problem::in_file(
                Code::NoSuchNotice,
                format!("content/{slug}"),
                "there is no notice here",
            )
            .with_help("Check the name: it is the notice's folder under content/.")]
        })
}

/// The version asked for, or the newest major change that is current or upcoming. A
/// minor change, or the first publication, is refused.
fn choose_version<'n>(
    notice: &'n Notice,
    asked: Option<&str>,
    today: Date,
) -> Result<&'n Version, Vec<Problem>> {
    let timeline = crate::render::timeline::Timeline::new(notice, today);
    let version = match asked {
        Some(number) => notice
            .versions
            .iter()
            .find(|v| v.number.value.to_string() == number)
            .ok_or_else(|| {
                vec![Problem::in_file(Code::NoSuchVersion,
                    format!("content/{}", notice.slug),
                    format!("{} has no version {number}", notice.slug),
                )
                .with_help(format!(
                    "Its versions are {}.",
                    notice
                        .versions
                        .iter()
                        .map(|v| v.number.value.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))]
            })?,
        None => notice
            .versions
            .iter()
            .enumerate()
            .skip(1)
            .rev()
            .find(|(index, v)| {
                v.is_major() && timeline.status(*index) != crate::render::timeline::Status::Old
            })
            .map(|(_, v)| v)
            .ok_or_else(|| {
                vec![Problem::in_file(Code::NothingToAnnounce,
                    format!("content/{}", notice.slug),
                    format!("{} has no major change that is current or upcoming", notice.slug),
                )
                .with_help("Name the version to announce: clearnotice announce SLUG VERSION. Make a major change with clearnotice release SLUG --major.")]
            })?,
    };
    check_announceable(notice, version)?;
    Ok(version)
}

/// A version people can be told about: a major change, and not the first version.
fn check_announceable(notice: &Notice, version: &Version) -> Result<(), Vec<Problem>> {
    let number = version.number.value;
    if !version.is_major() {
        return Err(vec![version
            .source
            .problem(Code::AnnounceMinorChange,
                version.number.span.clone(),
                format!("{} {number} is a minor change: minor changes are only updated online, not announced", notice.slug),
            )
            .with_help("Only major changes are announced. If people must be told about this one, make it a major change (change = \"major\", a new major version number).")]);
    }
    // The first version is the first publication, even if it says `change = "major"`.
    let first = notice.versions.first().map(|v| v.number.value) == Some(number);
    if first || version.change.is_none() {
        return Err(vec![version
            .source
            .problem(
                Code::AnnounceFirstPublication,
                version.number.span.clone(),
                format!(
                    "{} {number} is the notice's first publication, not a change",
                    notice.slug
                ),
            )
            .with_help(
                "announce tells people about a major change to a notice they were already given.",
            )]);
    }
    Ok(())
}

/// The theme's `announce/` templates: Markdown (values escaped as Markdown), HTML
/// (values escaped as HTML) and plain text.
struct PackTemplates {
    markdown: Tera,
    other: Tera,
    /// The site's language, for `<html lang>`.
    language: String,
}

impl PackTemplates {
    /// The templates, their words from `strings` (the pack's language).
    fn parse(
        theme: &Theme,
        strings: &crate::theme::strings::Strings,
    ) -> Result<PackTemplates, Vec<Problem>> {
        let (mut markdown, mut other) = (Tera::default(), Tera::default());
        let shared = std::sync::Arc::new(strings.clone());
        words::register(&mut markdown, shared.clone(), words::Values::Markdown);
        words::register(&mut other, shared, words::Values::Plain);
        let (mut markdown_files, mut other_files) = (Vec::new(), Vec::new());
        for (path, file) in theme.files_under("announce/") {
            let text = String::from_utf8_lossy(&file.bytes).to_string();
            if path.ends_with(".md") {
                markdown_files.push((path, text));
            } else {
                other_files.push((path, text));
            }
        }
        // All at once: a template may extend another (the letter extends the page).
        for (tera, files) in [(&mut markdown, markdown_files), (&mut other, other_files)] {
            tera.add_raw_templates(files)
                .map_err(|err| vec![template_problem(theme, "announce/", &err)])?;
        }
        markdown.autoescape_on(vec![".md"]);
        markdown.set_escape_fn(escape_markdown);
        other.autoescape_on(vec![".html"]);
        Ok(PackTemplates {
            markdown,
            other,
            language: strings.tag.clone(),
        })
    }

    fn markdown(&self, name: &str, context: &Context) -> Result<String, Vec<Problem>> {
        self.markdown.render(name, context).map_err(|err| {
            vec![Problem::in_file(
                Code::TemplateError,
                format!("themes/default/{name}"),
                format!("template error: {err:?}"),
            )]
        })
    }

    fn html(
        &self,
        name: &str,
        title: &str,
        body: &str,
        size_pt: u32,
    ) -> Result<String, Vec<Problem>> {
        let mut context = Context::new();
        context.insert("title", title);
        context.insert("body", body);
        context.insert("size_pt", &size_pt);
        context.insert("language", &self.language);
        self.other.render(name, &context).map_err(|err| {
            vec![Problem::in_file(
                Code::TemplateError,
                format!("themes/default/{name}"),
                format!("template error: {err:?}"),
            )]
        })
    }

    fn text(&self, name: &str, context: &Context) -> Result<String, Vec<Problem>> {
        self.other
            .render(name, context)
            .map(|text| text.trim().to_string())
            .map_err(|err| {
                vec![Problem::in_file(
                    Code::TemplateError,
                    format!("themes/default/{name}"),
                    format!("template error: {err:?}"),
                )]
            })
    }
}

fn template_problem(theme: &Theme, path: &str, err: &tera::Error) -> Problem {
    Problem::in_file(Code::TemplateError, theme.origin(path), format!("template error: {err}"))
        .with_help("Check the template you changed under themes/default/announce/; delete your copy to go back to the built-in one.")
}

fn readme(
    templates: &PackTemplates,
    strings: &crate::theme::strings::Strings,
    context: &mut Context,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<String, Vec<Problem>> {
    // "letter-large-print.pdf" → announce_file_letter_large_print_pdf.
    let what = |name: &str| {
        let key = format!(
            "announce_file_{}",
            name.to_lowercase().replace(['.', '-'], "_")
        );
        strings.text.get(&key).cloned().unwrap_or_default()
    };
    let mut listed: Vec<PackFile> = files
        .keys()
        .filter(|name| !name.starts_with("pictures/"))
        .map(|name| PackFile {
            name: name.clone(),
            what: what(name).to_string(),
        })
        .collect();
    listed.push(PackFile {
        name: "README.txt".into(),
        what: what("README.txt"),
    });
    context.insert("files", &listed);
    templates
        .text("announce/readme.txt", context)
        .map(|t| t + "\n")
}

/// Writes the pack into its folder through the site's writer: whole in a folder
/// beside it, then moved into place, so a failure leaves no half pack.
fn write_pack(target: Target, files: PackFiles) -> Result<(), Vec<Problem>> {
    let staging = Staging::for_target(target).map_err(|p| vec![p])?;
    for (path, bytes) in files {
        staging
            .put(&OutputFile { path, bytes })
            .map_err(|p| vec![p])?;
    }
    staging.commit().map_err(|p| vec![p])
}
