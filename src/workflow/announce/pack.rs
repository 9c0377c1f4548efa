//! Every file of an announcement pack, made from the version, the site and the
//! theme's `announce/` templates: the email (text, HTML, .eml), the letters (standard
//! and large print, HTML and PDF), the easy-read letter where the version has an
//! easy-read summary, and the text message.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::email::{email, Email};
use super::letters::{easy_read_letter, letter_pdf};
use super::text::plain_text;
use super::{readme, PackFiles, PackTemplates, SMS_LIMIT};
use crate::addresses::{compare_folder, handout_file, notice_folder, version_folder};
use crate::diagnostics::{Code, Problem};
use crate::forms::Form;
use crate::model::{Date, Notice, Site, Version};
use crate::render::context::ContactView;
use crate::render::handouts::data::HandoutSource;
use crate::render::handouts::Typesetter;
use crate::render::markdown::render_markdown;
use crate::text::document::parse_document;
use crate::theme::strings::Strings;
use crate::theme::Theme;

/// Values the pack's templates show.
#[derive(Serialize)]
struct NoticeFacts {
    title: String,
    service: String,
    organisation: String,
    version: String,
    effective: String,
    summary: String,
    /// The version's file, where `announced` goes.
    file: String,
}

#[derive(Serialize, Default)]
struct Links {
    version: String,
    version_label: String,
    compare: String,
    compare_label: String,
    easy_read: Option<String>,
    easy_read_label: Option<String>,
    easy_read_short: Option<String>,
    easy_read_pdf: Option<String>,
    easy_read_pdf_label: Option<String>,
    large_print: String,
    large_print_label: String,
    large_print_pdf: Option<String>,
    large_print_pdf_label: Option<String>,
    notice_short: String,
}

/// The language a pack is made in.
pub(super) struct Language {
    pub strings: Strings,
    /// Where the site's pages in it are: `cy/` (empty for the default language).
    pub prefix: String,
    /// The folders of the packs in the site's other languages (for the default
    /// language's README).
    pub other_folders: Vec<String>,
}

/// Every file of the pack in `language`, by name. `notice` and `version` are as
/// that language's readers see them.
pub(super) fn pack(
    site: &Site,
    theme: &Theme,
    notice: &Notice,
    version: &Version,
    today: Date,
    language: Language,
) -> Result<PackFiles, Vec<Problem>> {
    let mut pack = Pack::new(site, theme, notice, version, today, language)?;
    let mut files = BTreeMap::new();
    pack.email(&mut files)?;
    pack.letters(&mut files)?;
    pack.easy_read_letter(&mut files)?;
    pack.text_message(&mut files)?;
    let readme = readme(&pack.templates, &pack.strings, &mut pack.context, &files)?;
    files.insert("README.txt".to_string(), readme.into_bytes());
    Ok(files)
}

/// What every file of a pack is made from.
struct Pack<'a> {
    site: &'a Site,
    theme: &'a Theme,
    notice: &'a Notice,
    version: &'a Version,
    today: Date,
    contact: ContactView,
    /// What the templates see: the notice's facts, its links, the contact, the day.
    context: Context,
    templates: PackTemplates,
    /// The strings of the pack's language.
    strings: Strings,
    /// The message the email and the letters say, as Markdown and as HTML.
    message: String,
    body_html: String,
    /// The letters' title.
    title: String,
    /// The version's own page, which the letters' links start from.
    page_url: String,
    typesetter: Typesetter<'a>,
}

impl<'a> Pack<'a> {
    fn new(
        site: &'a Site,
        theme: &'a Theme,
        notice: &'a Notice,
        version: &'a Version,
        today: Date,
        language: Language,
    ) -> Result<Self, Vec<Problem>> {
        let config = &site.config;
        let Language {
            strings,
            prefix,
            other_folders,
        } = language;
        let contact = ContactView::new(
            version.contact.as_ref().unwrap_or(&config.contact),
            &config.organisation,
        );
        let facts = NoticeFacts {
            title: version.title.clone(),
            service: version.service.clone(),
            organisation: config.organisation.clone(),
            version: version.number.value.to_string(),
            effective: strings.date(version.effective.value),
            summary: version.summary.clone().unwrap_or_default(),
            file: version.source.path.display().to_string(),
        };
        let mut context = Context::new();
        context.insert("notice", &facts);
        context.insert("links", &links(site, notice, version, &prefix));
        context.insert("contact", &contact);
        context.insert("today", &today.to_string());
        context.insert("language", &strings.tag);
        context.insert("languages", &other_folders.join(", "));
        let templates = PackTemplates::parse(theme, &strings)?;
        let message = templates.markdown("announce/message.md", &context)?;
        Ok(Pack {
            body_html: render_markdown(&message).html,
            title: strings.fill(
                "announce_letter_title",
                &[("title", &version.title), ("date", &facts.effective)],
            ),
            page_url: format!(
                "{}{prefix}{}",
                config.base_url,
                version_folder(notice, version, false)
            ),
            typesetter: Typesetter::new(theme),
            site,
            theme,
            notice,
            version,
            today,
            contact,
            context,
            templates,
            strings,
            message,
        })
    }

