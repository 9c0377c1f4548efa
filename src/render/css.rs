//! The theme's stylesheets: an entry such as `css/main.css` bundled with its
//! `@import`s by lightningcss's `Bundler` (an import with a media query, like
//! `@import "print.css" print;`, keeps its query), then minified for the browsers we
//! support, into one file. The `Bundler` reads from the theme — the built-in files
//! with the site's overrides — through [`ThemeSources`], never from the disk.

use std::path::Path;

use lightningcss::bundler::{BundleErrorKind, Bundler, ResolveResult, SourceProvider};
use lightningcss::error::{Error, ErrorLocation};
use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions};
use lightningcss::targets::{Browsers, Targets};

use crate::diagnostics::{Code, Problem};
use crate::model::SiteConfig;
use crate::theme::Theme;

/// Settings from site.toml that stylesheets use, as CSS custom properties.
pub(crate) fn css_variables(config: &SiteConfig) -> String {
    format!(
        ":root{{--large-print-size:{}pt}}",
        config.large_print.size_pt
    )
}

/// Browsers from the last few years; older ones still get readable, unstyled-ish pages.
fn targets() -> Targets {
    let version = |major: u32| Some(major << 16);
    Targets::from(Browsers {
        chrome: version(109),
        edge: version(109),
        firefox: version(115),
        safari: version(15),
        ios_saf: version(15),
        samsung: version(20),
        ..Browsers::default()
    })
}

/// The theme as the `Bundler`'s file system: paths are the theme's own
/// (`css/common.css`), and an import is resolved beside the file that names it.
struct ThemeSources<'a>(&'a Theme);

/// A stylesheet the theme does not have.
#[derive(Debug, thiserror::Error)]
#[error("this stylesheet is missing from the theme: {0}")]
struct MissingStylesheet(String);

impl SourceProvider for ThemeSources<'_> {
    type Error = MissingStylesheet;

    fn read<'s>(&'s self, file: &Path) -> Result<&'s str, Self::Error> {
        let path = theme_path(file);
        self.0
            .text(&path)
            .map(|(text, _)| text)
            .ok_or(MissingStylesheet(path))
    }

    fn resolve(
        &self,
        specifier: &str,
        originating_file: &Path,
    ) -> Result<ResolveResult, Self::Error> {
        let folder = originating_file.parent().unwrap_or(Path::new(""));
        Ok(ResolveResult::File(folder.join(specifier)))
    }
}

/// A bundler path as the theme names its files, with `/` on every platform.
fn theme_path(file: &Path) -> String {
    file.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Bundles the stylesheet `entry` and its imports into one minified (or readable)
/// stylesheet, after `prelude` (the site's settings as custom properties).
pub(crate) fn bundle_css(
    theme: &Theme,
    entry: &str,
    prelude: &str,
    minify: bool,
) -> Result<String, Vec<Problem>> {
    let sources = ThemeSources(theme);
    let mut bundler = Bundler::new(&sources, None, ParserOptions::default());
    let mut sheet = bundler
        .bundle(Path::new(entry))
        .map_err(|err| vec![bundle_problem(theme, entry, err)])?;
    sheet
        .minify(MinifyOptions {
            targets: targets(),
            ..MinifyOptions::default()
        })
        .map_err(|err| vec![css_problem(theme, entry, err.kind.to_string(), err.loc)])?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify,
            targets: targets(),
            ..PrinterOptions::default()
        })
        .map_err(|err| vec![css_problem(theme, entry, err.kind.to_string(), err.loc)])?;
    Ok(format!("{prelude}\n{}\n", printed.code))
}

/// A bundling error: a missing import names the file that imports it; a syntax
/// error names its file and line.
fn bundle_problem(
    theme: &Theme,
    entry: &str,
    err: Error<BundleErrorKind<'_, MissingStylesheet>>,
) -> Problem {
    if let BundleErrorKind::ResolverError(MissingStylesheet(missing)) = &err.kind {
        let importer = err
            .loc
            .as_ref()
            .map_or(entry.to_string(), |loc| loc.filename.clone());
        return Problem::in_file(
            Code::StylesheetError,
            theme.origin(&importer),
            format!("this stylesheet imports {missing}, which is missing from the theme"),
        )
        .with_help("Put the file back, or remove the @import that names it.");
    }
    css_problem(theme, entry, err.kind.to_string(), err.loc)
}

fn css_problem(theme: &Theme, entry: &str, message: String, loc: Option<ErrorLocation>) -> Problem {
    let message = format!("CSS error: {message}");
    match loc {
        Some(loc) => Problem::at_line(
            Code::StylesheetError,
            theme.origin(&loc.filename),
            loc.line as usize + 1,
            loc.column as usize,
            message,
        ),
        None => Problem::in_file(Code::StylesheetError, theme.origin(entry), message),
    }
    .with_help("Check this stylesheet for a missing brace, colon or semicolon near that line.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeFile;

    fn theme(files: &[(&str, &str)]) -> Theme {
        Theme {
            files: files
                .iter()
                .map(|(path, text)| {
                    let file = ThemeFile {
                        bytes: text.as_bytes().to_vec(),
                        origin: format!("themes/default/{path}").into(),
                    };
                    (path.to_string(), file)
                })
                .collect(),
            ..Theme::default()
        }
    }

    #[test]
    fn imports_in_every_spelling_are_inlined_and_keep_their_media() {
        // The old line-by-line inliner missed `url(…)` and dropped the outer media
        // query of a nested import.
        let theme = theme(&[
            (
                "css/main.css",
                "@import url(\"a.css\");\n@import 'paper.css' print;\nmain{color:red}",
            ),
            ("css/a.css", "a{color:blue}"),
            ("css/paper.css", "@import \"margins.css\";\np{color:black}"),
            ("css/margins.css", "body{margin:0}"),
        ]);
        let css = bundle_css(&theme, "css/main.css", "", true).unwrap();
        assert_eq!(
            css,
            "\na{color:#00f}@media print{body{margin:0}p{color:#000}}main{color:red}\n"
        );
    }

    #[test]
    fn a_missing_import_names_the_file_that_imports_it() {
        let theme = theme(&[("css/main.css", "@import \"gone.css\";\n")]);
        let problems = bundle_css(&theme, "css/main.css", "", true).unwrap_err();
        let text = format!("{:?}", problems[0]);
        assert!(text.contains("themes/default/css/main.css"), "{text}");
        assert!(text.contains("css/gone.css"), "{text}");
    }
}
