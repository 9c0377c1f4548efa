//! PDF handouts: for each version in each form that has one (easy read, large
//! print; see the forms table), a tagged A4 PDF made by Typst from the text as data.
//!
//! Making a PDF costs milliseconds where a page costs microseconds, so render asks a
//! [`HandoutMaker`] for each one by its [`HandoutRequest`]; the pipeline's maker keeps
//! the PDFs it made by the hash of their inputs and makes only what changed.

pub(crate) mod data;
pub(crate) mod typeset;

use std::collections::BTreeMap;
use std::sync::Arc;

use xxhash_rust::xxh3::Xxh3;

use crate::diagnostics::Problem;
use crate::forms::Form;
pub use crate::render::braille::BrailleFile;
pub(crate) use crate::theme::fonts::Fonts;
use crate::theme::strings::Strings;
use crate::theme::Theme;
pub(crate) use typeset::MadeFile;

/// Everything one handout is made from.
#[derive(Clone)]
pub struct HandoutRequest {
    /// The theme's layout: `handouts/easy-read.typ`.
    pub layout: &'static str,
    /// The text and metadata, as `/data.json`.
    pub data: Vec<u8>,
    /// The pictures it shows, by their path among its files.
    pub pictures: BTreeMap<String, Vec<u8>>,
    /// Names the document stably (its address) for the PDF's identifier.
    pub ident: String,
    /// Where the handout is written (the current version's also at its own address).
    pub paths: Vec<String>,
    /// The file its text comes from, which a problem in making it names (not part
    /// of its key: it does not change the PDF).
    pub source: std::path::PathBuf,
}

impl HandoutRequest {
    /// A hash of every input that decides the PDF's bytes: the engine, the theme's
    /// layouts and fonts (as [`theme_digest`]), the computer's fonts that its text
    /// needs (as [`Fonts::fallback_digest`]: a font installed later makes it again),
    /// the data and the pictures. The same key, the same PDF.
    pub fn key(&self, theme_digest: u128, fallback_fonts: &str) -> u128 {
        let mut hash = Xxh3::new();
        let mut part = |bytes: &[u8]| {
            hash.update(&(bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        };
        part(&theme_digest.to_le_bytes());
        part(fallback_fonts.as_bytes());
        part(self.layout.as_bytes());
        part(self.ident.as_bytes());
        part(&self.data);
        for (path, bytes) in &self.pictures {
            part(path.as_bytes());
            part(bytes);
        }
        hash.digest128()
    }
}

/// A hash of what every handout of a theme depends on: the engine, and the theme's
/// layouts and fonts. Made once per run, not once per handout.
pub(crate) fn theme_digest(theme: &Theme) -> u128 {
    let mut hash = Xxh3::new();
    hash.update(ENGINE.as_bytes());
    for (path, file) in theme
        .files_under("handouts/")
        .chain(theme.files_under("fonts/"))
    {
        hash.update(&(path.len() as u64).to_le_bytes());
        hash.update(path.as_bytes());
        hash.update(&(file.bytes.len() as u64).to_le_bytes());
        hash.update(&file.bytes);
    }
    hash.digest128()
}

/// What a PDF depends on besides its inputs: clearnotice's and Typst's versions and
/// the built-in font. A new release makes every handout again.
const ENGINE: &str = concat!(
    "clearnotice ",
    env!("CARGO_PKG_VERSION"),
    "; typst 0.15.1; dejavu 2.37"
);

/// Makes (or finds) the PDF of a request; `None` when it is left to be made when
/// someone asks for it (`serve`).
pub trait HandoutMaker: Sync {
    fn make(&self, request: &HandoutRequest) -> Result<Option<Arc<MadeFile>>, Problem>;
}

/// Makes every handout afresh, with Typst.
pub(crate) struct Typesetter<'a> {
    pub theme: &'a Theme,
    pub fonts: Fonts,
    /// See [`theme_digest`].
    pub theme_digest: u128,
}

impl<'a> Typesetter<'a> {
    pub(crate) fn new(theme: &'a Theme) -> Self {
        Typesetter {
            theme,
            fonts: Fonts::of(theme),
            theme_digest: theme_digest(theme),
        }
    }
}

impl HandoutMaker for Typesetter<'_> {
    /// A PDF from Typst, or a braille file from liblouis where the request's layout
    /// is a braille one.
    fn make(&self, request: &HandoutRequest) -> Result<Option<Arc<MadeFile>>, Problem> {
        let made = match BrailleFile::of_layout(request.layout) {
            Some(file) => crate::render::braille::make(file, request),
            None => typeset::typeset(self.theme, &self.fonts, request),
        };
        made.map(|file| Some(Arc::new(file)))
    }
}

