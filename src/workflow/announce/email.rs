//! The .eml of the pack: a multipart/alternative message with a text and an HTML
//! part, written, never sent.

use mail_builder::headers::content_type::ContentType;
use mail_builder::mime::MimePart;
use mail_builder::MessageBuilder;

use crate::model::{Date, Version};
use crate::render::context::ContactView;

/// What the .eml says and who it is from.
pub(super) struct Email<'a> {
    pub(super) subject: &'a str,
    pub(super) text: &'a str,
    pub(super) html: &'a str,
    pub(super) contact: &'a ContactView,
    pub(super) config: &'a crate::model::SiteConfig,
    pub(super) slug: &'a str,
    pub(super) version: &'a Version,
    pub(super) today: Date,
}

/// The .eml: a multipart/alternative message, its boundary and Message-ID made from
/// the content, so the same input gives the same bytes.
pub(super) fn email(email: Email) -> Vec<u8> {
    let Email {
        subject,
        text,
        html,
        contact,
        config,
        slug,
        version,
        today,
    } = email;
    let digest = xxhash_rust::xxh3::xxh3_64(format!("{subject}{text}{html}").as_bytes());
    let domain = url::Url::parse(&config.base_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "example.org".to_string());
    // 09:00 UTC on the pack's day.
    let epoch = Date::new(1970, 1, 1).expect("a valid date");
    let seconds = today.duration_since(epoch).as_secs() + 9 * 3600;
    let body = MimePart::new(
        ContentType::new("multipart/alternative")
            .attribute("boundary", format!("clearnotice-{digest:016x}")),
        vec![
            MimePart::new("text/plain", text.to_string()),
            MimePart::new("text/html", html.to_string()),
        ],
    );
    let mut message = MessageBuilder::new()
        .subject(subject.to_string())
        .message_id(format!(
            "{slug}-{}.{digest:016x}@{domain}",
            version.number.value
        ))
        .date(seconds)
        .body(body);
    let sender = contact
        .email
        .clone()
        .unwrap_or_else(|| format!("privacy@{domain}"));
    message = message.from((config.organisation.clone(), sender));
    message.write_to_vec().unwrap_or_default()
}
