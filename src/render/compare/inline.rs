//! The changes inside one pair of units (a paragraph, a list item, a table row):
//! their HTML as tokens — tags, words, single punctuation marks, spaces — compared.
//! Every tag of the new version is kept and none of the old one's, so the result has
//! exactly the new unit's structure and is always valid HTML; only text is wrapped,
//! in `<ins>` and `<del>` with visually hidden "Added:"/"Removed:" (screen readers do
//! not announce `<ins>` and `<del>`). A mark is its own token, so a straight
//! apostrophe made curly is shown as that one character.

use similar::{utils::diff_slices, Algorithm, ChangeTag};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Token {
    Tag(String),
    Word(String),
    /// One punctuation mark or symbol (or one HTML character reference).
    Mark(String),
    Space,
}

/// What marking found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marked {
    pub html: String,
    pub words_added: usize,
    pub words_removed: usize,
    /// Punctuation marks added, removed or changed.
    pub marks_changed: usize,
}

pub(super) const ADDED_OPEN: &str = "<ins><span class=\"visually-hidden\">Added: </span>";
pub(super) const REMOVED_OPEN: &str = "<del><span class=\"visually-hidden\">Removed: </span>";

/// Splits HTML into tokens.
pub(super) fn tokens(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = html.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let end_of = |chars: &mut std::iter::Peekable<std::str::CharIndices>,
                      stop: &dyn Fn(char) -> bool| {
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if stop(next) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            end
        };
        if c == '<' {
            let end = end_of(&mut chars, &|n| n == '>');
            let end = chars.next().map_or(end, |(at, n)| at + n.len_utf8());
            tokens.push(Token::Tag(html[start..end].to_string()));
        } else if c == '&' {
            let end = end_of(&mut chars, &|n| n == ';' || n.is_whitespace() || n == '<');
            let end = match chars.peek() {
                Some(&(at, ';')) => {
                    chars.next();
                    at + 1
                }
                _ => end,
            };
            tokens.push(Token::Mark(html[start..end].to_string()));
        } else if c.is_whitespace() {
            end_of(&mut chars, &|n| !n.is_whitespace());
            tokens.push(Token::Space);
        } else if c.is_alphanumeric() {
            let end = end_of(&mut chars, &|n| !n.is_alphanumeric());
            tokens.push(Token::Word(html[start..end].to_string()));
        } else {
            tokens.push(Token::Mark(c.to_string()));
        }
    }
    tokens
}

fn text_of(token: &Token) -> &str {
    match token {
        Token::Tag(t) | Token::Word(t) | Token::Mark(t) => t,
        Token::Space => " ",
    }
}

/// A run of changed text being gathered, closed before the next tag or unchanged text.
struct Run {
    tag: ChangeTag,
    text: String,
}

#[derive(Default)]
struct Writer {
    marked: Marked,
    run: Option<Run>,
}

impl Writer {
    fn plain(&mut self, text: &str) {
        self.close();
        self.marked.html.push_str(text);
    }

    fn changed(&mut self, tag: ChangeTag, token: &Token) {
        match token {
            Token::Word(_) if tag == ChangeTag::Insert => self.marked.words_added += 1,
            Token::Word(_) => self.marked.words_removed += 1,
            Token::Mark(_) => self.marked.marks_changed += 1,
            _ => {}
        }
        if self.run.as_ref().is_some_and(|run| run.tag != tag) {
            self.close();
        }
        self.run
            .get_or_insert_with(|| Run {
                tag,
                text: String::new(),
            })
            .text
            .push_str(text_of(token));
    }

    /// Writes the run: spaces around it stay outside its mark; a run of spaces only
    /// is written plain when added, and dropped when removed.
    fn close(&mut self) {
        let Some(run) = self.run.take() else {
            return;
        };
        let core = run.text.trim();
        let html = &mut self.marked.html;
        if core.is_empty() {
            if run.tag == ChangeTag::Insert {
                html.push_str(&run.text);
            }
            return;
        }
        if run.text.starts_with(' ') {
            html.push(' ');
        }
        let (open, close) = match run.tag {
            ChangeTag::Insert => (ADDED_OPEN, "</ins>"),
            _ => (REMOVED_OPEN, "</del>"),
        };
        html.push_str(open);
        html.push_str(core);
        html.push_str(close);
        if run.text.ends_with(' ') {
            html.push(' ');
        }
    }
}

/// The new unit's HTML with what changed from the old one marked.
pub(super) fn mark(old_html: &str, new_html: &str) -> Marked {
    let (old, new) = (tokens(old_html), tokens(new_html));
    let mut writer = Writer::default();
    for (tag, slice) in diff_slices(Algorithm::Myers, &old, &new) {
        for token in slice {
            match (tag, token) {
                (ChangeTag::Equal, token) => writer.plain(text_of(token)),
                // The new structure is kept whole; the old one's tags are left out.
                (ChangeTag::Insert, Token::Tag(t)) => writer.plain(t),
                (ChangeTag::Delete, Token::Tag(_)) => {}
                (tag, token) => writer.changed(tag, token),
            }
        }
    }
    writer.close();
    writer.marked
}

/// A whole unit added or removed: its own HTML, every text run marked.
pub(super) fn mark_all(html: &str, tag: ChangeTag) -> Marked {
    let mut writer = Writer::default();
    for token in tokens(html) {
        match token {
            Token::Tag(t) => writer.plain(&t),
            token => writer.changed(tag, &token),
        }
    }
    writer.close();
    writer.marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_splits_into_tags_words_marks_and_spaces() {
        assert_eq!(
            tokens("<a href=\"x\">We’ve</a> &amp; 6"),
            [
                Token::Tag("<a href=\"x\">".into()),
                Token::Word("We".into()),
                Token::Mark("’".into()),
                Token::Word("ve".into()),
                Token::Tag("</a>".into()),
                Token::Space,
                Token::Mark("&amp;".into()),
                Token::Space,
                Token::Word("6".into()),
            ]
        );
    }

    #[test]
    fn a_changed_word_is_marked_inside_the_structure() {
        let marked = mark(
            "We keep it for <strong>6 years</strong>.",
            "We keep it for <strong>7 years</strong>.",
        );
        assert_eq!(
            marked.html,
            format!(
                "We keep it for <strong>{REMOVED_OPEN}6</del>{ADDED_OPEN}7</ins> years</strong>."
            )
        );
        assert_eq!((marked.words_added, marked.words_removed), (1, 1));
    }

    #[test]
    fn only_the_changed_mark_is_marked() {
        let marked = mark("We've changed it.", "We’ve changed it.");
        assert_eq!(
            (
                marked.words_added,
                marked.words_removed,
                marked.marks_changed
            ),
            (0, 0, 2)
        );
        assert_eq!(
            marked.html,
            format!("We{REMOVED_OPEN}'</del>{ADDED_OPEN}’</ins>ve changed it.")
        );
    }

    #[test]
    fn a_link_added_keeps_its_tag_and_the_old_tags_never_appear() {
        let marked = mark("Call <em>us</em>.", "Call <a href=\"tel:1\">us</a>.");
        assert_eq!(marked.html, "Call <a href=\"tel:1\">us</a>.");
    }
}
