//! `clearnotice serve`: build, serve on loopback, watch, rebuild what a save touched,
//! and reload open pages once the new pages are in place. A broken save keeps the last
//! good site served and shows the problem in the terminal and over every open page; a
//! save that only warns shows the warnings in a calm panel.
//!
//! It runs the same [`Pipeline`] as `build` (every check, the link check included),
//! narrowed to what a save touched, and never writes the output folder: the preview is
//! served from memory.

pub mod http;
pub(crate) mod preview;
pub(crate) mod watch;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::sync::{broadcast, oneshot};

use crate::diagnostics::{render_problems, Problem};
use crate::model::Date;
use crate::pipeline::options::{BuildOptions, Handouts};
use crate::pipeline::{in_memory, Change, Pipeline, Scope};
use crate::render::OutputFile;
use http::{AppState, LiveEvent, Snapshot, Status};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Poll for changes instead of waiting for the system's file events.
    pub poll: bool,
    pub base_url: Option<String>,
    pub today: Option<Date>,
}

/// What happened, for whoever shows it (the terminal, or a test).
#[derive(Debug, Clone)]
pub enum ServeEvent {
    /// The site was built (at the start) or rebuilt after a save.
    Rebuilt {
        scope: Scope,
        millis: u128,
        files: usize,
        /// How many warnings `build` would give (the warnings, then the privacy
        /// information the notices leave out).
        warnings: usize,
        /// Those not given by the build before (all of them at the start): a save
        /// shows what it caused, not the whole site's list again.
        new_warnings: Vec<Problem>,
    },
    Failed(Vec<Problem>),
    /// The last preview is served from disk while the site is built again (a
    /// `Rebuilt` or `Failed` follows).
    Preview {
        files: usize,
    },
}

/// A running server; stops when `stop` is called or it is dropped.
pub struct ServerHandle {
    pub addr: SocketAddr,
    /// How many rebuilds have been attempted since the start.
    pub rebuilds: Arc<AtomicUsize>,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    /// Shared with the rebuild loop, which adds folders made after the start.
    watcher: Arc<Mutex<Option<watch::WatchHandle>>>,
    rebuilder: Option<JoinHandle<()>>,
}

