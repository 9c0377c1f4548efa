//! Links to other websites, for `clearnotice check --external`. They are listed with
//! where they were written and tried by connecting to their server (no page is
//! fetched); a machine with no network says so rather than failing.

use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use pulldown_cmark::{Event, Tag};

use crate::model::Site;
use crate::text::autolink::read_linked;

#[derive(Debug, Clone)]
pub struct ExternalLink {
    /// `file:line` where it was written.
    pub location: String,
    pub url: String,
}

/// Every `http(s)://` link in the notices' Markdown (and every web address written
/// as plain text, which becomes a link), each place it appears.
pub fn external_links(site: &Site) -> Vec<ExternalLink> {
    let mut links = Vec::new();
    for notice in &site.notices {
        for version in &notice.versions {
            let texts =
                std::iter::once((&version.source, version.body.as_str(), version.body_offset))
                    .chain(
                        version
                            .own_text(crate::forms::Form::EasyRead)
                            .map(|e| (e, &*e.text, 0)),
                    );
            for (source, markdown, offset) in texts {
                // With the addresses written as plain text, which the pages link too.
                for (event, range) in read_linked(markdown) {
                    if let Event::Start(Tag::Link { dest_url, .. }) = event {
                        if dest_url.starts_with("http://") || dest_url.starts_with("https://") {
                            let (line, _) = source.line_col(range.start + offset);
                            links.push(ExternalLink {
                                location: format!("{}:{line}", source.path.display()),
                                url: dest_url.to_string(),
                            });
                        }
                    }
                }
            }
        }
    }
    links
}

/// Tries to connect to the link's server: `Ok(())` if it answers.
pub fn try_link(url: &str) -> Result<(), String> {
    let (secure, rest) = match url.split_once("://") {
        Some(("https", rest)) => (true, rest),
        Some((_, rest)) => (false, rest),
        None => return Err("not a web address".to_string()),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let address = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:{}", if secure { 443 } else { 80 })
    };
    let addresses = address
        .to_socket_addrs()
        .map_err(|err| format!("could not look up {host}: {err}"))?;
    let mut last = "no address".to_string();
    for addr in addresses {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
            Ok(_) => return Ok(()),
            Err(err) => last = err.to_string(),
        }
    }
    Err(format!("could not connect to {host}: {last}"))
}
