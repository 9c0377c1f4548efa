//! The PDF handouts made, kept by the hash of everything they are made from, so a
//! build makes only the handouts whose text, layout, pictures or fonts changed.
//!
//! Kept in memory for the run (and between saves in `serve`) and on disk beside the
//! output, like the file list: `.public.clearnotice-handouts/<hash>-<pages>.pdf`.
//! The folder is a cache: deleting it only makes the next build slower.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::diagnostics::Problem;
use crate::render::handouts::{HandoutMaker, HandoutRequest, MadeFile, Typesetter};
use crate::theme::Theme;
use crate::write::kept::KeptFolder;

#[derive(Default)]
pub struct HandoutStore {
    /// The cache folder, when there is an output folder to keep it beside.
    folder: Option<KeptFolder>,
    /// Whether a handout not yet made waits until it is asked for (`serve`).
    on_request: bool,
    state: Mutex<StoreState>,
}

impl std::fmt::Debug for HandoutStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandoutStore")
            .field("folder", &self.folder)
            .field("on_request", &self.on_request)
            .finish_non_exhaustive()
    }
}

/// A handout linked but not made yet, and the theme to make it with.
struct Pending {
    request: HandoutRequest,
    key: u128,
    theme: Arc<Theme>,
}

#[derive(Default)]
struct StoreState {
    /// PDFs in memory, by key.
    made: HashMap<u128, Arc<MadeFile>>,
    /// PDFs in the cache folder, by key: their number of pages.
    on_disk: HashMap<u128, usize>,
    /// Keys asked for since the last [`HandoutStore::forget_unused`].
    used: BTreeSet<u128>,
    /// Handouts waiting to be asked for, by their paths in the site.
    pending: HashMap<String, Arc<Pending>>,
    /// The key of each handout asked for, by its paths in the site (for the build
    /// cache, which keeps a notice's handouts in use while it reuses the notice).
    keys: HashMap<String, u128>,
}

impl HandoutStore {
    /// A store with its cache beside `output` (`public` → `.public.clearnotice-handouts`).
    pub fn beside(output: &Path) -> HandoutStore {
        let folder = KeptFolder::beside(output, "handouts");
        let on_disk = folder
            .names()
            .iter()
            .filter_map(|name| parse_name(name))
            .collect();
        HandoutStore {
            folder: Some(folder),
            on_request: false,
            state: Mutex::new(StoreState {
                on_disk,
                ..StoreState::default()
            }),
        }
    }

    /// As [`HandoutStore::beside`], making a handout only when it is asked for with
    /// [`HandoutStore::make_on_request`].
    pub fn on_request_beside(output: &Path) -> HandoutStore {
        HandoutStore {
            on_request: true,
            ..HandoutStore::beside(output)
        }
    }

    /// The PDF at `path` in the site, made now if it was waiting; `None` for a path
    /// that is no handout, or one whose layout failed (its page shows the problem on
    /// the next save).
    pub fn make_on_request(&self, path: &str) -> Option<Arc<MadeFile>> {
        let pending = {
            let state = self.state.lock().expect("no panic while holding the lock");
            state.pending.get(path)?.clone()
        };
        if let Some(pdf) = self.find(pending.key) {
            return Some(pdf);
        }
        let pdf = Typesetter::new(&pending.theme)
            .make(&pending.request)
            .ok()??;
        self.keep(pending.key, pdf.clone());
        Some(pdf)
    }

    /// A store kept in memory only.
    pub fn in_memory() -> HandoutStore {
        HandoutStore::default()
    }

    /// A maker that looks here first and typesets with `theme` what is missing (or,
    /// on request, leaves it waiting).
    pub fn maker<'a>(&'a self, theme: &'a Theme) -> CachedMaker<'a> {
        CachedMaker {
            store: self,
            typesetter: Typesetter::new(theme),
            shared_theme: self.on_request.then(|| Arc::new(theme.clone())),
        }
    }

