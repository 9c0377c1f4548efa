//! The notice as data (`<slug>/notice.json`): every version, its text and its handouts.

use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::render::data::notice_json;
use crate::render::handouts::NoticeHandouts;
use crate::render::Renderer;

pub(super) struct NoticeJson;

impl NoticeOutput for NoticeJson {
    fn make(&self, _: &Renderer, notice: &NoticeInLanguage, links: &NoticeHandouts) -> Made {
        Made {
            files: vec![notice_json(
                notice.shared,
                notice.timeline,
                notice.bodies,
                links,
            )],
            ..Made::default()
        }
    }
}
