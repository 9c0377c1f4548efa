//! The `clearnotice` command: parses the command line and shows results and problems.
//! All the work is in the library, so tests and `serve` run the same build.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use clearnotice::check::checklist::{Coverage, Evidence, Found};
use clearnotice::check::external::try_link;
use clearnotice::diagnostics::{render_problems, Problem};
use clearnotice::model::Change;
use clearnotice::model::Date;
use clearnotice::pipeline::Scope;
use clearnotice::serve::{self, ServeEvent, ServeOptions};
use clearnotice::workflow;
use clearnotice::BuildOptions;

// Rendering makes and drops many small strings on every core; mimalloc's per-thread
// heaps cut the time glibc's allocator spent on them (measured in benches/compare.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `0.2.0 (commit 1a2b3c4d5e6f)`: the release and the commit it was built from.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("CLEARNOTICE_COMMIT"),
    ")"
);

/// clearnotice turns privacy notices written in Markdown into an accessible website.
///
/// Run it in your site's folder: the one with site.toml and a content/ folder that
/// has one folder per notice (content/general/1.0.md, content/general/1.1.md, ...).
#[derive(Parser)]
#[command(name = "clearnotice", version = VERSION, about, long_about)]
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

    /// Preview the website while you edit: builds it, serves it on this computer, and
    /// updates the open pages each time you save a notice, a picture, a template or
    /// site.toml.
    ///
    /// Open the address it prints in your browser. If a save has a mistake, the page
    /// shows what and where (and so does this window); the last good version stays
    /// on screen until you fix it. The preview is kept in memory: public/ is not
    /// changed. Press Ctrl-C to stop.
    Serve(ServeArgs),

    /// Check the notices without publishing: which privacy information each one gives
    /// (UK GDPR Articles 13 and 14), the easy-read rules, and every link.
    ///
    /// Prints a table per notice: each item of the checklist covered (and where), not
    /// applicable (and why), or missing. With --strict it fails if anything is missing.
    Check(CheckArgs),

    /// Start a new site in an empty folder: site.toml, an example notice with its easy
    /// read, and a pictures folder. It builds straight away.
    Init {
        /// The folder to make the site in. Default: the current folder (if empty).
        #[arg(default_value = ".")]
        folder: PathBuf,
        /// The Git host to publish from: a workflow that checks every push and pull
        /// request with build --strict, publishes the main branch to its Pages, and
        /// builds daily at 00:30 UK time so an upcoming version becomes current.
        #[arg(long, value_enum, default_value = "github")]
        ci: workflow::init::CiHost,
        /// In an existing site: write the workflow and ci/install-clearnotice.sh again
        /// (as this release writes them), and pin this release in site.toml if it names
        /// none. Notices and other files are not touched.
        #[arg(long)]
        update_ci: bool,
    },

    /// Add a notice: content/NAME/1.0.md with its details filled in and a section for
    /// each item of the privacy-information checklist, ready to write.
    New {
        /// The notice's folder name, which is also its web address: lower-case letters,
        /// digits and hyphens, like home-support.
        name: String,
        /// The notice's title, like "How we use your information".
        #[arg(long)]
        title: String,
        /// The service it covers; the index groups notices by service.
        #[arg(long)]
        service: String,
        /// Who decides how the information is used.
        #[arg(long)]
        controller: String,
        /// The site's folder (the one with site.toml). Default: the current folder.
        #[arg(long, value_name = "FOLDER", default_value = ".")]
        root: PathBuf,
    },

    /// Start the next version of a notice: copies its newest version (and easy read) to
    /// the next number, with the version, change, summary and date filled in. Then edit
    /// the text of the new file.
    Release {
        /// The notice's folder name, like general.
        name: String,
        /// People must be told about this change (raises 1.3 to 2.0).
        #[arg(long, conflicts_with = "minor", required_unless_present = "minor")]
        major: bool,
        /// A correction or small change, only updated online (raises 1.3 to 1.4).
        #[arg(long)]
        minor: bool,
        /// One plain sentence saying what changed (needed for a major change).
        #[arg(long)]
        summary: Option<String>,
        /// The day the new version takes effect (YEAR-MONTH-DAY). Default: today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        effective: Option<Date>,
        /// The site's folder (the one with site.toml). Default: the current folder.
        #[arg(long, value_name = "FOLDER", default_value = ".")]
        root: PathBuf,
    },

    /// Write the pack that tells people about a major change: an email (.eml, and its
    /// text and HTML), A4 letters (HTML and PDF, standard and large print, and easy
    /// read when the version has an easy_read_summary), a text message and a
    /// README.txt, in announcements/NAME-VERSION/. Nothing is sent. A minor change is
    /// refused: minor changes are only updated online.
    Announce {
        /// The notice's folder name, like general.
        name: String,
        /// The version to announce, like 2.0. Default: the newest major change that is
        /// in effect or upcoming.
        version: Option<String>,
        /// Where to write the pack. Default: announcements/NAME-VERSION/ in the site.
        #[arg(long, value_name = "FOLDER")]
        output_dir: Option<PathBuf>,
        /// The day of the pack (YEAR-MONTH-DAY): its email's date, and the day that
        /// decides which versions are current. Default: SOURCE_DATE_EPOCH or today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<Date>,
        /// The site's folder (the one with site.toml). Default: the current folder.
        #[arg(long, value_name = "FOLDER", default_value = ".")]
        root: PathBuf,
    },

    /// Print a shell completion script, like: clearnotice completions bash > ~/.local/share/bash-completion/completions/clearnotice
    Completions { shell: clap_complete::Shell },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    root: PathBuf,
    /// Fail (exit status 1) if any privacy information is missing or any rule is broken.
    #[arg(long)]
    strict: bool,
    /// Also list the links to other websites, and try to reach each one.
    #[arg(long)]
    external: bool,
    /// Check the notices as they will be on this day (YEAR-MONTH-DAY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    root: PathBuf,

    /// The port to serve on.
    #[arg(long, default_value_t = 1111)]
    port: u16,

    /// The address to serve on. The default, 127.0.0.1, is only reachable from this
    /// computer; anything else lets other computers on the network see the preview.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,

    /// Check for changes every moment instead of waiting to be told: for network
    /// drives and containers, where saves are otherwise missed.
    #[arg(long)]
    poll: bool,

    /// Open the preview in your web browser.
    #[arg(long)]
    open: bool,

    /// Preview the website as it will be on this day (YEAR-MONTH-DAY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,
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

    /// Leave out the PDF handouts (easy read, large print). Handouts already made
    /// are kept in a cache beside the output, so only changed ones cost time.
    #[arg(long)]
    no_handouts: bool,

    /// Build the website as it will be on this day (YEAR-MONTH-DAY), to see a change
    /// that takes effect later. Default: SOURCE_DATE_EPOCH if set, else today. The
    /// newest version whose effective date has come is the current one.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,

    /// Show where the time went: each stage of the build, and the slowest notices.
    #[arg(long)]
    timings: bool,

    /// Treat warnings as errors: stop the build if an easy-read text breaks a rule
    /// (a long sentence, a point without a picture, ...) or a notice has no easy read.
    #[arg(long)]
    strict: bool,

    /// Read, check and render every notice, not only those that changed. A build
    /// keeps what it found and made in a cache beside the output (public →
    /// .public.clearnotice-cache), reused while a notice's folder, site.toml, the
    /// theme, the pictures, the settings and clearnotice itself stay the same.
    #[arg(long)]
    clean: bool,
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
        Command::Serve(args) => run_serve(args),
        Command::Check(args) => run_check(args),
        Command::Init {
            folder,
            ci,
            update_ci,
        } => run_init(folder, ci, update_ci),
        Command::New {
            name,
            title,
            service,
            controller,
            root,
        } => run_new(&root, &name, &title, &service, &controller),
        Command::Release {
            name,
            major,
            summary,
            effective,
            root,
            ..
        } => run_release(&root, &name, major, summary.as_deref(), effective),
        Command::Announce {
            name,
            version,
            output_dir,
            date,
            root,
        } => run_announce(workflow::announce::Announce {
            root,
            slug: name,
            version,
            output_dir,
            today: date,
        }),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "clearnotice",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
    }
}

