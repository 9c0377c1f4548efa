//! Addresses a notice writes in its text without Markdown's link syntax — "email us at
//! data@pss.org.uk", "visit www.great.gov.uk" — become links, on the web page and in
//! every handout alike, as GitHub's Markdown links them: a web address with its
//! scheme (`https://…`) or starting `www.`, and an email address. A bare domain
//! (`data.gov.uk`, `GOV.UK`) is as often a name as an address and stays text.
//!
//! Finding where an address ends (not its full stop, but its closing bracket only if
//! it opened one) is linkify's job, the crate comrak uses for the same rule.

use linkify::{LinkFinder, LinkKind};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd};

use crate::text::markdown::markdown_options;

/// `events` with every address in plain text turned into a link. Each event carries
/// something of its own (its place in the file, say), which the pieces of a split text
/// share. Text inside links, images, headings and code is left alone.
pub(crate) fn autolinked<'a, T: Clone>(events: Vec<(Event<'a>, T)>) -> Vec<(Event<'a>, T)> {
    let mut out = Vec::with_capacity(events.len());
    let mut inside_other = 0usize;
    let mut pending: Option<(CowStr<'a>, T)> = None;
    for (event, extra) in events {
        match event {
            Event::Text(text) if inside_other == 0 => {
                // pulldown-cmark may hand one run of text over in pieces: join them,
                // so an address is never cut in two. A single piece is kept as it is.
                pending = Some(match pending.take() {
                    Some((joined, first)) => (format!("{joined}{text}").into(), first),
                    None => (text, extra),
                });
                continue;
            }
            ref event => match event {
                Event::Start(tag) if leaves_text_alone(tag) => inside_other += 1,
                Event::End(end) if ends_text_left_alone(end) => {
                    inside_other = inside_other.saturating_sub(1)
                }
                _ => {}
            },
        }
        flush(&mut pending, &mut out);
        out.push((event, extra));
    }
    flush(&mut pending, &mut out);
    out
}

/// A text's Markdown as the stages that make output read it: its events with their
/// places in the text, and the addresses written as plain text made links.
pub(crate) fn read_linked(markdown: &str) -> Vec<(Event<'_>, Range<usize>)> {
    autolinked(
        Parser::new_ext(markdown, markdown_options())
            .into_offset_iter()
            .collect(),
    )
}

fn leaves_text_alone(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Link { .. } | Tag::Image { .. } | Tag::Heading { .. } | Tag::CodeBlock(_)
    )
}

fn ends_text_left_alone(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Link | TagEnd::Image | TagEnd::Heading(_) | TagEnd::CodeBlock
    )
}

fn flush<'a, T: Clone>(pending: &mut Option<(CowStr<'a>, T)>, out: &mut Vec<(Event<'a>, T)>) {
    let Some((text, extra)) = pending.take() else {
        return;
    };
    let found = addresses(&text);
    if found.is_empty() {
        out.push((Event::Text(text), extra));
        return;
    }
    let mut written = 0;
    for (start, end, url) in found {
        if start > written {
            out.push((
                Event::Text(text[written..start].to_string().into()),
                extra.clone(),
            ));
        }
        out.push((
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: url.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            extra.clone(),
        ));
        out.push((
            Event::Text(text[start..end].to_string().into()),
            extra.clone(),
        ));
        out.push((Event::End(TagEnd::Link), extra.clone()));
        written = end;
    }
    if written < text.len() {
        out.push((Event::Text(text[written..].to_string().into()), extra));
    }
}

/// Where each address in `text` starts and ends, and the link it becomes.
pub(crate) fn addresses(text: &str) -> Vec<(usize, usize, String)> {
    // Most text has no address: skip the finder for it.
    if !(text.contains('@') || text.contains("://") || text.contains("www.")) {
        return Vec::new();
    }
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    finder
        .links(text)
        .filter_map(|link| {
            let found = link.as_str();
            let url = match link.kind() {
                LinkKind::Email => format!("mailto:{found}"),
                LinkKind::Url if found.contains("://") => {
                    let scheme = found.split("://").next().unwrap_or("").to_lowercase();
                    (scheme == "https" || scheme == "http").then(|| found.to_string())?
                }
                // `get`: the first four bytes may end inside a letter ("é漢字…").
                LinkKind::Url
                    if found.len() > 4
                        && found
                            .get(..4)
                            .is_some_and(|w| w.eq_ignore_ascii_case("www.")) =>
                {
                    format!("https://{found}")
                }
                _ => return None,
            };
            Some((link.start(), link.end(), url))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn linked(markdown: &str) -> String {
        let events: Vec<(Event, ())> =
            Parser::new_ext(markdown, crate::text::markdown::markdown_options())
                .map(|e| (e, ()))
                .collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, autolinked(events).into_iter().map(|(e, _)| e));
        html
    }

    #[test]
    fn emails_and_web_addresses_in_text_become_links_without_their_full_stop() {
        assert_eq!(
            linked("Email us at data@pss.org.uk. Or visit www.great.gov.uk, or https://ico.org.uk/make-a-complaint."),
            "<p>Email us at <a href=\"mailto:data@pss.org.uk\">data@pss.org.uk</a>. Or visit \
             <a href=\"https://www.great.gov.uk\">www.great.gov.uk</a>, or \
             <a href=\"https://ico.org.uk/make-a-complaint\">https://ico.org.uk/make-a-complaint</a>.</p>\n"
        );
    }

    #[test]
    fn names_links_headings_and_code_are_left_alone() {
        for markdown in [
            "Use GOV.UK Notify or data.gov.uk.",
            "Write to [data@pss.org.uk](mailto:data@pss.org.uk).",
            "## Email data@pss.org.uk",
            "`www.example.org`",
            "```\nhttps://example.org\n```",
            "ftp://example.org/file",
        ] {
            assert_eq!(
                linked(markdown).matches("<a ").count(),
                usize::from(markdown.contains("](")),
                "{markdown}: {}",
                linked(markdown)
            );
        }
    }

    #[test]
    fn an_address_pulldown_cmark_hands_over_in_pieces_is_found_whole() {
        // `[` that opens no link splits the text event in two.
        assert!(linked("See [www.example.org/a_b] now")
            .contains("href=\"https://www.example.org/a_b\""));
    }

    #[test]
    fn a_text_of_many_byte_letters_around_an_at_sign_does_not_panic() {
        // Found by tests/properties.rs: the first four bytes of "é漢字" end inside "漢".
        assert_eq!(addresses("é漢字🙂\u{200b}.Aa#@"), Vec::new());
        linked("é漢字🙂\u{200b}m.gPAy@example.org");
    }
}
