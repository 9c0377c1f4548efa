//! Readability as a nudge: once per notice, where the current version's standard
//! text reads at a higher Flesch–Kincaid grade than the site's target for its
//! audience (`[readability]` in site.toml; `audience = "children"` in the
//! front-matter for the stricter one). The whole report is `clearnotice check`'s.

use crate::diagnostics::{Code, Problem};
use crate::model::{Audience, Date, Notice, SiteConfig};
use crate::text::readability::report;

/// The warning for `notice`'s version in effect on `today`, if it reads past its
/// target. English texts only (see [`crate::languages::LanguageChecks`]).
pub(crate) fn check_readability(
    notice: &Notice,
    config: &SiteConfig,
    today: Date,
    problems: &mut Vec<Problem>,
) {
    let Some(version) = notice.current_version(today) else {
        return;
    };
    let audience = version.audience.as_ref().map(|a| a.value);
    let (target, whose) = match audience {
        Some(Audience::Children) => (Some(config.readability.children_grade), "for children"),
        _ => (config.readability.grade, "for everyone"),
    };
    let Some(target) = target else {
        return;
    };
    let text = report(version);
    let grade = text.whole.grade();
    if text.whole.words == 0 || grade <= target {
        return;
    }
    // Point at the audience where it is set, else at the version's number.
    let span = version
        .audience
        .as_ref()
        .map_or_else(|| version.number.span.clone(), |a| a.span.clone());
    let hardest = text
        .hardest_section()
        .map(|s| {
            format!(
                "; hardest: \"{}\" at line {} (grade {:.1})",
                s.heading.as_deref().unwrap_or("the opening"),
                s.line,
                s.figures.grade()
            )
        })
        .unwrap_or_default();
    problems.push(
        version
            .source
            .problem(
                Code::HardToRead,
                span,
                format!(
                    "{} {} reads at grade {grade:.1}, past the site's target of {target} {whose}{hardest}",
                    notice.slug, version.number.value
                ),
            )
            .with_help(format!(
                "Shorter sentences and everyday words bring it down: `clearnotice check` shows each section, the longest sentence, {} hard words with plainer ones and {} sentences in the passive voice.",
                text.hard_words.len(),
                text.passive.len()
            ))
            .warning(),
    );
}
