//! Titles that more than one notice has. Real notices often share one, like "Privacy
//! notice: how we use your data"; their pages then name their service too, so no two
//! pages or links read the same (WCAG 2.4.2, 2.4.4). Worked out from every notice's
//! titles, which the build cache keeps for the notices it does not read again.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Notice, Site};

/// Every title a notice's versions have, by language (`""` for the site's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeTitles {
    pub slug: String,
    /// (language, title as compared): the site's language, then each translation's.
    pub titles: Vec<(String, String)>,
}

impl NoticeTitles {
    pub fn of(notice: &Notice) -> NoticeTitles {
        let mut titles = Vec::new();
        for version in &notice.versions {
            titles.push((String::new(), title_key(&version.title)));
            for (language, translation) in &version.translations {
                titles.push((language.clone(), title_key(&translation.title)));
            }
        }
        NoticeTitles {
            slug: notice.slug.clone(),
            titles,
        }
    }
}

/// The titles (compared without case) that versions of more than one notice have, in
/// the site's language and among the translations into each other language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SharedTitles {
    by_language: BTreeMap<String, BTreeSet<String>>,
}

impl SharedTitles {
    pub fn of_site(site: &Site) -> SharedTitles {
        let titles: Vec<NoticeTitles> = site.notices.iter().map(|n| NoticeTitles::of(n)).collect();
        SharedTitles::of(&titles)
    }

    pub fn of<'a>(notices: impl IntoIterator<Item = &'a NoticeTitles>) -> SharedTitles {
        let mut owners: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        for notice in notices {
            for (language, title) in &notice.titles {
                owners
                    .entry((language, title))
                    .or_default()
                    .insert(&notice.slug);
            }
        }
        let mut by_language: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for ((language, title), slugs) in owners {
            if slugs.len() > 1 {
                by_language
                    .entry(language.to_string())
                    .or_default()
                    .insert(title.to_string());
            }
        }
        SharedTitles { by_language }
    }

    /// The shared titles in the site's language.
    pub fn in_site_language(&self) -> BTreeSet<String> {
        self.in_language("")
    }

    /// The shared titles among the translations into `language`.
    pub fn in_language(&self, language: &str) -> BTreeSet<String> {
        self.by_language.get(language).cloned().unwrap_or_default()
    }
}

pub(crate) fn title_key(title: &str) -> String {
    title.trim().to_lowercase()
}
