//! Stage 2, check: the rules a site must meet before it is rendered. Pure: reads the
//! model, adds problems; never touches the disk.

pub(crate) mod announcements;
pub mod checklist;
pub mod easy_read;
pub mod external;
pub(crate) mod false_headings;
pub(crate) mod handout_fonts;
pub(crate) mod history;
pub(crate) mod links;
pub mod markdown;
pub(crate) mod page_attributes;
pub(crate) mod readability;
pub(crate) mod review;
pub(crate) mod translations;

use crate::diagnostics::Problem;
use crate::model::{Notice, Site};
use crate::theme::Theme;

/// The rules for one notice: its history, its Markdown, its easy-read texts.
pub fn check_notice(notice: &Notice, site: &Site, theme: &Theme, problems: &mut Vec<Problem>) {
    history::check_history(notice, problems);
    for version in &notice.versions {
        markdown::check_markdown(version, &site.config.images, problems);
        if let Some(text) = version.own_text(crate::forms::Form::EasyRead) {
            easy_read::check_easy_read(notice, text, &site.config.language, site, theme, problems);
        }
        // The easy-read letter's summary follows the same rules as an easy-read text.
        if let Some((summary, lines_kept)) = easy_read::summary_source(version) {
            let mut found = Vec::new();
            easy_read::check_easy_read(
                notice,
                &summary,
                &site.config.language,
                site,
                theme,
                &mut found,
            );
            // A one-line string's `\n` escapes are not the file's lines: its problems
            // point at the string.
            let string = version.easy_read_summary.as_ref().map(|s| s.span.clone());
            problems.extend(
                found
                    .into_iter()
                    .map(|problem| match (&string, lines_kept) {
                        (Some(span), false) => problem.moved_to(&version.source, span.clone()),
                        _ => problem,
                    }),
            );
        }
        translations::check_translations(notice, version, site, theme, problems);
    }
}
