//! Every file that lists every notice, or that the whole site shares, each one
//! implementation of [`SiteOutput`], listed once in [`SITE_OUTPUTS`] in the order they
//! are made: each language's index, 404 page, feed and sitemap, then robots.txt, the
//! stylesheets and the theme's static files. They are made from what each notice's
//! outputs said of it ([`SiteWideEntry`]), never from the notices themselves, so
//! `serve` and a cached build remake them only when that changed.

mod feed;
mod index;
mod not_found;
mod robots;
mod sitemap;
mod static_files;
mod stylesheets;

use super::context::{NoticeSummary, ServiceGroup};
use super::{OutputFile, PageJob, Renderer, SiteRender, SiteWideEntry};
use crate::diagnostics::Problem;

/// What a site-wide output of one language works from.
pub(in crate::render) struct SiteInLanguage<'a> {
    /// Which of the site's languages (0: the default).
    pub index: usize,
    pub shared: &'a SiteRender,
    /// Each notice written in this language, by slug, with what it shows.
    pub entries: &'a [(&'a str, &'a SiteWideEntry)],
    /// The notices not written in this language (the index lists them apart).
    pub untranslated: &'a [NoticeSummary],
    /// The notices by the service they cover, as the index and 404 page list them.
    pub services: &'a [ServiceGroup],
}

/// What site-wide outputs made.
#[derive(Default)]
pub(in crate::render) struct SiteMade {
    /// Pages to render from templates, at paths in the language's folder.
    pub jobs: Vec<PageJob>,
    /// Files at their paths in the site.
    pub files: Vec<OutputFile>,
    pub problems: Vec<Problem>,
}

/// One site-wide output: its files in each language, and those made once.
pub(in crate::render) trait SiteOutput: Sync {
    /// Its files for the site in one language.
    fn in_language(&self, _: &Renderer, _: &SiteInLanguage) -> SiteMade {
        SiteMade::default()
    }

    /// Its files made once for the whole site, after every language's.
    fn once(&self, _: &Renderer) -> SiteMade {
        SiteMade::default()
    }
}

/// Every site-wide output, in the order they are made.
pub(in crate::render) const SITE_OUTPUTS: &[&dyn SiteOutput] = &[
    &index::Index,
    &not_found::NotFound,
    &feed::SiteFeed,
    &sitemap::Sitemap,
    &robots::Robots,
    &stylesheets::Stylesheets,
    &static_files::StaticFiles,
];

/// What every site-wide output makes in one language, in the list's order.
pub(in crate::render) fn in_language(renderer: &Renderer, site: &SiteInLanguage) -> SiteMade {
    let mut made = SiteMade::default();
    for output in SITE_OUTPUTS {
        made.append(output.in_language(renderer, site));
    }
    made
}

/// What every site-wide output makes once, in the list's order.
pub(in crate::render) fn once(renderer: &Renderer) -> SiteMade {
    let mut made = SiteMade::default();
    for output in SITE_OUTPUTS {
        made.append(output.once(renderer));
    }
    made
}

impl SiteMade {
    fn append(&mut self, other: SiteMade) {
        self.jobs.extend(other.jobs);
        self.files.extend(other.files);
        self.problems.extend(other.problems);
    }
}
