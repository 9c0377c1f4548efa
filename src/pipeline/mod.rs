//! The one build pipeline: load → check → render → link-check → finish. `build`,
//! `check` and `serve` all run it; nothing else loads, checks or renders a site.
//!
//! A [`Pipeline`] remembers what each step found for each notice, so `serve` can redo
//! a save with [`Pipeline::update`]: it narrows *what* is re-read and re-rendered (the
//! notices a save touched), never *which checks run*. Every rule, the link check of
//! the whole site, the warnings and the privacy-information check come out as a full
//! build gives them (tested). Files go to a [`Sink`] as they are made; the pipeline
//! keeps none of them, and changes nothing of itself when a run fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use crate::check::links::{LinkIndex, PageLinks};
use crate::diagnostics::{Problem, Severity};
use crate::handout_store::HandoutStore;
use crate::model::{Date, Notice, Site};
use crate::render::titles::NoticeTitles;
use crate::render::{
    assemble, NoticeOutput, OutputFile, RenderOptions, Renderer, SharedTitles, Sink,
};
use crate::theme::Theme;
pub mod options;
mod reuse;

pub use reuse::{Kept, ReuseInput};

use crate::{build_cache, check, load};
use options::{apply_base_url, build_date, BuildFailure, BuildOptions, Handouts, Timings};

/// What a save touched (told by the file watcher), and so what `update` redoes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `site.toml`: everything is read again.
    Config,
    /// The site's `pictures/`: easy-read pages may show other pictures.
    Pictures,
    /// A template, stylesheet or static file of the theme override.
    Theme,
    /// Something in `content/<slug>/` (or the folder itself, added or removed).
    Notice(String),
    /// A file directly in `content/`, or `content/` itself.
    ContentRoot,
}

impl Change {
    /// A change after which the whole site is read again.
    fn is_full(&self) -> bool {
        matches!(
            self,
            Change::Config | Change::Pictures | Change::ContentRoot
        )
    }
}

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

/// Problems of the parts of a site that are not notices.
#[derive(Debug, Clone, Default)]
struct SiteProblems {
    config: Vec<Problem>,
    content: Vec<Problem>,
    theme: Vec<Problem>,
    pictures: Vec<Problem>,
}

impl SiteProblems {
    /// site.toml's, content/'s, the theme's, then the pictures'.
    fn all(&self) -> impl Iterator<Item = &Problem> {
        self.config
            .iter()
            .chain(&self.content)
            .chain(&self.theme)
            .chain(&self.pictures)
    }
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

    /// Redoes what `changes` touched; every file that changed goes to `sink`. On
    /// failure nothing of the pipeline changes (and the sink's files are to be dropped).
    pub fn update(
        &mut self,
        changes: &BTreeSet<Change>,
        sink: &Sink,
    ) -> Result<Outcome, BuildFailure> {
        if changes.iter().any(Change::is_full) {
            let (fresh, mut outcome) = Pipeline::run(&self.options, sink)?;
            let after = fresh.all_paths();
            outcome.removed = self.all_paths().difference(&after).cloned().collect();
            *self = fresh;
            return Ok(outcome);
        }
        let started = Instant::now();
        let draft = self.reload(changes);
        let timings = Timings {
            load: started.elapsed(),
            ..Timings::default()
        };
        // The link index is large: it is moved out while the run reads `self`, and
        // comes back changed only if the run succeeds.
        let mut links = std::mem::take(&mut self.links);
        let result = finish_run(
            self.options.clone(),
            self.render_options.clone(),
            draft,
            Some(self),
            &mut links,
            timings,
            sink,
        );
        match result {
            Ok((pipeline, outcome)) => {
                *self = Pipeline { links, ..pipeline };
                Ok(outcome)
            }
            Err(failure) => {
                self.links = links;
                Err(failure)
            }
        }
    }

