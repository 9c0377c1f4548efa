//! Problems found in a site's files. Every stage reports problems as values of one
//! type, [`Problem`], which knows the file, the line and column, the offending source
//! and a hint; `main` shows them all in one place, through miette.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceSpan};

/// How serious a problem is: errors stop the build, warnings are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The text of a file the site was built from, kept so a problem can show its line.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user knows it: relative to the site folder where possible.
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// A problem pointing at `span` (byte offsets into this file's text).
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, column) = self.line_col(span.start);
        Problem {
            severity: Severity::Error,
            message: message.into(),
            file: self.path.clone(),
            line: Some(line),
            column: Some(column),
            help: None,
            label: None,
            source: Some((self.clone(), clamp_span(&self.text, span))),
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    start..end
}

/// One thing wrong (or worth a warning) in the site, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub help: Option<String>,
    pub label: Option<String>,
    source: Option<(SourceFile, Range<usize>)>,
}

impl Problem {
    /// A problem with a whole file (or folder), with no line to point at.
    pub fn in_file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            message: message.into(),
            file: file.as_ref().to_path_buf(),
            line: None,
            column: None,
            help: None,
            label: None,
            source: None,
        }
    }

    /// A problem at a known line and column, where the source text is not at hand.
    pub fn at_line(
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut problem = Problem::in_file(file, message);
        problem.line = Some(line);
        problem.column = Some(column);
        problem
    }

    /// A rendering thread panicked while holding a shared lock (a bug, not the
    /// site's fault): the run stops rather than trust what the lock guarded.
    pub fn thread_failed() -> Self {
        Problem::in_file("(memory)", "a rendering thread failed")
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The same problem, pointing at `span` of `source` instead: for text read out of
    /// a string whose escapes moved its lines (an easy-read summary in quotes).
    pub fn moved_to(self, source: &SourceFile, span: Range<usize>) -> Problem {
        let moved = source.problem(span, self.message);
        Problem {
            severity: self.severity,
            help: self.help,
            label: self.label,
            ..moved
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            (Some(line), None) => format!("{file}:{line}"),
            _ => file.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for Problem {}

impl miette::Diagnostic for Problem {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source
            .as_ref()
            .map(|(file, _)| &file.text as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (_, span) = self.source.as_ref()?;
        let span = SourceSpan::from(span.start..span.end.max(span.start));
        let label = LabeledSpan::new_with_span(self.label.clone(), span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// Renders problems for a terminal: the offending line, a pointer and the hint.
pub fn render_problems(problems: &[Problem], colour: bool) -> String {
    use miette::{GraphicalReportHandler, GraphicalTheme};
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    let mut out = String::new();
    for problem in problems {
        // A named source makes miette print `file:line:col` above the snippet.
        if let Some((file, _)) = &problem.source {
            let named = NamedSource::new(file.path.display().to_string(), file.text.clone());
            let with_name = NamedProblem {
                problem,
                source: named,
            };
            let _ = handler.render_report(&mut out, &with_name);
        } else {
            let _ = handler.render_report(&mut out, problem);
        }
    }
    out
}

/// A problem borrowed together with a source that carries the file's name.
#[derive(Debug)]
struct NamedProblem<'a> {
    problem: &'a Problem,
    source: NamedSource<Arc<str>>,
}

impl fmt::Display for NamedProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem.fmt(f)
    }
}

impl std::error::Error for NamedProblem<'_> {}

impl miette::Diagnostic for NamedProblem<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        self.problem.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.problem.help()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.problem.labels()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let file = SourceFile::new("a.md", "first\nsé cond\n");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // "é" is two bytes: the space after it is the third character.
        assert_eq!(file.line_col(9), (2, 3));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let file = SourceFile::new("content/a/1.0.md", "+++\nversion = 1\n");
        let problem = file.problem(4..11, "bad version");
        assert_eq!(problem.to_string(), "content/a/1.0.md:2:1: bad version");
    }

    #[test]
    fn rendered_problem_shows_the_source_line_and_help() {
        let file = SourceFile::new("site.toml", "title = 3\n");
        let problem = file
            .problem(8..9, "title must be text")
            .with_help("put it in quotes");
        let text = render_problems(&[problem], false);
        assert!(text.contains("title = 3"), "{text}");
        assert!(text.contains("put it in quotes"), "{text}");
        assert!(text.contains("site.toml:1:9"), "{text}");
    }
}
