//! Telling people about a major change: a major change that is in effect, or takes
//! effect within 30 days, should say when people were told (`announced`); and they
//! should have been told before it took effect.

use crate::diagnostics::Problem;
use crate::model::{Date, Notice};

/// How long before a major change takes effect people should have been told.
pub const NOTICE_DAYS: i32 = 30;

pub fn check_announcements(notice: &Notice, today: Date, problems: &mut Vec<Problem>) {
    // The first version is a first publication: there was nobody to tell yet.
    for version in notice.versions.iter().skip(1).filter(|v| v.is_major()) {
        let effective = version.effective.value;
        let number = version.number.value;
        match &version.announced {
            None => {
                let days_left = (effective - today).get_days();
                let soon = effective <= today || days_left <= NOTICE_DAYS;
                if !soon {
                    continue;
                }
                let when = if effective <= today {
                    format!("has been in effect since {effective}")
                } else {
                    format!("takes effect on {effective}, in {days_left} days")
                };
                problems.push(
                    version
                        .source
                        .problem(
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
                    .problem(
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
