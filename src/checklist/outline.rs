//! A notice as a reader scans it for the checklist: its headings (and paragraphs that
//! are only bold text, which real notices often use as headings), and its blocks of
//! text (paragraphs, list items, table rows), each with its line in the file.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::Version;
use crate::text::markdown::markdown_options;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading, with its `{#id}` if it has one.
    Heading {
        id: Option<String>,
    },
    /// A paragraph that is only bold text, like `**Your rights**`.
    BoldParagraph,
    Text,
}

#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: BlockKind,
    /// The words as written (for evidence).
    pub text: String,
    pub line: usize,
}

impl Block {
    pub(crate) fn is_heading(&self) -> bool {
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
pub(crate) fn outline(version: &Version) -> Vec<Block> {
    let mut reader = Reader::default();
    let lines = version.source.lines();
    let line_of = |offset: usize| lines.line(version.body_offset + offset);
    for (event, range) in Parser::new_ext(&version.body, markdown_options()).into_offset_iter() {
        reader.read(event, range.start, &line_of);
    }
    reader.blocks
}

/// Reads Markdown events into blocks.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The blocks being read, innermost last (a list item holds its paragraphs).
    open: Vec<Open>,
    /// How deep inside bold text.
    bold: usize,
    /// For each paragraph open: whether it opened a block of its own.
    paragraphs: Vec<bool>,
}

impl Reader {
    /// One event, starting at byte `start` of the body. Its line is worked out only
    /// when a block opens.
    fn read(&mut self, event: Event, start: usize, line_of: &impl Fn(usize) -> usize) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => self.open(
                BlockKind::Heading {
                    id: id.map(|i| i.to_string()),
                },
                line_of(start),
                false,
            ),
            // A paragraph inside a list item belongs to the item.
            Event::Start(Tag::Paragraph) => {
                let own = self.open.is_empty();
                self.paragraphs.push(own);
                if own {
                    self.open(BlockKind::Text, line_of(start), true);
                }
            }
            Event::End(TagEnd::Paragraph) if !self.paragraphs.pop().unwrap_or(false) => {
                self.push_text(" ")
            }
            Event::Start(Tag::Item | Tag::TableRow | Tag::TableHead) => {
                self.open(BlockKind::Text, line_of(start), false)
            }
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Text(text) | Event::Code(text) => {
                let bold = self.bold;
                if let Some(block) = self.open.last_mut() {
                    if bold == 0 && !text.trim().is_empty() {
                        block.all_bold = false;
                    }
                    block.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::End(TagEnd::TableCell) => self.push_text(" | "),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Paragraph,
            ) => self.close(),
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind, line: usize, all_bold: bool) {
        self.open.push(Open {
            kind,
            text: String::new(),
            line,
            all_bold,
        });
    }

    fn push_text(&mut self, text: &str) {
        if let Some(block) = self.open.last_mut() {
            block.text.push_str(text);
        }
    }

    /// The innermost block ends: kept if it has words; a paragraph all in bold is
    /// read as a heading.
    fn close(&mut self) {
        let Some(done) = self.open.pop() else {
            return;
        };
        let text = done.text.trim().to_string();
        if text.is_empty() {
            return;
        }
        let kind = match done.kind {
            BlockKind::Text if done.all_bold => BlockKind::BoldParagraph,
            kind => kind,
        };
        self.blocks.push(Block {
            kind,
            text,
            line: done.line,
        });
    }
}

/// Lower case, curly quotes made straight, runs of white space made one space: the
/// form the vocabulary's patterns are written for.
pub(crate) fn normalise(text: &str) -> String {
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
