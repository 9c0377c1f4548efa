//! The words of the theme in one language: `strings/<tag>.ftl`, in Project Fluent's
//! format — the syntax translators' tools (Pontoon, Weblate) edit — with each
//! language's CLDR plural rules from fluent-bundle (`{ $pages -> [one] … *[other] … }`
//! picks "1 strona", "2 strony", "5 stron" in Polish; never written here). Templates
//! see the messages as `t`; render fills in the sentences it builds itself (link
//! texts, page titles, dates) from the same file, so a page is in one language
//! throughout.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
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
    /// Every message as templates see it: a value's place written `{name}`, and
    /// of a choice by number its default (`*[other]`) form.
    pub text: BTreeMap<String, String>,
    #[serde(skip)]
    messages: Messages,
}

/// The language's messages, ready to format.
#[derive(Clone)]
struct Messages(Arc<FluentBundle<FluentResource>>);

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Messages")
    }
}

impl Strings {
    /// The message `key`, each `{ $name }` replaced by its value. A value written
    /// in digits is a number, so a message can choose its form by the language's
    /// plural rules.
    ///
    /// # Panics
    /// When `key` is not in the file: every file is checked against the built-in
    /// English file's keys when it is read, so a missing one is a bug here (a key
    /// used in render but not written in `strings/en-GB.ftl`).
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let bundle = &self.messages.0;
        let pattern = bundle
            .get_message(key)
            .and_then(|message| message.value())
            .unwrap_or_else(|| {
                panic!("no string {key:?}: every key render uses is in strings/{REFERENCE_LANGUAGE}.ftl")
            });
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set(*name, argument(value));
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// The message `key` as templates see it: each place written `{name}`, for the
    /// caller to fill, and a count's default form.
    pub fn get(&self, key: &str) -> String {
        match self.text.get(key) {
            Some(text) => text.clone(),
            None => self.fill(key, &[]),
        }
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

    /// The built-in British English strings (for what works without a theme, such
    /// as a comparison made outside a site).
    pub fn built_in_english() -> Strings {
        let source = SourceFile::new("strings/en-GB.ftl", BUILT_IN_ENGLISH);
        let resource = parse(&source).expect("the built-in strings are valid Fluent");
        let places = message_places(&resource);
        strings_from(
            REFERENCE_LANGUAGE,
            &source,
            bundle_of(REFERENCE_LANGUAGE, resource, None),
            &places,
        )
        .expect("the built-in strings load")
    }

    /// Reads `strings/<tag>.ftl` (or the file of the tag's language without its
    /// region: `en.ftl` for `en-US`) from the theme, checked against the reference
    /// language's keys. A site's copy of a built-in file needs only the messages it
    /// changes.
    pub fn load(theme: &Theme, tag: &str) -> Result<Strings, Problem> {
        let (key, path, source) = read_file(theme, tag)?;
        let resource = parse(&source)?;
        let built_in = theme.built_in_strings.get(&key).map(|file| {
            FluentResource::try_new(String::from_utf8_lossy(&file.bytes).into_owned())
                .expect("the built-in strings are valid Fluent")
        });
        let reference = reference_messages();
        check_against_reference(&source, &resource, &reference)?;
        let mut have = message_places(&resource);
        have.extend(built_in.as_ref().map(message_places).unwrap_or_default());
        let missing: Vec<&String> = reference
            .keys()
            .filter(|key| !have.contains_key(*key))
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
                "Every language's strings file needs every key of strings/{REFERENCE_LANGUAGE}.ftl. Add `{key} = …` in {tag}, translated from the English.",
            )));
        }
        strings_from(tag, &source, bundle_of(tag, resource, built_in), &have)
    }
}

/// The built-in British English file: every other file has its keys.
const BUILT_IN_ENGLISH: &str = include_str!("../../themes/default/strings/en-GB.ftl");

/// A language's messages: a file's, then (for a site's copy of a built-in file)
/// the built-in file's where the copy lacks one.
fn bundle_of(
    tag: &str,
    resource: FluentResource,
    built_in: Option<FluentResource>,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().unwrap_or_default()]);
    // Values go into HTML whose direction the page sets: no isolation marks.
    bundle.set_use_isolating(false);
    // Adding a message the bundle has already is refused (and reported, which is
    // not wanted here): the first file's wins.
    let _ = bundle.add_resource(resource);
    if let Some(built_in) = built_in {
        let _ = bundle.add_resource(built_in);
    }
    bundle
}

/// A value as Fluent takes it: digits (without a leading zero) are a number, so
/// plural rules apply to it; anything else is text.
fn argument(value: &str) -> FluentValue<'_> {
    let is_count = !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'))
        && value.len() < 16;
    match value.parse::<u64>() {
        Ok(number) if is_count => FluentValue::from(number),
        _ => FluentValue::from(value),
    }
}

