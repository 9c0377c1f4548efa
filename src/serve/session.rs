//! The state `serve` keeps between saves: the loaded site and theme, and each
//! notice's rendered output. A change re-reads and re-renders only what it touches
//! (see `rebuild`); the result is always the same as a full build. A failed rebuild
//! leaves the session exactly as it was, so the last good site stays served.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diagnostics::Problem;
use crate::load;
use crate::load::theme::Theme;
use crate::model::Site;
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

pub struct Session {
    root: PathBuf,
    base_url: Option<String>,
    today: Option<crate::model::Date>,
    site: Site,
    theme: Theme,
    notices: BTreeMap<String, NoticeOutput>,
    files: Vec<OutputFile>,
    pub warnings: Vec<Problem>,
}

impl Session {
    /// Loads, checks and renders the whole site.
    pub fn start(
        root: PathBuf,
        base_url: Option<String>,
        today: Option<crate::model::Date>,
    ) -> Result<Session, Vec<Problem>> {
        let (site, theme) = load_checked(&root, &base_url)?;
        let notices = render_notices(
            &site,
            &theme,
            today,
            site.notices.iter().map(|n| n.slug.clone()).collect(),
            BTreeMap::new(),
        )?;
        let mut session = Session {
            root,
            base_url,
            today,
            site,
            theme,
            notices,
            files: Vec::new(),
            warnings: Vec::new(),
        };
        session.files = session.assemble()?;
        Ok(session)
    }

    /// The site as it stands: every file, by path.
    pub fn files(&self) -> &[OutputFile] {
        &self.files
    }

    /// Applies a batch of changes. On failure nothing changes.
    pub fn rebuild(&mut self, changes: &BTreeSet<Change>) -> Result<Scope, Vec<Problem>> {
        let full = changes
            .iter()
            .any(|c| matches!(c, Change::Config | Change::Pictures | Change::ContentRoot));
        if full {
            let fresh = Session::start(self.root.clone(), self.base_url.clone(), self.today)?;
            *self = fresh;
            return Ok(Scope::Full);
        }
        let mut site = self.site.clone();
        let mut theme = self.theme.clone();
        let scope = if changes.contains(&Change::Theme) {
            let mut problems = Vec::new();
            theme = load::theme::load_theme(&self.root, &mut problems);
            fail_on_errors(problems)?;
            // A changed template can change what the checks see only through pictures.
            let mut problems = Vec::new();
            check::check_site(&site, &theme, &mut problems);
            fail_on_errors(problems)?;
            Scope::AllNotices
        } else {
            Scope::Notices(Vec::new())
        };
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
                if let Some(notice) = notice {
                    site.notices.push(notice);
                }
                touched.push(slug.clone());
            }
        }
        site.notices.sort_by(|a, b| a.slug.cmp(&b.slug));
        let (to_render, scope) = match scope {
            Scope::AllNotices => (
                site.notices.iter().map(|n| n.slug.clone()).collect(),
                Scope::AllNotices,
            ),
            _ => (touched.clone(), Scope::Notices(touched)),
        };
        let mut kept = self.notices.clone();
        kept.retain(|slug, _| site.notices.iter().any(|n| &n.slug == slug));
        let notices = render_notices(&site, &theme, self.today, to_render, kept)?;
        let previous = (
            std::mem::replace(&mut self.site, site),
            std::mem::replace(&mut self.theme, theme),
            std::mem::replace(&mut self.notices, notices),
        );
        match self.assemble() {
            Ok(files) => {
                self.files = files;
                Ok(scope)
            }
            Err(problems) => {
                (self.site, self.theme, self.notices) = previous;
                Err(problems)
            }
        }
    }

    /// The site-wide files from the cached notices, put together with them.
    fn assemble(&mut self) -> Result<Vec<OutputFile>, Vec<Problem>> {
        let options = render_options(self.today)?;
        let renderer = Renderer::new(&self.site, &self.theme, &options)?;
        let outputs: Vec<NoticeOutput> = self.notices.values().cloned().collect();
        let (site_wide, errors) = renderer.render_site_wide(&outputs);
        fail_on_errors(errors)?;
        self.warnings = outputs
            .iter()
            .flat_map(|n| n.warnings.iter().cloned())
            .collect();
        Ok(assemble(&outputs, site_wide))
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

/// Renders `slugs` afresh; the other notices keep their output from `kept`.
fn render_notices(
    site: &Site,
    theme: &Theme,
    today: Option<crate::model::Date>,
    slugs: Vec<String>,
    mut kept: BTreeMap<String, NoticeOutput>,
) -> Result<BTreeMap<String, NoticeOutput>, Vec<Problem>> {
    let options = render_options(today)?;
    let renderer = Renderer::new(site, theme, &options)?;
    for notice in site.notices.iter().filter(|n| slugs.contains(&n.slug)) {
        let output = renderer.render_notice(notice);
        fail_on_errors(output.errors.clone())?;
        kept.insert(notice.slug.clone(), output);
    }
    Ok(kept)
}

fn render_options(today: Option<crate::model::Date>) -> Result<RenderOptions, Vec<Problem>> {
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
