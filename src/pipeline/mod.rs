//! The one build pipeline: load → check → render → link-check → finish. `build`,
//! `check` and `serve` all run it; nothing else loads, checks or renders a site.
//!
//! A [`Pipeline`] remembers what each step found for each notice, so `serve` can redo
//! a save with [`Pipeline::update`]: it narrows *what* is re-read and re-rendered (the
//! notices a save touched), never *which checks run*. Every rule, the link check of
//! the whole site, the warnings and the privacy-information check come out as a full
//! build gives them (tested). Files go to a [`Sink`] as they are made; the pipeline
//! keeps none of them, and changes nothing of itself when a run fails.
//!
//! Here: the run's types and its order of steps. Beside it: `steps` (check and
//! render), `problems` (one order for reporting them), `update` (serve's incremental
//! bookkeeping), `reuse` (build with its cache), `options` (what a run is asked).

pub(crate) mod options;
mod problems;
mod reuse;
mod steps;
mod update;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::check::links::LinkIndex;
use crate::diagnostics::Problem;
use crate::handout_store::HandoutStore;
use crate::model::{Date, Notice, Site};
use crate::render::braille::{setup::braille_setup, BrailleSetup};
use crate::render::titles::NoticeTitles;
use crate::render::{NoticeOutput, OutputFile, RenderOptions, SharedTitles, Sink};
use crate::theme::Theme;
use crate::{build_cache, load};
use options::{apply_base_url, build_date, BuildFailure, BuildOptions, Handouts, Timings};
use problems::{all_problems, fail_on_errors, failure, problems_in_order, strict, SiteProblems};
use steps::{check_notices, render_step};
use update::removed_paths;

pub use reuse::{Kept, ReuseInput};
pub use update::Change;

/// What a run redid, for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Full,
    /// The theme changed: every notice re-rendered, no Markdown re-read.
    AllNotices,
    /// Only these notices re-read and re-rendered.
    Notices(Vec<String>),
}

/// What a successful run did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub scope: Scope,
    /// Files the site had before and no longer has (only after `update`).
    pub removed: Vec<String>,
    /// Files that went to the sink, and how many of them are HTML pages.
    pub files: usize,
    pub pages: usize,
}

/// What the pipeline knows of one entry of `content/` (a notice, or not).
#[derive(Debug, Clone, Default)]
struct Entry {
    load: Vec<Problem>,
    check: Vec<Problem>,
    /// The notice's rendering without its files; `None` for an entry with no notice.
    output: Option<Arc<NoticeOutput>>,
    /// The paths of the notice's files.
    paths: BTreeSet<String>,
    /// The privacy information the current version leaves out.
    missing: Vec<Problem>,
}

/// A site built once, and what each step found, ready to be updated after a save.
pub struct Pipeline {
    options: BuildOptions,
    render_options: RenderOptions,
    site: Site,
    theme: Theme,
    site_problems: SiteProblems,
    entries: BTreeMap<String, Arc<Entry>>,
    site_wide_paths: BTreeSet<String>,
    links: LinkIndex,
    timings: Timings,
    shared_titles: SharedTitles,
    handouts: Option<Arc<HandoutStore>>,
    /// What a build with its cache took from it, until the cache is written.
    reused: Option<reuse::Reused>,
    braille: Option<Arc<BrailleSetup>>,
}

/// The parts of a run that were re-read, before checking.
struct Draft {
    site: Site,
    theme: Theme,
    site_problems: SiteProblems,
    /// Every entry, with fresh load problems for those re-read.
    entries: BTreeMap<String, Arc<Entry>>,
    /// Notices to check and render again (all, in a full run).
    redo: BTreeSet<String>,
    /// Whether every file is made anew (a full run or a new theme).
    everything: bool,
    /// Titles that more than one notice has (they name their service).
    shared_titles: SharedTitles,
    /// The handouts made, kept between runs; `None` when handouts are off.
    handouts: Option<Arc<HandoutStore>>,
    /// What a build with its cache took from it (and the fingerprints of the rest).
    reused: Option<reuse::Reused>,
    /// How braille is made; `None` when the site asks for none, handouts are off
    /// or liblouis is missing.
    braille: Option<Arc<BrailleSetup>>,
}

