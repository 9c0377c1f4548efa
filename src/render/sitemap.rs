//! `sitemap.xml` (the current pages of every form, with the date of the newest
//! change) and `robots.txt` (which points crawlers at it).

use crate::addresses::{changes_folder, notice_folder};
use crate::forms::Form;
use crate::render::{NoticeOutput, OutputFile, SiteRender};

pub fn sitemap<N: std::borrow::Borrow<NoticeOutput>>(
    site: &SiteRender,
    notices: &[N],
) -> OutputFile {
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
    for notice in notices.iter().map(std::borrow::Borrow::borrow) {
        let Some(lastmod) = notice.lastmod else {
            continue;
        };
        let lastmod = Some(lastmod.to_string());
        for form in Form::ALL
            .into_iter()
            .filter(|&v| v != Form::EasyRead || notice.has_easy_read)
        {
            url(
                format!("{}{}", notice_folder(&notice.slug), form.folder()),
                lastmod.clone(),
            );
        }
        url(changes_folder(&notice.slug), lastmod);
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_string(),
        bytes: xml.into_bytes(),
    }
}

pub fn robots(site: &SiteRender) -> OutputFile {
    OutputFile {
        path: "robots.txt".to_string(),
        bytes: format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.base_url
        )
        .into_bytes(),
    }
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
