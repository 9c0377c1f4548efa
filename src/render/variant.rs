//! The forms a page of a notice is rendered in: [`crate::forms`] says what each is;
//! here, which form a link to another version should show.

pub use crate::forms::Form as Variant;
use crate::model::Version;

/// Whether `version` exists in `variant` (see [`Version::has_form`]).
pub fn has_variant(version: &Version, variant: Variant) -> bool {
    version.has_form(variant)
}

/// The form a link from a page in `variant` to another version should show: the same
/// form when that version has it, else its standard page (a link to a form that a
/// version does not have leads nowhere).
pub fn form_of(version: &Version, variant: Variant) -> Variant {
    if has_variant(version, variant) {
        variant
    } else {
        Variant::Standard
    }
}
