//! The publishing workflow `init` writes for a site's Git host, and the script it runs
//! to install clearnotice: the release that site.toml names (`clearnotice = "X.Y.Z"`),
//! downloaded, checked against the release's SHA256SUMS (and, on GitHub, its build
//! attestation), kept between runs, and never compiled. `init --update-ci` writes them
//! again in an existing site, touching nothing else.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Problem};
use crate::load::source::{Disk, Source};
use crate::write::site_files::write_file;

/// The key in site.toml that names the clearnotice release a site is built with.
pub const PIN_KEY: &str = "clearnotice";

/// Where the releases are downloaded from, unless a site says otherwise
/// (CLEARNOTICE_RELEASES): this project's GitHub releases.
pub const RELEASES: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/releases/download");

/// Every file `init` writes for CI says so in its first lines: `--update-ci` replaces
/// only files with this mark.
const WRITTEN_BY: &str = "Written by `clearnotice init`";

/// The Git host a site is published from: `init` writes its workflow, which builds
/// the site on every push and pull request, publishes it from the main branch, and
/// builds it daily so an upcoming version becomes current on its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CiHost {
    /// `.github/workflows/publish.yml`: GitHub Actions and GitHub Pages.
    Github,
    /// `.gitlab-ci.yml`: GitLab CI and GitLab Pages.
    Gitlab,
    /// No workflow.
    None,
}

impl CiHost {
    /// The workflow's path in the site and its text.
    pub fn workflow(self) -> Option<(&'static str, String)> {
        let (path, template) = match self {
            CiHost::Github => (".github/workflows/publish.yml", include_str!("github.yml")),
            CiHost::Gitlab => (".gitlab-ci.yml", include_str!("gitlab.yml")),
            CiHost::None => return None,
        };
        Some((path, fill(template)))
    }

    /// Every file the host's CI needs, by path in the site: the workflow and the
    /// install script it runs.
    pub fn files(self) -> Vec<(&'static str, String)> {
        let Some(workflow) = self.workflow() else {
            return Vec::new();
        };
        vec![
            workflow,
            (
                "ci/install-clearnotice.sh",
                fill(include_str!("install-clearnotice.sh")),
            ),
        ]
    }
}

/// The templates with this release's version and download address filled in.
fn fill(template: &str) -> String {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/");
    template
        .replace("__VERSION__", env!("CARGO_PKG_VERSION"))
        .replace("__RELEASES__", RELEASES)
        .replace("__REPOSITORY__", repository)
}

/// site.toml's line that pins this release, with what it means.
pub fn pin_lines() -> String {
    format!(
        "# The clearnotice release this site is built with: the publishing workflow installs\n\
         # exactly this one. Change it to upgrade.\n{PIN_KEY} = \"{}\"\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Writes `host`'s CI files again in the site at `root` (and, if its site.toml does not
/// name a release yet, this one); returns what was written. A file of the same name
/// that `init` did not write is left alone and reported.
pub fn update_ci(root: &Path, host: CiHost) -> Result<Vec<PathBuf>, Problem> {
    crate::write::guard::check_site_folder(root)?;
    let mut written = Vec::new();
    let files = host.files();
    for (path, _) in &files {
        let target = root.join(path);
        if let Ok(old) = Disk
            .read(&target)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        {
            if !old.lines().take(5).any(|line| line.contains(WRITTEN_BY)) {
                return Err(Problem::in_file(Code::WouldOverwrite,
                    path,
                    "this file was not written by clearnotice init, so --update-ci leaves it alone",
                )
                .with_help("Move it aside (or merge the new one into it by hand): clearnotice init --update-ci then writes its own."));
            }
        }
    }
    for (path, text) in files {
        let target = root.join(path);
        write_file(&target, &text)?;
        written.push(target);
    }
    let site_toml = root.join("site.toml");
    let text = Disk
        .read(&site_toml)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|err| {
            Problem::in_file(
                Code::CannotRead,
                "site.toml",
                format!("could not read it: {err}"),
            )
        })?;
    if !names_a_release(&text) {
        write_file(&site_toml, &format!("{}\n{text}", pin_lines()))?;
        written.push(site_toml);
    }
    Ok(written)
}

/// Whether site.toml already has a `clearnotice = ` line.
fn names_a_release(site_toml: &str) -> bool {
    site_toml.lines().any(|line| {
        line.trim_start()
            .strip_prefix(PIN_KEY)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_says_who_wrote_it_and_names_no_placeholder() {
        for host in [CiHost::Github, CiHost::Gitlab] {
            for (path, text) in host.files() {
                assert!(text.contains(WRITTEN_BY), "{path}");
                assert!(!text.contains("__"), "{path} has a placeholder left");
            }
        }
        assert!(CiHost::None.files().is_empty());
        assert!(names_a_release("title = \"x\"\nclearnotice = \"0.2.0\"\n"));
        assert!(!names_a_release("title = \"clearnotice\"\n"));
    }
}
