//! Parsing one version file, `content/<slug>/<MAJOR.MINOR>.md`: front-matter into typed
//! fields (each problem pointing at its line), the rest kept as the Markdown body.

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::load::front_matter::{split, Split, SplitError};
use crate::load::toml_problem::{empty_fields, parse_front_matter};
use std::collections::BTreeMap;

use crate::checklist;
use crate::model::{Audience, Change, Contact, Date, Located, Version, VersionNumber};

/// Front-matter exactly as written; turned into a [`Version`] after checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Spanned<String>,
    service: Spanned<String>,
    controller: Spanned<OneOrMany>,
    processor: Option<Spanned<String>>,
    version: Spanned<toml::Value>,
    effective: Spanned<toml::Value>,
    change: Option<Spanned<Change>>,
    summary: Option<Spanned<String>>,
    /// The day people were told about a major change.
    announced: Option<Spanned<toml::Value>>,
    /// The day by which the notice is to be reviewed.
    review_by: Option<Spanned<toml::Value>>,
    /// The day it was last reviewed.
    reviewed: Option<Spanned<toml::Value>>,
    /// Who the notice is written for: "everyone" (the default) or "children".
    audience: Option<Spanned<Audience>>,
    /// The change in easy read (points with pictures), for the easy-read letter.
    easy_read_summary: Option<Spanned<String>>,
    /// Checklist items that do not apply to this notice, each with the reason.
    not_applicable: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    /// Checklist items the notice does not give, though its words seemed to.
    not_covered: Option<Vec<Spanned<String>>>,
    /// Who to contact about this version, when not the site's contact.
    contact: Option<Contact>,
}

