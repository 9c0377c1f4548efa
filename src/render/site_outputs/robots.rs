//! `robots.txt`, once for the site, naming each language's sitemap.

use super::{SiteMade, SiteOutput};
use crate::render::sitemap::robots;
use crate::render::Renderer;

pub(super) struct Robots;

impl SiteOutput for Robots {
    fn once(&self, renderer: &Renderer) -> SiteMade {
        SiteMade {
            files: vec![robots(&renderer.languages)],
            ..SiteMade::default()
        }
    }
}
