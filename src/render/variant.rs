//! The forms a notice's text is published in. Each is the same version rendered with
//! another template (and, for large print, another stylesheet), at its own address.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    Standard,
    LargePrint,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Standard, Variant::LargePrint];

    /// The folder added to the version's address: `general/large-print/`.
    pub fn folder(self) -> &'static str {
        match self {
            Variant::Standard => "",
            Variant::LargePrint => "large-print/",
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Variant::Standard => "notice.html",
            Variant::LargePrint => "large-print.html",
        }
    }

    /// What a link to this variant says.
    pub fn label(self) -> &'static str {
        match self {
            Variant::Standard => "Standard",
            Variant::LargePrint => "Large print",
        }
    }
}
