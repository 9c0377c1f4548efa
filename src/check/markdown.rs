//! What a notice's Markdown may not contain: raw HTML (a notice needs none, and it is how
//! scripts get in), `javascript:` and other script links, a second top-level heading
//! (the title is the page's one `h1`), and skipped heading levels.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};

use crate::diagnostics::{Problem, SourceFile};
use crate::model::Version;
use crate::text::markdown::markdown_options;

pub fn check_markdown(version: &Version, problems: &mut Vec<Problem>) {
    check_markdown_text(
        &version.source,
        &version.body,
        version.body_offset,
        problems,
    );
    if let Some(easy_read) = version.own_text(crate::forms::Form::EasyRead) {
        check_markdown_text(easy_read, &easy_read.text, 0, problems);
    }
}

/// Checks `markdown`, which starts at `offset` in `source`'s text.
pub fn check_markdown_text(
    source: &SourceFile,
    markdown: &str,
    offset: usize,
    problems: &mut Vec<Problem>,
) {
    crate::check::false_headings::check_false_headings(source, markdown, offset, problems);
    let at = |range: std::ops::Range<usize>| range.start + offset..range.end + offset;
    // The page's h1 is the title, so the body's headings start at h2.
    let mut previous_level = 1;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => problems.push(
                source
                    .problem(at(range), "raw HTML is not allowed in a notice")
                    .with_help("Use Markdown instead: **bold**, [link text](https://...), - for lists. If you meant to show a < sign, write \\<."),
            ),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if is_script_url(&dest_url) => problems.push(
                source
                    .problem(at(range), "links that run scripts are not allowed")
                    .with_help("Link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...)."),
            ),
            Event::Start(Tag::Heading { level, .. }) => {
                let level = heading_number(level);
                if level == 1 {
                    problems.push(
                        source
                            .problem(at(range), "a notice's sections start at ## (the title is the page's only top-level heading)")
                            .with_help("Change # to ## here, and ## to ### below it if needed."),
                    );
                } else if level > previous_level + 1 {
                    problems.push(
                        source
                            .problem(at(range), format!("this heading skips a level: h{level} after h{previous_level}"))
                            .with_help(format!("Use {} here; screen-reader users move around a page by heading levels.", "#".repeat(previous_level + 1))),
                    );
                }
                previous_level = level;
            }
            _ => {}
        }
    }
}

fn heading_number(level: HeadingLevel) -> usize {
    level as usize
}

/// True for `javascript:`, `vbscript:` and `data:` URLs, however they are disguised
/// (case, spaces or control characters inside the scheme).
pub fn is_script_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_are_recognised_in_disguise() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            " java\tscript:x",
            "vbscript:x",
            "data:text/html,x",
        ] {
            assert!(is_script_url(bad), "{bad}");
        }
        for good in [
            "https://ico.org.uk",
            "mailto:a@b.org",
            "tel:+441",
            "#section",
            "../general/",
            "javascript-guide.html",
        ] {
            assert!(!is_script_url(good), "{good}");
        }
    }
}
