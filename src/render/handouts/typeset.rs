//! Typst as a library: a handout's layout (a theme file), its data and pictures are
//! the whole world Typst sees — no file system, no packages, no clock — and it
//! writes a tagged PDF checked against PDF/UA-1.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diagnostics::Problem;
use crate::theme::Theme;

/// The fonts every handout may use: DejaVu Sans, regular and bold (clear print uses
/// no italics), and a site's own fonts from its theme's `fonts/` folder.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The built-in fonts, read once.
static BUILT_IN: LazyLock<Vec<Font>> = LazyLock::new(|| {
    [dejavu::sans::regular(), dejavu::sans::bold()]
        .into_iter()
        .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
        .collect()
});

/// Typst's standard library, without inputs: the data comes as a file.
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

impl Fonts {
    pub fn of(theme: &Theme) -> Fonts {
        let mut fonts = BUILT_IN.clone();
        for (path, file) in theme.files_under("fonts/") {
            if path.ends_with(".ttf") || path.ends_with(".otf") {
                fonts.extend(Font::iter(Bytes::new(file.bytes.clone())));
            }
        }
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

/// A handout made: the PDF and its number of pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// What one handout's layout sees.
struct HandoutWorld<'a> {
    fonts: &'a Fonts,
    main: FileId,
    /// Every file it may read, by its Typst id: the theme's `handouts/` files, the
    /// data and the pictures.
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("handout file paths are absolute and plain");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl World for HandoutWorld<'_> {
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

/// Lays out `layout` (a theme path such as `handouts/easy-read.typ`) with `data` as
/// `/data.json` and `pictures` at their paths, into a tagged PDF/UA-1 document.
/// `ident` names the document stably (its address), for the PDF's identifier.
pub fn typeset(
    theme: &Theme,
    fonts: &Fonts,
    layout: &str,
    data: &[u8],
    pictures: &BTreeMap<String, Vec<u8>>,
    ident: &str,
) -> Result<Pdf, Problem> {
    let mut files: HashMap<FileId, Bytes> = theme
        .files_under("handouts/")
        .map(|(path, file)| (file_id(&format!("/{path}")), Bytes::new(file.bytes.clone())))
        .collect();
    files.insert(file_id("/data.json"), Bytes::new(data.to_vec()));
    for (path, bytes) in pictures {
        files.insert(file_id(path), Bytes::new(bytes.clone()));
    }
    let world = HandoutWorld {
        fonts,
        main: file_id(&format!("/{layout}")),
        files,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| layout_problem(theme, &world, layout, &errors))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).expect("PDF/UA-1 alone is a valid set"),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options)
        .map_err(|errors| layout_problem(theme, &world, layout, &errors))?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
    })
}

/// A layout that failed: the first error, at its file and line in the theme where
/// Typst knows it, else in the layout.
fn layout_problem(
    theme: &Theme,
    world: &HandoutWorld,
    layout: &str,
    errors: &[SourceDiagnostic],
) -> Problem {
    let Some(error) = errors.first() else {
        return Problem::in_file(theme.origin(layout), "the handout could not be made");
    };
    let mut message = format!("handout layout error: {}", error.message);
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
    let problem = match place {
        Some((path, line, column)) if path.starts_with("handouts/") => {
            Problem::at_line(theme.origin(&path), line, column, message)
        }
        _ => Problem::in_file(theme.origin(layout), message),
    };
    problem.with_help(
        "This is a problem in a handout layout. If you changed a file under themes/default/handouts/, check it there; delete your copy to go back to the built-in layout.",
    )
}
