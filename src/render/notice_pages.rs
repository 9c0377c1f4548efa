//! The pages of one notice: every version at its own address (`<slug>/<version>/`),
//! each in every form. The current version's page is at `<slug>/`; its own address
//! holds an instant redirect there (the same text twice would be rendered, minified
//! and written twice: 3 of the 7 pages of a one-version notice). The Markdown of a
//! version is rendered once and shared by its forms.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::addresses::{changes_folder, version_folder, PagePath};
use crate::forms::Form;
use crate::model::{Notice, Site, Version};
use crate::render::context::{
    EasyReadBlockView, FormLink, HandoutView, NoticeView, PageView, PictureView, UpcomingView,
    UpdateView,
};
use crate::render::handouts::{FileType, NoticeHandouts};
use crate::render::markdown::summary_text;
use crate::render::markdown::RenderedMarkdown;
use crate::render::timeline::{Status, Timeline};
use crate::render::{base_context, PageJob, SiteRender, Verbatim};
use crate::text::easy_read::{parse_easy_read, Block};
use crate::theme::pictures::resolve_picture;
use crate::theme::Theme;

/// Every page of `notice`, ready to render. Pictures its easy-read pages use are
/// added to `pictures` (output path → bytes), once each.
pub(crate) fn notice_pages(
    site: &SiteRender,
    timeline: &Timeline,
    model: &Site,
    theme: &Theme,
    pictures: &mut BTreeMap<String, Vec<u8>>,
    made: &MadeForVersions,
) -> Vec<PageJob> {
    let MadeForVersions {
        bodies,
        verbatims,
        handouts,
    } = made;
    let notice = timeline.notice;
    let mut jobs = Vec::new();
    for (index, version) in notice.versions.iter().enumerate() {
        let body = &bodies[index];
        let easy_read = version
            .own_text(Form::EasyRead)
            .map(|text| parse_easy_read(&text.text))
            .unwrap_or_default();
        let status = timeline.status(index);
        let as_current = status == Status::Current;
        if as_current {
            jobs.extend(redirects_to_current(site, notice, version));
        }
        let folder = version_folder(notice, version, as_current);
        for form in Form::ALL.into_iter().filter(|&v| version.has_form(v)) {
            let path = format!("{folder}{}", form.folder());
            let page = PageView::new(
                site.name_of(version),
                &path,
                &site.base_url,
                canonical_path(notice, timeline, version, form),
            );
            let mut view = notice_view(site, timeline, index, body, form, &folder, &page.root);
            view.handouts = handout_views(handouts, index, form, &page.root);
            if form == Form::EasyRead {
                view.easy_read =
                    easy_read_view(&easy_read, &page.root, notice, model, theme, pictures);
            }
            let mut context = base_context(site, &page);
            context.insert("notice", &view);
            context.insert("contact", &site.contact_of(version));
            jobs.push(PageJob {
                path: PagePath::Folder(path),
                template: form.template(),
                context,
                // Easy-read pages show the easy-read text instead.
                verbatim: verbatims[index].clone().filter(|_| form != Form::EasyRead),
            });
        }
    }
    jobs
}

/// What was made once per version before its pages: its text as HTML (and minified),
/// and its handouts.
pub(crate) struct MadeForVersions<'a> {
    pub bodies: &'a [RenderedMarkdown],
    pub verbatims: &'a [Option<Arc<Verbatim>>],
    pub handouts: &'a NoticeHandouts,
}

/// The downloads a page links to: a form's page its own form's PDF and the braille;
/// the standard page every one.
fn handout_views(
    handouts: &NoticeHandouts,
    index: usize,
    form: Form,
    root: &str,
) -> Vec<HandoutView> {
    handouts
        .iter()
        .filter(|((version, file_type, handout_form), _)| {
            *version == index
                && (form == Form::Standard || *handout_form == form || *file_type != FileType::Pdf)
        })
        .map(|(_, link)| HandoutView {
            href: format!("{root}{}", link.path),
            media_type: link.file_type.media_type().into(),
            text: link.text.clone(),
        })
        .collect()
}

/// The current version's own address (and its forms): each an instant redirect to
/// the same page at the notice's address, so the version's address always shows it.
fn redirects_to_current(site: &SiteRender, notice: &Notice, version: &Version) -> Vec<PageJob> {
    Form::ALL
        .into_iter()
        .filter(|&v| version.has_form(v))
        .map(|form| {
            let path = format!(
                "{}{}",
                version_folder(notice, version, false),
                form.folder()
            );
            let current = format!("{}{}", version_folder(notice, version, true), form.folder());
            let name = site.name_of(version);
            let title = match form {
                Form::Standard => {
                    format!(
                        "{name} – {}",
                        site.strings.fill(
                            "running_version",
                            &[("version", &version.number.value.to_string())]
                        )
                    )
                }
                other => format!(
                    "{name} – {} – {}",
                    site.strings.fill(
                        "running_version",
                        &[("version", &version.number.value.to_string())]
                    ),
                    site.strings.get(other.spec().label_key).to_lowercase()
                ),
            };
            let page = PageView::new(title, &path, &site.base_url, current.clone());
            let mut context = base_context(site, &page);
            context.insert("target", &format!("{}{current}", page.root));
            context.insert("version", &version.number.value.to_string());
            PageJob {
                path: PagePath::Folder(path),
                template: "redirect.html",
                context,
                verbatim: None,
            }
        })
        .collect()
}