/// `controller = "A"` or `controller = ["A", "B"]` (joint controllers).
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "`controller` to be a name in quotes, or a list of names like [\"PSS (UK)\", \"Ministry of Justice\"]"
)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A problem if `id` is not an item of the privacy-information checklist.
fn unknown_item(source: &SourceFile, id: &str, span: std::ops::Range<usize>) -> Option<Problem> {
    if checklist::ITEMS.iter().any(|i| i.id == id) {
        return None;
    }
    Some(
        source
            .problem(
                Code::UnknownChecklistItem,
                span,
                format!("\"{id}\" is not an item of the privacy-information checklist"),
            )
            .with_help(format!(
                "The items are: {}.",
                checklist::ITEMS
                    .iter()
                    .map(|i| i.id)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
    )
}

/// Parses `source`, whose file name says it is version `named`.
pub fn parse_version_file(
    source: SourceFile,
    named: VersionNumber,
) -> Result<Version, Vec<Problem>> {
    let parts = split(&source.text).map_err(|err| vec![split_problem(&source, err)])?;
    let mut raw: RawFrontMatter = parse_front_matter(&source, &parts)?;
    let offset = parts.front_matter_offset;
    let mut problems = Vec::new();
    let controllers = check_names(&source, &raw, offset, &mut problems);
    let (number, effective) = number_and_date(&source, &raw, offset, named, &mut problems);
    let (not_covered, not_applicable) = checklist_marks(
        &source,
        raw.not_covered.take(),
        raw.not_applicable.take(),
        offset,
        &mut problems,
    );
    let summary = raw
        .summary
        .take()
        .map(|s| s.into_inner())
        .filter(|s| !s.trim().is_empty());
    let announced = announced(&source, &raw, offset, &mut problems);
    let (review_by, reviewed) = review_dates(&source, &raw, offset, effective, &mut problems);
    if let Some(contact) = &raw.contact {
        problems.extend(crate::load::contact::check_contact(
            contact, &source, offset,
        ));
    }
    let easy_read_summary = raw.easy_read_summary.take().map(|text| Located {
        span: text.span().start + offset..text.span().end + offset,
        value: text.into_inner(),
    });

    match (number, effective, problems.is_empty()) {
        (Some(number), Some(effective), true) => Ok(into_version(
            raw,
            &parts,
            &source,
            Checked {
                number,
                effective,
                controllers,
                summary,
                announced,
                review_by,
                reviewed,
                easy_read_summary,
                not_applicable,
                not_covered,
            },
        )),
        _ => Err(problems),
    }
}

/// The version's number (which must be the one its file is named after) and the
/// day it takes effect, each `None` with its problem where it is wrong.
fn number_and_date(
    source: &SourceFile,
    raw: &RawFrontMatter,
    offset: usize,
    named: VersionNumber,
    problems: &mut Vec<Problem>,
) -> (Option<VersionNumber>, Option<Date>) {
    let at = |span: std::ops::Range<usize>| span.start + offset..span.end + offset;
    let number = parse_version_value(source, raw.version.get_ref(), at(raw.version.span()), named)
        .map_err(|p| problems.push(p))
        .ok();
    let effective = parse_date_value(
        source,
        "effective",
        raw.effective.get_ref(),
        at(raw.effective.span()),
    )
    .map_err(|p| problems.push(p))
    .ok();
    (number, effective)
}

/// What the front-matter says, checked.
struct Checked {
    number: VersionNumber,
    effective: Date,
    controllers: Vec<String>,
    summary: Option<String>,
    announced: Option<Located<Date>>,
    review_by: Option<Located<Date>>,
    reviewed: Option<Located<Date>>,
    easy_read_summary: Option<Located<String>>,
    not_applicable: Vec<Located<(String, String)>>,
    not_covered: Vec<Located<String>>,
}

/// The version a checked file describes.
fn into_version(
    raw: RawFrontMatter,
    parts: &Split,
    source: &SourceFile,
    checked: Checked,
) -> Version {
    let at = |span: std::ops::Range<usize>| {
        span.start + parts.front_matter_offset..span.end + parts.front_matter_offset
    };
    Version {
        number: Located {
            value: checked.number,
            span: at(raw.version.span()),
        },
        title: raw.title.into_inner(),
        service: raw.service.into_inner(),
        controllers: checked.controllers,
        processor: raw.processor.map(|p| p.into_inner()),
        effective: Located {
            value: checked.effective,
            span: at(raw.effective.span()),
        },
        change: raw.change.map(|c| Located {
            span: at(c.span()),
            value: c.into_inner(),
        }),
        summary: checked.summary,
        announced: checked.announced,
        review_by: checked.review_by,
        reviewed: checked.reviewed,
        audience: raw.audience.map(|a| Located {
            span: at(a.span()),
            value: a.into_inner(),
        }),
        easy_read_summary: checked.easy_read_summary,
        not_applicable: checked.not_applicable,
        not_covered: checked.not_covered,
        contact: raw.contact,
        body: parts.body.to_string(),
        body_offset: parts.body_offset,
        source: source.clone(),
        texts: BTreeMap::new(),
        translations: BTreeMap::new(),
        out_of_date_text: None,
    }
}

/// When people were told of this change (`announced`), checked: a date that exists,
/// and only on a major change.
fn announced(
    source: &SourceFile,
    raw: &RawFrontMatter,
    offset: usize,
    problems: &mut Vec<Problem>,
) -> Option<Located<Date>> {
    let value = raw.announced.as_ref()?;
    let span = value.span().start + offset..value.span().end + offset;
    let announced = parse_date_value(source, "announced", value.get_ref(), span.clone())
        .map_err(|p| problems.push(p))
        .ok()
        .map(|date| Located { value: date, span })?;
    let minor = raw
        .change
        .as_ref()
        .is_some_and(|c| *c.get_ref() == Change::Minor);
    if minor {
        problems.push(
            source
                .problem(Code::MinorChangeAnnounced, announced.span.clone(), "a minor change is not announced")
                .with_help("Minor changes are only updated online: delete the `announced` line, or make this a major change (change = \"major\")."),
        );
    }
    Some(announced)
}

/// `review_by` and `reviewed`, checked: dates that exist, and a review not due
/// before the version takes effect.
fn review_dates(
    source: &SourceFile,
    raw: &RawFrontMatter,
    offset: usize,
    effective: Option<Date>,
    problems: &mut Vec<Problem>,
) -> (Option<Located<Date>>, Option<Located<Date>>) {
    let mut date = |key: &str, value: &Option<Spanned<toml::Value>>| {
        let value = value.as_ref()?;
        let span = value.span().start + offset..value.span().end + offset;
        parse_date_value(source, key, value.get_ref(), span.clone())
            .map_err(|p| problems.push(p))
            .ok()
            .map(|date| Located { value: date, span })
    };
    let review_by = date("review_by", &raw.review_by);
    let reviewed = date("reviewed", &raw.reviewed);
    if let (Some(review_by), Some(effective)) = (&review_by, effective) {
        if review_by.value < effective {
            problems.push(
                source
                    .problem(Code::ReviewBeforeEffective, review_by.span.clone(), format!("review_by = {} is before the version takes effect ({effective})", review_by.value))
                    .with_help("A version is reviewed while it is in effect: give a day after its effective date, like a year on."),
            );
        }
    }
    (review_by, reviewed)
}

/// Title and service must say something; the controller (or each joint controller)
/// must be named. Returns the controllers.
fn check_names(
    source: &SourceFile,
    raw: &RawFrontMatter,
    offset: usize,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    let at = |span: std::ops::Range<usize>| span.start + offset..span.end + offset;
    problems.extend(empty_fields(
        source,
        &[("title", &raw.title), ("service", &raw.service)],
        offset,
        |key| format!("Write the notice's {key} between the quotes."),
    ));
    let controllers = match raw.controller.get_ref() {
        OneOrMany::One(name) => vec![name.clone()],
        OneOrMany::Many(names) => names.clone(),
    };
    if controllers.is_empty() || controllers.iter().any(|c| c.trim().is_empty()) {
        problems.push(
            source
                .problem(Code::NoController, at(raw.controller.span()), "`controller` needs a name")
                .with_help("Name who decides how the data is used, like controller = \"PSS (UK)\", or a list for joint controllers."),
        );
    }
    controllers
}

/// `not_covered` and `[not_applicable]`: checklist items only, and a reason for each
/// that does not apply.
type ChecklistMarks = (Vec<Located<String>>, Vec<Located<(String, String)>>);

fn checklist_marks(
    source: &SourceFile,
    not_covered_raw: Option<Vec<Spanned<String>>>,
    not_applicable_raw: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    offset: usize,
    problems: &mut Vec<Problem>,
) -> ChecklistMarks {
    let at = |span: std::ops::Range<usize>| span.start + offset..span.end + offset;
    let mut not_covered = Vec::new();
    for item in not_covered_raw.into_iter().flatten() {
        let span = at(item.span());
        match unknown_item(source, item.get_ref(), span.clone()) {
            Some(problem) => problems.push(problem),
            None => not_covered.push(Located {
                value: item.into_inner(),
                span,
            }),
        }
    }
    let mut not_applicable = Vec::new();
    for (item, reason) in not_applicable_raw.into_iter().flatten() {
        let span = at(item.span());
        if let Some(problem) = unknown_item(source, item.get_ref(), span.clone()) {
            problems.push(problem);
        } else if reason.get_ref().trim().is_empty() {
            problems.push(
                source
                    .problem(Code::NotApplicableWithoutReason, at(reason.span()), format!("`{}` is marked as not applying, with no reason", item.get_ref()))
                    .with_help("Say why it does not apply, in one plain sentence, like transfers = \"We do not send your information outside the UK.\""),
            );
        } else {
            not_applicable.push(Located {
                value: (item.get_ref().clone(), reason.get_ref().clone()),
                span,
            });
        }
    }
    (not_covered, not_applicable)
}

pub(crate) fn split_problem(source: &SourceFile, err: SplitError) -> Problem {
    let first_line = source.text.find('\n').unwrap_or(source.text.len());
    match err {
        SplitError::NoOpeningLine => source
            .problem(Code::NoFrontMatter, 0..first_line, "this file does not start with front-matter")
            .with_help("The first line must be +++, then the notice's details (title, service, version, ...), then another +++ line, then the text."),
        SplitError::NotClosed => source
            .problem(Code::FrontMatterNotClosed, 0..first_line, "the front-matter that starts here is never closed")
            .with_label("opened here")
            .with_help("Add a line with just +++ after the last detail (effective = ..., change = ...), before the text of the notice."),
    }
}

fn parse_version_value(
    source: &SourceFile,
    value: &toml::Value,
    span: std::ops::Range<usize>,
    named: VersionNumber,
) -> Result<VersionNumber, Problem> {
    let text = match value {
        toml::Value::String(text) => text,
        _ => {
            return Err(source
                .problem(Code::VersionNotQuoted, span, "`version` must be written in quotes")
                .with_help(format!("Write version = \"{named}\" (a number like 2.10 without quotes would lose its last 0).")))
        }
    };
    let number = VersionNumber::parse(text).ok_or_else(|| {
        source
            .problem(
                Code::VersionInvalid,
                span.clone(),
                format!("{text:?} is not a version number"),
            )
            .with_help(
                "A version is two whole numbers with a dot: MAJOR.MINOR, like \"1.0\" or \"2.3\".",
            )
    })?;
    if number != named {
        return Err(source
            .problem(
                Code::VersionNotFileName,
                span,
                format!("`version` says {number} but the file is named {named}.md"),
            )
            .with_help(format!(
                "Make them agree: rename the file to {number}.md, or write version = \"{named}\"."
            )));
    }
    Ok(number)
}

/// A date is a TOML date (`2025-03-01`) or the same in quotes; it must exist on the calendar.
pub fn parse_date_value(
    source: &SourceFile,
    key: &str,
    value: &toml::Value,
    span: std::ops::Range<usize>,
) -> Result<Date, Problem> {
    let help = format!("Write the date as YEAR-MONTH-DAY, like {key} = 2025-03-01.");
    let date = match value {
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
            _ => None,
        },
        toml::Value::String(text) => text
            .trim()
            .parse::<Date>()
            .ok()
            .filter(|_| text.trim().len() == 10),
        _ => None,
    };
    date.ok_or_else(|| {
        source
            .problem(
                Code::DateInvalid,
                span,
                format!("`{key}` is not a date that exists: {value}"),
            )
            .with_help(help)
    })
}
