//! Splitting a version file into its TOML front-matter and its Markdown body.
//! One job only: parsing the TOML is `version_file`'s.

/// The two parts of a file, with where each starts in the file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub front_matter_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `+++`.
    NoOpeningLine,
    /// `+++` opens the front-matter on the first line but no later line closes it.
    NotClosed,
}

/// Is `line` a delimiter? Exactly `+++`, allowing trailing spaces (`++++` is not one).
fn is_delimiter(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Splits `text` (with `\n` line endings) at its `+++` lines.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if !is_delimiter(&text[..first_line_end]) {
        return Err(SplitError::NoOpeningLine);
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut line_start = front_start;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        if is_delimiter(&text[line_start..line_end]) {
            let body_offset = (line_end + 1).min(text.len());
            return Ok(Split {
                front_matter: &text[front_start..line_start],
                front_matter_offset: front_start,
                body: &text[body_offset..],
                body_offset,
            });
        }
        line_start = line_end + 1;
    }
    Err(SplitError::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts<'a> = Result<(&'a str, &'a str), SplitError>;

    fn parts(text: &str) -> Parts<'_> {
        split(text).map(|s| (s.front_matter, s.body))
    }

    #[test]
    fn edge_cases() {
        let cases: &[(&str, Parts)] = &[
            ("+++\na = 1\n+++\nbody\n", Ok(("a = 1\n", "body\n"))),
            ("+++\na = 1\n+++", Ok(("a = 1\n", ""))),
            ("+++\n+++\n", Ok(("", ""))),
            ("+++  \na = 1\n+++ \nbody", Ok(("a = 1\n", "body"))),
            // A delimiter inside the body is body text.
            ("+++\na = 1\n+++\nx\n+++\ny", Ok(("a = 1\n", "x\n+++\ny"))),
            ("++++\na = 1\n+++\n", Err(SplitError::NoOpeningLine)),
            ("+++\na = 1\n++++\n", Err(SplitError::NotClosed)),
            ("", Err(SplitError::NoOpeningLine)),
            ("# Title\n", Err(SplitError::NoOpeningLine)),
            ("+++\na = 1\n", Err(SplitError::NotClosed)),
            ("---\na: 1\n---\n", Err(SplitError::NoOpeningLine)),
        ];
        for (text, expected) in cases {
            assert_eq!(&parts(text), expected, "{text:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "+++\na = 1\n+++\nbody";
        let s = split(text).unwrap();
        assert_eq!(&text[s.front_matter_offset..][..5], "a = 1");
        assert_eq!(&text[s.body_offset..], "body");
    }
}
