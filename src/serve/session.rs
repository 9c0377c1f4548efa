//! The state `serve` keeps between saves: the loaded site and theme, and what each
//! notice's rendering told the site-wide pages. A change re-reads and re-renders only
//! what it touches and returns just the files that changed (a `Delta`), so a save on a
//! large site neither re-renders nor copies the rest. The result is always the same as
//! a full build (tested). A failed rebuild leaves the session exactly as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostics::Problem;
use crate::load;
use crate::load::theme::Theme;
use crate::model::{Date, Site};
use crate::render::{assemble, NoticeOutput, OutputFile, RenderOptions, Renderer};
use crate::serve::watch::Change;
use crate::{apply_base_url, build_date, check};

/// What a rebuild did, for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Full,
    /// The theme changed: every notice re-rendered, no Markdown re-read.
    AllNotices,
    /// Only these notices re-read and re-rendered.
    Notices(Vec<String>),
}

/// The files a rebuild changed or added, and the paths it removed.
#[derive(Debug, Default)]
pub struct Delta {
    pub changed: Vec<OutputFile>,
    pub removed: Vec<String>,
}

pub struct Session {
    root: PathBuf,
    base_url: Option<String>,
    today: Option<Date>,
    site: Site,
    theme: Theme,
    /// Each notice's rendering, without its files (those are served, not kept here).
    notices: BTreeMap<String, Arc<NoticeOutput>>,
    /// The paths each notice's files have, and the site-wide files' paths.
    notice_paths: BTreeMap<String, BTreeSet<String>>,
    site_wide_paths: BTreeSet<String>,
    pub warnings: Vec<Problem>,
}

impl Session {
    /// Loads, checks and renders the whole site; returns the session and every file.
    pub fn start(
        root: PathBuf,
        base_url: Option<String>,
        today: Option<Date>,
    ) -> Result<(Session, Vec<OutputFile>), Vec<Problem>> {
        let (site, theme) = load_checked(&root, &base_url)?;
        let slugs = site.notices.iter().map(|n| n.slug.clone()).collect();
        let rendered = render_notices(&site, &theme, today, slugs)?;
        let mut session = Session {
            root,
            base_url,
            today,
            site,
            theme,
            notices: BTreeMap::new(),
            notice_paths: BTreeMap::new(),
            site_wide_paths: BTreeSet::new(),
            warnings: Vec::new(),
        };
        let mut files = session.keep(rendered);
        let (site_wide, paths) = session.site_wide()?;
        session.site_wide_paths = paths;
        files.extend(site_wide);
        Ok((session, files))
    }

