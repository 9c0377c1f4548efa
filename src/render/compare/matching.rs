//! How alike two texts are (the Dice coefficient of their words), and old and new
//! sections paired by heading, else by likeness.

use super::units::Section;
use super::ALIKE;

/// Pairs old and new sections, in the new order, with removed ones where they were:
/// the same heading first; then, for a new section left, the old one left that is
/// most alike (at least [`ALIKE`]), the nearer in position on a tie.
pub(super) fn match_sections(
    old: &[Section],
    new: &[Section],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    for (n, section) in new.iter().enumerate() {
        if let Some(o) =
            (0..old.len()).find(|&o| !taken[o] && old[o].heading_text == section.heading_text)
        {
            partner[n] = Some(o);
            taken[o] = true;
        }
    }
    // Each section's words, gathered once: likeness is asked for many pairs.
    let old_words: Vec<WordSet> = old.iter().map(|s| word_set(&section_text(s))).collect();
    let new_words: Vec<WordSet> = new.iter().map(|s| word_set(&section_text(s))).collect();
    for n in 0..new.len() {
        if partner[n].is_some() {
            continue;
        }
        let best = (0..old.len())
            .filter(|&o| !taken[o])
            .map(|o| (dice(&old_words[o], &new_words[n]), o))
            .filter(|(score, _)| *score >= ALIKE)
            .max_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then_with(|| b.1.abs_diff(n).cmp(&a.1.abs_diff(n)))
            });
        if let Some((_, o)) = best {
            partner[n] = Some(o);
            taken[o] = true;
        }
    }
    let mut pairs = Vec::new();
    let mut next_old = 0;
    let mut emitted = vec![false; old.len()];
    for (n, o) in partner.iter().enumerate() {
        if let Some(o) = *o {
            // Removed sections that stood before this one's old place come first.
            while next_old < o {
                if !taken[next_old] && !emitted[next_old] {
                    pairs.push((Some(next_old), None));
                    emitted[next_old] = true;
                }
                next_old += 1;
            }
        }
        pairs.push((*o, Some(n)));
    }
    for o in 0..old.len() {
        if !taken[o] && !emitted[o] {
            pairs.push((Some(o), None));
        }
    }
    pairs
}

fn section_text(section: &Section) -> String {
    let mut text = section.heading_text.clone();
    for unit in &section.units {
        text.push('\n');
        text.push_str(&unit.text);
    }
    text
}

/// A text's distinct pairs of neighbouring words (its words, if it has only one), in
/// lower case. Pairs, not words: two texts on the same subject share most words, but
/// a paragraph rewritten shares few pairs with the old one, and an edited one most.
pub(super) type WordSet = std::collections::HashSet<String>;

pub(super) fn word_set(text: &str) -> WordSet {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 2 {
        return words.into_iter().collect();
    }
    words.windows(2).map(|pair| pair.join(" ")).collect()
}

/// How alike two texts are: the share of their distinct words they have in common
/// (Dice's coefficient). Linear in their length, where a word diff is not: it is
/// asked for many pairs, and as a diff it was most of a build's time on large notices.
pub(super) fn dice(a: &WordSet, b: &WordSet) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f32 / (a.len() + b.len()) as f32
}
