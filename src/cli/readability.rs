//! `clearnotice check`'s readability report of a notice's standard text, as the
//! terminal shows it and as `--format json` gives it.

use clearnotice::text::readability::{Readability, TextReport};

/// How many hard words the terminal lists before "and N more" (JSON has them all).
const HARD_WORDS_SHOWN: usize = 8;

/// The whole text, its longest sentence, each section (Flesch reading ease: 60–70
/// is plain English; grade: the US school year that can read it), then the hard
/// words with plainer ones and the sentences in the passive voice.
pub(crate) fn print(report: &TextReport) {
    let whole = &report.whole;
    println!(
        "  readability     reading ease {:.0}, grade {:.1}, {:.0} words a sentence{}",
        whole.reading_ease(),
        whole.grade(),
        whole.words_per_sentence(),
        report
            .longest
            .map(|(words, line)| format!("; longest {words} words, line {line}"))
            .unwrap_or_default()
    );
    println!("    ease  grade");
    for section in &report.sections {
        println!(
            "    {:>4.0} {:>6.1}  line {:<5} {}",
            section.figures.reading_ease(),
            section.figures.grade(),
            section.line,
            section
                .heading
                .as_deref()
                .unwrap_or("(before the first heading)")
        );
    }
    if !report.hard_words.is_empty() {
        let shown: Vec<String> = report
            .hard_words
            .iter()
            .take(HARD_WORDS_SHOWN)
            .map(|(word, line)| format!("{} → {} (line {line})", word.word, word.plainer))
            .collect();
        let more = report.hard_words.len().saturating_sub(HARD_WORDS_SHOWN);
        println!(
            "  hard words      {}{}",
            shown.join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        );
    }
    if !report.passive.is_empty() {
        let lines: Vec<String> = report
            .passive
            .iter()
            .take(12)
            .map(usize::to_string)
            .collect();
        println!(
            "  passive voice   {} sentences (lines {}{})",
            report.passive.len(),
            lines.join(", "),
            if report.passive.len() > 12 {
                ", …"
            } else {
                ""
            }
        );
    }
}

fn figures(figures: &Readability) -> serde_json::Value {
    serde_json::json!({
        "sentences": figures.sentences, "words": figures.words, "syllables": figures.syllables,
        "reading_ease": round(figures.reading_ease()), "grade": round(figures.grade()),
        "words_per_sentence": round(figures.words_per_sentence()),
    })
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The report as `--format json` gives it.
pub(crate) fn json(report: &TextReport) -> serde_json::Value {
    let sections: Vec<serde_json::Value> = report
        .sections
        .iter()
        .map(|s| serde_json::json!({"heading": s.heading, "line": s.line, "figures": figures(&s.figures)}))
        .collect();
    let hard: Vec<serde_json::Value> = report
        .hard_words
        .iter()
        .map(|(w, line)| serde_json::json!({"word": w.word, "plainer": w.plainer, "line": line}))
        .collect();
    serde_json::json!({
        "whole": figures(&report.whole),
        "longest_sentence": report.longest.map(|(words, line)| serde_json::json!({"words": words, "line": line})),
        "sections": sections,
        "hard_words": hard,
        "passive_lines": report.passive,
    })
}
