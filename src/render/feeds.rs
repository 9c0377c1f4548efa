//! Atom feeds of major changes: how people subscribe to be told. One for the whole
//! site (`feed.xml`) and one per notice (`<slug>/feed.xml`). Minor changes are only
//! updated online, so they never appear here.

use serde::{Deserialize, Serialize};
use tera::Context;

use crate::addresses::{compare_folder, PagePath};
use crate::model::{Notice, Version};
use crate::render::history_pages::comparable;
use crate::render::markdown::summary_text;
use crate::render::timeline::Timeline;
use crate::render::{PageJob, SiteRender};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedEntry {
    pub id: String,
    pub title: String,
    /// RFC 3339, midnight UTC of the effective date.
    pub updated: String,
    pub summary: String,
    pub url: String,
    pub compare_url: Option<String>,
    /// Who to contact about this version (its own contact, else the site's).
    pub contact_name: String,
    pub contact_email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FeedView {
    pub id: String,
    pub title: String,
    pub self_url: String,
    pub alternate_url: String,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

/// Every major change (and first publication) of a notice, newest first.
pub(crate) fn notice_entries(site: &SiteRender, timeline: &Timeline) -> Vec<FeedEntry> {
    let notice = timeline.notice;
    let mut entries: Vec<FeedEntry> = notice
        .versions
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_major())
        .map(|(index, version)| entry(site, notice, index, version))
        .collect();
    entries.reverse();
    entries
}

fn entry(site: &SiteRender, notice: &Notice, index: usize, version: &Version) -> FeedEntry {
    let slug = &notice.slug;
    let number = version.number.value.to_string();
    let url = format!("{}{}/{number}/", site.base_url, slug);
    let contact = site.contact_of(version);
    let what = if index == 0 {
        "first published"
    } else {
        "major change"
    };
    FeedEntry {
        id: url.clone(),
        title: format!("{}: version {number}, {what}", version.title),
        updated: rfc3339(version),
        summary: summary_text(version).unwrap_or_else(|| site.strings.get("first_published")),
        // Only where the comparison page is made (the changelog links the same way).
        compare_url: (index > 0 && comparable(&notice.versions[index - 1], version))
            .then(|| format!("{}{}", site.base_url, compare_folder(slug, &number))),
        url,
        contact_name: contact.name.unwrap_or(contact.organisation),
        contact_email: contact.email,
    }
}

fn rfc3339(version: &Version) -> String {
    format!("{}T00:00:00Z", version.effective.value)
}

/// The feed file for `entries`, at `path`; `updated` is the newest entry's date.
pub(crate) fn feed_job(
    site: &SiteRender,
    path: &str,
    title: String,
    alternate: &str,
    mut entries: Vec<FeedEntry>,
) -> PageJob {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    let self_url = format!("{}{path}", site.base_url);
    let feed = FeedView {
        id: self_url.clone(),
        title,
        alternate_url: format!("{}{alternate}", site.base_url),
        updated: entries
            .first()
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone()),
        self_url,
        entries,
    };
    let mut context = Context::new();
    context.insert("site", &site.view);
    context.insert_value("t", site.strings_value.clone());
    context.insert("feed", &feed);
    PageJob {
        path: PagePath::File(path.to_string()),
        template: "feed.xml",
        context,
        verbatim: None,
    }
}