impl ServerHandle {
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
        // Dropping the watcher closes the channel, which ends the rebuild thread.
        if let Ok(mut watcher) = self.watcher.lock() {
            watcher.take();
        }
        if let Some(rebuilder) = self.rebuilder.take() {
            let _ = rebuilder.join();
        }
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// How `serve` builds: readable pages, and handouts made when the browser asks for
/// one, kept beside the site's output folder with `build`'s (so each build and preview
/// reuses the other's).
fn preview_options(
    options: &ServeOptions,
    root: &std::path::Path,
) -> (
    BuildOptions,
    Arc<crate::handout_store::HandoutStore>,
    PathBuf,
) {
    let mut build_options = BuildOptions {
        base_url: options.base_url.clone(),
        // Readable output while previewing; minifying is for publishing.
        minify: false,
        today: options.today,
        ..BuildOptions::new(root)
    };
    let config = crate::load::config::load_config(&*build_options.source, root).ok();
    let output = build_options.output_dir_for(config.as_ref().map(|(config, _)| config));
    let handouts = Arc::new(crate::handout_store::HandoutStore::on_request_beside(
        &output,
    ));
    build_options.handouts = Handouts::OnRequest(handouts.clone());
    (build_options, handouts, output)
}

/// Builds the site and starts serving and watching it. `report` hears of every
/// rebuild. A site that does not build at first is served as an error page until a
/// save fixes it.
pub fn start(
    options: ServeOptions,
    report: impl Fn(&ServeEvent) + Send + 'static,
) -> std::io::Result<ServerHandle> {
    let root = options.root.canonicalize()?;
    let (build_options, handouts, output) = preview_options(&options, &root);
    // A warm start serves the last preview at once and builds in the background.
    let last = preview::last(&output);
    let (pipeline, snapshot, status, warned) = match &last {
        Some(last) => {
            report(&ServeEvent::Preview {
                files: last.hashes.len(),
            });
            (None, last.snapshot(), Status::Ok, WarningKeys::new())
        }
        None => first_build(&build_options, &report),
    };
    let built = pipeline.is_some();
    let good_status = match &status {
        Status::Error(_) => Status::Ok,
        other => other.clone(),
    };
    let (events, _) = broadcast::channel(64);
    let state = Arc::new(AppState {
        snapshot: RwLock::new(Arc::new(snapshot)),
        status: RwLock::new(status),
        events,
        handouts,
        ready: tokio::sync::watch::Sender::new(last.is_none()),
    });
    if built {
        let served = state.snapshot.read().map(|s| s.clone());
        if let Ok(served) = served {
            preview::keep_in_background(output.clone(), root.clone(), served);
        }
    }

    let listener = TcpListener::bind((options.bind, options.port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let (shutdown, shutdown_rx) = oneshot::channel();
    let server = serve_http(listener, state.clone(), shutdown_rx);

    let (tx, rx) = mpsc::channel();
    let watcher = watch::watch(&root, options.poll, tx).map_err(std::io::Error::other)?;
    let watcher = Arc::new(Mutex::new(Some(watcher)));
    let rebuilds = Arc::new(AtomicUsize::new(0));
    let rebuilder = {
        let (counter, watcher) = (rebuilds.clone(), watcher.clone());
        let site = Rebuilder {
            root,
            output,
            last,
            options: build_options,
            pipeline,
            state,
            rebuilds: counter,
            watcher,
            warned,
            good_status: good_status.clone(),
        };
        std::thread::spawn(move || site.run(rx, report))
    };
    Ok(ServerHandle {
        addr,
        rebuilds,
        shutdown: Some(shutdown),
        server: Some(server),
        watcher,
        rebuilder: Some(rebuilder),
    })
}

/// What serving starts with: the first build's pipeline (none if it failed), the
/// files to serve, the status pages are told, and the warnings' keys.
fn first_build(
    options: &BuildOptions,
    report: &impl Fn(&ServeEvent),
) -> (Option<Pipeline>, Snapshot, Status, WarningKeys) {
    let started = Instant::now();
    match build_all(options) {
        Ok((pipeline, files)) => {
            let mut keys = WarningKeys::new();
            let warnings = Warnings::of(&pipeline, &Scope::Full, &mut keys);
            report(&ServeEvent::Rebuilt {
                scope: Scope::Full,
                millis: started.elapsed().as_millis(),
                files: files.len(),
                warnings: warnings.count,
                new_warnings: warnings.new.clone(),
            });
            let snapshot = Snapshot::default().with(files, &[]);
            (Some(pipeline), snapshot, warnings.status(), keys)
        }
        Err(problems) => {
            let status = Status::Error(render_problems(&problems, false));
            report(&ServeEvent::Failed(problems));
            (None, error_snapshot(), status, WarningKeys::new())
        }
    }
}

/// Serves `state` on `listener` from a thread of its own until `shutdown` fires.
fn serve_http(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: oneshot::Receiver<()>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        runtime.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            // Not a graceful shutdown: the reload streams never end by themselves, and
            // a preview has nothing in flight worth waiting for.
            tokio::select! {
                _ = axum::serve(listener, http::router(state)) => {}
                _ = shutdown => {}
            }
        });
    })
}

/// A full build into memory: the pipeline and every file.
fn build_all(options: &BuildOptions) -> Result<(Pipeline, Vec<OutputFile>), Vec<Problem>> {
    let ((pipeline, _), files) =
        in_memory(|sink| Pipeline::run(options, sink)).map_err(|failure| failure.problems)?;
    Ok((pipeline, files))
}

/// Warnings told apart by where they are and what they say, kept per notice (`None`
/// for the site's own files), so a save compares only the notices it redid.
type WarningKeys = HashMap<Option<String>, HashSet<String>>;

/// The warnings of a build: how many, which are new since the last one, and the
/// first few of the rest.
struct Warnings {
    count: usize,
    new: Vec<Problem>,
    first: Vec<Problem>,
}

impl Warnings {
    /// At most this many are shown in the page: a large site can have thousands,
    /// and a save wants to see what it caused.
    const SHOWN: usize = 20;

