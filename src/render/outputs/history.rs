//! The notice's changelog and the comparison of each version with the one before.

use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::render::handouts::NoticeHandouts;
use crate::render::history_pages::history_pages;
use crate::render::Renderer;

pub(super) struct HistoryPages;

impl NoticeOutput for HistoryPages {
    fn make(&self, _: &Renderer, notice: &NoticeInLanguage, _: &NoticeHandouts) -> Made {
        Made {
            jobs: history_pages(notice.shared, notice.timeline),
            ..Made::default()
        }
    }
}
