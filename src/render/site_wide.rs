//! The files that list every notice — each language's index, feed and sitemap, the
//! 404 page, robots.txt — and the stylesheets and the theme's static files, made from
//! what each notice's rendering said of it ([`SiteWideEntry`]).

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use super::context::{NoticeSummary, PageView, ServiceGroup};
use super::*;

/// Each notice's entry in one language's site-wide pages, by slug.
pub(super) type LanguageEntries<'a> = Vec<(&'a str, &'a SiteWideEntry)>;

impl Renderer<'_> {
    /// The pages that list every notice (per language: index, feed and sitemap; once:
    /// 404, robots), the stylesheets and the theme's static files.
    pub fn render_site_wide<N: Borrow<NoticeOutput> + Sync>(
        &self,
        notices: &[N],
    ) -> (Vec<OutputFile>, Vec<Problem>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        // Each language's pages first: the language links need to know them all.
        let mut parts: Vec<(Vec<PageJob>, LanguageEntries)> = Vec::new();
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
            let jobs = self.site_wide_jobs(shared, index, &entries, &untranslated);
            parts.push((jobs, entries));
        }
        let pages: Vec<BTreeSet<String>> = parts.iter().map(|(jobs, _)| page_files(jobs)).collect();
        for (index, (mut jobs, entries)) in parts.into_iter().enumerate() {
            let shared = &self.languages[index];
            for job in &mut jobs {
                self.add_language_links(index, job, &pages);
            }
            let (rendered, mut found) = self.render_jobs(jobs);
            problems.append(&mut found);
            files.extend(in_folder(&shared.prefix, rendered));
            files.push(sitemap::sitemap(shared, &entries));
        }
        files.push(sitemap::robots(&self.languages));
        self.stylesheets(&mut files, &mut problems);
        for (path, file) in self.theme.files_under(STATIC_DIR) {
            files.push(OutputFile {
                path: path.trim_start_matches(STATIC_DIR).to_string(),
                bytes: file.bytes.clone(),
            });
        }
        (files, problems)
    }

    /// A language's index and feed, and (in the default language) the 404 page.
    /// `untranslated` are the notices not written in this language.
    pub(super) fn site_wide_jobs(
        &self,
        shared: &SiteRender,
        index: usize,
        entries: &[(&str, &SiteWideEntry)],
        untranslated: &[NoticeSummary],
    ) -> Vec<PageJob> {
        let services = service_groups(entries);
        let mut jobs = Vec::new();
        let mut home = base_context(
            shared,
            &PageView::new(&shared.view.title, "", &shared.base_url, String::new()),
        );
        home.insert("services", &services);
        home.insert("untranslated", &untranslated);
        home.insert("default_language", &self.languages[0].strings.tag);
        jobs.push(PageJob {
            path: PagePath::Folder(String::new()),
            template: "index.html",
            context: home,
            verbatim: None,
        });
        if index == 0 {
            // The 404 page is served at any depth, so its links start from the site's own path.
            let mut not_found = PageView::new(
                shared.strings.get("not_found_title"),
                "404",
                &shared.base_url,
                "404.html".to_string(),
            );
            not_found.root = site_path(&shared.base_url);
            let mut context = base_context(shared, &not_found);
            context.insert("services", &services);
            jobs.push(PageJob {
                path: PagePath::File("404.html".to_string()),
                template: "404.html",
                context,
                verbatim: None,
            });
        }
        let all_entries = entries
            .iter()
            .flat_map(|(_, entry)| entry.entries.iter().cloned())
            .collect();
        jobs.push(feeds::feed_job(
            shared,
            "feed.xml",
            shared
                .strings
                .fill("changes_title", &[("title", &shared.view.title)]),
            "",
            all_entries,
        ));
        jobs
    }

    /// The three stylesheets, bundled from the theme with the site's settings.
    pub(super) fn stylesheets(&self, files: &mut Vec<OutputFile>, problems: &mut Vec<Problem>) {
        for (entry, output) in crate::forms::FORMS
            .iter()
            .map(|form| (form.stylesheet_entry, form.stylesheet_output))
        {
            let started = Instant::now();
            let bundled = css::bundle_css(
                self.theme,
                entry,
                &css::css_variables(&self.site.config),
                self.options.minify,
            );
            add_time(&self.css_nanos, started);
            match bundled {
                Ok(css) => files.push(OutputFile {
                    path: output.to_string(),
                    bytes: css.into_bytes(),
                }),
                Err(mut found) => problems.append(&mut found),
            }
        }
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
