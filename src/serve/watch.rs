//! Watching the site's files. notify's events are sent on as they come; the rebuild
//! loop waits until the files have been quiet for [`QUIET`] (an editor's save is
//! several events within a few milliseconds), maps the paths to a tiny enum of what
//! changed, and decides from that what to re-read and re-render.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::load::config::CONFIG_FILE;
use crate::load::content::CONTENT_DIR;
use crate::load::editor_files::is_editor_file;
use crate::load::pictures::PICTURES_DIR;
/// The folder of theme overrides (`themes/default/...`).
const THEMES_DIR: &str = "themes";

pub(crate) use crate::pipeline::Change;

/// The folders of a site that are watched (recursively) when they exist.
const WATCHED_FOLDERS: [&str; 3] = [CONTENT_DIR, THEMES_DIR, PICTURES_DIR];

/// Maps one changed path (absolute, under `root`) to what it changes, if anything.
pub(crate) fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let name = parts.last()?;
    if is_editor_file(name) {
        return None;
    }
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [file] if *file == CONFIG_FILE => Some(Change::Config),
        // The folders themselves, made or removed while serving.
        [dir] if *dir == THEMES_DIR => Some(Change::Theme),
        [dir] if *dir == PICTURES_DIR => Some(Change::Pictures),
        [dir] if *dir == CONTENT_DIR => Some(Change::ContentRoot),
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
pub(crate) fn changes_in(
    root: &Path,
    paths: impl IntoIterator<Item = PathBuf>,
) -> BTreeSet<Change> {
    paths
        .into_iter()
        .filter_map(|p| classify(root, &p))
        .collect()
}

/// Keeps the watcher alive; dropping it stops watching.
pub(crate) struct WatchHandle {
    watcher: Watching,
    /// The folders of [`WATCHED_FOLDERS`] being watched now.
    watched: Vec<&'static str>,
}

enum Watching {
    Native(RecommendedWatcher),
    Poll(PollWatcher),
}

impl WatchHandle {
    fn add(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.watcher {
            Watching::Native(w) => w.watch(path, mode),
            Watching::Poll(w) => w.watch(path, mode),
        }
    }

    /// Starts watching the folders of [`WATCHED_FOLDERS`] that have been made since
    /// (the README tells people to make `themes/default/...` and `pictures/` while
    /// previewing); returns them. The site folder's own watch sees them appear, but
    /// not what is written inside them.
    pub(crate) fn watch_new_folders(&mut self, root: &Path) -> Vec<&'static str> {
        let mut added = Vec::new();
        for folder in WATCHED_FOLDERS {
            let path = root.join(folder);
            if !self.watched.contains(&folder)
                && path.is_dir()
                && self.add(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.push(folder);
                added.push(folder);
            }
        }
        added
    }
}

/// How long the files must be quiet before a rebuild starts. Every millisecond here is
/// added to each save → reload, so it is short: editors write a save (truncate and
/// write, or write a temporary file and rename it) within a few milliseconds. The
/// debouncer used before waited 75 ms, and the loop 75 ms more: most of the time from
/// a save to the reload, even at 10,000 notices.
pub(crate) const QUIET: Duration = Duration::from_millis(30);

/// A stream of events that never goes quiet (a script writing all the time) still
/// rebuilds this often.
pub(crate) const LONGEST_WAIT: Duration = Duration::from_millis(500);

/// Starts watching `root`'s content, theme override, pictures and `site.toml` (never
/// the output). The paths of each event are sent to `tx`.
pub(crate) fn watch(
    root: &Path,
    poll: bool,
    tx: Sender<Vec<PathBuf>>,
) -> notify::Result<WatchHandle> {
    let handler = move |result: notify::Result<Event>| {
        if let Ok(event) = result {
            if !event.kind.is_access() && !event.paths.is_empty() {
                let _ = tx.send(event.paths);
            }
        }
    };
    let watcher = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        Watching::Poll(PollWatcher::new(handler, config)?)
    } else {
        Watching::Native(RecommendedWatcher::new(handler, notify::Config::default())?)
    };
    let mut handle = WatchHandle {
        watcher,
        watched: Vec::new(),
    };
    // The site folder itself, not recursively: site.toml (often replaced by a rename)
    // and folders appearing, without ever seeing the output folder's writes.
    handle.add(root, RecursiveMode::NonRecursive)?;
    handle.watch_new_folders(root);
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
            // The watched folders themselves, made while serving.
            ("/site/themes", Some(Change::Theme)),
            ("/site/pictures", Some(Change::Pictures)),
            // JetBrains' safe write and VS Code's atomic write.
            ("/site/content/general/1.0.md___jb_tmp___", None),
            ("/site/content/general/1.0.md___jb_old___", None),
            ("/site/content/general/1.0.md.tmp", None),
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