/// A notice's downloads made, by (version index, kind of file, form): for each
/// version its PDFs first, then its braille.
pub(crate) type NoticeHandouts = BTreeMap<(usize, FileType, Form), HandoutLink>;

/// What kind of file a download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileType {
    Pdf,
    Braille(BrailleFile),
}

impl FileType {
    /// Its name in notice.json: `pdf`, `brf`, `pef`.
    pub fn name(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Braille(file) => file.extension(),
        }
    }

    /// Its media type, for links (`type=`) and `serve`. BRF has no registered type;
    /// `application/x-brf` is the one braille software uses.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Braille(BrailleFile::Brf) => "application/x-brf",
            FileType::Braille(BrailleFile::Pef) => "application/x-pef+xml",
        }
    }
}

/// A link to a download, as pages and notice.json show it.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoutLink {
    pub form: Form,
    pub file_type: FileType,
    /// Relative to the site: `general/easy-read/general-easy-read.pdf`.
    pub path: String,
    /// `None` for a handout not made yet (made when asked for, in `serve`).
    pub pages: Option<usize>,
    pub bytes: Option<usize>,
    /// "Download the easy-read leaflet (PDF, 10 pages, 220 KB)".
    pub text: String,
}

impl HandoutLink {
    /// The link to a handout: `pdf` says its pages and size, where it is made.
    pub fn new(
        strings: &Strings,
        form: Form,
        path: String,
        pdf: Option<&MadeFile>,
    ) -> Option<HandoutLink> {
        let name = strings.get(form.spec().handout.as_ref()?.name_key);
        let text = match pdf {
            Some(pdf) => strings.fill(
                "handout_link_pages",
                &[
                    ("name", &name),
                    ("pages", &pdf.pages.to_string()),
                    ("size", &file_size(pdf.bytes.len())),
                ],
            ),
            None => strings.fill("handout_link", &[("name", &name)]),
        };
        Some(HandoutLink {
            form,
            file_type: FileType::Pdf,
            text,
            path,
            pages: pdf.map(|pdf| pdf.pages),
            bytes: pdf.map(|pdf| pdf.bytes.len()),
        })
    }
}

impl HandoutLink {
    /// The link to a version's braille file: `made` says its braille pages and size,
    /// where it is made.
    pub fn braille(
        strings: &Strings,
        file: BrailleFile,
        path: String,
        made: Option<&MadeFile>,
    ) -> HandoutLink {
        let kind = file.extension();
        let text = match made {
            Some(made) => strings.fill(
                &format!("braille_link_{kind}_pages"),
                &[
                    ("pages", &made.pages.to_string()),
                    ("size", &file_size(made.bytes.len())),
                ],
            ),
            None => strings.get(&format!("braille_link_{kind}")),
        };
        HandoutLink {
            form: Form::Standard,
            file_type: FileType::Braille(file),
            text,
            path,
            pages: made.map(|made| made.pages),
            bytes: made.map(|made| made.bytes.len()),
        }
    }
}

/// "220 KB", "1.4 MB": as people read file sizes (1 KB = 1,000 bytes, as GOV.UK does).
pub(crate) fn file_size(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_link_text() {
        let mut problems = Vec::new();
        let theme = crate::load::theme::load_theme(
            &crate::load::source::Disk,
            std::path::Path::new("/nonexistent"),
            &mut problems,
        );
        let strings = Strings::load(&theme, "en-GB").unwrap();
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(219_400), "220 KB");
        assert_eq!(file_size(1_420_000), "1.4 MB");
        let pdf = MadeFile {
            bytes: vec![0; 219_400],
            pages: 10,
        };
        let link = HandoutLink::new(&strings, Form::EasyRead, "a.pdf".into(), Some(&pdf)).unwrap();
        assert_eq!(
            link.text,
            "Download the easy-read leaflet (PDF, 10 pages, 220 KB)"
        );
        let one = MadeFile {
            bytes: vec![0; 10],
            pages: 1,
        };
        assert!(
            HandoutLink::new(&strings, Form::LargePrint, "b.pdf".into(), Some(&one))
                .unwrap()
                .text
                .contains("(PDF, 1 page, 1 KB)")
        );
        assert!(HandoutLink::new(&strings, Form::Standard, "c.pdf".into(), Some(&one)).is_none());
        let waiting = HandoutLink::new(&strings, Form::EasyRead, "d.pdf".into(), None).unwrap();
        assert_eq!(waiting.text, "Download the easy-read leaflet (PDF)");
    }
}
