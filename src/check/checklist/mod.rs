//! The privacy-information check: for each item of the checklist (see [`items`]), does
//! the current version of a notice give it, and where? Recognised as a reader would:
//! an explicit heading id (`{#retention}`) wins; then front-matter (`not_covered`,
//! `[not_applicable]`); then a heading (or bold paragraph) whose words name the item;
//! then a sentence that gives it. The evidence (heading or sentence, and its line) is
//! shown by `clearnotice check`, so a person can trust or correct it.

pub mod items;
pub mod outline;

use std::sync::LazyLock;

use regex::RegexSet;

use crate::diagnostics::Problem;
use crate::model::{Date, Notice, Version};
pub use items::{Item, ITEMS};
use outline::{normalise, outline, Block, BlockKind};

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

/// The vocabulary compiled once: for each item, its heading patterns, the headings it
/// must not take, and (for all items in one set) the sentence patterns.
struct Vocabulary {
    headings: Vec<RegexSet>,
    not_headings: Vec<RegexSet>,
    sentences: RegexSet,
    /// For each pattern of `sentences`, the index of its item.
    sentence_item: Vec<usize>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let set = |patterns: &[&str]| {
        RegexSet::new(patterns).expect("the checklist's patterns compile (tested)")
    };
    let mut sentence_item = Vec::new();
    let mut sentences = Vec::new();
    for (index, item) in ITEMS.iter().enumerate() {
        sentences.extend(item.sentences.iter().copied());
        sentence_item.extend(std::iter::repeat_n(index, item.sentences.len()));
    }
    Vocabulary {
        headings: ITEMS.iter().map(|i| set(i.headings)).collect(),
        not_headings: ITEMS.iter().map(|i| set(i.not_headings)).collect(),
        sentences: set(&sentences),
        sentence_item,
    }
});

/// Each checklist item with how `version` covers it.
pub fn coverage(version: &Version) -> Vec<(Item, Coverage)> {
    let blocks = outline(version);
    let by_sentence = first_sentences(&blocks);
    ITEMS
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let state = by_heading_id(&blocks, item)
                .map(Coverage::Covered)
                .or_else(|| by_front_matter(version, item))
                .or_else(|| by_heading(&blocks, index).map(Coverage::Covered))
                .or_else(|| by_sentence[index].clone().map(Coverage::Covered))
                .unwrap_or(Coverage::Missing);
            (*item, state)
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

fn by_heading(blocks: &[Block], index: usize) -> Option<Evidence> {
    let vocabulary = &*VOCABULARY;
    blocks.iter().filter(|b| b.is_heading()).find_map(|block| {
        let words = normalise(&block.text);
        (vocabulary.headings[index].is_match(&words)
            && !vocabulary.not_headings[index].is_match(&words))
        .then(|| Evidence {
            found: Found::Heading,
            text: block.text.clone(),
            line: block.line,
        })
    })
}

/// For each item, the first sentence of the notice that gives it: every sentence is
/// read once, against all items' patterns at once.
fn first_sentences(blocks: &[Block]) -> Vec<Option<Evidence>> {
    let vocabulary = &*VOCABULARY;
    let mut found: Vec<Option<Evidence>> = vec![None; ITEMS.len()];
    for block in blocks {
        for sentence in crate::check::easy_read::sentences(&block.text) {
            for pattern in vocabulary.sentences.matches(&normalise(sentence)) {
                let slot = &mut found[vocabulary.sentence_item[pattern]];
                if slot.is_none() {
                    *slot = Some(Evidence {
                        found: Found::Sentence,
                        text: sentence.to_string(),
                        line: block.line,
                    });
                }
            }
        }
    }
    found
}

/// One warning for a notice whose current version leaves items out: which ones, in
/// one line (`clearnotice check` explains each).
pub fn missing_items(notice: &Notice, today: Date) -> Vec<Problem> {
    let Some(version) = notice.current_version(today) else {
        return Vec::new();
    };
    let missing: Vec<&str> = coverage(version)
        .into_iter()
        .filter(|(_, state)| matches!(state, Coverage::Missing | Coverage::MarkedNotCovered))
        .map(|(item, _)| item.id)
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![Problem::in_file(
        &version.source.path,
        format!(
            "{}: {} of {} privacy items not found ({}) — clearnotice check explains",
            notice.slug,
            missing.len(),
            ITEMS.len(),
            missing.join(", ")
        ),
    )
    .with_help("Add a section about each, or say why one does not apply under [not_applicable] in the front-matter. `clearnotice check` shows the heading or sentence found for every item.")
    .warning()]
}
