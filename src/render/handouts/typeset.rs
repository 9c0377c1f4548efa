//! Typst as a library: a handout's layout (a theme file), its data and pictures are
//! the whole world Typst sees — no file system, no packages, no clock — and it
//! writes a tagged PDF checked against PDF/UA-1.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diagnostics::{Code, Problem};
use crate::render::handouts::HandoutRequest;
use crate::theme::fonts::{FirstFont, Fonts, FontsForText, REPLACEMENT};
use crate::theme::Theme;

/// Typst's standard library, without inputs: the data comes as a file.
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// A download made: its bytes (a PDF, or a braille file) and its number of pages
/// (printed pages, or braille pages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeFile {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// What one handout's layout sees.
struct HandoutWorld {
    /// The built-in and theme fonts, and the system fonts this text needs.
    fonts: FontsForText,
    main: FileId,
    /// Every file it may read, by its Typst id: the theme's `handouts/` files, the
    /// data and the pictures.
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("handout file paths are absolute and plain");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl World for HandoutWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// No clock: the same input gives the same PDF on any day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Lays out the request's layout (a theme path such as `handouts/easy-read.typ`)
/// with its data as `/data.json` and its pictures at their paths, into a tagged
/// PDF/UA-1 document named stably by its address (for the PDF's identifier).
///
/// On a thread of its own: Typst lays pages out in parallel with rayon, and a render
/// thread (itself a rayon worker) waiting on that work would steal other notices'
/// renders meanwhile — each starting its own handouts, until every notice of the site
/// had one half made in memory at once (1,000 notices: 580 MB within 1.4 s). Waiting
/// on a plain thread only waits, so as many handouts are in progress as render
/// threads.
pub(crate) fn typeset(
    theme: &Theme,
    fonts: &Fonts,
    request: &HandoutRequest,
) -> Result<MadeFile, Problem> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("handout".into())
            .stack_size(TYPST_STACK)
            .spawn_scoped(scope, || typeset_here(theme, fonts, request))
            .map_err(|err| {
                Problem::in_file(
                    Code::HandoutFailed,
                    &request.source,
                    format!("could not start making a handout: {err}"),
                )
            })?
            .join()
            .unwrap_or_else(|_| {
                Err(Problem::in_file(
                    Code::HandoutFailed,
                    &request.source,
                    "making this handout failed",
                ))
            })
    })
}

/// Typst's layout recurses deeply into nested content: as much stack as the render
/// threads have.
const TYPST_STACK: usize = 16 << 20;

fn typeset_here(
    theme: &Theme,
    fonts: &Fonts,
    request: &HandoutRequest,
) -> Result<MadeFile, Problem> {
    let mut files: HashMap<FileId, Bytes> = theme
        .files_under("handouts/")
        .map(|(path, file)| (file_id(&format!("/{path}")), Bytes::new(file.bytes.clone())))
        .collect();
    // The data is JSON written by serde_json: UTF-8, with every character outside
    // ASCII as itself, so a character no font has can be replaced in the text.
    let text = String::from_utf8_lossy(&request.data);
    let fonts = fonts.for_text(&text);
    let data = if fonts.missing.is_empty() {
        request.data.clone()
    } else {
        text.chars()
            .map(|c| {
                if fonts.missing.contains(&c) {
                    REPLACEMENT
                } else {
                    c
                }
            })
            .collect::<String>()
            .into_bytes()
    };
    let data = with_first_fonts(data, &fonts.first);
    files.insert(file_id("/data.json"), Bytes::new(data));
    for (path, bytes) in &request.pictures {
        files.insert(file_id(path), Bytes::new(bytes.clone()));
    }
    let world = HandoutWorld {
        fonts,
        main: file_id(&format!("/{}", request.layout)),
        files,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| engine_problem(theme, &world, request, &errors))?;
    let options = PdfOptions {
        ident: Smart::Custom(request.ident.clone()),
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).expect("PDF/UA-1 alone is a valid set"),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options)
        .map_err(|errors| engine_problem(theme, &world, request, &errors));
    let pages = document.pages().len();
    drop(document);
    // Typst remembers the results of its steps (comemo) for as long as nothing says
    // otherwise: over a build of many handouts, every one's layout stayed in memory
    // (1,000 notices: 5.4 GB). Handouts share little worth remembering: letting go of
    // everything after each was faster, too (1,000 notices: 15.3–15.5 s against
    // 16.2–16.3 s keeping the last four handouts' results).
    comemo::evict(MEMO_AGE);
    Ok(MadeFile {
        bytes: bytes?,
        pages,
    })
}

/// The data with `fonts_first`, the fonts the layouts set a joined script in before
/// DejaVu Sans (see [`crate::theme::fonts::JOINED_SCRIPTS`]); as it was when there
/// are none, which is almost always.
fn with_first_fonts(data: Vec<u8>, first: &[FirstFont]) -> Vec<u8> {
    if first.is_empty() {
        return data;
    }
    match serde_json::from_slice::<serde_json::Value>(&data) {
        Ok(serde_json::Value::Object(mut object)) => {
            object.insert(
                "fonts_first".into(),
                serde_json::to_value(first).unwrap_or_default(),
            );
            serde_json::to_vec(&object).unwrap_or(data)
        }
        _ => data,
    }
}

/// How many handouts Typst's memoised results outlive unused (see `comemo::evict`):
/// none.
const MEMO_AGE: usize = 0;

/// A handout that could not be made. Blamed on the layout where a site's own copy of
/// a layout is at fault (at its line, where Typst knows it); otherwise on the file the
/// text comes from, which is what the person can change — the built-in layouts are
/// tested on every kind of text, so what they cannot lay out is in the text.
fn engine_problem(
    theme: &Theme,
    world: &HandoutWorld,
    request: &HandoutRequest,
    errors: &[SourceDiagnostic],
) -> Problem {
    let Some(error) = errors.first() else {
        return Problem::in_file(
            Code::HandoutFailed,
            &request.source,
            "the handout could not be made",
        );
    };
    let mut message = error.message.to_string();
    for hint in &error.hints {
        message.push_str(&format!(" (hint: {})", hint.v));
    }
    let place = error.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(error.span)?;
        let line = source.lines().byte_to_line(range.start)? + 1;
        let column = source.lines().byte_to_column(range.start)? + 1;
        let path = id.vpath().get_without_slash().to_string();
        Some((path, line, column))
    });
    let site_layout = |path: &str| {
        theme
            .files
            .get(path)
            .is_some_and(|file| !file.origin.to_string_lossy().ends_with("(built in)"))
    };
    match place {
        Some((path, line, column)) if path.starts_with("handouts/") && site_layout(&path) => {
            Problem::at_line(Code::HandoutLayoutError, theme.origin(&path), line, column, format!("handout layout error: {message}"))
                .with_help("This is a problem in your copy of a handout layout under themes/default/handouts/: check it there, or delete your copy to go back to the built-in layout.")
        }
        _ => Problem::in_file(Code::HandoutFailed,
            &request.source,
            format!("the handout {} could not be made from this text: {message}", request.ident),
        )
        .with_help("Something in this text cannot be printed: look for unusual characters, a very deeply nested list, or a picture that is not a plain image. The web pages are not affected."),
    }
}
