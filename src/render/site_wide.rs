//! The files that list every notice — each language's index, feed and sitemap, the
//! 404 page, robots.txt — and the stylesheets and the theme's static files (each an
//! output in [`super::site_outputs`]), made from what each notice's rendering said of
//! it ([`SiteWideEntry`]), and the site put together.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};

use super::context::{NoticeSummary, ServiceGroup};
use super::*;

/// Each notice's entry in one language's site-wide pages, by slug.
pub(super) type LanguageEntries<'a> = Vec<(&'a str, &'a SiteWideEntry)>;

impl Renderer<'_> {
    /// Every site-wide file (see [`site_outputs`]): each language's, then those made
    /// once for the site.
    pub fn render_site_wide<N: Borrow<NoticeOutput> + Sync>(
        &self,
        notices: &[N],
    ) -> (Vec<OutputFile>, Vec<Problem>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        // Each language's pages first: the language links need to know them all.
        let mut parts: Vec<site_outputs::SiteMade> = Vec::new();
        for (index, shared) in self.languages.iter().enumerate() {
            let entries: LanguageEntries = notices
                .iter()
                .filter_map(|n| {
                    let n = n.borrow();
                    Some((n.slug.as_str(), n.languages.get(index)?.as_ref()?))
                })
                .collect();
            let untranslated: Vec<NoticeSummary> = notices
                .iter()
                .map(Borrow::borrow)
                .filter(|n| n.languages.get(index).is_none_or(Option::is_none))
                .filter_map(|n| n.languages.first()?.as_ref()?.summary.clone())
                .map(|(_, summary)| summary)
                .collect();
            let language = site_outputs::SiteInLanguage {
                index,
                shared,
                entries: &entries,
                untranslated: &untranslated,
                services: &service_groups(&entries),
            };
            parts.push(site_outputs::in_language(self, &language));
        }
        let pages: Vec<BTreeSet<String>> =
            parts.iter().map(|part| page_files(&part.jobs)).collect();
        for (index, mut part) in parts.into_iter().enumerate() {
            let shared = &self.languages[index];
            for job in &mut part.jobs {
                self.add_language_links(index, job, &pages);
            }
            let (rendered, mut found) = self.render_jobs(part.jobs);
            problems.append(&mut found);
            problems.append(&mut part.problems);
            files.extend(in_folder(&shared.prefix, rendered));
            files.extend(part.files);
        }
        let mut once = site_outputs::once(self);
        files.append(&mut once.files);
        problems.append(&mut once.problems);
        (files, problems)
    }
}

/// The index's groups: notices by the service they cover, services and titles sorted
/// as people read them.
pub(super) fn service_groups(entries: &[(&str, &SiteWideEntry)]) -> Vec<ServiceGroup> {
    let mut groups: BTreeMap<String, Vec<NoticeSummary>> = BTreeMap::new();
    for (service, summary) in entries.iter().filter_map(|(_, e)| e.summary.clone()) {
        groups.entry(service).or_default().push(summary);
    }
    let mut services: Vec<ServiceGroup> = groups
        .into_iter()
        .map(|(service, mut notices)| {
            notices.sort_by_cached_key(|n| (sort_key(&n.title), n.title.clone()));
            ServiceGroup { service, notices }
        })
        .collect();
    services.sort_by_cached_key(|g| (sort_key(&g.service), g.service.clone()));
    services
}

/// Puts a site together from its notices' outputs and the site-wide files, in a
/// stable order (so the same input always gives the same output).
pub fn assemble<N: Borrow<NoticeOutput>>(
    notices: &[N],
    site_wide: Vec<OutputFile>,
) -> Vec<OutputFile> {
    let mut pictures = BTreeMap::new();
    let mut files = Vec::new();
    for notice in notices.iter().map(Borrow::borrow) {
        files.extend(notice.files.iter().cloned());
        pictures.extend(notice.pictures.iter().map(|(p, b)| (p.clone(), b.clone())));
    }
    files.extend(site_wide);
    files.extend(
        pictures
            .into_iter()
            .map(|(path, bytes)| OutputFile { path, bytes }),
    );
    files
}
