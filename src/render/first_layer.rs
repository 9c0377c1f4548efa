//! "In this notice": the first layer of a layered notice, as the ICO recommends —
//! for the things people look for first (who we are, what we collect, why, who we
//! share it with, how long we keep it, your rights, how to complain), a link to the
//! section that covers each, named by the notice's own heading. Where each item is
//! covered comes from the checklist's reading of the text (`checklist::coverage`):
//! a heading that names it (or carries its id); an item with no such heading is left
//! out, never guessed.

use serde::Serialize;

use crate::checklist::coverage::{settled_before_sentences, Coverage};
use crate::checklist::outline::{outline, BlockKind};
use crate::checklist::ITEMS as CHECKLIST;
use crate::model::Version;
use crate::text::document::{parse_document, plain, Block};
use crate::theme::strings::Strings;

/// The items of the first layer, in a reader's order, with the key of their label
/// in the strings.
const ITEMS: [(&str, &str); 7] = [
    ("controller", "first_layer_controller"),
    ("categories", "first_layer_categories"),
    ("purposes", "first_layer_purposes"),
    ("recipients", "first_layer_recipients"),
    ("retention", "first_layer_retention"),
    ("rights", "first_layer_rights"),
    ("complain-ico", "first_layer_complain"),
];

/// One line of the first layer: "How long we keep it: <a href=#keeping>6. How long
/// we keep your information</a>".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FirstLayerEntry {
    /// What a reader looks for, in the page's language.
    pub label: String,
    /// The heading of the section that covers it, as the notice writes it.
    pub heading: String,
    /// `#id` of that heading on the page.
    pub href: String,
}

/// The first layer of `version`'s standard page (empty where nothing is found).
pub(crate) fn first_layer(version: &Version, strings: &Strings) -> Vec<FirstLayerEntry> {
    // The page's headings (with the ids its HTML gives them) and the checklist's
    // outline read the same Markdown, so their headings pair up in order.
    let page_headings: Vec<(usize, String, String)> = parse_document(&version.body)
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, id, inlines } => Some((*level, id.clone(), plain(inlines))),
            _ => None,
        })
        .collect();
    let blocks = outline(version);
    let heading_lines: Vec<usize> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| b.line)
        .collect();
    if heading_lines.len() != page_headings.len() {
        return Vec::new();
    }
    // Headings only: a sentence that gives an item may sit in a section about
    // something else (a retention period under "WordPress"), and a wrong link would
    // mislead more than a missing one — so the sentences are never read here.
    let settled = settled_before_sentences(version, &blocks);
    ITEMS
        .iter()
        .filter_map(|(item, key)| {
            let index = CHECKLIST.iter().position(|i| i.id == *item)?;
            let Some(Coverage::Covered(evidence)) = &settled[index] else {
                return None;
            };
            // The section it is in: the last heading at or before its line.
            let section = heading_lines
                .iter()
                .rposition(|line| *line <= evidence.line)?;
            let (level, id, heading) = &page_headings[section];
            // The notice's own title is no section of it.
            (*level >= 2).then(|| FirstLayerEntry {
                label: strings.get(key),
                heading: heading.clone(),
                href: format!("#{id}"),
            })
        })
        .collect()
}