fn run_build(args: BuildArgs) -> ExitCode {
    let show_timings = args.timings;
    let options = BuildOptions {
        root: args.root,
        output_dir: args.output_dir,
        base_url: args.base_url,
        minify: !args.no_minify,
        today: args.date,
        strict: args.strict,
        handouts: if args.no_handouts {
            clearnotice::Handouts::Off
        } else {
            clearnotice::Handouts::Make
        },
    };
    let cache = if args.clean {
        clearnotice::CacheUse::Clean
    } else {
        clearnotice::CacheUse::Reuse
    };
    match clearnotice::build_with(&options, cache) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("note: {note}");
            }
            let mut warnings = report.warnings.clone();
            warnings.extend(report.missing_information.iter().cloned());
            show_summarised(&warnings);
            if show_timings {
                print_timings(&report.timings);
            }
            let unchanged = match report.reused {
                0 => String::new(),
                n => format!(
                    " ({n} {} unchanged since the last build)",
                    plural(n, "notice", "notices")
                ),
            };
            eprintln!(
                "Built {} {} into {}: {} {} in {} ms{unchanged}.",
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

fn print_timings(t: &clearnotice::Timings) {
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
    eprintln!("Slowest notices to render:");
    for (slug, took) in &t.slowest {
        eprintln!("  {} {slug}", ms(*took));
    }
}

fn run_serve(args: ServeArgs) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        poll: args.poll,
        base_url: None,
        today: args.date,
    };
    let handle = match serve::start(options, |event| match event {
        ServeEvent::Rebuilt {
            scope,
            millis,
            files,
            warnings,
            new_warnings,
        } => {
            show(new_warnings);
            let what = match scope {
                Scope::Full => "the whole site".to_string(),
                Scope::AllNotices => "every notice (the theme changed)".to_string(),
                Scope::Notices(slugs) => slugs.join(", "),
            };
            let told = match (*warnings, new_warnings.len()) {
                (0, _) => String::new(),
                (n, new) if new == n => format!(
                    " {n} {} (shown above and in the page).",
                    plural(n, "warning", "warnings")
                ),
                (n, new) => format!(
                    " {n} {}, {new} new (shown above; the new ones first in the page).",
                    plural(n, "warning", "warnings")
                ),
            };
            eprintln!("Built {what} in {millis} ms ({files} files). Open pages reload.{told}");
        }
        ServeEvent::Failed(problems) => {
            show(problems);
            eprintln!("The site could not be rebuilt. The last good version is still served; save a fix to try again.");
        }
    }) {
        Ok(handle) => handle,
        Err(err) => {
            eprintln!("error: could not start the preview: {err}");
            eprintln!(
                "  help: is another preview already using port {}? Try --port 1112.",
                args.port
            );
            return ExitCode::FAILURE;
        }
    };
    let url = format!("http://{}/", handle.addr);
    eprintln!("Serving the preview at {url} (press Ctrl-C to stop).");
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: bound to {}: other computers on the network can see this preview.",
            args.bind
        );
    }
    if args.open {
        open_browser(&url);
    }
    let waited = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map(|rt| rt.block_on(tokio::signal::ctrl_c()));
    if let Ok(Err(err)) | Err(err) = waited {
        eprintln!("error: could not wait for Ctrl-C: {err}");
    }
    eprintln!("Stopping.");
    handle.stop();
    ExitCode::SUCCESS
}

