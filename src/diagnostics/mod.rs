//! Problems found in a site's files. Every stage reports problems as values of one
//! type, [`Problem`], which knows the file, the line and column, the offending source
//! and a hint; `main` shows them all in one place, through miette.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceSpan};

mod codes;
mod formats;
pub use codes::{Code, CodeInfo, CODES};
pub use formats::ProblemRecord;

/// How serious a problem is: errors stop the build, warnings are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

    /// A counter of lines for offsets asked about in order (see [`LineCounter`]).
    pub fn lines(&self) -> LineCounter<'_> {
        LineCounter {
            text: &self.text,
            at: std::cell::Cell::new((0, 1)),
        }
    }

    /// A problem pointing at `span` (byte offsets into this file's text).
    pub fn problem(&self, code: Code, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, column) = self.line_col(span.start);
        Problem {
            code,
            severity: Severity::Error,
            message: message.into(),
            file: self.path.clone(),
            line: Some(line),
            column: Some(column),
            help: None,
            label: None,
            details: Vec::new(),
            source: Some((self.clone(), clamp_span(&self.text, span))),
        }
    }
}

/// The 1-based line of byte offsets in a file, for a reader that asks in order (the
/// blocks of a notice, top to bottom): each answer counts the line breaks since the
/// last one, so a file is read once, where [`SourceFile::line_col`] reads it from its
/// start every time (5.8 % of a 1,000-notice build's time, asked for every block).
/// An offset before the last one asked counts from the start again.
pub struct LineCounter<'a> {
    text: &'a str,
    /// The last offset asked about and its line.
    at: std::cell::Cell<(usize, usize)>,
}

impl LineCounter<'_> {
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (mut from, mut line) = self.at.get();
        if offset < from {
            (from, line) = (0, 1);
        }
        line += memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..offset]).count();
        self.at.set((offset, line));
        line
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
    /// What kind of problem it is (see [`codes`]).
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub help: Option<String>,
    pub label: Option<String>,
    /// What it is about, for a summary's counts (the checklist items missing).
    pub details: Vec<String>,
    source: Option<(SourceFile, Range<usize>)>,
}

/// What a terminal says of the problems of a code many notices share, past the first
/// few: only the codes a big site's notices commonly share have a summary.
fn shared_by_many(code: Code) -> Option<&'static str> {
    match code {
        Code::ChecklistItemsMissing => Some("leave out privacy information"),
        Code::NoEasyRead => Some("have no easy-read text yet"),
        _ => None,
    }
}

/// Where more than [`SUMMARISE_OVER`] problems share a code that has a summary, the first
/// [`SHOWN_OF_A_CODE`] of them and a line saying how many more there are (and, for
/// missing information, how many notices miss each item): 2,000 lines of a 1,000-notice
/// build's warnings become a few. Returns the problems to show and the summary lines.
pub fn summarise(problems: &[Problem]) -> (Vec<&Problem>, Vec<String>) {
    use std::collections::BTreeMap;
    let summarised = |problem: &Problem| shared_by_many(problem.code).is_some();
    let mut counts: BTreeMap<Code, usize> = BTreeMap::new();
    for problem in problems.iter().filter(|p| summarised(p)) {
        *counts.entry(problem.code).or_default() += 1;
    }
    let mut shown = Vec::new();
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    for problem in problems {
        if summarised(problem) && counts[&problem.code] > SUMMARISE_OVER {
            let n = seen.entry(problem.code).or_default();
            *n += 1;
            if *n > SHOWN_OF_A_CODE {
                continue;
            }
        }
        shown.push(problem);
    }
    let lines = counts
        .into_iter()
        .filter(|&(_, count)| count > SUMMARISE_OVER)
        .filter_map(|(code, count)| {
            let more = count - SHOWN_OF_A_CODE;
            let mut line = format!("and {more} more notices {}", shared_by_many(code)?);
            let of_code = problems.iter().filter(|p| p.code == code);
            if let Some(each) = counted_details(of_code) {
                line.push_str(&format!(" ({count} in all; notices missing each: {each})"));
            }
            line.push_str(" — clearnotice check lists every one");
            Some(line)
        })
        .collect();
    (shown, lines)
}

/// `retention 12, dpo 6`: how many of `problems` name each detail, most first.
fn counted_details<'a>(problems: impl Iterator<Item = &'a Problem>) -> Option<String> {
    let mut by_detail: std::collections::BTreeMap<&str, usize> = Default::default();
    for problem in problems {
        for detail in &problem.details {
            *by_detail.entry(detail).or_default() += 1;
        }
    }
    if by_detail.is_empty() {
        return None;
    }
    let mut ranked: Vec<(&str, usize)> = by_detail.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let listed: Vec<String> = ranked
        .iter()
        .map(|(detail, n)| format!("{detail} {n}"))
        .collect();
    Some(listed.join(", "))
}

