//! What templates see: plain, serialisable views of the model. Templates never see the
//! model itself, so the model can change without breaking a site's own templates.

use serde::Serialize;

use crate::model::{Notice, SiteConfig, Version};
use crate::render::dates::{date_view, DateView};
use crate::render::markdown::{RenderedMarkdown, TocEntry};

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub organisation: String,
    pub language: String,
    pub base_url: String,
    pub contact: ContactView,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub name: Option<String>,
    pub address: Vec<String>,
    pub phone: Option<String>,
    /// The phone number for a `tel:` link: digits and a leading `+` only.
    pub phone_link: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    /// The web address without `https://`, to show as link text.
    pub web_label: Option<String>,
}

impl SiteView {
    pub fn new(config: &SiteConfig) -> Self {
        let contact = &config.contact;
        SiteView {
            title: config.title.clone(),
            organisation: config.organisation.clone(),
            language: config.language.clone(),
            base_url: config.base_url.clone(),
            contact: ContactView {
                name: contact.name.clone(),
                address: contact.address.clone(),
                phone: contact.phone.clone(),
                phone_link: contact.phone.as_deref().map(uk_phone_link),
                email: contact.email.clone(),
                web: contact.web.clone(),
                web_label: contact.web.as_deref().map(|w| {
                    w.trim_start_matches("https://")
                        .trim_start_matches("http://")
                        .trim_end_matches('/')
                        .to_string()
                }),
            },
        }
    }
}

/// `0151 702 5524` → `+441517025524`; a number already in `+` form keeps its country code.
fn uk_phone_link(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    match digits.strip_prefix('0') {
        Some(rest) if !digits.starts_with("00") => format!("+44{rest}"),
        _ => digits,
    }
}

/// Where the page sits, so templates can build relative links that work anywhere:
/// on the published site, under `serve`, and opened straight from the disk.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    /// From this page back to the site root: `"./"`, `"../"`, `"../../"`.
    pub root: String,
    /// The page's full address on the published site.
    pub canonical_url: String,
}

impl PageView {
    /// `path` is the page's folder relative to the site root, like `general/` ("" for the index).
    pub fn new(title: impl Into<String>, path: &str, base_url: &str) -> Self {
        let depth = path.split('/').filter(|s| !s.is_empty()).count();
        PageView {
            title: title.into(),
            root: if depth == 0 {
                "./".to_string()
            } else {
                "../".repeat(depth)
            },
            canonical_url: format!("{base_url}{path}"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub slug: String,
    pub title: String,
    pub service: String,
    pub controllers: Vec<String>,
    pub processor: Option<String>,
    pub version: String,
    pub effective: DateView,
    pub last_updated: DateView,
    pub toc: Vec<TocEntry>,
    pub body: String,
}

impl NoticeView {
    pub fn new(notice: &Notice, version: &Version, body: RenderedMarkdown) -> Self {
        NoticeView {
            slug: notice.slug.clone(),
            title: version.title.clone(),
            service: version.service.clone(),
            controllers: version.controllers.clone(),
            processor: version.processor.clone(),
            version: version.number.value.to_string(),
            effective: date_view(version.effective.value),
            last_updated: date_view(notice.last_major_change(version)),
            toc: body.toc,
            body: body.html,
        }
    }
}

/// A notice as listed on the index page.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeSummary {
    pub slug: String,
    pub title: String,
    pub version: String,
    pub effective: DateView,
}

/// The index groups notices by the service they cover.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceGroup {
    pub service: String,
    pub notices: Vec<NoticeSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links_are_international() {
        assert_eq!(uk_phone_link("0151 702 5524"), "+441517025524");
        assert_eq!(uk_phone_link("+44 303 123 1113"), "+443031231113");
    }

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(PageView::new("a", "", "https://x.org/").root, "./");
        assert_eq!(PageView::new("a", "general/", "https://x.org/").root, "../");
        assert_eq!(
            PageView::new("a", "general/1.0/", "https://x.org/").canonical_url,
            "https://x.org/general/1.0/"
        );
    }
}
