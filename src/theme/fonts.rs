//! The fonts of the handouts: DejaVu Sans (regular and bold, embedded in the program
//! from the `dejavu` crate), then the site's own fonts from its theme's `fonts/`
//! folder, then — for a character none of those has — a font installed on the
//! computer (see [`crate::load::system_fonts`]). A character no font has is shown as
//! U+FFFD (a replacement mark) and `check` warns at its line, so the build goes on.
//!
//! The web pages name the same fonts in their stylesheet (after the system's own), so
//! a reader's browser finds the same glyphs where it has them.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::load::system_fonts::{self, FoundFace};
use crate::theme::Theme;

/// What a character no font has is shown as: DejaVu Sans has it.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The built-in fonts, read once.
static BUILT_IN: LazyLock<Vec<Font>> = LazyLock::new(|| {
    [dejavu::sans::regular(), dejavu::sans::bold()]
        .into_iter()
        .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
        .collect()
});

/// The built-in and theme fonts every handout has.
pub struct Fonts {
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

/// The fonts one handout's text needs, and the characters no font has.
pub struct FontsForText {
    pub fonts: Vec<Font>,
    pub book: LazyHash<FontBook>,
    pub missing: BTreeSet<char>,
    /// Fonts the layouts put before DejaVu Sans for the letters of one script (see
    /// [`JOINED_SCRIPTS`]).
    pub first: Vec<FirstFont>,
}

/// A font the handout's text is set in, before the others, for the characters that
/// `covers` (a regular expression, as Typst's `text(font: (name:, covers:))` takes).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FirstFont {
    pub name: String,
    pub covers: String,
}

/// Scripts whose letters join into words (their blocks, and the `covers` of a font
/// chosen for them). DejaVu Sans has most of the Arabic script but not all of it (the
/// Urdu letter heh goal ہ, say): such a letter taken from another font breaks its word
/// apart. So where the built-in fonts lack a letter of one of these scripts, all of
/// the text's letters of that script are set in one system font that has them all.
pub const JOINED_SCRIPTS: &[(&str, &[(u32, u32)])] = &[
    (
        "Arabic",
        &[
            (0x0600, 0x06FF),
            (0x0750, 0x077F),
            (0x0870, 0x08FF),
            (0xFB50, 0xFDFF),
            (0xFE70, 0xFEFF),
        ],
    ),
    ("Syriac", &[(0x0700, 0x074F), (0x0860, 0x086F)]),
    ("N'Ko", &[(0x07C0, 0x07FF)]),
    ("Mongolian", &[(0x1800, 0x18AF)]),
];

fn in_blocks(blocks: &[(u32, u32)], c: char) -> bool {
    blocks
        .iter()
        .any(|&(first, last)| (first..=last).contains(&(c as u32)))
}

/// The `covers` expression of a script's blocks.
fn covers(blocks: &[(u32, u32)]) -> String {
    let ranges: String = blocks
        .iter()
        .map(|(first, last)| format!("\\u{{{first:04X}}}-\\u{{{last:04X}}}"))
        .collect();
    format!("[{ranges}]")
}

impl Fonts {
    pub fn of(theme: &Theme) -> Fonts {
        let mut fonts = BUILT_IN.clone();
        for (path, file) in theme.files_under("fonts/") {
            if path.ends_with(".ttf") || path.ends_with(".otf") {
                fonts.extend(Font::iter(Bytes::new(file.bytes.clone())));
            }
        }
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Whether the built-in or theme fonts show `c` (or it is a character that is
    /// never drawn, such as a zero-width space or a direction mark).
    pub fn has(&self, c: char) -> bool {
        c.is_ascii()
            || is_never_drawn(c)
            || self
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32))
    }

    /// The characters of `text` these fonts do not show. Each different character is
    /// looked up once: a notice's text holds thousands of curly quotes and dashes,
    /// and asking every font about each was 3 % of a rebuild's time.
    fn lacking(&self, text: &str) -> BTreeSet<char> {
        if text.is_ascii() {
            return BTreeSet::new();
        }
        let distinct: BTreeSet<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        distinct.into_iter().filter(|&c| !self.has(c)).collect()
    }

    /// Whether any font, the computer's included, shows `c`.
    pub fn can_show(&self, c: char) -> bool {
        self.has(c) || crate::load::system_fonts::has(c)
    }

    /// Which computer's fonts `text` needs, as text (empty for text these fonts show):
    /// each lacking character with the family and size of the font found for it, and
    /// the font chosen for each joined script.
    pub fn fallback_digest(&self, data: &[u8]) -> String {
        let text = String::from_utf8_lossy(data);
        let lacking = self.lacking(&text);
        let describe = |faces: &[FoundFace]| {
            faces
                .iter()
                .map(|f| format!("{}/{}/{}", f.family, f.index, f.bytes.len()))
                .collect::<Vec<_>>()
                .join(",")
        };
        let chars = lacking
            .iter()
            .map(|&c| format!("{c}:{};", describe(&system_fonts::faces_for(c))));
        let scripts = joined_script_faces(&text, &lacking)
            .into_iter()
            .map(|(first, faces)| format!("{}={};", first.covers, describe(&faces)));
        chars.chain(scripts).collect()
    }

