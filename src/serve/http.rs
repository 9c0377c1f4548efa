//! The preview server: serves the site from memory (GET and HEAD only), the reload
//! script, and a stream of server-sent events that tells open pages to reload or to
//! show a build error. Nothing outside the built site can be served: paths with `..`
//! (however encoded), backslashes or NUL bytes are refused before any lookup.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast;

pub const EVENTS_PATH: &str = "/__clearnotice/events";
pub const SCRIPT_PATH: &str = "/__clearnotice/live.js";
const LIVE_JS: &str = include_str!("live.js");

/// What open pages are told as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEvent {
    /// New pages are in place: reload.
    Reload,
    /// How the build went: the error, the warnings, or all well.
    Status(Status),
}

/// How the last build went; a page that connects (or reconnects after a reload) is
/// told at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Built, with this many warnings; the text shows some of them, as in the
    /// terminal.
    Warnings {
        count: usize,
        text: String,
    },
    /// The last save broke the build; the last good site is served.
    Error(String),
}

impl Status {
    /// As a server-sent event. Every event carries data: a browser's EventSource
    /// drops an event whose data is empty (HTML standard, "dispatch the event"), and
    /// axum writes no `data:` line for an empty string.
    fn event(&self) -> Event {
        match self {
            Status::Ok => Event::default().event("ok").data("ok"),
            // The count on the first line, then the text.
            Status::Warnings { count, text } => Event::default()
                .event("warnings")
                .data(format!("{count}\n{text}")),
            Status::Error(text) => Event::default().event("error-report").data(text),
        }
    }
}

/// The site being served: every file by its path. Files are shared between
/// snapshots, so a rebuild that changes a few files copies only those.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub files: HashMap<String, Served>,
    /// Where the files served from disk are: the last preview (see
    /// [`super::preview`]), served at a warm start while the site is built again.
    pub folder: Option<PathBuf>,
}

/// A file of a snapshot: made by this preview, or kept on disk from the last.
#[derive(Debug, Clone)]
pub enum Served {
    Memory(Arc<Vec<u8>>),
    Disk,
}

impl Snapshot {
    /// This snapshot with `changed` files put in and `removed` paths taken out.
    pub fn with(mut self, changed: Vec<crate::render::OutputFile>, removed: &[String]) -> Snapshot {
        self.apply(changed, removed);
        self
    }

    /// Puts `changed` files in and takes `removed` paths out.
    pub fn apply(&mut self, changed: Vec<crate::render::OutputFile>, removed: &[String]) {
        for path in removed {
            self.files.remove(path);
        }
        for file in changed {
            self.files
                .insert(file.path, Served::Memory(Arc::new(file.bytes)));
        }
    }

    /// The bytes of the file at `path`; one on disk is read now.
    async fn read(&self, path: &str) -> Option<Vec<u8>> {
        match self.files.get(path)? {
            Served::Memory(bytes) => Some(bytes.as_ref().clone()),
            Served::Disk => {
                let (folder, path) = (self.folder.clone()?, path.to_string());
                let read = tokio::task::spawn_blocking(move || {
                    crate::write::kept::read_output_file(&folder, &path)
                });
                read.await.ok()?
            }
        }
    }

    /// The files held in memory, to be kept as the next start's preview.
    pub fn in_memory(&self) -> impl Iterator<Item = (&String, &Arc<Vec<u8>>)> {
        self.files.iter().filter_map(|(path, served)| match served {
            Served::Memory(bytes) => Some((path, bytes)),
            Served::Disk => None,
        })
    }
}

pub struct AppState {
    pub snapshot: RwLock<Arc<Snapshot>>,
    /// How the last build went, told to every page that connects.
    pub status: RwLock<Status>,
    pub events: broadcast::Sender<LiveEvent>,
    /// Makes a handout when it is first asked for.
    pub handouts: Arc<crate::handout_store::HandoutStore>,
    /// Whether the site has been built (not so while a warm start serves the last
    /// preview): a handout can be made only then.
    pub ready: tokio::sync::watch::Sender<bool>,
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(script))
        .fallback(site_file)
        .with_state(state)
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

async fn events(
    State(state): State<Arc<AppState>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.events.subscribe();
    // A page that connects while the build is broken (or warns) is told at once.
    let first = match state.status.read() {
        Ok(status) => status.event(),
        Err(_) => Status::Ok.event(),
    };
    let updates = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(LiveEvent::Reload) => {
                    return Some((
                        Ok(Event::default().event("reload").data("reload")),
                        receiver,
                    ))
                }
                Ok(LiveEvent::Status(status)) => return Some((Ok(status.event()), receiver)),
                // Missed some events while slow: the next one still arrives.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream::once(async move { Ok(first) }).chain(updates)).keep_alive(KeepAlive::default())
}

use futures_util::StreamExt;

