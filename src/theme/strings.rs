//! The words of the theme in one language: `strings/<tag>.toml`. Templates see them as
//! `t`; render fills in the sentences it builds itself (link texts, page titles, dates)
//! from the same file, so a page is in one language throughout.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::Date;
use crate::theme::Theme;

/// The language every other language's file is compared with: its keys are the
/// keys a strings file must have.
pub(crate) const REFERENCE_LANGUAGE: &str = "en-GB";

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
        let reference = reference_table();
        check_against_reference(&source, &table, &reference)?;
        let missing: Vec<&String> = reference
            .keys()
            .filter(|key| !table.contains_key(*key))
            .collect();
        if let Some(key) = missing.first() {
            return Err(Problem::in_file(Code::StringMissing,
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

/// The built-in English file, whose keys every strings file must have (not a site's
/// copy of it, which could lack a key render asks for), and whose sentences say
/// which `{places}` each sentence has.
fn reference_table() -> toml::Table {
    const BUILT_IN: &str = include_str!("../../themes/default/strings/en-GB.toml");
    toml::from_str(BUILT_IN).expect("the built-in strings are valid TOML")
}

/// Every key of a strings file is one the theme knows, and each sentence has the same
/// `{places}` as the English one: a place it lacks would leave its value out (a
/// "Page N of M" with no M), one the English lacks would be published as `{nonsense}`.
fn check_against_reference(
    source: &SourceFile,
    table: &toml::Table,
    reference: &toml::Table,
) -> Result<(), Problem> {
    for (key, value) in table {
        let Some(english) = reference.get(key) else {
            let near = reference
                .keys()
                .min_by_key(|known| edit_distance(known, key))
                .filter(|known| edit_distance(known, key) <= 3);
            return Err(source
                .problem(Code::StringUnknown, key_span(source, key), format!("`{key}` is not a string the theme has"))
                .with_help(match near {
                    Some(known) => format!("Did you mean `{known}`? The keys are those of the theme's strings/{REFERENCE_LANGUAGE}.toml."),
                    None => format!("The keys are those of the theme's strings/{REFERENCE_LANGUAGE}.toml: delete this line, or check its spelling there."),
                }));
        };
        let (Some(value), Some(english)) = (value.as_str(), english.as_str()) else {
            continue;
        };
        let (want, have) = (places(english), places(value));
        if want != have {
            let list = |places: &[String]| {
                if places.is_empty() {
                    "none".to_string()
                } else {
                    places
                        .iter()
                        .map(|p| format!("{{{p}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            return Err(source
                .problem(Code::StringPlaceholders,
                    key_span(source, key),
                    format!("`{key}` must have the places {} (as the English does), not {}", list(&want), list(&have)),
                )
                .with_help(format!("The English is {english:?}: keep each {{place}} as it is written there, in your language's word order.")));
        }
    }
    Ok(())
}

/// The `{places}` of a sentence, sorted, each once.
fn places(sentence: &str) -> Vec<String> {
    let mut found: Vec<String> = sentence
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Where `key = ` is written in a strings file.
fn key_span(source: &SourceFile, key: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in source.text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            let start = offset + (line.len() - trimmed.len());
            return start..start + key.len();
        }
        offset += line.len();
    }
    0..0
}

/// How many letters must change to turn `a` into `b` (for "did you mean").
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            previous = here;
        }
    }
    row[b.len()]
}

/// `{name}` → value, for every value given; other text is kept as written.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
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
        return Err(Problem::in_file(Code::NoStringsForLanguage,
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
                Code::StringsInvalid,
                span,
                format!("this strings file is not valid TOML: {}", err.message()),
            )
            .with_help("Each line is `key = \"words\"`.")
    })?;
    Ok((key, shown, source, table))
}

/// The direction a strings file says its language is written in.
fn direction_of(source: &SourceFile, written: Option<&str>) -> Result<Direction, Problem> {
    Ok(match written {
        Some("rtl") => Direction::Rtl,
        Some("ltr") => Direction::Ltr,
        other => {
            return Err(source
                .problem(
                    Code::StringsInvalid,
                    key_span(source, "direction"),
                    match other {
                        Some(other) => {
                            format!("`direction` must be \"ltr\" or \"rtl\", not {other:?}")
                        }
                        None => "`direction` must be \"ltr\" or \"rtl\"".to_string(),
                    },
                )
                .with_help("Right-to-left languages (Arabic, Urdu, Hebrew) are \"rtl\"."))
        }
    })
}

fn strings_from(tag: &str, source: &SourceFile, table: toml::Table) -> Result<Strings, Problem> {
    let at = |key: &str| key_span(source, key);
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
                    .problem(
                        Code::StringsInvalid,
                        at("months"),
                        "`months` must list the twelve months' names",
                    )
                    .with_help(
                        "months = [\"January\", …, \"December\"], in this file's language.",
                    ))
            }
            (_, toml::Value::String(value)) => {
                text.insert(key, value);
            }
            (_, _) => {
                return Err(source
                    .problem(
                        Code::StringsInvalid,
                        at(&key),
                        format!("`{key}` must be text in quotes"),
                    )
                    .with_help("Each line is `key = \"words\"`."))
            }
        }
    }
    let direction = direction_of(source, text.get("direction").map(String::as_str))?;
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
        let theme = crate::load::theme::load_theme(
            &crate::load::source::Disk,
            std::path::Path::new("/nonexistent"),
            &mut problems,
        );
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
        let without: String = text
            .lines()
            .filter(|l| !l.starts_with("last_updated ="))
            .map(|l| format!("{l}\n"))
            .collect();
        welsh.bytes = without.into_bytes();
        let err = Strings::load(&theme, "cy").unwrap_err().to_string();
        assert!(err.contains("have no `last_updated`"), "{err}");
        // Misspelt, it is a key the theme does not have.
        let welsh = theme.files.get_mut("strings/cy.toml").unwrap();
        welsh.bytes = text
            .replace("\nlast_updated =", "\nlast_updatd =")
            .into_bytes();
        let err = Strings::load(&theme, "cy").unwrap_err();
        assert!(
            err.message
                .contains("`last_updatd` is not a string the theme has"),
            "{err}"
        );
        assert!(err.help.unwrap().contains("Did you mean `last_updated`?"));
    }

    #[test]
    fn the_built_in_strings_have_the_english_places() {
        let theme = theme();
        for tag in ["en-GB", "cy"] {
            Strings::load(&theme, tag).unwrap_or_else(|e| panic!("{tag}: {e}"));
        }
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
