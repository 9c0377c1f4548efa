//! A notice's text as a plain tree of blocks and inlines, for layouts that are not
//! HTML (the PDF handouts): headings, paragraphs, lists, tables and quotes, holding
//! text, strong, emphasis, links and code. It is data: a layout walks it and puts
//! each piece of text on the page as text, so nothing a notice says can run as code
//! in the layout's language.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};
use serde::Serialize;

use crate::text::autolink::read_linked;
use crate::text::headings::{assign_all, HeadingIds};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum Block {
    Heading {
        level: usize,
        id: String,
        inlines: Vec<Inline>,
    },
    Paragraph {
        inlines: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        /// Each item's blocks (a tight item's text is one paragraph).
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        inlines: Vec<Inline>,
    },
    Emphasis {
        inlines: Vec<Inline>,
    },
    Link {
        url: String,
        /// The words are the address itself (`ico.org.uk`), so a printed copy need
        /// not write it out again.
        written_out: bool,
        inlines: Vec<Inline>,
    },
    Code {
        text: String,
    },
    Break,
}

/// Reads a notice's Markdown into blocks, with the same heading ids as its web page.
pub(crate) fn parse_document(markdown: &str) -> Vec<Block> {
    let events: Vec<Event> = read_linked(markdown).into_iter().map(|(e, _)| e).collect();
    let (ids, headings) = assign_all(&events);
    let mut reader = Reader {
        events: &events,
        at: 0,
        ids: ids.into_iter(),
        headings,
    };
    reader.blocks_until(None)
}

/// The inlines of a run of inline events (an easy-read point's text, say).
pub(crate) fn inlines_of(events: &[Event]) -> Vec<Inline> {
    let mut reader = Reader {
        events,
        at: 0,
        ids: Vec::new().into_iter(),
        headings: HeadingIds::default(),
    };
    reader.inlines_until(None)
}

struct Reader<'e, 'a> {
    events: &'e [Event<'a>],
    at: usize,
    /// The ids of the headings, in order, as the web page has them.
    ids: std::vec::IntoIter<String>,
    /// Where links to a renamed heading go.
    headings: HeadingIds,
}

