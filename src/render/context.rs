//! What templates see: plain, serialisable views of the model. Templates never see the
//! model itself, so the model can change without breaking a site's own templates.

use serde::{Deserialize, Serialize};

use crate::forms::Form;
use crate::model::{Contact, SiteConfig};
use crate::render::dates::DateView;
use crate::render::markdown::TocEntry;
use crate::render::timeline::Status;

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
    /// Whose contact this is: the site's organisation, or a version's controllers.
    pub organisation: String,
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
        SiteView {
            title: config.title.clone(),
            organisation: config.organisation.clone(),
            language: config.language.clone(),
            base_url: config.base_url.clone(),
            contact: ContactView::new(&config.contact, &config.organisation),
        }
    }
}

impl ContactView {
    pub fn new(contact: &Contact, organisation: &str) -> Self {
        ContactView {
            name: contact.name.clone(),
            organisation: organisation.to_string(),
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
    /// The language of the page's text (its `lang`).
    pub language: String,
    /// Which way it is written (`dir`): `ltr` or `rtl`.
    pub direction: crate::theme::strings::Direction,
}

/// A link from a page to the same page in one of the site's languages.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LanguageLink {
    pub tag: String,
    /// The language's name in itself: "Cymraeg".
    pub name: String,
    /// Relative to the page.
    pub href: String,
    /// The full address, for `hreflang` alternates.
    pub url: String,
    pub is_this_page: bool,
    /// False where the language does not have this page: the link goes to its home page.
    pub same_page: bool,
}

impl PageView {
    /// `path` is the page's folder relative to the site root, like `general/` ("" for
    /// the index); `canonical` the address of the page search engines should show instead.
    pub fn new(title: impl Into<String>, path: &str, base_url: &str, canonical: String) -> Self {
        let depth = path.split('/').filter(|s| !s.is_empty()).count();
        PageView {
            title: title.into(),
            root: if depth == 0 {
                "./".to_string()
            } else {
                "../".repeat(depth)
            },
            canonical_url: format!("{base_url}{canonical}"),
            language: String::new(),
            direction: crate::theme::strings::Direction::Ltr,
        }
    }
}

/// A link from one page of a notice to another form of the same version.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FormLink {
    pub label: String,
    pub href: String,
    /// The page the link is on: shown as text, not a link.
    pub is_this_page: bool,
    /// False where this version has no text in that form (easy read not written yet).
    pub available: bool,
}

/// A link to a PDF handout: "Download the easy-read leaflet (PDF, 10 pages, 220 KB)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandoutView {
    pub href: String,
    /// `application/pdf`, or a braille file's type.
    pub media_type: String,
    pub text: String,
}

/// A picture beside an easy-read point.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PictureView {
    pub src: String,
    pub alt: String,
}

/// A heading or a point of an easy-read text.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EasyReadBlockView {
    /// `heading` or `point`.
    pub kind: &'static str,
    pub level: usize,
    pub id: String,
    pub html: String,
    pub picture: Option<PictureView>,
}

/// A major change (or the first publication), as listed under "Updates to this page".
#[derive(Debug, Clone, Serialize)]
pub(crate) struct UpdateView {
    pub version: String,
    pub date: DateView,
    pub summary: String,
    pub href: String,
}

/// The announcement of a version published ahead of its date.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct UpcomingView {
    pub version: String,
    pub effective: DateView,
    pub summary: Option<String>,
    pub href: String,
}

/// Everything a notice page shows. Hrefs are relative to the page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NoticeView {
    pub slug: String,
    pub title: String,
    pub service: String,
    pub controllers: Vec<String>,
    pub processor: Option<String>,
    pub version: String,
    /// `old`, `current` or `upcoming`.
    pub status: Status,
    pub effective: DateView,
    /// For an old version: the last day it was in effect.
    pub in_effect_until: Option<DateView>,
    pub last_updated: DateView,
    pub toc: Vec<TocEntry>,
    /// "In this notice": on the standard page, where the checklist reads the
    /// language.
    pub first_layer: Vec<crate::render::first_layer::FirstLayerEntry>,
    pub body: String,
    /// The easy-read text, on easy-read pages.
    pub easy_read: Vec<EasyReadBlockView>,
    /// `standard`, `easy-read` or `large-print`.
    /// Templates know the forms by their older name, variants.
    #[serde(rename = "variant")]
    pub form: Form,
    #[serde(rename = "variants")]
    pub forms: Vec<FormLink>,
    /// The current version's page, in this page's form.
    /// `None` while no version is in effect yet.
    pub current_href: Option<String>,
    pub updates: Vec<UpdateView>,
    /// The changelog: every change, major and minor.
    pub changes_href: String,
    pub upcoming: Vec<UpcomingView>,
    pub large_print_size_pt: u32,
    /// The PDF handouts this page offers.
    pub handouts: Vec<HandoutView>,
    /// Where the page shows an older version's translation (this version's is not
    /// written yet): that version's number, for the out-of-date banner.
    pub out_of_date: Option<String>,
}

/// A notice as listed on the index page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeSummary {
    pub slug: String,
    pub title: String,
    /// The title, with the service when another notice has the same title.
    pub name: String,
    pub version: String,
    pub effective: DateView,
    /// Whether the current version has an easy-read page.
    pub easy_read: bool,
    /// The current version's PDF handouts (hrefs relative to the site).
    pub handouts: Vec<HandoutView>,
}

/// The index groups notices by the service they cover.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ServiceGroup {
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
        let page = |path: &str| PageView::new("a", path, "https://x.org/", "general/".to_string());
        assert_eq!(page("").root, "./");
        assert_eq!(page("general/").root, "../");
        assert_eq!(page("general/1.0/large-print/").root, "../../../");
        assert_eq!(page("general/1.0/").canonical_url, "https://x.org/general/");
    }
}
