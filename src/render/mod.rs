//! Stage 3, render: pure. The model and the theme in, the site's files (as bytes) out.
//! It never reads or writes the disk; `write` puts its output in place.

pub mod compare;
pub mod context;
pub mod css;
pub mod data;
pub mod dates;
pub mod feeds;
pub mod handouts;
pub mod history_pages;
pub mod markdown;
pub mod minify;
pub mod notice_pages;
pub mod sitemap;
pub mod templates;
pub mod timeline;
pub mod titles;

use std::borrow::Borrow;
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
use context::{ContactView, NoticeSummary, PageView, ServiceGroup, SiteView};
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

/// Each notice's entry in one language's site-wide pages, by slug.
type LanguageEntries<'a> = Vec<(&'a str, &'a SiteWideEntry)>;

/// One language's part of a notice, before its pages are rendered.
struct LanguagePart {
    jobs: Vec<PageJob>,
    /// Files made without a template (notice.json), at paths in the language.
    files: Vec<OutputFile>,
    /// PDF handouts, already at their paths in the site.
    handout_files: Vec<OutputFile>,
    waiting: Vec<String>,
    pictures: BTreeMap<String, Vec<u8>>,
    errors: Vec<Problem>,
    site_wide: SiteWideEntry,
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
        })
    }

    /// Renders each version's PDF handouts too, made (or found) by `maker`.
    pub fn with_handouts(mut self, maker: &'a dyn handouts::HandoutMaker) -> Self {
        self.handouts = Some(maker);
        self
    }

    /// Every file of one notice, in each of the site's languages it is written in.
    pub fn render_notice(&self, notice: &Notice) -> NoticeOutput {
        let started = Instant::now();
        let mut warnings: Vec<Problem> = notice_warnings(
            notice,
            Timeline::new(notice, self.options.today).current_version(),
        )
        .into_iter()
        .collect();
        let parts: Vec<Option<LanguagePart>> = self
            .languages
            .iter()
            .enumerate()
            .map(|(index, shared)| {
                if index == 0 {
                    return Some(self.notice_in(shared, notice));
                }
                let strings = &shared.strings;
                let (translated, mut found) = crate::languages::in_language(
                    notice,
                    &strings.tag,
                    &strings.name,
                    self.options.today,
                )?;
                warnings.append(&mut found);
                Some(self.notice_in(shared, &translated))
            })
            .collect();
        let pages: Vec<BTreeSet<String>> = parts
            .iter()
            .map(|part| {
                part.as_ref()
                    .map(|part| page_files(&part.jobs))
                    .unwrap_or_default()
            })
            .collect();
        let mut output = NoticeOutput {
            slug: notice.slug.clone(),
            files: Vec::new(),
            waiting: Vec::new(),
            pictures: BTreeMap::new(),
            languages: Vec::new(),
            warnings,
            errors: Vec::new(),
            elapsed: Duration::ZERO,
        };
        for (index, part) in parts.into_iter().enumerate() {
            let Some(mut part) = part else {
                output.languages.push(None);
                continue;
            };
            let prefix = &self.languages[index].prefix;
            for job in &mut part.jobs {
                self.add_language_links(index, job, &pages);
            }
            let (files, mut errors) = self.render_jobs(part.jobs);
            output
                .files
                .extend(in_folder(prefix, files.into_iter().chain(part.files)));
            output.files.extend(part.handout_files);
            output.waiting.extend(part.waiting);
            output.pictures.extend(
                part.pictures
                    .into_iter()
                    .map(|(path, bytes)| (format!("{prefix}{path}"), bytes)),
            );
            output.errors.append(&mut part.errors);
            output.errors.append(&mut errors);
            output.languages.push(Some(part.site_wide));
        }
        output.elapsed = started.elapsed();
        output
    }

    /// A notice's pages and files in one language (`shared`'s), before they are
    /// rendered: the pages of every language must be known to link between them.
    fn notice_in(&self, shared: &SiteRender, notice: &Notice) -> LanguagePart {
        let timeline = Timeline::new(notice, self.options.today);
        let mut pictures = BTreeMap::new();
        let (bodies, verbatims) = self.bodies(notice);
        let (handout_files, waiting, handouts, errors) = self.handouts(shared, &timeline);
        let mut jobs = notice_pages::notice_pages(
            shared,
            &timeline,
            self.site,
            self.theme,
            &mut pictures,
            &notice_pages::MadeForVersions {
                bodies: &bodies,
                verbatims: &verbatims,
                handouts: &handouts,
            },
        );
        jobs.extend(history_pages::history_pages(shared, &timeline));
        let entries = feeds::notice_entries(shared, &timeline);
        let title = timeline
            .current_version()
            .unwrap_or(&notice.versions[0])
            .title
            .clone();
        jobs.push(feeds::feed_job(
            shared,
            &crate::addresses::feed_file(&notice.slug),
            shared.strings.fill("changes_title", &[("title", &title)]),
            &crate::addresses::notice_folder(&notice.slug),
            entries.clone(),
        ));
        let files = vec![data::notice_json(shared, &timeline, &bodies, &handouts)];
        let current = timeline.current_version();
        LanguagePart {
            jobs,
            files,
            handout_files,
            waiting,
            pictures,
            errors,
            site_wide: SiteWideEntry {
                entries,
                summary: current.map(|current| {
                    (
                        current.service.clone(),
                        self.summary(shared, notice, current, &handouts),
                    )
                }),
                lastmod: current.map(|c| c.effective.value),
                has_easy_read: current.is_some_and(|c| c.has_form(Form::EasyRead)),
            },
        }
    }

    /// Gives a page the links to itself in the site's other languages (the language
    /// switch and `hreflang` alternates): the same page where that language has it,
    /// else that language's home page.
    fn add_language_links(&self, index: usize, job: &mut PageJob, pages: &[BTreeSet<String>]) {
        // A site in one language has no switch and no alternates.
        if self.languages.len() < 2 || !job.template.ends_with(".html") {
            return;
        }
        let file = job.path.file();
        let target = match &job.path {
            PagePath::Folder(folder) => folder.clone(),
            PagePath::File(file) => file.clone(),
        };
        // The 404 page is served at any depth: its links start from the site's path.
        let to_site = if job.template == "404.html" {
            site_path(&self.site.config.base_url)
        } else {
            let depth = file.matches('/').count();
            format!(
                "{}{}",
                "../".repeat(depth),
                self.languages[index].up_to_site()
            )
        };
        let links: Vec<context::LanguageLink> = self
            .languages
            .iter()
            .enumerate()
            .map(|(other, shared)| {
                let exists = pages[other].contains(&file);
                let path = if exists { target.as_str() } else { "" };
                let href = format!("{to_site}{}{path}", shared.prefix);
                context::LanguageLink {
                    tag: shared.strings.tag.clone(),
                    name: shared.strings.name.clone(),
                    href: if href.is_empty() {
                        "./".to_string()
                    } else {
                        href
                    },
                    url: format!("{}{path}", shared.base_url),
                    is_this_page: other == index,
                    same_page: exists,
                }
            })
            .collect();
        job.context.insert("languages", &links);
    }

    /// Each version's handouts, in every form that has one: the PDFs (the current
    /// version's at the notice's address and at its own), and the links to them.
    fn handouts(
        &self,
        shared: &SiteRender,
        timeline: &Timeline,
    ) -> (
        Vec<OutputFile>,
        Vec<String>,
        handouts::NoticeHandouts,
        Vec<Problem>,
    ) {
        let mut files = Vec::new();
        let mut waiting = Vec::new();
        let mut links = handouts::NoticeHandouts::new();
        let mut problems = Vec::new();
        let Some(maker) = self.handouts else {
            return (files, waiting, links, problems);
        };
        let notice = timeline.notice;
        for (index, version) in notice.versions.iter().enumerate() {
            let as_current = timeline.status(index) == timeline::Status::Current;
            for form in Form::ALL.into_iter().filter(|&f| version.has_form(f)) {
                let Some(spec) = &form.spec().handout else {
                    continue;
                };
                let request =
                    self.handout_request(shared, notice, version, form, spec.layout, as_current);
                match maker.make(&request) {
                    Ok(pdf) => {
                        // The link is relative to the language's pages; the files
                        // (`request.paths`) are under the language's folder.
                        let path =
                            crate::addresses::handout_file(notice, version, form, as_current)
                                .unwrap_or_default();
                        let link =
                            handouts::HandoutLink::new(&shared.strings, form, path, pdf.as_deref());
                        links.extend(link.map(|link| ((index, form), link)));
                        if pdf.is_none() {
                            waiting.extend(request.paths.iter().cloned());
                        }
                        if let Some(pdf) = pdf {
                            files.extend(handout_files(pdf, &request.paths));
                        }
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        (files, waiting, links, problems)
    }

    fn handout_request(
        &self,
        shared: &SiteRender,
        notice: &Notice,
        version: &Version,
        form: Form,
        layout: &'static str,
        as_current: bool,
    ) -> handouts::HandoutRequest {
        use crate::addresses::{handout_file, version_folder};
        let page = format!(
            "{}{}",
            version_folder(notice, version, as_current),
            form.folder()
        );
        let source = handouts::data::HandoutSource {
            site: self.site,
            theme: self.theme,
            strings: &shared.strings,
            notice,
            version,
            contact: shared.contact_of(version),
            title: shared.name_of(version),
            page_url: format!("{}{page}", shared.base_url),
        };
        let input = handouts::data::handout_input(&source, form);
        let mut paths: Vec<String> = handout_file(notice, version, form, as_current)
            .into_iter()
            .collect();
        if as_current {
            paths.extend(handout_file(notice, version, form, false));
        }
        for path in &mut paths {
            path.insert_str(0, &shared.prefix);
        }
        handouts::HandoutRequest {
            layout,
            data: serde_json::to_vec(&input.data).expect("handout data always serialises"),
            pictures: input.pictures,
            ident: paths.last().cloned().unwrap_or_default(),
            paths,
            source: version
                .own_text(form)
                .map_or(&version.source.path, |text| &text.path)
                .clone(),
        }
    }

    /// Each version's Markdown rendered once, for its pages and for notice.json, and
    /// (when minifying) its HTML minified once for every page that includes it.
    fn bodies(
        &self,
        notice: &Notice,
    ) -> (Vec<markdown::RenderedMarkdown>, Vec<Option<Arc<Verbatim>>>) {
        let bodies: Vec<markdown::RenderedMarkdown> = notice
            .versions
            .iter()
            .map(|v| markdown::render_markdown(&v.body))
            .collect();
        let verbatims = bodies
            .iter()
            .map(|body| {
                self.options.minify.then(|| {
                    let started = Instant::now();
                    let minified = minify::minify_fragment(&body.html);
                    add_time(&self.minify_nanos, started);
                    Arc::new(Verbatim {
                        html: body.html.clone(),
                        minified,
                    })
                })
            })
            .collect();
        (bodies, verbatims)
    }

    /// The index's entry for a notice's current version.
    fn summary(
        &self,
        shared: &SiteRender,
        notice: &Notice,
        current: &Version,
        handouts: &handouts::NoticeHandouts,
    ) -> NoticeSummary {
        let index = notice
            .versions
            .iter()
            .position(|v| std::ptr::eq(v, current));
        NoticeSummary {
            handouts: handouts
                .iter()
                .filter(|((version, _), _)| Some(*version) == index)
                .map(|(_, link)| context::HandoutView {
                    href: link.path.clone(),
                    text: link.text.clone(),
                })
                .collect(),
            slug: notice.slug.clone(),
            title: current.title.clone(),
            name: shared.name_of(current),
            version: current.number.value.to_string(),
            effective: shared.date(current.effective.value),
            easy_read: current.has_form(crate::forms::Form::EasyRead),
        }
    }

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
    fn site_wide_jobs(
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
    fn stylesheets(&self, files: &mut Vec<OutputFile>, problems: &mut Vec<Problem>) {
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

/// What rendering a notice warns about: a current version with no easy-read text
/// yet, or no version in effect at all.
fn notice_warnings(notice: &Notice, current: Option<&Version>) -> Option<Problem> {
    match current {
        Some(current) if !current.has_form(crate::forms::Form::EasyRead) => Some(
            Problem::in_file(notice.folder.join(format!("{}.easy-read.md", current.number.value)), format!("the current version of {} has no easy-read text yet", notice.slug))
                .with_help("Write it beside the version, one point per line starting with its picture: ![A phone](picture:phone) We will phone you. Until then, the notice's pages say there is no easy-read version yet.")
                .about(crate::diagnostics::Topic::NoEasyRead, Vec::new())
                .warning(),
        ),
        Some(_) => None,
        None => {
            let first = &notice.versions[0];
            Some(
                first
                    .source
                    .problem(first.effective.span.clone(), format!("no version of {} is in effect yet: it is published only at its version's address", notice.slug))
                    .with_help("It becomes the current notice, and is listed on the index, from its effective date.")
                    .warning(),
            )
        }
    }
}

/// The index's groups: notices by the service they cover, services and titles sorted
/// as people read them.
fn service_groups(entries: &[(&str, &SiteWideEntry)]) -> Vec<ServiceGroup> {
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

/// Where rendered files go: a closure that takes each one (from any thread).
pub type Sink<'s> = dyn Fn(OutputFile) -> Result<(), Problem> + Sync + 's;

/// A handout's files, one per path: its bytes moved into the last one when nothing
/// else holds the PDF (a build), copied otherwise — a build of 1,000 notices holds
/// 2,000 PDFs, and each copy costs memory the system must zero.
fn handout_files(pdf: Arc<handouts::Pdf>, paths: &[String]) -> Vec<OutputFile> {
    let Some((last, others)) = paths.split_last() else {
        return Vec::new();
    };
    let mut files: Vec<OutputFile> = others
        .iter()
        .map(|path| OutputFile {
            path: path.clone(),
            bytes: pdf.bytes.clone(),
        })
        .collect();
    let bytes = Arc::try_unwrap(pdf).map_or_else(|shared| shared.bytes.clone(), |pdf| pdf.bytes);
    files.push(OutputFile {
        path: last.clone(),
        bytes,
    });
    files
}

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
    // Each form's stylesheet, by the name the templates know it by: the stylesheets
    // are the site's, shared by its languages.
    for form in &crate::forms::FORMS {
        context.insert(
            form.stylesheet_variable,
            &format!(
                "{}{}{}",
                page.root,
                site.up_to_site(),
                form.stylesheet_output
            ),
        );
    }
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
