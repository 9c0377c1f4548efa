//! The theme as data: templates, stylesheets, static files and pictures, by path, and
//! how an easy-read picture is found. Below check and render (both read it); `load`
//! makes it from the built-in theme and the site's overrides.

pub mod fonts;
pub(crate) mod pictures;
pub(crate) mod strings;

use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// The built-in strings files a site's copy replaced, by path: a site's strings
    /// file need only hold the strings it changes; the rest come from these.
    pub built_in_strings: BTreeMap<String, ThemeFile>,
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
    /// Where a theme file came from, as the person editing it knows it: the site's
    /// copy, or the built-in file's path in the theme.
    pub fn origin(&self, path: &str) -> String {
        self.files.get(path).map_or_else(
            || format!("themes/default/{path}"),
            |file| file.origin.display().to_string(),
        )
    }

    pub fn text(&self, path: &str) -> Option<(&str, &ThemeFile)> {
        let file = self.files.get(path)?;
        std::str::from_utf8(&file.bytes)
            .ok()
            .map(|text| (text, file))
    }
}
