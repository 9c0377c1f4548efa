//! The `clearnotice` command: parses the command line and shows results and problems.
//! All the work is in the library, so tests and `serve` run the same build.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use clearnotice::diagnostics::{render_problems, Problem};
use clearnotice::model::Date;
use clearnotice::{build, BuildOptions};

/// clearnotice turns privacy notices written in Markdown into an accessible website.
///
/// Run it in your site's folder: the one with site.toml and a content/ folder that
/// has one folder per notice (content/general/1.0.md, content/general/1.1.md, ...).
#[derive(Parser)]
#[command(name = "clearnotice", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website from your notices, ready to publish.
    ///
    /// Reads site.toml and content/, checks every notice (and its version history),
    /// and writes the website to public/ (or the folder you choose). If anything is
    /// wrong, it lists every problem with the file and line, writes nothing, and your
    /// last good website stays as it was.
    Build(BuildArgs),
}

#[derive(clap::Args)]
struct BuildArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    root: PathBuf,

    /// Where to write the website. Default: output_dir in site.toml, or public/ in
    /// the site's folder. clearnotice replaces this folder whole, so it will only use
    /// a new or empty folder, or one it made before.
    #[arg(long, value_name = "FOLDER")]
    output_dir: Option<PathBuf>,

    /// The address the website will be published at, instead of base_url in
    /// site.toml. Use it for a staging copy, like https://staging.example.org/.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,

    /// Write the pages as readable HTML instead of minified (for looking at the
    /// output; the website works the same either way).
    #[arg(long)]
    no_minify: bool,

    /// Build the website as it will be on this day (YEAR-MONTH-DAY), to see a change
    /// that takes effect later. Default: SOURCE_DATE_EPOCH if set, else today. The
    /// newest version whose effective date has come is the current one.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,

    /// Treat warnings as errors: stop the build if an easy-read text breaks a rule
    /// (a long sentence, a point without a picture, ...) or a notice has no easy read.
    #[arg(long)]
    strict: bool,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| {
            format!("{text:?} is not a date: write it as YEAR-MONTH-DAY, like 2025-03-01")
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(args),
    }
}

fn run_build(args: BuildArgs) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        output_dir: args.output_dir,
        base_url: args.base_url,
        minify: !args.no_minify,
        today: args.date,
        strict: args.strict,
    };
    match build(&options) {
        Ok(report) => {
            show(&report.warnings);
            eprintln!(
                "Built {} {} into {}: {} {} in {} ms.",
                report.notices,
                plural(report.notices, "notice", "notices"),
                report.output_dir.display(),
                report.pages,
                plural(report.pages, "page", "pages"),
                report.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => {
            show(&failure.problems);
            let errors = failure.errors().count();
            eprintln!(
                "The build stopped: {errors} {} to fix. Nothing was written; the last good website is unchanged.",
                plural(errors, "problem", "problems")
            );
            ExitCode::FAILURE
        }
    }
}

fn show(problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", render_problems(problems, colour));
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
