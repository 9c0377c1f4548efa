//! The history rules, checked at every build: the first version is 1.0; a major change
//! raises MAJOR and resets MINOR; a minor change raises MINOR; every version after the
//! first says which it is; a major change has a summary; effective dates never go back.

use crate::diagnostics::{Code, Problem};
use crate::model::{Change, Located, Notice, Version, VersionNumber};

pub(crate) fn check_history(notice: &Notice, problems: &mut Vec<Problem>) {
    let Some(first) = notice.versions.first() else {
        return;
    };
    check_first(first, problems);
    for pair in notice.versions.windows(2) {
        check_step(&pair[0], &pair[1], problems);
    }
}

fn check_first(first: &Version, problems: &mut Vec<Problem>) {
    let source = &first.source;
    if first.number.value != VersionNumber::FIRST {
        problems.push(
            source
                .problem(Code::FirstNotOneZero, first.number.span.clone(), format!("the first version of a notice must be 1.0, not {}", first.number.value))
                .with_help("Every notice starts at 1.0. If older versions exist, add them too; otherwise rename this file 1.0.md and set version = \"1.0\"."),
        );
    }
    if let Some(Located {
        value: Change::Minor,
        span,
    }) = &first.change
    {
        problems.push(
            source
                .problem(Code::FirstIsMinor, span.clone(), "the first version cannot be a minor change")
                .with_help("The first version is the notice's first publication: delete the `change` line, or write change = \"major\"."),
        );
    }
}

fn check_step(previous: &Version, version: &Version, problems: &mut Vec<Problem>) {
    let source = &version.source;
    let (before, now) = (previous.number.value, version.number.value);
    match &version.change {
        None => problems.push(
            source
                .problem(Code::ChangeNotSaid, version.number.span.clone(), format!("version {now} does not say whether it is a major or a minor change"))
                .with_help("Add change = \"major\" if people must be told about it, or change = \"minor\" if it is only updated online."),
        ),
        Some(Located { value: Change::Major, span }) => {
            if now != before.next_major() {
                problems.push(
                    source
                        .problem(Code::WrongMajorNumber, version.number.span.clone(), format!("a major change after {before} must be version {}, not {now}", before.next_major()))
                        .with_help(format!("A major change raises the first number and resets the second. If this is a minor change, write change = \"minor\" and use {}.", before.next_minor())),
                );
            }
            if version.summary.is_none() {
                problems.push(
                    source
                        .problem(Code::MajorWithoutSummary, span.clone(), "a major change needs a summary")
                        .with_help("Add summary = \"...\": one plain sentence saying what changed. People are told about major changes, and this is what they read."),
                );
            }
        }
        Some(Located { value: Change::Minor, .. }) => {
            if now != before.next_minor() {
                problems.push(
                    source
                        .problem(Code::WrongMinorNumber, version.number.span.clone(), format!("a minor change after {before} must be version {}, not {now}", before.next_minor()))
                        .with_help(format!("A minor change raises the second number by one. If this is a major change, write change = \"major\" and use {}.", before.next_major())),
                );
            }
        }
    }
    if version.effective.value < previous.effective.value {
        problems.push(
            source
                .problem(Code::EffectiveBeforePrevious,
                    version.effective.span.clone(),
                    format!("version {now} takes effect on {}, before version {before} ({})", version.effective.value, previous.effective.value),
                )
                .with_help("Effective dates never go backwards: a later version takes effect on the same day as the one before it, or later."),
        );
    }
}
