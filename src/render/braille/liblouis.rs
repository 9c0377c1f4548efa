//! liblouis — the braille translator inside NVDA, JAWS, Orca and BrailleBlaster — run
//! as its `lou_translate` program. Braille is never translated here by hand.
//!
//! Why the program and not the library: the Rust binding on crates.io (`louis`) is
//! GPL-3.0, which this MIT-licensed tool cannot link; binding liblouis (LGPL-2.1+)
//! ourselves would make every clearnotice binary need the library installed, and a
//! statically linked release would owe its users a way to relink it. Running the
//! program keeps the release one self-contained file, and only a site that asks for
//! braille needs liblouis at all. It costs one process per braille file (≈40 ms for a
//! notice of 3,000 words), and the files are cached like the handouts.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The program's name, looked up on the `PATH`.
const PROGRAM: &str = "lou_translate";

/// The display table that writes braille as North American ASCII Braille, the
/// character set of BRF files.
pub(crate) const BRF_DISPLAY: &str = "en-us-brf.dis";

/// How to install liblouis, for the problem that says it is missing.
pub(crate) const INSTALL_HINT: &str = "Install liblouis: on Debian or Ubuntu `sudo apt-get install liblouis-bin liblouis-data`; with Homebrew `brew install liblouis`; on Windows download it from liblouis.io and put its `bin` folder on the PATH.";

/// A liblouis found on this computer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Liblouis {
    pub program: PathBuf,
    /// `3.24.0`: part of every braille file's cache key, so a new liblouis (new
    /// tables) translates every file again.
    pub version: String,
}

/// Why liblouis could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Missing {
    /// No `lou_translate` on the PATH.
    NotInstalled,
    /// It is there but did not answer as liblouis does.
    NotWorking(String),
}

impl Liblouis {
    /// Finds `lou_translate` on the PATH and asks its version.
    pub(crate) fn find() -> Result<Liblouis, Missing> {
        let output = Command::new(PROGRAM)
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => Missing::NotInstalled,
                _ => Missing::NotWorking(error.to_string()),
            })?;
        let text = String::from_utf8_lossy(&output.stdout);
        // "lou_translate (Liblouis) 3.24.0"
        let version = text
            .lines()
            .next()
            .filter(|line| line.contains("Liblouis"))
            .and_then(|line| line.rsplit(' ').next())
            .filter(|_| output.status.success());
        match version {
            Some(version) => Ok(Liblouis {
                program: PathBuf::from(PROGRAM),
                version: version.to_string(),
            }),
            None => Err(Missing::NotWorking(format!(
                "`{PROGRAM} --version` said {:?}",
                text.trim()
            ))),
        }
    }

    /// Whether liblouis has `table` (tried on one word).
    pub(crate) fn has_table(&self, table: &str) -> bool {
        self.translate(table, &["a".to_string()]).is_ok()
    }

    /// Each of `lines` translated with `table`, as ASCII braille. A line longer than
    /// liblouis takes at once is sent in pieces, broken between words, and joined
    /// again.
    pub(crate) fn translate(&self, table: &str, lines: &[String]) -> Result<Vec<String>, String> {
        let (pieces, counts) = in_pieces(lines);
        // lou_translate reads `\` as the start of an escape (`\x41`): a backslash
        // of the text is written as two.
        let mut input = pieces.join("\n").replace('\\', "\\\\");
        input.push('\n');
        let translated = self.run(table, &input)?;
        let out: Vec<&str> = translated.lines().collect();
        if out.len() != pieces.len() {
            return Err(format!(
                "liblouis gave {} lines for {} (table {table})",
                out.len(),
                pieces.len()
            ));
        }
        let mut out = out.into_iter();
        Ok(counts
            .iter()
            .map(|&count| out.by_ref().take(count).collect::<Vec<_>>().join(" "))
            .collect())
    }

    fn run(&self, table: &str, input: &str) -> Result<String, String> {
        let mut child = Command::new(&self.program)
            .arg("--forward")
            .arg(format!("{BRF_DISPLAY},{table}"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("could not run {}: {error}", self.program.display()))?;
        // Written from a thread: liblouis answers while it reads, and a long text
        // would fill both pipes.
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let input = input.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let output = child
            .wait_with_output()
            .map_err(|error| format!("liblouis failed: {error}"))?;
        let _ = writer.join();
        let errors = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() || !errors.trim().is_empty() {
            return Err(format!(
                "liblouis could not translate with table {table}: {}",
                errors.trim()
            ));
        }
        String::from_utf8(output.stdout).map_err(|_| "liblouis wrote text that is not UTF-8".into())
    }
}

/// The most characters sent as one line: liblouis splits longer input lines itself
/// (at about 2,000), which would break the one-line-in, one-line-out rule.
const PIECE: usize = 800;

/// `lines` broken between words into pieces of at most [`PIECE`] bytes (a word
/// longer than that is one piece), and how many pieces each line became.
fn in_pieces(lines: &[String]) -> (Vec<String>, Vec<usize>) {
    let mut pieces = Vec::new();
    let mut counts = Vec::new();
    for line in lines {
        let before = pieces.len();
        let mut piece = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !piece.is_empty() && piece.len() + 1 + word.len() > PIECE {
                pieces.push(std::mem::take(&mut piece));
            }
            if !piece.is_empty() {
                piece.push(' ');
            }
            piece.push_str(word);
        }
        if !piece.is_empty() || pieces.len() == before {
            // An empty line is sent as a space: liblouis keeps the line count.
            pieces.push(if piece.is_empty() { " ".into() } else { piece });
        }
        counts.push(pieces.len() - before);
    }
    (pieces, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_sent_in_pieces_between_words() {
        let long = vec!["word"; 400].join(" ");
        let (pieces, counts) = in_pieces(&[long.clone(), "short".into(), String::new()]);
        assert_eq!(counts, vec![3, 1, 1]);
        assert!(pieces.iter().all(|p| p.len() <= PIECE));
        assert_eq!(pieces[..3].join(" "), long);
        assert_eq!(pieces[4], " ");
    }
}
