//! A build with its cache (see [`crate::build_cache`]): the notices whose folders did
//! not change are taken from the cache instead of read, checked and rendered; their
//! files stay in the output as they are. Everything else runs as in a full run, and
//! the link check looks again at every page that could have changed.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::options::{BuildFailure, BuildOptions, Timings};
use super::{finish_whole_run, load_everything, render_options, Draft, Entry, Outcome, Pipeline};
use crate::build_cache::inputs::{
    fingerprint_folder, settled_before_now, FolderPrint, FolderStamps,
};
use crate::build_cache::stored::{restore_all, store_all, text_hash, DateMarks, StoredOutput};
use crate::build_cache::{absolute, inputs, CacheFile, StoredNotice};
use crate::check::links::{LinkIndex, PageLinks};
use crate::diagnostics::{Problem, SourceFile};
use crate::load::content::{list_content, load_entry, ContentEntry};
use crate::load::source::Source;
use crate::model::Date;
use crate::render::titles::NoticeTitles;
use crate::render::{NoticeOutput, Sink, SiteWideEntry};

/// What the build tells the pipeline about its output and cache.
pub struct ReuseInput<'a> {
    /// The previous run's cache, if it can be trusted this far.
    pub previous: Option<&'a CacheFile>,
    pub today: Date,
    pub output: &'a Path,
    /// Whether the file at a path is still in the output as the last build wrote it.
    pub as_written: &'a (dyn Fn(&str) -> bool + Sync),
    /// Every file the previous build wrote (shared: 90,000 paths at 10,000 notices).
    pub previous_paths: Arc<PathSet>,
}

/// Paths of the output, hashed with rustc's FxHash (see [`crate::write::manifest`]).
pub type PathSet = HashSet<String, rustc_hash::FxBuildHasher>;

/// What a build took from its cache.
#[derive(Default)]
pub(super) struct Reused {
    /// The notices taken from the cache: their entries and titles (the rest of what
    /// the cache had stays in it, to be written back).
    pub restored: BTreeMap<String, (Arc<Entry>, NoticeTitles)>,
    /// The fingerprints of the notices read afresh.
    pub fingerprints: BTreeMap<String, u128>,
    /// The stamps of every notice's folder that had settled (see [`FolderStamps`]).
    stamps: BTreeMap<String, FolderStamps>,
    output: PathBuf,
    previous_paths: Arc<PathSet>,
    /// The last run's site-wide files and what they showed of each notice, when they
    /// are all still in the output as written (and the site key is the same).
    previous_site_wide: Option<PreviousSiteWide>,
    /// The site-wide files kept as they are, when nothing they show changed.
    site_wide_kept: Option<BTreeSet<String>>,
}

/// What the last run's index, feeds, sitemap and pictures were made from.
struct PreviousSiteWide {
    paths: BTreeSet<String>,
    /// A hash of what they showed of each notice (see [`shown_hash`]), by slug.
    notices: BTreeMap<String, u128>,
}

/// A hash of what the site-wide files show of a notice: its entries per language and
/// its pictures (path and the hash of their bytes), so the last run's can be kept
/// for 10,000 notices without a copy of each.
fn shown_hash(languages: &[Option<SiteWideEntry>], pictures: &[(String, u128)]) -> u128 {
    let encoded = postcard::to_stdvec(&(languages, pictures)).unwrap_or_default();
    crate::write::manifest::hash(&encoded)
}

impl Reused {
    fn kept_paths(&self) -> impl Iterator<Item = &String> {
        self.restored
            .values()
            .flat_map(|(entry, _)| &entry.paths)
            .chain(self.site_wide_kept.iter().flatten())
    }

