//! What a run needs to make braille, found once: liblouis, and the table of each of
//! the site's languages. What is missing is a warning, not an error: the site is
//! built without the braille it cannot make, and the warning says what to install
//! (`build --strict` fails on it, so a publishing workflow does not ship without).

use std::collections::BTreeMap;

use super::layout::PageSize;
use super::liblouis::{Liblouis, Missing, INSTALL_HINT};
use super::{built_in_table, BrailleSetup};
use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::SiteConfig;

/// How this run makes braille; `None` where the site asks for none or liblouis is
/// missing (with a warning in `problems`).
pub(crate) fn braille_setup(
    config: &SiteConfig,
    source: &SourceFile,
    problems: &mut Vec<Problem>,
) -> Option<BrailleSetup> {
    let braille = config.braille.as_ref()?;
    let span = section_span(source);
    let liblouis = match Liblouis::find() {
        Ok(liblouis) => liblouis,
        Err(missing) => {
            let why = match missing {
                Missing::NotInstalled => "liblouis (`lou_translate`) is not installed".to_string(),
                Missing::NotWorking(why) => format!("liblouis does not work here: {why}"),
            };
            problems.push(
                source
                    .problem(
                        Code::LiblouisMissing,
                        span,
                        format!("no braille files are made: {why}"),
                    )
                    .with_help(INSTALL_HINT)
                    .warning(),
            );
            return None;
        }
    };
    let mut tables = BTreeMap::new();
    for language in config.all_languages() {
        let table = braille
            .tables
            .get(&language)
            .cloned()
            .or_else(|| built_in_table(&language, braille.contracted).map(String::from));
        let problem = match table {
            Some(table) if liblouis.has_table(&table) => {
                tables.insert(language, table);
                continue;
            }
            Some(table) => format!("liblouis {} has no table `{table}`, so the `{language}` pages offer no braille", liblouis.version),
            None => format!("clearnotice knows no braille table for `{language}`, so its pages offer no braille"),
        };
        problems.push(
            source
                .problem(Code::BrailleNoTable, span.clone(), problem)
                .with_help(format!("Name a liblouis table for it in [braille.tables], like {language} = \"…\" (liblouis lists its tables in its tables folder)."))
                .warning(),
        );
    }
    Some(BrailleSetup {
        liblouis,
        size: PageSize {
            cells: braille.cells_per_line,
            lines: braille.lines_per_page,
        },
        tables,
    })
}

/// Where `[braille]` is written, for the problems about it.
fn section_span(source: &SourceFile) -> std::ops::Range<usize> {
    match source.text.find("[braille") {
        Some(start) => {
            let end = source.text[start..]
                .find('\n')
                .map_or(source.text.len(), |n| start + n);
            start..end
        }
        None => 0..0,
    }
}