    /// Step 1 of an update: re-reads the theme and the notices that `changes` name.
    fn reload(&self, changes: &BTreeSet<Change>) -> Draft {
        let root = &self.options.root;
        let mut site = self.site.clone();
        let mut site_problems = self.site_problems.clone();
        let mut entries = self.entries.clone();
        let theme_changed = changes.contains(&Change::Theme);
        let theme = if theme_changed {
            site_problems.theme.clear();
            load::theme::load_theme(root, &mut site_problems.theme)
        } else {
            self.theme.clone()
        };
        let mut redo = BTreeSet::new();
        for change in changes {
            let Change::Notice(slug) = change else {
                continue;
            };
            let mut problems = Vec::new();
            let notice = load::content::load_one_notice(root, slug, &mut problems);
            site.notices.retain(|n| &n.slug != slug);
            let folder_gone = notice.is_none() && problems.is_empty();
            site.notices.extend(notice.map(Arc::new));
            if folder_gone {
                entries.remove(slug);
            } else {
                entries.insert(
                    slug.clone(),
                    Arc::new(Entry {
                        load: problems,
                        ..Entry::default()
                    }),
                );
            }
            redo.insert(slug.clone());
        }
        site.notices.sort_by(|a, b| a.slug.cmp(&b.slug));
        // A title that becomes shared (or stops being) renames other notices' pages.
        let shared = SharedTitles::of_site(&site);
        let renamed = shared != self.shared_titles;
        let everything = theme_changed || renamed;
        if everything {
            redo.extend(site.notices.iter().map(|n| n.slug.clone()));
        }
        Draft {
            site,
            theme,
            site_problems,
            entries,
            redo,
            everything,
            shared_titles: shared,
            handouts: self.handouts.clone(),
            reused: None,
        }
    }

    /// Readies the link index for updates (it takes a while on a large site, so
    /// `serve` does it before the first save rather than during it).
    pub fn prepare_for_updates(&mut self) {
        self.links.index_sources();
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
        self.options
            .output_dir
            .clone()
            .unwrap_or_else(|| self.options.root.join(&self.site.config.output_dir))
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

/// Step 1 of a full run: reads site.toml, every notice, the theme and the pictures.
/// They are all read even when one is broken, so one run reports every problem. With
/// `reuse` (a build with its cache), a notice whose folder has not changed since the
/// cached run is taken from the cache instead of read.
fn load_everything(
    options: &BuildOptions,
    reuse: Option<&reuse::ReuseInput>,
) -> Result<Draft, BuildFailure> {
    let root: &Path = &options.root;
    let mut site_problems = SiteProblems::default();
    let config = load::config::load_config(root).map_err(|found| site_problems.config = found);
    // The theme and pictures before the notices: the cache's key is made of them.
    let theme = load::theme::load_theme(root, &mut site_problems.theme);
    let pictures = load::pictures::load_pictures(root, &mut site_problems.pictures);
    let (content, reused) = match (&config, reuse) {
        (Ok((_, config_source)), Some(reuse)) => {
            let key =
                build_cache::inputs::site_key(&config_source.text, &pictures, &theme, options);
            reuse::load_content(reuse, root, key, &mut site_problems.content)
        }
        _ => (
            load::content::load_content(root, &mut site_problems.content),
            None,
        ),
    };
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
    if let Some(reused) = &reused {
        for (slug, (entry, stored)) in &reused.restored {
            entries.insert(slug.clone(), entry.clone());
            titles.push(stored.titles.clone());
        }
    }
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
    apply_base_url(
        &mut site,
        options.base_url.as_deref(),
        &mut site_problems.config,
    );
    site_problems
        .config
        .extend(load::config::release_pin_warning(
            &site.config,
            &site.config_source,
        ));
    let redo = site.notices.iter().map(|n| n.slug.clone()).collect();
    let shared_titles = SharedTitles::of(&titles);
    let handouts = match &options.handouts {
        Handouts::Off => None,
        Handouts::OnRequest(store) => Some(store.clone()),
        Handouts::Make => {
            let output = options
                .output_dir
                .clone()
                .unwrap_or_else(|| root.join(&site.config.output_dir));
            Some(Arc::new(HandoutStore::beside(&output)))
        }
    };
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
    })
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
    let broken = match (before, &draft.reused) {
        (Some(_), _) => links.check_change(&made.links, &removed, &draft.site),
        (None, Some(reused)) => {
            reuse::check_links(std::mem::take(&mut made.links), reused, &draft.site)
        }
        (None, None) => {
            links.apply(std::mem::take(&mut made.links), &[]);
            links.check_all(&draft.site)
        }
    };
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
    let scope = match (before, draft.everything) {
        (None, _) => Scope::Full,
        (Some(_), true) => Scope::AllNotices,
        (Some(_), false) => Scope::Notices(draft.redo.iter().cloned().collect()),
    };
    let outcome = Outcome {
        scope,
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
    };
    Ok((pipeline, outcome))
}