/// The easy-read blocks for a template, each picture resolved to its address.
fn easy_read_view(
    blocks: &[Block],
    root: &str,
    notice: &Notice,
    model: &Site,
    theme: &Theme,
    pictures: &mut BTreeMap<String, Vec<u8>>,
) -> Vec<EasyReadBlockView> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading {
                level, id, html, ..
            } => EasyReadBlockView {
                kind: "heading",
                level: *level,
                id: id.clone(),
                html: html.clone(),
                picture: None,
            },
            Block::Point { picture, html, .. } => EasyReadBlockView {
                kind: "point",
                level: 0,
                id: String::new(),
                html: html.clone(),
                // `check` has already refused pictures that cannot be found.
                picture: picture.as_ref().and_then(|p| {
                    let found = resolve_picture(&p.dest, notice, model, theme).ok()?;
                    let src = format!("{root}{}", found.output_path);
                    pictures.entry(found.output_path).or_insert(found.bytes);
                    Some(PictureView {
                        src,
                        alt: p.alt.clone(),
                    })
                }),
            },
        })
        .collect()
}

/// Old and duplicate addresses point search engines at the current page of the same form.
fn canonical_path(notice: &Notice, timeline: &Timeline, version: &Version, form: Form) -> String {
    let folder = match timeline.current_version() {
        Some(current) if current.number.value >= version.number.value => {
            crate::addresses::notice_folder(&notice.slug)
        }
        _ => version_folder(notice, version, false),
    };
    format!("{folder}{}", form.folder())
}

/// "Read this notice in": a link to each form of the version (the page's own shown as
/// text; a form the version lacks, as missing).
fn form_links(site: &SiteRender, version: &Version, form: Form, base: &str) -> Vec<FormLink> {
    Form::ALL
        .iter()
        .map(|&other| FormLink {
            label: site.strings.get(other.spec().label_key),
            href: format!("{base}{}", other.folder()),
            is_this_page: other == form,
            available: version.has_form(other),
        })
        .collect()
}

/// "Updates to this page": the major changes up to version `index`, newest first,
/// each linking to that version in the page's form where it has it.
fn updates(
    site: &SiteRender,
    notice: &Notice,
    index: usize,
    form: Form,
    root: &str,
) -> Vec<UpdateView> {
    notice.versions[..=index]
        .iter()
        .filter(|v| v.is_major())
        .rev()
        .map(|v| UpdateView {
            version: v.number.value.to_string(),
            date: site.date(v.effective.value),
            summary: summary_text(v).unwrap_or_else(|| site.strings.get("first_published")),
            href: format!(
                "{root}{}{}",
                version_folder(notice, v, false),
                v.form_to_link(form).folder()
            ),
        })
        .collect()
}

/// The versions still to come, as the current version's page announces them.
fn upcoming(site: &SiteRender, timeline: &Timeline, form: Form, root: &str) -> Vec<UpcomingView> {
    let notice = timeline.notice;
    timeline
        .upcoming()
        .map(|(_, v)| UpcomingView {
            version: v.number.value.to_string(),
            effective: site.date(v.effective.value),
            summary: summary_text(v),
            href: format!(
                "{root}{}{}",
                version_folder(notice, v, false),
                v.form_to_link(form).folder()
            ),
        })
        .collect()
}

/// What the page of version `index` in `form` shows of it (its text and pictures are
/// added by the caller).
fn notice_view(
    site: &SiteRender,
    timeline: &Timeline,
    index: usize,
    body: &RenderedMarkdown,
    form: Form,
    folder: &str,
    root: &str,
) -> NoticeView {
    let notice = timeline.notice;
    let version = &notice.versions[index];
    let status = timeline.status(index);
    let forms = form_links(site, version, form, &format!("{root}{folder}"));
    let updates = updates(site, notice, index, form, root);
    let upcoming = if status == Status::Current {
        upcoming(site, timeline, form, root)
    } else {
        Vec::new()
    };
    NoticeView {
        slug: notice.slug.clone(),
        title: version.title.clone(),
        service: version.service.clone(),
        controllers: version.controllers.clone(),
        processor: version.processor.clone(),
        version: version.number.value.to_string(),
        status,
        effective: site.date(version.effective.value),
        in_effect_until: timeline.in_effect_until(index).map(|d| site.date(d)),
        last_updated: site.date(notice.last_major_change(version)),
        toc: body.toc.clone(),
        first_layer: if form == Form::Standard
            && crate::languages::LanguageChecks::of(&site.strings.tag).privacy_checklist
        {
            crate::render::first_layer::first_layer(version, &site.strings)
        } else {
            Vec::new()
        },
        body: body.html.clone(),
        easy_read: Vec::new(),
        form,
        forms,
        current_href: timeline.current_version().map(|current| {
            format!(
                "{root}{}/{}",
                notice.slug,
                current.form_to_link(form).folder()
            )
        }),
        updates,
        changes_href: format!("{root}{}", changes_folder(&notice.slug)),
        upcoming,
        large_print_size_pt: site.large_print_size_pt,
        handouts: Vec::new(),
        out_of_date: version.out_of_date_text.map(|n| n.to_string()),
    }
}
