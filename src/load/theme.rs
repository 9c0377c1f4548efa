//! The theme: templates, stylesheets and static files. The default theme is compiled
//! into the binary so an installed clearnotice works on any site; a site replaces any
//! one file by putting its own at the same path under `themes/default/`.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::diagnostics::{Code, Problem};
use crate::load::source::{Kind, Source};
use crate::theme::{Theme, ThemeFile};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const THEME_DIR: &str = "themes/default";

/// The built-in theme with the site's own files laid over it.
pub fn load_theme(source: &dyn Source, root: &Path, problems: &mut Vec<Problem>) -> Theme {
    let mut theme = Theme::default();
    add_embedded(&DEFAULT_THEME, &mut theme);
    let overrides = root.join(THEME_DIR);
    if source.is_folder(&overrides) {
        for entry in source.walk(&overrides, usize::MAX) {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    problems.push(Problem::in_file(
                        Code::CannotRead,
                        THEME_DIR,
                        format!("could not read the theme folder: {err}"),
                    ));
                    continue;
                }
            };
            if entry.kind != Kind::File || entry.name.starts_with('.') {
                continue;
            }
            let relative = entry.path.strip_prefix(&overrides).unwrap_or(&entry.path);
            let key = relative.to_string_lossy().replace('\\', "/");
            let origin = Path::new(THEME_DIR).join(relative);
            let extension = key.rsplit('.').next().unwrap_or_default().to_string();
            match source.read(&entry.path) {
                Ok(bytes) if key.starts_with("fonts/") && !is_font(&bytes) => {
                    problems.push(
                        Problem::in_file(Code::FontInvalid, &origin, "this is not a font file the handouts can use")
                            .with_help("Put TrueType (.ttf) or OpenType (.otf) font files in themes/default/fonts/, as the font's maker gives them."),
                    );
                }
                Ok(bytes)
                    if key.starts_with("pictures/")
                        && crate::theme::pictures::PICTURE_EXTENSIONS
                            .contains(&extension.to_ascii_lowercase().as_str())
                        && crate::load::pictures::refused(
                            &origin, &bytes, &extension, problems,
                        ) => {}
                Ok(bytes) => {
                    let replaced = theme.files.insert(key.clone(), ThemeFile { bytes, origin });
                    if let Some(built_in) = replaced.filter(|_| key.starts_with("strings/")) {
                        theme.built_in_strings.insert(key, built_in);
                    }
                }
                Err(err) => problems.push(Problem::in_file(
                    Code::CannotRead,
                    &origin,
                    format!("could not read this theme file: {err}"),
                )),
            }
        }
    }
    theme
}

/// Whether a file of the theme's `fonts/` is a font (every face of it readable).
fn is_font(bytes: &[u8]) -> bool {
    let faces = ttf_parser::fonts_in_collection(bytes).unwrap_or(1);
    faces > 0 && (0..faces).all(|index| ttf_parser::Face::parse(bytes, index).is_ok())
}

fn add_embedded(dir: &Dir<'static>, theme: &mut Theme) {
    for file in dir.files() {
        let key = file.path().to_string_lossy().replace('\\', "/");
        theme.files.insert(
            key.clone(),
            ThemeFile {
                bytes: file.contents().to_vec(),
                origin: PathBuf::from(format!("{THEME_DIR}/{key} (built in)")),
            },
        );
    }
    for sub in dir.dirs() {
        add_embedded(sub, theme);
    }
}