/// Step 3: renders the notices to redo, and the site-wide files when anything they
/// show changed; every file goes to `sink`. Returns what was made and the site-wide
/// files' paths.
fn render_step(
    draft: &mut Draft,
    before: Option<&Pipeline>,
    render_options: &RenderOptions,
    timings: &mut Timings,
    sink: &Sink,
) -> Result<(MadeSoFar, BTreeSet<String>), BuildFailure> {
    let started = Instant::now();
    let made = Made::default();
    let recording = |file: OutputFile| made.record(file, sink);
    let maker = draft
        .handouts
        .as_deref()
        .map(|store| store.maker(&draft.theme));
    let mut renderer = Renderer::with_shared_titles(
        &draft.site,
        &draft.theme,
        render_options,
        draft.shared_titles.clone(),
    )
    .map_err(|found| failure(draft, found))?;
    if let Some(maker) = &maker {
        renderer = renderer.with_handouts(maker);
    }
    let to_render = notices_to_redo(draft);
    if let Err(found) = render_notices(&renderer, to_render, &mut draft.entries, &recording) {
        return Err(failure(draft, found));
    }
    // Handouts left to be made on request are linked: to the link check they exist.
    for slug in &draft.redo {
        let waiting = draft.entries.get(slug).and_then(|e| e.output.as_ref());
        for path in waiting.into_iter().flat_map(|output| &output.waiting) {
            made.waiting(path.clone())
                .map_err(|p| failure(draft, vec![p]))?;
        }
    }
    let site_wide_same = before.is_some_and(|before| {
        !draft.everything && same_for_site_wide(&before.entries, &draft.entries)
    });
    let kept_from_cache = draft
        .reused
        .as_mut()
        .and_then(|reused| reused.keep_site_wide(&draft.entries));
    let site_wide_paths = match (before, kept_from_cache) {
        (Some(before), _) if site_wide_same => before.site_wide_paths.clone(),
        (None, Some(kept)) => kept,
        _ => render_site_wide(&renderer, draft, &recording)?,
    };
    let render_timings = renderer.timings(&[]);
    timings.render = started.elapsed();
    (timings.minify, timings.css) = (render_timings.minify, render_timings.css);
    // Only `build --timings` asks: an update does not sort 10,000 notices for it.
    if before.is_none() {
        timings.slowest = slowest(&draft.entries);
    }
    let made = made.into_inner().map_err(|p| failure(draft, vec![p]))?;
    Ok((made, site_wide_paths))
}

/// The index, feeds, sitemap, stylesheets and pictures, from every notice's output;
/// returns their paths.
fn render_site_wide(
    renderer: &Renderer,
    draft: &Draft,
    recording: &Sink,
) -> Result<BTreeSet<String>, BuildFailure> {
    let outputs: Vec<Arc<NoticeOutput>> = draft
        .entries
        .values()
        .filter_map(|e| e.output.clone())
        .collect();
    let (site_wide, errors) = renderer.render_site_wide(&outputs);
    if !errors.is_empty() {
        return Err(failure(draft, errors));
    }
    let files = assemble(&outputs, site_wide);
    let paths = files.iter().map(|f| f.path.clone()).collect();
    for file in files {
        recording(file).map_err(|p| failure(draft, vec![p]))?;
    }
    Ok(paths)
}

/// With `--strict`, any warning stops the run as an error.
fn strict(draft: &Draft) -> Result<(), BuildFailure> {
    let mut problems = all_problems(&draft.site_problems, &draft.entries);
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &mut problems {
        problem.severity = Severity::Error;
    }
    Err(BuildFailure { problems })
}

