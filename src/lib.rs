//! clearnotice: a static site generator for accessible privacy notices.
//!
//! The build is a pipeline, one module per stage:
//! `load` (read site.toml, content/ and the theme) → `check` (history and content
//! rules) → `render` (pure: model in, files out) → `write` (put new and changed files in place).
//! Every stage reports [`diagnostics::Problem`]s; the binary shows them in one place.

// A `Problem` carries its file, span, source and hint: large, but only on the error
// path, where clarity matters more than a few bytes of copying.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod diagnostics;
pub mod load;
pub mod model;
pub mod render;
pub mod serve;
pub mod workflow;
pub mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use diagnostics::Problem;
use model::Date;
use render::{OutputFile, RenderOptions};

/// What `clearnotice build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder: the one with `site.toml` and `content/`.
    pub root: PathBuf,
    /// Where to write the site; `None` for `output_dir` from site.toml, inside the root.
    pub output_dir: Option<PathBuf>,
    /// Replaces `base_url` from site.toml (for a preview or staging address).
    pub base_url: Option<String>,
    pub minify: bool,
    /// The day to build for; `None` for SOURCE_DATE_EPOCH or today.
    pub today: Option<Date>,
    /// Treat warnings (easy-read rules, missing easy-read texts) as errors.
    pub strict: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output_dir: None,
            base_url: None,
            minify: true,
            today: None,
            strict: false,
        }
    }
}

/// A finished build.
#[derive(Debug)]
pub struct BuildReport {
    pub notices: usize,
    /// HTML pages written.
    pub pages: usize,
    pub output_dir: PathBuf,
    pub warnings: Vec<Problem>,
    /// Privacy information the current notices leave out: one line each in `build`;
    /// `clearnotice check` shows the whole table. Not turned into errors by `--strict`.
    pub missing_information: Vec<Problem>,
    pub elapsed: Duration,
    pub timings: Timings,
}

/// A build that stopped: every error found (and any warnings), nothing written.
#[derive(Debug)]
pub struct BuildFailure {
    pub problems: Vec<Problem>,
}

impl BuildFailure {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

/// The site rendered in memory, not yet written.
#[derive(Debug)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    pub notices: usize,
    pub output_dir: PathBuf,
    pub warnings: Vec<Problem>,
    /// Privacy information the current notices leave out (see `clearnotice check`).
    pub missing_information: Vec<Problem>,
    pub timings: Timings,
}

/// Where a build's time went (`build --timings`). Minify and CSS are parts of render;
/// with several cores they are the sum over all threads.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub load: Duration,
    pub check: Duration,
    pub render: Duration,
    pub minify: Duration,
    pub css: Duration,
    pub links: Duration,
    pub write: Duration,
    /// The notices that took longest to render, slowest first.
    pub slowest: Vec<(String, Duration)>,
}

/// A site loaded and checked, ready to render.
struct Prepared {
    site: model::Site,
    theme: load::theme::Theme,
    render_options: RenderOptions,
    problems: Vec<Problem>,
    timings: Timings,
    output_dir: PathBuf,
}

/// Stages 1 and 2: load and check (and the build date).
fn prepare(options: &BuildOptions) -> Result<Prepared, BuildFailure> {
    let mut timings = Timings::default();
    let mut problems = Vec::new();
    let started = Instant::now();
    let Some((mut site, theme)) = load::load_site(&options.root, &mut problems) else {
        return Err(BuildFailure { problems });
    };
    timings.load = started.elapsed();
    let started = Instant::now();
    apply_base_url(&mut site, options.base_url.as_deref(), &mut problems);
    check::check_site(&site, &theme, &mut problems);
    timings.check = started.elapsed();
    if problems.iter().any(Problem::is_error) {
        return Err(BuildFailure { problems });
    }
    let today = match build_date(options.today) {
        Ok(today) => today,
        Err(problem) => {
            problems.push(problem);
            return Err(BuildFailure { problems });
        }
    };
    let output_dir = options
        .output_dir
        .clone()
        .unwrap_or_else(|| options.root.join(&site.config.output_dir));
    Ok(Prepared {
        site,
        theme,
        render_options: RenderOptions {
            today,
            minify: options.minify,
        },
        problems,
        timings,
        output_dir,
    })
}

impl Prepared {
    /// After rendering: broken links stop the build, and so do warnings with `--strict`.
    fn finish(
        &mut self,
        pages: Vec<check::links::PageLinks>,
        strict: bool,
    ) -> Result<(), BuildFailure> {
        let started = Instant::now();
        let broken_links = check::links::check_index(pages, &self.site);
        self.timings.links = started.elapsed();
        let mut problems = std::mem::take(&mut self.problems);
        if !broken_links.is_empty() {
            problems.extend(broken_links);
            return Err(BuildFailure { problems });
        }
        if strict && !problems.is_empty() {
            for problem in &mut problems {
                problem.severity = diagnostics::Severity::Error;
            }
            return Err(BuildFailure { problems });
        }
        self.problems = problems;
        Ok(())
    }

    fn note_render_timings(&mut self, render: Duration, timings: render::RenderTimings) {
        self.timings.render = render;
        (self.timings.minify, self.timings.css, self.timings.slowest) =
            (timings.minify, timings.css, timings.slowest);
    }

    fn missing_information(&self) -> Vec<Problem> {
        check::checklist::coverage_warnings(&self.site, self.render_options.today)
    }
}

