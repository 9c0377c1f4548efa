//! Braille files: each version's standard text as BRF and PEF, in each language
//! liblouis has a table for, at the notice's address (the current version) and the
//! version's own — made (or found) through the handout maker, like the PDFs.

use super::handouts::{handout_files, Handout};
use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::addresses::{braille_file, version_folder};
use crate::forms::Form;
use crate::render::braille::{text, About, BrailleFile, BrailleInput, BrailleSetup};
use crate::render::handouts::{self, FileType, HandoutLink, HandoutRequest, NoticeHandouts};
use crate::render::timeline::Status;
use crate::render::Renderer;

pub(super) struct Braille;

impl NoticeOutput for Braille {
    fn make(&self, renderer: &Renderer, notice: &NoticeInLanguage, _: &NoticeHandouts) -> Made {
        let mut made = Made::default();
        let (Some(maker), Some(setup)) = (renderer.handouts, renderer.braille) else {
            return made;
        };
        let shared = notice.shared;
        let Some(table) = setup.tables.get(&shared.strings.tag) else {
            return made;
        };
        let timeline = notice.timeline;
        for (index, version) in timeline.notice.versions.iter().enumerate() {
            let handout = Handout {
                renderer,
                shared,
                notice: timeline.notice,
                version,
                as_current: timeline.status(index) == Status::Current,
            };
            let data = braille_data(&handout, setup, table);
            for file in BrailleFile::ALL {
                let request = braille_request(&handout, file, &data);
                let path = braille_file(
                    handout.notice,
                    version,
                    file.extension(),
                    handout.as_current,
                );
                match maker.make(&request) {
                    Ok(braille) => {
                        let link =
                            HandoutLink::braille(&shared.strings, file, path, braille.as_deref());
                        made.links
                            .insert((index, FileType::Braille(file), Form::Standard), link);
                        match braille {
                            Some(braille) => {
                                made.placed.extend(handout_files(braille, &request.paths))
                            }
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

/// What a version's braille says and how it is made, as the request's data.
fn braille_data(handout: &Handout, setup: &BrailleSetup, table: &str) -> Vec<u8> {
    // The data the large-print handout is typeset from (the standard text, its
    // details and contact block), with the standard page's address: braille says
    // the same as print.
    let source = handout.source(Form::Standard);
    let data = handouts::data::handout_input(&source, Form::Standard).data;
    let (notice, version, shared) = (handout.notice, handout.version, handout.shared);
    let input = BrailleInput {
        program: setup.liblouis.program.clone(),
        liblouis: setup.liblouis.version.clone(),
        table: table.to_string(),
        cells: setup.size.cells,
        lines: setup.size.lines,
        paragraphs: text::paragraphs_of(&data),
        about: About {
            identifier: format!(
                "{}{}",
                shared.base_url,
                version_folder(notice, version, false)
            ),
            title: data.title.clone(),
            language: shared.strings.tag.clone(),
            version: data.version_label.clone(),
            date: version.effective.value.to_string(),
            publisher: data.organisation.clone(),
        },
    };
    serde_json::to_vec(&input).expect("braille data always serialises")
}

fn braille_request(handout: &Handout, file: BrailleFile, data: &[u8]) -> HandoutRequest {
    let (notice, version) = (handout.notice, handout.version);
    let paths = handout
        .paths(|as_current| Some(braille_file(notice, version, file.extension(), as_current)));
    HandoutRequest {
        layout: file.layout(),
        data: data.to_vec(),
        pictures: Default::default(),
        ident: paths.last().cloned().unwrap_or_default(),
        paths,
        source: version.source.path.clone(),
    }
}
