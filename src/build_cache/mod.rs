//! The build cache: what each notice's run found and made, kept beside the output
//! between runs (`public` → `.public.clearnotice-cache`), so that `build` reads, checks
//! and renders again only the notices whose folder changed — or all of them when
//! site.toml, the theme, the pictures, the settings or clearnotice itself changed, or
//! when a new day changes which version is in effect.
//!
//! The cache is only ever a shortcut: a notice is reused only when its fingerprint,
//! the site key and the day's effect on it match, and every file it wrote is still in
//! the output as written; a cache that is damaged, from another clearnotice or from
//! another site is set aside with a one-line note. `build --clean` does not read it.
//! Tested by random edits, each followed by a cached and a clean build that must agree
//! byte for byte (`tests/build_cache.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Date;
use crate::render::SharedTitles;
use crate::write::kept::KeptFile;

pub(crate) mod inputs;
pub(crate) mod stored;

pub(crate) use stored::StoredNotice;

/// The first bytes of a cache file, and its format's number: a file without them is
/// not read.
const MAGIC: &[u8] = b"clearnotice build cache 4\n";

/// One run's cache, as written after a successful build.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct CacheFile {
    /// Which clearnotice wrote it (see [`inputs::tool`]).
    pub tool: String,
    /// The site's folder, as an absolute path.
    pub site: PathBuf,
    pub site_key: u128,
    /// The day the run built for.
    pub today: Date,
    pub shared_titles: SharedTitles,
    /// The paths of the files that are not any one notice's (index, feeds, stylesheets).
    pub site_wide: Vec<String>,
    /// How many notices the run built (some may not be cached: see `notices`).
    pub notice_count: usize,
    pub notices: BTreeMap<String, StoredNotice>,
    /// Bytes several notices share (easy-read pictures), by hash.
    pub blobs: BTreeMap<u128, Vec<u8>>,
}

/// The cache a build starts from.
pub(crate) struct BuildCache {
    file: KeptFile,
    /// The previous run's, when it can be trusted this far (same tool, same site).
    pub previous: Option<CacheFile>,
    /// Why the cache was set aside, for the terminal.
    pub note: Option<String>,
    /// The hash of the file as read, so an unchanged cache is not written again.
    read_hash: Option<u128>,
}

impl BuildCache {
    /// The cache beside `output` for the site in `root`; `read` false (`--clean`)
    /// starts from nothing.
    pub(crate) fn open(output: &Path, root: &Path, read: bool) -> BuildCache {
        let file = KeptFile::beside(output, "cache");
        let mut cache = BuildCache {
            file,
            previous: None,
            note: None,
            read_hash: None,
        };
        if !read {
            return cache;
        }
        let Some(bytes) = cache.file.read() else {
            return cache;
        };
        cache.read_hash = Some(crate::write::manifest::hash(&bytes));
        let shown = cache.file.path().display();
        let decoded = bytes
            .strip_prefix(MAGIC)
            .and_then(|rest| postcard::from_bytes::<CacheFile>(rest).ok());
        match decoded {
            None => {
                cache.note = Some(format!(
                    "the build cache {shown} could not be read (damaged, or from an older clearnotice): every notice is built again"
                ));
            }
            Some(previous) if previous.tool != inputs::tool() => {
                cache.note = Some(format!(
                    "the build cache {shown} was made by another clearnotice ({}): every notice is built again",
                    previous.tool
                ));
            }
            Some(previous) if previous.site != absolute(root) => {
                cache.note = Some(format!(
                    "the build cache {shown} was made for another site ({}): every notice is built again",
                    previous.site.display()
                ));
            }
            Some(previous) => cache.previous = Some(previous),
        }
        cache
    }

    /// Writes `file` in place of the cache, whole or not at all. A cache that cannot
    /// be written only makes the next build slower, so failing is not an error.
    pub(crate) fn save(&self, file: &CacheFile) {
        let Ok(body) = postcard::to_stdvec(file) else {
            return;
        };
        let bytes = [MAGIC, &body].concat();
        if self.read_hash == Some(crate::write::manifest::hash(&bytes)) {
            return;
        }
        let _ = self.file.replace(&bytes);
    }
}

pub(crate) fn absolute(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}
