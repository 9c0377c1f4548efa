//! Files that editors write beside the one being edited, which are never part of a
//! site: `load` skips them and `serve` does not rebuild for them. Each rule names the
//! editor that needs it.

/// Whether a file name is an editor's temporary, backup or lock file.
pub(crate) fn is_editor_file(name: &str) -> bool {
    // Hidden files: vim's swap files (`.1.0.md.swp`, `.swx`, `.swo`), emacs's lock
    // links (`.#1.0.md`), Kate's `.1.0.md.kate-swp`, macOS's `.DS_Store`.
    name.starts_with('.')
        // Emacs's auto-save files: `#1.0.md#`.
        || name.starts_with('#')
        // Backups left by vim (`backup` on), emacs and gedit: `1.0.md~`.
        || name.ends_with('~')
        // Vim's swap files, should one not be hidden (`directory` set elsewhere).
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        // Vim writes and deletes `4913` (then 5036, 5159, …: it adds 123 while the
        // name is taken) to test that it may write in the folder.
        || is_vim_write_test(name)
        // JetBrains IDEs' "safe write": `1.0.md___jb_tmp___`, `1.0.md___jb_old___`.
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with("___jb_bak___")
        // VS Code and other atomic writers write `*.tmp` then rename it over the file.
        || name.ends_with(".tmp")
        // A backup some editors write while saving, like `1.0.md0HlVyu.bck`.
        || name.ends_with(".bck")
}

fn is_vim_write_test(name: &str) -> bool {
    name.parse::<u32>()
        .is_ok_and(|n| n >= 4913 && (n - 4913) % 123 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_temporary_files_are_recognised() {
        for name in [
            ".1.0.md.swp",
            ".1.0.md.swx",
            "1.0.md.swp",
            "4913",
            "5036",
            "1.0.md~",
            "#1.0.md#",
            ".#1.0.md",
            "1.0.md___jb_tmp___",
            "1.0.md___jb_old___",
            "1.0.md.tmp",
            "1.0.md0HlVyu.bck",
            ".1.0.md.kate-swp",
        ] {
            assert!(is_editor_file(name), "{name}");
        }
        for name in [
            "1.0.md",
            "2.1.easy-read.md",
            "phone.svg",
            "4914",
            "base.css",
        ] {
            assert!(!is_editor_file(name), "{name}");
        }
    }
}