    /// The site-wide files' paths, if they would come out as the last run wrote them:
    /// the same notices, each showing in them what it showed then (the rule `serve`
    /// follows within a run). They are then kept rather than made again.
    pub(super) fn keep_site_wide(
        &mut self,
        entries: &BTreeMap<String, Arc<Entry>>,
    ) -> Option<BTreeSet<String>> {
        let previous = self.previous_site_wide.as_ref()?;
        let notices: Vec<(&String, &NoticeOutput)> = entries
            .iter()
            .filter_map(|(slug, e)| Some((slug, e.output.as_deref()?)))
            .collect();
        // A notice taken from the cache shows what it showed: only the others are
        // compared.
        let same = notices.len() == previous.notices.len()
            && notices.iter().all(|(slug, output)| {
                let then = previous.notices.get(*slug);
                self.restored.contains_key(*slug)
                    || then.is_some_and(|then| *then == shown_hash_of(output))
            });
        if !same {
            return None;
        }
        self.site_wide_kept = Some(previous.paths.clone());
        self.site_wide_kept.clone()
    }
}

/// What a build kept from the last: how many notices, and their files.
pub struct Kept {
    pub notices: usize,
    pub paths: Vec<String>,
}

/// A notice's entry of `content/`: read afresh, or taken from the cache.
enum Loaded {
    Fresh(ContentEntry, Option<u128>),
    Restored(String, Arc<Entry>, NoticeTitles),
}

/// [`shown_hash`] of a notice's new output.
fn shown_hash_of(output: &NoticeOutput) -> u128 {
    let pictures: Vec<(String, u128)> = output
        .pictures
        .iter()
        .map(|(path, bytes)| (path.clone(), crate::write::manifest::hash(bytes)))
        .collect();
    shown_hash(&output.languages, &pictures)
}

impl Pipeline {
    /// As [`Pipeline::run`], for `build` with its cache: returns too the files kept
    /// from the last build (to be kept in the output) and the cache to write once the
    /// site is in place. A failure is reported as a run without the cache reports it.
    pub fn run_reusing(
        options: &BuildOptions,
        sink: &Sink,
        previous: Option<CacheFile>,
        input: ReuseInput,
    ) -> Result<(Pipeline, Outcome, Kept, CacheFile), BuildFailure> {
        let started = std::time::Instant::now();
        let render_options = render_options(options)?;
        let input = ReuseInput {
            today: render_options.today,
            previous: previous.as_ref(),
            ..input
        };
        let draft = load_reusing(options, input)?;
        if let (Some(store), Some(reused)) = (&draft.handouts, &draft.reused) {
            let cached = reused.restored.keys();
            let kept = cached.filter_map(|slug| previous.as_ref()?.notices.get(slug));
            store.mark_used(kept.flat_map(|s| s.handouts.iter().copied()));
        }
        let timings = Timings {
            load: started.elapsed(),
            ..Timings::default()
        };
        let restored = draft
            .reused
            .as_ref()
            .is_some_and(|r| !r.restored.is_empty());
        let result = finish_whole_run(options, render_options, draft, timings, sink);
        let (mut pipeline, mut outcome) = match result {
            Ok(done) => done,
            // The cache has no texts of the notices it kept: a run without it names
            // every problem where it was written, as a clean build does.
            Err(failure) if restored => {
                return Err(Pipeline::run(options, &|_| Ok(())).err().unwrap_or(failure))
            }
            Err(failure) => return Err(failure),
        };
        if let Some(store) = &pipeline.handouts {
            store.forget_unused();
        }
        let reused = pipeline.reused.take().unwrap_or_default();
        let kept = Kept {
            notices: reused.restored.len(),
            paths: reused.kept_paths().cloned().collect(),
        };
        outcome.files += kept.paths.len();
        outcome.pages += kept.paths.iter().filter(|p| p.ends_with(".html")).count();
        let file = pipeline.cache_file(options, reused, previous);
        Ok((pipeline, outcome, kept, file))
    }

    /// The key of what every notice's output depends on besides its own folder.
    fn site_key(&self, options: &BuildOptions) -> u128 {
        inputs::site_key(
            &self.site.config_source.text,
            &self.site.pictures,
            &self.theme,
            options,
            self.braille.as_deref(),
        )
    }

