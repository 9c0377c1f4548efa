//! What a handout's layout reads: a version's text in one form as data (the text
//! layer's tree), its metadata, the contact block and the pictures it shows. Links
//! are made absolute, so a printed handout can write each address out.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::forms::Form;
use crate::model::{Notice, Site, Version};
use crate::render::context::ContactView;
use crate::text::document::{links_in, parse_document, Block, Inline};
use crate::text::easy_read::{self, parse_easy_read, PictureRef};
use crate::theme::pictures::resolve_picture;
use crate::theme::Theme;

/// Everything a layout reads, written to it as `/data.json`.
#[derive(Debug, Serialize)]
pub(crate) struct HandoutData {
    /// `en` and `GB` from the site's `en-GB`: Typst takes them apart.
    pub lang: String,
    pub region: Option<String>,
    pub title: String,
    /// What a PDF reader shows in its title bar.
    pub document_title: String,
    pub organisation: String,
    /// "Version 2.1", in the easy-read running header.
    pub version_label: String,
    /// The body text size in points.
    pub size_pt: u32,
    pub metadata: Vec<MetadataRow>,
    /// The standard text (large print).
    pub blocks: Vec<Block>,
    /// The easy-read text: headings and points.
    pub points: Vec<PointData>,
    /// The contact block, last; `None` where the text gives it itself (a letter).
    pub contact: Option<ContactView>,
    pub strings: Strings,
    /// Said first, where the text is an older version's translation.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MetadataRow {
    pub label: String,
    pub value: String,
    /// A web address: written left to right in any language.
    pub ltr: bool,
}

/// The words of the layout itself, in the handout's language.
#[derive(Debug, Serialize)]
pub(crate) struct Strings {
    pub contact_heading: String,
    /// "Page 2 of 5" in three parts around the two numbers: "Page ", " of ", "".
    pub page_of: [String; 3],
    /// After the title: "(large print)".
    pub title_suffix: String,
    /// The contact block's labels.
    pub phone: String,
    pub email: String,
    pub web: String,
}

