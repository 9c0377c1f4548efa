//! The pack's words: its templates' `t(key="announce_heading", title=…)` is the
//! message `key` of the strings of the pack's language, with the values given. In a
//! Markdown template each value is escaped as Markdown first (it is the notice's own
//! text) unless the template marks it `| safe`, and the message's own Markdown
//! (`**bold**`, a link) is kept.

use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::escape_markdown;
use crate::theme::strings::Strings;

/// How a template's values are written into its messages.
#[derive(Clone, Copy)]
pub(super) enum Values {
    /// As Markdown text: escaped, and the message is Markdown to keep.
    Markdown,
    /// As they are (HTML templates escape the message they are given).
    Plain,
}

/// Gives `tera` the function `t` for the messages of `strings`.
pub(super) fn register(tera: &mut Tera, strings: Arc<Strings>, values: Values) {
    tera.register_function("t", move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
        let key: String = kwargs.must_get("key")?;
        // A site's own template may name a message the strings do not have: an
        // error at the template, not a panic.
        if !strings.text.contains_key(&key) {
            return Err(tera::Error::message(format!(
                "t(key=\"{key}\"): the {} strings have no message `{key}`",
                strings.tag
            )));
        }
        let given: Vec<(String, String)> = kwargs
            .iter()
            .filter(|(name, _)| name.to_string() != "key")
            .map(|(name, value)| {
                let text = value.to_string();
                let text = match values {
                    // A value the template marks `| safe` is Markdown it wrote itself
                    // (a link made of the pack's own addresses), kept as it is.
                    Values::Markdown if value.is_safe() => text,
                    Values::Markdown => markdown_text(&text),
                    Values::Plain => text,
                };
                (name.to_string(), text)
            })
            .collect();
        let pairs: Vec<(&str, &str)> = given
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let message = strings.fill(&key, &pairs);
        Ok(match values {
            Values::Markdown => Value::safe_string(&message),
            Values::Plain => Value::from(message),
        })
    });
}

fn markdown_text(text: &str) -> String {
    let mut out = Vec::new();
    escape_markdown(text, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("escaping keeps UTF-8")
}
