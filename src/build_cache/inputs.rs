//! What a build's output depends on, hashed: a notice's folder (its fingerprint) and
//! everything the notices share (the site key: site.toml, the theme, the pictures, the
//! build's settings). The tool itself is named in the cache file's header.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use serde::{Deserialize, Serialize};

use crate::load::source::{Entry, Kind, Source, Stamp};
use crate::model::Picture;
use crate::pipeline::options::{BuildOptions, Handouts};
use crate::render::braille::BrailleSetup;
use crate::theme::Theme;

/// A notice folder as read for its fingerprint: the hash, each file's bytes by the
/// path the user knows it by (to find the texts of its problems again; none when the
/// stamps showed nothing changed), and the stamps to keep for the next run.
pub(crate) struct FolderPrint {
    pub fingerprint: u128,
    pub files: Vec<(PathBuf, Vec<u8>)>,
    pub stamps: Option<FolderStamps>,
}

/// A notice folder's stamps (see [`Stamp`]): its own (any entry added, removed or
/// renamed changes it) and each file's, as they were when it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderStamps {
    folder: Stamp,
    files: Vec<(String, Stamp)>,
}

/// How long a file must have been left alone before its stamp is trusted: longer than
/// any file system's clock step (FAT's is 2 s), so that a change in the same tick as
/// the stamp was taken cannot go unseen.
pub(crate) const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);

/// The time before which a change counts as settled, for a run starting now.
pub(crate) fn settled_before_now() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.saturating_sub(SETTLED).as_nanos() as i128)
}

/// The folder's fingerprint: from the last run's, when the folder and every file in
/// it has the stamp it had then (nothing is read); otherwise by reading it.
pub(crate) fn fingerprint_folder(
    source: &dyn Source,
    dir: &Path,
    shown: &Path,
    known: Option<(&FolderStamps, u128)>,
    settled_before: i128,
) -> Option<FolderPrint> {
    if let Some((stamps, fingerprint)) = known {
        let unchanged = source.stamp(dir) == Some(stamps.folder)
            && stamps
                .files
                .iter()
                .all(|(name, stamp)| source.stamp(&dir.join(name)) == Some(*stamp));
        if unchanged {
            return Some(FolderPrint {
                fingerprint,
                files: Vec::new(),
                stamps: Some(stamps.clone()),
            });
        }
    }
    read_folder(source, dir, shown, settled_before)
}

/// Hashes every entry of a notice's folder: each name, what it is, and a file's
/// bytes. `None` if anything cannot be read (the notice is then read as usual, which
/// reports the problem). Loading reads only the folder's own entries, so only those
/// are hashed. Each stamp is taken before its file is read, so a change while it is
/// read shows next time; stamps are kept only when every one is settled.
fn read_folder(
    source: &dyn Source,
    dir: &Path,
    shown: &Path,
    settled_before: i128,
) -> Option<FolderPrint> {
    let folder_stamp = source.stamp(dir);
    let entries: Vec<Entry> = source
        .walk(dir, 1)
        .into_iter()
        .collect::<Result<_, _>>()
        .ok()?;
    let mut hasher = Xxh3::new();
    let mut files = Vec::new();
    let mut stamps = Vec::new();
    for entry in entries {
        let name = &entry.name;
        hasher.update(name.as_bytes());
        if entry.kind == Kind::File {
            stamps.push(source.stamp(&entry.path).map(|stamp| (name.clone(), stamp)));
            let bytes = source.read(&entry.path).ok()?;
            hasher.update(&[1]);
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
            files.push((shown.join(name), bytes));
        } else {
            hasher.update(if entry.kind == Kind::Folder {
                &[2]
            } else {
                &[3]
            });
        }
        hasher.update(&[0]);
    }
    let settled = |stamp: &Stamp| stamp.changed_ns < settled_before;
    let stamps = folder_stamp
        .filter(settled)
        .zip(stamps.into_iter().collect::<Option<Vec<_>>>())
        .filter(|(_, files)| files.iter().all(|(_, stamp)| settled(stamp)))
        .map(|(folder, files)| FolderStamps { folder, files });
    Some(FolderPrint {
        fingerprint: hasher.digest128(),
        files,
        stamps,
    })
}

/// The hash of what every notice's output depends on besides its own folder.
pub(crate) fn site_key(
    config_text: &str,
    pictures: &BTreeMap<String, Picture>,
    theme: &Theme,
    options: &BuildOptions,
    braille: Option<&BrailleSetup>,
) -> u128 {
    let mut hasher = Xxh3::new();
    let mut field = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(config_text.as_bytes());
    for (path, file) in theme.files.iter().chain(&theme.built_in_strings) {
        field(path.as_bytes());
        field(&file.bytes);
        field(file.origin.as_os_str().as_encoded_bytes());
    }
    for (name, picture) in pictures {
        field(name.as_bytes());
        field(picture.extension.as_bytes());
        field(&picture.bytes);
    }
    field(options.base_url.as_deref().unwrap_or_default().as_bytes());
    field(&[u8::from(options.minify)]);
    field(match options.handouts {
        Handouts::Off => b"off",
        Handouts::Make => b"make",
        Handouts::OnRequest(_) => b"on request",
    });
    // Which liblouis (and tables) braille is made with: installing liblouis, or a
    // new one, renders every notice again with its braille.
    field(format!("{braille:?}").as_bytes());
    hasher.digest128()
}

/// This clearnotice: its version, and the size and time of its program file, so that
/// a new build of the same version (while developing it) is another tool too.
pub(crate) fn tool() -> String {
    let program = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|meta| {
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} bytes, modified {modified}", meta.len())
        })
        .unwrap_or_else(|_| "program file not found".to_string());
    format!("clearnotice {} ({program})", env!("CARGO_PKG_VERSION"))
}
