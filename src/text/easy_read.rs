//! Easy-read text: Markdown in which each point starts with its picture,
//! `![A phone](picture:phone) We will phone you to check you are OK.` A point is a
//! paragraph or a list item; headings stay headings. The parse keeps source ranges so
//! `check` can point at a line, and the HTML of each point's text for `render`.

use std::ops::Range;

use pulldown_cmark::{html, Event, HeadingLevel, Tag, TagEnd};

use crate::text::autolink::read_linked;
use crate::text::document::{inlines_of, Inline};
use crate::text::headings::assign_all;

/// The picture a point starts with, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureRef {
    pub dest: String,
    pub alt: String,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: usize,
        id: String,
        html: String,
        /// The same as a tree, for layouts that are not HTML.
        inlines: Vec<Inline>,
        range: Range<usize>,
    },
    Point {
        picture: Option<PictureRef>,
        /// The text beside the picture, as HTML.
        html: String,
        /// The same as plain text, for the sentence checks.
        plain: String,
        /// The same as a tree, for layouts that are not HTML.
        inlines: Vec<Inline>,
        range: Range<usize>,
        /// Where italics were used (easy read never uses them).
        italics: Vec<Range<usize>>,
        /// Images after the first, which easy read puts in their own points.
        extra_pictures: Vec<Range<usize>>,
    },
}

/// Parses easy-read Markdown into headings and points.
pub fn parse_easy_read(markdown: &str) -> Vec<Block> {
    let mut events: Vec<(Event, Range<usize>)> = read_linked(markdown);
    let plain_events: Vec<Event> = events.iter().map(|(e, _)| e.clone()).collect();
    let (ids, headings) = assign_all(&plain_events);
    for (event, _) in &mut events {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            if let Some(target) = headings.link_target(dest_url) {
                *dest_url = target.into();
            }
        }
    }
    let mut ids = ids.into_iter();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::Heading { level, .. }) => {
                let end = find_end(&events, i);
                let inner: Vec<Event> = events[i + 1..end].iter().map(|(e, _)| e.clone()).collect();
                let id = ids.next().unwrap_or_default();
                blocks.push(Block::Heading {
                    level: heading_level(*level),
                    id,
                    inlines: inlines_of(&inner),
                    html: to_html(inner),
                    range: events[i].1.clone(),
                });
                i = end + 1;
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) => {
                let end = find_end(&events, i);
                blocks.push(point(&events[i + 1..end], events[i].1.clone()));
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    blocks
}

/// A point: an optional leading picture, then text.
fn point(inner: &[(Event, Range<usize>)], range: Range<usize>) -> Block {
    // A loose list item wraps its text in a paragraph: look through it.
    let inner: Vec<&(Event, Range<usize>)> = inner
        .iter()
        .filter(|(e, _)| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .collect();
    let (picture, rest) = leading_picture(&inner).map_or((None, 0), |(p, rest)| (Some(p), rest));
    let mut text_events: Vec<Event> = Vec::new();
    let mut italics = Vec::new();
    let mut extra_pictures = Vec::new();
    let mut in_image = false;
    for (event, range) in &inner[rest..] {
        match event {
            Event::Start(Tag::Emphasis) => italics.push(range.clone()),
            Event::Start(Tag::Image { .. }) => {
                extra_pictures.push(range.clone());
                in_image = true;
                continue;
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                continue;
            }
            // Nested lists are points of their own; their items come as separate blocks.
            Event::Start(Tag::List(_)) => break,
            _ => {}
        }
        if !in_image {
            text_events.push(event.clone());
        }
    }
    // Trim the space between the picture and the text.
    if let Some(Event::Text(text)) = text_events.first_mut() {
        *text = text.trim_start().to_string().into();
    }
    let plain = plain_text(&text_events).trim().to_string();
    Block::Point {
        picture,
        inlines: inlines_of(&text_events),
        html: to_html(text_events).trim().to_string(),
        plain,
        range,
        italics,
        extra_pictures,
    }
}

/// The picture a point starts with, if it does, and where its text starts after it.
fn leading_picture(inner: &[&(Event, Range<usize>)]) -> Option<(PictureRef, usize)> {
    let first = inner
        .iter()
        .position(|(e, _)| !matches!(e, Event::Text(t) if t.trim().is_empty()))?;
    let Event::Start(Tag::Image { dest_url, .. }) = &inner[first].0 else {
        return None;
    };
    let end = inner[first..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Image)))
        .map_or(inner.len() - 1, |p| p + first);
    let alt_events: Vec<Event> = inner[first + 1..end]
        .iter()
        .map(|(e, _)| e.clone())
        .collect();
    let picture = PictureRef {
        dest: dest_url.to_string(),
        alt: plain_text(&alt_events).trim().to_string(),
        range: inner[first].1.clone(),
    };
    Some((picture, end + 1))
}

/// The index of the event that closes the one opened at `start`.
fn find_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0;
    for (index, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return index;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

fn to_html(events: Vec<Event>) -> String {
    let mut out = String::new();
    let safe = events.into_iter().map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    html::push_html(&mut out, safe);
    out
}

fn heading_level(level: HeadingLevel) -> usize {
    level as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_start_with_their_picture_and_headings_stay_headings() {
        let blocks = parse_easy_read("## Who we are\n\n![A phone](picture:phone) We will **phone** you.\n\n- ![A letter](picture:letter) We write to you.\n- No picture here.\n");
        assert!(
            matches!(&blocks[0], Block::Heading { level: 2, id, html, .. } if id == "who-we-are" && html == "Who we are")
        );
        let Block::Point {
            picture: Some(picture),
            html,
            plain,
            ..
        } = &blocks[1]
        else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (picture.dest.as_str(), picture.alt.as_str()),
            ("picture:phone", "A phone")
        );
        assert_eq!(html, "We will <strong>phone</strong> you.");
        assert_eq!(plain, "We will phone you.");
        assert!(
            matches!(&blocks[2], Block::Point { picture: Some(p), plain, .. } if p.dest == "picture:letter" && plain == "We write to you.")
        );
        assert!(
            matches!(&blocks[3], Block::Point { picture: None, plain, .. } if plain == "No picture here.")
        );
    }

    #[test]
    fn italics_and_extra_pictures_are_noted() {
        let blocks = parse_easy_read("![A](picture:a) This is *very* important ![B](picture:b).\n");
        let Block::Point {
            italics,
            extra_pictures,
            html,
            ..
        } = &blocks[0]
        else {
            panic!()
        };
        assert_eq!(italics.len(), 1);
        assert_eq!(extra_pictures.len(), 1);
        assert!(!html.contains("<img"), "{html}");
    }
}
