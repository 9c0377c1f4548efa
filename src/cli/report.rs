//! What the terminal shows: problems (with their source lines), summaries of what
//! many notices share, where a build's time went.

use std::io::IsTerminal;

use clearnotice::check::checklist::{Evidence, Found};
use clearnotice::diagnostics::{render_problems, Problem};

pub(crate) fn print_timings(t: &clearnotice::Timings) {
    let ms = |d: std::time::Duration| format!("{:>8.1} ms", d.as_secs_f64() * 1000.0);
    eprintln!("Time by stage:");
    eprintln!("  load    {}", ms(t.load));
    eprintln!("  check   {}", ms(t.check));
    eprintln!(
        "  render  {}  (writing each file as it is made; summed over threads: minify {}, CSS {})",
        ms(t.render),
        ms(t.minify).trim(),
        ms(t.css).trim()
    );
    eprintln!("  links   {}", ms(t.links));
    eprintln!(
        "  commit  {}  (new and changed files put in place, old ones removed)",
        ms(t.write)
    );
    if t.slowest.is_empty() {
        eprintln!("No notice rendered: each was taken from the build cache.");
        return;
    }
    eprintln!("Slowest notices to render:");
    for (slug, took) in &t.slowest {
        eprintln!("  {} {slug}", ms(*took));
    }
}

/// Where the check found an item: the heading or sentence, shortened, and its line.
pub(crate) fn describe(evidence: &Evidence) -> String {
    const LONGEST: usize = 90;
    let text: String = if evidence.text.chars().count() > LONGEST {
        let cut: String = evidence.text.chars().take(LONGEST).collect();
        format!("{}…", cut.trim_end())
    } else {
        evidence.text.clone()
    };
    let how = match evidence.found {
        Found::HeadingId => "heading id",
        Found::Heading => "heading",
        Found::Sentence => "sentence",
    };
    format!("{how} \"{text}\", line {}", evidence.line)
}

pub(crate) fn show(problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", render_problems(problems, colour));
}

/// As [`show`], with what many notices share summarised (`clearnotice check` has
/// the detail).
pub(crate) fn show_summarised(problems: &[Problem]) {
    let (shown, summary) = clearnotice::diagnostics::summarise(problems);
    let shown: Vec<Problem> = shown.into_iter().cloned().collect();
    show(&shown);
    for line in summary {
        eprintln!("  ⚠ {line}");
    }
}

pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
