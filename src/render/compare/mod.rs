//! What changed between two versions of a notice, as a reader can follow it: the
//! notice's structure kept (headings, lists, tables, links) with the changes marked
//! inside it, unchanged text of a changed section folded away, and counts in plain
//! English. Sections are matched by their `##` heading, else by position and how
//! alike they are, so a renamed heading shows as a changed heading. Changes are
//! marked with `<ins>`/`<del>` and visually hidden "Added:"/"Removed:" (screen readers
//! do not announce `<ins>` and `<del>`, and colour alone tells some people nothing).

mod align;
mod inline;
mod layout;
mod matching;
mod units;

use crate::theme::strings::Strings;
use serde::Serialize;
use similar::ChangeTag;

use align::align;
use inline::{mark, mark_all, Marked};
use matching::match_sections;
use units::{sections, Section, UnitKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionState {
    Unchanged,
    Changed,
    Added,
    Removed,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareSection {
    /// The heading's HTML, with a renamed heading's changes marked.
    pub heading: String,
    pub state: SectionState,
    /// "Only punctuation changed", where that is all.
    pub note: Option<String>,
    /// The section's text with its changes marked and unchanged text folded.
    pub html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub sections: Vec<CompareSection>,
    pub words_added: usize,
    pub words_removed: usize,
    pub marks_changed: usize,
    /// The counts as a sentence: "1 word added and 3 words removed."
    pub summary: String,
}

/// How one unit fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitState {
    Equal,
    Changed,
    Added,
    Removed,
}

/// A unit of the comparison: its kind (the new one's, or the old one's if removed),
/// how it fared, and its HTML with the changes marked.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub kind: UnitKind,
    pub state: UnitState,
    pub html: String,
}

/// The words a comparison writes itself, in the language of its page: from the
/// theme's strings (`CompareWords::from_strings`); the built-in English by default.
#[derive(Debug, Clone)]
pub struct CompareWords {
    /// The heading of the text before the first `##` heading.
    pub introduction: String,
    /// The summary of a fold of unchanged text.
    pub show_unchanged: String,
    /// A section's note where only punctuation changed.
    pub punctuation_only: String,
    /// The summaries, counted by the language's plural rules (`compare_same`,
    /// `compare_punctuation`, `compare_words`, `words_none`, `words`).
    strings: Strings,
}

impl Default for CompareWords {
    fn default() -> Self {
        CompareWords::from_strings(&Strings::built_in_english())
    }
}

impl CompareWords {
    pub fn from_strings(strings: &Strings) -> Self {
        CompareWords {
            introduction: strings.get("compare_introduction"),
            show_unchanged: strings.get("compare_show_unchanged"),
            punctuation_only: strings.get("compare_punctuation_note"),
            strings: strings.clone(),
        }
    }
}

/// How alike two texts must be (share of words in common) to count as one changed
/// section or block rather than one removed and another added.
const ALIKE: f32 = 0.5;

/// Compares the Markdown of two versions, in English words.
pub fn compare(old_markdown: &str, new_markdown: &str) -> Comparison {
    compare_in(old_markdown, new_markdown, &CompareWords::default())
}

/// Compares the Markdown of two versions, its own words (headings, notes, summary)
/// in `words`.
pub fn compare_in(old_markdown: &str, new_markdown: &str, words: &CompareWords) -> Comparison {
    let old = sections(old_markdown);
    let new = sections(new_markdown);
    let pairs = match_sections(&old, &new);
    let mut totals = Marked::default();
    let mut result = Vec::new();
    for pair in pairs {
        let section = match pair {
            (Some(o), Some(n)) => changed_section(&old[o], &new[n], words, &mut totals),
            (None, Some(n)) => whole_section(&new[n], ChangeTag::Insert, words, &mut totals),
            (Some(o), None) => whole_section(&old[o], ChangeTag::Delete, words, &mut totals),
            (None, None) => continue,
        };
        result.push(section);
    }
    Comparison {
        sections: result,
        summary: summary(
            words,
            totals.words_added,
            totals.words_removed,
            totals.marks_changed,
        ),
        words_added: totals.words_added,
        words_removed: totals.words_removed,
        marks_changed: totals.marks_changed,
    }
}

