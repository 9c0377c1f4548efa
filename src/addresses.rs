//! Where each page of a notice lives, relative to the site: one module that knows the
//! addresses, so the pages that link to each other need not know each other.

use crate::model::{Notice, Version};

/// The folder of a version's page: `general/` for the current one, else `general/2.0/`.
pub fn version_folder(notice: &Notice, version: &Version, as_current: bool) -> String {
    if as_current {
        format!("{}/", notice.slug)
    } else {
        format!("{}/{}/", notice.slug, version.number.value)
    }
}

/// The folder of the changelog page.
pub fn changes_folder(slug: &str) -> String {
    format!("{slug}/changes/")
}

/// The folder of the comparison of a version with the one before it.
pub fn compare_folder(slug: &str, version: &str) -> String {
    format!("{slug}/{version}/compare/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_a_notice() {
        assert_eq!(changes_folder("general"), "general/changes/");
        assert_eq!(compare_folder("general", "2.0"), "general/2.0/compare/");
    }
}
