//! The site's own pictures for easy read: `pictures/NAME.svg` (or .png, .jpg, .webp).
//! A site with a licensed set (Photosymbols, CHANGE, Mulberry) drops its files here
//! under the theme's names, and they are used instead of the theme's drawings.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Code, Problem};
use crate::load::source::{Kind, Source};
use crate::model::Picture;

pub(crate) const PICTURES_DIR: &str = "pictures";
use crate::theme::pictures::PICTURE_EXTENSIONS;

pub(crate) fn load_pictures(
    source: &dyn Source,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Picture> {
    let mut pictures = BTreeMap::new();
    let dir = root.join(PICTURES_DIR);
    if !source.is_folder(&dir) {
        return pictures;
    }
    for entry in source.walk(&dir, 1).into_iter().flatten() {
        let path = entry.path.as_path();
        let (Some(stem), Some(extension)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let extension = extension.to_string_lossy().to_ascii_lowercase();
        if entry.kind != Kind::File || !PICTURE_EXTENSIONS.contains(&extension.as_str()) {
            continue;
        }
        let shown = Path::new(PICTURES_DIR).join(&entry.name);
        match source.read(path) {
            Ok(bytes) if refused(&shown, &bytes, &extension, problems) => {}
            Ok(bytes) => {
                pictures.insert(
                    stem.to_string_lossy().to_string(),
                    Picture { extension, bytes },
                );
            }
            Err(err) => problems.push(Problem::in_file(
                Code::CannotRead,
                shown,
                format!("could not read this picture: {err}"),
            )),
        }
    }
    pictures
}

/// Checks a picture file (see [`crate::load::picture_check`]); true, with the problem
/// added, when it may not be used.
pub(crate) fn refused(
    shown: &Path,
    bytes: &[u8],
    extension: &str,
    problems: &mut Vec<Problem>,
) -> bool {
    match crate::load::picture_check::check_picture(bytes, extension) {
        Ok(()) => false,
        Err(why) => {
            problems.push(Problem::in_file(Code::PictureRefused, shown, why).with_help(
                "Use a picture saved as SVG, PNG, JPEG or WebP by a drawing program, at most 4,000 × 4,000 pixels and 10 MB. An SVG may not hold scripts, event handlers or links to other files.",
            ));
            true
        }
    }
}
