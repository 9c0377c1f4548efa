//! The pack's A4 letters as PDF — the standard and large-print letters from their
//! HTML's text, the easy-read letter from the version's easy-read summary — typeset
//! with the handouts' layouts.

use super::*;
use crate::render::handouts::data::Strings as LayoutStrings;

#[allow(clippy::too_many_arguments)]
pub(super) fn letter_pdf(
    typesetter: &Typesetter,
    site: &Site,
    strings: &crate::theme::strings::Strings,
    message: &str,
    title: &str,
    size_pt: u32,
    page_url: &str,
    name: &str,
    source: &Path,
) -> Result<Vec<u8>, Vec<Problem>> {
    let config = &site.config;
    let (lang, region) = language_parts(&strings.tag);
    let mut blocks = parse_document(message);
    absolute_links_in(&mut blocks, page_url);
    let data = HandoutData {
        lang,
        region,
        title: title.to_string(),
        document_title: title.to_string(),
        organisation: config.organisation.clone(),
        version_label: String::new(),
        size_pt,
        metadata: Vec::new(),
        blocks,
        points: Vec::new(),
        contact: None,
        strings: LayoutStrings::from_theme(strings),
        note: None,
    };
    typeset(
        typesetter,
        "handouts/letter.typ",
        &data,
        BTreeMap::new(),
        name,
        source,
    )
}

pub(super) fn typeset(
    typesetter: &Typesetter,
    layout: &'static str,
    data: &HandoutData,
    pictures: BTreeMap<String, Vec<u8>>,
    name: &str,
    source: &Path,
) -> Result<Vec<u8>, Vec<Problem>> {
    let request = HandoutRequest {
        layout,
        data: serde_json::to_vec(data).expect("handout data always serialises"),
        pictures,
        ident: name.to_string(),
        paths: vec![name.to_string()],
        source: source.to_path_buf(),
    };
    match typesetter.make(&request) {
        Ok(Some(pdf)) => Ok(pdf.bytes.clone()),
        Ok(None) => unreachable!("a typesetter always makes the PDF"),
        Err(problem) => Err(vec![problem]),
    }
}

/// The easy-read letter: HTML (each point beside its picture, pictures in a
/// `pictures/` folder of the pack) and PDF (the easy-read handout's layout).
pub(super) fn easy_read_letter(
    source: &HandoutSource,
    typesetter: &Typesetter,
    templates: &PackTemplates,
    text: &str,
) -> Result<(PackFiles, Vec<u8>), Vec<Problem>> {
    let mut pictures = BTreeMap::new();
    let mut points = easy_read_points(source, text, &mut pictures);
    // The letter's own title is the PDF's title: its first heading is not repeated.
    if matches!(
        points.first(),
        Some(crate::render::handouts::data::PointData::Heading { level: 1, .. })
    ) {
        points.remove(0);
    }
    let config = &source.site.config;
    let (lang, region) = language_parts(&source.strings.tag);
    let data = HandoutData {
        lang,
        region,
        title: source.title.clone(),
        document_title: format!(
            "{} {}",
            source.title,
            source.strings.get("easy_read_suffix")
        ),
        organisation: config.organisation.clone(),
        version_label: source.strings.fill(
            "version_heading",
            &[("version", &source.version.number.value.to_string())],
        ),
        size_pt: config.easy_read.handout_size_pt,
        metadata: Vec::new(),
        blocks: Vec::new(),
        points,
        contact: None,
        strings: LayoutStrings::from_theme(source.strings),
        note: None,
    };
    let pdf = typeset(
        typesetter,
        "handouts/easy-read.typ",
        &data,
        pictures.clone(),
        "letter-easy-read.pdf",
        &source.version.source.path,
    )?;
    let body = easy_read_html(source, text, &mut pictures);
    let mut files: PackFiles = pictures
        .into_iter()
        .map(|(path, bytes)| (path.trim_start_matches('/').to_string(), bytes))
        .collect();
    let html = templates.html(
        "announce/letter.html",
        &format!(
            "{} {}",
            source.title,
            source.strings.get("easy_read_suffix")
        ),
        &body,
        config.easy_read.handout_size_pt,
    )?;
    files.insert("letter-easy-read.html".to_string(), html.into_bytes());
    Ok((files, pdf))
}

/// The easy-read letter's text as HTML: its headings, and each point beside its
/// picture (the same pictures as the PDF's, added to `pictures`: `/pictures/x.svg`
/// there, beside the page here).
fn easy_read_html(
    source: &HandoutSource,
    text: &str,
    pictures: &mut BTreeMap<String, Vec<u8>>,
) -> String {
    let mut body = String::new();
    for block in crate::text::easy_read::parse_easy_read(text) {
        match block {
            crate::text::easy_read::Block::Heading { level, html, .. } => {
                body.push_str(&format!("<h{level}>{html}</h{level}>\n"));
            }
            crate::text::easy_read::Block::Point { picture, html, .. } => {
                let image = picture
                    .and_then(|p| picture_data(source, &p, pictures))
                    .map(|found| {
                        format!(
                            "<img src=\"{}\" alt=\"{}\" width=\"100\" height=\"100\">",
                            found.file.trim_start_matches('/'),
                            escape_html(&found.alt)
                        )
                    })
                    .unwrap_or_default();
                body.push_str(&format!(
                    "<div class=\"point\">{image}<p>{html}</p></div>\n"
                ));
            }
        }
    }
    body
}
