//! Each language's home page: the notices in effect, grouped by service.

use super::{SiteInLanguage, SiteMade, SiteOutput};
use crate::addresses::PagePath;
use crate::render::context::PageView;
use crate::render::{base_context, PageJob, Renderer};

pub(super) struct Index;

impl SiteOutput for Index {
    fn in_language(&self, renderer: &Renderer, site: &SiteInLanguage) -> SiteMade {
        let shared = site.shared;
        let mut home = base_context(
            shared,
            &PageView::new(&shared.view.title, "", &shared.base_url, String::new()),
        );
        home.insert("services", site.services);
        home.insert("untranslated", site.untranslated);
        home.insert("default_language", &renderer.languages[0].strings.tag);
        SiteMade {
            jobs: vec![PageJob {
                path: PagePath::Folder(String::new()),
                template: "index.html",
                context: home,
                verbatim: None,
            }],
            ..SiteMade::default()
        }
    }
}
