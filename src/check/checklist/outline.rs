//! A notice as a reader scans it for the checklist: its headings (and paragraphs that
//! are only bold text, which real notices often use as headings), and its blocks of
//! text (paragraphs, list items, table rows), each with its line in the file.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::Version;
use crate::text::markdown::markdown_options;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, with its `{#id}` if it has one.
    Heading {
        id: Option<String>,
    },
    /// A paragraph that is only bold text, like `**Your rights**`.
    BoldParagraph,
    Text,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The words as written (for evidence).
    pub text: String,
    pub line: usize,
}

impl Block {
    pub fn is_heading(&self) -> bool {
        !matches!(self.kind, BlockKind::Text)
    }
}

/// A block being read: what it is, its words so far, its line, and whether every
/// word so far was bold.
struct Open {
    kind: BlockKind,
    text: String,
    line: usize,
    all_bold: bool,
}

/// The blocks of `version`'s body, in order.
pub fn outline(version: &Version) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut bold = 0usize;
    // For each paragraph open: whether it opened a block of its own.
    let mut paragraphs: Vec<bool> = Vec::new();
    let line_of = |offset: usize| version.source.line_col(version.body_offset + offset).0;
    for (event, range) in Parser::new_ext(&version.body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { id, .. }) => open.push(Open {
                kind: BlockKind::Heading {
                    id: id.map(|i| i.to_string()),
                },
                text: String::new(),
                line: line_of(range.start),
                all_bold: false,
            }),
            // A paragraph inside a list item belongs to the item.
            Event::Start(Tag::Paragraph) => {
                paragraphs.push(open.is_empty());
                if open.is_empty() {
                    open.push(Open {
                        kind: BlockKind::Text,
                        text: String::new(),
                        line: line_of(range.start),
                        all_bold: true,
                    });
                }
            }
            Event::End(TagEnd::Paragraph) if !paragraphs.pop().unwrap_or(false) => {
                if let Some(block) = open.last_mut() {
                    block.text.push(' ');
                }
            }
            Event::Start(Tag::Item | Tag::TableRow | Tag::TableHead) => open.push(Open {
                kind: BlockKind::Text,
                text: String::new(),
                line: line_of(range.start),
                all_bold: false,
            }),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => {
                if let Some(block) = open.last_mut() {
                    if bold == 0 && !text.trim().is_empty() {
                        block.all_bold = false;
                    }
                    block.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = open.last_mut() {
                    block.text.push(' ');
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(block) = open.last_mut() {
                    block.text.push_str(" | ");
                }
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Paragraph,
            ) => {
                if let Some(done) = open.pop() {
                    let text = done.text.trim().to_string();
                    if text.is_empty() {
                        continue;
                    }
                    let kind = match done.kind {
                        BlockKind::Text if done.all_bold => BlockKind::BoldParagraph,
                        kind => kind,
                    };
                    blocks.push(Block {
                        kind,
                        text,
                        line: done.line,
                    });
                }
            }
            _ => {}
        }
    }
    blocks
}

/// Lower case, curly quotes made straight, runs of white space made one space: the
/// form the vocabulary's patterns are written for.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    out.trim_end().to_string()
}
