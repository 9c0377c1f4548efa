//! The rules for a version's translations: each in one of the site's languages, and
//! its texts held to the same Markdown and easy-read rules as the default language's.

use crate::check::{easy_read, markdown};
use crate::diagnostics::{Code, Problem};
use crate::model::{Notice, Site, Version};
use crate::theme::Theme;

pub(crate) fn check_translations(
    notice: &Notice,
    version: &Version,
    site: &Site,
    theme: &Theme,
    problems: &mut Vec<Problem>,
) {
    let languages = site.config.all_languages();
    for (language, translation) in &version.translations {
        if *language == languages[0] {
            problems.push(
                translation
                    .source
                    .problem(Code::TranslationInSiteLanguage, 0..0, format!("this is a translation into {language}, the site's own language: the version file itself is in {language}"))
                    .with_help(format!("Delete this file, or if the version file is in another language, make {language} one of the site's other languages and the other language the first of `languages`.")),
            );
            continue;
        }
        if !languages[1..].contains(language) {
            let listed = languages
                .iter()
                .map(|l| format!("\"{l}\""))
                .collect::<Vec<_>>()
                .join(", ");
            problems.push(
                translation
                    .source
                    .problem(Code::TranslationNotPublished, 0..0, format!("this is a translation into {language}, but the site is not published in {language}"))
                    .with_help(format!("Add it to the site's languages in site.toml: languages = [{listed}, \"{language}\"]; or rename the file if {language} is not the language it is in.")),
            );
            continue;
        }
        markdown::check_markdown_text(
            &translation.source,
            &translation.body,
            translation.body_offset,
            Some(&site.config.images),
            problems,
        );
        if let Some(text) = &translation.easy_read {
            markdown::check_markdown_text(text, &text.text, 0, None, problems);
            easy_read::check_easy_read(notice, text, language, site, theme, problems);
        }
    }
}