    /// Applies a batch of changes. On failure nothing changes.
    pub fn rebuild(&mut self, changes: &BTreeSet<Change>) -> Result<(Scope, Delta), Vec<Problem>> {
        let full = changes
            .iter()
            .any(|c| matches!(c, Change::Config | Change::Pictures | Change::ContentRoot));
        if full {
            let (fresh, files) =
                Session::start(self.root.clone(), self.base_url.clone(), self.today)?;
            let before = self.all_paths();
            *self = fresh;
            let after = self.all_paths();
            let removed = before.difference(&after).cloned().collect();
            return Ok((
                Scope::Full,
                Delta {
                    changed: files,
                    removed,
                },
            ));
        }
        let mut site = self.site.clone();
        let mut theme = self.theme.clone();
        let theme_changed = changes.contains(&Change::Theme);
        if theme_changed {
            let mut problems = Vec::new();
            theme = load::theme::load_theme(&self.root, &mut problems);
            check::check_site(&site, &theme, &mut problems);
            fail_on_errors(problems)?;
        }
        let mut touched = Vec::new();
        for change in changes {
            if let Change::Notice(slug) = change {
                let mut problems = Vec::new();
                let notice = load::content::load_one_notice(&self.root, slug, &mut problems);
                if let Some(notice) = &notice {
                    check::check_notice(notice, &site, &theme, &mut problems);
                }
                fail_on_errors(problems)?;
                site.notices.retain(|n| &n.slug != slug);
                site.notices.extend(notice.map(std::sync::Arc::new));
                touched.push(slug.clone());
            }
        }
        site.notices.sort_by(|a, b| a.slug.cmp(&b.slug));
        let (to_render, scope) = if theme_changed {
            (
                site.notices.iter().map(|n| n.slug.clone()).collect(),
                Scope::AllNotices,
            )
        } else {
            (touched.clone(), Scope::Notices(touched.clone()))
        };
        let rendered = render_notices(&site, &theme, self.today, to_render)?;

        // Everything rendered: only now does the session change.
        let previous = (
            self.site.clone(),
            self.theme.clone(),
            self.notices.clone(),
            self.notice_paths.clone(),
        );
        (self.site, self.theme) = (site, theme);
        let mut removed: Vec<String> = Vec::new();
        for slug in touched
            .iter()
            .filter(|slug| !self.site.notices.iter().any(|n| &&n.slug == slug))
        {
            self.notices.remove(slug);
            removed.extend(self.notice_paths.remove(slug).unwrap_or_default());
        }
        // A save that leaves what the index, feeds and sitemap show unchanged (the usual
        // edit of a notice's text) does not re-render them.
        let site_wide_same = !theme_changed
            && removed.is_empty()
            && rendered.iter().all(|(slug, new)| {
                self.notices
                    .get(slug)
                    .is_some_and(|old| old.same_for_site_wide(new))
            });
        let old_paths: BTreeMap<String, BTreeSet<String>> = rendered
            .keys()
            .map(|slug| {
                (
                    slug.clone(),
                    self.notice_paths.get(slug).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let mut changed = self.keep(rendered);
        for (slug, old) in old_paths {
            let new = self.notice_paths.get(&slug).cloned().unwrap_or_default();
            removed.extend(old.difference(&new).cloned());
        }
        if site_wide_same {
            return Ok((scope, Delta { changed, removed }));
        }
        match self.site_wide() {
            Ok((site_wide, paths)) => {
                removed.extend(self.site_wide_paths.difference(&paths).cloned());
                self.site_wide_paths = paths;
                changed.extend(site_wide);
                Ok((scope, Delta { changed, removed }))
            }
            Err(problems) => {
                (self.site, self.theme, self.notices, self.notice_paths) = previous;
                Err(problems)
            }
        }
    }

    /// Files the session keeps no copy of: takes them out of the outputs, notes their paths.
    fn keep(&mut self, rendered: BTreeMap<String, NoticeOutput>) -> Vec<OutputFile> {
        let mut files = Vec::new();
        for (slug, mut output) in rendered {
            let notice_files = std::mem::take(&mut output.files);
            self.notice_paths.insert(
                slug.clone(),
                notice_files.iter().map(|f| f.path.clone()).collect(),
            );
            files.extend(notice_files);
            self.notices.insert(slug, Arc::new(output));
        }
        files
    }

    /// The index, feeds, sitemap, stylesheets and pictures, from the kept notices.
    fn site_wide(&mut self) -> Result<(Vec<OutputFile>, BTreeSet<String>), Vec<Problem>> {
        let options = render_options(self.today)?;
        let renderer = Renderer::new(&self.site, &self.theme, &options)?;
        let outputs: Vec<Arc<NoticeOutput>> = self.notices.values().cloned().collect();
        let (site_wide, errors) = renderer.render_site_wide(&outputs);
        fail_on_errors(errors)?;
        self.warnings = outputs
            .iter()
            .flat_map(|n| n.warnings.iter().cloned())
            .collect();
        let files = assemble(&outputs, site_wide);
        let paths = files.iter().map(|f| f.path.clone()).collect();
        Ok((files, paths))
    }

    fn all_paths(&self) -> BTreeSet<String> {
        self.notice_paths
            .values()
            .flatten()
            .chain(&self.site_wide_paths)
            .cloned()
            .collect()
    }
}

fn load_checked(
    root: &std::path::Path,
    base_url: &Option<String>,
) -> Result<(Site, Theme), Vec<Problem>> {
    let mut problems = Vec::new();
    let Some((mut site, theme)) = load::load_site(root, &mut problems) else {
        return Err(problems);
    };
    apply_base_url(&mut site, base_url.as_deref(), &mut problems);
    check::check_site(&site, &theme, &mut problems);
    fail_on_errors(problems)?;
    Ok((site, theme))
}

/// Renders the notices named by `slugs`, with their files.
fn render_notices(
    site: &Site,
    theme: &Theme,
    today: Option<Date>,
    slugs: Vec<String>,
) -> Result<BTreeMap<String, NoticeOutput>, Vec<Problem>> {
    use rayon::prelude::*;
    let options = render_options(today)?;
    let renderer = Renderer::new(site, theme, &options)?;
    let slugs: std::collections::HashSet<String> = slugs.into_iter().collect();
    let outputs: Vec<NoticeOutput> = site
        .notices
        .par_iter()
        .filter(|n| slugs.contains(&n.slug))
        .map(|notice| renderer.render_notice(notice))
        .collect();
    let mut rendered = BTreeMap::new();
    for output in outputs {
        fail_on_errors(output.errors.clone())?;
        rendered.insert(output.slug.clone(), output);
    }
    Ok(rendered)
}

fn render_options(today: Option<Date>) -> Result<RenderOptions, Vec<Problem>> {
    Ok(RenderOptions {
        today: build_date(today).map_err(|p| vec![p])?,
        // Readable output while previewing; minifying is for publishing.
        minify: false,
    })
}

fn fail_on_errors(problems: Vec<Problem>) -> Result<(), Vec<Problem>> {
    if problems.iter().any(Problem::is_error) {
        Err(problems)
    } else {
        Ok(())
    }
}
