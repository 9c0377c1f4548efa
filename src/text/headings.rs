//! Heading ids: the one rule that gives every heading of a notice its address, the
//! same on its web page, its easy-read page and its handouts.
//!
//! A heading may name its own address, `## Who we are {#controller}`. That is the only
//! thing the braces may hold: pulldown-cmark's heading attributes would pass any
//! `key=value` through to the page (`{#x onmouseover=alert(1)}`), so `check` refuses
//! anything else and render never writes it. Ids the theme's pages use for their own
//! sections are not a notice's to take: a heading that would take one gets the next
//! free id, and the notice's own links to it follow.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::text::markdown::slugify;

/// Ids the default theme's templates give to parts of a notice's pages (the skip
/// link's target, the first layer, the contents, the updates section, the
/// changelog's lists). A test
/// reads the templates and fails if one is missing here.
pub const PAGE_IDS: [&str; 7] = [
    "main",
    "contents-heading",
    "first-layer-heading",
    "updates",
    "untranslated",
    "major",
    "minor",
];

/// Whether `id` may be a heading's address: letters of any script, digits, `-` and
/// `_`, and nothing else (no spaces, quotes or signs an attribute could hide behind).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Gives a notice's headings their ids, in order.
#[derive(Debug, Default)]
pub struct HeadingIds {
    /// Ids given, and ids written in the text (which generated ones must avoid).
    used: HashSet<String>,
    /// Written ids already given to a heading.
    claimed: HashSet<String>,
    /// A heading's natural id that was the page's own, and the id it got instead.
    renamed: HashMap<String, String>,
}

impl HeadingIds {
    /// An allocator for the text whose events these are: every valid id written in it
    /// is known before the first heading is given one.
    pub fn for_events<'e, 'a: 'e>(events: impl IntoIterator<Item = &'e Event<'a>>) -> HeadingIds {
        let mut used: HashSet<String> = PAGE_IDS.iter().map(|id| id.to_string()).collect();
        for event in events {
            if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
                if is_valid_id(id) {
                    used.insert(id.to_string());
                }
            }
        }
        HeadingIds {
            used,
            ..HeadingIds::default()
        }
    }

    /// The id of the next heading: the one written (if it may be used), else one made
    /// from its text; unique on the page.
    pub fn assign(&mut self, written: Option<&str>, text: &str) -> String {
        let written = written.filter(|id| is_valid_id(id));
        if let Some(id) = written {
            if !is_page_id(id) && self.claimed.insert(id.to_string()) {
                return id.to_string();
            }
        }
        let natural = written.map_or_else(|| slugify(text), str::to_string);
        let given = self.unique(&natural);
        if is_page_id(&natural) {
            self.renamed.entry(natural).or_insert_with(|| given.clone());
        }
        given
    }

    /// Where a notice's link to `#fragment` goes: to the heading that took that id's
    /// place, when the page's own section has it.
    pub fn link_target(&self, url: &str) -> Option<String> {
        let fragment = url.strip_prefix('#')?;
        self.renamed.get(fragment).map(|id| format!("#{id}"))
    }

    /// `base`, or `base-2`, `base-3`, …: never an id written elsewhere in the text, a
    /// page id or one already given.
    fn unique(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(candidate.clone());
        self.claimed.insert(candidate.clone());
        candidate
    }
}

/// The id of every heading among `events`, in order, and the allocator that gave
/// them (which knows where the notice's links to renamed ids must go).
pub fn assign_all(events: &[Event]) -> (Vec<String>, HeadingIds) {
    let mut ids = HeadingIds::for_events(events);
    let given = events
        .iter()
        .enumerate()
        .filter_map(|(index, event)| match event {
            Event::Start(Tag::Heading { id, .. }) => {
                Some(ids.assign(id.as_deref(), &heading_text(&events[index + 1..])))
            }
            _ => None,
        })
        .collect();
    (given, ids)
}

/// The plain text of a heading: everything up to its end tag.
pub fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn is_page_id(id: &str) -> bool {
    PAGE_IDS.contains(&id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn ids(markdown: &str) -> (Vec<String>, HeadingIds) {
        let events: Vec<Event> =
            Parser::new_ext(markdown, crate::text::markdown::markdown_options()).collect();
        assign_all(&events)
    }

    #[test]
    fn written_ids_are_kept_and_made_ones_avoid_them() {
        let (given, _) = ids("## Rights\n\n## Who {#rights}\n\n## Rights\n\n## Again {#rights}\n");
        assert_eq!(given, ["rights-2", "rights", "rights-3", "rights-4"]);
    }

    #[test]
    fn the_pages_own_ids_are_never_taken_and_links_follow() {
        let (given, allocator) = ids("## Updates\n\n## Main {#main}\n\n## Contents heading\n");
        assert_eq!(given, ["updates-2", "main-2", "contents-heading-2"]);
        assert_eq!(
            allocator.link_target("#updates").as_deref(),
            Some("#updates-2")
        );
        assert_eq!(allocator.link_target("#main").as_deref(), Some("#main-2"));
        assert_eq!(allocator.link_target("#rights"), None);
        assert_eq!(allocator.link_target("../general/"), None);
    }

    #[test]
    fn ids_are_letters_digits_hyphens_and_underscores_of_any_script() {
        for good in [
            "retention",
            "casglu-ŵ",
            "قسم_1",
            "2-what-we-collect",
            "收集",
        ] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "what we", "a\"b", "x>y", "on=1", "a'b", "a\u{0}b"] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn every_id_the_default_themes_templates_write_is_reserved() {
        let templates = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/templates");
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(templates).into_iter().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            for (at, _) in text.match_indices("id=\"") {
                let id: String = text[at + 4..].chars().take_while(|&c| c != '"').collect();
                // `id="{{ block.id }}"` is a notice's own; `section-{{ … }}` has a number.
                if !id.contains("{{") {
                    found.push(id);
                }
            }
        }
        assert!(found.len() >= PAGE_IDS.len(), "{found:?}");
        for id in found {
            assert!(PAGE_IDS.contains(&id.as_str()), "#{id} is not in PAGE_IDS");
        }
    }

    #[test]
    fn a_written_id_that_may_not_be_used_falls_back_to_the_headings_words() {
        let mut allocator = HeadingIds::default();
        assert_eq!(allocator.assign(Some("a b"), "Who we are"), "who-we-are");
    }
}
