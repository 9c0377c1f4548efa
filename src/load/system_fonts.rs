//! The fonts installed on this computer, for the handouts' fallback: where DejaVu
//! Sans and the theme's fonts have no glyph for a character (Bengali, Chinese, an
//! emoji), a font the system has is used instead. Found with fontdb (the font
//! database Typst's own SVG reader uses), which knows each system's font folders
//! (Debian's /usr/share/fonts, macOS's /Library/Fonts, Windows' C:\Windows\Fonts)
//! and fontconfig's settings.
//!
//! The folders are read only the first time a character needs a font the handouts
//! do not have — a site in English never reads them — and once per run.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// A font file's face that has a character: its family, bytes and index in the file.
#[derive(Debug, Clone)]
pub struct FoundFace {
    pub family: String,
    pub bytes: std::sync::Arc<Vec<u8>>,
    pub index: u32,
}

/// The computer's fonts, read when first asked.
static DATABASE: LazyLock<fontdb::Database> = LazyLock::new(|| {
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    database
});

/// What was found for each character asked about (empty: no font has it), and each
/// face's bytes, read once.
static FOUND: LazyLock<Mutex<Found>> = LazyLock::new(Mutex::default);

#[derive(Default)]
struct Found {
    chars: HashMap<char, Vec<fontdb::ID>>,
    /// The face chosen for each set of a joined script's letters (see [`face_for_all`]).
    letter_sets: HashMap<Vec<char>, Vec<fontdb::ID>>,
    faces: HashMap<fontdb::ID, FoundFace>,
}

impl Found {
    /// The faces of `ids`, each read from its file the first time it is asked for.
    fn read(&mut self, ids: Vec<fontdb::ID>) -> Vec<FoundFace> {
        ids.into_iter()
            .filter_map(|id| {
                if let Some(face) = self.faces.get(&id) {
                    return Some(face.clone());
                }
                let face = read_face(id)?;
                self.faces.insert(id, face.clone());
                Some(face)
            })
            .collect()
    }
}

/// The system fonts that have `c`: the best face (preferring the Noto families, made
/// to cover every script and the ones `init`'s workflows install, then sans-serif,
/// upright and regular faces) and, if the family has one, its bold face too (notice
/// text has bold words). Empty when no font on this computer has it.
pub fn faces_for(c: char) -> Vec<FoundFace> {
    let Ok(mut found) = FOUND.lock() else {
        return Vec::new();
    };
    let ids = match found.chars.get(&c) {
        Some(ids) => ids.clone(),
        None => {
            let ids = best_faces(c);
            found.chars.insert(c, ids.clone());
            ids
        }
    };
    found.read(ids)
}

/// Whether a system font has `c` (without reading the font's bytes out).
pub fn has(c: char) -> bool {
    let Ok(mut found) = FOUND.lock() else {
        return false;
    };
    if let Some(ids) = found.chars.get(&c) {
        return !ids.is_empty();
    }
    let ids = best_faces(c);
    let has = !ids.is_empty();
    found.chars.insert(c, ids);
    has
}

fn has_glyph(face: &fontdb::FaceInfo, c: char) -> bool {
    DATABASE
        .with_face_data(face.id, |data, index| {
            ttf_parser::Face::parse(data, index)
                .ok()
                .and_then(|f| f.glyph_index(c))
                .is_some()
        })
        .unwrap_or(false)
}

fn family(face: &fontdb::FaceInfo) -> &str {
    face.families.first().map(|(n, _)| n.as_str()).unwrap_or("")
}

/// The order in which faces that have a character are preferred: the Noto families,
/// Noto Sans first (the handouts are set in a sans-serif: Noto's Kufi, Naskh or
/// Nastaliq styles of Arabic come after its Sans Arabic), then sans-serif, upright
/// and regular faces; by name last, so the choice is the same on every run.
fn preference(face: &fontdb::FaceInfo) -> impl Ord {
    let family = family(face);
    (
        !family.starts_with("Noto"),
        !family.starts_with("Noto Sans"),
        family.contains("Serif") || family.contains("Mono"),
        face.style != fontdb::Style::Normal,
        face.weight.0.abs_diff(400),
        family.to_string(),
    )
}

/// `best` and, if its family has one, its bold face that has `c` too.
fn with_bold(best: &fontdb::FaceInfo, c: char) -> Vec<fontdb::ID> {
    let bold = DATABASE.faces().find(|face| {
        family(face) == family(best)
            && face.weight.0 >= 600
            && face.style == fontdb::Style::Normal
            && face.id != best.id
            && has_glyph(face, c)
    });
    std::iter::once(best.id)
        .chain(bold.map(|face| face.id))
        .collect()
}

fn best_faces(c: char) -> Vec<fontdb::ID> {
    DATABASE
        .faces()
        .filter(|face| has_glyph(face, c))
        .min_by_key(|face| preference(face))
        .map(|best| with_bold(best, c))
        .unwrap_or_default()
}

/// The system face that has every one of `letters` (with its bold face), for a script
/// whose letters join: a word shaped partly with one font and partly with another
/// falls apart into unjoined letters, so all of a text's letters of such a script
/// are set in one font. `None` when no face has them all.
pub fn face_for_all(letters: &std::collections::BTreeSet<char>) -> Option<Vec<FoundFace>> {
    let mut found = FOUND.lock().ok()?;
    let key: Vec<char> = letters.iter().copied().collect();
    let ids = match found.letter_sets.get(&key) {
        Some(ids) => ids.clone(),
        None => {
            let ids = face_with_all(letters);
            found.letter_sets.insert(key, ids.clone());
            ids
        }
    };
    if ids.is_empty() {
        return None;
    }
    Some(found.read(ids))
}

/// The best face that has every one of `letters`, and its bold; empty if none has.
fn face_with_all(letters: &std::collections::BTreeSet<char>) -> Vec<fontdb::ID> {
    let has_all = |face: &fontdb::FaceInfo| {
        DATABASE
            .with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .is_ok_and(|f| letters.iter().all(|&c| f.glyph_index(c).is_some()))
            })
            .unwrap_or(false)
    };
    let (Some(best), Some(&first)) = (
        DATABASE
            .faces()
            .filter(|face| has_all(face))
            .min_by_key(|face| preference(face)),
        letters.iter().next(),
    ) else {
        return Vec::new();
    };
    with_bold(best, first)
}

/// A face's family name and bytes, read from its file.
fn read_face(id: fontdb::ID) -> Option<FoundFace> {
    let info = DATABASE.face(id)?;
    let family = info
        .families
        .first()
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    let (bytes, index) = DATABASE.with_face_data(id, |data, index| (data.to_vec(), index))?;
    Some(FoundFace {
        family,
        bytes: std::sync::Arc::new(bytes),
        index,
    })
}
