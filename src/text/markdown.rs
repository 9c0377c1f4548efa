//! How a notice's Markdown is read, the same for every stage: the extensions on, and
//! the rule that turns a heading into its id.

use pulldown_cmark::Options;

/// The Markdown every stage reads: tables, smart punctuation, `{#id}` on headings,
/// strikethrough.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// `2. What information do we collect?` → `2-what-information-do-we-collect`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '/' || c == '.')
            && !slug.ends_with('-')
            && !slug.is_empty()
        {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}