impl<'a> Reader<'_, 'a> {
    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.events.get(self.at).cloned();
        self.at += 1;
        event
    }

    /// Blocks up to the end tag `end` (or the end of the text).
    fn blocks_until(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut blocks = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::End(tag) if Some(tag) == end => break,
                Event::Start(tag) => blocks.extend(self.block(tag)),
                // Text directly in a tight list item: a paragraph of its own.
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => {
                    self.at -= 1;
                    let inlines = self.inlines_until_block_end();
                    blocks.push(Block::Paragraph { inlines });
                }
                Event::Rule => blocks.push(Block::Rule),
                _ => {}
            }
        }
        blocks
    }

    fn block(&mut self, tag: Tag<'_>) -> Option<Block> {
        Some(match tag {
            Tag::Heading { level, .. } => {
                let inlines = self.inlines_until(Some(TagEnd::Heading(level)));
                let id = self.ids.next().unwrap_or_default();
                Block::Heading {
                    level: level as usize,
                    id,
                    inlines,
                }
            }
            Tag::Paragraph => Block::Paragraph {
                inlines: self.inlines_until(Some(TagEnd::Paragraph)),
            },
            Tag::List(start) => {
                let mut items = Vec::new();
                while let Some(event) = self.next() {
                    match event {
                        Event::Start(Tag::Item) => {
                            items.push(self.blocks_until(Some(TagEnd::Item)))
                        }
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                Block::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items,
                }
            }
            Tag::Table(alignments) => self.table(&alignments),
            Tag::BlockQuote(_) => Block::Quote {
                blocks: self.blocks_until(Some(TagEnd::BlockQuote(None))),
            },
            other => {
                // Code blocks, HTML blocks, footnotes: their text, as a paragraph.
                let end = other.to_end();
                let inlines = self.inlines_until(Some(end));
                return (!inlines.is_empty()).then_some(Block::Paragraph { inlines });
            }
        })
    }

    fn table(&mut self, _alignments: &[Alignment]) -> Block {
        let mut header = Vec::new();
        let mut rows = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::Start(Tag::TableHead) => header = self.cells(TagEnd::TableHead),
                Event::Start(Tag::TableRow) => rows.push(self.cells(TagEnd::TableRow)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { header, rows }
    }

    fn cells(&mut self, end: TagEnd) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    cells.push(self.inlines_until(Some(TagEnd::TableCell)))
                }
                Event::End(tag) if tag == end => break,
                _ => {}
            }
        }
        cells
    }

    /// Inlines up to the end tag `end`.
    fn inlines_until(&mut self, end: Option<TagEnd>) -> Vec<Inline> {
        let mut inlines: Vec<Inline> = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::End(tag) if Some(tag) == end => break,
                Event::End(_) => {}
                Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                    push_text(&mut inlines, &text)
                }
                Event::Code(text) => inlines.push(Inline::Code {
                    text: text.to_string(),
                }),
                Event::SoftBreak => push_text(&mut inlines, " "),
                Event::HardBreak => inlines.push(Inline::Break),
                Event::Start(Tag::Strong) => inlines.push(Inline::Strong {
                    inlines: self.inlines_until(Some(TagEnd::Strong)),
                }),
                Event::Start(Tag::Emphasis) => inlines.push(Inline::Emphasis {
                    inlines: self.inlines_until(Some(TagEnd::Emphasis)),
                }),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let words = self.inlines_until(Some(TagEnd::Link));
                    let url = self
                        .headings
                        .link_target(&dest_url)
                        .unwrap_or_else(|| dest_url.to_string());
                    inlines.push(Inline::Link {
                        written_out: same_address(&url, &plain(&words)),
                        url,
                        inlines: words,
                    })
                }
                // An image inside text: its alternative text stands in for it.
                Event::Start(Tag::Image { .. }) => {
                    let alt = self.inlines_until(Some(TagEnd::Image));
                    inlines.extend(alt);
                }
                Event::Start(tag) => {
                    let inner = self.inlines_until(Some(tag.to_end()));
                    inlines.extend(inner);
                }
                _ => {}
            }
        }
        inlines
    }

    /// Loose text in a tight list item, up to the next block or the item's end.
    fn inlines_until_block_end(&mut self) -> Vec<Inline> {
        let start = self.at;
        let mut depth = 0usize;
        let mut end = start;
        while let Some(event) = self.events.get(end) {
            match event {
                Event::Start(Tag::List(_)) | Event::Start(Tag::Paragraph) if depth == 0 => break,
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            end += 1;
        }
        self.at = end;
        inlines_of(&self.events[start..end])
    }
}

fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text { text: last }) = inlines.last_mut() {
        last.push_str(text);
    } else {
        inlines.push(Inline::Text {
            text: text.to_string(),
        });
    }
}

/// Whether a link's words say its address: `ico.org.uk` for `https://ico.org.uk/`.
fn same_address(url: &str, words: &str) -> bool {
    let shown = |a: &str| {
        a.trim()
            .trim_start_matches("mailto:")
            .trim_start_matches("tel:")
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("www.")
            .trim_end_matches('/')
            .to_lowercase()
    };
    shown(url) == shown(words)
}

impl Block {
    /// Every link in the block, to change its address.
    pub(crate) fn links_mut(&mut self) -> Vec<&mut String> {
        let mut links = Vec::new();
        match self {
            Block::Heading { inlines, .. } | Block::Paragraph { inlines } => {
                links_in(inlines, &mut links)
            }
            Block::List { items, .. } => items
                .iter_mut()
                .flatten()
                .for_each(|block| links.extend(block.links_mut())),
            Block::Table { header, rows } => header
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .for_each(|cell| links_in(cell, &mut links)),
            Block::Quote { blocks } => blocks
                .iter_mut()
                .for_each(|block| links.extend(block.links_mut())),
            Block::Rule => {}
        }
        links
    }
}