/// Step 2: the rules for each notice to redo, on every core.
fn check_notices(draft: &mut Draft, today: Date) {
    let site = &draft.site;
    let theme = &draft.theme;
    // What the handouts cannot show matters only where handouts are made.
    let fonts = draft
        .handouts
        .as_ref()
        .map(|_| crate::theme::fonts::Fonts::of(theme));
    let checked: Vec<(String, Vec<Problem>, Vec<Problem>)> = notices_to_redo(draft)
        .par_iter()
        .map(|notice| {
            let mut found = Vec::new();
            check::check_notice(notice, site, theme, &mut found);
            check::announcements::check_announcements(notice, today, &mut found);
            if let Some(fonts) = &fonts {
                for version in &notice.versions {
                    check::handout_fonts::check_handout_fonts(version, fonts, &mut found);
                }
            }
            // The checklist's words are English: a notice in another language is
            // not checked rather than reported as missing everything.
            let missing = if crate::languages::is_english(&site.config.language) {
                check::checklist::missing_items(notice, today)
            } else {
                Vec::new()
            };
            (notice.slug.clone(), found, missing)
        })
        .collect();
    for (slug, found, missing) in checked {
        if let Some(entry) = draft.entries.get_mut(&slug) {
            let entry = Arc::make_mut(entry);
            (entry.check, entry.missing) = (found, missing);
        }
    }
}

/// The threads notices render on. Typst's layout of a long handout recurses deeper
/// than a default thread's 2 MiB stack allows (a 2,000-word notice overflowed it),
/// so these have the 8 MiB of a main thread, twice over.
static RENDER_THREADS: std::sync::LazyLock<rayon::ThreadPool> = std::sync::LazyLock::new(|| {
    rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .thread_name(|i| format!("render-{i}"))
        .build()
        .expect("a thread pool can be made")
});

/// Step 3: renders `notices` on every core; their files go to `sink`.
fn render_notices(
    renderer: &Renderer,
    notices: Vec<Arc<Notice>>,
    entries: &mut BTreeMap<String, Arc<Entry>>,
    sink: &Sink,
) -> Result<(), Vec<Problem>> {
    let sink_failure = Mutex::new(None::<Problem>);
    let outputs: Vec<(NoticeOutput, BTreeSet<String>)> = RENDER_THREADS.install(|| {
        notices
            .par_iter()
            .map(|notice| {
                let mut output = renderer.render_notice(notice);
                let files = std::mem::take(&mut output.files);
                let paths = files
                    .iter()
                    .map(|f| &f.path)
                    .chain(&output.waiting)
                    .cloned()
                    .collect();
                if output.errors.is_empty() {
                    for file in files {
                        if let Err(problem) = sink(file) {
                            if let Ok(mut slot) = sink_failure.lock() {
                                slot.get_or_insert(problem);
                            }
                            break;
                        }
                    }
                }
                (output, paths)
            })
            .collect()
    });
    let mut errors: Vec<Problem> = Vec::new();
    for (mut output, paths) in outputs {
        for error in output.errors.drain(..) {
            // One broken template fails every notice: report it once.
            if !errors.iter().any(|e| e.to_string() == error.to_string()) {
                errors.push(error);
            }
        }
        if let Some(entry) = entries.get_mut(&output.slug) {
            let entry = Arc::make_mut(entry);
            entry.paths = paths;
            entry.output = Some(Arc::new(output));
        }
    }
    errors.extend(sink_failure.into_inner().ok().flatten());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn notices_to_redo(draft: &Draft) -> Vec<Arc<Notice>> {
    draft
        .site
        .notices
        .iter()
        .filter(|n| draft.redo.contains(&n.slug))
        .cloned()
        .collect()
}

/// Whether the index, feeds, sitemap and pictures would come out as they are: the
/// usual edit of a notice's text changes none of what they show.
fn same_for_site_wide(
    before: &BTreeMap<String, Arc<Entry>>,
    after: &BTreeMap<String, Arc<Entry>>,
) -> bool {
    before.len() == after.len()
        && before.iter().zip(after).all(|((a_slug, a), (b_slug, b))| {
            a_slug == b_slug
                && match (&a.output, &b.output) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a.same_for_site_wide(b),
                    (None, None) => true,
                    _ => false,
                }
        })
}