/// A strings file parsed; a syntax error is a problem at its line.
fn parse(source: &SourceFile) -> Result<FluentResource, Problem> {
    FluentResource::try_new(source.text.to_string()).map_err(|(_, errors)| {
        let error = &errors[0];
        source
            .problem(
                Code::StringsInvalid,
                error.pos.clone(),
                format!("this strings file is not valid Fluent: {error}"),
            )
            .with_help("Each message is `key = words`, a value's place `{ $name }`; a line that goes on is indented.")
    })
}

/// The built-in English file's messages and the `{ $places }` of each: its keys are
/// every strings file's (not a site's copy of it, which could lack a key render
/// asks for).
fn reference_messages() -> BTreeMap<String, BTreeSet<String>> {
    let resource = FluentResource::try_new(BUILT_IN_ENGLISH.to_string())
        .expect("the built-in strings are valid Fluent");
    message_places(&resource)
}

/// Every message of a file, with the `{ $places }` it has.
fn message_places(resource: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut places = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_places(pattern, &mut places);
                }
                Some((message.id.name.to_string(), places))
            }
            _ => None,
        })
        .collect()
}

fn pattern_places(pattern: &ast::Pattern<&str>, places: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_places(expression, places);
        }
    }
}

fn expression_places(expression: &ast::Expression<&str>, places: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_places(selector, places);
            for variant in variants {
                pattern_places(&variant.value, places);
            }
        }
        ast::Expression::Inline(inline) => inline_places(inline, places),
    }
}

fn inline_places(inline: &ast::InlineExpression<&str>, places: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            places.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_places(argument, places);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_places(expression, places),
        _ => {}
    }
}

