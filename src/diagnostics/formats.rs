//! Problems for machines: as JSON (`clearnotice check --format json`, for editors and
//! CI) and as GitHub Actions workflow commands (`--format github`), which the runner
//! turns into annotations on the lines of a pull request's files.

use std::path::Path;

use serde::Serialize;

use super::{Problem, Severity};

/// One problem as `--format json` writes it. The fields are a promise to the tools
/// that read them: add, never rename.
#[derive(Debug, Serialize)]
pub struct ProblemRecord<'a> {
    /// `CN0504`.
    pub code: &'static str,
    /// `easy-read/sentence-too-long`.
    pub name: &'static str,
    pub severity: &'static str,
    /// Relative to the site's folder, with `/` between folders.
    pub file: String,
    /// 1-based; `null` where the problem is with a whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where the text it points at ends (the character after it), if it points at some.
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub message: &'a str,
    pub hint: Option<&'a str>,
}

impl Problem {
    pub fn record(&self) -> ProblemRecord<'_> {
        let end = self
            .source()
            .map(|(file, span)| file.line_col(span.end.max(span.start)));
        ProblemRecord {
            code: self.code.number(),
            name: self.code.name(),
            severity: match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            file: self.file.to_string_lossy().replace('\\', "/"),
            line: self.line,
            column: self.column,
            end_line: end.map(|(line, _)| line),
            end_column: end.map(|(_, column)| column),
            message: &self.message,
            hint: self.help.as_deref(),
        }
    }

    /// The workflow command that makes this problem an annotation on a GitHub pull
    /// request: `::warning file=content/a/1.0.md,line=6,col=13,title=CN0504
    /// easy-read/sentence-too-long::a sentence of 31 words…`. `root` is the site's
    /// folder as seen from the repository's top (where the runner resolves `file`).
    pub fn github_annotation(&self, root: &Path) -> String {
        let record = self.record();
        let file = if root == Path::new(".") || root.as_os_str().is_empty() {
            record.file.clone()
        } else {
            format!(
                "{}/{}",
                root.to_string_lossy().trim_end_matches('/'),
                record.file
            )
        };
        let mut properties = vec![format!("file={}", escape_property(&file))];
        let numbered = [
            ("line", record.line),
            ("col", record.column),
            ("endLine", record.end_line),
            ("endColumn", record.end_column),
        ];
        for (key, value) in numbered {
            if let Some(value) = value {
                properties.push(format!("{key}={value}"));
            }
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", record.code, record.name))
        ));
        let mut message = record.message.to_string();
        if let Some(hint) = record.hint {
            message.push_str("\n\n");
            message.push_str(hint);
        }
        format!(
            "::{} {}::{}",
            record.severity,
            properties.join(","),
            escape_data(&message)
        )
    }
}

/// A workflow command's message: `%`, carriage returns and line feeds escaped (as
/// GitHub's toolkit, `@actions/core`, escapes them).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property: as [`escape_data`], and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::{Code, SourceFile};
    use super::*;

    #[test]
    fn an_annotation_names_the_file_lines_and_code_with_its_text_escaped() {
        let file = SourceFile::new("content/a/1.0.md", "+++\n+++\nOne, two: 100%\nthree\n");
        let problem = file
            .problem(
                Code::SentenceTooLong,
                8..20,
                "a sentence: \"One, two\" 100%",
            )
            .with_help("Split it.\nIn two.")
            .warning();
        assert_eq!(
            problem.github_annotation(Path::new(".")),
            "::warning file=content/a/1.0.md,line=3,col=1,endLine=3,endColumn=13,title=CN0504 easy-read/sentence-too-long::a sentence: \"One, two\" 100%25%0A%0ASplit it.%0AIn two."
        );
        let in_folder = Problem::in_file(Code::NoSiteToml, "site.toml", "no site, here");
        assert_eq!(
            in_folder.github_annotation(Path::new("sites/pss/")),
            "::error file=sites/pss/site.toml,title=CN0101 settings/no-site-toml::no site, here"
        );
        // A file's name may hold what separates properties.
        let odd_name = Problem::in_file(Code::CannotRead, "content/a:b,c/1.0.md", "x");
        assert_eq!(
            odd_name.github_annotation(Path::new(".")),
            "::error file=content/a%3Ab%2Cc/1.0.md,title=CN0001 io/cannot-read::x"
        );
    }

    #[test]
    fn a_record_has_the_code_the_place_and_the_hint() {
        let file = SourceFile::new("site.toml", "title = 3\n");
        let problem = file
            .problem(Code::SettingsInvalid, 8..9, "title must be text")
            .with_help("put it in quotes");
        let json = serde_json::to_value(problem.record()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "CN0102", "name": "settings/invalid-toml", "severity": "error",
                "file": "site.toml", "line": 1, "column": 9, "end_line": 1, "end_column": 10,
                "message": "title must be text", "hint": "put it in quotes"
            })
        );
    }
}
