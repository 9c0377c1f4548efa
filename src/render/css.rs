//! The theme's stylesheet: `css/main.css` with its `@import`s inlined (an import with a
//! media query, like `@import "print.css" print;`, is wrapped in `@media`), each file
//! parsed and minified by lightningcss for the browsers we support, into one file.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::targets::{Browsers, Targets};

use crate::diagnostics::Problem;
use crate::model::SiteConfig;
use crate::theme::Theme;

/// Settings from site.toml that stylesheets use, as CSS custom properties.
pub fn css_variables(config: &SiteConfig) -> String {
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

/// Bundles the stylesheet `entry` and its imports into one minified (or readable)
/// stylesheet, after `prelude` (the site's settings as custom properties).
pub fn bundle_css(
    theme: &Theme,
    entry: &str,
    prelude: &str,
    minify: bool,
) -> Result<String, Vec<Problem>> {
    let mut parts = Vec::new();
    collect(theme, entry, None, &mut parts, &mut Vec::new())?;
    let mut out = format!("{prelude}\n");
    let mut problems = Vec::new();
    for (path, media) in parts {
        match process_file(theme, &path, minify) {
            Ok(css) => match media {
                Some(media) => out.push_str(&format!("@media {media}{{{css}}}\n")),
                None => {
                    out.push_str(&css);
                    out.push('\n');
                }
            },
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Lists the files to bundle in order: each file's imports before its own rules.
fn collect(
    theme: &Theme,
    path: &str,
    media: Option<String>,
    parts: &mut Vec<(String, Option<String>)>,
    seen: &mut Vec<String>,
) -> Result<(), Vec<Problem>> {
    if seen.iter().any(|p| p == path) {
        return Ok(());
    }
    seen.push(path.to_string());
    let Some((text, _)) = theme.text(path) else {
        return Err(vec![Problem::in_file(
            format!("themes/default/{path}"),
            "this stylesheet is missing from the theme",
        )
        .with_help("Put the file back, or remove the @import that names it.")]);
    };
    for line in text.lines() {
        if let Some((imported, import_media)) = parse_import(line) {
            let folder = path.rsplit_once('/').map_or("", |(dir, _)| dir);
            collect(
                theme,
                &format!("{folder}/{imported}"),
                import_media.or(media.clone()),
                parts,
                seen,
            )?;
        }
    }
    parts.push((path.to_string(), media));
    Ok(())
}

/// `@import "print.css" print;` → (`print.css`, `Some("print")`).
fn parse_import(line: &str) -> Option<(String, Option<String>)> {
    let rest = line.trim().strip_prefix("@import")?.trim();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let (name, after) = rest[1..].split_once(quote)?;
    let media = after.trim().trim_end_matches(';').trim();
    Some((
        name.to_string(),
        (!media.is_empty()).then(|| media.to_string()),
    ))
}

fn process_file(theme: &Theme, path: &str, minify: bool) -> Result<String, Problem> {
    let (text, file) = theme
        .text(path)
        .ok_or_else(|| Problem::in_file(path, "stylesheet missing"))?;
    // The imports were inlined by `collect`; drop them so the browser does not fetch them.
    let text: String = text
        .lines()
        .filter(|line| parse_import(line).is_none())
        .collect::<Vec<_>>()
        .join("\n");
    let origin = file.origin.display().to_string();
    let css_problem = |message: String, loc: Option<(u32, u32)>| {
        let problem = match loc {
            Some((line, column)) => {
                Problem::at_line(&origin, line as usize + 1, column as usize, message)
            }
            None => Problem::in_file(&origin, message),
        };
        problem.with_help(
            "Check this stylesheet for a missing brace, colon or semicolon near that line.",
        )
    };
    let options = ParserOptions {
        filename: origin.clone(),
        ..ParserOptions::default()
    };
    let mut sheet = StyleSheet::parse(&text, options).map_err(|err| {
        css_problem(
            format!("CSS error: {}", err.kind),
            err.loc.map(|l| (l.line, l.column)),
        )
    })?;
    sheet
        .minify(MinifyOptions {
            targets: targets(),
            ..MinifyOptions::default()
        })
        .map_err(|err| {
            css_problem(
                format!("CSS error: {}", err.kind),
                err.loc.map(|l| (l.line, l.column)),
            )
        })?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify,
            targets: targets(),
            ..PrinterOptions::default()
        })
        .map_err(|err| {
            css_problem(
                format!("CSS error: {}", err.kind),
                err.loc.map(|l| (l.line, l.column)),
            )
        })?;
    Ok(printed.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_parsed_with_their_media() {
        assert_eq!(
            parse_import(r#"@import "print.css" print;"#),
            Some(("print.css".into(), Some("print".into())))
        );
        assert_eq!(
            parse_import("@import 'a.css';"),
            Some(("a.css".into(), None))
        );
        assert_eq!(parse_import("a { color: red }"), None);
    }
}
