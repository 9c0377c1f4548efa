//! The notice's pages: every version at its own address, in every form it has (see
//! `notice_pages`), each linking to its handouts.

use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::render::handouts::NoticeHandouts;
use crate::render::notice_pages::{notice_pages, MadeForVersions};
use crate::render::Renderer;

pub(super) struct FormPages;

impl NoticeOutput for FormPages {
    fn make(&self, renderer: &Renderer, notice: &NoticeInLanguage, links: &NoticeHandouts) -> Made {
        let mut made = Made::default();
        made.jobs = notice_pages(
            notice.shared,
            notice.timeline,
            renderer.site,
            renderer.theme,
            &mut made.pictures,
            &MadeForVersions {
                bodies: notice.bodies,
                verbatims: notice.verbatims,
                handouts: links,
            },
        );
        made
    }
}