    /// What the cache keeps of this run.
    fn cache_file(
        &self,
        options: &BuildOptions,
        reused: Reused,
        previous: Option<CacheFile>,
    ) -> CacheFile {
        let fingerprints = &reused.fingerprints;
        let CacheFile {
            notices: mut previous_notices,
            blobs: previous_blobs,
            ..
        } = previous.unwrap_or_default();
        // What the cache had of the notices it gave back, moved rather than copied.
        let mut stored: BTreeMap<String, StoredNotice> = reused
            .restored
            .into_keys()
            .filter_map(|slug| {
                let mut kept = previous_notices.remove(&slug)?;
                kept.stamps = reused.stamps.get(&slug).cloned();
                Some((slug, kept))
            })
            .collect();
        let mut blobs = BTreeMap::new();
        // Made only if a notice was read afresh: a font set takes a while to make.
        let fonts = std::cell::OnceCell::new();
        let fonts = || {
            self.handouts
                .as_ref()
                .map(|_| fonts.get_or_init(|| crate::theme::fonts::Fonts::of(&self.theme)))
        };
        for notice in &self.site.notices {
            let (Some(entry), Some(fingerprint)) = (
                self.entries.get(&notice.slug),
                fingerprints.get(&notice.slug),
            ) else {
                continue;
            };
            let Some(output) = &entry.output else {
                continue;
            };
            if fonts().is_some_and(|fonts| {
                crate::check::handout_fonts::needs_installed_fonts(notice, fonts)
            }) {
                continue;
            }
            let stamps = reused.stamps.get(&notice.slug).cloned();
            let kept =
                self.stored_notice(notice, entry, output, (*fingerprint, stamps), &mut blobs);
            stored.insert(notice.slug.clone(), kept);
        }
        keep_pictures(&stored, &previous_blobs, &mut blobs);
        CacheFile {
            tool: inputs::tool(),
            site: absolute(&options.root),
            site_key: self.site_key(options),
            today: self.render_options.today,
            shared_titles: self.shared_titles.clone(),
            site_wide: self.site_wide_paths.iter().cloned().collect(),
            notice_count: self.notice_count(),
            notices: stored,
            blobs,
        }
    }
}

impl Pipeline {
    /// What the cache keeps of a notice read afresh this run.
    fn stored_notice(
        &self,
        notice: &crate::model::Notice,
        entry: &Entry,
        output: &NoticeOutput,
        (fingerprint, stamps): (u128, Option<FolderStamps>),
        blobs: &mut BTreeMap<u128, Vec<u8>>,
    ) -> StoredNotice {
        let handouts = self
            .handouts
            .iter()
            .flat_map(|store| entry.paths.iter().filter_map(|p| store.key_of(p)))
            .collect();
        StoredNotice {
            slug: notice.slug.clone(),
            fingerprint,
            stamps,
            dates: DateMarks::of(notice, &self.site.config),
            titles: NoticeTitles::of(notice),
            load: store_all(&entry.load),
            check: store_all(&entry.check),
            missing: store_all(&entry.missing),
            output: StoredOutput::of(output, blobs),
            paths: entry.paths.iter().cloned().collect(),
            handouts,
        }
    }
}

/// Step 1 of a build with its cache. A title that became shared, or stopped being,
/// renames pages of notices that did not change: then nothing is reused.
fn load_reusing(options: &BuildOptions, input: ReuseInput) -> Result<Draft, BuildFailure> {
    let draft = load_everything(options, Some(&input))?;
    let renamed = input
        .previous
        .is_some_and(|p| p.shared_titles != draft.shared_titles);
    let restored_any = draft
        .reused
        .as_ref()
        .is_some_and(|r| !r.restored.is_empty());
    if !(renamed && restored_any) {
        return Ok(draft);
    }
    let fresh = ReuseInput {
        previous: None,
        ..input
    };
    load_everything(options, Some(&fresh))
}