fn heading_html(section: &Section, words: &CompareWords) -> String {
    if section.heading_text.is_empty() {
        words.introduction.clone()
    } else {
        section.heading_html.clone()
    }
}

/// A section in both versions: its units aligned, changed pairs marked word by word.
fn changed_section(
    old: &Section,
    new: &Section,
    words: &CompareWords,
    totals: &mut Marked,
) -> CompareSection {
    let mut section = Marked::default();
    let heading = if old.heading_text == new.heading_text {
        heading_html(new, words)
    } else {
        let marked = mark(&heading_html(old, words), &heading_html(new, words));
        add(&mut section, &marked);
        marked.html
    };
    let units = align(&old.units, &new.units, &mut section);
    let all_equal = units.iter().all(|u| u.state == UnitState::Equal);
    let no_words = section.words_added + section.words_removed == 0;
    let state = if all_equal && old.heading_text == new.heading_text {
        SectionState::Unchanged
    } else {
        SectionState::Changed
    };
    let note = (state == SectionState::Changed && no_words && section.marks_changed > 0)
        .then(|| words.punctuation_only.clone());
    add(totals, &section);
    CompareSection {
        heading,
        state,
        note,
        // An unchanged section's text is all folded away, but there to read.
        html: layout::layout(&units, true, &words.show_unchanged),
    }
}

/// A section only in one version: its text all marked; its heading plain, as the
/// page says beside it that the section is new or was removed.
fn whole_section(
    section: &Section,
    tag: ChangeTag,
    words: &CompareWords,
    totals: &mut Marked,
) -> CompareSection {
    let mut marked = mark_all(&heading_html(section, words), tag);
    let state = if tag == ChangeTag::Insert {
        UnitState::Added
    } else {
        UnitState::Removed
    };
    marked.html.clear();
    let heading = heading_html(section, words);
    let units: Vec<UnitResult> = section
        .units
        .iter()
        .map(|unit| {
            let m = mark_all(&unit.html, tag);
            add(&mut marked, &m);
            UnitResult {
                kind: unit.kind.clone(),
                state,
                html: m.html,
            }
        })
        .collect();
    add(totals, &marked);
    CompareSection {
        heading,
        state: if tag == ChangeTag::Insert {
            SectionState::Added
        } else {
            SectionState::Removed
        },
        note: None,
        html: layout::layout(&units, false, &words.show_unchanged),
    }
}

fn add(total: &mut Marked, part: &Marked) {
    total.words_added += part.words_added;
    total.words_removed += part.words_removed;
    total.marks_changed += part.marks_changed;
}

