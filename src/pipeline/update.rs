//! The incremental bookkeeping of `serve`: what a save touched ([`Change`]), and
//! redoing only that — the notices it names, and the site-wide files when what they
//! show changed — with every check still run as a full build runs it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Instant;

use super::options::{BuildFailure, Timings};
use super::{finish_run, Draft, Entry, Outcome, Pipeline};
use crate::load;
use crate::render::{SharedTitles, Sink};

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

impl Pipeline {
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
        let source = &*self.options.source;
        let mut site = self.site.clone();
        let mut site_problems = self.site_problems.clone();
        let mut entries = self.entries.clone();
        let theme_changed = changes.contains(&Change::Theme);
        let theme = if theme_changed {
            site_problems.theme.clear();
            load::theme::load_theme(source, root, &mut site_problems.theme)
        } else {
            self.theme.clone()
        };
        let mut redo = BTreeSet::new();
        for change in changes {
            let Change::Notice(slug) = change else {
                continue;
            };
            let mut problems = Vec::new();
            let notice = load::content::load_one_notice(source, root, slug, &mut problems);
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
            braille: self.braille.clone(),
        }
    }

    /// Readies the link index for updates (it takes a while on a large site, so
    /// `serve` does it before the first save rather than during it).
    pub fn prepare_for_updates(&mut self) {
        self.links.index_sources();
    }
}

/// Whether the index, feeds, sitemap and pictures would come out as they are: the
/// usual edit of a notice's text changes none of what they show.
pub(super) fn same_for_site_wide(
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
pub(super) fn removed_paths(
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
