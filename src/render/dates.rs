//! Dates as machines read them and, from the strings of the page's language
//! ([`Strings::date`](crate::theme::strings::Strings::date), the one place dates are
//! written as words), as people do.

use serde::{Deserialize, Serialize};

/// A date for templates: `iso` for `<time datetime>`, `human` for the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateView {
    pub iso: String,
    pub human: String,
}
