//! Reading `site.toml`, the site's settings.

use std::path::Path;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::load::source::Source;
use crate::load::text::read_text;
use crate::load::toml_problem::toml_problem;
use crate::model::{BrailleConfig, SiteConfig};

pub(crate) const CONFIG_FILE: &str = "site.toml";

/// Reads and checks `<root>/site.toml`.
pub(crate) fn load_config(
    source: &dyn Source,
    root: &Path,
) -> Result<(SiteConfig, SourceFile), Vec<Problem>> {
    let path = root.join(CONFIG_FILE);
    if !source.is_file(&path) {
        return Err(vec![Problem::in_file(
            Code::NoSiteToml,
            CONFIG_FILE,
            format!("there is no {CONFIG_FILE} in {}", root.display()),
        )
        .with_help(
            "Run clearnotice in your site's folder (the one with site.toml and content/), \
             or name it with --root FOLDER.",
        )]);
    }
    let source = read_text(source, &path, Path::new(CONFIG_FILE)).map_err(|p| vec![p])?;
    let mut config: SiteConfig = toml::from_str(&source.text)
        .map_err(|err| vec![toml_problem(Code::SettingsInvalid, &source, 0, &err)])?;
    let problems = validate(&mut config, &source);
    if problems.is_empty() {
        Ok((config, source))
    } else {
        Err(problems)
    }
}

/// Finds where `key = ` is written, to point a problem at it.
fn span_of_key(source: &SourceFile, key: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in source.text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
            let start = offset + (line.len() - trimmed.len());
            return start..offset + line.trim_end().len();
        }
        offset += line.len();
    }
    0..0
}

/// Where `language = "table"` is written (a language's key alone may also be in
/// `[titles]`).
fn span_of_table(source: &SourceFile, language: &str, table: &str) -> std::ops::Range<usize> {
    let span = span_of_key(source, language);
    let quoted = format!("{table:?}");
    match source.text.find(&quoted) {
        Some(at) if !source.text[span.clone()].contains(&quoted) => {
            let start = source.text[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = source.text[at..]
                .find('\n')
                .map_or(source.text.len(), |n| at + n);
            start..end
        }
        _ => span,
    }
}

fn validate(config: &mut SiteConfig, source: &SourceFile) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, value) in [
        ("title", &config.title),
        ("organisation", &config.organisation),
        ("language", &config.language),
    ] {
        if value.trim().is_empty() {
            problems.push(
                source
                    .problem(
                        Code::SettingEmpty,
                        span_of_key(source, key),
                        format!("`{key}` is empty"),
                    )
                    .with_help(format!("Write the site's {key} between the quotes.")),
            );
        }
    }
    check_languages(config, source, &mut problems);
    if let Some(pin) = &config.clearnotice {
        if !is_release_number(pin) {
            problems.push(
                source
                    .problem(Code::ReleasePinInvalid, span_of_key(source, "clearnotice"), format!("`clearnotice` must name a release, like \"{}\", not {pin:?}", env!("CARGO_PKG_VERSION")))
                    .with_help("It is the clearnotice release the site is built with: three numbers with dots, in quotes."),
            );
        }
    }
    problems.extend(crate::load::contact::check_contact(
        &config.contact,
        source,
        0,
    ));
    check_print_sizes(config, source, &mut problems);
    if let Some(review) = &config.review {
        if !(1..=60).contains(&review.every_months) {
            problems.push(
                source
                    .problem(Code::ReviewIntervalOutOfRange, span_of_key(source, "every_months"), format!("[review] every_months = {} is outside 1–60", review.every_months))
                    .with_help("Give how many months pass between reviews of a notice: every_months = 12 reviews each notice once a year."),
            );
        }
    }
    let targets = &config.readability;
    for (key, grade) in [
        ("grade", targets.grade),
        ("children_grade", Some(targets.children_grade)),
    ] {
        if let Some(grade) = grade.filter(|g| !(1.0..=18.0).contains(g)) {
            problems.push(
                source
                    .problem(Code::ReadabilityTargetOutOfRange, span_of_key(source, key), format!("[readability] {key} = {grade} is outside 1–18"))
                    .with_help("Give a Flesch–Kincaid grade: 9 is a reading age of 14, GOV.UK writes for about 4 (a reading age of 9)."),
            );
        }
    }
    if let Some(braille) = &config.braille {
        check_braille(braille, &config.all_languages(), source, &mut problems);
    }
    match normalise_base_url(&config.base_url) {
        Some(url) => config.base_url = url,
        None => problems.push(
            source
                .problem(Code::BaseUrlInvalid,
                    span_of_key(source, "base_url"),
                    format!("`base_url` must be a web address, not {:?}", config.base_url),
                )
                .with_help("Write the full address the site is published at, like base_url = \"https://example.org/privacy/\"."),
        ),
    }
    problems
}

/// The large-print and easy-read leaflet text sizes, within what their rules allow.
fn check_print_sizes(config: &SiteConfig, source: &SourceFile, problems: &mut Vec<Problem>) {
    let size = config.large_print.size_pt;
    if !(16..=24).contains(&size) {
        let why = if size < 16 {
            "below 16 pt is not large print (UKAAF: large print is at least 16 pt)"
        } else {
            "above 24 pt, few lines fit on an A4 page; people who need bigger text use giant print or a screen"
        };
        problems.push(
            source
                .problem(
                    Code::PrintSizeOutOfRange,
                    span_of_key(source, "size_pt"),
                    format!("large-print size {size} pt is not allowed: {why}"),
                )
                .with_help("Choose a size from 16 to 24 points: size_pt = 18 is the usual one."),
        );
    }
    let size = config.easy_read.handout_size_pt;
    if !(14..=24).contains(&size) {
        problems.push(
            source
                .problem(Code::PrintSizeOutOfRange,
                    span_of_key(source, "handout_size_pt"),
                    format!("easy-read leaflet size {size} pt is not allowed: easy read needs 14 pt at least, and above 24 pt too few points fit on a page"),
                )
                .with_help("Choose a size from 14 to 24 points: handout_size_pt = 16 is the usual one."),
        );
    }
}