/// Loads, checks and renders the site without writing anything.
pub fn render(options: &BuildOptions) -> Result<RenderedSite, BuildFailure> {
    let mut prepared = prepare(options)?;
    let mut render_timings = render::RenderTimings::default();
    let started = Instant::now();
    let rendered = render::render_site(
        &prepared.site,
        &prepared.theme,
        &prepared.render_options,
        &mut prepared.problems,
        &mut render_timings,
    );
    let files = match rendered {
        Ok(files) => files,
        Err(mut found) => {
            prepared.problems.append(&mut found);
            return Err(BuildFailure {
                problems: prepared.problems,
            });
        }
    };
    prepared.note_render_timings(started.elapsed(), render_timings);
    prepared.finish(
        files.iter().map(check::links::PageLinks::of).collect(),
        options.strict,
    )?;
    Ok(RenderedSite {
        notices: prepared.site.notices.len(),
        missing_information: prepared.missing_information(),
        output_dir: prepared.output_dir,
        warnings: prepared.problems,
        timings: prepared.timings,
        files,
    })
}

/// One notice's privacy-information coverage, for `clearnotice check`.
#[derive(Debug)]
pub struct NoticeCoverage {
    pub slug: String,
    pub file: PathBuf,
    pub version: String,
    pub items: Vec<(check::checklist::Item, check::checklist::Coverage)>,
}

/// What `clearnotice check` reports: the site builds (in memory), and this is how
/// each notice's current version covers the checklist.
#[derive(Debug)]
pub struct Inspection {
    pub notices: Vec<NoticeCoverage>,
    pub warnings: Vec<Problem>,
    pub external_links: Vec<check::external::ExternalLink>,
}

/// Loads, checks and renders the site (writing nothing) and reports its coverage.
pub fn inspect(options: &BuildOptions) -> Result<Inspection, BuildFailure> {
    let mut prepared = prepare(options)?;
    let mut timings = render::RenderTimings::default();
    let files = render::render_site(
        &prepared.site,
        &prepared.theme,
        &prepared.render_options,
        &mut prepared.problems,
        &mut timings,
    )
    .map_err(|mut found| {
        let mut problems = std::mem::take(&mut prepared.problems);
        problems.append(&mut found);
        BuildFailure { problems }
    })?;
    prepared.finish(
        files.iter().map(check::links::PageLinks::of).collect(),
        options.strict,
    )?;
    let today = prepared.render_options.today;
    let notices = prepared
        .site
        .notices
        .iter()
        .filter_map(|notice| {
            let version = notice.current_version(today)?;
            Some(NoticeCoverage {
                slug: notice.slug.clone(),
                file: version.source.path.clone(),
                version: version.number.value.to_string(),
                items: check::checklist::coverage(version),
            })
        })
        .collect();
    Ok(Inspection {
        notices,
        external_links: check::external::external_links(&prepared.site),
        warnings: prepared.problems,
    })
}

/// Replaces `base_url` from site.toml with `--base-url`, when given.
pub fn apply_base_url(site: &mut model::Site, url: Option<&str>, problems: &mut Vec<Problem>) {
    let Some(url) = url else {
        return;
    };
    match load::config::normalise_base_url(url) {
        Some(url) => site.config.base_url = url,
        None => problems.push(
            Problem::in_file("--base-url", format!("{url:?} is not a web address"))
                .with_help("Give the full address, like --base-url https://example.org/privacy/"),
        ),
    }
}

/// The day a build is for: `--date`, else `SOURCE_DATE_EPOCH` (for reproducible
/// builds), else today. It decides which version of each notice is current.
pub fn build_date(explicit: Option<Date>) -> Result<Date, Problem> {
    if let Some(date) = explicit {
        return Ok(date);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
            .ok_or_else(|| {
                Problem::in_file("SOURCE_DATE_EPOCH", format!("SOURCE_DATE_EPOCH is {epoch:?}, not a number of seconds"))
                    .with_help("Set it to a Unix time in seconds, like SOURCE_DATE_EPOCH=1735689600, or unset it.")
            }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// Builds the site: load → check → render → write. Each file is written into a
/// staging folder as soon as it is rendered (so memory stays small on large sites), or
/// skipped when the output already has it; the output changes only when everything worked.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let mut prepared = prepare(options)?;
    let staging =
        write::Staging::begin(&prepared.output_dir, &options.root).map_err(|problem| {
            BuildFailure {
                problems: vec![problem],
            }
        })?;
    let pages = std::sync::Mutex::new(Vec::new());
    let mut render_timings = render::RenderTimings::default();
    let rendering = Instant::now();
    let sink = |file: OutputFile| {
        let links = check::links::PageLinks::of(&file);
        staging.put(&file)?;
        pages
            .lock()
            .map_err(|_| Problem::in_file("(memory)", "a rendering thread failed"))?
            .push(links);
        Ok(())
    };
    let rendered = render::render_site_into(
        &prepared.site,
        &prepared.theme,
        &prepared.render_options,
        &mut prepared.problems,
        &mut render_timings,
        &sink,
    );
    if let Err(mut found) = rendered {
        prepared.problems.append(&mut found);
        return Err(BuildFailure {
            problems: prepared.problems,
        });
    }
    prepared.note_render_timings(rendering.elapsed(), render_timings);
    let pages = pages.into_inner().unwrap_or_default();
    let html_pages = pages.iter().filter(|p| p.path.ends_with(".html")).count();
    prepared.finish(pages, options.strict)?;
    let writing = Instant::now();
    staging.commit().map_err(|problem| BuildFailure {
        problems: vec![problem],
    })?;
    prepared.timings.write = writing.elapsed();
    Ok(BuildReport {
        notices: prepared.site.notices.len(),
        pages: html_pages,
        missing_information: prepared.missing_information(),
        output_dir: prepared.output_dir,
        warnings: prepared.problems,
        elapsed: started.elapsed(),
        timings: prepared.timings,
    })
}