impl Strings {
    pub(crate) fn from_theme(strings: &crate::theme::strings::Strings) -> Self {
        let page_of = strings.get("handout_page_of");
        let (before, rest) = page_of.split_once("{page}").unwrap_or(("", &page_of));
        let (middle, after) = rest.split_once("{pages}").unwrap_or((rest, ""));
        Strings {
            contact_heading: strings.get("contact_heading"),
            page_of: [before.to_string(), middle.to_string(), after.to_string()],
            title_suffix: String::new(),
            phone: strings.get("contact_phone"),
            email: strings.get("contact_email"),
            web: strings.get("contact_online"),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum PointData {
    Heading {
        level: usize,
        inlines: Vec<Inline>,
    },
    Point {
        picture: Option<PictureData>,
        inlines: Vec<Inline>,
    },
}

#[derive(Debug, Serialize)]
pub(crate) struct PictureData {
    /// Its path inside the layout's files: `/pictures/phone.svg`.
    pub file: String,
    pub alt: String,
}

/// A handout's data and the pictures it shows (by their path in the layout's files).
pub(crate) struct HandoutInput {
    pub data: HandoutData,
    pub pictures: BTreeMap<String, Vec<u8>>,
}

pub(crate) struct HandoutSource<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// The words of the layout, in the handout's language.
    pub strings: &'a crate::theme::strings::Strings,
    pub notice: &'a Notice,
    pub version: &'a Version,
    pub contact: ContactView,
    /// The notice's name as its pages show it.
    pub title: String,
    /// The address of the version's page in this form, for relative links.
    pub page_url: String,
}

/// What a handout in `form` prints of the version: the easy-read points (their
/// pictures added to `pictures`), or the text's blocks with its links written out in
/// full; its text size; and what its title calls the form.
fn handout_text(
    source: &HandoutSource,
    form: Form,
    pictures: &mut BTreeMap<String, Vec<u8>>,
) -> (Vec<Block>, Vec<PointData>, u32, String) {
    let config = &source.site.config;
    let version = source.version;
    match form {
        Form::EasyRead => {
            let text = version
                .own_text(Form::EasyRead)
                .map(|t| &t.text[..])
                .unwrap_or("");
            let points = easy_read_points(source, text, pictures);
            (
                Vec::new(),
                points,
                config.easy_read.handout_size_pt,
                source.strings.get("easy_read_suffix"),
            )
        }
        _ => {
            let mut blocks = parse_document(&version.body);
            absolute_links_in(&mut blocks, &source.page_url);
            (
                blocks,
                Vec::new(),
                config.large_print.size_pt,
                source.strings.get("large_print_suffix"),
            )
        }
    }
}

/// The data of `source`'s version in `form` (easy read or large print).
pub(crate) fn handout_input(source: &HandoutSource, form: Form) -> HandoutInput {
    let config = &source.site.config;
    let version = source.version;
    let strings = source.strings;
    let (lang, region) = language_parts(&strings.tag);
    let mut pictures = BTreeMap::new();
    let (blocks, points, size_pt, kind) = handout_text(source, form, &mut pictures);
    HandoutInput {
        data: HandoutData {
            lang,
            region,
            title: source.title.clone(),
            document_title: format!(
                "{} {kind}, {}",
                source.title,
                strings.fill(
                    "running_version",
                    &[("version", &version.number.value.to_string())]
                )
            ),
            organisation: config.organisation.clone(),
            version_label: strings.fill(
                "version_heading",
                &[("version", &version.number.value.to_string())],
            ),
            size_pt,
            metadata: metadata(source),
            blocks,
            points,
            contact: Some(source.contact.clone()),
            strings: Strings {
                title_suffix: kind.clone(),
                ..Strings::from_theme(strings)
            },
            note: version.out_of_date_text.map(|old| {
                strings.fill(
                    "out_of_date",
                    &[
                        ("old", &old.to_string()),
                        ("version", &version.number.value.to_string()),
                    ],
                )
            }),
        },
        pictures,
    }
}

/// An easy-read point's picture, found as the web page finds it and added to
/// `pictures` at its path among the layout's files (`/pictures/phone.svg`).
/// `check` refuses a point whose picture is missing, so `None` is not expected.
pub(crate) fn picture_data(
    source: &HandoutSource,
    picture: &PictureRef,
    pictures: &mut BTreeMap<String, Vec<u8>>,
) -> Option<PictureData> {
    let found = resolve_picture(&picture.dest, source.notice, source.site, source.theme).ok()?;
    let name = found.output_path.rsplit('/').next().unwrap_or("picture");
    let file = format!("/pictures/{name}");
    pictures.insert(file.clone(), found.bytes);
    Some(PictureData {
        file,
        alt: picture.alt.clone(),
    })
}

/// The site's language as Typst takes it: `en-GB` → (`en`, `GB`).
pub(crate) fn language_parts(language: &str) -> (String, Option<String>) {
    match language.split_once('-') {
        Some((lang, region)) => (lang.to_string(), Some(region.to_string())),
        None => (language.to_string(), None),
    }
}

/// Makes every link in `blocks` absolute against `page_url`.
pub(crate) fn absolute_links_in(blocks: &mut [Block], page_url: &str) {
    for block in blocks {
        absolute_links(block.links_mut(), page_url);
    }
}

fn metadata(source: &HandoutSource) -> Vec<MetadataRow> {
    let version = source.version;
    let strings = source.strings;
    let row = |key: &str, value: String| MetadataRow {
        label: strings.get(key),
        value,
        ltr: key == "contact_online",
    };
    let mut rows = vec![row("service", version.service.clone())];
    rows.push(row(
        if version.controllers.len() > 1 {
            "joint_controllers"
        } else {
            "controller"
        },
        version.controllers.join(", "),
    ));
    if let Some(processor) = &version.processor {
        rows.push(row("processor", processor.clone()));
    }
    rows.push(row("version", version.number.value.to_string()));
    rows.push(row("in_effect_from", strings.date(version.effective.value)));
    rows.push(row("contact_online", source.page_url.clone()));
    rows
}

/// An easy-read text's headings and points, each picture among `pictures`.
pub(crate) fn easy_read_points(
    source: &HandoutSource,
    text: &str,
    pictures: &mut BTreeMap<String, Vec<u8>>,
) -> Vec<PointData> {
    parse_easy_read(text)
        .into_iter()
        .map(|block| match block {
            easy_read::Block::Heading { level, inlines, .. } => PointData::Heading {
                level,
                inlines: linked(inlines, &source.page_url),
            },
            easy_read::Block::Point {
                picture, inlines, ..
            } => PointData::Point {
                picture: picture.and_then(|picture| picture_data(source, &picture, pictures)),
                inlines: linked(inlines, &source.page_url),
            },
        })
        .collect()
}

/// Makes every link address absolute (or empty, for a section of the same text).
fn absolute_links(links: Vec<&mut String>, page_url: &str) {
    for url in links {
        *url = absolute(url, page_url).unwrap_or_default();
    }
}

fn linked(mut inlines: Vec<Inline>, page_url: &str) -> Vec<Inline> {
    let mut links = Vec::new();
    links_in(&mut inlines, &mut links);
    absolute_links(links, page_url);
    inlines
}

/// A link's address as a reader of the paper copy needs it: absolute, or `None`
/// for a section of the same text, which is on paper too.
fn absolute(url: &str, page_url: &str) -> Option<String> {
    if url.starts_with('#') || url.is_empty() {
        return None;
    }
    Some(
        match url::Url::parse(page_url).and_then(|base| base.join(url)) {
            Ok(address) => address.to_string(),
            Err(_) => url.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_made_absolute() {
        let page = "https://example.org/privacy/general/large-print/";
        assert_eq!(absolute("#rights", page), None);
        assert_eq!(
            absolute("../../wellbeing/", page).as_deref(),
            Some("https://example.org/privacy/wellbeing/")
        );
        assert_eq!(
            absolute("https://ico.org.uk/", page).as_deref(),
            Some("https://ico.org.uk/")
        );
        assert_eq!(
            absolute("mailto:dpo@example.org", page).as_deref(),
            Some("mailto:dpo@example.org")
        );
    }
}