impl Pipeline {
    /// Loads, checks and renders the whole site; every file goes to `sink`. On
    /// failure the sink may have had some files: discard them.
    pub fn run(options: &BuildOptions, sink: &Sink) -> Result<(Pipeline, Outcome), BuildFailure> {
        let mut timings = Timings::default();
        let started = Instant::now();
        let render_options = render_options(options)?;
        let draft = load_everything(options, None)?;
        timings.load = started.elapsed();
        let (pipeline, outcome) = finish_whole_run(options, render_options, draft, timings, sink)?;
        // A whole site was made: handouts it did not ask for belong to no page.
        if let Some(store) = &pipeline.handouts {
            store.forget_unused();
        }
        Ok((pipeline, outcome))
    }

    /// Every warning, in the order a build reports them.
    pub fn warnings(&self) -> Vec<Problem> {
        all_problems(&self.site_problems, &self.entries)
    }

    /// Every warning `build` prints, in its order, then the privacy information the
    /// notices leave out; borrowed, so counting them or taking the first few copies
    /// nothing (a large site has tens of thousands).
    pub fn all_warnings(&self) -> impl Iterator<Item = &Problem> {
        problems_in_order(&self.site_problems, &self.entries)
            .chain(self.entries.values().flat_map(|e| e.missing.iter()))
    }

