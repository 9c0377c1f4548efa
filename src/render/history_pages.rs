//! A notice's history: the changelog (`<slug>/changes/`), which keeps major changes
//! (people are told) apart from minor ones (only updated online), and a comparison of
//! each version with the one before (`<slug>/<version>/compare/`).

use serde::Serialize;

use crate::addresses::{changes_folder, compare_folder, notice_folder, version_folder, PagePath};
use crate::forms::Form;
use crate::model::{Notice, Version};
use crate::render::compare::{compare_in, CompareWords, Comparison};
use crate::render::context::PageView;
use crate::render::dates::DateView;
use crate::render::markdown::summary_text;
use crate::render::timeline::{Status, Timeline};
use crate::render::{base_context, PageJob, SiteRender};

/// One version as the changelog lists it. Hrefs are relative to the changelog page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangeEntry {
    pub version: String,
    pub effective: DateView,
    pub summary: Option<String>,
    pub status: Status,
    pub href: String,
    /// `None` for the first version, which has nothing to compare with.
    pub compare_href: Option<String>,
    /// The day people were told about this major change.
    pub announced: Option<DateView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangesView {
    pub slug: String,
    pub title: String,
    /// `None` while no version is in effect yet.
    pub current_href: Option<String>,
    /// When the current version was last reviewed (its `reviewed`), if it says.
    pub last_reviewed: Option<DateView>,
    pub major: Vec<ChangeEntry>,
    pub minor: Vec<ChangeEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct CompareView {
    pub slug: String,
    pub title: String,
    pub version: String,
    pub previous_version: String,
    pub effective: DateView,
    pub version_href: String,
    pub previous_href: String,
    pub changes_href: String,
    pub comparison: Comparison,
}

pub(crate) fn history_pages(site: &SiteRender, timeline: &Timeline) -> Vec<PageJob> {
    let notice = timeline.notice;
    let mut jobs = vec![changes_job(site, timeline)];
    for pair in notice.versions.windows(2) {
        let (previous, version) = (&pair[0], &pair[1]);
        if !comparable(previous, version) {
            continue;
        }
        // Each form with a text of its own gets its comparison where both versions
        // have that text; the standard comparison always.
        for form in Form::ALL {
            let compared = form == Form::Standard
                || (form.spec().own_text && previous.has_form(form) && version.has_form(form));
            if compared {
                jobs.push(compare_job(site, notice, previous, version, form));
            }
        }
    }
    jobs
}

/// The changelog: major and minor changes apart, newest first.
fn changes_job(site: &SiteRender, timeline: &Timeline) -> PageJob {
    let notice = timeline.notice;
    let newest = notice.versions.last().expect("a notice has versions");
    let title = site.name_of(timeline.current_version().unwrap_or(newest));
    let path = changes_folder(&notice.slug);
    let page = PageView::new(
        site.strings.fill("changes_title", &[("title", &title)]),
        &path,
        &site.base_url,
        path.clone(),
    );
    let root = page.root.clone();
    let (mut major, mut minor) = (Vec::new(), Vec::new());
    for (index, version) in notice.versions.iter().enumerate().rev() {
        let entry = change_entry(site, timeline, index, &root);
        if version.is_major() {
            major.push(entry);
        } else {
            minor.push(entry);
        }
    }
    let view = ChangesView {
        slug: notice.slug.clone(),
        title: title.clone(),
        current_href: timeline
            .current_version()
            .map(|_| format!("{root}{}", notice_folder(&notice.slug))),
        last_reviewed: timeline
            .current_version()
            .and_then(|v| v.reviewed.as_ref())
            .map(|reviewed| site.date(reviewed.value)),
        major,
        minor,
    };
    let mut context = base_context(site, &page);
    context.insert("changes", &view);
    context.insert(
        "contact",
        &site.contact_of(timeline.current_version().unwrap_or(newest)),
    );
    PageJob {
        path: PagePath::Folder(path),
        template: "changes.html",
        context,
        verbatim: None,
    }
}

/// One version in the changelog, with links to it and to what changed in it.
fn change_entry(site: &SiteRender, timeline: &Timeline, index: usize, root: &str) -> ChangeEntry {
    let notice = timeline.notice;
    let version = &notice.versions[index];
    ChangeEntry {
        version: version.number.value.to_string(),
        effective: site.date(version.effective.value),
        summary: summary_text(version),
        status: timeline.status(index),
        announced: version.announced.as_ref().map(|a| site.date(a.value)),
        href: format!("{root}{}", version_folder(notice, version, false)),
        compare_href: (index > 0 && comparable(&notice.versions[index - 1], version)).then(|| {
            format!(
                "{root}{}",
                compare_folder(&notice.slug, &version.number.value.to_string())
            )
        }),
    }
}

/// Whether two versions' texts can be compared: not where either shows an older
/// version's translation (its words would say nothing of this change).
pub(crate) fn comparable(previous: &Version, version: &Version) -> bool {
    previous.out_of_date_text.is_none() && version.out_of_date_text.is_none()
}

/// The comparison page of `version` with `previous`, for the standard text or (at
/// `compare/easy-read/`) the easy-read text.
fn compare_job(
    site: &SiteRender,
    notice: &Notice,
    previous: &Version,
    version: &Version,
    form: Form,
) -> PageJob {
    let number = version.number.value.to_string();
    let path = format!("{}{}", compare_folder(&notice.slug, &number), form.folder());
    let what = if form == Form::EasyRead {
        format!(" {}", site.strings.get("easy_read_suffix"))
    } else {
        String::new()
    };
    let title = site.strings.fill(
        "what_changed_title",
        &[("version", &number), ("title", &site.name_of(version))],
    );
    let page = PageView::new(
        format!("{title}{what}"),
        &path,
        &site.base_url,
        path.clone(),
    );
    let root = page.root.clone();
    let text = |v: &Version| compared_text(v, form);
    let view = CompareView {
        slug: notice.slug.clone(),
        title: format!("{}{what}", version.title),
        version: number,
        previous_version: previous.number.value.to_string(),
        effective: site.date(version.effective.value),
        version_href: format!(
            "{root}{}{}",
            version_folder(notice, version, false),
            form.folder()
        ),
        previous_href: format!(
            "{root}{}{}",
            version_folder(notice, previous, false),
            form.folder()
        ),
        changes_href: format!("{root}{}", changes_folder(&notice.slug)),
        comparison: compare_in(
            &text(previous),
            &text(version),
            &CompareWords::from_strings(&site.strings),
        ),
    };
    let mut context = base_context(site, &page);
    context.insert("compare", &view);
    context.insert("contact", &site.contact_of(version));
    PageJob {
        path: PagePath::Folder(path),
        template: "compare.html",
        context,
        verbatim: None,
    }
}

/// What a comparison in `form` compares of a version: a form with a text of its own
/// (easy read) that text; the others, the version's.
fn compared_text(version: &Version, form: Form) -> String {
    match version.own_text(form) {
        Some(own) => own.text.to_string(),
        None if form.spec().own_text => String::new(),
        None => version.body.clone(),
    }
}
