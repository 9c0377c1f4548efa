//! `sitemap.xml` (the current pages of every form, with the date of the newest
//! change) and `robots.txt` (which points crawlers at it).

use crate::addresses::{changes_folder, notice_folder};
use crate::forms::Form;
use crate::render::{OutputFile, SiteRender, SiteWideEntry};

pub(crate) fn sitemap(site: &SiteRender, notices: &[(&str, &SiteWideEntry)]) -> OutputFile {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let mut url = |path: String, lastmod: Option<String>| {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc>",
            site.base_url,
            escape_xml(&path)
        ));
        if let Some(date) = lastmod {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    };
    url(String::new(), None);
    for (slug, notice) in notices {
        let Some(lastmod) = notice.lastmod else {
            continue;
        };
        let lastmod = Some(lastmod.to_string());
        for form in Form::ALL
            .into_iter()
            .filter(|&v| v != Form::EasyRead || notice.has_easy_read)
        {
            url(
                format!("{}{}", notice_folder(slug), form.folder()),
                lastmod.clone(),
            );
        }
        url(changes_folder(slug), lastmod);
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: format!("{}sitemap.xml", site.prefix),
        bytes: xml.into_bytes(),
    }
}

/// One robots.txt for the site, naming each language's sitemap.
pub(crate) fn robots(languages: &[SiteRender]) -> OutputFile {
    let mut text = String::from("User-agent: *\nAllow: /\n\n");
    for site in languages {
        text.push_str(&format!("Sitemap: {}sitemap.xml\n", site.base_url));
    }
    OutputFile {
        path: "robots.txt".to_string(),
        bytes: text.into_bytes(),
    }
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
