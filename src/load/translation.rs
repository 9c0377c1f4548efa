//! Parsing a translation of a version, `content/<slug>/<MAJOR.MINOR>.<lang>.md`: its
//! front-matter holds only what is translated (title, service, summary). What belongs
//! to the version itself (number, date, change, controllers) comes from the version it
//! translates; written again here, it must say the same.

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::load::front_matter::split;
use crate::load::toml_problem::{empty_fields, parse_front_matter};
use crate::load::version_file::{parse_date_value, split_problem};
use crate::model::{Change, Translation, Version};

/// A translation's front-matter as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    title: Spanned<String>,
    service: Spanned<String>,
    summary: Option<Spanned<String>>,
    // The translated version's own facts: allowed, so a translator can copy the
    // front-matter whole, but only if they agree with it.
    version: Option<Spanned<toml::Value>>,
    effective: Option<Spanned<toml::Value>>,
    change: Option<Spanned<Change>>,
    controller: Option<Spanned<toml::Value>>,
}

/// Parses `source`, the translation of `original` into `language`.
pub(crate) fn parse_translation(
    source: SourceFile,
    language: &str,
    original: &Version,
) -> Result<Translation, Vec<Problem>> {
    let parts = split(&source.text).map_err(|err| vec![split_problem(&source, err)])?;
    let raw: RawTranslation = parse_front_matter(&source, &parts)?;
    let mut problems = disagreements(&source, &raw, original, parts.front_matter_offset);
    problems.extend(empty_fields(
        &source,
        &[("title", &raw.title), ("service", &raw.service)],
        parts.front_matter_offset,
        |key| format!("Write the {key} in {language} between the quotes."),
    ));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Translation {
        title: raw.title.into_inner(),
        service: raw.service.into_inner(),
        summary: raw
            .summary
            .map(Spanned::into_inner)
            .filter(|s| !s.trim().is_empty()),
        body: parts.body.to_string(),
        body_offset: parts.body_offset,
        source: source.clone(),
        easy_read: None,
    })
}

/// Where the translation's front-matter says something other than the version it
/// translates: its version, effective date, change and controllers are the version's.
fn disagreements(
    source: &SourceFile,
    raw: &RawTranslation,
    original: &Version,
    offset: usize,
) -> Vec<Problem> {
    let at = |span: std::ops::Range<usize>| span.start + offset..span.end + offset;
    let number = original.number.value;
    let mut problems = Vec::new();
    let mut disagrees = |span, key: &str, theirs: String| {
        problems.push(
            source
                .problem(Code::TranslationDisagrees, at(span), format!("this translation's `{key}` disagrees with {number}.md, the version it translates ({key} = {theirs})"))
                .with_help(format!("A translation takes its {key} from the version it translates: delete this line, or make it the same as in {number}.md.")),
        );
    };
    if let Some(version) = &raw.version {
        if version.get_ref().as_str() != Some(number.to_string().as_str()) {
            disagrees(version.span(), "version", format!("\"{number}\""));
        }
    }
    if let Some(effective) = &raw.effective {
        let date = parse_date_value(
            source,
            "effective",
            effective.get_ref(),
            at(effective.span()),
        )
        .ok();
        if date != Some(original.effective.value) {
            disagrees(
                effective.span(),
                "effective",
                original.effective.value.to_string(),
            );
        }
    }
    if let Some(change) = &raw.change {
        let theirs = original.change.as_ref().map(|c| c.value);
        if Some(*change.get_ref()) != theirs {
            disagrees(
                change.span(),
                "change",
                format!("{theirs:?}").to_lowercase(),
            );
        }
    }
    if let Some(controller) = &raw.controller {
        if controller_names(controller.get_ref()) != original.controllers {
            disagrees(
                controller.span(),
                "controller",
                format!("{:?}", original.controllers),
            );
        }
    }
    problems
}

/// The controllers a translation names: one name, or a list of them.
fn controller_names(value: &toml::Value) -> Vec<String> {
    match value {
        toml::Value::String(name) => vec![name.clone()],
        toml::Value::Array(names) => names
            .iter()
            .map(|n| n.as_str().unwrap_or_default().to_string())
            .collect(),
        _ => Vec::new(),
    }
}
