//! One notice's files in every language of the site — what each of its outputs makes
//! (see [`super::outputs`]), with the links between the languages' pages — and what
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
        let parts = self.language_parts(notice, &mut warnings);
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
            match part {
                Some(part) => self.add_part(&mut output, index, part, &pages),
                None => output.languages.push(None),
            }
        }
        output.elapsed = started.elapsed();
        output
    }

    /// The notice's part in each of the site's languages (`None` where it is not
    /// written in one); what a translation warns about is added to `warnings`.
    fn language_parts(
        &self,
        notice: &Notice,
        warnings: &mut Vec<Problem>,
    ) -> Vec<Option<LanguagePart>> {
        self.languages
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
            .collect()
    }

    /// Renders one language's part into `output`, its pages linked to the same pages
    /// in the other languages (`pages`: each language's files).
    fn add_part(
        &self,
        output: &mut NoticeOutput,
        index: usize,
        mut part: LanguagePart,
        pages: &[BTreeSet<String>],
    ) {
        let prefix = &self.languages[index].prefix;
        for job in &mut part.jobs {
            self.add_language_links(index, job, pages);
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

    /// A notice's pages and files in one language (`shared`'s), before they are
    /// rendered (the pages of every language must be known to link between them):
    /// what each of the notice's outputs makes (see [`outputs`]).
    pub(super) fn notice_in(&self, shared: &SiteRender, notice: &Notice) -> LanguagePart {
        let timeline = Timeline::new(notice, self.options.today);
        let (bodies, verbatims) = self.bodies(notice);
        let entries = feeds::notice_entries(shared, &timeline);
        let made = outputs::make_all(
            self,
            &outputs::NoticeInLanguage {
                shared,
                timeline: &timeline,
                bodies: &bodies,
                verbatims: &verbatims,
                feed_entries: &entries,
            },
        );
        let current = timeline.current_version();
        let summary = current.map(|current| {
            (
                current.service.clone(),
                self.summary(shared, notice, current, &made.links),
            )
        });
        LanguagePart {
            jobs: made.jobs,
            files: made.files,
            handout_files: made.placed,
            waiting: made.waiting,
            pictures: made.pictures,
            errors: made.errors,
            site_wide: SiteWideEntry {
                entries,
                summary,
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
                .filter(|((version, _, _), _)| Some(*version) == index)
                .map(|(_, link)| context::HandoutView {
                    href: link.path.clone(),
                    media_type: link.file_type.media_type().into(),
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
