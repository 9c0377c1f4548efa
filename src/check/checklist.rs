//! The privacy information a notice must give (UK GDPR Articles 13 and 14, as the ICO's
//! "right to be informed" guidance lists it). A notice covers an item with a section
//! whose heading has the item's id (`## How long we keep it {#retention}`), or says in
//! front-matter that it does not apply and why (`[not_applicable] transfers = "..."`).

use pulldown_cmark::{Event, Parser, Tag};

use crate::model::Version;
use crate::render::markdown::markdown_options;

/// One item of the checklist.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub id: &'static str,
    pub label: &'static str,
}

pub const ITEMS: [Item; 17] = [
    Item {
        id: "controller",
        label: "Who the controller is, and how to contact them",
    },
    Item {
        id: "representative",
        label: "The controller's representative, if any",
    },
    Item {
        id: "dpo",
        label: "The data protection officer or lead",
    },
    Item {
        id: "purposes",
        label: "What the information is used for",
    },
    Item {
        id: "lawful-basis",
        label: "The lawful basis for using it",
    },
    Item {
        id: "legitimate-interests",
        label: "The legitimate interests relied on",
    },
    Item {
        id: "categories",
        label: "The kinds of information (when not from the person)",
    },
    Item {
        id: "recipients",
        label: "Who it is shared with",
    },
    Item {
        id: "transfers",
        label: "Transfers outside the UK, and the safeguards",
    },
    Item {
        id: "retention",
        label: "How long it is kept, or how that is decided",
    },
    Item {
        id: "rights",
        label: "The person's rights",
    },
    Item {
        id: "withdraw-consent",
        label: "The right to withdraw consent",
    },
    Item {
        id: "complain-ico",
        label: "The right to complain to the ICO",
    },
    Item {
        id: "complain-us",
        label: "The right to complain to the organisation first",
    },
    Item {
        id: "source",
        label: "Where the information came from (when not from the person)",
    },
    Item {
        id: "requirement",
        label: "Whether giving it is a legal or contract requirement",
    },
    Item {
        id: "automated-decisions",
        label: "Automated decisions and profiling",
    },
];

/// How a notice stands on one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// A section with the item's id: its heading text and line.
    Covered {
        heading: String,
        line: usize,
    },
    NotApplicable {
        reason: String,
    },
    Missing,
}

/// Each checklist item with how `version` covers it.
pub fn coverage(version: &Version) -> Vec<(Item, Coverage)> {
    let mut headings: Vec<(String, String, usize)> = Vec::new();
    let parser = Parser::new_ext(&version.body, markdown_options()).into_offset_iter();
    let mut open: Option<(String, usize)> = None;
    let mut text = String::new();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                let (line, _) = version.source.line_col(version.body_offset + range.start);
                open = Some((id.to_string(), line));
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if open.is_some() => text.push_str(&t),
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some((id, line)) = open.take() {
                    headings.push((id, text.trim().to_string(), line));
                }
            }
            _ => {}
        }
    }
    ITEMS
        .iter()
        .map(|item| {
            let state = if let Some((_, heading, line)) =
                headings.iter().find(|(id, _, _)| id == item.id)
            {
                Coverage::Covered {
                    heading: heading.clone(),
                    line: *line,
                }
            } else if let Some(na) = version
                .not_applicable
                .iter()
                .find(|na| na.value.0 == item.id)
            {
                Coverage::NotApplicable {
                    reason: na.value.1.clone(),
                }
            } else {
                Coverage::Missing
            };
            (*item, state)
        })
        .collect()
}

/// One warning per checklist item the current version of `notice` leaves out.
pub fn missing_items(
    notice: &crate::model::Notice,
    today: crate::model::Date,
) -> Vec<crate::diagnostics::Problem> {
    let mut warnings = Vec::new();
    if let Some(version) = notice.current_version(today) {
        for (item, state) in coverage(version) {
            if state == Coverage::Missing {
                warnings.push(
                    crate::diagnostics::Problem::in_file(&version.source.path, format!("missing privacy information: {} (no section {{#{}}})", item.label, item.id))
                        .with_help(format!("Add a section about it with the heading id {{#{}}}, or say why it does not apply under [not_applicable] in the front-matter.", item.id))
                        .warning(),
                );
            }
        }
    }
    warnings
}
