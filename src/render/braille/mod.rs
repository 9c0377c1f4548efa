//! Braille files for every version with text: BRF for embossers and notetakers and
//! PEF for embossers and braille displays, translated by liblouis (Unified English
//! Braille, Welsh, Arabic, …; contracted unless site.toml says otherwise) and laid
//! out on braille pages here.
//!
//! A braille file is a download like the PDF handouts: the output
//! (`render/outputs/braille.rs`) asks the renderer's handout maker for it with a
//! [`HandoutRequest`] whose layout is [`BrailleFile::layout`], so it is cached, made
//! on request in `serve` and kept by the build cache as a PDF is. The maker sends
//! such a request here instead of to Typst.

pub(crate) mod formats;
pub(crate) mod layout;
pub(crate) mod liblouis;
pub(crate) mod setup;
pub(crate) mod text;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Problem};
use crate::render::handouts::{HandoutRequest, MadeFile};
use layout::{lay_out, BrailleParagraph, PageSize, Pages};
use liblouis::Liblouis;
use text::Paragraph;

/// The two files a version's braille is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BrailleFile {
    Brf,
    Pef,
}

impl BrailleFile {
    pub(crate) const ALL: [BrailleFile; 2] = [BrailleFile::Brf, BrailleFile::Pef];

    /// The layout name its requests carry, which sends them to liblouis.
    pub(crate) fn layout(self) -> &'static str {
        match self {
            BrailleFile::Brf => "braille/brf",
            BrailleFile::Pef => "braille/pef",
        }
    }

    pub(crate) fn of_layout(layout: &str) -> Option<BrailleFile> {
        BrailleFile::ALL.into_iter().find(|f| f.layout() == layout)
    }

    pub(crate) fn extension(self) -> &'static str {
        match self {
            BrailleFile::Brf => "brf",
            BrailleFile::Pef => "pef",
        }
    }
}

/// The liblouis table of a language, when liblouis has one clearnotice knows:
/// contracted (grade 2) or uncontracted (grade 1). By the language's primary tag
/// (`en-GB` → `en`); site.toml's `[braille.tables]` names others.
pub(crate) fn built_in_table(language: &str, contracted: bool) -> Option<&'static str> {
    let primary = language.split('-').next().unwrap_or(language);
    let (grade_2, grade_1) = match primary.to_ascii_lowercase().as_str() {
        "en" => ("en-ueb-g2.ctb", "en-ueb-g1.ctb"),
        "cy" => ("cy-cy-g2.ctb", "cy-cy-g1.utb"),
        "ar" => ("ar-ar-g2.ctb", "ar-ar-g1.utb"),
        "ga" => ("ga-g2.ctb", "ga-g1.utb"),
        "de" => ("de-g2.ctb", "de-g1.ctb"),
        "es" => ("es-g2.ctb", "es-g1.ctb"),
        _ => return None,
    };
    Some(if contracted { grade_2 } else { grade_1 })
}

/// Braille as this run makes it: the liblouis found, the page size, and the table
/// of each language that has one (a language without one gets no braille).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrailleSetup {
    pub liblouis: Liblouis,
    pub size: PageSize,
    pub tables: BTreeMap<String, String>,
}

/// What one braille file is made from: the request's data, as JSON.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct BrailleInput {
    pub program: std::path::PathBuf,
    /// The liblouis version: a new one makes every file again.
    pub liblouis: String,
    pub table: String,
    pub cells: usize,
    pub lines: usize,
    pub paragraphs: Vec<Paragraph>,
    pub about: About,
}

/// What a PEF file's metadata says of its document.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct About {
    /// Where the version is published.
    pub identifier: String,
    pub title: String,
    /// Its BCP 47 tag.
    pub language: String,
    /// "Version 1.0", in the document's language.
    pub version: String,
    /// The date the version is in effect from, `YYYY-MM-DD`.
    pub date: String,
    pub publisher: String,
}

/// Makes the braille file a request asks for.
pub(crate) fn make(file: BrailleFile, request: &HandoutRequest) -> Result<MadeFile, Problem> {
    let input: BrailleInput = serde_json::from_slice(&request.data)
        .map_err(|error| failed(request, format!("braille data unreadable: {error}")))?;
    let size = PageSize {
        cells: input.cells,
        lines: input.lines,
    };
    let pages = recently_laid_out(&request.data, || {
        translate_and_lay_out(&input, size).map_err(|message| failed(request, message))
    })?;
    let bytes = match file {
        BrailleFile::Brf => formats::brf(&pages),
        BrailleFile::Pef => formats::pef(&pages, size, &input.about),
    };
    Ok(MadeFile {
        bytes,
        pages: pages.len(),
    })
}

fn failed(request: &HandoutRequest, message: String) -> Problem {
    Problem::in_file(
        Code::BrailleFailed,
        &request.source,
        format!("{}: {message}", request.ident),
    )
    .with_help(liblouis::INSTALL_HINT)
}

/// The version's text translated by liblouis and laid out on braille pages.
fn translate_and_lay_out(input: &BrailleInput, size: PageSize) -> Result<Pages, String> {
    let liblouis = Liblouis {
        program: input.program.clone(),
        version: input.liblouis.clone(),
    };
    let print: Vec<String> = input.paragraphs.iter().map(|p| p.text.clone()).collect();
    let braille = liblouis.translate(&input.table, &print)?;
    let paragraphs: Vec<BrailleParagraph> = input
        .paragraphs
        .iter()
        .zip(&braille)
        .map(|(paragraph, braille)| BrailleParagraph {
            style: paragraph.style,
            braille,
        })
        .collect();
    Ok(lay_out(&paragraphs, size))
}

/// The pages last laid out, by a hash of their data: a version's BRF and PEF come
/// from one translation (liblouis takes about 40 ms for a notice), asked for one
/// after the other. A few are kept, for the render threads working side by side.
static RECENT: Mutex<Vec<(u128, Arc<Pages>)>> = Mutex::new(Vec::new());

const RECENT_KEPT: usize = 16;

fn recently_laid_out(
    data: &[u8],
    lay_out: impl FnOnce() -> Result<Pages, Problem>,
) -> Result<Arc<Pages>, Problem> {
    let key = xxhash_rust::xxh3::xxh3_128(data);
    let found = RECENT.lock().ok().and_then(|recent| {
        recent
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
    });
    if let Some(pages) = found {
        return Ok(pages);
    }
    let pages = Arc::new(lay_out()?);
    if let Ok(mut recent) = RECENT.lock() {
        if recent.len() == RECENT_KEPT {
            recent.remove(0);
        }
        recent.push((key, pages.clone()));
    }
    Ok(pages)
}
