//! The PDF handouts: each version in every form that has one (easy read, large
//! print), the current version's at the notice's address and at its own, made (or
//! found) by the renderer's [`HandoutMaker`](crate::render::handouts::HandoutMaker).

use std::sync::Arc;

use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::addresses::{handout_file, version_folder};
use crate::forms::Form;
use crate::model::{Notice, Version};
use crate::render::handouts::{
    self, FileType, HandoutLink, HandoutRequest, MadeFile, NoticeHandouts,
};
use crate::render::timeline::Status;
use crate::render::{OutputFile, Renderer, SiteRender};

pub(super) struct Handouts;

impl NoticeOutput for Handouts {
    fn make(&self, renderer: &Renderer, notice: &NoticeInLanguage, _: &NoticeHandouts) -> Made {
        let mut made = Made::default();
        let Some(maker) = renderer.handouts else {
            return made;
        };
        let (shared, timeline) = (notice.shared, notice.timeline);
        let notice = timeline.notice;
        for (index, version) in notice.versions.iter().enumerate() {
            let as_current = timeline.status(index) == Status::Current;
            for form in Form::ALL.into_iter().filter(|&f| version.has_form(f)) {
                let Some(spec) = &form.spec().handout else {
                    continue;
                };
                let request = Handout {
                    renderer,
                    shared,
                    notice,
                    version,
                    as_current,
                }
                .request(form, spec.layout);
                match maker.make(&request) {
                    Ok(pdf) => {
                        // The link is relative to the language's pages; the files
                        // (`request.paths`) are under the language's folder.
                        let path =
                            handout_file(notice, version, form, as_current).unwrap_or_default();
                        let link = HandoutLink::new(&shared.strings, form, path, pdf.as_deref());
                        made.links
                            .extend(link.map(|link| ((index, FileType::Pdf, form), link)));
                        match pdf {
                            Some(pdf) => made.placed.extend(handout_files(pdf, &request.paths)),
                            None => made.waiting.extend(request.paths.iter().cloned()),
                        }
                    }
                    Err(problem) => made.errors.push(problem),
                }
            }
        }
        made
    }
}

/// One version's handouts in one language.
pub(super) struct Handout<'a> {
    pub renderer: &'a Renderer<'a>,
    pub shared: &'a SiteRender,
    pub notice: &'a Notice,
    pub version: &'a Version,
    /// Whether it is the current version (its handouts are also at the notice's address).
    pub as_current: bool,
}

impl Handout<'_> {
    /// What the version's text in `form` is made from, with its page's address.
    pub(super) fn source(&self, form: Form) -> handouts::data::HandoutSource<'_> {
        let Handout {
            renderer,
            shared,
            notice,
            version,
            as_current,
        } = *self;
        let page = format!(
            "{}{}",
            version_folder(notice, version, as_current),
            form.folder()
        );
        handouts::data::HandoutSource {
            site: renderer.site,
            theme: renderer.theme,
            strings: &shared.strings,
            notice,
            version,
            contact: shared.contact_of(version),
            title: shared.name_of(version),
            page_url: format!("{}{page}", shared.base_url),
        }
    }

    /// Where a file of the version is written: at the notice's address (the current
    /// version) and at the version's own, in the language's folder.
    pub(super) fn paths(&self, path_of: impl Fn(bool) -> Option<String>) -> Vec<String> {
        let mut paths: Vec<String> = path_of(self.as_current).into_iter().collect();
        if self.as_current {
            paths.extend(path_of(false));
        }
        for path in &mut paths {
            path.insert_str(0, &self.shared.prefix);
        }
        paths
    }

    /// What its handout in `form` is made from, and where it is written.
    fn request(&self, form: Form, layout: &'static str) -> HandoutRequest {
        let (notice, version) = (self.notice, self.version);
        let input = handouts::data::handout_input(&self.source(form), form);
        let paths = self.paths(|as_current| handout_file(notice, version, form, as_current));
        HandoutRequest {
            layout,
            data: serde_json::to_vec(&input.data).expect("handout data always serialises"),
            pictures: input.pictures,
            ident: paths.last().cloned().unwrap_or_default(),
            paths,
            source: version
                .own_text(form)
                .map_or(&version.source.path, |text| &text.path)
                .clone(),
        }
    }
}

/// A handout's files, one per path: its bytes moved into the last one when nothing
/// else holds the PDF (a build), copied otherwise — a build of 1,000 notices holds
/// 2,000 PDFs, and each copy costs memory the system must zero.
pub(super) fn handout_files(pdf: Arc<MadeFile>, paths: &[String]) -> Vec<OutputFile> {
    let Some((last, others)) = paths.split_last() else {
        return Vec::new();
    };
    let mut files: Vec<OutputFile> = others
        .iter()
        .map(|path| OutputFile {
            path: path.clone(),
            bytes: pdf.bytes.clone(),
        })
        .collect();
    let bytes = Arc::try_unwrap(pdf).map_or_else(|shared| shared.bytes.clone(), |pdf| pdf.bytes);
    files.push(OutputFile {
        path: last.clone(),
        bytes,
    });
    files
}
