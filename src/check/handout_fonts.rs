//! Characters the handouts cannot show: a notice's text is printed with DejaVu Sans,
//! the theme's fonts and the fonts installed on the computer (see
//! [`crate::theme::fonts`]). A character none of them has is printed as U+FFFD, so
//! the build goes on, and this warns at its file and line: one warning per file,
//! naming the first few such characters.

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::Version;
use crate::theme::fonts::{Fonts, REPLACEMENT};

/// How many characters one warning names.
const NAMED: usize = 5;

pub(crate) fn check_handout_fonts(version: &Version, fonts: &Fonts, problems: &mut Vec<Problem>) {
    for source in sources(version) {
        problems.extend(unshowable(source, fonts));
    }
}

/// Whether a text of `notice` has a character that neither the built-in fonts nor the
/// theme's have: its handouts and warnings then depend on the fonts installed on the
/// computer, which the build cache does not follow, so it never reuses the notice.
pub(crate) fn needs_installed_fonts(notice: &crate::model::Notice, fonts: &Fonts) -> bool {
    notice.versions.iter().any(|version| {
        sources(version).any(|source| {
            let mut asked = std::collections::HashSet::new();
            source
                .text
                .chars()
                .any(|c| !c.is_ascii() && asked.insert(c) && !fonts.has(c))
        })
    })
}

fn sources(version: &Version) -> impl Iterator<Item = &SourceFile> {
    std::iter::once(&version.source)
        .chain(version.texts.values())
        .chain(version.translations.values().flat_map(|translation| {
            std::iter::once(&translation.source).chain(translation.easy_read.as_ref())
        }))
}

/// A warning for the characters of `source` that no font has, if it has any.
fn unshowable(source: &SourceFile, fonts: &Fonts) -> Option<Problem> {
    if source.text.is_ascii() {
        return None;
    }
    let mut first = None;
    let mut found: Vec<char> = Vec::new();
    let mut shown = std::collections::HashSet::new();
    for (at, c) in source.text.char_indices() {
        if c.is_ascii() || c.is_control() || shown.contains(&c) || found.contains(&c) {
            continue;
        }
        if fonts.can_show(c) {
            shown.insert(c);
            continue;
        }
        first.get_or_insert(at);
        found.push(c);
    }
    let at = first?;
    let named: Vec<String> = found
        .iter()
        .take(NAMED)
        .map(|c| format!("{c} (U+{:04X})", *c as u32))
        .collect();
    let more = found.len().saturating_sub(NAMED);
    let what = match (found.len(), more) {
        (1, _) => format!("the character {}", named[0]),
        (_, 0) => format!("{} characters: {}", found.len(), named.join(", ")),
        _ => format!(
            "{} characters: {} and {more} more",
            found.len(),
            named.join(", ")
        ),
    };
    Some(
        source
            .problem(Code::NoFontForCharacter, at..at + 1, format!("the handouts cannot show {what}: no font on this computer has {}, so they print {REPLACEMENT} instead", if found.len() == 1 { "it" } else { "them" }))
            .with_help("Install a font that has it (the Noto fonts cover every script; on Debian or Ubuntu: apt install fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji), or put one in themes/default/fonts/. The web pages show it wherever the reader's device has a font for it.")
            .warning(),
    )
}
