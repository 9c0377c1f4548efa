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
pub(super) struct Unit {
    pub kind: UnitKind,
    /// Inner HTML: for a list item what goes inside its `<li>`, for a row its cells.
    pub html: String,
    /// The words, for matching and counting.
    pub text: String,
}

#[derive(Debug, Clone)]
pub(super) struct Section {
    /// The `##` heading's inner HTML and text; empty for the text before the first.
    pub heading_html: String,
    pub heading_text: String,
    pub units: Vec<Unit>,
}

/// Splits `markdown` into sections of units.
pub(super) fn sections(markdown: &str) -> Vec<Section> {
    let mut reader = Reader::default();
    for event in Parser::new_ext(markdown, markdown_options()) {
        reader.read(event);
    }
    reader.finish();
    let mut sections = reader.sections;
    if sections[0].units.is_empty() {
        sections.remove(0);
    }
    sections
}

/// A unit being read: what it is, its events (for its HTML) and its words.
struct OpenUnit<'a> {
    kind: UnitKind,
    events: Vec<Event<'a>>,
    text: String,
}

impl<'a> OpenUnit<'a> {
    fn new(kind: UnitKind) -> Self {
        OpenUnit {
            kind,
            events: Vec::new(),
            text: String::new(),
        }
    }

    fn html(events: Vec<Event<'a>>) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html.trim().to_string()
    }
}

/// Reads a notice's Markdown events into sections of units.
struct Reader<'a> {
    sections: Vec<Section>,
    open: Option<OpenUnit<'a>>,
    /// The lists open, innermost last: whether each is numbered.
    lists: Vec<bool>,
    /// How deep inside pictures (their text is not compared).
    in_image: usize,
    /// For each link open: whether its address is kept.
    links: Vec<bool>,
}

impl Default for Reader<'_> {
    fn default() -> Self {
        Reader {
            // The text before the first `##` heading.
            sections: vec![Section {
                heading_html: String::new(),
                heading_text: String::new(),
                units: Vec::new(),
            }],
            open: None,
            lists: Vec::new(),
            in_image: 0,
            links: Vec::new(),
        }
    }
}

impl<'a> Reader<'a> {
    /// One Markdown event: the structure (sections, headings, paragraphs, lists,
    /// tables, code) here, what is inside a unit in [`Reader::read_inline`].
    fn read(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => self.start(UnitKind::Heading(2)),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => self.new_section(),
            Event::Start(Tag::Heading { level, .. }) => self.start(UnitKind::Heading(level as u8)),
            Event::Start(Tag::Paragraph) if self.open.is_none() => self.start_paragraph(),
            Event::Start(Tag::List(first)) => {
                self.finish();
                self.lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                self.finish();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => self.start(UnitKind::ListItem {
                ordered: self.lists.last().copied().unwrap_or(false),
                depth: self.lists.len().saturating_sub(1),
                continues: false,
            }),
            Event::Start(Tag::TableHead) => {
                self.open = Some(OpenUnit::new(UnitKind::TableRow { header: true }))
            }
            Event::Start(Tag::TableRow) => {
                self.open = Some(OpenUnit::new(UnitKind::TableRow { header: false }))
            }
            Event::End(TagEnd::TableHead) => self.finish(),
            Event::Start(Tag::CodeBlock(_)) if self.open.is_none() => {
                let mut unit = OpenUnit::new(UnitKind::Other);
                unit.events.push(event);
                self.open = Some(unit);
            }
            Event::End(TagEnd::CodeBlock) => {
                self.push(event);
                self.finish();
            }
            Event::End(TagEnd::Paragraph) if self.paragraph_is_a_unit() => self.finish(),
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow) => self.finish(),
            _ => self.read_inline(event),
        }
    }

    /// An event inside a unit: its text, links and marks (a picture's are left out).
    fn read_inline(&mut self, event: Event<'a>) {
        match event {
            // A picture is not part of the text being compared.
            Event::Start(Tag::Image { .. }) => self.in_image += 1,
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            _ if self.in_image > 0 => {}
            // Links keep their address only when it works from any page: a web,
            // email or phone address. A `#section` or relative link is kept as text.
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => self.link(event),
            Event::Text(ref t) | Event::Code(ref t) => {
                let words = t.to_string();
                self.push_text(&words, event);
            }
            // An address keeps its lines.
            Event::HardBreak => self.push_text("", Event::HardBreak),
            Event::SoftBreak => self.push_text("", Event::Text(CowStr::Borrowed(" "))),
            // Table cells and inline marks stay in the unit's HTML.
            Event::Start(Tag::TableCell | Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(
                TagEnd::TableCell | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough,
            ) => self.push(event),
            // A paragraph inside a list item: its text joins the item's.
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                if self.open.as_ref().is_some_and(|u| !u.text.is_empty()) =>
            {
                self.push(Event::Text(CowStr::Borrowed(" ")))
            }
            _ => {}
        }
    }

    /// A link's start or end, kept only if its address works from any page.
    fn link(&mut self, event: Event<'a>) {
        let kept = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let kept = keep_link(dest_url);
                self.links.push(kept);
                kept
            }
            _ => self.links.pop() == Some(true),
        };
        if kept {
            self.push(event);
        }
    }

    /// Finishes the unit open, if any, and opens one of `kind`.
    fn start(&mut self, kind: UnitKind) {
        self.finish();
        self.open = Some(OpenUnit::new(kind));
    }

    /// A paragraph with no unit open: its own unit, or (inside a list, with no item
    /// open) the text of an item after its nested list.
    fn start_paragraph(&mut self) {
        let kind = match self.lists.last() {
            Some(&ordered) => UnitKind::ListItem {
                ordered,
                depth: self.lists.len() - 1,
                continues: true,
            },
            None => UnitKind::Paragraph,
        };
        self.open = Some(OpenUnit::new(kind));
    }

    fn paragraph_is_a_unit(&self) -> bool {
        matches!(
            self.open.as_ref().map(|u| &u.kind),
            Some(
                UnitKind::Paragraph
                    | UnitKind::ListItem {
                        continues: true,
                        ..
                    }
            )
        )
    }

    /// A `##` heading ends: the section it heads begins.
    fn new_section(&mut self) {
        if let Some(unit) = self.open.take() {
            self.sections.push(Section {
                heading_html: OpenUnit::html(unit.events),
                heading_text: unit.text.split_whitespace().collect::<Vec<_>>().join(" "),
                units: Vec::new(),
            });
        }
    }

    fn push(&mut self, event: Event<'a>) {
        if let Some(unit) = &mut self.open {
            unit.events.push(event);
        }
    }

    /// An event that carries words (`words` may be empty: a break is a space).
    fn push_text(&mut self, words: &str, event: Event<'a>) {
        if let Some(unit) = &mut self.open {
            unit.text.push_str(words);
            unit.text.push(' ');
            unit.events.push(event);
        }
    }

    /// Ends the unit open, if any, and adds it to the current section (a unit with
    /// no words is left out, but for code).
    fn finish(&mut self) {
        let Some(unit) = self.open.take() else {
            return;
        };
        let mut html = OpenUnit::html(unit.events);
        // Cells come out as `<td>` without their table: a header row's are `<th>`.
        if unit.kind == (UnitKind::TableRow { header: true }) {
            html = html.replace("<td", "<th").replace("</td>", "</th>");
        }
        let text = unit.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() || unit.kind == UnitKind::Other {
            self.sections
                .last_mut()
                .expect("there is always a section")
                .units
                .push(Unit {
                    kind: unit.kind,
                    html,
                    text,
                });
        }
    }
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
