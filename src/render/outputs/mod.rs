//! Every output a notice has, each one implementation of [`NoticeOutput`], listed once
//! in [`NOTICE_OUTPUTS`] in the order they are made: downloads first (the pages link to
//! them), then the pages and data that show them. A new output — a braille file, say —
//! is one file in this folder and one line in the list.
//!
//! The site-wide files (index, feeds, sitemap, 404, stylesheets) are made from what
//! each notice's outputs said of it, in `site_wide.rs`.

mod braille;
mod feed;
mod form_pages;
mod handouts;
mod history;
mod notice_json;

use std::collections::BTreeMap;
use std::sync::Arc;

use super::feeds::FeedEntry;
use super::handouts::NoticeHandouts;
use super::markdown::RenderedMarkdown;
use super::timeline::Timeline;
use super::{OutputFile, PageJob, Renderer, SiteRender, Verbatim};
use crate::diagnostics::Problem;

/// What every output of one notice in one language works from.
pub(super) struct NoticeInLanguage<'a> {
    /// The site's shared parts in this language.
    pub shared: &'a SiteRender,
    pub timeline: &'a Timeline<'a>,
    /// Each version's text as HTML, rendered once for every output.
    pub bodies: &'a [RenderedMarkdown],
    /// The same, minified once for every page that includes it.
    pub verbatims: &'a [Option<Arc<Verbatim>>],
    /// The notice's major changes, for its feed (and the site's).
    pub feed_entries: &'a [FeedEntry],
}

/// What outputs made of one notice in one language.
#[derive(Default)]
pub(super) struct Made {
    /// Pages and files to render from templates, at paths in the language's folder.
    pub jobs: Vec<PageJob>,
    /// Files made without a template, at paths in the language's folder.
    pub files: Vec<OutputFile>,
    /// Files already at their paths in the site (a handout's paths carry its language).
    pub placed: Vec<OutputFile>,
    /// Files linked but left to be made when asked for (`serve`), by path.
    pub waiting: Vec<String>,
    /// Pictures the pages show, by path in the language's folder.
    pub pictures: BTreeMap<String, Vec<u8>>,
    /// Downloads made, by version and form: what later outputs link to.
    pub links: NoticeHandouts,
    pub errors: Vec<Problem>,
}

impl Made {
    fn append(&mut self, other: Made) {
        self.jobs.extend(other.jobs);
        self.files.extend(other.files);
        self.placed.extend(other.placed);
        self.waiting.extend(other.waiting);
        self.pictures.extend(other.pictures);
        self.links.extend(other.links);
        self.errors.extend(other.errors);
    }
}

/// One output of a notice: which files it makes for a notice in a language, at which
/// addresses, and the links to them that pages show.
pub(super) trait NoticeOutput: Sync {
    /// Its files for `notice`. `links` holds the downloads the outputs before it in
    /// [`NOTICE_OUTPUTS`] made, for its pages to link to.
    fn make(&self, renderer: &Renderer, notice: &NoticeInLanguage, links: &NoticeHandouts) -> Made;
}

/// Every output of a notice, in the order they are made.
pub(super) const NOTICE_OUTPUTS: &[&dyn NoticeOutput] = &[
    &handouts::Handouts,
    &braille::Braille,
    &form_pages::FormPages,
    &history::HistoryPages,
    &feed::NoticeFeed,
    &notice_json::NoticeJson,
];

/// What every output makes of `notice`, in the list's order.
pub(super) fn make_all(renderer: &Renderer, notice: &NoticeInLanguage) -> Made {
    let mut made = Made::default();
    for output in NOTICE_OUTPUTS {
        let part = output.make(renderer, notice, &made.links);
        made.append(part);
    }
    made
}
