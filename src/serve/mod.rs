//! `clearnotice serve`: build, serve on loopback, watch, rebuild what a save touched,
//! and reload open pages once the new pages are in place. A broken save keeps the last
//! good site served and shows the problem in the terminal and over every open page.
//!
//! It sits on top of the same stages as `build` (see `session`) and never writes the
//! output folder: the preview is served from memory.

pub mod http;
pub mod session;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::sync::{broadcast, oneshot};

use crate::diagnostics::{render_problems, Problem};
use crate::model::Date;
use crate::render::OutputFile;
use http::{AppState, LiveEvent, Snapshot};
use session::{Delta, Scope, Session};

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
    Rebuilt {
        scope: Scope,
        millis: u128,
        files: usize,
    },
    Failed(Vec<Problem>),
}

/// A running server; stops when `stop` is called or it is dropped.
pub struct ServerHandle {
    pub addr: SocketAddr,
    /// How many rebuilds have been attempted since the start.
    pub rebuilds: Arc<AtomicUsize>,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    watcher: Option<watch::WatchHandle>,
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
        self.watcher.take();
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

/// Builds the site and starts serving and watching it. `report` hears of every
/// rebuild. A site that does not build at first is served as an error page until a
/// save fixes it.
pub fn start(
    options: ServeOptions,
    report: impl Fn(&ServeEvent) + Send + 'static,
) -> std::io::Result<ServerHandle> {
    let root = options.root.canonicalize()?;
    let (session, first_snapshot, first_error) =
        match Session::start(root.clone(), options.base_url.clone(), options.today) {
            Ok((session, files)) => (Some(session), Snapshot::default().with(files, &[]), None),
            Err(problems) => (None, error_snapshot(), Some(problems)),
        };
    let (events, _) = broadcast::channel(64);
    let state = Arc::new(AppState {
        snapshot: RwLock::new(Arc::new(first_snapshot)),
        error: RwLock::new(first_error.as_ref().map(|p| render_problems(p, false))),
        events,
    });
    if let Some(problems) = first_error {
        report(&ServeEvent::Failed(problems));
    }

    let listener = TcpListener::bind((options.bind, options.port))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let (shutdown, shutdown_rx) = oneshot::channel();
    let server_state = state.clone();
    let server = std::thread::spawn(move || {
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
                _ = axum::serve(listener, http::router(server_state)) => {}
                _ = shutdown_rx => {}
            }
        });
    });

    let (tx, rx) = mpsc::channel();
    let watcher = watch::watch(&root, options.poll, tx).map_err(std::io::Error::other)?;
    let rebuilds = Arc::new(AtomicUsize::new(0));
    let counter = rebuilds.clone();
    let rebuilder = std::thread::spawn(move || {
        rebuild_loop(root, options, session, rx, state, counter, report)
    });
    Ok(ServerHandle {
        addr,
        rebuilds,
        shutdown: Some(shutdown),
        server: Some(server),
        watcher: Some(watcher),
        rebuilder: Some(rebuilder),
    })
}

/// Waits for saves; rebuilds; swaps the new pages in; then tells the pages.
fn rebuild_loop(
    root: PathBuf,
    options: ServeOptions,
    mut session: Option<Session>,
    rx: mpsc::Receiver<Vec<PathBuf>>,
    state: Arc<AppState>,
    rebuilds: Arc<AtomicUsize>,
    report: impl Fn(&ServeEvent),
) {
    while let Ok(mut paths) = rx.recv() {
        // Events that follow each other closely (an editor's save, a burst of writes)
        // make one rebuild: wait until the files have been quiet.
        let first = Instant::now();
        while first.elapsed() < watch::LONGEST_WAIT {
            match rx.recv_timeout(watch::QUIET) {
                Ok(more) => paths.extend(more),
                Err(_) => break,
            }
        }
        let changes = watch::changes_in(&root, paths);
        if changes.is_empty() {
            continue;
        }
        rebuilds.fetch_add(1, Ordering::SeqCst);
        let started = Instant::now();
        let result = match &mut session {
            Some(session) => session.rebuild(&changes),
            None => Session::start(root.clone(), options.base_url.clone(), options.today).map(
                |(fresh, files)| {
                    session = Some(fresh);
                    (
                        Scope::Full,
                        Delta {
                            changed: files,
                            removed: Vec::new(),
                        },
                    )
                },
            ),
        };
        match result {
            Ok((scope, delta)) => {
                let changed = delta.changed.len();
                if let Ok(mut slot) = state.snapshot.write() {
                    if scope == Scope::Full {
                        *slot = Arc::new(Snapshot::default().with(delta.changed, &delta.removed));
                    } else {
                        // Changed in place: the snapshot is copied only if a request is
                        // still reading it (copying 100,000 paths took milliseconds).
                        Arc::make_mut(&mut slot).apply(delta.changed, &delta.removed);
                    }
                }
                if let Ok(mut error) = state.error.write() {
                    *error = None;
                }
                let _ = state.events.send(LiveEvent::Reload);
                report(&ServeEvent::Rebuilt {
                    scope,
                    millis: started.elapsed().as_millis(),
                    files: changed,
                });
            }
            Err(problems) => {
                let text = render_problems(&problems, false);
                if let Ok(mut error) = state.error.write() {
                    *error = Some(text.clone());
                }
                let _ = state.events.send(LiveEvent::Error(text));
                report(&ServeEvent::Failed(problems));
            }
        }
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