/// The counts in plain words.
pub fn summary(words: &CompareWords, added: usize, removed: usize, marks: usize) -> String {
    let strings = &words.strings;
    let count = |n: usize| match n {
        0 => strings.get("words_none"),
        n => strings.fill("words", &[("count", &n.to_string())]),
    };
    match (added, removed, marks) {
        (0, 0, 0) => strings.get("compare_same"),
        (0, 0, m) => strings.fill("compare_punctuation", &[("marks", &m.to_string())]),
        (a, r, _) => capitalise(&strings.fill(
            "compare_words",
            &[("added", &count(a)), ("removed", &count(r))],
        )),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(result: &Comparison) -> Vec<(String, SectionState)> {
        result
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.state))
            .collect()
    }

    #[test]
    fn a_changed_word_is_marked_and_the_structure_is_kept() {
        let result = compare(
            "## Keep\n\n### Records\n\n- We keep it for 6 years.\n- [Ask us](https://x.org).\n",
            "## Keep\n\n### Records\n\n- We keep it for 7 years.\n- [Ask us](https://x.org).\n",
        );
        assert_eq!((result.words_added, result.words_removed), (1, 1));
        assert_eq!(result.summary, "1 word added and 1 word removed.");
        let html = &result.sections[0].html;
        assert!(html.contains("<ul><li>We keep it for <del>"), "{html}");
        assert!(
            html.contains("<a href=\"https://x.org\">Ask us</a>"),
            "{html}"
        );
        assert!(html.contains("<h3>Records</h3>"), "{html}");
    }

    #[test]
    fn a_renamed_heading_is_a_changed_heading_not_a_section_removed_and_added() {
        let result = compare(
            "## How your data is stores\n\nWe keep your records safe in locked rooms and on secure computers.\n",
            "## How your data is stored\n\nWe keep your records safe in locked rooms and on secure computers.\n",
        );
        assert_eq!(result.sections.len(), 1);
        assert_eq!(result.sections[0].state, SectionState::Changed);
        assert!(result.sections[0].heading.contains("<del>"));
        assert_eq!((result.words_added, result.words_removed), (1, 1));
    }

    #[test]
    fn punctuation_only_changes_say_so_and_mark_the_characters() {
        // A straight apostrophe and `--` render curly and as a dash in both versions
        // (smart punctuation), so a change a reader can see is one that survives it.
        let result = compare(
            "## A\n\nWe’ll call — soon; promise.\n",
            "## A\n\nWe’ll call – soon, promise.\n",
        );
        assert_eq!(result.sections[0].state, SectionState::Changed);
        assert_eq!(
            result.sections[0].note.as_deref(),
            Some("Only punctuation changed.")
        );
        assert!(
            result.summary.starts_with("Only punctuation changed"),
            "{}",
            result.summary
        );
        let html = &result.sections[0].html;
        assert!(
            html.contains(
                "</span>—</del> <ins><span class=\"visually-hidden\">Added: </span>–</ins>"
            ) || html.contains(
                "</span>—</del><ins><span class=\"visually-hidden\">Added: </span>–</ins>"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "</span>;</del><ins><span class=\"visually-hidden\">Added: </span>,</ins>"
            ),
            "{html}"
        );
    }

    #[test]
    fn unchanged_text_of_a_changed_section_is_folded_with_context_around_the_change() {
        let paragraphs: Vec<String> = (1..=8)
            .map(|i| format!("Paragraph number {i} stays."))
            .collect();
        let old = format!("## A\n\n{}\n", paragraphs.join("\n\n"));
        let new = old.replace("number 5 stays", "number 5 moves");
        let html = compare(&old, &new).sections[0].html.clone();
        // 4 and 6 are the context; 1-3 and 7-8 are folded.
        let details = html
            .matches("<summary>Show the unchanged text</summary>")
            .count();
        assert_eq!(details, 2, "{html}");
        let shown = html
            .split("<details")
            .map(|p| p.split("</details>").last().unwrap_or(""))
            .collect::<String>();
        assert!(
            shown.contains("number 4")
                && shown.contains("number 6")
                && !shown.contains("number 1 "),
            "{html}"
        );
    }

    #[test]
    fn added_and_removed_sections_keep_their_place() {
        let result = compare(
            "## Old\n\nGone now.\n\n## Same\n\nText.\n",
            "## Same\n\nText.\n\n## New\n\nFresh & new.\n",
        );
        assert_eq!(
            states(&result),
            [
                ("Old".to_string(), SectionState::Removed),
                ("Same".to_string(), SectionState::Unchanged),
                ("New".to_string(), SectionState::Added)
            ]
        );
        assert!(
            result.sections[2].html.contains("Fresh</ins> <ins>")
                || result.sections[2].html.contains("Fresh &amp; new"),
            "{}",
            result.sections[2].html
        );
        assert_eq!((result.words_added, result.words_removed), (3, 3));
        assert_eq!(result.summary, "3 words added and 3 words removed.");
    }

    #[test]
    fn counts_are_in_plain_english() {
        assert_eq!(
            summary(&CompareWords::default(), 0, 0, 0),
            "The words are the same in both versions."
        );
        assert_eq!(
            summary(&CompareWords::default(), 1, 0, 0),
            "1 word added and no words removed."
        );
        assert_eq!(
            summary(&CompareWords::default(), 0, 2, 5),
            "No words added and 2 words removed."
        );
        assert_eq!(
            summary(&CompareWords::default(), 0, 0, 1),
            "Only punctuation changed: 1 mark."
        );
    }
}
