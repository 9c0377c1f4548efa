//! What a notice's Markdown may not contain: raw HTML (a notice needs none, and it is how
//! scripts get in), `javascript:` and other script links, a second top-level heading
//! (the title is the page's one `h1`), and skipped heading levels.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::{ImagesConfig, Version};
use crate::text::headings::{is_valid_id, PAGE_IDS};
use crate::text::markdown::{markdown_options, slugify};
use std::collections::HashMap;

pub fn check_markdown(version: &Version, images: &ImagesConfig, problems: &mut Vec<Problem>) {
    check_markdown_text(
        &version.source,
        &version.body,
        version.body_offset,
        Some(images),
        problems,
    );
    if let Some(easy_read) = version.own_text(crate::forms::Form::EasyRead) {
        check_markdown_text(easy_read, &easy_read.text, 0, None, problems);
    }
}

/// Checks `markdown`, which starts at `offset` in `source`'s text. `images` says
/// where a standard text's pictures may come from (`None` for an easy-read text,
/// whose pictures are checked by the easy-read rules).
pub fn check_markdown_text(
    source: &SourceFile,
    markdown: &str,
    offset: usize,
    images: Option<&ImagesConfig>,
    problems: &mut Vec<Problem>,
) {
    crate::check::false_headings::check_false_headings(source, markdown, offset, problems);
    check_control_characters(source, markdown, offset, problems);
    // Lists and quotes open, to refuse nesting no reader can follow (nor a handout hold).
    let mut depth = 0usize;
    let at = |range: std::ops::Range<usize>| range.start + offset..range.end + offset;
    // The page's h1 is the title, so the body's headings start at h2.
    let mut previous_level = 1;
    // The addresses headings wrote, and the line of the first of each.
    let mut addresses: HashMap<String, usize> = HashMap::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => problems.push(
                source
                    .problem(Code::RawHtml, at(range), "raw HTML is not allowed in a notice")
                    .with_help("Use Markdown instead: **bold**, [link text](https://...), - for lists. If you meant to show a < sign, write \\<."),
            ),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if is_script_url(&dest_url) => problems.push(
                source
                    .problem(Code::ScriptLink, at(range), "links that run scripts are not allowed")
                    .with_help("Link to a web page (https://...), an email address (mailto:...) or a phone number (tel:...)."),
            ),
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                problems.extend(nesting_problem(source, at(range), depth));
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some((what, help)) = images.and_then(|images| web_image(&dest_url, images)) {
                    problems.push(source.problem(Code::WebImage, at(range), what).with_help(help));
                }
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                check_heading_address(
                    source,
                    at(range.clone()),
                    id.as_deref(),
                    !classes.is_empty() || !attrs.is_empty(),
                    &mut addresses,
                    problems,
                );
                let level = heading_number(level);
                problems.extend(heading_level_problem(source, at(range), level, previous_level));
                previous_level = level;
            }
            _ => {}
        }
    }
}

/// A list or quote opened `depth` deep: past [`MAX_NESTING`], said once (at the
/// first that goes too deep).
fn nesting_problem(
    source: &SourceFile,
    span: std::ops::Range<usize>,
    depth: usize,
) -> Option<Problem> {
    (depth == MAX_NESTING + 1).then(|| source
        .problem(Code::NestedTooDeep, span, format!("this list or quote is nested {depth} deep; a notice may nest them {MAX_NESTING} deep at most"))
        .with_help("Make the inner points a list of their own under a heading: people lose their place in deeply nested lists, and a printed handout cannot hold them."))
}

/// A heading at `level` after one at `previous`: the body starts at h2 (the title is
/// the page's h1) and goes down one level at a time.
fn heading_level_problem(
    source: &SourceFile,
    span: std::ops::Range<usize>,
    level: usize,
    previous: usize,
) -> Option<Problem> {
    if level == 1 {
        Some(source
            .problem(Code::TopLevelHeading, span, "a notice's sections start at ## (the title is the page's only top-level heading)")
            .with_help("Change # to ## here, and ## to ### below it if needed."))
    } else if level > previous + 1 {
        Some(
            source
                .problem(
                    Code::HeadingSkipsLevel,
                    span,
                    format!("this heading skips a level: h{level} after h{previous}"),
                )
                .with_help(format!(
                    "Use {} here; screen-reader users move around a page by heading levels.",
                    "#".repeat(previous + 1)
                )),
        )
    } else {
        None
    }
}

