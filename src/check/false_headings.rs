//! Lines that look like headings but are not, so they show as text beginning "##" or
//! "===": text pasted from Word often has a no-break space after the `#`s, `##Text`
//! has no space at all, and a line of `=` or `-` under a list item does not underline
//! a heading (headings cannot be inside lists). Warned with file, line and the fix.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::text::markdown::markdown_options;

/// Checks the paragraphs of `markdown` (which starts at `offset` in `source`'s text):
/// code blocks, where such lines are fine, are never read.
pub(crate) fn check_false_headings(
    source: &SourceFile,
    markdown: &str,
    offset: usize,
    problems: &mut Vec<Problem>,
) {
    let mut in_list = 0usize;
    // A line is read once, though a list item and its paragraph both hold it.
    let mut seen = std::collections::HashSet::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        // The text of a tight list's item has no paragraph of its own.
        let block = match event {
            Event::Start(Tag::Item) => {
                in_list += 1;
                true
            }
            Event::End(TagEnd::Item) => {
                in_list = in_list.saturating_sub(1);
                false
            }
            Event::Start(Tag::Paragraph) => true,
            _ => false,
        };
        if !block {
            continue;
        }
        let mut at = range.start;
        for line in markdown[range.clone()].split_inclusive('\n') {
            if seen.insert(at) {
                if let Some((message, help)) = false_heading(line, in_list > 0) {
                    let start = offset + at;
                    let end = start + line.trim_end().len();
                    problems.push(
                        source
                            .problem(Code::FalseHeading, start..end, message)
                            .with_help(help)
                            .warning(),
                    );
                }
            }
            at += line.len();
        }
    }
}

/// What is wrong with `line` of a paragraph, and how to fix it, if it looks like a
/// heading that is not one.
fn false_heading(line: &str, in_list: bool) -> Option<(&'static str, &'static str)> {
    let text = line.trim_start_matches([' ', '\t']).trim_end();
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) {
        let after = text[hashes..].chars().next();
        if after == Some('\u{A0}') {
            return Some((
                "this line starts with # and a no-break space, so it shows as text, not as a heading",
                "Type an ordinary space after the #s, like ## Your rights (text pasted from Word often has a no-break space there).",
            ));
        }
        if after.is_some_and(char::is_alphabetic)
            || (hashes > 1 && after.is_some_and(|c| c.is_ascii_digit()))
        {
            return Some((
                "this line starts with # and no space, so it shows as text, not as a heading",
                "Put a space after the #s, like ## Your rights.",
            ));
        }
    }
    let underline =
        text.len() >= 2 && (text.bytes().all(|b| b == b'=') || text.bytes().all(|b| b == b'-'));
    if in_list && underline {
        return Some((
            "this line of = or - is inside a list, so it shows as text and does not make a heading",
            "Leave a blank line after the list, then write the heading as ## Heading.",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(markdown: &str) -> Vec<(usize, String)> {
        let source = SourceFile::new("content/a/1.0.md", markdown);
        let mut problems = Vec::new();
        check_false_headings(&source, markdown, 0, &mut problems);
        problems
            .iter()
            .map(|p| (p.line.unwrap_or(0), p.message.clone()))
            .collect()
    }

    #[test]
    fn lines_that_look_like_headings_are_found_with_their_line() {
        let cases: &[(&str, Option<usize>)] = &[
            ("Intro.\n\n##\u{A0}Your rights\n\nText.\n", Some(3)),
            ("##Your rights\n", Some(1)),
            ("###2. How long\n", Some(1)),
            ("- first point\n==\n", Some(2)),
            ("- first point\n--\n", Some(2)),
            // Real headings, a tag-like word, and code are fine.
            ("## Your rights\n\nText.\n", None),
            ("#1 priority is your safety.\n", None),
            ("```\n##text in code\n```\n", None),
            ("    ##indented code\n", None),
            ("Heading\n=======\n\nText.\n", None),
        ];
        for (markdown, line) in cases {
            let found = warnings(markdown);
            assert_eq!(
                found.first().map(|(l, _)| *l),
                *line,
                "{markdown:?}: {found:?}"
            );
            assert!(found.len() <= 1, "{markdown:?}: {found:?}");
        }
    }
}
