//! Stage 1, load: the only stage that reads the site's files. It turns `site.toml`,
//! `content/` and the theme into the in-memory model; later stages never touch the disk.

pub(crate) mod config;
pub(crate) mod contact;
pub(crate) mod content;
pub(crate) mod editor_files;
pub mod front_matter;
pub(crate) mod picture_check;
pub(crate) mod pictures;
pub mod source;
pub mod system_fonts;
pub mod text;
pub mod theme;
mod toml_problem;
pub(crate) mod translation;
pub mod version_file;

use std::path::Path;

use crate::diagnostics::Problem;
use crate::model::Site;
use crate::theme::Theme;

/// Reads the whole site. Problems (errors and warnings) are added to `problems`;
/// `None` when the site could not be read well enough to go on.
pub fn load_site(
    source: &dyn source::Source,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Option<(Site, Theme)> {
    let config = match config::load_config(source, root) {
        Ok(config) => Some(config),
        Err(mut found) => {
            problems.append(&mut found);
            None
        }
    };
    // Notices and theme are read even when site.toml is broken, so one build reports all.
    let notices = content::load_notices(source, root, problems);
    let theme = theme::load_theme(source, root, problems);
    let pictures = pictures::load_pictures(source, root, problems);
    let (config, config_source) = config?;
    Some((
        Site {
            config,
            config_source,
            notices: notices.into_iter().map(std::sync::Arc::new).collect(),
            pictures,
        },
        theme,
    ))
}
