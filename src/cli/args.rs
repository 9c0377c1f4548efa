//! The command line as clap reads it: every command, flag and its help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use clearnotice::model::Date;
use clearnotice::workflow;

/// `0.2.0 (commit 1a2b3c4d5e6f)`: the release and the commit it was built from.
pub(crate) const VERSION: &str = concat!(
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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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

    /// Say what a problem code means and how to fix it, like: clearnotice explain
    /// CN0504. Without a code, lists every code.
    Explain {
        /// A code (CN0504) or its name (easy-read/sentence-too-long).
        code: Option<String>,
    },

    /// Print a shell completion script, like: clearnotice completions bash > ~/.local/share/bash-completion/completions/clearnotice
    Completions { shell: clap_complete::Shell },
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Fail (exit status 1) if any privacy information is missing or any rule is broken.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Also list the links to other websites, and try to reach each one.
    #[arg(long)]
    pub(crate) external: bool,
    /// Check the notices as they will be on this day (YEAR-MONTH-DAY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<Date>,
    /// How to print what it finds: text for people; json (every problem with its code,
    /// severity, file, line, column, message and hint, and each notice's checklist) for
    /// editors and tools; github for GitHub Actions, which shows each problem on the
    /// lines of a pull request's files.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: CheckFormat,
}

/// What `clearnotice check` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CheckFormat {
    Text,
    Json,
    Github,
}

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    pub(crate) root: PathBuf,

    /// The port to serve on.
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,

    /// The address to serve on. The default, 127.0.0.1, is only reachable from this
    /// computer; anything else lets other computers on the network see the preview.
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,

    /// Check for changes every moment instead of waiting to be told: for network
    /// drives and containers, where saves are otherwise missed.
    #[arg(long)]
    pub(crate) poll: bool,

    /// Open the preview in your web browser.
    #[arg(long)]
    pub(crate) open: bool,

    /// Preview the website as it will be on this day (YEAR-MONTH-DAY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<Date>,
}

#[derive(clap::Args)]
pub(crate) struct BuildArgs {
    /// The site's folder (the one with site.toml). Default: the current folder.
    #[arg(long, value_name = "FOLDER", default_value = ".")]
    pub(crate) root: PathBuf,

    /// Where to write the website. Default: output_dir in site.toml, or public/ in
    /// the site's folder. clearnotice replaces this folder whole, so it will only use
    /// a new or empty folder, or one it made before.
    #[arg(long, value_name = "FOLDER")]
    pub(crate) output_dir: Option<PathBuf>,

    /// The address the website will be published at, instead of base_url in
    /// site.toml. Use it for a staging copy, like https://staging.example.org/.
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: Option<String>,

    /// Write the pages as readable HTML instead of minified (for looking at the
    /// output; the website works the same either way).
    #[arg(long)]
    pub(crate) no_minify: bool,

    /// Leave out the PDF handouts (easy read, large print) and the braille files.
    /// Those already made are kept in a cache beside the output, so only changed
    /// ones cost time.
    #[arg(long)]
    pub(crate) no_handouts: bool,

    /// Build the website as it will be on this day (YEAR-MONTH-DAY), to see a change
    /// that takes effect later. Default: SOURCE_DATE_EPOCH if set, else today. The
    /// newest version whose effective date has come is the current one.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<Date>,

    /// Show where the time went: each stage of the build, and the slowest notices.
    #[arg(long)]
    pub(crate) timings: bool,

    /// Treat warnings as errors: stop the build if an easy-read text breaks a rule
    /// (a long sentence, a point without a picture, ...) or a notice has no easy read.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Read, check and render every notice, not only those that changed. A build
    /// keeps what it found and made in a cache beside the output (public →
    /// .public.clearnotice-cache), reused while a notice's folder, site.toml, the
    /// theme, the pictures, the settings and clearnotice itself stay the same.
    #[arg(long)]
    pub(crate) clean: bool,
}

pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>()
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| {
            format!("{text:?} is not a date: write it as YEAR-MONTH-DAY, like 2025-03-01")
        })
}
