//! Dates as people read them in the UK ("1 March 2025") and as machines read them.

use serde::Serialize;

use crate::model::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date for templates: `iso` for `<time datetime>`, `human` for the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateView {
    pub iso: String,
    pub human: String,
}

pub fn date_view(date: Date) -> DateView {
    DateView {
        iso: date.to_string(),
        human: human_date(date),
    }
}

pub fn human_date(date: Date) -> String {
    let month = MONTHS[(date.month() - 1) as usize];
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_style_dates() {
        assert_eq!(human_date(Date::new(2025, 3, 1).unwrap()), "1 March 2025");
        assert_eq!(
            date_view(Date::new(2026, 11, 24).unwrap()).iso,
            "2026-11-24"
        );
    }
}