async fn site_file(State(state): State<Arc<AppState>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "Only GET and HEAD are allowed.\n",
        )
            .into_response();
    }
    let Some(path) = safe_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "That address is not allowed.\n").into_response();
    };
    let snapshot = match state.snapshot.read() {
        Ok(snapshot) => snapshot.clone(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let lookup = match lookup(&snapshot, &path) {
        // Handouts and braille files are made when someone asks for them.
        Lookup::Missing if [".pdf", ".brf", ".pef"].iter().any(|e| path.ends_with(e)) => {
            let _ = state.ready.subscribe().wait_for(|built| *built).await;
            handout_on_request(&state, &path).await
        }
        other => other,
    };
    let (status, file, bytes) = match lookup {
        Lookup::Made(bytes) => (StatusCode::OK, path.clone(), bytes),
        Lookup::Found(file) => {
            let bytes = snapshot.read(&file).await.unwrap_or_default();
            (StatusCode::OK, file, bytes)
        }
        Lookup::AddSlash => {
            let location = format!("{}/", uri.path());
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        Lookup::Missing => snapshot
            .read("404.html")
            .await
            .map(|page| (StatusCode::NOT_FOUND, "404.html".to_string(), page))
            .unwrap_or((
                StatusCode::NOT_FOUND,
                "404.txt".to_string(),
                b"Not found\n".to_vec(),
            )),
    };
    file_response(&method, status, &file, bytes)
}

const RELOAD_TAG: &str = "<script src=\"/__clearnotice/live.js\"></script>";

fn inject_reload_script(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    match text.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_TAG}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{RELOAD_TAG}").into_bytes(),
    }
}

enum Lookup {
    Found(String),
    /// A folder asked for without its slash: redirect, so relative links work.
    AddSlash,
    Missing,
    /// A handout made just now, on this request.
    Made(Vec<u8>),
}

fn lookup(snapshot: &Snapshot, path: &str) -> Lookup {
    let candidate = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    if snapshot.files.contains_key(&candidate) {
        Lookup::Found(candidate)
    } else if snapshot.files.contains_key(&format!("{path}/index.html")) {
        Lookup::AddSlash
    } else {
        Lookup::Missing
    }
}

/// The file path an address asks for, percent-decoded, without the leading `/`; `None`
/// for anything that could reach outside the site.
pub fn safe_path(raw: &str) -> Option<String> {
    let decoded = percent_decode(raw)?;
    if decoded.contains('\\')
        || decoded.contains('\0')
        || decoded.contains(':')
        || decoded.starts_with("//")
    {
        return None;
    }
    let path = decoded.strip_prefix('/')?;
    if path
        .split('/')
        .any(|segment| segment == ".." || segment == ".")
    {
        return None;
    }
    Some(path.to_string())
}

fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    // Decoding twice must change nothing: `%252e%252e` is refused too.
    if decoded.contains('%') && percent_decode_once_differs(&decoded) {
        return None;
    }
    Some(decoded)
}

fn percent_decode_once_differs(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

pub fn mime_type(path: &str) -> &'static str {
    match path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .as_deref()
    {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("pdf") => "application/pdf",
        Some("brf") => "application/x-brf",
        Some("pef") => "application/x-pef+xml",
        _ => "application/octet-stream",
    }
}

/// A handout not made yet (`serve` makes them when asked for), made now.
async fn handout_on_request(state: &AppState, path: &str) -> Lookup {
    let store = state.handouts.clone();
    let wanted = path.to_string();
    let made = tokio::task::spawn_blocking(move || store.make_on_request(&wanted))
        .await
        .ok()
        .flatten();
    match made {
        Some(pdf) => Lookup::Made(pdf.bytes.clone()),
        None => Lookup::Missing,
    }
}

/// The response that serves `bytes` as `file` (its type from its name), never cached.
fn file_response(method: &Method, status: StatusCode, file: &str, bytes: Vec<u8>) -> Response {
    // The reload script goes into pages only here, as they are served: never in `build`.
    let bytes = if file.ends_with(".html") {
        inject_reload_script(&bytes)
    } else {
        bytes
    };
    let mut response = if *method == Method::HEAD {
        let length = bytes.len();
        let mut response = Response::new(Body::empty());
        response
            .headers_mut()
            .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        response
    } else {
        Response::new(Body::from(bytes))
    };
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(mime_type(file)),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_could_leave_the_site_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/%252e%252e/etc/passwd",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "//etc/passwd",
            "/C:/Windows",
            "/a%00b",
            "/./index.html",
            "/%zz",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
        }
        assert_eq!(safe_path("/general/").as_deref(), Some("general/"));
        assert_eq!(safe_path("/").as_deref(), Some(""));
        assert_eq!(safe_path("/a%20b.html").as_deref(), Some("a b.html"));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = inject_reload_script(b"<html><body><p>Hi</p></body></html>");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            format!("<html><body><p>Hi</p>{RELOAD_TAG}</body></html>")
        );
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(mime_type("feed.xml"), "application/xml; charset=utf-8");
        assert_eq!(mime_type("assets/pictures/phone.svg"), "image/svg+xml");
    }
}
