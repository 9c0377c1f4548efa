//! Telling people about a major change: a major change that is in effect, or takes
//! effect within 30 days, should say when people were told (`announced`); and they
//! should have been told before it took effect.

use crate::diagnostics::{Code, Problem};
use crate::model::{Date, Notice};

/// How long before a major change takes effect people should have been told.
pub(crate) const NOTICE_DAYS: i32 = 30;

/// Where an unannounced major change stands on a day: the one rule of when it is
/// warned about (and the build cache's test of whether a new day changes the warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// More than [`NOTICE_DAYS`] away: not warned about yet.
    Later,
    /// Takes effect in this many days.
    InDays(i32),
    /// In effect already.
    InEffect,
}

pub(crate) fn due(effective: Date, today: Date) -> Due {
    let days_left = (effective - today).get_days();
    if effective <= today {
        Due::InEffect
    } else if days_left <= NOTICE_DAYS {
        Due::InDays(days_left)
    } else {
        Due::Later
    }
}

/// The effective dates of the major changes that do not say when people were told
/// (the first version is a first publication: there was nobody to tell yet).
pub(crate) fn unannounced(notice: &Notice) -> impl Iterator<Item = Date> + '_ {
    notice
        .versions
        .iter()
        .skip(1)
        .filter(|v| v.is_major() && v.announced.is_none())
        .map(|v| v.effective.value)
}

pub(crate) fn check_announcements(notice: &Notice, today: Date, problems: &mut Vec<Problem>) {
    for version in notice.versions.iter().skip(1).filter(|v| v.is_major()) {
        let effective = version.effective.value;
        let number = version.number.value;
        match &version.announced {
            None => {
                let when = match due(effective, today) {
                    Due::Later => continue,
                    Due::InEffect => format!("has been in effect since {effective}"),
                    Due::InDays(days_left) => {
                        format!("takes effect on {effective}, in {days_left} days")
                    }
                };
                problems.push(
                    version
                        .source
                        .problem(Code::NotAnnounced,
                            version.number.span.clone(),
                            format!("{} {number} is a major change that {when}, and does not say when people were told", notice.slug),
                        )
                        .with_help(format!(
                            "`clearnotice announce {} {number}` writes the email, letters and text message; once they are sent, add announced = YYYY-MM-DD to the front-matter.",
                            notice.slug
                        ))
                        .warning(),
                );
            }
            Some(announced) if announced.value > effective => problems.push(
                version
                    .source
                    .problem(Code::AnnouncedLate,
                        announced.span.clone(),
                        format!(
                            "{} {number} was announced on {}, after it took effect on {effective}",
                            notice.slug, announced.value
                        ),
                    )
                    .with_help("People must be told about a major change before it takes effect. If the date is wrong, correct it; if not, consider moving `effective` to a later day.")
                    .warning(),
            ),
            Some(_) => {}
        }
    }
}