    /// The warnings of `pipeline` after a run of `scope`; `keys` (those of the last
    /// build) are brought up to date for the notices it redid. Nothing is copied or
    /// formatted for the notices a save did not touch: at 10,000 notices listing all
    /// 50,000 warnings took 60 ms of a core, while the open page reloads.
    fn of(pipeline: &Pipeline, scope: &Scope, keys: &mut WarningKeys) -> Warnings {
        let redone: Vec<Option<String>> = match scope {
            Scope::Notices(slugs) => {
                let mut redone: Vec<Option<String>> = slugs.iter().cloned().map(Some).collect();
                redone.push(None);
                redone
            }
            Scope::Full | Scope::AllNotices => {
                keys.clear();
                std::iter::once(None)
                    .chain(pipeline.entry_names().cloned().map(Some))
                    .collect()
            }
        };
        let mut new = Vec::new();
        for source in redone {
            let before = keys.remove(&source).unwrap_or_default();
            let mut now = HashSet::new();
            for warning in pipeline.warnings_of(source.as_deref()) {
                let key = warning.to_string();
                if !before.contains(&key) {
                    new.push(warning.clone());
                }
                now.insert(key);
            }
            if !now.is_empty() {
                keys.insert(source, now);
            }
        }
        Warnings {
            count: pipeline.all_warnings().count(),
            first: pipeline.all_warnings().take(Self::SHOWN).cloned().collect(),
            new,
        }
    }

    fn of_none() -> Warnings {
        Warnings {
            count: 0,
            new: Vec::new(),
            first: Vec::new(),
        }
    }

    /// The page's panel: the new warnings first, then the first of the rest, at most
    /// [`Self::SHOWN`].
    fn status(&self) -> Status {
        if self.count == 0 {
            return Status::Ok;
        }
        let new: HashSet<String> = self.new.iter().map(ToString::to_string).collect();
        let shown: Vec<Problem> = self
            .new
            .iter()
            .chain(self.first.iter().filter(|w| !new.contains(&w.to_string())))
            .take(Self::SHOWN)
            .cloned()
            .collect();
        let mut text = render_problems(&shown, false);
        if self.count > shown.len() {
            text.push_str(&format!(
                "\n…and {} more warnings: clearnotice build lists them all.\n",
                self.count - shown.len()
            ));
        }
        Status::Warnings {
            count: self.count,
            text,
        }
    }
}

/// The rebuild thread's state: the pipeline of the last good build.
struct Rebuilder {
    root: PathBuf,
    /// The output folder `build` would write, beside which the preview is kept.
    output: PathBuf,
    /// The last preview while it is served (a warm start), until the site is built.
    last: Option<preview::LastPreview>,
    options: BuildOptions,
    /// `None` while the site has never built.
    pipeline: Option<Pipeline>,
    state: Arc<AppState>,
    rebuilds: Arc<AtomicUsize>,
    watcher: Arc<Mutex<Option<watch::WatchHandle>>>,
    /// The warnings of the last good build, and what pages were told of them.
    warned: WarningKeys,
    good_status: Status,
}

/// The paths of the events that follow within [`watch::QUIET`] of each other, for
/// at most [`watch::LONGEST_WAIT`].
fn until_quiet(rx: &mpsc::Receiver<Vec<PathBuf>>) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let first = Instant::now();
    while first.elapsed() < watch::LONGEST_WAIT {
        match rx.recv_timeout(watch::QUIET) {
            Ok(more) => paths.extend(more),
            Err(_) => break,
        }
    }
    paths
}

