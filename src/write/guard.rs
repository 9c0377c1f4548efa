//! The one rule every command that writes follows: clearnotice never removes or
//! replaces anything it did not make. A folder it fills (a built site, an announcement
//! pack) is either new, empty, or one it made before for the same purpose — it leaves a
//! marker file in each, saying which command made it. And it never writes into, over or
//! around the site's own files: the site's folder, a folder that contains it, its
//! `content/`, `themes/` or `pictures/`, the home folder or the top of the disk.
//!
//! Every command checks its target here before it makes anything, so a refused target
//! leaves no staging folder, no cache and no half-written file behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Problem};

/// The marker's name, in every folder clearnotice fills.
pub(crate) const MARKER: &str = ".clearnotice";

/// The site's own folders, which no output may be in.
const SOURCE_FOLDERS: [&str; 4] = ["content", "themes", "pictures", ".git"];

/// What a folder clearnotice fills is for: its marker says which, so a build never
/// replaces an announcement pack, nor `announce` a built site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Made {
    /// The website, by `build`.
    Site,
    /// A pack telling people about a change, by `announce`.
    AnnouncementPack,
}

impl Made {
    /// The marker's text: the same every time, so the same input gives the same bytes.
    pub(crate) fn marker_text(self) -> &'static str {
        match self {
            Made::Site => {
                "This folder was made by clearnotice build; it replaces its files at every build.\n"
            }
            Made::AnnouncementPack => {
                "This folder was made by clearnotice announce; it replaces its files when the same pack is made again.\n"
            }
        }
    }

    /// What the folder is called in messages.
    fn what(self) -> &'static str {
        match self {
            Made::Site => "the site",
            Made::AnnouncementPack => "the announcement pack",
        }
    }

    fn help(self) -> &'static str {
        match self {
            Made::Site => {
                "Choose an empty or new folder with --output-dir, like --output-dir public. \
                 clearnotice replaces its output folder whole, so it only uses one that it made."
            }
            Made::AnnouncementPack => {
                "Choose a new folder with --output-dir, like --output-dir announcements/letters, \
                 or leave --output-dir out to use announcements/NAME-VERSION in the site. \
                 clearnotice replaces a pack's folder whole, so it only uses one that it made."
            }
        }
    }
}

/// A folder that has been checked: clearnotice may fill it (and replace what it holds).
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// Absolute, with `.` and `..` resolved and links followed.
    pub path: PathBuf,
    pub made: Made,
    /// The folder holds an earlier output of the same kind (its marker says so).
    pub earlier: bool,
}

/// What clearnotice keeps beside an output folder, named after it: `public` →
/// `.public.clearnotice-files` (the list of files), `-cache` (the build cache),
/// `-handouts` (the PDFs made), `-preview` (`serve`'s last preview), `-new` (a build
/// being staged). A name that starts with a dot gets no second one, so what is kept
/// beside the preview (`.public.clearnotice-preview.clearnotice-files`) still matches
/// `/.public.clearnotice-*` in the `.gitignore` that `init` writes. The one place the
/// naming is written.
pub(crate) fn beside(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let parent = output.parent().unwrap_or(Path::new("."));
    let hidden = if name.starts_with('.') { "" } else { "." };
    parent.join(format!("{hidden}{name}.clearnotice-{suffix}"))
}

impl Target {
    /// A file or folder beside the target (see [`beside`]).
    pub(crate) fn beside(&self, suffix: &str) -> PathBuf {
        beside(&self.path, suffix)
    }

    pub(crate) fn parent(&self) -> &Path {
        // `check` refused a folder without a parent.
        self.path.parent().unwrap_or(Path::new("/"))
    }
}

