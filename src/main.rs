//! The `clearnotice` command: parses the command line and shows results and problems.
//! All the work is in the library, so tests and `serve` run the same build.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use clearnotice::model::Change;
use clearnotice::model::Date;
use clearnotice::pipeline::Scope;
use clearnotice::serve::{self, ServeEvent, ServeOptions};
use clearnotice::workflow;
use clearnotice::BuildOptions;

mod cli;

use cli::args::*;
use cli::report::{plural, print_timings, show, show_summarised};

// Rendering makes and drops many small strings on every core; mimalloc's per-thread
// heaps cut the time glibc's allocator spent on them (measured in benches/compare.sh).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc asks Linux for 2 MB pages where it can. Each then has to be found whole
/// and zeroed at its first touch, and when memory is fragmented the kernel compacts it
/// first: a rebuild of 10,000 notices that changed nothing took 0.70 s to 2.2 s from
/// run to run with them (system time 0.46-2.1 s), and 0.75-0.84 s without; a clean
/// build of 1,000 notices 0.74-1.36 s (peak 160 MB) against 0.77-0.96 s (120 MB).
/// Failing to turn them off only costs that time.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(args),
        Command::Serve(args) => run_serve(args),
        Command::Check(args) => cli::check::run_check(args),
        Command::Explain { code } => cli::check::run_explain(code.as_deref()),
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
        ..BuildOptions::new(args.root)
    };
    let cache = if args.clean {
        clearnotice::CacheUse::Clean
    } else {
        clearnotice::CacheUse::Reuse
    };
    match clearnotice::build_with(&options, cache) {
        Ok(report) => {
            report_build(&report, show_timings);
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

/// What the terminal says of a build that worked: its notes and warnings, where the
/// time went (with --timings), and one line saying what was built.
fn report_build(report: &clearnotice::BuildReport, show_timings: bool) {
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
    let handle = match serve::start(options, report_serve_event) {
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

/// What the terminal says after each rebuild of `serve`.
fn report_serve_event(event: &ServeEvent) {
    match event {
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
        ServeEvent::Preview { files } => eprintln!(
            "Serving the last preview ({files} files) while the site is built again; open pages reload if anything changed."
        ),
        ServeEvent::Failed(problems) => {
            show(problems);
            eprintln!("The site could not be rebuilt. The last good version is still served; save a fix to try again.");
        }
    }
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
