//! The words of the theme in one language: `strings/<tag>.toml`. Templates see them as
//! `t`; render fills in the sentences it builds itself (link texts, page titles, dates)
//! from the same file, so a page is in one language throughout.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Problem, SourceFile};
use crate::model::Date;
use crate::theme::Theme;

/// The language every other language's file is compared with: its keys are the
/// keys a strings file must have.
pub const REFERENCE_LANGUAGE: &str = "en-GB";

/// Which way a language is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// One language's words.
#[derive(Debug, Clone, Serialize)]
pub struct Strings {
    /// The BCP 47 tag the pages say (`lang`): `en-GB`, `cy`.
    pub tag: String,
    /// The language's name in itself: "Cymraeg".
    pub name: String,
    pub direction: Direction,
    #[serde(skip)]
    months: Vec<String>,
    /// Every sentence and label, by key.
    pub text: BTreeMap<String, String>,
}

impl Strings {
    /// The string for `key`, with each `{name}` replaced by its value.
    ///
    /// # Panics
    /// When `key` is not in the file: every file is checked against the built-in
    /// English file's keys when it is read, so a missing one is a bug here (a key
    /// used in render but not written in `strings/en-GB.toml`).
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let template = self.text.get(key).unwrap_or_else(|| {
            panic!(
                "no string {key:?}: every key render uses is in strings/{REFERENCE_LANGUAGE}.toml"
            )
        });
        fill(template, values)
    }

    pub fn get(&self, key: &str) -> String {
        self.fill(key, &[])
    }

    /// A date as people read it in this language: "1 April 2027", "1 Ebrill 2027".
    pub fn date(&self, date: Date) -> String {
        let month = &self.months[usize::from(date.month().unsigned_abs()) - 1];
        self.fill(
            "date",
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// Reads `strings/<tag>.toml` (or the file of the tag's language without its
    /// region: `en.toml` for `en-US`) from the theme, checked against the reference
    /// language's keys.
    pub fn load(theme: &Theme, tag: &str) -> Result<Strings, Problem> {
        let (key, path, source, mut table) = read_file(theme, tag)?;
        // A site's copy of a built-in file overrides the strings it holds.
        if let Some(built_in) = theme.built_in_strings.get(&key) {
            let base: toml::Table = toml::from_str(&String::from_utf8_lossy(&built_in.bytes))
                .expect("the built-in strings are valid TOML");
            for (key, value) in base {
                table.entry(key).or_insert(value);
            }
        }
        let reference = reference_keys();
        let missing: Vec<&String> = reference
            .iter()
            .filter(|key| !table.contains_key(*key))
            .collect();
        if let Some(key) = missing.first() {
            return Err(Problem::in_file(
                &path,
                format!(
                    "the {tag} strings have no `{key}`{}",
                    if missing.len() > 1 {
                        format!(" (and {} more keys)", missing.len() - 1)
                    } else {
                        String::new()
                    }
                ),
            )
            .with_help(format!(
                "Every language's strings file needs every key of strings/{REFERENCE_LANGUAGE}.toml. Add `{key} = \"…\"` in {tag}, translated from the English.",
            )));
        }
        strings_from(tag, &source, table)
    }
}

/// The keys every strings file must have: the built-in English file's (not a site's
/// copy of it, which could lack a key render asks for).
fn reference_keys() -> Vec<String> {
    const BUILT_IN: &str = include_str!("../../themes/default/strings/en-GB.toml");
    let table: toml::Table = toml::from_str(BUILT_IN).expect("the built-in strings are valid TOML");
    table.into_iter().map(|(key, _)| key).collect()
}

/// `{name}` → value, for every value given; other text is kept as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A strings file: its path in the theme, its path as shown, its text and table.
type StringsFile = (String, String, SourceFile, toml::Table);

/// The theme's strings file for `tag`.
fn read_file(theme: &Theme, tag: &str) -> Result<StringsFile, Problem> {
    let primary = tag.split('-').next().unwrap_or(tag);
    let candidates = [
        format!("strings/{tag}.toml"),
        format!("strings/{primary}.toml"),
    ];
    let Some((key, (text, file))) = candidates
        .iter()
        .find_map(|path| theme.text(path).map(|found| (path.clone(), found)))
    else {
        return Err(Problem::in_file(
            format!("themes/default/strings/{tag}.toml"),
            format!("there are no strings for the language {tag}: the theme has no strings/{tag}.toml"),
        )
        .with_help(format!(
            "Copy the theme's strings/{REFERENCE_LANGUAGE}.toml to themes/default/strings/{tag}.toml in the site and translate every string."
        )));
    };
    let shown = file.origin.display().to_string();
    let source = SourceFile::new(&file.origin, text);
    let table: toml::Table = toml::from_str(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        source
            .problem(
                span,
                format!("this strings file is not valid TOML: {}", err.message()),
            )
            .with_help("Each line is `key = \"words\"`.")
    })?;
    Ok((key, shown, source, table))
}

