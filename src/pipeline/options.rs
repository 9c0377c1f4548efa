//! What a run of the pipeline is asked to do (its options, the day it builds for) and
//! what comes back besides files (the time each stage took, or the problems that
//! stopped it). The crate's root re-exports them for the commands.

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::{Code, Problem};
use crate::model::{self, Date};
use crate::{handout_store, load};

/// What `clearnotice build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder: the one with `site.toml` and `content/`.
    pub root: PathBuf,
    /// Where to write the site; `None` for `output_dir` from site.toml, inside the root.
    pub output_dir: Option<PathBuf>,
    /// Replaces `base_url` from site.toml (for a preview or staging address).
    pub base_url: Option<String>,
    pub minify: bool,
    /// The day to build for; `None` for SOURCE_DATE_EPOCH or today.
    pub today: Option<Date>,
    /// Treat warnings (easy-read rules, missing easy-read texts) as errors.
    pub strict: bool,
    /// Whether and when the PDF handouts (easy read, large print) are made.
    pub handouts: Handouts,
    /// Where the site's files are read from: the disk, or memory (a test's site).
    pub source: std::sync::Arc<dyn crate::load::source::Source>,
}

/// Whether and when a run makes the PDF handouts.
#[derive(Debug, Clone)]
pub enum Handouts {
    /// Not at all (`build --no-handouts`).
    Off,
    /// Every handout, taken from the cache beside the output where its inputs have
    /// not changed (`build`, `check`).
    Make,
    /// Only those already in this store; the others are linked, and made when the
    /// browser asks for them (`serve`: a save costs no typesetting).
    OnRequest(std::sync::Arc<handout_store::HandoutStore>),
}

impl BuildOptions {
    /// Where the site is written: `--output-dir`, else `output_dir` of site.toml (or
    /// its default) in the site's folder. The one rule, for build, serve and the
    /// handout cache.
    pub fn output_dir_for(&self, config: Option<&crate::model::SiteConfig>) -> PathBuf {
        let in_site = config.map_or(crate::model::DEFAULT_OUTPUT_DIR, |c| &c.output_dir);
        self.output_dir
            .clone()
            .unwrap_or_else(|| self.root.join(in_site))
    }

    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output_dir: None,
            base_url: None,
            minify: true,
            today: None,
            strict: false,
            handouts: Handouts::Make,
            source: std::sync::Arc::new(crate::load::source::Disk),
        }
    }
}

/// A build that stopped: every error found (and any warnings), nothing written.
#[derive(Debug)]
pub struct BuildFailure {
    pub problems: Vec<Problem>,
}

impl BuildFailure {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

/// Where a build's time went (`build --timings`). Minify and CSS are parts of render;
/// with several cores they are the sum over all threads.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub load: Duration,
    pub check: Duration,
    pub render: Duration,
    pub minify: Duration,
    pub css: Duration,
    pub links: Duration,
    pub write: Duration,
    /// The notices that took longest to render, slowest first.
    pub slowest: Vec<(String, Duration)>,
}

/// Replaces `base_url` from site.toml with `--base-url`, when given.
pub fn apply_base_url(site: &mut model::Site, url: Option<&str>, problems: &mut Vec<Problem>) {
    let Some(url) = url else {
        return;
    };
    match load::config::normalise_base_url(url) {
        Some(url) => site.config.base_url = url,
        None => problems.push(
            Problem::in_file(
                Code::BaseUrlInvalid,
                "--base-url",
                format!("{url:?} is not a web address"),
            )
            .with_help("Give the full address, like --base-url https://example.org/privacy/"),
        ),
    }
}

/// The day a build is for: `--date`, else `SOURCE_DATE_EPOCH` (for reproducible
/// builds), else today. It decides which version of each notice is current.
pub fn build_date(explicit: Option<Date>) -> Result<Date, Problem> {
    if let Some(date) = explicit {
        return Ok(date);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
            .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
            .ok_or_else(|| {
                Problem::in_file(Code::DateEpochInvalid, "SOURCE_DATE_EPOCH", format!("SOURCE_DATE_EPOCH is {epoch:?}, not a number of seconds"))
                    .with_help("Set it to a Unix time in seconds, like SOURCE_DATE_EPOCH=1735689600, or unset it.")
            }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}
