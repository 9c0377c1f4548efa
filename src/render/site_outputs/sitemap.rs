//! Each language's `sitemap.xml` (see `render::sitemap`).

use super::{SiteInLanguage, SiteMade, SiteOutput};
use crate::render::sitemap::sitemap;
use crate::render::Renderer;

pub(super) struct Sitemap;

impl SiteOutput for Sitemap {
    fn in_language(&self, _: &Renderer, site: &SiteInLanguage) -> SiteMade {
        SiteMade {
            files: vec![sitemap(site.shared, site.entries)],
            ..SiteMade::default()
        }
    }
}
