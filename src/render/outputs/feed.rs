//! The notice's own feed of major changes (`<slug>/feed.xml`).

use super::{Made, NoticeInLanguage, NoticeOutput};
use crate::addresses::{feed_file, notice_folder};
use crate::render::feeds::feed_job;
use crate::render::handouts::NoticeHandouts;
use crate::render::Renderer;

pub(super) struct NoticeFeed;

impl NoticeOutput for NoticeFeed {
    fn make(&self, _: &Renderer, notice: &NoticeInLanguage, _: &NoticeHandouts) -> Made {
        let timeline = notice.timeline;
        let slug = &timeline.notice.slug;
        let title = &timeline
            .current_version()
            .unwrap_or(&timeline.notice.versions[0])
            .title;
        let shared = notice.shared;
        Made {
            jobs: vec![feed_job(
                shared,
                &feed_file(slug),
                shared.strings.fill("changes_title", &[("title", title)]),
                &notice_folder(slug),
                notice.feed_entries.to_vec(),
            )],
            ..Made::default()
        }
    }
}