impl Rebuilder {
    /// Waits for saves; rebuilds; swaps the new pages in; then tells the pages.
    fn run(mut self, rx: mpsc::Receiver<Vec<PathBuf>>, report: impl Fn(&ServeEvent)) {
        if let Some(last) = self.last.take() {
            self.build_after_warm_start(&last, &report);
        }
        // Made now, while nobody waits, rather than at the first save.
        if let Some(pipeline) = &mut self.pipeline {
            pipeline.prepare_for_updates();
        }
        while let Ok(mut paths) = rx.recv() {
            // Events that follow each other closely (an editor's save, a burst of
            // writes) make one rebuild: wait until the files have been quiet.
            paths.extend(until_quiet(&rx));
            let mut changes = watch::changes_in(&self.root, paths);
            changes.extend(self.watch_new_folders());
            if changes.is_empty() {
                continue;
            }
            self.rebuilds.fetch_add(1, Ordering::SeqCst);
            let started = Instant::now();
            match self.rebuild(&changes) {
                Ok((scope, files, removed)) => {
                    let count = files.len();
                    self.publish(scope == Scope::Full, files, &removed);
                    let millis = started.elapsed().as_millis();
                    // Pages reload first; the warnings (60 ms to list at 10,000
                    // notices) follow to every page as soon as they are known. Until
                    // then a page that connects is told the last good build's, never
                    // the error this save fixed.
                    self.set_status(self.good_status.clone());
                    let _ = self.state.events.send(LiveEvent::Reload);
                    let warnings = match &self.pipeline {
                        Some(pipeline) => Warnings::of(pipeline, &scope, &mut self.warned),
                        None => Warnings::of_none(),
                    };
                    self.good_status = warnings.status();
                    self.set_status(self.good_status.clone());
                    let _ = self
                        .state
                        .events
                        .send(LiveEvent::Status(self.good_status.clone()));
                    report(&ServeEvent::Rebuilt {
                        scope,
                        millis,
                        files: count,
                        warnings: warnings.count,
                        new_warnings: warnings.new,
                    });
                }
                Err(problems) => self.show_failure(problems, &report),
            }
        }
    }

    /// The pipeline's update (or a full build, while the site has never built): the
    /// scope, the files that changed and the paths removed.
    fn rebuild(
        &mut self,
        changes: &BTreeSet<Change>,
    ) -> Result<(Scope, Vec<OutputFile>, Vec<String>), Vec<Problem>> {
        let Some(pipeline) = &mut self.pipeline else {
            let (mut pipeline, files) = build_all(&self.options)?;
            pipeline.prepare_for_updates();
            self.pipeline = Some(pipeline);
            return Ok((Scope::Full, files, Vec::new()));
        };
        let (outcome, files) =
            in_memory(|sink| pipeline.update(changes, sink)).map_err(|failure| failure.problems)?;
        Ok((outcome.scope, files, outcome.removed))
    }

    /// Puts the new files in the served snapshot.
    fn publish(&self, full: bool, files: Vec<OutputFile>, removed: &[String]) {
        if let Ok(mut slot) = self.state.snapshot.write() {
            if full {
                *slot = Arc::new(Snapshot::default().with(files, removed));
            } else {
                // Changed in place: the snapshot is copied only if a request is still
                // reading it (copying 100,000 paths took milliseconds).
                Arc::make_mut(&mut slot).apply(files, removed);
            }
        }
    }

    /// A build that failed: the problem over every open page and in the terminal;
    /// the last good site stays served.
    fn show_failure(&self, problems: Vec<Problem>, report: &impl Fn(&ServeEvent)) {
        let status = Status::Error(render_problems(&problems, false));
        self.set_status(status.clone());
        let _ = self.state.events.send(LiveEvent::Status(status));
        report(&ServeEvent::Failed(problems));
    }

    fn set_status(&self, status: Status) {
        if let Ok(mut slot) = self.state.status.write() {
            *slot = status;
        }
    }

    /// Starts watching `content/`, `themes/` or `pictures/` if made since the start,
    /// and says what each new one changes (its files may be written already).
    fn watch_new_folders(&self) -> Vec<Change> {
        let Ok(mut watcher) = self.watcher.lock() else {
            return Vec::new();
        };
        let Some(watcher) = watcher.as_mut() else {
            return Vec::new();
        };
        watcher
            .watch_new_folders(&self.root)
            .iter()
            .filter_map(|folder| watch::classify(&self.root, &self.root.join(folder)))
            .collect()
    }
}

/// What is served while the site has never built: a page that says so and reloads
/// when a save fixes it.
fn error_snapshot() -> Snapshot {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The site could not be built</title></head><body><main><h1>The site could not be built</h1><p>The problems are shown below and in the terminal. This page reloads when you save a fix.</p></main></body></html>";
    let files = ["index.html", "404.html"].map(|path| OutputFile {
        path: path.to_string(),
        bytes: page.as_bytes().to_vec(),
    });
    Snapshot::default().with(files.into(), &[])
}
