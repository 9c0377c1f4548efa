//! Words and phrases readers find hard, each with a plainer one, and sentences in the
//! passive voice: what `clearnotice check` points out in a notice's standard text.
//!
//! The list gathers the advice of two public guides, written out here in our own
//! words: the GOV.UK style guide's "words to avoid" (gov.uk/guidance/style-guide) and
//! the Plain English Campaign's "A to Z of alternative words"
//! (plainenglish.co.uk). Only words a privacy notice is likely to use are kept; the
//! plainer word is a suggestion, not a rule.

/// (hard word or phrase, plainer words). Matched whole, without case.
pub const HARD_WORDS: &[(&str, &str)] = &[
    ("accordingly", "so"),
    ("additional", "extra, more"),
    ("address (as a verb)", "deal with"),
    ("adequate", "enough"),
    ("advise", "tell"),
    ("aforementioned", "this, these"),
    ("approximately", "about"),
    ("ascertain", "find out"),
    ("assist", "help"),
    ("assistance", "help"),
    ("commence", "start"),
    ("consequently", "so"),
    ("deem", "treat as, think"),
    ("disclose", "tell, give, share"),
    ("endeavour", "try"),
    ("ensure", "make sure"),
    ("facilitate", "help, make possible"),
    ("forthwith", "now, at once"),
    ("furthermore", "also, and"),
    ("hereby", "(leave out)"),
    ("herein", "here, in this notice"),
    ("in accordance with", "under, as … says"),
    ("in order to", "to"),
    ("in relation to", "about"),
    ("in respect of", "about, for"),
    ("in the event that", "if"),
    ("inform", "tell"),
    ("leverage", "use"),
    ("notwithstanding", "despite, even if"),
    ("obtain", "get"),
    ("on behalf of", "for"),
    ("persons", "people"),
    ("prior to", "before"),
    ("pursuant to", "under"),
    ("regarding", "about"),
    ("remuneration", "pay"),
    ("request (as a verb)", "ask"),
    ("require", "need"),
    ("retain", "keep"),
    ("subsequently", "later, then"),
    ("sufficient", "enough"),
    ("terminate", "end, stop"),
    ("thereafter", "then, after that"),
    ("thereof", "of it, of them"),
    ("utilise", "use"),
    ("whereas", "but"),
    ("whilst", "while"),
    ("with regard to", "about"),
];

/// One hard word found: the word as written, the plainer words.
#[derive(Debug, Clone, PartialEq)]
pub struct HardWord {
    pub word: String,
    pub plainer: &'static str,
}

/// The hard words and phrases in `text`, in the order they appear.
pub fn hard_words(text: &str) -> Vec<HardWord> {
    // ASCII only: the list is, and a lower case of the same length keeps every
    // place found a place in `text` ("İ" lower-cased is longer).
    let lower = text.to_ascii_lowercase();
    let mut found: Vec<(usize, HardWord)> = Vec::new();
    for (entry, plainer) in HARD_WORDS {
        // "(as a verb)" says when the advice holds; the word is what comes before.
        let word = entry.split(" (").next().unwrap_or(entry);
        let mut from = 0;
        while let Some(at) = lower[from..].find(word).map(|i| i + from) {
            let end = at + word.len();
            from = end;
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            let whole = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if whole && (!entry.contains("(as a verb)") || used_as_verb(&lower[..at])) {
                found.push((
                    at,
                    HardWord {
                        word: text[at..end].to_string(),
                        plainer,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, word)| word).collect()
}

/// "we will address", "to request": a word is a verb after "to", "will" and the like.
fn used_as_verb(before: &str) -> bool {
    let previous = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        previous,
        "to" | "will" | "may" | "can" | "must" | "should" | "would" | "could" | "we" | "you"
    )
}

/// Forms of "to be" that, before a past participle, make the passive voice.
const BE: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
];

/// Past participles that do not end in -ed.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "given",
    "taken",
    "kept",
    "made",
    "held",
    "sent",
    "told",
    "known",
    "seen",
    "shown",
    "written",
    "done",
    "found",
    "got",
    "gotten",
    "brought",
    "bought",
    "paid",
    "set",
    "put",
    "read",
    "run",
    "left",
    "lost",
    "meant",
    "sold",
    "spent",
    "built",
    "chosen",
    "driven",
    "forgotten",
    "hidden",
    "stolen",
    "understood",
    "withdrawn",
    "shared",
    "drawn",
];

/// Words ending in -ed that, after "is" or "are", describe rather than act
/// ("we are interested", "you are entitled").
const NOT_PASSIVE: &[&str] = &[
    "interested",
    "entitled",
    "concerned",
    "based",
    "pleased",
    "worried",
    "married",
    "tired",
    "supposed",
    "aged",
    "related",
    "involved",
    "qualified",
    "limited",
    "needed",
];

/// Whether `sentence` is in the passive voice: a form of "to be", perhaps an adverb
/// or "not", then a past participle ("is shared", "are not kept", "was given").
pub fn is_passive(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        if !BE.contains(&word.as_str()) {
            return false;
        }
        // Up to two words between: "is not", "are usually", "will be securely".
        words[i + 1..]
            .iter()
            .take(3)
            .any(|next| is_participle(next))
    })
}

fn is_participle(word: &str) -> bool {
    if NOT_PASSIVE.contains(&word) {
        return false;
    }
    IRREGULAR_PARTICIPLES.contains(&word) || (word.len() > 4 && word.ends_with("ed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_words_are_found_whole_with_their_plainer_words() {
        let found =
            hard_words("We will Endeavour to retain it prior to deletion, in order to help.");
        let pairs: Vec<(&str, &str)> = found.iter().map(|w| (w.word.as_str(), w.plainer)).collect();
        assert_eq!(
            pairs,
            [
                ("Endeavour", "try"),
                ("retain", "keep"),
                ("prior to", "before"),
                ("in order to", "to")
            ]
        );
        // Inside another word, or a noun where only the verb is hard: not found.
        assert!(hard_words("Our retainer; your address; an obtainable form.").is_empty());
        assert_eq!(hard_words("We will address it.").len(), 1);
        // Letters whose lower case is longer do not move what is found.
        assert_eq!(hard_words("İİİİ we retain it")[0].word, "retain");
    }

    #[test]
    fn the_passive_voice() {
        for sentence in [
            "Your information is shared with your GP.",
            "Records are not kept for longer than we need.",
            "It was given to us by your social worker.",
            "Your data will be securely deleted.",
        ] {
            assert!(is_passive(sentence), "{sentence}");
        }
        for sentence in [
            "We share your information with your GP.",
            "You are entitled to a copy.",
            "We are interested in what you think.",
            "This is our notice.",
        ] {
            assert!(!is_passive(sentence), "{sentence}");
        }
    }
}
