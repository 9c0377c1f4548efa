//! The forms a notice's text is published in. Each is the same version rendered with
//! another template (and, for large print, another stylesheet), at its own address.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    Standard,
    EasyRead,
    LargePrint,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Standard, Variant::EasyRead, Variant::LargePrint];

    /// The folder added to the version's address: `general/large-print/`.
    pub fn folder(self) -> &'static str {
        match self {
            Variant::Standard => "",
            Variant::EasyRead => "easy-read/",
            Variant::LargePrint => "large-print/",
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Variant::Standard => "notice.html",
            Variant::EasyRead => "easy-read.html",
            Variant::LargePrint => "large-print.html",
        }
    }

    /// What a link to this variant says.
    pub fn label(self) -> &'static str {
        match self {
            Variant::Standard => "Standard",
            Variant::EasyRead => "Easy read",
            Variant::LargePrint => "Large print",
        }
    }
}

/// Whether `version` exists in `variant`: easy read only where its text was written.
pub fn has_variant(version: &crate::model::Version, variant: Variant) -> bool {
    variant != Variant::EasyRead || version.easy_read.is_some()
}

/// The form a link from a page in `variant` to another version should show: the same
/// form when that version has it, else its standard page (a link to a form that a
/// version does not have leads nowhere).
pub fn form_of(version: &crate::model::Version, variant: Variant) -> Variant {
    if has_variant(version, variant) {
        variant
    } else {
        Variant::Standard
    }
}
