//! Stage 3, render: pure. The model and the theme in, the site's files (as bytes) out.
//! It never reads or writes the disk; `write` puts its output in place.

pub(crate) mod braille;
pub mod compare;
pub(crate) mod context;
pub(crate) mod css;
pub mod data;
pub(crate) mod dates;
pub(crate) mod feeds;
pub(crate) mod first_layer;
pub(crate) mod handouts;
pub(crate) mod history_pages;
pub mod markdown;
pub mod minify;
pub(crate) mod notice_pages;
mod one_notice;
mod outputs;
mod site_outputs;
mod site_wide;
pub(crate) mod sitemap;
pub(crate) mod templates;
pub(crate) mod timeline;
pub(crate) mod titles;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tera::Context;

use crate::addresses::PagePath;
use crate::diagnostics::Problem;
use crate::forms::Form;
use crate::model::{Contact, Date, Notice, Site, Version};
use crate::theme::strings::Strings;
use crate::theme::Theme;
use context::{ContactView, NoticeSummary, PageView, SiteView};
pub use site_wide::assemble;
use templates::Templates;
use timeline::Timeline;
use titles::title_key;
pub use titles::SharedTitles;

const STATIC_DIR: &str = "static/";

pub use crate::output::OutputFile;

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The day the build is for: decides which version of each notice is current.
    pub today: Date,
    pub minify: bool,
}

/// What every page of a site shares.
pub struct SiteRender {
    pub view: SiteView,
    pub base_url: String,
    pub large_print_size_pt: u32,
    /// Titles that more than one notice has in this language (see [`titles`]).
    pub shared_titles: BTreeSet<String>,
    /// The site's contact, as data (for notice.json and the feeds).
    pub contact: Contact,
    /// The words of the pages, in this render's language.
    pub strings: Arc<Strings>,
    /// Where this language's pages are written: `""` for the site's default language,
    /// `cy/` for another. Addresses in render are relative to it.
    pub prefix: String,
    /// The strings as templates see them (`t`), made once: a tera map is shared, so
    /// each page's context takes it without copying a hundred strings.
    pub strings_value: tera::Value,
}

impl SiteRender {
    /// The shared parts of a site's pages in one of its languages.
    fn new(site: &Site, strings: Strings, prefix: String, shared_titles: BTreeSet<String>) -> Self {
        let mut view = SiteView::new(&site.config);
        view.language = strings.tag.clone();
        if let Some(title) = site.config.titles.get(&strings.tag) {
            view.title = title.clone();
        }
        SiteRender {
            view,
            base_url: format!("{}{prefix}", site.config.base_url),
            large_print_size_pt: site.config.large_print.size_pt,
            shared_titles,
            contact: site.config.contact.clone(),
            strings_value: tera::Value::from_serializable(&strings.text),
            strings: Arc::new(strings),
            prefix,
        }
    }

    /// From this language's root back to the site's (where the stylesheets are).
    pub fn up_to_site(&self) -> &'static str {
        if self.prefix.is_empty() {
            ""
        } else {
            "../"
        }
    }

    /// A date for templates, in this render's language.
    pub fn date(&self, date: Date) -> dates::DateView {
        dates::DateView {
            iso: date.to_string(),
            human: self.strings.date(date),
        }
    }

    /// Who to contact about `version`: its own `[contact]` (on behalf of its
    /// controllers), else the site's.
    pub fn contact_of(&self, version: &Version) -> ContactView {
        match &version.contact {
            Some(contact) => ContactView::new(contact, &version.controllers.join(" and ")),
            None => self.view.contact.clone(),
        }
    }

    /// A version's name in page titles and link names: its title, and its service too
    /// when another notice has the same title, so that no two pages or links read the
    /// same (WCAG 2.4.2 page titled, 2.4.4 link purpose).
    pub fn name_of(&self, version: &Version) -> String {
        if self.shared_titles.contains(&title_key(&version.title)) {
            format!("{} ({})", version.title, version.service)
        } else {
            version.title.clone()
        }
    }
}