/// Checks that `folder` may be filled with `made`'s files for the site at `site_root`.
pub(crate) fn check_target(folder: &Path, site_root: &Path, made: Made) -> Result<Target, Problem> {
    let path =
        absolute(folder).map_err(|err| io_problem(folder, "could not find this folder", err))?;
    let refuse = |why: &str| refusal(&path, made, why);
    if let Some(why) = holds_someones_files(&path, site_root)? {
        return Err(refuse(&why));
    }
    if path.is_file() {
        return Err(refuse("it is a file, not a folder"));
    }
    if !path.is_dir() {
        return Ok(Target {
            path,
            made,
            earlier: false,
        });
    }
    let marker = path.join(MARKER);
    if marker.is_file() {
        return match marker_kind(&marker) {
            Some(kind) if kind == made => Ok(Target {
                path,
                made,
                earlier: true,
            }),
            Some(other) => Err(refuse(&format!(
                "it holds {} that clearnotice {} made",
                other.what(),
                match other {
                    Made::Site => "build",
                    Made::AnnouncementPack => "announce",
                }
            ))),
            None => Err(refuse(
                "its .clearnotice file was not written by this version of clearnotice",
            )),
        };
    }
    if is_empty_dir(&path) {
        Ok(Target {
            path,
            made,
            earlier: false,
        })
    } else {
        Err(refuse(
            "it already has files in it that clearnotice did not make",
        ))
    }
}

/// Why writing at `path` (absolute) could lose someone's files, if it could: the top
/// of the disk, the home folder, the site's folder or one that contains it, or a
/// folder inside the site's own sources.
pub(crate) fn holds_someones_files(
    path: &Path,
    site_root: &Path,
) -> Result<Option<String>, Problem> {
    let root = absolute(site_root)
        .map_err(|err| io_problem(site_root, "could not find the site folder", err))?;
    if path.parent().is_none() {
        return Ok(Some("it is the top of the file system".into()));
    }
    if home_folder().is_some_and(|home| home == path) {
        return Ok(Some("it is your home folder".into()));
    }
    if root == path {
        return Ok(Some("it is the site's own folder".into()));
    }
    if root.starts_with(path) {
        return Ok(Some("it is a folder that contains the site".into()));
    }
    for source in SOURCE_FOLDERS {
        if path.starts_with(root.join(source)) {
            return Ok(Some(format!("it is inside the site's {source}/ folder")));
        }
    }
    Ok(None)
}

/// Checks a folder `init` is to make a new site in: never the top of the disk or the
/// home folder, nor a folder inside another site's sources. (`init` also refuses a
/// folder that is not empty, and writes new files only.)
pub(crate) fn check_new_site(folder: &Path) -> Result<PathBuf, Problem> {
    let path =
        absolute(folder).map_err(|err| io_problem(folder, "could not find this folder", err))?;
    let refuse = |why: String| {
        Problem::in_file(
            Code::UnsafeOutputFolder,
            &path,
            format!("will not make a site in {}: {why}", path.display()),
        )
        .with_help("Choose a new folder, like clearnotice init my-notices.")
    };
    let enclosing = path
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("site.toml").is_file());
    let why = match enclosing {
        Some(site) => holds_someones_files(&path, site)?
            .map(|why| format!("{why} (the site in {})", site.display())),
        None if path.parent().is_none() => Some("it is the top of the file system".into()),
        None if home_folder().is_some_and(|home| home == path) => {
            Some("it is your home folder".into())
        }
        None => None,
    };
    match why {
        Some(why) => Err(refuse(why)),
        None => Ok(path),
    }
}

/// Checks that `root`, where `new` or `release` is to write a notice, is a site: it has
/// a site.toml. Without one they would make a content/ folder wherever they were run.
pub(crate) fn check_site_folder(root: &Path) -> Result<(), Problem> {
    if root.join("site.toml").is_file() {
        return Ok(());
    }
    Err(Problem::in_file(Code::NoSiteToml,
        root.join("site.toml"),
        format!("{} is not a site: it has no site.toml", root.display()),
    )
    .with_help(
        "Run this in your site's folder (the one with site.toml and content/), or name it with --root.",
    ))
}

/// Makes a fresh working folder at `path` beside a target, marked as `made`'s; one
/// left there by an earlier run of clearnotice (marked, or empty) is cleared first,
/// anything else is refused.
pub(crate) fn fresh_working_folder(path: &Path, made: Made) -> Result<(), Problem> {
    if path.exists() {
        let ours = path.join(MARKER).is_file() || is_empty_dir(path);
        if !ours || path.is_file() {
            return Err(Problem::in_file(Code::InTheWay,
                path,
                format!(
                    "{} is in the way: clearnotice writes its work in progress there, but did not make what is in it",
                    path.display()
                ),
            )
            .with_help("Move or rename it, then run the command again."));
        }
        fs::remove_dir_all(path).map_err(|err| {
            io_problem(path, "could not clear a folder left by an earlier run", err)
        })?;
    }
    fs::create_dir_all(path)
        .map_err(|err| io_problem(path, "could not create the working folder", err))?;
    fs::write(path.join(MARKER), made.marker_text())
        .map_err(|err| io_problem(path, "could not write to the working folder", err))
}

