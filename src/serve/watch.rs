//! Watching the site's files. Raw notify events (already debounced, so an editor's
//! burst of writes arrives as one batch) are mapped to a tiny enum of what changed;
//! the rebuild decides from that what to re-read and re-render.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, Debouncer, NoCache, RecommendedCache,
};

use crate::load::config::CONFIG_FILE;
use crate::load::content::CONTENT_DIR;
use crate::load::pictures::PICTURES_DIR;
/// The folder of theme overrides (`themes/default/...`).
const THEMES_DIR: &str = "themes";

/// What a batch of file events means for the site.
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
    /// A file directly in `content/`.
    ContentRoot,
}

/// Editors' temporary files, which never change the site: vim's swap files and its
/// `4913` write test, emacs's `#file#` and `.#file` locks, `file~` backups, hidden files,
/// and the `.tmp` files some editors write before renaming over the real one.
pub fn is_editor_noise(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Maps one changed path (absolute, under `root`) to what it changes, if anything.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let name = parts.last()?;
    if is_editor_noise(name) {
        return None;
    }
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [file] if *file == CONFIG_FILE => Some(Change::Config),
        [dir, ..] if *dir == PICTURES_DIR => Some(Change::Pictures),
        [dir, _, ..] if *dir == THEMES_DIR => Some(Change::Theme),
        [dir, slug, _, ..] if *dir == CONTENT_DIR => Some(Change::Notice(slug.to_string())),
        // A folder in content/ made, removed or renamed: a notice appears or goes.
        [dir, slug] if *dir == CONTENT_DIR && !path.is_file() => {
            Some(Change::Notice(slug.to_string()))
        }
        [dir, _] if *dir == CONTENT_DIR => Some(Change::ContentRoot),
        _ => None,
    }
}

/// The changes in a batch of events, each once.
pub fn changes_in(root: &Path, paths: impl IntoIterator<Item = PathBuf>) -> BTreeSet<Change> {
    paths
        .into_iter()
        .filter_map(|p| classify(root, &p))
        .collect()
}

/// Keeps the watcher alive; dropping it stops watching.
pub enum WatchHandle {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// How long the debouncer waits for an editor to finish writing before it reports.
pub const DEBOUNCE: Duration = Duration::from_millis(75);

/// Starts watching `root`'s content, theme override, pictures and `site.toml` (never
/// the output). Each debounced batch of changed paths is sent to `tx`.
pub fn watch(root: &Path, poll: bool, tx: Sender<Vec<PathBuf>>) -> notify::Result<WatchHandle> {
    let handler = move |result: DebounceEventResult| {
        if let Ok(events) = result {
            let paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| !e.kind.is_access())
                .flat_map(|e| e.event.paths)
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    };
    let mut handle = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        WatchHandle::Poll(new_debouncer_opt::<_, PollWatcher, NoCache>(
            DEBOUNCE, None, handler, NoCache, config,
        )?)
    } else {
        WatchHandle::Native(new_debouncer(DEBOUNCE, None, handler)?)
    };
    let mut add = |path: &Path, mode: RecursiveMode| -> notify::Result<()> {
        match &mut handle {
            WatchHandle::Native(d) => d.watch(path, mode),
            WatchHandle::Poll(d) => d.watch(path, mode),
        }
    };
    // The site folder itself, not recursively: site.toml (often replaced by a rename)
    // and folders appearing, without ever seeing the output folder's writes.
    add(root, RecursiveMode::NonRecursive)?;
    for dir in [CONTENT_DIR, THEMES_DIR, PICTURES_DIR] {
        let path = root.join(dir);
        if path.is_dir() {
            add(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(handle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_path_maps_to_its_change() {
        let root = Path::new("/site");
        let cases: &[(&str, Option<Change>)] = &[
            ("/site/site.toml", Some(Change::Config)),
            (
                "/site/content/general/1.0.md",
                Some(Change::Notice("general".into())),
            ),
            (
                "/site/content/general/1.0.easy-read.md",
                Some(Change::Notice("general".into())),
            ),
            (
                "/site/content/general/map.png",
                Some(Change::Notice("general".into())),
            ),
            (
                "/site/content/new-notice",
                Some(Change::Notice("new-notice".into())),
            ),
            (
                "/site/themes/default/templates/base.html",
                Some(Change::Theme),
            ),
            ("/site/themes/default/css/base.css", Some(Change::Theme)),
            ("/site/pictures/phone.svg", Some(Change::Pictures)),
            // Editors' temporary files (vim, emacs, backups) and the output never count.
            ("/site/content/general/.1.0.md.swp", None),
            ("/site/content/general/1.0.md~", None),
            ("/site/content/general/4913", None),
            ("/site/content/general/#1.0.md#", None),
            ("/site/content/general/.#1.0.md", None),
            ("/site/.site.toml.tmp", None),
            ("/site/public/index.html", None),
            ("/site/public", None),
            ("/site/README.md", None),
            ("/elsewhere/site.toml", None),
        ];
        for (path, expected) in cases {
            assert_eq!(&classify(root, Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn a_burst_of_events_is_one_change_each() {
        let root = Path::new("/site");
        let paths = [
            "/site/content/a/1.0.md",
            "/site/content/a/1.0.md",
            "/site/content/a/.1.0.md.swp",
            "/site/content/a/1.0.md",
        ]
        .map(PathBuf::from);
        assert_eq!(
            changes_in(root, paths).into_iter().collect::<Vec<_>>(),
            [Change::Notice("a".into())]
        );
    }
}