/// How people sort names: without case or accents ("GOV.UK content…" before "GOV.UK
/// Notify", "Éire" with the Es). The name itself breaks ties, so the order is stable.
fn sort_key(name: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    name.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A file to render from a template: where it goes, the template, what it sees.
pub struct PageJob {
    /// Where it is written.
    pub path: PagePath,
    pub template: &'static str,
    pub context: Context,
    /// A version's text, when the page includes it: minified once per version.
    pub verbatim: Option<Arc<Verbatim>>,
}

/// HTML that several pages include verbatim (a version's text), and its minified form,
/// made once: see [`minify::minify_page_around`].
pub struct Verbatim {
    pub html: String,
    pub minified: Vec<u8>,
}

/// What rendering one notice produces: its files, and what the site-wide pages
/// (index, feeds, sitemap) need to know of it. `serve` keeps one per notice and
/// re-renders only the notices a save touched.
#[derive(Debug, Clone)]
pub struct NoticeOutput {
    pub slug: String,
    /// Pages, the notice's feed and notice.json.
    pub files: Vec<OutputFile>,
    /// Handouts linked but left to be made when asked for (`serve`), by path.
    pub waiting: Vec<String>,
    /// Easy-read pictures used, by output path.
    pub pictures: BTreeMap<String, Vec<u8>>,
    /// What the site-wide pages of each of the site's languages (in its order) need
    /// to know of the notice; `None` where it is not written in that language.
    pub languages: Vec<Option<SiteWideEntry>>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
    /// How long the notice took to render.
    pub elapsed: Duration,
}

impl NoticeOutput {
    /// Whether the site-wide pages (index, feeds, sitemap, pictures) would show this
    /// notice differently from `other`: only then must a save re-render them.
    pub fn same_for_site_wide(&self, other: &NoticeOutput) -> bool {
        self.languages == other.languages && self.pictures == other.pictures
    }
}

/// What the site-wide pages of one language need to know of a notice.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SiteWideEntry {
    /// The notice's major changes, for the site-wide feed.
    pub entries: Vec<feeds::FeedEntry>,
    /// The service and index entry of the current version, if one is in effect.
    pub summary: Option<(String, NoticeSummary)>,
    /// The date of the current version, for the sitemap.
    pub lastmod: Option<Date>,
    /// Whether the current version has an easy-read page, for the sitemap.
    pub has_easy_read: bool,
}

/// The files `jobs` make, relative to their language's folder.
fn page_files(jobs: &[PageJob]) -> BTreeSet<String> {
    jobs.iter().map(|job| job.path.file()).collect()
}

/// A language's files, moved into its folder (`""` for the default language).
fn in_folder<'a, I>(prefix: &'a str, files: I) -> impl Iterator<Item = OutputFile> + 'a
where
    I: IntoIterator<Item = OutputFile>,
    I::IntoIter: 'a,
{
    files.into_iter().map(move |file| OutputFile {
        path: format!("{prefix}{}", file.path),
        bytes: file.bytes,
    })
}

/// Renders a site with parsed templates; made once per build (or per theme change
/// in `serve`).
pub struct Renderer<'a> {
    templates: Templates<'a>,
    /// What the pages of each of the site's languages share; the default first.
    languages: Vec<SiteRender>,
    options: RenderOptions,
    site: &'a Site,
    theme: &'a Theme,
    /// Time spent minifying and bundling CSS, for `build --timings` (all threads added up).
    minify_nanos: AtomicU64,
    css_nanos: AtomicU64,
    /// Makes the PDF handouts; `None` renders a site without them.
    handouts: Option<&'a dyn handouts::HandoutMaker>,
    /// How braille files are made (made through `handouts`); `None`: none are.
    braille: Option<&'a braille::BrailleSetup>,
}

