//! What changed between two versions of a notice: section by section (sections are
//! matched by their `##` heading), word by word. The output marks changes with
//! `<ins>`/`<del>` and with visually hidden "Added:"/"Removed:" text, because screen
//! readers do not announce `<ins>` and `<del>`, and colour alone tells some people nothing.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::render::markdown::markdown_options;

/// A section of a notice as plain text: its heading and one line per block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainSection {
    pub heading: String,
    pub text: String,
}

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
    pub heading: String,
    pub state: SectionState,
    /// HTML paragraphs with the changes marked.
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub sections: Vec<CompareSection>,
    pub words_added: usize,
    pub words_removed: usize,
}

/// The heading used for text before the first `##` heading.
const INTRODUCTION: &str = "Introduction";

/// Splits Markdown into sections at its `##` headings, as plain text.
pub fn plain_sections(markdown: &str) -> Vec<PlainSection> {
    let mut sections = vec![PlainSection {
        heading: INTRODUCTION.to_string(),
        text: String::new(),
    }];
    let mut in_h2 = false;
    let mut in_image = false;
    let mut line = String::new();
    let flush = |line: &mut String, sections: &mut Vec<PlainSection>| {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let section = sections.last_mut().expect("there is always a section");
            if !section.text.is_empty() {
                section.text.push('\n');
            }
            section.text.push_str(trimmed);
        }
        line.clear();
    };
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                flush(&mut line, &mut sections);
                in_h2 = true;
                sections.push(PlainSection {
                    heading: String::new(),
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                let heading = std::mem::take(&mut line);
                sections.last_mut().expect("pushed at the start").heading =
                    heading.trim().to_string();
                in_h2 = false;
            }
            // A picture's description is not part of the text being compared.
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            Event::Text(text) | Event::Code(text) if !in_image => line.push_str(&text),
            Event::SoftBreak | Event::HardBreak => line.push(' '),
            Event::Start(Tag::Item) => {
                flush(&mut line, &mut sections);
                line.push_str("• ");
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) if !in_h2 => {
                if matches!(event, Event::End(TagEnd::TableCell)) {
                    line.push_str(" | ");
                } else {
                    flush(&mut line, &mut sections);
                }
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => flush(&mut line, &mut sections),
            _ => {}
        }
    }
    flush(&mut line, &mut sections);
    sections.retain(|s| !(s.heading == INTRODUCTION && s.text.is_empty()));
    sections
}

/// Compares the Markdown of two versions.
pub fn compare(old_markdown: &str, new_markdown: &str) -> Comparison {
    let old = plain_sections(old_markdown);
    let new = plain_sections(new_markdown);
    let mut used = vec![false; old.len()];
    let mut comparison = Comparison {
        sections: Vec::new(),
        words_added: 0,
        words_removed: 0,
    };
    for section in &new {
        let matched = old
            .iter()
            .enumerate()
            .position(|(i, o)| !used[i] && o.heading == section.heading);
        let (state, paragraphs) = match matched {
            Some(i) => {
                used[i] = true;
                let (paragraphs, added, removed) = diff_text(&old[i].text, &section.text);
                comparison.words_added += added;
                comparison.words_removed += removed;
                let state = if added + removed == 0 {
                    SectionState::Unchanged
                } else {
                    SectionState::Changed
                };
                (state, paragraphs)
            }
            None => {
                let (paragraphs, added, _) = diff_text("", &section.text);
                comparison.words_added += added;
                (SectionState::Added, paragraphs)
            }
        };
        comparison.sections.push(CompareSection {
            heading: section.heading.clone(),
            state,
            paragraphs,
        });
    }
    for (_, section) in old.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let (paragraphs, _, removed) = diff_text(&section.text, "");
        comparison.words_removed += removed;
        comparison.sections.push(CompareSection {
            heading: section.heading.clone(),
            state: SectionState::Removed,
            paragraphs,
        });
    }
    comparison
}

