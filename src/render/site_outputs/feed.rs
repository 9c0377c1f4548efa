//! Each language's feed of every notice's major changes (`feed.xml`).

use super::{SiteInLanguage, SiteMade, SiteOutput};
use crate::render::feeds::feed_job;
use crate::render::Renderer;

pub(super) struct SiteFeed;

impl SiteOutput for SiteFeed {
    fn in_language(&self, _: &Renderer, site: &SiteInLanguage) -> SiteMade {
        let shared = site.shared;
        let entries = site
            .entries
            .iter()
            .flat_map(|(_, entry)| entry.entries.iter().cloned())
            .collect();
        let title = shared
            .strings
            .fill("changes_title", &[("title", &shared.view.title)]);
        SiteMade {
            jobs: vec![feed_job(shared, "feed.xml", title, "", entries)],
            ..SiteMade::default()
        }
    }
}
