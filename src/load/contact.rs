//! Checking a `[contact]` block, in site.toml or in a version's front-matter: it is
//! printed in the footer of every page and at the end of every handout, and each of
//! its values becomes a link (`https:`, `mailto:`, `tel:`), so each must be what its
//! key says — never `javascript:…` — and the block must give at least one way to
//! reach someone.

use std::ops::Range;

use crate::diagnostics::{Code, Problem, SourceFile};
use crate::model::Contact;

/// Problems of `contact`, written in `source` (the `[contact]` table at or after
/// byte `from`).
pub(crate) fn check_contact(contact: &Contact, source: &SourceFile, from: usize) -> Vec<Problem> {
    let table = table_start(source, from);
    let at = |key: &str| key_span(source, table, key);
    let mut problems = Vec::new();
    if contact.address.iter().all(|l| l.trim().is_empty())
        && [&contact.phone, &contact.email, &contact.web]
            .iter()
            .all(|v| v.as_deref().is_none_or(|v| v.trim().is_empty()))
    {
        problems.push(
            source
                .problem(Code::ContactNoWayToReach, table..table + "[contact]".len(), "this [contact] block gives no way to reach you")
                .with_help("Every page says to use these details to ask about the notice: give at least one of address, phone, email or web, like email = \"data@example.org\"."),
        );
    }
    if let Some(web) = &contact.web {
        if !is_web_address(web) {
            problems.push(
                source
                    .problem(Code::ContactWebInvalid, at("web"), format!("`web` must be a web address starting https:// or http://, not {web:?}"))
                    .with_help("Write the full address of your contact page, like web = \"https://example.org/contact\"."),
            );
        }
    }
    if let Some(email) = &contact.email {
        if !is_email_address(email) {
            problems.push(
                source
                    .problem(Code::ContactEmailInvalid, at("email"), format!("`email` must be an email address, not {email:?}"))
                    .with_help("Write the address alone, like email = \"data@example.org\" (no mailto:, no name, no spaces)."),
            );
        }
    }
    if let Some(phone) = &contact.phone {
        if !is_phone_number(phone) {
            problems.push(
                source
                    .problem(Code::ContactPhoneInvalid, at("phone"), format!("`phone` must be a phone number, not {phone:?}"))
                    .with_help("Write the number with digits, spaces and + ( ) - only, like phone = \"0151 702 5524\" or \"+44 151 702 5524\"."),
            );
        }
    }
    for (key, value) in [("name", &contact.name)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            problems.push(
                source
                    .problem(Code::ContactEmptyValue, at(key), format!("`{key}` is empty"))
                    .with_help("Write who to contact, like name = \"Data Protection Lead\", or delete the line."),
            );
        }
    }
    problems
}

/// An absolute `http:` or `https:` address with a host, and nothing that could make
/// it anything else.
pub(crate) fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    url::Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
}

/// `local@domain.tld`: one `@`, a dotted domain, and no spaces, quotes, angle brackets
/// or other signs that would make a `mailto:` link do more than address a message.
pub(crate) fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed_local = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    let allowed_domain = |c: char| c.is_alphanumeric() || c == '-' || c == '.';
    !local.is_empty()
        && local.chars().all(allowed_local)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && domain.contains('.')
        && domain.chars().all(allowed_domain)
        && domain.split('.').all(|label| !label.is_empty())
}

/// Digits and the signs phone numbers are written with, and enough digits to dial.
pub(crate) fn is_phone_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-.".contains(c))
        && text
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '(')
}

/// Where the `[contact]` header is (or `from`, if it is written inline).
fn table_start(source: &SourceFile, from: usize) -> usize {
    let text = &source.text[from.min(source.text.len())..];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[contact]") {
            return from + offset + (line.len() - line.trim_start().len());
        }
        offset += line.len();
    }
    from
}

/// The line of `key = …` after `table`, to point a problem at it.
fn key_span(source: &SourceFile, table: usize, key: &str) -> Range<usize> {
    let mut offset = table;
    for line in source.text[table..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                let start = offset + (line.len() - trimmed.len());
                return start..offset + line.trim_end().len();
            }
        }
        offset += line.len();
    }
    table..table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses() {
        for good in [
            "https://psspeople.com/who-we-are/tell-us",
            "http://example.org",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "example.org/contact",
            "ftp://example.org",
            "https://",
            "https://exa mple.org",
            "mailto:a@b.org",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        for good in ["data@pss.org.uk", "first.last+notices@example.co.uk"] {
            assert!(is_email_address(good), "{good}");
        }
        for bad in [
            "data",
            "data@",
            "@pss.org.uk",
            "mailto:data@pss.org.uk",
            "data@pss",
            "Data Lead <data@pss.org.uk>",
            "data@pss.org.uk?subject=x&body=y",
            "data@pss..uk",
            "da\"ta@pss.org.uk",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers() {
        for good in [
            "0151 702 5524",
            "+44 (0)151 702-5524",
            "999",
            "029 2000 0000",
        ] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in [
            "call us",
            "12",
            "0151 702 5524 ext. 4",
            "javascript:1",
            "+44<b>",
            "",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }
}
