//! The theme: templates, stylesheets and static files. The default theme is compiled
//! into the binary so an installed clearnotice works on any site; a site replaces any
//! one file by putting its own at the same path under `themes/default/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use walkdir::WalkDir;

use crate::diagnostics::Problem;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const THEME_DIR: &str = "themes/default";

/// One file of the theme, with where it came from (for problems).
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    /// `themes/default/<path>` in the site, or the same path marked as built in.
    pub origin: PathBuf,
}

/// Every theme file by its path inside the theme, like `templates/base.html`.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// Files whose path starts with `prefix`, in path order.
    pub fn files_under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files
            .iter()
            .filter(move |(path, _)| path.starts_with(prefix))
            .map(|(path, file)| (path.as_str(), file))
    }

    /// The text of a theme file (templates and stylesheets are UTF-8).
    pub fn text(&self, path: &str) -> Option<(&str, &ThemeFile)> {
        let file = self.files.get(path)?;
        std::str::from_utf8(&file.bytes)
            .ok()
            .map(|text| (text, file))
    }
}

/// The built-in theme with the site's own files laid over it.
pub fn load_theme(root: &Path, problems: &mut Vec<Problem>) -> Theme {
    let mut theme = Theme::default();
    add_embedded(&DEFAULT_THEME, &mut theme);
    let overrides = root.join(THEME_DIR);
    if overrides.is_dir() {
        for entry in WalkDir::new(&overrides).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    problems.push(Problem::in_file(
                        THEME_DIR,
                        format!("could not read the theme folder: {err}"),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.')
            {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(&overrides)
                .unwrap_or(entry.path());
            let key = relative.to_string_lossy().replace('\\', "/");
            let origin = Path::new(THEME_DIR).join(relative);
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    theme.files.insert(key, ThemeFile { bytes, origin });
                }
                Err(err) => problems.push(Problem::in_file(
                    &origin,
                    format!("could not read this theme file: {err}"),
                )),
            }
        }
    }
    theme
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