/// The files an update no longer makes.
fn removed_paths(
    before: Option<&Pipeline>,
    entries: &BTreeMap<String, Arc<Entry>>,
    site_wide_paths: &BTreeSet<String>,
) -> Vec<String> {
    let Some(before) = before else {
        return Vec::new();
    };
    let mut removed = BTreeSet::new();
    for (slug, old) in &before.entries {
        // A notice the update did not touch has the same entry: nothing of it went.
        if entries.get(slug).is_some_and(|new| Arc::ptr_eq(old, new)) {
            continue;
        }
        let new = entries.get(slug).map(|e| &e.paths);
        removed.extend(
            old.paths
                .iter()
                .filter(|p| !new.is_some_and(|new| new.contains(*p))),
        );
    }
    removed.extend(before.site_wide_paths.difference(site_wide_paths));
    // A file can move between a notice and the site-wide files (a picture).
    let now: BTreeSet<&String> = entries
        .values()
        .flat_map(|e| e.paths.iter())
        .chain(site_wide_paths)
        .collect();
    removed
        .into_iter()
        .filter(|p| !now.contains(p))
        .cloned()
        .collect()
}

fn slowest(entries: &BTreeMap<String, Arc<Entry>>) -> Vec<(String, std::time::Duration)> {
    let mut slowest: Vec<(String, std::time::Duration)> = entries
        .values()
        .filter_map(|e| e.output.as_ref())
        .map(|o| (o.slug.clone(), o.elapsed))
        .collect();
    slowest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    slowest.truncate(5);
    slowest
}

/// Every problem of a site, in the order a build reports them: site.toml, each
/// entry of content/ as it was read, the theme, the pictures, then each notice's
/// rules, then what rendering found. The one place that order is written.
fn problems_in_order<'a>(
    site: &'a SiteProblems,
    entries: &'a BTreeMap<String, Arc<Entry>>,
) -> impl Iterator<Item = &'a Problem> {
    site.config
        .iter()
        .chain(&site.content)
        .chain(entries.values().flat_map(|e| e.load.iter()))
        .chain(site.theme.iter().chain(&site.pictures))
        .chain(entries.values().flat_map(|e| e.check.iter()))
        .chain(
            entries
                .values()
                .filter_map(|e| e.output.as_deref())
                .flat_map(|o| o.warnings.iter()),
        )
}

fn all_problems(site: &SiteProblems, entries: &BTreeMap<String, Arc<Entry>>) -> Vec<Problem> {
    problems_in_order(site, entries).cloned().collect()
}

/// Stops the run if any problem found so far is an error. Looks without copying:
/// a large site has tens of thousands of warnings.
fn fail_on_errors(
    site: &SiteProblems,
    entries: &BTreeMap<String, Arc<Entry>>,
) -> Result<(), BuildFailure> {
    let site_errors = site.all().any(Problem::is_error);
    let notice_errors = entries
        .values()
        .any(|e| e.load.iter().chain(&e.check).any(Problem::is_error));
    if site_errors || notice_errors {
        Err(BuildFailure {
            problems: all_problems(site, entries),
        })
    } else {
        Ok(())
    }
}

/// A failure: the warnings found so far, then the errors that stopped the run.
fn failure(draft: &Draft, errors: Vec<Problem>) -> BuildFailure {
    let mut problems = all_problems(&draft.site_problems, &draft.entries);
    problems.extend(errors);
    BuildFailure { problems }
}

/// What went to the sink: how many files and pages, and each page's links.
#[derive(Default)]
struct Made {
    inner: Mutex<MadeSoFar>,
}

#[derive(Default)]
struct MadeSoFar {
    files: usize,
    pages: usize,
    links: Vec<PageLinks>,
}

impl Made {
    fn record(&self, file: OutputFile, sink: &Sink) -> Result<(), Problem> {
        let links = PageLinks::of(&file);
        let page = file.path.ends_with(".html");
        sink(file)?;
        let mut made = self.inner.lock().map_err(|_| Problem::thread_failed())?;
        made.files += 1;
        made.pages += usize::from(page);
        made.links.push(links);
        Ok(())
    }

    /// A file that is linked but made only when asked for (a handout in `serve`).
    fn waiting(&self, path: String) -> Result<(), Problem> {
        let mut made = self.inner.lock().map_err(|_| Problem::thread_failed())?;
        made.links.push(PageLinks {
            path,
            ids: Default::default(),
            links: Vec::new(),
        });
        Ok(())
    }

    fn into_inner(self) -> Result<MadeSoFar, Problem> {
        self.inner
            .into_inner()
            .map_err(|_| Problem::thread_failed())
    }
}
