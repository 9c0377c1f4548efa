//! How easy a text is to read, by the Flesch formulas (reading ease, and the
//! Flesch–Kincaid grade): words per sentence and syllables per word. Syllables are
//! counted by the usual English rule of thumb (groups of vowels, a silent final e,
//! -le, -es and -ed endings); `tests/readability/compare.py` holds the results
//! within 3 points of textstat (CMU dictionary) on real notices, in CI.

use crate::text::plain_words::{hard_words, is_passive, HardWord};

/// The figures of one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Readability {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Readability {
    /// Flesch reading ease: 100 is very easy, 60–70 plain English, below 30 very hard.
    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * self.syllables_per_word()
    }

    /// Flesch–Kincaid grade: the US school year that can read it (add 5 for a
    /// reading age).
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words_per_sentence() + 11.8 * self.syllables_per_word() - 15.59
    }

    pub fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }

    /// Adds a sentence of `words`.
    pub fn add_sentence(&mut self, words: &[&str]) {
        if words.is_empty() {
            return;
        }
        self.sentences += 1;
        self.words += words.len();
        self.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
    }
}

/// The words of a sentence: runs of letters, digits, apostrophes and hyphens that
/// hold a letter or digit.
pub fn words(sentence: &str) -> Vec<&str> {
    sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// Vowel pairs said as two syllables ("media", "period", "annual"), except after the
/// letters that make them one ("-tion", "-cial", "quality").
const TWO_SYLLABLE_PAIRS: [&str; 5] = ["ia", "io", "iu", "ua", "uo"];

/// The syllables of an English word, by rule of thumb: an abbreviation said letter
/// by letter (UK, HTTP, NHS) has one a letter (W three); otherwise each group of
/// vowels (y counts, and the pairs above twice), less a silent final e (not -le),
/// and -es or -ed where they are not said as a syllable; a vowel then -ing adds one
/// ("being"); "our" and "hour" are two.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        // A number, said as one word here.
        return 1;
    }
    let said_letter_by_letter = letters.iter().all(|c| c.is_uppercase())
        && (letters.len() == 2
            || (letters.len() <= 5 && !letters.iter().any(|c| "AEIOUY".contains(*c))));
    if said_letter_by_letter {
        return letters.iter().map(|&c| if c == 'W' { 3 } else { 1 }).sum();
    }
    let word: String = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    if word.len() <= 2 {
        return 1;
    }
    if matches!(word.as_str(), "our" | "ours" | "hour" | "hours") {
        return 2;
    }
    let mut stem = word.as_str();
    for ending in ["es", "ed"] {
        if let Some(rest) = stem.strip_suffix(ending) {
            // "boxes", "pages", "wanted" keep their syllable; "makes", "used" do not.
            let keeps = match ending {
                "es" => {
                    rest.ends_with(['s', 'x', 'z', 'g', 'c'])
                        || rest.ends_with("ch")
                        || rest.ends_with("sh")
                }
                _ => rest.ends_with(['t', 'd']),
            };
            if !keeps && rest.len() >= 2 {
                stem = rest;
            }
            break;
        }
    }
    if stem.ends_with('e') && !stem.ends_with("le") && stem.len() > 2 {
        stem = &stem[..stem.len() - 1];
    }
    let chars: Vec<char> = stem.chars().collect();
    let is_vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !is_vowel(c) {
            continue;
        }
        let after_vowel = i > 0 && is_vowel(chars[i - 1]);
        if !after_vowel {
            groups += 1;
        } else {
            let pair: String = chars[i - 1..=i].iter().collect();
            let joined_by = i >= 2 && "tscxgq".contains(chars[i - 2]);
            if TWO_SYLLABLE_PAIRS.contains(&pair.as_str()) && !joined_by {
                groups += 1;
            }
        }
    }
    let ends_vowel_ing =
        chars.len() > 3 && stem.ends_with("ing") && is_vowel(chars[chars.len() - 4]);
    (groups + usize::from(ends_vowel_ing)).max(1)
}

/// A version's standard text as a reader meets it, section by section.
#[derive(Debug, Clone, PartialEq)]
pub struct TextReport {
    pub whole: Readability,
    /// Each section under a heading: the heading, its line, its figures (the text
    /// before the first heading is a section with no heading).
    pub sections: Vec<SectionReport>,
    /// The longest sentence: its words and its line.
    pub longest: Option<(usize, usize)>,
    /// Words readers find hard, each with its line and plainer words.
    pub hard_words: Vec<(HardWord, usize)>,
    /// The lines of sentences in the passive voice ("is shared by"), one a sentence.
    pub passive: Vec<usize>,
}

impl TextReport {
    /// The section that reads hardest (highest grade) of those long enough to judge
    /// (a section of a few words can score anything).
    pub fn hardest_section(&self) -> Option<&SectionReport> {
        self.sections
            .iter()
            .filter(|s| s.figures.words >= 30)
            .max_by(|a, b| a.figures.grade().total_cmp(&b.figures.grade()))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionReport {
    pub heading: Option<String>,
    pub line: usize,
    pub figures: Readability,
}

/// The report of `version`'s standard text: its paragraphs, list items and table
/// rows, as the checklist's outline reads them (headings are not sentences).
pub fn report(version: &crate::model::Version) -> TextReport {
    use crate::checklist::outline::{outline, BlockKind};
    let mut whole = Readability::default();
    let mut sections: Vec<SectionReport> = Vec::new();
    let mut longest: Option<(usize, usize)> = None;
    let mut hard = Vec::new();
    let mut passive = Vec::new();
    for block in outline(version) {
        if !matches!(block.kind, BlockKind::Text) {
            sections.push(SectionReport {
                heading: Some(block.text.clone()),
                line: block.line,
                figures: Readability::default(),
            });
            continue;
        }
        if sections.is_empty() {
            sections.push(SectionReport {
                heading: None,
                line: block.line,
                figures: Readability::default(),
            });
        }
        let section = sections.last_mut().expect("a section is open");
        hard.extend(hard_words(&block.text).into_iter().map(|w| (w, block.line)));
        for sentence in crate::text::sentences::sentences(&block.text) {
            if is_passive(sentence) {
                passive.push(block.line);
            }
            let words = words(sentence);
            if longest.is_none_or(|(most, _)| words.len() > most) {
                longest = Some((words.len(), block.line));
            }
            whole.add_sentence(&words);
            section.figures.add_sentence(&words);
        }
    }
    sections.retain(|s| s.figures.words > 0);
    TextReport {
        whole,
        sections,
        longest,
        hard_words: hard,
        passive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_by_rule_of_thumb() {
        for (word, count) in [
            ("we", 1),
            ("information", 4),
            ("make", 1),
            ("makes", 1),
            ("boxes", 2),
            ("wanted", 2),
            ("used", 1),
            ("people", 2),
            ("privacy", 3),
            ("data", 2),
            ("2027", 1),
            ("you're", 1),
            ("organisation", 5),
        ] {
            assert_eq!(syllables(word), count, "{word}");
        }
    }

    #[test]
    fn the_flesch_formulas() {
        let mut text = Readability::default();
        text.add_sentence(&words("The cat sat on the mat."));
        assert_eq!((text.sentences, text.words, text.syllables), (1, 6, 6));
        assert!((text.reading_ease() - 116.145).abs() < 0.01);
        assert!((text.grade() - (-1.45)).abs() < 0.01);
    }
}
