//! A thin wrapper over minify-html with the settings our pages need.

use minify_html::{minify, Cfg};

/// Minifies a page. Closing tags and the `<html>`/`<head>` tags are kept: they cost a
/// few bytes and keep the output easy to read and to check with the Nu HTML Checker.
pub fn minify_page(html: &str) -> Vec<u8> {
    minify(html.as_bytes(), &config())
}

/// Minifies a piece of HTML that pages include verbatim (a version's text), once, for
/// [`minify_page_around`].
pub fn minify_fragment(html: &str) -> Vec<u8> {
    minify(html.as_bytes(), &config())
}

/// Stands for the verbatim HTML while the rest of a page is minified: private-use
/// characters, which no page has and the minifier leaves alone.
const SLOT: &str = "\u{E000}clearnotice-verbatim\u{E000}";

/// Minifies a page that includes `verbatim` somewhere, using `minified` (from
/// [`minify_fragment`]) for it: only the rest of the page is minified here. A version's
/// text is on up to four pages (standard and large print, at two addresses), and it is
/// most of each page, so this minifies it once instead of four times. The result is the
/// same as minifying the whole page (tested on the real notices); a page without the
/// text (a theme may leave it out) is minified whole.
pub fn minify_page_around(page: &str, verbatim: &str, minified: &[u8]) -> Vec<u8> {
    let Some(start) = find_verbatim(page, verbatim).filter(|_| !page.contains(SLOT)) else {
        return minify_page(page);
    };
    let shell = format!(
        "{}{SLOT}{}",
        &page[..start],
        &page[start + verbatim.len()..]
    );
    let shell = minify_page(&shell);
    let slot = SLOT.as_bytes();
    match find_bytes(&shell, slot) {
        Some(at) => [&shell[..at], minified, &shell[at + slot.len()..]].concat(),
        None => minify_page(page),
    }
}

/// Where `verbatim` starts in `page`. Looks for its first few bytes, then compares the
/// rest: much cheaper than a substring search with a 15 KB needle, which spent more
/// time preparing than minifying saved.
fn find_verbatim(page: &str, verbatim: &str) -> Option<usize> {
    let prefix = &verbatim.as_bytes()[..verbatim.len().min(64)];
    if prefix.is_empty() {
        return None;
    }
    let bytes = page.as_bytes();
    let mut from = 0;
    while let Some(found) = find_bytes(&bytes[from..], prefix) {
        let at = from + found;
        if bytes[at..].starts_with(verbatim.as_bytes()) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn config() -> Cfg {
    Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..Cfg::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_lang_and_meaningful_spaces() {
        let page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><title>A</title></head>\n<body>\n  <p>One <strong>two</strong> three</p>\n</body>\n</html>\n";
        let out = String::from_utf8(minify_page(page)).unwrap();
        assert!(
            out.contains("lang=en-GB") || out.contains("lang=\"en-GB\""),
            "{out}"
        );
        assert!(out.contains("One <strong>two</strong> three"), "{out}");
        assert!(out.len() < page.len());
    }

    #[test]
    fn minifying_around_a_fragment_equals_minifying_the_page() {
        let body = "<h2 id=\"a\">One  two</h2>\n<p>Text with <strong>bold</strong> and <a href=\"../x/\">a link</a> .</p>\n<ul>\n<li>a</li>\n<li><p>b</p>\n</li>\n</ul>\n<table><thead><tr><th>A</th></tr></thead><tbody>\n<tr><td>1</td></tr>\n</tbody></table>\n";
        let page = format!("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><title>A</title></head>\n<body>\n  <main>\n  <div class=\"notice__body\">\n{body}\n  </div>\n  <p>After</p>\n  </main>\n</body>\n</html>\n");
        let around = minify_page_around(&page, body, &minify_fragment(body));
        assert_eq!(
            String::from_utf8(around).unwrap(),
            String::from_utf8(minify_page(&page)).unwrap()
        );
    }

    #[test]
    fn a_page_without_the_fragment_is_minified_whole() {
        let page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><title>A</title></head>\n<body>\n  <p>One</p>\n</body>\n</html>\n";
        assert_eq!(
            minify_page_around(page, "<p>Two</p>", b"<p>Two</p>"),
            minify_page(page)
        );
    }
}