    /// The warnings of the site's own files (`slug` `None`) or of one notice.
    pub fn warnings_of(&self, slug: Option<&str>) -> Vec<&Problem> {
        match slug {
            None => self.site_problems.all().collect(),
            Some(slug) => self
                .entries
                .get(slug)
                .map(|e| {
                    e.load
                        .iter()
                        .chain(&e.check)
                        .chain(e.output.iter().flat_map(|o| o.warnings.iter()))
                        .chain(&e.missing)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// How many notices the site has (read this run, or kept from the cache).
    pub fn notice_count(&self) -> usize {
        self.entries.values().filter(|e| e.output.is_some()).count()
    }

    /// The names of every entry of `content/`.
    pub fn entry_names(&self) -> impl Iterator<Item = &String> {
        self.entries.keys()
    }

    /// The privacy information the current notices leave out (one problem each).
    pub fn missing_information(&self) -> Vec<Problem> {
        self.entries
            .values()
            .flat_map(|e| e.missing.iter().cloned())
            .collect()
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    pub fn today(&self) -> Date {
        self.render_options.today
    }

    pub fn timings(&self) -> &Timings {
        &self.timings
    }

    pub fn output_dir(&self) -> std::path::PathBuf {
        self.options.output_dir_for(Some(&self.site.config))
    }

    fn all_paths(&self) -> BTreeSet<String> {
        self.entries
            .values()
            .flat_map(|e| e.paths.iter())
            .chain(&self.site_wide_paths)
            .cloned()
            .collect()
    }
}

/// Runs `step` with a sink that keeps every file in memory (for `serve`, `check` and
/// tests); returns the step's result and the files, in the order they were made.
pub fn in_memory<T>(
    step: impl FnOnce(&Sink) -> Result<T, BuildFailure>,
) -> Result<(T, Vec<OutputFile>), BuildFailure> {
    let files = Mutex::new(Vec::new());
    let result = step(&|file| {
        files
            .lock()
            .map_err(|_| Problem::thread_failed())?
            .push(file);
        Ok(())
    })?;
    Ok((result, files.into_inner().unwrap_or_default()))
}

fn render_options(options: &BuildOptions) -> Result<RenderOptions, BuildFailure> {
    let today = build_date(options.today).map_err(|problem| BuildFailure {
        problems: vec![problem],
    })?;
    Ok(RenderOptions {
        today,
        minify: options.minify,
    })
}

/// The settings as this run uses them: `--base-url` in place of site.toml's, and a
/// warning where site.toml names another clearnotice release.
fn settle_config(site: &mut Site, options: &BuildOptions, problems: &mut Vec<Problem>) {
    apply_base_url(site, options.base_url.as_deref(), problems);
    problems.extend(load::config::release_pin_warning(
        &site.config,
        &site.config_source,
    ));
}

/// Step 1 of a full run: reads site.toml, every notice, the theme and the pictures.
/// They are all read even when one is broken, so one run reports every problem. With
/// `reuse` (a build with its cache), a notice whose folder has not changed since the
/// cached run is taken from the cache instead of read.
fn load_everything(
    options: &BuildOptions,
    reuse: Option<&reuse::ReuseInput>,
) -> Result<Draft, BuildFailure> {
    let root: &Path = &options.root;
    let source = &*options.source;
    let mut site_problems = SiteProblems::default();
    let config =
        load::config::load_config(source, root).map_err(|found| site_problems.config = found);
    // The theme and pictures before the notices: the cache's key is made of them.
    let theme = load::theme::load_theme(source, root, &mut site_problems.theme);
    let pictures = load::pictures::load_pictures(source, root, &mut site_problems.pictures);
    let braille = match &config {
        Ok((config, config_source)) if !matches!(options.handouts, Handouts::Off) => {
            braille_setup(config, config_source, &mut site_problems.config).map(Arc::new)
        }
        _ => None,
    };
    let (content, reused) = match (&config, reuse) {
        (Ok((_, config_source)), Some(reuse)) => {
            let key = build_cache::inputs::site_key(
                &config_source.text,
                &pictures,
                &theme,
                options,
                braille.as_deref(),
            );
            reuse::load_content(reuse, source, root, key, &mut site_problems.content)
        }
        _ => (
            load::content::load_content(source, root, &mut site_problems.content),
            None,
        ),
    };
    let ContentRead {
        notices,
        entries,
        titles,
    } = entries_of(content, reused.as_ref());
    let Ok((config, config_source)) = config else {
        return Err(BuildFailure {
            problems: all_problems(&site_problems, &entries),
        });
    };
    let mut site = Site {
        config,
        config_source,
        notices,
        pictures,
    };
    settle_config(&mut site, options, &mut site_problems.config);
    let redo = site.notices.iter().map(|n| n.slug.clone()).collect();
    let shared_titles = SharedTitles::of(&titles);
    let handouts = handout_store(options, &site);
    Ok(Draft {
        site,
        theme,
        site_problems,
        entries,
        redo,
        everything: true,
        shared_titles,
        handouts,
        reused,
        braille,
    })
}

/// What step 1 made of `content/`: the notices read, an entry for each entry of it
/// (those the cache kept included), and every notice's titles.
struct ContentRead {
    notices: Vec<Arc<Notice>>,
    entries: BTreeMap<String, Arc<Entry>>,
    titles: Vec<NoticeTitles>,
}

fn entries_of(
    content: Vec<load::content::ContentEntry>,
    reused: Option<&reuse::Reused>,
) -> ContentRead {
    let mut notices = Vec::new();
    let mut entries = BTreeMap::new();
    let mut titles = Vec::new();
    for entry in content {
        titles.extend(entry.notice.as_ref().map(NoticeTitles::of));
        notices.extend(entry.notice.map(Arc::new));
        entries.insert(
            entry.name,
            Arc::new(Entry {
                load: entry.problems,
                ..Entry::default()
            }),
        );
    }
    for (slug, (entry, notice_titles)) in reused.iter().flat_map(|r| &r.restored) {
        entries.insert(slug.clone(), entry.clone());
        titles.push(notice_titles.clone());
    }
    ContentRead {
        notices,
        entries,
        titles,
    }
}

/// Where the run's handouts come from: none, serve's store, or the cache beside
/// the output.
fn handout_store(options: &BuildOptions, site: &Site) -> Option<Arc<HandoutStore>> {
    match &options.handouts {
        Handouts::Off => None,
        Handouts::OnRequest(store) => Some(store.clone()),
        Handouts::Make => {
            let output = options.output_dir_for(Some(&site.config));
            Some(Arc::new(HandoutStore::beside(&output)))
        }
    }
}

/// Steps 2 to 5 of a run that is not an update, with the link index it makes.
fn finish_whole_run(
    options: &BuildOptions,
    render_options: RenderOptions,
    draft: Draft,
    timings: Timings,
    sink: &Sink,
) -> Result<(Pipeline, Outcome), BuildFailure> {
    let mut links = LinkIndex::default();
    let (pipeline, outcome) = finish_run(
        options.clone(),
        render_options,
        draft,
        None,
        &mut links,
        timings,
        sink,
    )?;
    Ok((Pipeline { links, ..pipeline }, outcome))
}

/// What a run redid: everything (a build, serve's first run), every notice (a change
/// to what they all share), or the notices a save touched.
fn scope_of(before: Option<&Pipeline>, draft: &Draft) -> Scope {
    match (before, draft.everything) {
        (None, _) => Scope::Full,
        (Some(_), true) => Scope::AllNotices,
        (Some(_), false) => Scope::Notices(draft.redo.iter().cloned().collect()),
    }
}

/// The broken links of a run: of the pages a save changed (serve), of the pages a
/// cached build made and those that link to them, or of every page.
fn check_links(
    draft: &Draft,
    after_a_save: bool,
    made_links: &mut Vec<crate::check::links::PageLinks>,
    removed: &[String],
    links: &mut LinkIndex,
) -> Vec<Problem> {
    match (after_a_save, &draft.reused) {
        (true, _) => links.check_change(made_links, removed, &draft.site),
        (false, Some(reused)) => {
            reuse::check_links(std::mem::take(made_links), reused, &draft.site)
        }
        (false, None) => {
            links.apply(std::mem::take(made_links), &[]);
            links.check_all(&draft.site)
        }
    }
}

/// Steps 2 to 5 on a draft: check the notices to redo, render them (and the site-wide
/// files when anything they show changed), check the links, finish. `before` is the
/// pipeline an update starts from; `links` is its link index (empty in a full run),
/// changed only when the run succeeds.
fn finish_run(
    options: BuildOptions,
    render_options: RenderOptions,
    mut draft: Draft,
    before: Option<&Pipeline>,
    links: &mut LinkIndex,
    mut timings: Timings,
    sink: &Sink,
) -> Result<(Pipeline, Outcome), BuildFailure> {
    let started = Instant::now();
    check_notices(&mut draft, render_options.today);
    timings.check = started.elapsed();
    fail_on_errors(&draft.site_problems, &draft.entries)?;

    let (mut made, site_wide_paths) =
        render_step(&mut draft, before, &render_options, &mut timings, sink)?;

    let started = Instant::now();
    let removed = removed_paths(before, &draft.entries, &site_wide_paths);
    let broken = check_links(&draft, before.is_some(), &mut made.links, &removed, links);
    timings.links = started.elapsed();
    if !broken.is_empty() {
        return Err(failure(&draft, broken));
    }
    if options.strict {
        strict(&draft)?;
    }
    if before.is_some() {
        links.apply(made.links, &removed);
    }
    let outcome = Outcome {
        scope: scope_of(before, &draft),
        removed,
        files: made.files,
        pages: made.pages,
    };
    let pipeline = Pipeline {
        options,
        render_options,
        site: draft.site,
        theme: draft.theme,
        site_problems: draft.site_problems,
        entries: draft.entries,
        site_wide_paths,
        links: LinkIndex::default(),
        timings,
        shared_titles: draft.shared_titles,
        handouts: draft.handouts,
        reused: draft.reused,
        braille: draft.braille,
    };
    Ok((pipeline, outcome))
}
