//! `clearnotice check`: what the checklist and the rules find, for people (a table per
//! notice), for tools (`--format json`) or for GitHub (`--format github`); and
//! `clearnotice explain`, which says what a problem's code means.

use std::process::ExitCode;

use clearnotice::check::checklist::Coverage;
use clearnotice::check::external::try_link;
use clearnotice::diagnostics::{Code, Problem, CODES};
use clearnotice::{BuildOptions, Inspection};

use super::args::{CheckArgs, CheckFormat};
use super::report::{describe, plural, show};

pub(crate) fn run_check(args: CheckArgs) -> ExitCode {
    let options = BuildOptions {
        today: args.date,
        ..BuildOptions::new(&args.root)
    };
    let inspection = match clearnotice::inspect(&options) {
        Ok(inspection) => inspection,
        Err(failure) => {
            print_problems(&args, &failure.problems);
            if args.format == CheckFormat::Text {
                eprintln!(
                    "The notices have problems that stop the website being built: fix these first."
                );
            }
            return ExitCode::FAILURE;
        }
    };
    let missing = missing_items(&inspection);
    match args.format {
        CheckFormat::Text => print_text(&args, &inspection, missing),
        CheckFormat::Json => print_json(
            &inspection.warnings,
            notices_json(&inspection),
            Some(missing),
        ),
        CheckFormat::Github => print_problems(&args, &inspection.warnings),
    }
    if args.strict && (missing > 0 || !inspection.warnings.is_empty()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Problems in the format asked for. JSON on a failed check has no notices.
fn print_problems(args: &CheckArgs, problems: &[Problem]) {
    match args.format {
        CheckFormat::Text => show(problems),
        CheckFormat::Json => print_json(problems, Vec::new(), None),
        CheckFormat::Github => {
            // The runner finds a file from the workspace, where the workflow runs.
            let cwd = std::env::current_dir().unwrap_or_default();
            let root = args.root.strip_prefix(&cwd).unwrap_or(&args.root);
            for problem in problems {
                println!("{}", problem.github_annotation(root));
            }
        }
    }
}

/// How many checklist items the notices leave out (or say they leave out).
fn missing_items(inspection: &Inspection) -> usize {
    inspection
        .notices
        .iter()
        .flat_map(|notice| &notice.items)
        .filter(|(_, coverage)| matches!(coverage, Coverage::Missing | Coverage::MarkedNotCovered))
        .count()
}

/// Each notice's checklist, as `--format json` gives it.
fn notices_json(inspection: &Inspection) -> Vec<serde_json::Value> {
    inspection
        .notices
        .iter()
        .map(|notice| {
            let items: Vec<serde_json::Value> = notice
                .items
                .iter()
                .map(|(item, coverage)| {
                    let (state, detail) = match coverage {
                        Coverage::Covered(evidence) => (
                            "covered",
                            serde_json::json!({"line": evidence.line, "text": evidence.text}),
                        ),
                        Coverage::NotApplicable { reason } => {
                            ("not-applicable", serde_json::json!({ "reason": reason }))
                        }
                        Coverage::MarkedNotCovered => ("marked-not-covered", serde_json::json!({})),
                        Coverage::Missing => ("missing", serde_json::json!({})),
                    };
                    serde_json::json!({"id": item.id, "label": item.label, "state": state, "found": detail})
                })
                .collect();
            let not_checked: Vec<serde_json::Value> = notice
                .not_checked
                .iter()
                .map(|(language, file)| serde_json::json!({"language": language, "file": file}))
                .collect();
            serde_json::json!({
                "slug": notice.slug, "file": notice.file, "version": notice.version,
                "items": items, "not_checked": not_checked,
                "readability": notice.readability.as_ref().map(super::readability::json),
            })
        })
        .collect()
}

/// The one JSON document `--format json` prints: the problems, each notice's
/// checklist (none when the site does not build) and how many items are missing.
fn print_json(problems: &[Problem], notices: Vec<serde_json::Value>, missing: Option<usize>) {
    let records: Vec<_> = problems.iter().map(Problem::record).collect();
    let mut json = serde_json::json!({
        "clearnotice": env!("CARGO_PKG_VERSION"),
        "problems": records,
        "notices": notices,
    });
    if let Some(missing) = missing {
        json["missing_items"] = missing.into();
    }
    println!("{json:#}");
}

fn print_text(args: &CheckArgs, inspection: &Inspection, missing: usize) {
    show(&inspection.warnings);
    for notice in &inspection.notices {
        println!(
            "\n{} — {} (version {})",
            notice.slug,
            notice.file.display(),
            notice.version
        );
        for (item, coverage) in &notice.items {
            let (state, detail) = match coverage {
                Coverage::Covered(evidence) => ("covered", describe(evidence)),
                Coverage::NotApplicable { reason } => ("not applicable", reason.clone()),
                Coverage::MarkedNotCovered => (
                    "MISSING",
                    format!("{} (not_covered in the front-matter)", item.label),
                ),
                Coverage::Missing => ("MISSING", item.label.to_string()),
            };
            println!("  {state:<15} {:<21} {detail}", item.id);
        }
        if let Some(report) = &notice.readability {
            super::readability::print(report);
        }
        for (language, file) in &notice.not_checked {
            println!(
                "  {:<15} {language:<21} {}: the checklist reads the version file's English text only, so this text is not checked (neither covered nor missing)",
                "not checked",
                file.display()
            );
        }
    }
    println!(
        "\n{} {}: {missing} checklist {} missing; {} easy-read or other {}.",
        inspection.notices.len(),
        plural(inspection.notices.len(), "notice", "notices"),
        plural(missing, "item", "items"),
        inspection.warnings.len(),
        plural(inspection.warnings.len(), "warning", "warnings")
    );
    for language in inspection
        .languages
        .iter()
        .filter(|l| !clearnotice::languages::LanguageChecks::of(l).all())
    {
        println!(
            "In {language}: the easy-read rules check pictures, sentence length, italics and capitals (numbers written as words are looked for in English only); the privacy checklist is not checked (its words are English)."
        );
    }
    if args.external {
        print_external_links(inspection);
    }
}

fn print_external_links(inspection: &Inspection) {
    println!("\nLinks to other websites:");
    let mut unreachable = 0;
    for link in &inspection.external_links {
        match try_link(&link.url) {
            Ok(()) => println!("  reachable    {}  ({})", link.url, link.location),
            Err(why) => {
                unreachable += 1;
                println!("  not reached  {}  ({}): {why}", link.url, link.location)
            }
        }
    }
    if unreachable == inspection.external_links.len() && unreachable > 0 {
        println!("None could be reached: this computer may have no internet connection. That is not counted as a failure.");
    }
}

/// `clearnotice explain [CODE]`: one code's meaning and fix, or the list of codes.
pub(crate) fn run_explain(code: Option<&str>) -> ExitCode {
    let Some(text) = code else {
        for info in CODES {
            println!("{}  {}", info.number, info.name);
        }
        println!("\nclearnotice explain CODE says what one means and how to fix it.");
        return ExitCode::SUCCESS;
    };
    match Code::find(text.trim()) {
        Some(code) => {
            let info = code.info();
            println!("{} {}\n\n{}", info.number, info.name, info.fix);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "{text:?} is not a problem code: codes are like CN0504 (clearnotice explain lists them all)"
            );
            ExitCode::FAILURE
        }
    }
}
