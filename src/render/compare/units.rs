//! A version's Markdown as the units a reader compares: sections (split at `##`
//! headings), and in each the headings, paragraphs, list items and table rows, each
//! with its own HTML (its inner HTML: the list or table around it is put back when
//! the comparison is laid out) and its plain text.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::text::markdown::markdown_options;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    /// A heading below the section's own (`###` and deeper), by level.
    Heading(u8),
    Paragraph,
    /// A list item: whether its list is numbered, how deep it is nested (0 = top),
    /// and whether it continues the item before (its text after a nested list).
    ListItem {
        ordered: bool,
        depth: usize,
        continues: bool,
    },
    /// A table row: whether it is the header row.
    TableRow {
        header: bool,
    },
    /// A code block or anything else kept whole.
    Other,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    /// Inner HTML: for a list item what goes inside its `<li>`, for a row its cells.
    pub html: String,
    /// The words, for matching and counting.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// The `##` heading's inner HTML and text; empty for the text before the first.
    pub heading_html: String,
    pub heading_text: String,
    pub units: Vec<Unit>,
}

/// Splits `markdown` into sections of units.
pub fn sections(markdown: &str) -> Vec<Section> {
    let mut sections = vec![Section {
        heading_html: String::new(),
        heading_text: String::new(),
        units: Vec::new(),
    }];
    // The unit being read: its kind, its events, its text.
    let mut open: Option<(UnitKind, Vec<Event>, String)> = None;
    let mut lists: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    // For each link open: whether its address is kept.
    let mut links: Vec<bool> = Vec::new();
    let finish = |open: &mut Option<(UnitKind, Vec<Event>, String)>,
                  sections: &mut Vec<Section>| {
        if let Some((kind, events, text)) = open.take() {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, events.into_iter());
            // Cells come out as `<td>` without their table: a header row's are `<th>`.
            if kind == (UnitKind::TableRow { header: true }) {
                html = html.replace("<td", "<th").replace("</td>", "</th>");
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() || kind == UnitKind::Other {
                sections
                    .last_mut()
                    .expect("there is always a section")
                    .units
                    .push(Unit {
                        kind,
                        html: html.trim().to_string(),
                        text,
                    });
            }
        }
    };
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                finish(&mut open, &mut sections);
                open = Some((UnitKind::Heading(2), Vec::new(), String::new()));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((_, events, text)) = open.take() {
                    let mut html = String::new();
                    pulldown_cmark::html::push_html(&mut html, events.into_iter());
                    sections.push(Section {
                        heading_html: html.trim().to_string(),
                        heading_text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                        units: Vec::new(),
                    });
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut open, &mut sections);
                open = Some((UnitKind::Heading(level as u8), Vec::new(), String::new()));
            }
            Event::Start(Tag::Paragraph) if open.is_none() => {
                // Inside a list with no item open: the text of an item after its
                // nested list.
                let kind = match lists.last() {
                    Some(&ordered) => UnitKind::ListItem {
                        ordered,
                        depth: lists.len() - 1,
                        continues: true,
                    },
                    None => UnitKind::Paragraph,
                };
                open = Some((kind, Vec::new(), String::new()));
            }
            Event::Start(Tag::List(first)) => {
                finish(&mut open, &mut sections);
                lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                finish(&mut open, &mut sections);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                finish(&mut open, &mut sections);
                let kind = UnitKind::ListItem {
                    ordered: lists.last().copied().unwrap_or(false),
                    depth: lists.len().saturating_sub(1),
                    continues: false,
                };
                open = Some((kind, Vec::new(), String::new()));
            }
            Event::Start(Tag::TableHead) => {
                open = Some((
                    UnitKind::TableRow { header: true },
                    Vec::new(),
                    String::new(),
                ));
            }
            Event::Start(Tag::TableRow) => {
                open = Some((
                    UnitKind::TableRow { header: false },
                    Vec::new(),
                    String::new(),
                ));
            }
            Event::End(TagEnd::TableHead) => {
                finish(&mut open, &mut sections);
            }
            Event::Start(Tag::CodeBlock(_)) if open.is_none() => {
                open = Some((UnitKind::Other, vec![event], String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((_, events, _)) = &mut open {
                    events.push(event);
                }
                finish(&mut open, &mut sections);
            }
            Event::End(TagEnd::Paragraph)
                if matches!(
                    open,
                    Some((
                        UnitKind::Paragraph
                            | UnitKind::ListItem {
                                continues: true,
                                ..
                            },
                        _,
                        _
                    ))
                ) =>
            {
                finish(&mut open, &mut sections);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow) => {
                finish(&mut open, &mut sections);
            }
            // A picture is not part of the text being compared.
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            // Links keep their address only when it works from any page: a web,
            // email or phone address. A `#section` or relative link is kept as text.
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let kept = keep_link(dest_url);
                links.push(kept);
                if let (true, Some((_, events, _))) = (kept, &mut open) {
                    events.push(event);
                }
            }
            Event::End(TagEnd::Link) => {
                if let (Some(true), Some((_, events, _))) = (links.pop(), &mut open) {
                    events.push(event);
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if let Some((_, events, text)) = &mut open {
                    text.push_str(t);
                    text.push(' ');
                    events.push(event.clone());
                }
            }
            // An address keeps its lines.
            Event::HardBreak => {
                if let Some((_, events, text)) = &mut open {
                    text.push(' ');
                    events.push(Event::HardBreak);
                }
            }
            Event::SoftBreak => {
                if let Some((_, events, text)) = &mut open {
                    text.push(' ');
                    events.push(Event::Text(CowStr::Borrowed(" ")));
                }
            }
            // Table cells and inline marks stay in the unit's HTML.
            Event::Start(Tag::TableCell | Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(
                TagEnd::TableCell | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough,
            ) => {
                if let Some((_, events, _)) = &mut open {
                    events.push(event);
                }
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {
                // A paragraph inside a list item: its text joins the item's.
                if let Some((_, events, text)) = &mut open {
                    if !text.is_empty() {
                        events.push(Event::Text(CowStr::Borrowed(" ")));
                    }
                }
            }
            _ => {}
        }
    }
    finish(&mut open, &mut sections);
    if sections[0].units.is_empty() {
        sections.remove(0);
    }
    sections
}

/// Whether a link keeps its address on the comparison page: a web, email or phone
/// address works from any page; a `#section` or relative one would lead nowhere there.
fn keep_link(dest: &str) -> bool {
    let scheme = dest.split(':').next().unwrap_or("");
    dest.contains(':')
        && matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel"
        )
}