/// Where the render stage's time went, for `build --timings`.
#[derive(Debug, Clone, Default)]
pub struct RenderTimings {
    pub minify: Duration,
    pub css: Duration,
    /// The notices that took longest to render, slowest first.
    pub slowest: Vec<(String, Duration)>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        options: &RenderOptions,
    ) -> Result<Self, Vec<Problem>> {
        Renderer::with_shared_titles(site, theme, options, SharedTitles::of_site(site))
    }

    /// As [`Renderer::new`], with the site's shared titles already known (`serve`
    /// keeps them between saves rather than reading every notice's titles again).
    pub fn with_shared_titles(
        site: &'a Site,
        theme: &'a Theme,
        options: &RenderOptions,
        shared_titles: SharedTitles,
    ) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut languages = Vec::new();
        for (index, tag) in site.config.all_languages().iter().enumerate() {
            match Strings::load(theme, tag) {
                Ok(strings) if index == 0 => languages.push(SiteRender::new(
                    site,
                    strings,
                    String::new(),
                    shared_titles.in_site_language(),
                )),
                Ok(strings) => languages.push(SiteRender::new(
                    site,
                    strings,
                    format!("{tag}/"),
                    shared_titles.in_language(tag),
                )),
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Renderer {
            templates: Templates::parse(theme).map_err(|p| vec![p])?,
            languages,
            options: options.clone(),
            site,
            theme,
            minify_nanos: AtomicU64::new(0),
            css_nanos: AtomicU64::new(0),
            handouts: None,
            braille: None,
        })
    }

    /// Renders each version's braille files too (made through the handout maker).
    pub(crate) fn with_braille(mut self, setup: &'a braille::BrailleSetup) -> Self {
        self.braille = Some(setup);
        self
    }

    /// Renders each version's PDF handouts too, made (or found) by `maker`.
    pub fn with_handouts(mut self, maker: &'a dyn handouts::HandoutMaker) -> Self {
        self.handouts = Some(maker);
        self
    }

    fn render_jobs(&self, jobs: Vec<PageJob>) -> (Vec<OutputFile>, Vec<Problem>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for job in jobs {
            match self.templates.render(job.template, &job.context) {
                Ok(text) => {
                    let path = job.path.file();
                    let minify = self.options.minify && path.ends_with(".html");
                    files.push(OutputFile {
                        bytes: if minify {
                            let started = Instant::now();
                            let bytes = match &job.verbatim {
                                Some(verbatim) => minify::minify_page_around(
                                    &text,
                                    &verbatim.html,
                                    &verbatim.minified,
                                ),
                                None => minify::minify_page(&text),
                            };
                            add_time(&self.minify_nanos, started);
                            bytes
                        } else {
                            text.into_bytes()
                        },
                        path,
                    })
                }
                // One broken template fails every page: report it once.
                Err(problem)
                    if problems
                        .iter()
                        .any(|p: &Problem| p.to_string() == problem.to_string()) => {}
                Err(problem) => problems.push(problem),
            }
        }
        (files, problems)
    }
}

fn add_time(total: &AtomicU64, started: Instant) {
    total.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
}

impl Renderer<'_> {
    /// Where the time went so far (minify and CSS), and the slowest of `notices`.
    pub fn timings(&self, notices: &[NoticeOutput]) -> RenderTimings {
        let mut slowest: Vec<(String, Duration)> = notices
            .iter()
            .map(|n| (n.slug.clone(), n.elapsed))
            .collect();
        slowest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        slowest.truncate(5);
        RenderTimings {
            minify: Duration::from_nanos(self.minify_nanos.load(Ordering::Relaxed)),
            css: Duration::from_nanos(self.css_nanos.load(Ordering::Relaxed)),
            slowest,
        }
    }
}

/// Where rendered files go: a closure that takes each one (from any thread).
pub type Sink<'s> = dyn Fn(OutputFile) -> Result<(), Problem> + Sync + 's;

pub fn base_context(site: &SiteRender, page: &PageView) -> Context {
    let mut context = Context::new();
    context.insert("site", &site.view);
    // Pages of a version replace it with the version's own contact.
    context.insert("contact", &site.view.contact);
    // Every page says its language and its direction.
    let mut page = page.clone();
    page.language = site.strings.tag.clone();
    page.direction = site.strings.direction;
    context.insert("page", &page);
    context.insert_value("t", site.strings_value.clone());
    // The site's own top (above a language's folder), where its stylesheets and the
    // theme's static files are: shared by its languages.
    let site_root = format!("{}{}", page.root, site.up_to_site());
    for form in &crate::forms::FORMS {
        context.insert(
            form.stylesheet_variable,
            &format!("{site_root}{}", form.stylesheet_output),
        );
    }
    context.insert("site_root", &site_root);
    context
}

/// `https://example.org/privacy/` → `/privacy/`.
fn site_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/".to_string(), |i| after_scheme[i..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_path_is_the_path_of_the_base_url() {
        assert_eq!(site_path("https://example.org/privacy/"), "/privacy/");
        assert_eq!(site_path("https://example.org/"), "/");
        assert_eq!(site_path("http://localhost:1111/"), "/");
    }

    #[test]
    fn names_sort_without_case_or_accents() {
        let mut names = vec![
            "GOV.UK Notify",
            "Éire services",
            "GOV.UK content",
            "eye clinic",
        ];
        names.sort_by_cached_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "Éire services",
                "eye clinic",
                "GOV.UK content",
                "GOV.UK Notify"
            ]
        );
    }
}
