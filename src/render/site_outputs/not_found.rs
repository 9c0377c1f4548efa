//! The 404 page, in the default language only: a server shows it at any address.

use super::{SiteInLanguage, SiteMade, SiteOutput};
use crate::addresses::PagePath;
use crate::render::context::PageView;
use crate::render::{base_context, site_path, PageJob, Renderer};

pub(super) struct NotFound;

impl SiteOutput for NotFound {
    fn in_language(&self, _: &Renderer, site: &SiteInLanguage) -> SiteMade {
        if site.index != 0 {
            return SiteMade::default();
        }
        let shared = site.shared;
        let mut not_found = PageView::new(
            shared.strings.get("not_found_title"),
            "404",
            &shared.base_url,
            "404.html".to_string(),
        );
        // Served at any depth, so its links start from the site's own path.
        not_found.root = site_path(&shared.base_url);
        let mut context = base_context(shared, &not_found);
        context.insert("services", site.services);
        SiteMade {
            jobs: vec![PageJob {
                path: PagePath::File("404.html".to_string()),
                template: "404.html",
                context,
                verbatim: None,
            }],
            ..SiteMade::default()
        }
    }
}