/// `0.2.0`, `1.10.3`, `0.3.0-rc.1`: a release's number.
/// `[braille]`: a page size embossers use, and tables for the site's languages
/// named as liblouis names them (they are passed to liblouis as they are).
fn check_braille(
    braille: &BrailleConfig,
    languages: &[String],
    source: &SourceFile,
    problems: &mut Vec<Problem>,
) {
    for (key, value, range) in [
        ("cells_per_line", braille.cells_per_line, 20..=64),
        ("lines_per_page", braille.lines_per_page, 10..=40),
    ] {
        if !range.contains(&value) {
            problems.push(
                source
                    .problem(
                        Code::BrailleSettingOutOfRange,
                        span_of_key(source, key),
                        format!(
                            "braille `{key}` = {value} is outside {}–{}",
                            range.start(),
                            range.end()
                        ),
                    )
                    .with_help("Braille on A4 paper is 40 cells a line and 25 lines a page: cells_per_line = 40, lines_per_page = 25."),
            );
        }
    }
    for (language, table) in &braille.tables {
        let is_table_name = !table.is_empty()
            && table
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-,".contains(c));
        let problem = if !languages.contains(language) {
            format!("[braille.tables] names a table for `{language}`, which the site is not published in")
        } else if !is_table_name {
            format!("[braille.tables] `{language}` = {table:?} is not a liblouis table's file name")
        } else {
            continue;
        };
        problems.push(
            source
                .problem(Code::BrailleTableInvalid, span_of_table(source, language, table), problem)
                .with_help(format!("Name a table file liblouis has, for one of the site's languages ({}), like cy = \"cy-cy-g2.ctb\".", languages.join(", "))),
        );
    }
}

fn is_release_number(text: &str) -> bool {
    let (core, pre) = text.split_once('-').unwrap_or((text, ""));
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && pre.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// A warning when site.toml names another clearnotice release than this one: what is
/// published is built with the release it names (the workflow installs that one).
pub(crate) fn release_pin_warning(config: &SiteConfig, source: &SourceFile) -> Option<Problem> {
    let pin = config.clearnotice.as_deref()?;
    let own = env!("CARGO_PKG_VERSION");
    if pin == own || !is_release_number(pin) {
        return None;
    }
    Some(
        source
            .problem(Code::ReleasePinDiffers,
                span_of_key(source, "clearnotice"),
                format!("site.toml says this site is built with clearnotice {pin}, but this is clearnotice {own}: the published site is built with {pin}, and may differ from what you see"),
            )
            .with_help(format!("To publish with {own}, change the line to clearnotice = \"{own}\" (and run clearnotice init --update-ci for its workflow). To see what will be published, use clearnotice {pin}."))
            .warning(),
    )
}

/// `languages`: tags, each once; the first is the default, which `language` (if
/// written too) must agree with.
fn check_languages(config: &mut SiteConfig, source: &SourceFile, problems: &mut Vec<Problem>) {
    for tag in config.titles.keys() {
        if !config.languages.get(1..).unwrap_or_default().contains(tag) {
            problems.push(
                source
                    .problem(Code::TitleInUnknownLanguage, span_of_key(source, tag), format!("`titles` has a title in {tag:?}, which is not one of the site's other languages"))
                    .with_help("`titles` gives the site's title in the languages after the first of `languages`; `title` is the default language's."),
            );
        }
    }
    let Some(first) = config.languages.first().cloned() else {
        return;
    };
    let at = span_of_key(source, "languages");
    for (index, tag) in config.languages.iter().enumerate() {
        if !crate::load::content::is_language_tag(tag) {
            problems.push(
                source
                    .problem(Code::LanguageTagInvalid, at.clone(), format!("{tag:?} is not a language tag"))
                    .with_help("Write each language as its BCP 47 tag: \"en-GB\" for British English, \"cy\" for Welsh, \"pl\" for Polish, \"ar\" for Arabic."),
            );
        } else if config.languages[..index].contains(tag) {
            problems.push(
                source
                    .problem(
                        Code::LanguageListedTwice,
                        at.clone(),
                        format!("{tag:?} is listed twice in `languages`"),
                    )
                    .with_help("List each language once, the site's default first."),
            );
        }
    }
    let language_written = !span_of_key(source, "language").is_empty();
    if language_written && config.language != first {
        problems.push(
            source
                .problem(Code::LanguagesDisagree, span_of_key(source, "language"), format!("`language` says {:?} but `languages` starts with {first:?}", config.language))
                .with_help("The first of `languages` is the site's default language: delete the `language` line, or make the two agree."),
        );
    }
    config.language = first;
}

/// A base URL is an absolute http(s) address; it always ends in `/`.
pub(crate) fn normalise_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_absolute_and_end_in_a_slash() {
        assert_eq!(
            normalise_base_url("https://a.org/privacy").as_deref(),
            Some("https://a.org/privacy/")
        );
        assert_eq!(
            normalise_base_url("http://localhost:1111/").as_deref(),
            Some("http://localhost:1111/")
        );
        for bad in [
            "",
            "a.org",
            "/privacy/",
            "https://",
            "ftp://a.org/",
            "https://a b.org/",
        ] {
            assert_eq!(normalise_base_url(bad), None, "{bad}");
        }
    }
}
