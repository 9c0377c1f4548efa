//! The easy-read rules (Department of Health 2010, Mencap, GOV.UK accessible formats):
//! every point beside a picture with a description; sentences of at most 15 words; no
//! italics; no words in capitals but known acronyms; numbers as digits. A missing
//! picture or one without a description is an error; the rest are warnings (errors
//! with `--strict`), each pointing at the line.

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::{Notice, Site, Version};
use crate::text::easy_read::{parse_easy_read, Block, PictureRef};
use crate::text::sentences::sentences;
use crate::theme::pictures::{resolve_picture, theme_picture_names, PictureError};
use crate::theme::Theme;

pub const MAX_SENTENCE_WORDS: usize = 15;

/// Acronyms that need no explaining in the notices this tool was made for.
const BUILT_IN_ACRONYMS: [&str; 18] = [
    "PSS", "ICO", "NHS", "CCTV", "GP", "UK", "CCG", "MOJ", "CQC", "CIW", "SAR", "GDPR", "DBS",
    "ID", "OK", "TV", "SMS", "PDF",
];

const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A version's `easy_read_summary` as an easy-read text that keeps its place in the
/// version file: the summary's value as TOML read it (escapes undone, as the letter
/// reads it: one reading of the text for the check and for every output), where the
/// string starts in the file, with the lines before it blanked (newlines kept), so
/// the rules' problems name the file's own lines. The flag says whether its lines are
/// the file's: true for a multi-line string, whose new lines are written as they are.
pub fn summary_source(version: &Version) -> Option<(SourceFile, bool)> {
    let summary = version.easy_read_summary.as_ref()?;
    let text = &version.source.text;
    let raw = text.get(summary.span.clone())?;
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.starts_with(q) && raw.ends_with(q) && raw.len() >= 2 * q.len())?;
    let mut start = summary.span.start + quote.len();
    // TOML drops a new line right after the opening of a multi-line string.
    if quote.len() == 3 {
        start += ["\r\n", "\n"]
            .into_iter()
            .find(|nl| text[start..].starts_with(nl))
            .map_or(0, str::len);
    }
    let blank = |part: &str| -> String {
        part.chars()
            .map(|c| if c == '\n' { c } else { ' ' })
            .collect()
    };
    let mut read = blank(&text[..start]);
    read.push_str(&summary.value);
    let lines_kept = quote.len() == 3;
    Some((
        SourceFile::new(version.source.path.clone(), read),
        lines_kept,
    ))
}

/// Checks an easy-read text in `language`. The rules on pictures, sentence length,
/// italics and capitals hold in any language; numbers written as words are found only
/// in English (the list of number words is English).
pub fn check_easy_read(
    notice: &Notice,
    source: &SourceFile,
    language: &str,
    site: &Site,
    theme: &Theme,
    problems: &mut Vec<Problem>,
) {
    let acronyms: Vec<String> = BUILT_IN_ACRONYMS
        .iter()
        .map(|a| a.to_string())
        .chain(site.config.easy_read.acronyms.iter().cloned())
        .collect();
    for block in parse_easy_read(&source.text) {
        let Block::Point {
            picture,
            plain,
            range,
            italics,
            extra_pictures,
            ..
        } = block
        else {
            continue;
        };
        match &picture {
            None => problems.push(
                source
                    .problem(Code::PointWithoutPicture, range.clone(), "this point has no picture")
                    .with_help("Start the point with its picture, like ![A phone](picture:phone) We will phone you.")
                    .warning(),
            ),
            Some(picture) => check_picture(picture, notice, source, site, theme, problems),
        }
        check_marks(source, extra_pictures, italics, problems);
        check_sentences(source, &plain, &range, problems);
        check_words(
            source,
            &plain,
            &range,
            &acronyms,
            crate::languages::LanguageChecks::of(language).number_words,
            problems,
        );
    }
}

