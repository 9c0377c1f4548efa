//! Steps 2 and 3 of a run: the rules for each notice to redo, then its rendering
//! (on threads of their own), the site-wide files, and what went to the sink.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rayon::prelude::*;

use super::options::{BuildFailure, Timings};
use super::problems::failure;
use super::update::same_for_site_wide;
use super::{Draft, Entry, Pipeline};
use crate::check;
use crate::check::links::PageLinks;
use crate::diagnostics::Problem;
use crate::model::{Date, Notice};
use crate::render::{assemble, NoticeOutput, OutputFile, RenderOptions, Renderer, Sink};

/// Step 3: renders the notices to redo, and the site-wide files when anything they
/// show changed; every file goes to `sink`. Returns what was made and the site-wide
/// files' paths.
pub(super) fn render_step(
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
    if let Some(braille) = &draft.braille {
        renderer = renderer.with_braille(braille);
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
        let restored = draft.reused.as_ref().map(|reused| &reused.restored);
        timings.slowest = slowest(&draft.entries, |slug| {
            restored.is_some_and(|restored| restored.contains_key(slug))
        });
    }
    let made = made.into_inner().map_err(|p| failure(draft, vec![p]))?;
    Ok((made, site_wide_paths))
}

/// The index, feeds, sitemap, stylesheets and pictures, from every notice's output;
/// returns their paths.
pub(super) fn render_site_wide(
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

/// Step 2: the rules for each notice to redo, on every core.
pub(super) fn check_notices(draft: &mut Draft, today: Date) {
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
            check::review::check_review(notice, &site.config, today, &mut found);
            if let Some(fonts) = &fonts {
                for version in &notice.versions {
                    check::handout_fonts::check_handout_fonts(version, fonts, &mut found);
                }
            }
            // The checklist's words are English: a notice in another language is
            // not checked rather than reported as missing everything.
            let checks = crate::languages::LanguageChecks::of(&site.config.language);
            if checks.readability {
                check::readability::check_readability(notice, &site.config, today, &mut found);
            }
            let missing = if checks.privacy_checklist {
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
pub(super) static RENDER_THREADS: std::sync::LazyLock<rayon::ThreadPool> =
    std::sync::LazyLock::new(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(16 << 20)
            .thread_name(|i| format!("render-{i}"))
            .build()
            .expect("a thread pool can be made")
    });

/// Step 3: renders `notices` on every core; their files go to `sink`.
pub(super) fn render_notices(
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

pub(super) fn notices_to_redo(draft: &Draft) -> Vec<Arc<Notice>> {
    draft
        .site
        .notices
        .iter()
        .filter(|n| draft.redo.contains(&n.slug))
        .cloned()
        .collect()
}

/// The notices rendered this run that took longest, leaving out those taken from the
/// build cache (their times are the last run's).
pub(super) fn slowest(
    entries: &BTreeMap<String, Arc<Entry>>,
    from_cache: impl Fn(&str) -> bool,
) -> Vec<(String, std::time::Duration)> {
    let mut slowest: Vec<(String, std::time::Duration)> = entries
        .iter()
        .filter(|(slug, _)| !from_cache(slug))
        .filter_map(|(_, e)| e.output.as_ref())
        .map(|o| (o.slug.clone(), o.elapsed))
        .collect();
    slowest.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    slowest.truncate(5);
    slowest
}

/// What went to the sink: how many files and pages, and each page's links.
#[derive(Default)]
pub(super) struct Made {
    inner: Mutex<MadeSoFar>,
}

#[derive(Default)]
pub(super) struct MadeSoFar {
    pub(super) files: usize,
    pub(super) pages: usize,
    pub(super) links: Vec<PageLinks>,
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
