//! What a braille file says, as paragraphs of print with a layout style each: the
//! same data the large-print handout is typeset from (title, the version's details,
//! the text's blocks with every link address written out, the contact block), so
//! braille and print never say different things.

use serde::{Deserialize, Serialize};

use crate::render::handouts::data::HandoutData;
use crate::text::document::{text_with_addresses, Block};

/// How a paragraph is laid out on the braille page (see `layout.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Style {
    /// The title: centred, a blank line after.
    Title,
    /// A section heading: a blank line before, from cell 1.
    Heading,
    /// A heading below a section's: a blank line before, from cell 5.
    Subheading,
    /// Body text: the first line from cell 3, runovers from cell 1.
    Paragraph,
    /// A list item at a depth (0 for the outer list): from cell 1 (two cells more
    /// for each depth), runovers two cells further in.
    Item(usize),
    /// A line of details (version, dates, the contact block): from cell 1,
    /// runovers from cell 3.
    Detail,
}

/// A paragraph of print, before translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Paragraph {
    pub style: Style,
    pub text: String,
}

/// Everything a version's braille file says, in order.
pub(crate) fn paragraphs_of(data: &HandoutData) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut push = |style: Style, text: String| {
        let text = one_line(&text);
        if !text.is_empty() {
            out.push(Paragraph { style, text });
        }
    };
    push(Style::Title, data.title.clone());
    for row in &data.metadata {
        push(Style::Detail, format!("{}: {}", row.label, row.value));
    }
    if let Some(note) = &data.note {
        push(Style::Paragraph, note.clone());
    }
    let mut body = Vec::new();
    for block in &data.blocks {
        block_paragraphs(block, 0, &mut body);
    }
    for paragraph in body {
        push(paragraph.style, paragraph.text);
    }
    if let Some(contact) = &data.contact {
        push(Style::Heading, data.strings.contact_heading.clone());
        let labelled = |label: &str, value: &Option<String>| {
            value.as_ref().map(|value| format!("{label}: {value}"))
        };
        let lines = contact
            .name
            .iter()
            .cloned()
            .chain([contact.organisation.clone()])
            .chain(contact.address.iter().cloned())
            .chain(labelled(&data.strings.phone, &contact.phone))
            .chain(labelled(&data.strings.email, &contact.email))
            .chain(labelled(&data.strings.web, &contact.web));
        for line in lines {
            push(Style::Detail, line);
        }
    }
    out
}

/// The paragraphs of one block of the text, lists `depth` deep.
fn block_paragraphs(block: &Block, depth: usize, out: &mut Vec<Paragraph>) {
    let mut push = |style, text| out.push(Paragraph { style, text });
    match block {
        Block::Heading { level, inlines, .. } => push(
            if *level <= 2 {
                Style::Heading
            } else {
                Style::Subheading
            },
            text_with_addresses(inlines),
        ),
        Block::Paragraph { inlines } => push(Style::Paragraph, text_with_addresses(inlines)),
        Block::List {
            ordered,
            start,
            items,
        } => {
            for (number, item) in (*start..).zip(items) {
                list_item(item, depth, ordered.then_some(number), out);
            }
        }
        // A table is read row by row, each cell after its column's heading: the
        // linear layout braille uses where a grid would not fit 40 cells.
        Block::Table { header, rows } => {
            for row in rows {
                let cells: Vec<String> = header
                    .iter()
                    .zip(row)
                    .map(|(head, cell)| {
                        format!(
                            "{}: {}",
                            text_with_addresses(head),
                            text_with_addresses(cell)
                        )
                    })
                    .collect();
                out.push(Paragraph {
                    style: Style::Item(depth),
                    text: cells.join("; "),
                });
            }
        }
        Block::Quote { blocks } => {
            for block in blocks {
                block_paragraphs(block, depth, out);
            }
        }
        Block::Rule => {}
    }
}

/// A list item: its first paragraph as the item (numbered where the list is), the
/// rest of its blocks one level in.
fn list_item(item: &[Block], depth: usize, number: Option<u64>, out: &mut Vec<Paragraph>) {
    let mut blocks = item.iter();
    let first = match blocks.next() {
        Some(Block::Paragraph { inlines }) => text_with_addresses(inlines),
        Some(other) => {
            block_paragraphs(other, depth + 1, out);
            String::new()
        }
        None => String::new(),
    };
    let text = match number {
        Some(number) => format!("{number}. {first}"),
        None => first,
    };
    out.push(Paragraph {
        style: Style::Item(depth),
        text,
    });
    for block in blocks {
        let mut inner = Vec::new();
        block_paragraphs(block, depth + 1, &mut inner);
        // Text below an item continues it: laid out as an item one level in.
        for paragraph in &mut inner {
            if paragraph.style == Style::Paragraph {
                paragraph.style = Style::Item(depth + 1);
            }
        }
        out.extend(inner);
    }
}

/// Text on one line, its spaces single: liblouis translates a line at a time.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::document::parse_document;

    #[test]
    fn blocks_become_styled_paragraphs_with_addresses_written_out() {
        let blocks = parse_document(
            "## Your rights\n\nSee [the ICO](https://ico.org.uk/) or \
             [ico.org.uk](https://ico.org.uk/).\n\n- one\n- two\n  - deeper\n\n\
             1. first\n2. second\n\n### More\n\n| What | How long |\n|---|---|\n| Notes | 6 years |\n",
        );
        let mut out = Vec::new();
        for block in &blocks {
            block_paragraphs(block, 0, &mut out);
        }
        let shown: Vec<(Style, &str)> = out.iter().map(|p| (p.style, &p.text[..])).collect();
        assert_eq!(
            shown,
            vec![
                (Style::Heading, "Your rights"),
                (
                    Style::Paragraph,
                    "See the ICO (https://ico.org.uk/) or ico.org.uk."
                ),
                (Style::Item(0), "one"),
                (Style::Item(0), "two"),
                (Style::Item(1), "deeper"),
                (Style::Item(0), "1. first"),
                (Style::Item(0), "2. second"),
                (Style::Subheading, "More"),
                (Style::Item(0), "What: Notes; How long: 6 years"),
            ]
        );
    }
}