/// One picture a point, and no italics.
fn check_marks(
    source: &SourceFile,
    extra_pictures: Vec<std::ops::Range<usize>>,
    italics: Vec<std::ops::Range<usize>>,
    problems: &mut Vec<Problem>,
) {
    for extra in extra_pictures {
        problems.push(
            source
                .problem(Code::TwoPictures, extra, "a second picture in one point")
                .with_help("Give each idea its own point, with one picture.")
                .warning(),
        );
    }
    for italic in italics {
        problems.push(
            source
                .problem(Code::Italics, italic, "italics are hard to read")
                .with_help("Use **bold** for a hard word, and explain it in the next sentence.")
                .warning(),
        );
    }
}

/// Short sentences: at most [`MAX_SENTENCE_WORDS`] words each.
fn check_sentences(
    source: &SourceFile,
    plain: &str,
    range: &std::ops::Range<usize>,
    problems: &mut Vec<Problem>,
) {
    for sentence in sentences(plain) {
        let words = sentence
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words > MAX_SENTENCE_WORDS {
            problems.push(
                source
                    .problem(Code::SentenceTooLong, range.clone(), format!("a sentence of {words} words: \"{}\"", shorten(sentence)))
                    .with_help(format!("Easy read keeps to {MAX_SENTENCE_WORDS} words a sentence, one idea each: split it in two."))
                    .warning(),
            );
        }
    }
}

/// No blocks of capitals (but known acronyms), and numbers as digits.
fn check_words(
    source: &SourceFile,
    plain: &str,
    range: &std::ops::Range<usize>,
    acronyms: &[String],
    english: bool,
    problems: &mut Vec<Problem>,
) {
    for word in plain.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3
            && word.chars().all(|c| !c.is_lowercase())
            && word.chars().any(char::is_uppercase)
            && !acronyms.iter().any(|a| a == word)
        {
            problems.push(
                source
                    .problem(Code::Capitals, range.clone(), format!("\"{word}\" is in capitals"))
                    .with_help("Blocks of capitals are hard to read. Write it in lower case, or add it to [easy_read] acronyms in site.toml if it is an acronym people know.")
                    .warning(),
            );
        }
        if english && NUMBER_WORDS.contains(&word.to_lowercase().as_str()) {
            problems.push(
                source
                    .problem(
                        Code::NumberAsWord,
                        range.clone(),
                        format!("the number \"{word}\" is written as a word"),
                    )
                    .with_help("Write numbers as digits in easy read: 3, not three.")
                    .warning(),
            );
        }
    }
}

fn check_picture(
    picture: &PictureRef,
    notice: &Notice,
    source: &SourceFile,
    site: &Site,
    theme: &Theme,
    problems: &mut Vec<Problem>,
) {
    if picture.alt.is_empty() {
        problems.push(
            source
                .problem(Code::PictureWithoutDescription, picture.range.clone(), "this picture has no description")
                .with_help("Say what the picture shows between the square brackets, like ![A phone](picture:phone): people who cannot see it hear this."),
        );
    }
    if let Err(err) = resolve_picture(&picture.dest, notice, site, theme) {
        let (message, help) = match err {
            PictureError::UnknownName(name) => (
                format!("there is no picture named \"{name}\""),
                format!(
                    "Use a picture from the theme ({}), or put your own as pictures/{name}.svg (or .png) in the site folder.",
                    theme_picture_names(theme).join(", ")
                ),
            ),
            PictureError::MissingFile(file) => (
                format!("the picture file \"{file}\" is not in {}", notice.folder.display()),
                "Put the picture beside the notice's versions, or use a picture from the theme like picture:phone.".to_string(),
            ),
            PictureError::NotLocal(dest) => (
                format!("the picture \"{dest}\" is not part of the site"),
                "Use picture:NAME, or a file kept beside the notice: pictures on other websites can change or vanish.".to_string(),
            ),
        };
        problems.push(
            source
                .problem(Code::UnknownPicture, picture.range.clone(), message)
                .with_help(help),
        );
    }
}

fn shorten(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 8 {
        sentence.to_string()
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stops_not_inside_numbers_or_addresses() {
        assert_eq!(
            sentences("We keep it. Call 0303 123 1113! Visit ico.org.uk today"),
            [
                "We keep it.",
                "Call 0303 123 1113!",
                "Visit ico.org.uk today"
            ]
        );
    }
}
