//! Stage 2, check: the rules a site must meet before it is rendered. Pure: reads the
//! model, adds problems; never touches the disk.

pub mod history;
pub mod markdown;

use crate::diagnostics::Problem;
use crate::model::Site;

pub fn check_site(site: &Site, problems: &mut Vec<Problem>) {
    for notice in &site.notices {
        history::check_history(notice, problems);
        for version in &notice.versions {
            markdown::check_markdown(version, problems);
        }
    }
}