/// How many problems of one code are shown in full before the rest is summarised.
pub const SUMMARISE_OVER: usize = 10;
pub const SHOWN_OF_A_CODE: usize = 3;

impl Problem {
    /// A problem with a whole file (or folder), with no line to point at.
    pub fn in_file(code: Code, file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Problem {
            code,
            severity: Severity::Error,
            message: message.into(),
            file: file.as_ref().to_path_buf(),
            line: None,
            column: None,
            help: None,
            label: None,
            details: Vec::new(),
            source: None,
        }
    }

    /// A problem at a known line and column, where the source text is not at hand.
    pub fn at_line(
        code: Code,
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut problem = Problem::in_file(code, file, message);
        problem.line = Some(line);
        problem.column = Some(column);
        problem
    }

    /// A rendering thread panicked while holding a shared lock (a bug, not the
    /// site's fault): the run stops rather than trust what the lock guarded.
    pub fn thread_failed() -> Self {
        Problem::in_file(Code::InternalError, "(memory)", "a rendering thread failed")
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// What it is about, for a summary's counts (see [`summarise`]).
    pub fn with_details(mut self, details: Vec<String>) -> Self {
        self.details = details;
        self
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The text it points into and where, if it has one (the build cache keeps the
    /// file's name and the place, and finds the text again).
    pub fn source(&self) -> Option<(&SourceFile, &Range<usize>)> {
        self.source.as_ref().map(|(file, span)| (file, span))
    }

    /// The problem pointing into `source` at `span`, its line and column as they were.
    pub fn with_source(mut self, source: SourceFile, span: Range<usize>) -> Problem {
        self.source = Some((source, span));
        self
    }

    /// The same problem, pointing at `span` of `source` instead: for text read out of
    /// a string whose escapes moved its lines (an easy-read summary in quotes).
    pub fn moved_to(self, source: &SourceFile, span: Range<usize>) -> Problem {
        let moved = source.problem(self.code, span, self.message);
        Problem {
            severity: self.severity,
            help: self.help,
            label: self.label,
            details: self.details,
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
        // As linters print it (ruff, flake8): where, the code, then what.
        write!(
            f,
            "{}: {} {}",
            self.location(),
            self.code.number(),
            self.message
        )
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
        let lines = file.lines();
        for offset in [0, 6, 9, 2, 9, 100] {
            assert_eq!(
                lines.line(offset),
                file.line_col(offset).0,
                "offset {offset}"
            );
        }
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // "é" is two bytes: the space after it is the third character.
        assert_eq!(file.line_col(9), (2, 3));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let file = SourceFile::new("content/a/1.0.md", "+++\nversion = 1\n");
        let problem = file.problem(Code::VersionInvalid, 4..11, "bad version");
        assert_eq!(
            problem.to_string(),
            "content/a/1.0.md:2:1: CN0307 bad version"
        );
    }

    #[test]
    fn rendered_problem_shows_the_source_line_and_help() {
        let file = SourceFile::new("site.toml", "title = 3\n");
        let problem = file
            .problem(Code::SettingsInvalid, 8..9, "title must be text")
            .with_help("put it in quotes");
        let text = render_problems(&[problem], false);
        assert!(text.contains("title = 3"), "{text}");
        assert!(text.contains("put it in quotes"), "{text}");
        assert!(text.contains("site.toml:1:9"), "{text}");
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn many_notices_sharing_a_warning_are_summarised_with_counts() {
        let missing = |n: usize, items: &[&str]| {
            Problem::in_file(
                Code::ChecklistItemsMissing,
                format!("content/n{n}/1.0.md"),
                "some items not found",
            )
            .with_details(items.iter().map(|i| i.to_string()).collect())
            .warning()
        };
        let mut problems: Vec<Problem> = (0..12)
            .map(|n| {
                if n % 2 == 0 {
                    missing(n, &["retention", "dpo"])
                } else {
                    missing(n, &["retention"])
                }
            })
            .collect();
        problems
            .push(Problem::in_file(Code::RawHtml, "content/a/1.0.md", "something else").warning());
        let (shown, lines) = summarise(&problems);
        assert_eq!(shown.len(), SHOWN_OF_A_CODE + 1);
        assert_eq!(
            lines,
            ["and 9 more notices leave out privacy information (12 in all; notices missing each: retention 12, dpo 6) — clearnotice check lists every one"]
        );
        // A few are shown as they are.
        let (shown, lines) = summarise(&problems[..5]);
        assert_eq!((shown.len(), lines.len()), (5, 0));
    }
}
