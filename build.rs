// The default theme is compiled into the binary (include_dir); rebuild when it changes.
// `clearnotice --version` names the commit it was built from: from the environment
// (CLEARNOTICE_COMMIT, set by a release built from an archive), else from Git, else
// "unknown".
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-env-changed=CLEARNOTICE_COMMIT");
    // A new commit changes HEAD (a branch) or the branch's ref.
    for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = std::env::var("CLEARNOTICE_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        })
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=CLEARNOTICE_COMMIT={commit}");
}
