//! Markdown to HTML for a notice's body: stable heading ids (`{#id}` honoured), a table
//! of contents from the `##` headings, smart punctuation and tables. Raw HTML is
//! refused by `check`; here it is escaped as text as a second line of defence.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Tag};

use crate::text::autolink::read_linked;
use crate::text::headings::{assign_all, heading_text};
use serde::Serialize;

/// A version's summary as shown: plain text with the same smart punctuation as the
/// notice's text (curly quotes and apostrophes, en and em dashes, ellipses).
pub fn summary_text(version: &crate::model::Version) -> Option<String> {
    version.summary.as_deref().map(smart_punctuation)
}

/// `text` with Markdown's smart punctuation, and nothing else of Markdown.
pub fn smart_punctuation(text: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let mut out = String::with_capacity(text.len());
    // Only punctuation is wanted: a `*` or `#` in a summary stays as typed.
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '!' | '&' | '|' | '~' => {
                vec!['\\', c]
            }
            c => vec![c],
        })
        .collect();
    for event in Parser::new_ext(&escaped, Options::ENABLE_SMART_PUNCTUATION) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// One entry of the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RenderedMarkdown {
    pub html: String,
    pub toc: Vec<TocEntry>,
}

pub fn render_markdown(markdown: &str) -> RenderedMarkdown {
    let mut events: Vec<Event> = read_linked(markdown)
        .into_iter()
        .map(|(event, _)| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        })
        .collect();
    let toc = assign_heading_ids(&mut events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    RenderedMarkdown { html: out, toc }
}

/// Gives every heading its id (see [`crate::text::headings`]) and nothing else — no
/// class or attribute from the text reaches the page — points the notice's links at
/// the ids its headings got, and returns the `##` headings as the table of contents.
fn assign_heading_ids(events: &mut [Event]) -> Vec<TocEntry> {
    let (given, ids) = assign_all(events);
    let mut given = given.into_iter();
    let mut toc = Vec::new();
    for index in 0..events.len() {
        match &mut events[index] {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level;
                let id = given.next().expect("one id for each heading");
                if level == HeadingLevel::H2 {
                    toc.push(TocEntry {
                        id: id.clone(),
                        text: heading_text(&events[index + 1..]),
                    });
                }
                events[index] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = ids.link_target(dest_url) {
                    *dest_url = CowStr::from(target);
                }
            }
            _ => {}
        }
    }
    toc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markdown::slugify;

    #[test]
    fn summaries_get_smart_punctuation_and_nothing_else() {
        assert_eq!(
            smart_punctuation("We've changed \"how long\" -- and *why* #2..."),
            "We’ve changed “how long” – and *why* #2…"
        );
    }

    #[test]
    fn headings_get_stable_unique_ids_and_the_toc_lists_h2s() {
        let out = render_markdown(
            "## Who we are\n\n### Who we are\n\n## Rights {#rights}\n\n## Who we are\n",
        );
        assert!(out.html.contains(r#"<h2 id="who-we-are">"#), "{}", out.html);
        assert!(
            out.html.contains(r#"<h3 id="who-we-are-2">"#),
            "{}",
            out.html
        );
        assert!(
            out.html.contains(r#"<h2 id="rights">Rights</h2>"#),
            "{}",
            out.html
        );
        let ids: Vec<_> = out.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["who-we-are", "rights", "who-we-are-3"]);
    }

    #[test]
    fn a_heading_gets_its_id_and_nothing_else() {
        let out = render_markdown(
            "## Collection {#collection onmouseover=alert(1) .big data-x=y}\n\n## What we collect {#what we collect}\n\n## Updates\n\nSee [our updates](#updates).\n",
        );
        assert!(
            out.html.contains(r#"<h2 id="collection">Collection</h2>"#),
            "{}",
            out.html
        );
        assert!(!out.html.contains("onmouseover"), "{}", out.html);
        assert!(!out.html.contains("class"), "{}", out.html);
        assert!(
            out.html.contains(r#"<h2 id="what">What we collect</h2>"#),
            "{}",
            out.html
        );
        // The page's own #updates is not the notice's to take; its link follows.
        assert!(out.html.contains(r#"<h2 id="updates-2">"#), "{}", out.html);
        assert!(out.html.contains(r##"href="#updates-2""##), "{}", out.html);
    }

    #[test]
    fn raw_html_is_escaped_and_quotes_are_curled() {
        let out = render_markdown("We'll <script>alert(1)</script> see.\n");
        assert!(!out.html.contains("<script>"), "{}", out.html);
        assert!(out.html.contains("&lt;script&gt;"), "{}", out.html);
        assert!(out.html.contains("We’ll"), "{}", out.html);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("2. What personal information do we collect?"),
            "2-what-personal-information-do-we-collect"
        );
        assert_eq!(
            slugify("i. Your right to be informed"),
            "i-your-right-to-be-informed"
        );
        assert_eq!(slugify("???"), "section");
    }
}
