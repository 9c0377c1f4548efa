//! The privacy-information check: one warning for a notice whose current version
//! leaves checklist items out (how each item is found: `crate::checklist::coverage`).

pub use crate::checklist::coverage::{coverage, Coverage, Evidence, Found};
pub use crate::checklist::{Item, ITEMS};
use crate::diagnostics::{Code, Problem};
use crate::model::{Date, Notice};

/// One warning for a notice whose current version leaves items out: which ones, in
/// one line (`clearnotice check` explains each).
pub fn missing_items(notice: &Notice, today: Date) -> Vec<Problem> {
    let Some(version) = notice.current_version(today) else {
        return Vec::new();
    };
    let missing: Vec<&str> = coverage(version)
        .into_iter()
        .filter(|(_, state)| matches!(state, Coverage::Missing | Coverage::MarkedNotCovered))
        .map(|(item, _)| item.id)
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![Problem::in_file(Code::ChecklistItemsMissing,
        &version.source.path,
        format!(
            "{}: {} of {} privacy items not found ({}) — clearnotice check explains",
            notice.slug,
            missing.len(),
            ITEMS.len(),
            missing.join(", ")
        ),
    )
    .with_help("Add a section about each, or say why one does not apply under [not_applicable] in the front-matter. `clearnotice check` shows the heading or sentence found for every item.")
    .with_details(missing.iter().map(|id| id.to_string()).collect())
    .warning()]
}
