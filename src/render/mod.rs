//! Stage 3, render: pure. The model and the theme in, the site's files (as bytes) out.
//! It never reads or writes the disk; `write` puts its output in place.

pub mod context;
pub mod css;
pub mod dates;
pub mod markdown;
pub mod minify;
pub mod templates;

use std::collections::BTreeMap;

use tera::Context;

use crate::diagnostics::Problem;
use crate::load::theme::Theme;
use crate::model::{Date, Site};
use context::{NoticeSummary, NoticeView, PageView, ServiceGroup, SiteView};
use dates::date_view;
use templates::Templates;

/// Where the bundled stylesheet is written, relative to the site root.
pub const STYLESHEET: &str = "assets/style.css";
const STATIC_DIR: &str = "static/";

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators: `general/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The day the build is for: decides which version of each notice is current.
    pub today: Date,
    pub minify: bool,
}

/// Renders every page of the site. Problems that stop the build come back as `Err`;
/// warnings are added to `warnings`.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
    warnings: &mut Vec<Problem>,
) -> Result<Vec<OutputFile>, Vec<Problem>> {
    let templates = Templates::parse(theme).map_err(|p| vec![p])?;
    let site_view = SiteView::new(&site.config);
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut page =
        |path: &str, template: &str, context: Context| match templates.render(template, &context) {
            Ok(html) => files.push(OutputFile {
                path: format!("{path}index.html").replace("404/index.html", "404.html"),
                bytes: if options.minify {
                    minify::minify_page(&html)
                } else {
                    html.into_bytes()
                },
            }),
            Err(problem) => problems.push(problem),
        };

    let mut groups: BTreeMap<String, Vec<NoticeSummary>> = BTreeMap::new();
    for notice in &site.notices {
        let Some(version) = notice.current_version(options.today) else {
            let first = &notice.versions[0];
            warnings.push(
                first
                    .source
                    .problem(
                        first.effective.span.clone(),
                        format!(
                            "no version of this notice is in effect yet, so {} is not published",
                            notice.slug
                        ),
                    )
                    .with_help(
                        "It will be published by the first build on or after its effective date.",
                    )
                    .warning(),
            );
            continue;
        };
        let path = format!("{}/", notice.slug);
        let body = markdown::render_markdown(&version.body);
        let view = NoticeView::new(notice, version, body);
        let mut context = base_context(
            &site_view,
            PageView::new(&version.title, &path, &site.config.base_url),
        );
        context.insert("notice", &view);
        page(&path, "notice.html", context);
        groups
            .entry(version.service.clone())
            .or_default()
            .push(NoticeSummary {
                slug: notice.slug.clone(),
                title: version.title.clone(),
                version: version.number.value.to_string(),
                effective: date_view(version.effective.value),
            });
    }

    let services: Vec<ServiceGroup> = groups
        .into_iter()
        .map(|(service, mut notices)| {
            notices.sort_by(|a, b| a.title.cmp(&b.title));
            ServiceGroup { service, notices }
        })
        .collect();
    let mut context = base_context(
        &site_view,
        PageView::new(&site.config.title, "", &site.config.base_url),
    );
    context.insert("services", &services);
    page("", "index.html", context);

    // The 404 page is served at any depth, so its links start from the site's own path.
    let mut not_found = PageView::new("Page not found", "404/", &site.config.base_url);
    not_found.root = site_path(&site.config.base_url);
    page("404/", "404.html", base_context(&site_view, not_found));

    match css::bundle_css(theme, options.minify) {
        Ok(css) => files.push(OutputFile {
            path: STYLESHEET.to_string(),
            bytes: css.into_bytes(),
        }),
        Err(mut found) => problems.append(&mut found),
    }
    for (path, file) in theme.files_under(STATIC_DIR) {
        files.push(OutputFile {
            path: path.trim_start_matches(STATIC_DIR).to_string(),
            bytes: file.bytes.clone(),
        });
    }

    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn base_context(site: &SiteView, page: PageView) -> Context {
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("page", &page);
    context.insert("stylesheet", &format!("{}{STYLESHEET}", page.root));
    context
}

/// `https://example.org/privacy/` → `/privacy/`.
fn site_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/".to_string(), |i| after_scheme[i..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_path_is_the_path_of_the_base_url() {
        assert_eq!(site_path("https://example.org/privacy/"), "/privacy/");
        assert_eq!(site_path("https://example.org/"), "/");
        assert_eq!(site_path("http://localhost:1111/"), "/");
    }
}