/// Where the check found an item: the heading or sentence, shortened, and its line.
fn describe(evidence: &Evidence) -> String {
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

/// Opens `url` in the user's browser with the system's own opener.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("Could not open a browser: open {url} yourself.");
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let options = BuildOptions {
        today: args.date,
        ..BuildOptions::new(&args.root)
    };
    let inspection = match clearnotice::inspect(&options) {
        Ok(inspection) => inspection,
        Err(failure) => {
            show(&failure.problems);
            eprintln!(
                "The notices have problems that stop the website being built: fix these first."
            );
            return ExitCode::FAILURE;
        }
    };
    show(&inspection.warnings);
    let mut missing = 0;
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
                Coverage::MarkedNotCovered => {
                    missing += 1;
                    (
                        "MISSING",
                        format!("{} (not_covered in the front-matter)", item.label),
                    )
                }
                Coverage::Missing => {
                    missing += 1;
                    ("MISSING", item.label.to_string())
                }
            };
            println!("  {state:<15} {:<21} {detail}", item.id);
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
        .filter(|l| !clearnotice::languages::is_english(l))
    {
        println!(
            "In {language}: the easy-read rules check pictures, sentence length, italics and capitals (numbers written as words are looked for in English only); the privacy checklist is not checked (its words are English)."
        );
    }
    if args.external {
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
    if args.strict && (missing > 0 || !inspection.warnings.is_empty()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_init(folder: PathBuf, ci: workflow::init::CiHost, update_ci: bool) -> ExitCode {
    if update_ci {
        return match workflow::ci::update_ci(&folder, ci) {
            Ok(files) => {
                for file in files {
                    println!("wrote {}", file.display());
                }
                ExitCode::SUCCESS
            }
            Err(problem) => {
                show(&[problem]);
                ExitCode::FAILURE
            }
        };
    }
    let today = jiff::ZonedDateTime::now().date();
    match workflow::init::init_site(&folder, today, ci) {
        Ok(files) => {
            for file in files {
                println!("wrote {}", file.display());
            }
            println!("\nYour site is ready. Next:\n  cd {}\n  clearnotice serve     (then open http://127.0.0.1:1111/)", folder.display());
            ExitCode::SUCCESS
        }
        Err(problem) => {
            show(&[problem]);
            ExitCode::FAILURE
        }
    }
}

fn run_new(
    root: &std::path::Path,
    slug: &str,
    title: &str,
    service: &str,
    controller: &str,
) -> ExitCode {
    let notice = workflow::new::NewNotice {
        slug,
        title,
        service,
        controller,
        effective: jiff::ZonedDateTime::now().date(),
    };
    match workflow::new::new_notice(root, &notice) {
        Ok(path) => {
            println!("wrote {}\n\nNext: write the notice under each heading, then add its easy-read text as {}.", path.display(), path.with_file_name("1.0.easy-read.md").display());
            ExitCode::SUCCESS
        }
        Err(problem) => {
            show(&[problem]);
            ExitCode::FAILURE
        }
    }
}

fn run_release(
    root: &std::path::Path,
    slug: &str,
    major: bool,
    summary: Option<&str>,
    effective: Option<Date>,
) -> ExitCode {
    let request = workflow::release::Release {
        slug,
        change: if major { Change::Major } else { Change::Minor },
        summary,
        effective: effective.unwrap_or_else(|| jiff::ZonedDateTime::now().date()),
    };
    match workflow::release::release(root, &request) {
        Ok(released) => {
            for file in &released.files {
                println!("wrote {}", file.display());
            }
            println!(
                "\nVersion {} is ready to edit. Next: change its text in {}{}, preview with clearnotice serve, then publish with clearnotice build.",
                released.version,
                released.files[0].display(),
                if released.files.len() > 1 { " (and its easy-read text)" } else { "" }
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            show(&problems);
            ExitCode::FAILURE
        }
    }
}

fn run_announce(request: workflow::announce::Announce) -> ExitCode {
    match workflow::announce::announce(&request) {
        Ok(announced) => {
            for file in &announced.files {
                println!("wrote {}", announced.folder.join(file).display());
            }
            println!(
                "\nThe pack for version {} is in {}. Nothing has been sent: check each file (README.txt says what each is), send them, then add announced = DATE to the version's front-matter.",
                announced.version,
                announced.folder.display()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            show(&problems);
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

/// As [`show`], with what many notices share summarised (`clearnotice check` has
/// the detail).
fn show_summarised(problems: &[Problem]) {
    let (shown, summary) = clearnotice::diagnostics::summarise(problems);
    let shown: Vec<Problem> = shown.into_iter().cloned().collect();
    show(&shown);
    for line in summary {
        eprintln!("  ⚠ {line}");
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
