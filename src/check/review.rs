//! Reviewing a notice: the current version's review date — its `review_by`, or with
//! `[review] every_months` in site.toml that many months after its `reviewed` date
//! (or its effective date) — is a reminder 30 days ahead (CN0612, which `build
//! --strict` lets pass) and a warning once passed (CN0613, which it does not), so a
//! daily CI build tells the owner.

use std::ops::Range;

use crate::diagnostics::{Code, Problem};
use crate::model::{Date, Notice, SiteConfig, Version};

/// How long before a review is due the reminder starts.
pub(crate) const NOTICE_DAYS: i32 = 30;

/// Where a review stands on a day: the one rule of when it is warned about (and the
/// build cache's test of whether a new day changes the warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// More than [`NOTICE_DAYS`] away.
    Later,
    /// Due in this many days (0: today).
    InDays(i32),
    /// Passed this many days ago.
    Overdue(i32),
}

pub(crate) fn due(review_by: Date, today: Date) -> Due {
    let days_left = (review_by - today).get_days();
    if days_left < 0 {
        Due::Overdue(-days_left)
    } else if days_left <= NOTICE_DAYS {
        Due::InDays(days_left)
    } else {
        Due::Later
    }
}

/// A version's review date and where it comes from in its file: its `review_by`,
/// or the site's interval from its `reviewed` date or, failing that, its effective
/// date (pointing at that line).
pub(crate) fn review_date(version: &Version, config: &SiteConfig) -> Option<(Date, Range<usize>)> {
    if let Some(review_by) = &version.review_by {
        return Some((review_by.value, review_by.span.clone()));
    }
    let months = config.review.as_ref()?.every_months;
    let from = version.reviewed.as_ref().unwrap_or(&version.effective);
    let date = from
        .value
        .checked_add(jiff::Span::new().months(i64::from(months)))
        .ok()?;
    Some((date, from.span.clone()))
}

/// The review dates of every version (for the build cache: a day that changes how
/// far off one is makes the notice again).
pub(crate) fn review_dates(notice: &Notice, config: &SiteConfig) -> Vec<Date> {
    notice
        .versions
        .iter()
        .filter_map(|v| review_date(v, config).map(|(date, _)| date))
        .collect()
}

/// The reminder or warning for the version in effect on `today`, if its review is
/// near or past.
pub(crate) fn check_review(
    notice: &Notice,
    config: &SiteConfig,
    today: Date,
    problems: &mut Vec<Problem>,
) {
    let Some(version) = notice.current_version(today) else {
        return;
    };
    let Some((date, span)) = review_date(version, config) else {
        return;
    };
    let number = version.number.value;
    let (code, message) = match due(date, today) {
        Due::Later => return,
        Due::InDays(0) => (
            Code::ReviewDueSoon,
            format!("{} {number} is due for review today ({date})", notice.slug),
        ),
        Due::InDays(days) => (
            Code::ReviewDueSoon,
            format!(
                "{} {number} is due for review on {date}, in {days} days",
                notice.slug
            ),
        ),
        Due::Overdue(days) => (
            Code::ReviewOverdue,
            format!(
                "{} {number} was due for review on {date}, {days} days ago",
                notice.slug
            ),
        ),
    };
    problems.push(
        version
            .source
            .problem(code, span, message)
            .with_help("Read the notice against what the service does now; then add reviewed = TODAY and a new review_by (a year on, say) to the front-matter, or publish a new version.")
            .warning(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_is_near_from_thirty_days_ahead_and_overdue_the_day_after() {
        let by = Date::new(2027, 6, 1).unwrap();
        let day = |m, d| Date::new(2027, m, d).unwrap();
        assert_eq!(due(by, day(5, 1)), Due::Later);
        assert_eq!(due(by, day(5, 2)), Due::InDays(30));
        assert_eq!(due(by, day(6, 1)), Due::InDays(0));
        assert_eq!(due(by, day(6, 2)), Due::Overdue(1));
    }
}