/// Word diff of two texts whose lines are paragraphs: (HTML paragraphs, words added, words removed).
fn diff_text(old: &str, new: &str) -> (Vec<String>, usize, usize) {
    let diff = TextDiff::from_words(old, new);
    let mut paragraphs = vec![String::new()];
    let (mut added, mut removed) = (0, 0);
    // Consecutive changes of one kind are merged into one marked run.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match runs.last_mut() {
            Some((tag, run)) if *tag == change.tag() => run.push_str(text),
            // White space between two changed words stays inside the run.
            Some((tag, run))
                if *tag != ChangeTag::Equal
                    && change.tag() == ChangeTag::Equal
                    && is_space_within_a_line(text) =>
            {
                run.push_str(text)
            }
            _ => runs.push((change.tag(), text.to_string())),
        }
    }
    for (tag, run) in runs {
        let words = run.split_whitespace().count();
        match tag {
            ChangeTag::Insert => added += words,
            ChangeTag::Delete => removed += words,
            ChangeTag::Equal => {}
        }
        for (i, piece) in run.split('\n').enumerate() {
            if i > 0 {
                paragraphs.push(String::new());
            }
            if piece.is_empty() {
                continue;
            }
            let paragraph = paragraphs.last_mut().expect("never empty");
            // Space after a changed run is left outside its mark.
            let core = piece.trim_end();
            let trailing = &piece[core.len()..];
            let (open, close) = match tag {
                ChangeTag::Equal => ("", ""),
                ChangeTag::Insert => (
                    "<ins><span class=\"visually-hidden\">Added: </span>",
                    "</ins>",
                ),
                ChangeTag::Delete => (
                    "<del><span class=\"visually-hidden\">Removed: </span>",
                    "</del>",
                ),
            };
            if !core.is_empty() {
                paragraph.push_str(&format!("{open}{}{close}", escape(core)));
            }
            paragraph.push_str(trailing);
        }
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    (paragraphs, added, removed)
}

fn is_space_within_a_line(text: &str) -> bool {
    text.trim().is_empty() && !text.contains('\n')
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_split_at_level_two_headings() {
        let sections = plain_sections("Intro **text**.\n\n## One\n\nA [link](https://x).\n\n- first\n- second\n\n### Sub\n\nMore.\n");
        assert_eq!(
            sections[0],
            PlainSection {
                heading: "Introduction".into(),
                text: "Intro text.".into()
            }
        );
        assert_eq!(sections[1].heading, "One");
        assert_eq!(sections[1].text, "A link.\n• first\n• second\nSub\nMore.");
    }

    #[test]
    fn changed_words_are_marked_for_eyes_and_screen_readers() {
        let result = compare(
            "## Keep\n\nWe keep it for 6 years.\n",
            "## Keep\n\nWe keep it for 7 years.\n",
        );
        assert_eq!(result.words_added, 1);
        assert_eq!(result.words_removed, 1);
        let section = &result.sections[0];
        assert_eq!(section.state, SectionState::Changed);
        assert_eq!(
            section.paragraphs,
            ["We keep it for <del><span class=\"visually-hidden\">Removed: </span>6</del><ins><span class=\"visually-hidden\">Added: </span>7</ins> years."]
        );
    }

    #[test]
    fn added_and_removed_sections() {
        let result = compare(
            "## Old\n\nGone now.\n\n## Same\n\nText.\n",
            "## Same\n\nText.\n\n## New\n\nFresh & new.\n",
        );
        let states: Vec<_> = result
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.state))
            .collect();
        assert_eq!(
            states,
            [
                ("Same", SectionState::Unchanged),
                ("New", SectionState::Added),
                ("Old", SectionState::Removed)
            ]
        );
        assert!(result.sections[1].paragraphs[0].contains("Fresh &amp; new."));
        assert_eq!((result.words_added, result.words_removed), (3, 2));
    }
}
