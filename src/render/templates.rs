//! The theme's tera templates, parsed once per build; template errors become problems
//! that name the theme file (the site's override or the built-in one) and line.

use tera::{Context, ErrorKind, Kwargs, State, Tera};

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::theme::Theme;

const TEMPLATE_DIR: &str = "templates/";

pub(crate) struct Templates<'a> {
    tera: Tera,
    theme: &'a Theme,
}

impl<'a> Templates<'a> {
    /// Parses every `templates/*.html` file of the theme.
    pub(crate) fn parse(theme: &'a Theme) -> Result<Self, Problem> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("css_string", |text: &str, _: Kwargs, _: &State| {
            css_string(text)
        });
        tera.register_filter("fill", |template: &str, values: Kwargs, _: &State| {
            tera::Value::safe_string(&fill(template, &values))
        });
        let sources: Vec<(String, String)> = theme
            .files_under(TEMPLATE_DIR)
            .map(|(path, file)| {
                let name = path.trim_start_matches(TEMPLATE_DIR).to_string();
                (name, String::from_utf8_lossy(&file.bytes).into_owned())
            })
            .collect();
        match tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
            Ok(()) => Ok(Templates { tera, theme }),
            Err(err) => Err(template_problem(theme, &err)),
        }
    }

    pub(crate) fn render(&self, name: &str, context: &Context) -> Result<String, Problem> {
        self.tera
            .render(name, context)
            .map_err(|err| template_problem(self.theme, &err))
    }
}

/// A sentence of the theme's strings with its `{name}`s filled in, as HTML: the
/// sentence and each value escaped, and a date (a value with `iso` and `human`)
/// written as `<time datetime="…">`, so a whole sentence can be translated with its
/// date in any place.
fn fill(template: &str, values: &Kwargs) -> String {
    let mut out = escape(template);
    for (name, value) in values.iter() {
        let date = value
            .as_map()
            .and_then(|map| Some((map.get(&"iso".into())?, map.get(&"human".into())?)));
        let replacement = match date {
            Some((iso, human)) => format!(
                "<time datetime=\"{}\">{}</time>",
                escape(&iso.to_string()),
                escape(&human.to_string())
            ),
            None => escape(&value.to_string()),
        };
        out = out.replace(&format!("{{{name}}}"), &replacement);
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A CSS string literal, safe inside a `<style>` element: quotes, backslashes, line
/// breaks and angle brackets are written as CSS escapes (HTML escaping would show
/// `&amp;` literally, since a style element's text is not decoded).
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", c as u32)),
            '\n' | '\r' => out.push_str("\\A "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Points a tera error at the theme file and line it came from.
fn template_problem(theme: &Theme, err: &tera::Error) -> Problem {
    let help = "This is a problem in a theme template. If you changed a file under themes/default/templates/, check it there; delete your copy to go back to the built-in template.";
    let report = match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => Some(report),
        _ => None,
    };
    let Some(report) = report else {
        return Problem::in_file(
            Code::TemplateError,
            "themes/default/templates",
            format!("template error: {err}"),
        )
        .with_help(help);
    };
    let path = format!("{TEMPLATE_DIR}{}", report.filename());
    match theme.text(&path) {
        Some((text, file)) => SourceFile::new(&file.origin, text)
            .problem(
                Code::TemplateError,
                report.span().range.clone(),
                format!("template error: {}", report.message()),
            )
            .with_help(help),
        None => Problem::at_line(
            Code::TemplateError,
            format!("themes/default/{path}"),
            report.span().start_line,
            report.span().start_col + 1,
            format!("template error: {}", report.message()),
        )
        .with_help(help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out_of_a_style_element() {
        assert_eq!(css_string("Plain title"), "\"Plain title\"");
        let nasty = css_string("a\"b</style><script>&\\");
        assert!(
            !nasty[1..nasty.len() - 1].contains(['"', '<', '>', '&']),
            "{nasty}"
        );
        assert_eq!(
            nasty,
            "\"a\\22 b\\3C /style\\3E \\3C script\\3E \\26 \\5C \""
        );
    }
}