    /// Drops the PDFs no run asked for since the last call, from memory and disk, so
    /// the cache holds only the current site's handouts.
    pub fn forget_unused(&self) {
        let mut state = self.state.lock().expect("no panic while holding the lock");
        let used = std::mem::take(&mut state.used);
        state.made.retain(|key, _| used.contains(key));
        let stale: Vec<(u128, usize)> = state
            .on_disk
            .iter()
            .filter(|(key, _)| !used.contains(key))
            .map(|(key, pages)| (*key, *pages))
            .collect();
        for (key, pages) in stale {
            state.on_disk.remove(&key);
            if let Some(folder) = &self.folder {
                folder.remove(&file_name(key, pages));
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, StoreState> {
        self.state.lock().expect("no panic while holding the lock")
    }

    /// The key of the handout last asked for at `path` in the site.
    pub fn key_of(&self, path: &str) -> Option<u128> {
        self.lock().keys.get(path).copied()
    }

    /// Counts `keys` as asked for (by a notice the build cache reused), so that
    /// [`HandoutStore::forget_unused`] keeps them.
    pub fn mark_used(&self, keys: impl IntoIterator<Item = u128>) {
        self.lock().used.extend(keys);
    }

    fn find(&self, key: u128) -> Option<Arc<MadeFile>> {
        let pages = {
            let mut state = self.state.lock().expect("no panic while holding the lock");
            state.used.insert(key);
            if let Some(pdf) = state.made.get(&key) {
                return Some(pdf.clone());
            }
            *state.on_disk.get(&key)?
        };
        // Read without holding the lock: the other render threads look up their own
        // handouts meanwhile.
        let folder = self.folder.as_ref()?;
        let bytes = folder.read(&file_name(key, pages))?;
        let pdf = Arc::new(MadeFile { bytes, pages });
        // A build reads each PDF once; only serve asks again, and keeps them.
        if self.on_request {
            let mut state = self.state.lock().expect("no panic while holding the lock");
            state.made.insert(key, pdf.clone());
        }
        Some(pdf)
    }

    fn keep(&self, key: u128, pdf: Arc<MadeFile>) {
        if let Some(folder) = &self.folder {
            if folder.keep(&file_name(key, pdf.pages), &pdf.bytes).is_ok() {
                let mut state = self.state.lock().expect("no panic while holding the lock");
                state.on_disk.insert(key, pdf.pages);
            }
        }
        let mut state = self.state.lock().expect("no panic while holding the lock");
        state.used.insert(key);
        if self.on_request {
            state.made.insert(key, pdf);
        }
    }
}

fn file_name(key: u128, pages: usize) -> String {
    format!("{key:032x}-{pages}.pdf")
}

/// `<hash>-<pages>.pdf` → (hash, pages).
fn parse_name(name: &str) -> Option<(u128, usize)> {
    let (key, pages) = name.strip_suffix(".pdf")?.split_once('-')?;
    Some((u128::from_str_radix(key, 16).ok()?, pages.parse().ok()?))
}

/// Finds a handout in the store, or typesets it and keeps it.
pub struct CachedMaker<'a> {
    store: &'a HandoutStore,
    typesetter: Typesetter<'a>,
    /// The theme, shared with the handouts left waiting (on request only).
    shared_theme: Option<Arc<Theme>>,
}

impl HandoutMaker for CachedMaker<'_> {
    fn make(&self, request: &HandoutRequest) -> Result<Option<Arc<MadeFile>>, Problem> {
        let key = request.key(
            self.typesetter.theme_digest,
            &self.typesetter.fonts.fallback_digest(&request.data),
        );
        for path in &request.paths {
            self.store.lock().keys.insert(path.clone(), key);
        }
        if let Some(pdf) = self.store.find(key) {
            return Ok(Some(pdf));
        }
        if let Some(theme) = &self.shared_theme {
            let pending = Arc::new(Pending {
                request: request.clone(),
                key,
                theme: theme.clone(),
            });
            let mut state = self.store.lock();
            for path in &request.paths {
                state.pending.insert(path.clone(), pending.clone());
            }
            return Ok(None);
        }
        let pdf = self
            .typesetter
            .make(request)?
            .expect("a typesetter makes every handout");
        self.store.keep(key, pdf.clone());
        Ok(Some(pdf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_file_names_round_trip() {
        let key = 0x0123_4567_89ab_cdef_0011_2233_4455_6677u128;
        assert_eq!(parse_name(&file_name(key, 12)), Some((key, 12)));
        assert_eq!(parse_name("notes.txt"), None);
        assert_eq!(parse_name("zz-1.pdf"), None);
    }
}
