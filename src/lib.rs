//! clearnotice: a static site generator for accessible privacy notices.
//!
//! The build is a pipeline, one module per stage:
//! `load` (read site.toml, content/ and the theme) → `check` (history and content
//! rules) → `render` (pure: model in, files out) → `write` (put new and changed files in place).
//! Every stage reports [`diagnostics::Problem`]s; the binary shows them in one place.

// A `Problem` carries its file, span, source and hint: large, but only on the error
// path, where clarity matters more than a few bytes of copying.
#![allow(clippy::result_large_err)]

pub(crate) mod addresses;
pub(crate) mod build_cache;
pub mod check;
pub(crate) mod checklist;
pub mod diagnostics;
pub(crate) mod forms;
pub(crate) mod handout_store;
pub mod languages;
pub mod load;
pub mod model;
pub(crate) mod output;
pub mod pipeline;
pub mod render;
pub mod serve;
pub mod text;
pub mod theme;
pub mod workflow;
pub(crate) mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use diagnostics::Problem;
use model::Date;
pub use pipeline::options::{
    apply_base_url, build_date, BuildFailure, BuildOptions, Handouts, Timings,
};
use pipeline::Pipeline;
use render::OutputFile;

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
    /// What the terminal should know of the build cache (set aside, and why).
    pub notes: Vec<String>,
    /// How many notices were kept from the last build as they were (their folders
    /// unchanged).
    pub reused: usize,
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

/// Loads, checks and renders the site without writing anything.
pub fn render(options: &BuildOptions) -> Result<RenderedSite, BuildFailure> {
    let ((pipeline, _), mut files) = pipeline::in_memory(|sink| Pipeline::run(options, sink))?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(RenderedSite {
        notices: pipeline.site().notices.len(),
        missing_information: pipeline.missing_information(),
        output_dir: pipeline.output_dir(),
        warnings: pipeline.warnings(),
        timings: pipeline.timings().clone(),
        files,
    })
}

/// One notice's privacy-information coverage, for `clearnotice check`.
#[derive(Debug)]
pub struct NoticeCoverage {
    pub slug: String,
    pub file: PathBuf,
    pub version: String,
    /// Empty where the text is not in English (see `not_checked`).
    pub items: Vec<(check::checklist::Item, check::checklist::Coverage)>,
    /// The texts of the version the checklist does not read, by language and file:
    /// it reads the version file, and only in English (its vocabulary is English),
    /// so a Welsh text is "not checked" rather than reported as missing everything.
    pub not_checked: Vec<(String, PathBuf)>,
    /// How easy its standard text is to read (English only: the formulas are).
    pub readability: Option<text::readability::TextReport>,
}

/// What `clearnotice check` reports: the site builds (in memory), and this is how
/// each notice's current version covers the checklist.
#[derive(Debug)]
pub struct Inspection {
    pub notices: Vec<NoticeCoverage>,
    /// The site's languages, its default first.
    pub languages: Vec<String>,
    pub warnings: Vec<Problem>,
    pub external_links: Vec<check::external::ExternalLink>,
}

/// Loads, checks and renders the site (writing nothing) and reports its coverage.
pub fn inspect(options: &BuildOptions) -> Result<Inspection, BuildFailure> {
    let (pipeline, _) = Pipeline::run(options, &|_| Ok(()))?;
    let today = pipeline.today();
    let site = pipeline.site();
    let notices = site
        .notices
        .iter()
        .filter_map(|notice| {
            let version = notice.current_version(today)?;
            let default = &site.config.language;
            let english = languages::LanguageChecks::of(default).privacy_checklist;
            let mut not_checked: Vec<(String, PathBuf)> = version
                .translations
                .iter()
                .map(|(language, t)| (language.clone(), t.source.path.clone()))
                .collect();
            if !english {
                not_checked.insert(0, (default.clone(), version.source.path.clone()));
            }
            Some(NoticeCoverage {
                slug: notice.slug.clone(),
                file: version.source.path.clone(),
                version: version.number.value.to_string(),
                items: if english {
                    check::checklist::coverage(version)
                } else {
                    Vec::new()
                },
                not_checked,
                readability: english.then(|| text::readability::report(version)),
            })
        })
        .collect();
    Ok(Inspection {
        notices,
        languages: site.config.all_languages(),
        external_links: check::external::external_links(site),
        warnings: pipeline.warnings(),
    })
}

/// Whether a build starts from the cache of its last run (see [`build_cache`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheUse {
    /// Reuse what has not changed (`build`).
    Reuse,
    /// Read and render everything (`build --clean`); the cache is written afresh.
    Clean,
}

/// Builds the site: load → check → render → write, reusing from the build cache every
/// notice whose inputs did not change. Each file is written into a staging folder as
/// soon as it is rendered (so memory stays small on large sites), or skipped when the
/// output already has it; the output changes only when everything worked.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    build_with(options, CacheUse::Reuse)
}

/// As [`build`], with or without the cache.
pub fn build_with(
    options: &BuildOptions,
    cache_use: CacheUse,
) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    // The output folder is known only from site.toml: a failed load reports first.
    let output_dir = output_dir(options)?;
    let one = |problem| BuildFailure {
        problems: vec![problem],
    };
    // The list of files and the cache are read side by side: at 10,000 notices each
    // took 30-50 ms of one core.
    let (staging, mut cache) = rayon::join(
        || write::Staging::begin(&output_dir, &options.root),
        || build_cache::BuildCache::open(&output_dir, &options.root, cache_use == CacheUse::Reuse),
    );
    let staging = staging.map_err(one)?;
    // The run takes the last cache over: what it keeps of it moves into the new one.
    let previous = cache.previous.take();
    let as_written = |path: &str| staging.as_written(path).is_some();
    let input = pipeline::ReuseInput {
        previous: None,
        today: Date::default(),
        output: &output_dir,
        as_written: &as_written,
        previous_paths: std::sync::Arc::new(staging.previous_paths().cloned().collect()),
    };
    let (pipeline, outcome, kept, cache_file) =
        Pipeline::run_reusing(options, &|file| staging.put(&file), previous, input)?;
    let writing = Instant::now();
    staging.keep_all(&kept.paths).map_err(one)?;
    staging.commit().map_err(one)?;
    cache.save(&cache_file);
    let mut timings = pipeline.timings().clone();
    timings.write = writing.elapsed();
    let report = BuildReport {
        notices: pipeline.notice_count(),
        pages: outcome.pages,
        missing_information: pipeline.missing_information(),
        output_dir,
        warnings: pipeline.warnings(),
        elapsed: started.elapsed(),
        timings,
        notes: cache.note.into_iter().collect(),
        reused: kept.notices,
    };
    drop_in_background((pipeline, cache_file, kept));
    Ok(report)
}

/// Frees what a build held on another thread: piece by piece, a 10,000-notice site's
/// was 40-50 ms of a rebuild that changed nothing, and `clearnotice build` ends (and
/// the system takes the memory back whole) without waiting for it.
fn drop_in_background<T: Send + 'static>(held: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(held));
}

/// Where `build` writes: `--output-dir`, else `output_dir` of site.toml.
fn output_dir(options: &BuildOptions) -> Result<PathBuf, BuildFailure> {
    if let Some(dir) = &options.output_dir {
        return Ok(dir.clone());
    }
    match load::config::load_config(&*options.source, &options.root) {
        Ok((config, _)) => Ok(options.output_dir_for(Some(&config))),
        // A full run reports site.toml's problems with everything else it finds.
        Err(_) => Pipeline::run(options, &|_| Ok(())).map(|(p, _)| p.output_dir()),
    }
}
