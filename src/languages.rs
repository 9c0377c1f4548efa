//! A notice as the readers of one of the site's other languages see it: each version
//! with its translation's title, service, summary and texts swapped in, so that render
//! needs to know nothing of translations. A version whose translation is not written
//! yet shows the newest earlier translation, marked as out of date — never, silently,
//! the default language's text.

use crate::diagnostics::{Code, Problem};
use crate::forms::Form;
use crate::model::{Date, Notice, Version};

/// The checks that read words, and whether each runs on text in a language: the
/// one place that decides it (their word lists are English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageChecks {
    /// The privacy checklist (its items are found by English words).
    pub privacy_checklist: bool,
    /// Easy read's numbers written as words ("three") are looked for.
    pub number_words: bool,
    /// The readability report (the Flesch formulas and the hard-word list are
    /// English; other languages' formulas need other syllable rules).
    pub readability: bool,
}

impl LanguageChecks {
    /// What runs on text in `language` (a tag).
    pub fn of(language: &str) -> LanguageChecks {
        let english = language == "en" || language.starts_with("en-");
        LanguageChecks {
            privacy_checklist: english,
            number_words: english,
            readability: english,
        }
    }

    /// Whether every check runs: a language some check skips is named where the
    /// checks are reported.
    pub fn all(self) -> bool {
        self.privacy_checklist && self.number_words && self.readability
    }
}

/// `notice` in `language` (a tag, with `name` its name in itself, for warnings), or
/// `None` where no version of it is translated into that language. The warnings say
/// where the version in effect on `today` shows an out-of-date translation.
pub fn in_language(
    notice: &Notice,
    language: &str,
    name: &str,
    today: Date,
) -> Option<(Notice, Vec<Problem>)> {
    let first = notice
        .versions
        .iter()
        .position(|v| v.translations.contains_key(language))?;
    let mut versions = Vec::new();
    let mut shown: Option<&Version> = None;
    for version in &notice.versions[first..] {
        let own = version.translations.contains_key(language);
        if own {
            shown = Some(version);
        }
        let source = shown.expect("the first version from here on is translated");
        let mut translated = translate(version, source, language);
        if !own {
            translated.out_of_date_text = Some(source.number.value);
        }
        versions.push(translated);
    }
    let projected = Notice {
        slug: notice.slug.clone(),
        folder: notice.folder.clone(),
        versions,
        files: notice.files.clone(),
    };
    let warnings = projected
        .current_version(today)
        .and_then(|current| {
            let old = current.out_of_date_text?;
            Some(
                current
                    .source
                    .problem(Code::TranslationOutOfDate,
                        current.number.span.clone(),
                        format!(
                            "the {name} ({language}) text of {} {} is missing: {name} readers see version {old}'s {name} text, marked as out of date",
                            notice.slug, current.number.value
                        ),
                    )
                    .with_help(format!(
                        "Translate {number}.md into {name} as {number}.{language}.md beside it (its front-matter: title, service and summary only).",
                        number = current.number.value
                    ))
                    .warning(),
            )
        })
        .into_iter()
        .collect();
    Some((projected, warnings))
}

/// `version`, with the words of `source`'s translation into `language` (its own, or
/// an older version's).
fn translate(version: &Version, source: &Version, language: &str) -> Version {
    let translation = &source.translations[language];
    let mut translated = version.clone();
    translated.title = translation.title.clone();
    translated.service = translation.service.clone();
    translated.summary = if std::ptr::eq(version, source) {
        translation.summary.clone()
    } else {
        // An older translation's summary describes an older change.
        None
    };
    translated.body = translation.body.clone();
    translated.body_offset = translation.body_offset;
    translated.texts.remove(&Form::EasyRead);
    if let Some(easy_read) = &translation.easy_read {
        translated.texts.insert(Form::EasyRead, easy_read.clone());
    }
    // The easy-read letter's summary is the default language's; a translation has none.
    translated.easy_read_summary = None;
    translated.translations.clear();
    translated
}
