//! Each form's stylesheet, bundled from the theme with the site's settings, shared by
//! the site's languages.

use std::time::Instant;

use super::{SiteMade, SiteOutput};
use crate::render::{add_time, css, OutputFile, Renderer};

pub(super) struct Stylesheets;

impl SiteOutput for Stylesheets {
    fn once(&self, renderer: &Renderer) -> SiteMade {
        let mut made = SiteMade::default();
        for form in &crate::forms::FORMS {
            let started = Instant::now();
            let bundled = css::bundle_css(
                renderer.theme,
                form.stylesheet_entry,
                &css::css_variables(&renderer.site.config),
                renderer.options.minify,
            );
            add_time(&renderer.css_nanos, started);
            match bundled {
                Ok(css) => made.files.push(OutputFile {
                    path: form.stylesheet_output.to_string(),
                    bytes: css.into_bytes(),
                }),
                Err(mut found) => made.problems.append(&mut found),
            }
        }
        made
    }
}
