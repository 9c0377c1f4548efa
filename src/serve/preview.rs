//! The preview as last served, kept on disk beside the output folder (`public` →
//! `.public.clearnotice-preview`, with the list of its files as `build` keeps one).
//! The next `serve` opens its pages at once from there while it builds the site again
//! (at 10,000 notices that build took 8 s before the first page could open); then the
//! new pages replace them, and open pages reload if any differs. What a save changes
//! is not written here: the next start builds it again anyway.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::http::{Served, Snapshot};
use crate::diagnostics::Problem;
use crate::write::{manifest, Staging};

/// The last preview: where it is, and the hash of each of its files by path.
pub(crate) struct LastPreview {
    folder: PathBuf,
    pub hashes: HashMap<String, u128, rustc_hash::FxBuildHasher>,
}

impl LastPreview {
    /// Its files, served from disk.
    pub(crate) fn snapshot(&self) -> Snapshot {
        Snapshot {
            files: self
                .hashes
                .keys()
                .map(|path| (path.clone(), Served::Disk))
                .collect(),
            folder: Some(self.folder.clone()),
        }
    }

    /// Whether `files` differ from it: a page open on it must then reload.
    pub(crate) fn differs_from(&self, files: &[crate::render::OutputFile]) -> bool {
        files.len() != self.hashes.len()
            || files
                .par_iter()
                .any(|file| self.hashes.get(&file.path) != Some(&manifest::hash(&file.bytes)))
    }
}

fn folder(output: &Path) -> PathBuf {
    crate::write::guard::beside(output, "preview")
}

/// The preview kept beside `output`, if there is one that clearnotice made whole.
pub(crate) fn last(output: &Path) -> Option<LastPreview> {
    let folder = folder(output);
    let hashes = crate::write::kept::listed_files(&folder)?;
    (!hashes.is_empty()).then_some(LastPreview { folder, hashes })
}

/// Keeps `snapshot` (its files in memory) as the next start's preview, on a thread of
/// its own so that nothing waits for it. A preview that cannot be kept only makes the
/// next start slower.
pub(crate) fn keep_in_background(output: PathBuf, root: PathBuf, snapshot: Arc<Snapshot>) {
    let _ = std::thread::Builder::new()
        .name("keep preview".into())
        .spawn(move || {
            let _ = keep(&output, &root, &snapshot);
        });
}

fn keep(output: &Path, root: &Path, snapshot: &Snapshot) -> Result<(), Problem> {
    let staging = Staging::begin(&folder(output), root)?;
    let files: Vec<(&String, &Arc<Vec<u8>>)> = snapshot.in_memory().collect();
    files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.put_bytes(path, bytes))?;
    staging.commit()
}

impl super::Rebuilder {
    /// The build a warm start makes while the last preview is served: its pages
    /// replace the preview's (open pages reload if any differs), its warnings are
    /// shown, and it is kept as the next start's preview. If it fails, the preview
    /// stays served under the error, as the last good site is after a broken save.
    pub(super) fn build_after_warm_start(
        &mut self,
        last: &LastPreview,
        report: &impl Fn(&super::ServeEvent),
    ) {
        let started = std::time::Instant::now();
        let built = super::build_all(&self.options);
        self.state.ready.send_replace(true);
        let (pipeline, files) = match built {
            Ok(built) => built,
            Err(problems) => return self.show_failure(problems, report),
        };
        let differs = last.differs_from(&files);
        let count = files.len();
        self.publish(true, files, &[]);
        let warnings = super::Warnings::of(&pipeline, &super::Scope::Full, &mut self.warned);
        self.pipeline = Some(pipeline);
        self.good_status = warnings.status();
        self.set_status(self.good_status.clone());
        if differs {
            let _ = self.state.events.send(super::LiveEvent::Reload);
        }
        let _ = self
            .state
            .events
            .send(super::LiveEvent::Status(self.good_status.clone()));
        report(&super::ServeEvent::Rebuilt {
            scope: super::Scope::Full,
            millis: started.elapsed().as_millis(),
            files: count,
            warnings: warnings.count,
            new_warnings: warnings.new,
        });
        if let Ok(served) = self.state.snapshot.read().map(|s| s.clone()) {
            keep_in_background(self.output.clone(), self.root.clone(), served);
        }
    }
}