/// How deep lists and quotes may be nested.
pub const MAX_NESTING: usize = 10;

/// Invisible control characters (pasted from another program: a bell, an escape
/// sequence) have no place in a notice: no page or handout can show them.
fn check_control_characters(
    source: &SourceFile,
    markdown: &str,
    offset: usize,
    problems: &mut Vec<Problem>,
) {
    if let Some((at, c)) = markdown
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        problems.push(
            source
                .problem(Code::ControlCharacter, offset + at..offset + at + c.len_utf8(), format!("this text has an invisible control character (U+{:04X}) here", c as u32))
                .with_help("Delete it: it was probably pasted in from another program. Retype the words around it if you cannot see it in your editor."),
        );
    }
}

/// A heading's `{…}` may hold its address and nothing else: no class, no attribute
/// (they would reach the page as they are: `{#x onmouseover=…}`), and an address of
/// letters, digits, `-` and `_`, used once.
fn check_heading_address(
    source: &SourceFile,
    span: std::ops::Range<usize>,
    id: Option<&str>,
    has_more: bool,
    addresses: &mut HashMap<String, usize>,
    problems: &mut Vec<Problem>,
) {
    let written = source.text[span.clone()]
        .lines()
        .next()
        .and_then(|line| line.rfind('{').map(|at| line[at..].trim_end().to_string()))
        .unwrap_or_default();
    // `{#what we collect}` meant what-we-collect; `{#x onclick=…}` meant x.
    let inner = written.trim_matches(['{', '}']).replace('#', " ");
    let suggestion = match id {
        _ if !inner.contains(['=', '.']) && !inner.trim().is_empty() => slugify(&inner),
        Some(id) => slugify(id),
        None => "its-address".to_string(),
    };
    if has_more {
        problems.push(
            source
                .problem(Code::HeadingAttributes, span, format!("a heading's {written} may hold only its address, like {{#{suggestion}}}"))
                .with_help("Write the address after a #, in letters, digits, - and _ with no spaces: {#what-we-collect}. Classes and other attributes are not allowed in a notice."),
        );
        return;
    }
    let Some(id) = id else { return };
    if !is_valid_id(id) {
        problems.push(
            source
                .problem(Code::HeadingAddressInvalid, span, format!("the heading address #{id} may not be used: an address is letters, digits, - and _"))
                .with_help(format!("Write it with hyphens instead of spaces and signs, like {{#{suggestion}}}.")),
        );
        return;
    }
    let (line, _) = source.line_col(span.start);
    if let Some(first) = addresses.get(id) {
        problems.push(
            source
                .problem(Code::HeadingAddressTwice, span, format!("the heading address #{id} is already the address of the heading at line {first}"))
                .with_help("Give each heading its own address: links to #… go to one place."),
        );
        return;
    }
    addresses.insert(id.to_string(), line);
    if PAGE_IDS.contains(&id) {
        problems.push(
            source
                .problem(Code::HeadingAddressReserved, span, format!("#{id} is the address of a section of the page itself, so this heading gets another address"))
                .with_help(format!("Choose another address, like {{#our-{id}}}; the notice's own links to #{id} go to this heading meanwhile."))
                .warning(),
        );
    }
}

/// A picture loaded from another website, unless site.toml trusts its host: (what is
/// wrong, how to fix it).
fn web_image(dest: &str, images: &ImagesConfig) -> Option<(String, String)> {
    let rest = dest
        .split_once("://")
        .map(|(_, rest)| rest)
        .or_else(|| dest.strip_prefix("//"))?;
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("")
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if images
        .allowed_hosts
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(&host))
    {
        return None;
    }
    Some((
        format!("this picture is loaded from another website ({host}), which would learn who reads the notice"),
        format!(
            "Put the picture beside the notice's versions and write its file name: ![{}](logo.png). If you trust {host}, allow it in site.toml: [images] allowed_hosts = [\"{host}\"].",
            "Our logo"
        ),
    ))
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
