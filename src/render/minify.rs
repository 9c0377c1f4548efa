//! A thin wrapper over minify-html with the settings our pages need.

use minify_html::{minify, Cfg};

/// Minifies a page. Closing tags and the `<html>`/`<head>` tags are kept: they cost a
/// few bytes and keep the output easy to read and to check with the Nu HTML Checker.
pub fn minify_page(html: &str) -> Vec<u8> {
    let cfg = Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..Cfg::new()
    };
    minify(html.as_bytes(), &cfg)
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
}
