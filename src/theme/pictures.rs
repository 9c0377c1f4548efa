//! Finding the picture an easy-read point names. `picture:NAME` is looked up first in
//! the site's own `pictures/` folder, then in the theme's set; any other address is a
//! file beside the notice's versions. Used by `check` (a missing picture is an error)
//! and by `render` (which copies each picture used into the output once).

use crate::theme::Theme;

/// The kinds of picture file a site or theme may have, in the order they are tried.
pub(crate) const PICTURE_EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];
use crate::model::{Notice, Site};

/// A picture found: where it goes in the output and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedPicture {
    /// Relative to the output folder: `assets/pictures/phone.svg`.
    pub output_path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PictureError {
    /// `picture:NAME` with no such picture in the site or the theme.
    UnknownName(String),
    /// A relative path with no such file beside the notice.
    MissingFile(String),
    /// A web address, an absolute path or `..`: pictures must come with the site.
    NotLocal(String),
}

pub(crate) const PICTURE_SCHEME: &str = "picture:";

pub(crate) fn resolve_picture(
    dest: &str,
    notice: &Notice,
    site: &Site,
    theme: &Theme,
) -> Result<ResolvedPicture, PictureError> {
    if let Some(name) = dest.strip_prefix(PICTURE_SCHEME) {
        let name = name.trim();
        if let Some(picture) = site.pictures.get(name) {
            return Ok(ResolvedPicture {
                output_path: format!("assets/pictures/{name}.{}", picture.extension),
                bytes: picture.bytes.clone(),
            });
        }
        for extension in PICTURE_EXTENSIONS {
            if let Some(file) = theme.files.get(&format!("pictures/{name}.{extension}")) {
                return Ok(ResolvedPicture {
                    output_path: format!("assets/pictures/{name}.{extension}"),
                    bytes: file.bytes.clone(),
                });
            }
        }
        return Err(PictureError::UnknownName(name.to_string()));
    }
    if dest.contains("://")
        || dest.starts_with('/')
        || dest.contains("..")
        || dest.contains('\\')
        || dest.contains(':')
    {
        return Err(PictureError::NotLocal(dest.to_string()));
    }
    let name = dest.trim_start_matches("./");
    match notice.files.get(name) {
        Some(bytes) => Ok(ResolvedPicture {
            output_path: format!("{}/files/{name}", notice.slug),
            bytes: bytes.clone(),
        }),
        None => Err(PictureError::MissingFile(name.to_string())),
    }
}

/// The names of the theme's pictures, for hints and the README's picture sheet.
pub(crate) fn theme_picture_names(theme: &Theme) -> Vec<String> {
    theme
        .files_under("pictures/")
        .filter_map(|(path, _)| {
            path.strip_prefix("pictures/")?
                .rsplit_once('.')
                .map(|(name, _)| name.to_string())
        })
        .collect()
}