/// Every link address in some inlines.
pub(crate) fn links_in<'a>(inlines: &'a mut [Inline], links: &mut Vec<&'a mut String>) {
    for inline in inlines {
        match inline {
            Inline::Link { url, inlines, .. } => {
                links.push(url);
                links_in(inlines, links);
            }
            Inline::Strong { inlines } | Inline::Emphasis { inlines } => links_in(inlines, links),
            _ => {}
        }
    }
}

/// The words of some inlines for a reader of plain text, paper or braille: a link's
/// address written out after its words (`mailto:` left off), unless the words are
/// the address, the link is to a section of the same text (no address), or it is a
/// phone number (its words are the number). A line break stays one.
pub(crate) fn text_with_addresses(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Strong { inlines } | Inline::Emphasis { inlines } => {
                out.push_str(&text_with_addresses(inlines))
            }
            Inline::Link {
                url,
                written_out,
                inlines,
            } => {
                out.push_str(&text_with_addresses(inlines));
                let address = url.strip_prefix("mailto:").unwrap_or(url);
                if !written_out && !address.is_empty() && !address.starts_with("tel:") {
                    out.push_str(&format!(" ({address})"));
                }
            }
            Inline::Break => out.push('\n'),
        }
    }
    out
}

/// The words of some inlines, as plain text.
pub(crate) fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Strong { inlines }
            | Inline::Emphasis { inlines }
            | Inline::Link { inlines, .. } => out.push_str(&plain(inlines)),
            Inline::Break => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text { text: t.into() }
    }

    #[test]
    fn headings_paragraphs_and_inlines() {
        let blocks = parse_document(
            "## Your rights {#rights}\n\nYou **can** ask [us](https://example.org/).\n\n## Your rights\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    id: "rights".into(),
                    inlines: vec![text("Your rights")]
                },
                Block::Paragraph {
                    inlines: vec![
                        text("You "),
                        Inline::Strong {
                            inlines: vec![text("can")]
                        },
                        text(" ask "),
                        Inline::Link {
                            url: "https://example.org/".into(),
                            written_out: false,
                            inlines: vec![text("us")]
                        },
                        text("."),
                    ]
                },
                Block::Heading {
                    level: 2,
                    id: "your-rights".into(),
                    inlines: vec![text("Your rights")]
                },
            ]
        );
    }

    #[test]
    fn lists_tight_and_nested_and_tables() {
        let blocks =
            parse_document("1. One\n2. Two\n   - inner\n\n| A | B |\n|---|---|\n| a | *b* |\n");
        let Block::List {
            ordered,
            start,
            items,
        } = &blocks[0]
        else {
            panic!("{blocks:?}")
        };
        assert!(ordered);
        assert_eq!(*start, 1);
        assert_eq!(
            items[0],
            vec![Block::Paragraph {
                inlines: vec![text("One")]
            }]
        );
        assert!(
            matches!(&items[1][1], Block::List { ordered: false, .. }),
            "{items:?}"
        );
        assert_eq!(
            blocks[1],
            Block::Table {
                header: vec![vec![text("A")], vec![text("B")]],
                rows: vec![vec![
                    vec![text("a")],
                    vec![Inline::Emphasis {
                        inlines: vec![text("b")]
                    }]
                ]],
            }
        );
    }

    #[test]
    fn markup_of_other_languages_stays_text() {
        let blocks = parse_document("Costs #set $5 and <b>bold</b>.\n");
        assert_eq!(
            plain(match &blocks[0] {
                Block::Paragraph { inlines } => inlines,
                other => panic!("{other:?}"),
            }),
            "Costs #set $5 and <b>bold</b>."
        );
    }
}