fn strings_from(tag: &str, source: &SourceFile, table: toml::Table) -> Result<Strings, Problem> {
    let at = |key: &str| {
        source
            .text
            .find(&format!("\n{key} ="))
            .map_or(0..0, |i| i + 1..i + 1 + key.len())
    };
    let mut text = BTreeMap::new();
    let mut months = Vec::new();
    for (key, value) in table {
        match (key.as_str(), value) {
            ("months", toml::Value::Array(names)) if names.len() == 12 => {
                months = names
                    .iter()
                    .map(|n| n.as_str().unwrap_or_default().to_string())
                    .collect();
            }
            ("months", _) => {
                return Err(source
                    .problem(at("months"), "`months` must list the twelve months' names")
                    .with_help(
                        "months = [\"January\", …, \"December\"], in this file's language.",
                    ))
            }
            (_, toml::Value::String(value)) => {
                text.insert(key, value);
            }
            (_, _) => {
                return Err(source
                    .problem(at(&key), format!("`{key}` must be text in quotes"))
                    .with_help("Each line is `key = \"words\"`."))
            }
        }
    }
    let direction = match text.get("direction").map(String::as_str) {
        Some("rtl") => Direction::Rtl,
        Some("ltr") => Direction::Ltr,
        other => {
            return Err(source
                .problem(
                    at("direction"),
                    format!("`direction` must be \"ltr\" or \"rtl\", not {other:?}"),
                )
                .with_help("Right-to-left languages (Arabic, Urdu, Hebrew) are \"rtl\"."))
        }
    };
    Ok(Strings {
        tag: tag.to_string(),
        name: text.get("language_name").cloned().unwrap_or_default(),
        direction,
        months,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Theme {
        let mut problems = Vec::new();
        let theme =
            crate::load::theme::load_theme(std::path::Path::new("/nonexistent"), &mut problems);
        assert!(problems.is_empty());
        theme
    }

    #[test]
    fn dates_are_in_the_language_of_the_page() {
        let theme = theme();
        let day = Date::new(2027, 4, 1).unwrap();
        assert_eq!(
            Strings::load(&theme, "en-GB").unwrap().date(day),
            "1 April 2027"
        );
        assert_eq!(
            Strings::load(&theme, "cy").unwrap().date(day),
            "1 Ebrill 2027"
        );
    }

    #[test]
    fn a_language_without_a_file_or_with_a_missing_key_is_refused() {
        let mut theme = theme();
        let err = Strings::load(&theme, "ar").unwrap_err().to_string();
        assert!(err.contains("no strings for the language ar"), "{err}");
        let welsh = theme.files.get_mut("strings/cy.toml").unwrap();
        let text = String::from_utf8(welsh.bytes.clone()).unwrap();
        welsh.bytes = text
            .replace("\nlast_updated =", "\nlast_updated_not =")
            .into_bytes();
        let err = Strings::load(&theme, "cy").unwrap_err().to_string();
        assert!(err.contains("have no `last_updated`"), "{err}");
    }

    #[test]
    fn values_fill_their_places() {
        assert_eq!(
            fill(
                "Version {version} of {title}",
                &[("version", "2.0"), ("title", "A")]
            ),
            "Version 2.0 of A"
        );
    }
}
