//! Turning a TOML error into a [`Problem`] that points at the line and says how to fix it.

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::load::front_matter::Split;

/// A problem for each of `fields` (key, value) left empty, `how` saying what to
/// write for a key.
pub(crate) fn empty_fields(
    source: &SourceFile,
    fields: &[(&str, &toml::Spanned<String>)],
    offset: usize,
    how: impl Fn(&str) -> String,
) -> Vec<Problem> {
    fields
        .iter()
        .filter(|(_, field)| field.get_ref().trim().is_empty())
        .map(|(key, field)| {
            let span = field.span().start + offset..field.span().end + offset;
            source
                .problem(
                    Code::FrontMatterEmptyValue,
                    span,
                    format!("`{key}` is empty"),
                )
                .with_help(how(key))
        })
        .collect()
}

/// The front-matter of a version file or translation, read as `T`, or the problem
/// pointing at where the TOML is wrong.
pub(super) fn parse_front_matter<T: serde::de::DeserializeOwned>(
    source: &SourceFile,
    parts: &Split,
) -> Result<T, Vec<Problem>> {
    toml::from_str(parts.front_matter).map_err(|err| {
        vec![toml_problem(
            Code::FrontMatterInvalid,
            source,
            parts.front_matter_offset,
            &err,
        )]
    })
}

/// `offset` is where the TOML starts in `file` (front-matter follows a `+++` line).
pub(super) fn toml_problem(
    code: Code,
    file: &SourceFile,
    offset: usize,
    err: &toml::de::Error,
) -> Problem {
    let message = err.message().trim().to_string();
    let span = err
        .span()
        .map(|s| s.start + offset..s.end + offset)
        // Errors about the table as a whole ("missing field") point at its first line.
        .unwrap_or(offset..offset);
    let span = if span.end - span.start > 200 {
        span.start..span.start
    } else {
        span
    };
    let help = hint_for(&message);
    let problem = file.problem(code, span, message);
    match help {
        Some(help) => problem.with_help(help),
        None => problem,
    }
}

/// A plain-English hint for the TOML and serde messages people meet most.
fn hint_for(message: &str) -> Option<String> {
    let hint = if message.starts_with("unknown field") {
        "This key is not one clearnotice knows. Check its spelling; README.md lists every key."
    } else if message.starts_with("missing field") {
        "Add this key. README.md lists every key and an example value."
    } else if message.starts_with("unknown variant") {
        "Use one of the values listed in the message, in lower case and in quotes."
    } else if message.contains("invalid type") && message.contains("expected a string") {
        "Text values go in double quotes, like title = \"Our privacy notice\"."
    } else if message.contains("invalid type") && message.contains("sequence") {
        "A list goes in square brackets, like [\"First line\", \"Second line\"]."
    } else if message.contains("string")
        && (message.contains("unterminated") || message.contains("missing"))
    {
        "Check that every text value starts and ends with a double quote (\")."
    } else if message.contains("date") || message.contains("time") {
        "Write dates as YEAR-MONTH-DAY with two-digit months and days, like 2025-03-01."
    } else if message.contains("duplicate key") {
        "Each key may appear once: delete one of them."
    } else {
        "This is not valid TOML. Each line should look like key = \"value\"."
    };
    Some(hint.to_string())
}
