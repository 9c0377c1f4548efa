//! The pack's message as plain text (for the email's text part and the text message)
//! and the escapes its templates need.

use crate::text::document::{text_with_addresses, Block};

/// Backslash before every ASCII punctuation character: a value shows as written, and
/// a `*` or `[` in a title cannot become Markdown.
pub(super) fn escape_markdown(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    out.write_all(escaped.as_bytes())
}

pub(super) fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The message as plain text: headings on their own lines, list items with a dash,
/// each link's address after its words unless the words are the address.
pub(super) fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        write_block(block, "", &mut out);
    }
    out.trim_end().to_string() + "\n"
}

pub(super) fn write_block(block: &Block, indent: &str, out: &mut String) {
    match block {
        Block::Heading { level, inlines, .. } => {
            let text = text_with_addresses(inlines);
            out.push_str(&format!("{indent}{text}\n"));
            let rule = if *level == 1 { '=' } else { '-' };
            out.push_str(&format!(
                "{indent}{}\n\n",
                rule.to_string().repeat(text.chars().count())
            ));
        }
        Block::Paragraph { inlines } => {
            out.push_str(&format!("{indent}{}\n\n", text_with_addresses(inlines)))
        }
        Block::List { items, .. } => {
            for item in items {
                let mut inner = String::new();
                for block in item {
                    write_block(block, "", &mut inner);
                }
                out.push_str(&format!(
                    "{indent}- {}\n",
                    inner.trim().replace('\n', "\n  ")
                ));
            }
            out.push('\n');
        }
        Block::Quote { blocks } => blocks.iter().for_each(|b| write_block(b, "  ", out)),
        Block::Table { .. } | Block::Rule => {}
    }
}