/// Every key of a strings file is one the theme knows, and each message has the same
/// `{ $places }` as the English one: a place it lacks would leave its value out (a
/// "Page N of M" with no M), one the English lacks would never be given a value.
fn check_against_reference(
    source: &SourceFile,
    resource: &FluentResource,
    reference: &BTreeMap<String, BTreeSet<String>>,
) -> Result<(), Problem> {
    for (key, have) in message_places(resource) {
        let Some(want) = reference.get(&key) else {
            let near = reference
                .keys()
                .min_by_key(|known| edit_distance(known, &key))
                .filter(|known| edit_distance(known, &key) <= 3);
            return Err(source
                .problem(Code::StringUnknown, key_span(source, &key), format!("`{key}` is not a string the theme has"))
                .with_help(match near {
                    Some(known) => format!("Did you mean `{known}`? The keys are those of the theme's strings/{REFERENCE_LANGUAGE}.ftl."),
                    None => format!("The keys are those of the theme's strings/{REFERENCE_LANGUAGE}.ftl: delete this message, or check its spelling there."),
                }));
        };
        if *want != have {
            let list = |places: &BTreeSet<String>| {
                if places.is_empty() {
                    "none".to_string()
                } else {
                    places
                        .iter()
                        .map(|p| format!("{{ ${p} }}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            return Err(source
                .problem(Code::StringPlaceholders,
                    key_span(source, &key),
                    format!("`{key}` must have the places {} (as the English does), not {}", list(want), list(&have)),
                )
                .with_help(format!("Keep each {{ $place }} of the English strings/{REFERENCE_LANGUAGE}.ftl as it is written there, in your language's word order.")));
        }
    }
    Ok(())
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

/// A strings file: its path in the theme, its path as shown, its text.
type StringsFile = (String, String, SourceFile);

/// The theme's strings file for `tag`.
fn read_file(theme: &Theme, tag: &str) -> Result<StringsFile, Problem> {
    let primary = tag.split('-').next().unwrap_or(tag);
    // The theme has no .toml strings: one is a site's, from before Fluent.
    for old in [
        format!("strings/{tag}.toml"),
        format!("strings/{primary}.toml"),
    ] {
        if let Some(file) = theme.files.get(&old) {
            return Err(still_in_toml(tag, &file.origin));
        }
    }
    let candidates = [
        format!("strings/{tag}.ftl"),
        format!("strings/{primary}.ftl"),
    ];
    let found = candidates
        .iter()
        .find_map(|path| theme.text(path).map(|found| (path.clone(), found)));
    let Some((key, (text, file))) = found else {
        return Err(no_strings_for(tag));
    };
    let shown = file.origin.display().to_string();
    Ok((key, shown, SourceFile::new(&file.origin, text)))
}

/// A site's strings file in the format before Fluent: what to do with it.
fn still_in_toml(tag: &str, origin: &std::path::Path) -> Problem {
    Problem::in_file(Code::StringsInvalid,
        origin,
        "strings files are in Project Fluent's format now, as strings/<language>.ftl",
    )
    .with_help(format!(
        "Write it as themes/default/strings/{tag}.ftl: each `key = \"words {{name}}\"` becomes `key = words {{ $name }}` (see the theme's strings/{REFERENCE_LANGUAGE}.ftl), then delete the .toml file."
    ))
}

/// The problem of a language without a strings file.
fn no_strings_for(tag: &str) -> Problem {
    Problem::in_file(Code::NoStringsForLanguage,
        format!("themes/default/strings/{tag}.ftl"),
        format!("there are no strings for the language {tag}: the theme has no strings/{tag}.ftl"),
    )
    .with_help(format!(
        "Copy the theme's strings/{REFERENCE_LANGUAGE}.ftl to themes/default/strings/{tag}.ftl in the site and translate every message."
    ))
}

/// The direction a strings file says its language is written in.
fn direction_of(source: &SourceFile, written: &str) -> Result<Direction, Problem> {
    Ok(match written {
        "rtl" => Direction::Rtl,
        "ltr" => Direction::Ltr,
        other => {
            return Err(source
                .problem(
                    Code::StringsInvalid,
                    key_span(source, "direction"),
                    format!("`direction` must be ltr or rtl, not {other:?}"),
                )
                .with_help(
                    "Right-to-left languages (Arabic, Urdu, Hebrew) are rtl: direction = rtl.",
                ))
        }
    })
}

fn strings_from(
    tag: &str,
    source: &SourceFile,
    bundle: FluentBundle<FluentResource>,
    messages: &BTreeMap<String, BTreeSet<String>>,
) -> Result<Strings, Problem> {
    let mut strings = Strings {
        tag: tag.to_string(),
        name: String::new(),
        direction: Direction::Ltr,
        months: Vec::new(),
        text: BTreeMap::new(),
        messages: Messages(Arc::new(bundle)),
    };
    // Templates fill in a message's values themselves: each place stays `{name}`.
    for (key, places) in messages {
        let shown: Vec<(String, String)> = places
            .iter()
            .map(|p| (p.clone(), format!("{{{p}}}")))
            .collect();
        let values: Vec<(&str, &str)> = shown
            .iter()
            .map(|(p, v)| (p.as_str(), v.as_str()))
            .collect();
        strings.text.insert(key.clone(), strings.fill(key, &values));
    }
    strings.months = (1..=12)
        .map(|n| strings.get(&format!("month_{n}")))
        .collect();
    strings.name = strings.get("language_name");
    strings.direction = direction_of(source, strings.get("direction").trim())?;
    Ok(strings)
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
        let welsh = theme.files.get_mut("strings/cy.ftl").unwrap();
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
        let welsh = theme.files.get_mut("strings/cy.ftl").unwrap();
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
    fn values_fill_their_places_and_counts_choose_the_plural_form() {
        let theme = theme();
        let english = Strings::load(&theme, "en-GB").unwrap();
        assert_eq!(
            english.fill("what_changed_title", &[("version", "2.0"), ("title", "A")]),
            "What changed in version 2.0 of A"
        );
        let link = |strings: &Strings, pages: &str| {
            strings.fill(
                "handout_link_pages",
                &[("name", "x"), ("pages", pages), ("size", "1 KB")],
            )
        };
        assert!(link(&english, "1").contains("(PDF, 1 page, "));
        assert!(link(&english, "2").contains("(PDF, 2 pages, "));
        // Welsh: every CLDR category its own form.
        let welsh = Strings::load(&theme, "cy").unwrap();
        for (pages, form) in [
            ("0", "0 tudalen"),
            ("1", "1 dudalen"),
            ("2", "2 dudalen"),
            ("3", "3 tudalen"),
            ("6", "6 thudalen"),
            ("7", "7 tudalen"),
        ] {
            assert!(
                link(&welsh, pages).contains(&format!("(PDF, {form}, ")),
                "{pages}: {}",
                link(&welsh, pages)
            );
        }
        // Templates see each place as `{name}`, and a count's default form.
        assert_eq!(english.text["running_version"], "version {version}");
        assert!(english.text["handout_link_pages"].contains("{pages} pages"));
    }

    #[test]
    fn a_file_in_the_format_before_fluent_says_how_to_convert_it() {
        let mut theme = theme();
        let file = theme.files.remove("strings/cy.ftl").unwrap();
        theme.files.insert("strings/cy.toml".into(), file);
        let err = Strings::load(&theme, "cy").unwrap_err();
        assert!(err.message.contains("Project Fluent"), "{err}");
        assert!(err.help.unwrap().contains("strings/cy.ftl"));
    }
}
