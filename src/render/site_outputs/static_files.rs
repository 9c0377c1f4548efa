//! The theme's static files (`static/` in the theme), copied to the site's top.

use super::{SiteMade, SiteOutput};
use crate::render::{OutputFile, Renderer, STATIC_DIR};

pub(super) struct StaticFiles;

impl SiteOutput for StaticFiles {
    fn once(&self, renderer: &Renderer) -> SiteMade {
        let files = renderer
            .theme
            .files_under(STATIC_DIR)
            .map(|(path, file)| OutputFile {
                path: path.trim_start_matches(STATIC_DIR).to_string(),
                bytes: file.bytes.clone(),
            })
            .collect();
        SiteMade {
            files,
            ..SiteMade::default()
        }
    }
}