/// Which command made the folder whose marker this is.
fn marker_kind(marker: &Path) -> Option<Made> {
    let text = fs::read_to_string(marker).ok()?;
    [Made::Site, Made::AnnouncementPack]
        .into_iter()
        .find(|made| text == made.marker_text())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false)
}

fn home_folder() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    absolute(Path::new(&home)).ok()
}

fn refusal(path: &Path, made: Made, why: &str) -> Problem {
    Problem::in_file(
        Code::UnsafeOutputFolder,
        path,
        format!(
            "will not write {} to {}: {why}",
            made.what(),
            path.display()
        ),
    )
    .with_help(made.help())
}

pub(crate) fn io_problem(path: &Path, what: &str, err: io::Error) -> Problem {
    Problem::in_file(Code::CannotWrite, path, format!("{what}: {err}"))
        .with_help("Check that the disk is not full and that you may write to this folder.")
}

/// An absolute path with `.` and `..` resolved, whether or not it exists yet.
pub(crate) fn absolute(path: &Path) -> io::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve what exists (following links), then add the rest by name.
    let mut existing = joined.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize()?;
    for name in rest.into_iter().rev() {
        if name == ".." {
            resolved.pop();
        } else if name != "." {
            resolved.push(name);
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("site.toml"), "title = \"x\"\n").unwrap();
        fs::create_dir_all(dir.path().join("content/a")).unwrap();
        fs::create_dir_all(dir.path().join("pictures")).unwrap();
        dir
    }

    #[test]
    fn the_sites_own_folders_are_refused() {
        let dir = site();
        let root = dir.path();
        for target in [
            root.to_path_buf(),
            root.join("."),
            root.join("content"),
            root.join("content/a"),
            root.join("content/new"),
            root.join("themes/default"),
            root.join("pictures"),
            root.join(".git"),
            root.join(".."),
            PathBuf::from("/"),
        ] {
            for made in [Made::Site, Made::AnnouncementPack] {
                assert!(
                    check_target(&target, root, made).is_err(),
                    "{} was accepted",
                    target.display()
                );
            }
        }
    }

    #[test]
    fn a_folder_is_replaced_only_by_the_command_that_made_it() {
        let dir = site();
        let root = dir.path();
        let out = root.join("out");
        fs::create_dir(&out).unwrap();
        // Empty: fine.
        assert!(!check_target(&out, root, Made::Site).unwrap().earlier);
        fs::write(out.join(MARKER), Made::AnnouncementPack.marker_text()).unwrap();
        assert!(
            check_target(&out, root, Made::AnnouncementPack)
                .unwrap()
                .earlier
        );
        let err = check_target(&out, root, Made::Site).unwrap_err();
        assert!(err.message.contains("announcement pack"), "{}", err.message);
        fs::write(out.join(MARKER), "something else").unwrap();
        assert!(check_target(&out, root, Made::AnnouncementPack).is_err());
        fs::remove_file(out.join(MARKER)).unwrap();
        fs::write(out.join("letter.txt"), "mine").unwrap();
        let err = check_target(&out, root, Made::AnnouncementPack).unwrap_err();
        assert!(err.message.contains("did not make"), "{}", err.message);
    }

    #[test]
    fn a_working_folder_with_someone_elses_files_is_left_alone() {
        let dir = site();
        let work = dir.path().join(".out.clearnotice-new");
        fs::create_dir(&work).unwrap();
        fs::write(work.join("notes.txt"), "mine").unwrap();
        assert!(fresh_working_folder(&work, Made::Site).is_err());
        assert!(work.join("notes.txt").is_file());
        fs::remove_file(work.join("notes.txt")).unwrap();
        fresh_working_folder(&work, Made::Site).unwrap();
        assert!(work.join(MARKER).is_file());
        // Left by an earlier run: cleared.
        fs::write(work.join("0"), "half a page").unwrap();
        fresh_working_folder(&work, Made::Site).unwrap();
        assert!(!work.join("0").exists());
    }
}
