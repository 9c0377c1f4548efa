//! `<slug>/notice.json`: a notice as data, for other tools (archives, apps, checks).
//! Every version's details, change type, summary, Markdown source and rendered HTML.

use serde::{Deserialize, Serialize};

use crate::forms::Form;
use crate::model::{Change, Contact};
use crate::render::handouts::NoticeHandouts;
use crate::render::markdown::RenderedMarkdown;
use crate::render::timeline::{Status, Timeline};
use crate::render::{OutputFile, SiteRender};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeData {
    pub slug: String,
    /// The language of its texts (a BCP 47 tag): each language has its notice.json.
    #[serde(default)]
    pub language: String,
    pub url: String,
    /// The version in effect on the build day, if any.
    pub current_version: Option<String>,
    /// Oldest first.
    pub versions: Vec<VersionData>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionData {
    pub version: String,
    pub url: String,
    pub title: String,
    pub service: String,
    pub controllers: Vec<String>,
    pub processor: Option<String>,
    /// `YYYY-MM-DD`.
    pub effective: String,
    /// `major` or `minor`; `None` for the first version.
    pub change: Option<Change>,
    pub summary: Option<String>,
    /// `old`, `current` or `upcoming`.
    pub status: String,
    /// Who to contact about this version: its own `[contact]`, else the site's.
    pub contact: Contact,
    pub markdown: String,
    pub html: String,
    /// Its PDF handouts.
    #[serde(default)]
    pub handouts: Vec<HandoutEntry>,
    /// Set where this version's translation is not written yet: the version whose
    /// translation its pages show instead, marked as out of date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_of_version: Option<String>,
}

fn pdf() -> String {
    "pdf".into()
}

/// A download of a version (a PDF handout or a braille file), in notice.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandoutEntry {
    pub form: Form,
    /// `pdf`, or `brf` and `pef` for braille.
    #[serde(default = "pdf")]
    pub format: String,
    pub url: String,
    /// Absent while a handout is not made yet (in `serve`, until it is asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
}

/// `bodies` are the versions' rendered Markdown, oldest first (rendered once, shared
/// with the pages).
pub fn notice_data(
    site: &SiteRender,
    timeline: &Timeline,
    bodies: &[RenderedMarkdown],
    handouts: &NoticeHandouts,
) -> NoticeData {
    let notice = timeline.notice;
    NoticeData {
        slug: notice.slug.clone(),
        language: site.strings.tag.clone(),
        url: format!("{}{}/", site.base_url, notice.slug),
        current_version: timeline
            .current_version()
            .map(|v| v.number.value.to_string()),
        versions: notice
            .versions
            .iter()
            .enumerate()
            .map(|(index, v)| VersionData {
                version: v.number.value.to_string(),
                url: format!(
                    "{}{}",
                    site.base_url,
                    crate::addresses::version_folder(notice, v, false)
                ),
                title: v.title.clone(),
                service: v.service.clone(),
                controllers: v.controllers.clone(),
                processor: v.processor.clone(),
                effective: v.effective.value.to_string(),
                change: v.change.as_ref().map(|c| c.value),
                summary: v.summary.clone(),
                status: match timeline.status(index) {
                    Status::Old => "old",
                    Status::Current => "current",
                    Status::Upcoming => "upcoming",
                }
                .to_string(),
                contact: v.contact.clone().unwrap_or_else(|| site.contact.clone()),
                markdown: v.body.clone(),
                html: bodies[index].html.clone(),
                handouts: handouts
                    .iter()
                    .filter(|((version, _, _), _)| *version == index)
                    .map(|((_, file_type, form), link)| HandoutEntry {
                        form: *form,
                        format: file_type.name().to_string(),
                        url: format!("{}{}", site.base_url, link.path),
                        pages: link.pages,
                        bytes: link.bytes,
                    })
                    .collect(),
                text_of_version: v.out_of_date_text.map(|n| n.to_string()),
            })
            .collect(),
    }
}

pub fn notice_json(
    site: &SiteRender,
    timeline: &Timeline,
    bodies: &[RenderedMarkdown],
    handouts: &NoticeHandouts,
) -> OutputFile {
    let data = notice_data(site, timeline, bodies, handouts);
    let mut bytes = serde_json::to_vec_pretty(&data).expect("notice data always serialises");
    bytes.push(b'\n');
    OutputFile {
        path: crate::addresses::data_file(&timeline.notice.slug),
        bytes,
    }
}