/// Step 1 with the cache: lists `content/`, and for each notice folder whose
/// fingerprint, days and files match the cache, takes its entry from the cache.
pub(super) fn load_content(
    input: &ReuseInput,
    source: &dyn Source,
    root: &Path,
    site_key: u128,
    problems: &mut Vec<Problem>,
) -> (Vec<ContentEntry>, Option<Reused>) {
    let mut reused = Reused {
        output: input.output.to_path_buf(),
        previous_paths: Arc::clone(&input.previous_paths),
        ..Reused::default()
    };
    let Some(listed) = list_content(source, root, problems) else {
        return (Vec::new(), Some(reused));
    };
    let previous = input.previous.filter(|p| p.site_key == site_key);
    reused.previous_site_wide = previous.and_then(|p| previous_site_wide(p, input));
    let settled_before = settled_before_now();
    // Each entry with the stamps of its folder, when settled, to keep for next time.
    let loaded: Vec<(Option<FolderStamps>, Loaded)> = listed
        .into_par_iter()
        .map(|(name, entry)| {
            // A folder's stamps tell its fingerprint whatever the site key says.
            let known = input.previous.and_then(|p| {
                let stored = p.notices.get(&name)?;
                Some((stored.stamps.as_ref()?, stored.fingerprint))
            });
            let print = entry.as_ref().ok().and_then(|(path, shown)| {
                fingerprint_folder(source, path, shown, known, settled_before)
            });
            let stamps = print.as_ref().and_then(|p| p.stamps.clone());
            let cached = previous.and_then(|p| Some((p, p.notices.get(&name)?)));
            if let (Some(print), Some((previous, stored))) = (&print, cached) {
                if let Some(entry) = restore(stored, print, previous, input, (source, root)) {
                    let titles = stored.titles.clone();
                    return (stamps, Loaded::Restored(name, Arc::new(entry), titles));
                }
            }
            let fingerprint = print.map(|p| p.fingerprint);
            (
                stamps,
                Loaded::Fresh(load_entry(source, name, entry), fingerprint),
            )
        })
        .collect();
    let mut fresh = Vec::new();
    for (stamps, loaded) in loaded {
        let name = match &loaded {
            Loaded::Fresh(entry, _) => &entry.name,
            Loaded::Restored(name, ..) => name,
        };
        if let Some(stamps) = stamps {
            reused.stamps.insert(name.clone(), stamps);
        }
        match loaded {
            Loaded::Fresh(entry, fingerprint) => {
                if let Some(fingerprint) = fingerprint {
                    reused.fingerprints.insert(entry.name.clone(), fingerprint);
                }
                fresh.push(entry);
            }
            Loaded::Restored(name, entry, titles) => {
                reused.restored.insert(name, (entry, titles));
            }
        }
    }
    (fresh, Some(reused))
}

/// The last run's site-wide files, if every one is still in the output as written and
/// every notice of that run was cached (a notice left out of the cache, such as one
/// needing the computer's fonts, is redone, so the comparison would lack it).
fn previous_site_wide(previous: &CacheFile, input: &ReuseInput) -> Option<PreviousSiteWide> {
    if previous.site_wide.is_empty() || previous.notices.len() != previous.notice_count {
        return None;
    }
    if !previous.site_wide.par_iter().all(|p| (input.as_written)(p)) {
        return None;
    }
    Some(PreviousSiteWide {
        paths: previous.site_wide.iter().cloned().collect(),
        notices: previous
            .notices
            .iter()
            .map(|(slug, stored)| {
                let output = &stored.output;
                (
                    slug.clone(),
                    shown_hash(&output.languages, &output.pictures),
                )
            })
            .collect(),
    })
}

/// The notice's entry from the cache, if it can be trusted: the same folder, the
/// same effect of the day, every file still in the output, every problem's text found.
fn restore(
    stored: &StoredNotice,
    print: &FolderPrint,
    previous: &CacheFile,
    input: &ReuseInput,
    site: (&dyn Source, &Path),
) -> Option<Entry> {
    if stored.fingerprint != print.fingerprint
        || !stored.dates.same_on(previous.today, input.today)
        || !stored.paths.iter().all(|p| (input.as_written)(p))
    {
        return None;
    }
    let found: RefCell<HashMap<PathBuf, Option<SourceFile>>> = RefCell::default();
    let texts = |path: &PathBuf, hash: u128| -> Option<SourceFile> {
        let mut found = found.borrow_mut();
        found
            .entry(path.clone())
            .or_insert_with(|| text_of(path, print, site))
            .clone()
            .filter(|source| text_hash(&source.text) == hash)
    };
    Some(Entry {
        load: restore_all(&stored.load, &texts)?,
        check: restore_all(&stored.check, &texts)?,
        output: Some(Arc::new(stored.output.restore(
            &stored.slug,
            &previous.blobs,
            &texts,
        )?)),
        paths: stored.paths.iter().cloned().collect(),
        missing: restore_all(&stored.missing, &texts)?,
    })
}

