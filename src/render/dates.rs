//! Dates as people read them in the UK ("1 March 2025") and as machines read them.

use serde::{Deserialize, Serialize};

use crate::model::Date;

/// A date for templates: `iso` for `<time datetime>`, `human` for the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateView {
    pub iso: String,
    pub human: String,
}

/// "1 March 2025": the day without a leading zero, the month's English name (jiff's
/// `strftime`; a language with its own month names will need a table of them).
pub(crate) fn human_date(date: Date) -> String {
    date.strftime("%-d %B %-Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_style_dates() {
        assert_eq!(human_date(Date::new(2025, 3, 1).unwrap()), "1 March 2025");
        assert_eq!(
            human_date(Date::new(2027, 12, 31).unwrap()),
            "31 December 2027"
        );
        assert_eq!(human_date(Date::new(987, 1, 9).unwrap()), "9 January 987");
    }
}