    /// The email: as text, as HTML, and both in one message to import (`.eml`).
    fn email(&self, files: &mut PackFiles) -> Result<(), Vec<Problem>> {
        let subject = self
            .strings
            .fill("announce_subject", &[("title", &self.version.title)]);
        let email_text = plain_text(&parse_document(&self.message));
        let email_html =
            self.templates
                .html("announce/email.html", &subject, &self.body_html, 12)?;
        let eml = email(Email {
            subject: &subject,
            text: &email_text,
            html: &email_html,
            contact: &self.contact,
            config: &self.site.config,
            slug: &self.notice.slug,
            version: self.version,
            today: self.today,
        });
        files.insert("email.txt".to_string(), email_text.into_bytes());
        files.insert("email.html".to_string(), email_html.into_bytes());
        files.insert("email.eml".to_string(), eml);
        Ok(())
    }

    /// The letter, standard and large print, as HTML and as PDF.
    fn letters(&self, files: &mut PackFiles) -> Result<(), Vec<Problem>> {
        let large = self.site.config.large_print.size_pt;
        for (name, size) in [("letter.html", 12), ("letter-large-print.html", large)] {
            let html =
                self.templates
                    .html("announce/letter.html", &self.title, &self.body_html, size)?;
            files.insert(name.to_string(), html.into_bytes());
        }
        for (name, size) in [("letter.pdf", 12), ("letter-large-print.pdf", large)] {
            let pdf = letter_pdf(
                &self.typesetter,
                self.site,
                &self.strings,
                &self.message,
                &self.title,
                size,
                &self.page_url,
                name,
                &self.version.source.path,
            )?;
            files.insert(name.to_string(), pdf);
        }
        Ok(())
    }

    /// The easy-read letter, where the version has an easy-read summary.
    fn easy_read_letter(&mut self, files: &mut PackFiles) -> Result<(), Vec<Problem>> {
        let Some(summary) = &self.version.easy_read_summary else {
            return Ok(());
        };
        self.context.insert("easy_read_summary", &summary.value);
        let easy_read = self
            .templates
            .markdown("announce/easy-read-message.md", &self.context)?;
        let source = HandoutSource {
            site: self.site,
            theme: self.theme,
            strings: &self.strings,
            notice: self.notice,
            version: self.version,
            contact: self.contact.clone(),
            title: self.strings.get("announce_heading"),
            page_url: self.page_url.clone(),
        };
        let (html, pdf) = easy_read_letter(&source, &self.typesetter, &self.templates, &easy_read)?;
        files.extend(html);
        files.insert("letter-easy-read.pdf".to_string(), pdf);
        Ok(())
    }

    /// The text message, refused over one message's length.
    fn text_message(&self, files: &mut PackFiles) -> Result<(), Vec<Problem>> {
        let sms = self.templates.text("announce/sms.txt", &self.context)?;
        let length = sms.chars().count();
        if length > SMS_LIMIT {
            return Err(vec![Problem::in_file(
                Code::TextMessageTooLong,
                self.theme.origin("announce/sms.txt"),
                format!("the text message is {length} characters, more than {SMS_LIMIT}: {sms}"),
            )
            .with_help("Shorten announce/sms.txt in the theme (or the organisation's name in site.toml): over 160 characters, a phone sends it as two or more messages.")]);
        }
        files.insert("sms.txt".to_string(), format!("{sms}\n").into_bytes());
        Ok(())
    }
}

/// Where the pack points: the version's own addresses, so a letter kept for years
/// still leads to the text it announced.
fn links(site: &Site, notice: &Notice, version: &Version, prefix: &str) -> Links {
    let base = &site.config.base_url;
    let url = |path: &str| format!("{base}{prefix}{path}");
    let label = |address: &str| {
        address
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_string()
    };
    let folder = version_folder(notice, version, false);
    let number = version.number.value.to_string();
    let version_url = url(&folder);
    let compare = url(&compare_folder(&notice.slug, &number));
    let large_print = url(&format!("{folder}{}", Form::LargePrint.folder()));
    let large_print_pdf = handout_file(notice, version, Form::LargePrint, false).map(|p| url(&p));
    let (easy_read, easy_read_pdf) = if version.has_form(Form::EasyRead) {
        (
            Some(url(&format!("{folder}{}", Form::EasyRead.folder()))),
            handout_file(notice, version, Form::EasyRead, false).map(|p| url(&p)),
        )
    } else {
        (None, None)
    };
    Links {
        version_label: label(&version_url),
        version: version_url,
        compare_label: label(&compare),
        compare,
        easy_read_label: easy_read.as_deref().map(label),
        easy_read_short: easy_read.as_deref().map(label),
        easy_read,
        easy_read_pdf_label: easy_read_pdf.as_deref().map(label),
        easy_read_pdf,
        large_print_label: label(&large_print),
        large_print,
        large_print_pdf_label: large_print_pdf.as_deref().map(label),
        large_print_pdf,
        notice_short: label(&url(&notice_folder(&notice.slug))),
    }
}