    /// The fonts for `text`: these, plus a system font for each character they lack.
    pub fn for_text(&self, text: &str) -> FontsForText {
        let lacking = self.lacking(text);
        if lacking.is_empty() {
            return FontsForText {
                fonts: self.fonts.clone(),
                book: self.book.clone(),
                missing: BTreeSet::new(),
                first: Vec::new(),
            };
        }
        let mut fonts = self.fonts.clone();
        let mut missing = BTreeSet::new();
        let mut families = BTreeSet::new();
        let mut add = |fonts: &mut Vec<Font>, face: FoundFace| {
            if families.insert((face.family.clone(), face.index, face.bytes.len())) {
                let bytes = Bytes::new(face.bytes.as_ref().clone());
                fonts.extend(Font::new(bytes, face.index));
            }
        };
        let mut first = Vec::new();
        for (font, faces) in joined_script_faces(text, &lacking) {
            first.push(font);
            for face in faces {
                add(&mut fonts, face);
            }
        }
        for c in lacking {
            if fonts.iter().any(|f| f.info().coverage.contains(c as u32)) {
                continue;
            }
            let faces = system_fonts::faces_for(c);
            if faces.is_empty() {
                missing.insert(c);
            }
            for face in faces {
                add(&mut fonts, face);
            }
        }
        FontsForText {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            missing,
            first,
        }
    }
}

/// For each joined script the built-in fonts lack a letter of in `text`, the system
/// face (and its bold) that has all of the text's letters of it, as the font to put
/// first for that script. A script no single face covers is left to the
/// per-character fallback.
fn joined_script_faces(text: &str, lacking: &BTreeSet<char>) -> Vec<(FirstFont, Vec<FoundFace>)> {
    JOINED_SCRIPTS
        .iter()
        .filter(|(_, blocks)| lacking.iter().any(|&c| in_blocks(blocks, c)))
        .filter_map(|(_, blocks)| {
            let letters: BTreeSet<char> = text
                .chars()
                .filter(|&c| in_blocks(blocks, c) && !is_never_drawn(c))
                .collect();
            let faces = system_fonts::face_for_all(&letters)?;
            let name = faces.first()?.family.clone();
            Some((
                FirstFont {
                    name,
                    covers: covers(blocks),
                },
                faces,
            ))
        })
        .collect()
}

/// Characters that shape text but are not drawn (Unicode's default-ignorable code
/// points): no font needs a glyph for them.
fn is_never_drawn(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_shows_the_built_in_languages_and_the_replacement_mark() {
        let fonts = Fonts::of(&Theme::default());
        for c in "Cymraeg ŵŷ, Polski ąęł, العربية, Ελληνικά, Русский, “quotes” – £€ ✓".chars()
        {
            assert!(fonts.has(c), "{c:?}");
        }
        assert!(fonts.has(REPLACEMENT));
        assert!(fonts.has('\u{200B}') && fonts.has('\u{FE0F}'));
        // Bengali is not in DejaVu Sans.
        assert!(!fonts.has('ব'));
    }

    #[test]
    fn a_word_of_a_joined_script_is_set_in_one_font() {
        let fonts = Fonts::of(&Theme::default());
        // Urdu: "if you have questions". DejaVu Sans lacks its heh goal (ہ).
        let urdu = "اگر آپ کے سوالات ہیں";
        assert!(!fonts.has('ہ') && fonts.has('س'));
        let letters: BTreeSet<char> = urdu.chars().filter(|c| !c.is_whitespace()).collect();
        let chosen = fonts.for_text(urdu);
        match system_fonts::face_for_all(&letters) {
            // CI installs fonts-noto-core, which has Noto Sans Arabic.
            Some(faces) => {
                assert_eq!(
                    chosen.first,
                    vec![FirstFont {
                        name: faces[0].family.clone(),
                        covers: covers(JOINED_SCRIPTS[0].1),
                    }]
                );
                assert!(chosen.missing.is_empty());
            }
            None => assert!(chosen.first.is_empty()),
        }
        // Arabic DejaVu Sans has whole: set as it always was.
        assert!(fonts.for_text("العربية").first.is_empty());
        assert!(covers(&[(0x0600, 0x06FF)]) == "[\\u{0600}-\\u{06FF}]");
    }

    #[test]
    fn a_character_no_font_has_is_missing_and_the_rest_are_found() {
        let fonts = Fonts::of(&Theme::default());
        // A private-use character: no font on any computer is meant to have it.
        let chosen = fonts.for_text("Hello \u{10FFFD}");
        assert_eq!(chosen.missing, BTreeSet::from(['\u{10FFFD}']));
        let plain = fonts.for_text("Hello, Cymru");
        assert!(plain.missing.is_empty());
        assert_eq!(plain.fonts.len(), 2);
    }
}
