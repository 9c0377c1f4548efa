//! The units of two versions of a section (paragraphs, list items, rows) aligned:
//! equal ones kept, a changed one marked inside against its old self, the rest
//! added or removed whole.

use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffTag};

use super::inline::{mark, mark_all, Marked};
use super::matching::{dice, word_set, WordSet};
use super::units::{Unit, UnitKind};
use super::{add, UnitResult, UnitState, ALIKE};

/// The units of two versions of a section, aligned: equal ones kept, a changed one
/// paired with its old self where they are alike, the rest added or removed.
pub(super) fn align(old: &[Unit], new: &[Unit], totals: &mut Marked) -> Vec<UnitResult> {
    // Units compare by kind and HTML, hashed once (the diff asks for keys many times).
    let key = |u: &Unit| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::mem::discriminant(&u.kind).hash(&mut hasher);
        u.html.hash(&mut hasher);
        hasher.finish()
    };
    let (old_keys, new_keys): (Vec<u64>, Vec<u64>) =
        (old.iter().map(key).collect(), new.iter().map(key).collect());
    let mut result = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => result.extend(new[new_range].iter().map(|u| UnitResult {
                kind: u.kind.clone(),
                state: UnitState::Equal,
                html: u.html.clone(),
            })),
            _ => pair_up(&old[old_range], &new[new_range], totals, &mut result),
        }
    }
    result
}

/// A run of units replaced by another: each new unit paired, in order, with the old
/// one of its kind left that is most like it (at least [`ALIKE`]); old ones passed
/// over are removed. Pairing the first remotely alike one instead turned a removed
/// paragraph and the next changed one into a salad of marks (seen on real versions).
fn pair_up(old: &[Unit], new: &[Unit], totals: &mut Marked, result: &mut Vec<UnitResult>) {
    let old_words: Vec<WordSet> = old.iter().map(|u| word_set(&u.text)).collect();
    let mut next = 0;
    for unit in new {
        let words = word_set(&unit.text);
        // A paragraph that became a list item (or a heading) is the same text moved:
        // only table rows and code pair with their own kind.
        let found = (next..old.len())
            .filter(|&o| pairable(&old[o].kind, &unit.kind))
            .map(|o| (dice(&old_words[o], &words), o))
            .filter(|(score, _)| *score >= ALIKE)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
            .map(|(_, o)| o);
        match found {
            Some(o) => {
                for gone in &old[next..o] {
                    result.push(whole_unit(gone, ChangeTag::Delete, totals));
                }
                let marked = mark(&old[o].html, &unit.html);
                add(totals, &marked);
                let changed = marked.words_added + marked.words_removed + marked.marks_changed > 0;
                result.push(UnitResult {
                    kind: unit.kind.clone(),
                    state: if changed {
                        UnitState::Changed
                    } else {
                        UnitState::Equal
                    },
                    html: marked.html,
                });
                next = o + 1;
            }
            None => result.push(whole_unit(unit, ChangeTag::Insert, totals)),
        }
    }
    for gone in &old[next..] {
        result.push(whole_unit(gone, ChangeTag::Delete, totals));
    }
}

fn pairable(old: &UnitKind, new: &UnitKind) -> bool {
    let text = |k: &UnitKind| {
        matches!(
            k,
            UnitKind::Paragraph | UnitKind::Heading(_) | UnitKind::ListItem { .. }
        )
    };
    (text(old) && text(new)) || std::mem::discriminant(old) == std::mem::discriminant(new)
}

fn whole_unit(unit: &Unit, tag: ChangeTag, totals: &mut Marked) -> UnitResult {
    let marked = mark_all(&unit.html, tag);
    add(totals, &marked);
    UnitResult {
        kind: unit.kind.clone(),
        state: if tag == ChangeTag::Insert {
            UnitState::Added
        } else {
            UnitState::Removed
        },
        html: marked.html,
    }
}
