//! How a version covers each item of the checklist, and where: read by the check
//! (which warns of what is missing) and by render (the "In this notice" first layer,
//! which links each item to its section). Recognised as a reader would:
//! an explicit heading id (`{#retention}`) wins; then front-matter (`not_covered`,
//! `[not_applicable]`); then a heading (or bold paragraph) whose words name the item;
//! then a sentence that gives it. The evidence (heading or sentence, and its line) is
//! shown by `clearnotice check`, so a person can trust or correct it.

use std::sync::LazyLock;

use regex::Regex;

use super::outline::{normalise, outline, Block, BlockKind};
use super::{Item, ITEMS};
use crate::model::Version;

/// How a notice stands on one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    Covered(Evidence),
    NotApplicable {
        reason: String,
    },
    /// Front-matter says the notice does not give it (`not_covered = ["..."]`), though
    /// its words seemed to.
    MarkedNotCovered,
    Missing,
}

/// What showed that an item is covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub found: Found,
    /// The heading or sentence, as written.
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A heading with the item's id, like `{#retention}`.
    HeadingId,
    /// A heading (or bold paragraph) whose words name the item.
    Heading,
    /// A sentence that gives the item.
    Sentence,
}

/// The vocabulary compiled once: for each item, one regex of its heading phrases,
/// one of the headings it must not take, and one of its sentences.
struct Vocabulary {
    headings: Vec<Regex>,
    not_headings: Vec<Regex>,
    sentences: Vec<Regex>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    // One regex of alternatives per item: `is_match` runs the fast DFA and stops at the
    // first match (a set of all items' patterns has to find every match, and fell
    // back to the slowest engine: 3 s of a 1,000-notice build). ASCII word boundaries,
    // as a Unicode `\b` keeps the DFA off any text with a curly quote; the
    // vocabulary's words are all ASCII.
    let any_of = |patterns: &[&str]| {
        let alternatives: Vec<String> = patterns
            .iter()
            .map(|p| format!("(?:{})", p.replace(r"\b", r"(?-u:\b)")))
            .collect();
        // No pattern at all matches nothing.
        let joined = if alternatives.is_empty() {
            r"[^\s\S]".to_string()
        } else {
            alternatives.join("|")
        };
        Regex::new(&joined).expect("the checklist's patterns compile (tested)")
    };
    Vocabulary {
        headings: ITEMS.iter().map(|i| any_of(i.headings)).collect(),
        not_headings: ITEMS.iter().map(|i| any_of(i.not_headings)).collect(),
        sentences: ITEMS.iter().map(|i| any_of(i.sentences)).collect(),
    }
});

/// Each checklist item with how `version` covers it.
pub fn coverage(version: &Version) -> Vec<(Item, Coverage)> {
    let blocks = outline(version);
    let mut states = settled_before_sentences(version, &blocks);
    // Sentences are read only for the items nothing else has settled.
    let open: Vec<usize> = (0..ITEMS.len()).filter(|&i| states[i].is_none()).collect();
    for (index, evidence) in first_sentences(&blocks, &open) {
        states[index] = Some(Coverage::Covered(evidence));
    }
    ITEMS
        .iter()
        .zip(states)
        .map(|(item, state)| (*item, state.unwrap_or(Coverage::Missing)))
        .collect()
}

/// What settles each item before any sentence is read (by [`ITEMS`]' order): a
/// heading with its id, the front-matter, then a heading whose words name it. The
/// first part of [`coverage`], and all the first layer of a page needs (it links
/// headings only), without the sentences' cost.
pub(crate) fn settled_before_sentences(
    version: &Version,
    blocks: &[Block],
) -> Vec<Option<Coverage>> {
    let headings: Vec<(&Block, String)> = blocks
        .iter()
        .filter(|b| b.is_heading())
        .map(|b| (b, normalise(&b.text)))
        .collect();
    ITEMS
        .iter()
        .enumerate()
        .map(|(index, item)| {
            by_heading_id(blocks, item)
                .map(Coverage::Covered)
                .or_else(|| by_front_matter(version, item))
                .or_else(|| by_heading(&headings, index).map(Coverage::Covered))
        })
        .collect()
}

fn by_heading_id(blocks: &[Block], item: &Item) -> Option<Evidence> {
    blocks.iter().find_map(|block| match &block.kind {
        BlockKind::Heading { id: Some(id) } if id == item.id => Some(Evidence {
            found: Found::HeadingId,
            text: block.text.clone(),
            line: block.line,
        }),
        _ => None,
    })
}

fn by_front_matter(version: &Version, item: &Item) -> Option<Coverage> {
    if version.not_covered.iter().any(|id| id.value == item.id) {
        return Some(Coverage::MarkedNotCovered);
    }
    version
        .not_applicable
        .iter()
        .find(|na| na.value.0 == item.id)
        .map(|na| Coverage::NotApplicable {
            reason: na.value.1.clone(),
        })
}

/// The first heading (or bold paragraph) whose words name item `index`; `headings`
/// come with their words in the vocabulary's form.
fn by_heading(headings: &[(&Block, String)], index: usize) -> Option<Evidence> {
    let vocabulary = &*VOCABULARY;
    headings.iter().find_map(|(block, words)| {
        (vocabulary.headings[index].is_match(words)
            && !vocabulary.not_headings[index].is_match(words))
        .then(|| Evidence {
            found: Found::Heading,
            text: block.text.clone(),
            line: block.line,
        })
    })
}

/// For each item of `open`, the first sentence of the notice that gives it.
fn first_sentences(blocks: &[Block], open: &[usize]) -> Vec<(usize, Evidence)> {
    let vocabulary = &*VOCABULARY;
    let mut found: Vec<(usize, Evidence)> = Vec::new();
    for block in blocks {
        if found.len() == open.len() {
            break;
        }
        for sentence in crate::text::sentences::sentences(&block.text) {
            let words = normalise(sentence);
            for &index in open {
                if !found.iter().any(|(i, _)| *i == index)
                    && vocabulary.sentences[index].is_match(&words)
                {
                    found.push((
                        index,
                        Evidence {
                            found: Found::Sentence,
                            text: sentence.to_string(),
                            line: block.line,
                        },
                    ));
                }
            }
        }
    }
    found
}
