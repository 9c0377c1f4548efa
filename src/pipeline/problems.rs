//! The problems a run found, reported in one order: site.toml, each entry of
//! content/ as read, the theme, the pictures, then each notice's rules and what
//! rendering found. Errors stop the run; with `--strict`, warnings do too.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::options::BuildFailure;
use super::{Draft, Entry};
use crate::diagnostics::{Problem, Severity};

/// Problems of the parts of a site that are not notices.
#[derive(Debug, Clone, Default)]
pub(super) struct SiteProblems {
    pub(super) config: Vec<Problem>,
    pub(super) content: Vec<Problem>,
    pub(super) theme: Vec<Problem>,
    pub(super) pictures: Vec<Problem>,
}

impl SiteProblems {
    /// site.toml's, content/'s, the theme's, then the pictures'.
    pub(super) fn all(&self) -> impl Iterator<Item = &Problem> {
        self.config
            .iter()
            .chain(&self.content)
            .chain(&self.theme)
            .chain(&self.pictures)
    }
}

/// With `--strict`, any warning stops the run as an error.
pub(super) fn strict(draft: &Draft) -> Result<(), BuildFailure> {
    let mut problems = all_problems(&draft.site_problems, &draft.entries);
    // A review due soon is a reminder: it fails nothing until its day has passed.
    problems.retain(|p| p.code != crate::diagnostics::Code::ReviewDueSoon);
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &mut problems {
        problem.severity = Severity::Error;
    }
    Err(BuildFailure { problems })
}

/// Every problem of a site, in the order a build reports them: site.toml, each
/// entry of content/ as it was read, the theme, the pictures, then each notice's
/// rules, then what rendering found. The one place that order is written.
pub(super) fn problems_in_order<'a>(
    site: &'a SiteProblems,
    entries: &'a BTreeMap<String, Arc<Entry>>,
) -> impl Iterator<Item = &'a Problem> {
    site.config
        .iter()
        .chain(&site.content)
        .chain(entries.values().flat_map(|e| e.load.iter()))
        .chain(site.theme.iter().chain(&site.pictures))
        .chain(entries.values().flat_map(|e| e.check.iter()))
        .chain(
            entries
                .values()
                .filter_map(|e| e.output.as_deref())
                .flat_map(|o| o.warnings.iter()),
        )
}

pub(super) fn all_problems(
    site: &SiteProblems,
    entries: &BTreeMap<String, Arc<Entry>>,
) -> Vec<Problem> {
    problems_in_order(site, entries).cloned().collect()
}

/// Stops the run if any problem found so far is an error. Looks without copying:
/// a large site has tens of thousands of warnings.
pub(super) fn fail_on_errors(
    site: &SiteProblems,
    entries: &BTreeMap<String, Arc<Entry>>,
) -> Result<(), BuildFailure> {
    let site_errors = site.all().any(Problem::is_error);
    let notice_errors = entries
        .values()
        .any(|e| e.load.iter().chain(&e.check).any(Problem::is_error));
    if site_errors || notice_errors {
        Err(BuildFailure {
            problems: all_problems(site, entries),
        })
    } else {
        Ok(())
    }
}

/// A failure: the warnings found so far, then the errors that stopped the run.
pub(super) fn failure(draft: &Draft, errors: Vec<Problem>) -> BuildFailure {
    let mut problems = all_problems(&draft.site_problems, &draft.entries);
    problems.extend(errors);
    BuildFailure { problems }
}
