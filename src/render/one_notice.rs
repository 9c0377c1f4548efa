//! One notice's files in every language of the site: its pages (through
//! `notice_pages` and `history_pages`), its feed, notice.json and handouts, and what
//! the site-wide files need to know of it.

use crate::diagnostics::Code;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Instant;

use super::context::NoticeSummary;
use super::*;

/// One language's part of a notice, before its pages are rendered.
pub(super) struct LanguagePart {
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

impl<'a> Renderer<'a> {
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
    pub(super) fn notice_in(&self, shared: &SiteRender, notice: &Notice) -> LanguagePart {
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
    pub(super) fn add_language_links(
        &self,
        index: usize,
        job: &mut PageJob,
        pages: &[BTreeSet<String>],
    ) {
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
    pub(super) fn handouts(
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

    pub(super) fn handout_request(
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
    pub(super) fn bodies(
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
    pub(super) fn summary(
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
}

/// What rendering a notice warns about: a current version with no easy-read text
/// yet, or no version in effect at all.
pub(super) fn notice_warnings(notice: &Notice, current: Option<&Version>) -> Option<Problem> {
    match current {
        Some(current) if !current.has_form(crate::forms::Form::EasyRead) => Some(
            Problem::in_file(Code::NoEasyRead, notice.folder.join(format!("{}.easy-read.md", current.number.value)), format!("the current version of {} has no easy-read text yet", notice.slug))
                .with_help("Write it beside the version, one point per line starting with its picture: ![A phone](picture:phone) We will phone you. Until then, the notice's pages say there is no easy-read version yet.")
                                .warning(),
        ),
        Some(_) => None,
        None => {
            let first = &notice.versions[0];
            Some(
                first
                    .source
                    .problem(Code::NotYetInEffect, first.effective.span.clone(), format!("no version of {} is in effect yet: it is published only at its version's address", notice.slug))
                    .with_help("It becomes the current notice, and is listed on the index, from its effective date.")
                    .warning(),
            )
        }
    }
}

/// A handout's files, one per path: its bytes moved into the last one when nothing
/// else holds the PDF (a build), copied otherwise — a build of 1,000 notices holds
/// 2,000 PDFs, and each copy costs memory the system must zero.
pub(super) fn handout_files(pdf: Arc<handouts::Pdf>, paths: &[String]) -> Vec<OutputFile> {
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