/// The text of the file a problem points into: one of the notice's files as read for
/// its fingerprint, or another file of the site (read from `site`: its source and
/// folder).
fn text_of(path: &PathBuf, print: &FolderPrint, site: (&dyn Source, &Path)) -> Option<SourceFile> {
    let (source, root) = site;
    match print.files.iter().find(|(shown, _)| shown == path) {
        Some((shown, bytes)) => crate::load::text::decode(bytes, shown)
            .ok()
            .map(|text| SourceFile::new(shown.clone(), text)),
        None => crate::load::text::read_text(source, &root.join(path), path).ok(),
    }
}

/// The link check of a build with its cache. The pages of the kept notices had no
/// broken link last time, and still have none if nothing they link to went or lost
/// an id: then only the pages made anew are checked (against the kept files, read
/// back from the output where they are linked to). Otherwise every page is.
pub(super) fn check_links(
    made: Vec<PageLinks>,
    reused: &Reused,
    site: &crate::model::Site,
) -> Vec<Problem> {
    let kept: HashSet<&str, rustc_hash::FxBuildHasher> =
        reused.kept_paths().map(String::as_str).collect();
    if kept.is_empty() {
        return LinkIndex::new(made).check_all(site);
    }
    let made_paths: HashSet<&str> = made.iter().map(|p| p.path.as_str()).collect();
    let removed = reused
        .previous_paths
        .iter()
        .any(|p| !made_paths.contains(p.as_str()) && !kept.contains(p.as_str()));
    let ids_changed = || {
        made.par_iter().any(|page| {
            page.path.ends_with(".html")
                && reused.previous_paths.contains(&page.path)
                && read_back(&reused.output, &page.path).is_none_or(|old| old.ids != page.ids)
        })
    };
    if removed || ids_changed() {
        let mut pages = made;
        pages.par_extend(kept.par_iter().filter_map(|p| read_back(&reused.output, p)));
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        return LinkIndex::new(pages).check_all(site);
    }
    // A kept file that a new page links to: read back for its ids where the link
    // names one; otherwise only its being there matters.
    let mut linked: BTreeMap<String, bool> = BTreeMap::new();
    for page in &made {
        for (target, fragment) in crate::check::links::targets_with_fragments(page) {
            if kept.contains(target.as_str()) {
                *linked.entry(target).or_default() |= fragment;
            }
        }
    }
    let checked: HashSet<String> = made.iter().map(|p| p.path.clone()).collect();
    let mut pages = made;
    pages.par_extend(linked.into_par_iter().filter_map(|(path, fragment)| {
        if fragment {
            read_back(&reused.output, &path)
        } else {
            Some(PageLinks {
                path,
                ids: HashSet::new(),
                links: Vec::new(),
            })
        }
    }));
    LinkIndex::new(pages).check_only(&checked, site)
}

/// A file of the output as the link check sees it.
fn read_back(output: &Path, path: &str) -> Option<PageLinks> {
    let bytes = crate::write::kept::read_output_file(output, path)?;
    Some(PageLinks::of(&crate::output::OutputFile {
        path: path.to_string(),
        bytes,
    }))
}

/// The pictures of the notices kept from the last run, from its cache into the new.
fn keep_pictures(
    stored: &BTreeMap<String, StoredNotice>,
    previous: &BTreeMap<u128, Vec<u8>>,
    blobs: &mut BTreeMap<u128, Vec<u8>>,
) {
    for (_, hash) in stored.values().flat_map(|n| &n.output.pictures) {
        if let Some(bytes) = previous.get(hash) {
            blobs.entry(*hash).or_insert_with(|| bytes.clone());
        }
    }
}
