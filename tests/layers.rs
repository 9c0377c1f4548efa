//! The layers of the code, as the README's "Layout of the code" draws them, kept by a
//! test rather than by habit: every `crate::…` path in `src/` is an arrow from one
//! top-level module to another, and only the README's arrows are allowed. Shared
//! modules (the model, the text, the theme, …) import only each other; a stage (load,
//! check, render, write) imports only shared modules; the pipeline's own modules
//! import stages and shared modules, never the commands on top. And only load and
//! write touch the file system. Known exceptions are listed with their reason; the
//! test fails on a new arrow and on an exception that is no longer needed, so the
//! list stays true.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

const SHARED: &[&str] = &[
    "addresses",
    "checklist",
    "diagnostics",
    "forms",
    "languages",
    "model",
    "output",
    "text",
    "theme",
];
const STAGES: &[&str] = &["load", "check", "render", "write"];
const PIPELINE: &[&str] = &["pipeline", "build_cache", "handout_store"];
/// The commands on top: the crate's root (the API), the binary (main.rs and its
/// cli/), serve and workflow.
const TOP: &[&str] = &["(root)", "main", "cli", "serve", "workflow"];

/// Arrows the rules forbid that are still there, and why.
const KNOWN_ARROWS: &[(&str, &str, &str)] = &[(
    "theme",
    "load",
    "the handouts' fonts fall back to the computer's fonts, which load finds (theme/fonts.rs)",
)];

/// Modules outside load and write that still touch the file system, and why.
const KNOWN_FILE_ACCESS: &[(&str, &str)] = &[
    (
        "build_cache",
        "the cache's header names the program file (its size and time) and the site's folder as the system resolves it",
    ),
];

fn layer(module: &str) -> usize {
    if SHARED.contains(&module) {
        0
    } else if STAGES.contains(&module) {
        1
    } else if PIPELINE.contains(&module) {
        2
    } else {
        assert!(TOP.contains(&module), "{module}: a module with no layer");
        3
    }
}

/// Whether `from` may import `to`.
fn allowed(from: &str, to: &str) -> bool {
    from == to || matches!((layer(from), layer(to)), (0 | 1, 0) | (2, 0..=2) | (3, _))
}

/// The top-level module a file of `src/` belongs to.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    match first.trim_end_matches(".rs") {
        "lib" => "(root)".to_string(),
        other => other.to_string(),
    }
}

/// The code of a file without its unit tests (which may use anything).
fn code_of(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or_default()
}

/// The first segment of every `crate::` path in `code`, groups (`crate::{a, b::c}`)
/// included.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(char::is_alphanumeric) || code[..at].ends_with('_') {
            continue; // `clearnotice_crate::` or the like
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.extend(first_ident(&group[start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.extend(first_ident(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.extend(first_ident(rest));
        }
    }
    found
}

fn first_ident(text: &str) -> Option<String> {
    let ident: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!ident.is_empty()).then_some(ident)
}

/// A module of `src/` named by an imported item's first segment: a module itself,
/// or an item of the crate's root.
fn target_module(segment: &str, modules: &BTreeSet<String>) -> String {
    if modules.contains(segment) {
        segment.to_string()
    } else {
        "(root)".to_string()
    }
}

/// Whether `code` reads or writes files itself.
fn touches_files(code: &str) -> bool {
    [
        "std::fs",
        "fs::read",
        "fs::write",
        "fs::create",
        "fs::remove",
        "fs::rename",
        "fs::metadata",
        "File::open",
        "File::create",
        "read_dir(",
        "WalkDir::new",
    ]
    .iter()
    .any(|call| code.contains(call))
}

struct Found {
    arrows: BTreeMap<(String, String), BTreeSet<String>>,
    file_access: BTreeMap<String, BTreeSet<String>>,
}

fn read_crate(src: &Path) -> Found {
    let files: Vec<_> = walkdir::WalkDir::new(src)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .collect();
    let modules: BTreeSet<String> = files
        .iter()
        .map(|e| module_of(e.path().strip_prefix(src).unwrap()))
        .collect();
    let mut found = Found {
        arrows: BTreeMap::new(),
        file_access: BTreeMap::new(),
    };
    for entry in &files {
        let relative = entry.path().strip_prefix(src).unwrap();
        let from = module_of(relative);
        let text = fs::read_to_string(entry.path()).unwrap();
        let code = code_of(&text);
        for segment in crate_paths(code) {
            let to = target_module(&segment, &modules);
            found
                .arrows
                .entry((from.clone(), to))
                .or_default()
                .insert(relative.display().to_string());
        }
        if touches_files(code) {
            found
                .file_access
                .entry(from)
                .or_default()
                .insert(relative.display().to_string());
        }
    }
    found
}

#[test]
fn every_import_follows_the_layers() {
    let found = read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut wrong = Vec::new();
    for ((from, to), files) in &found.arrows {
        let known = KNOWN_ARROWS.iter().any(|(f, t, _)| f == from && t == to);
        if !allowed(from, to) && !known {
            wrong.push(format!(
                "{from} → {to} (in {})",
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the layers forbid:\n  {}",
        wrong.join("\n  ")
    );
    for (from, to, why) in KNOWN_ARROWS {
        assert!(
            found
                .arrows
                .contains_key(&(from.to_string(), to.to_string())),
            "{from} → {to} is listed as known ({why}) but no longer there: take it off the list"
        );
    }
}

#[test]
fn only_load_and_write_touch_files() {
    let found = read_crate(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut wrong = Vec::new();
    for (module, files) in &found.file_access {
        let known = KNOWN_FILE_ACCESS.iter().any(|(m, _)| m == module);
        if !["load", "write"].contains(&module.as_str()) && !known {
            wrong.push(format!(
                "{module} (in {})",
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "file access outside load and write:\n  {}",
        wrong.join("\n  ")
    );
    for (module, why) in KNOWN_FILE_ACCESS {
        assert!(
            found.file_access.contains_key(*module),
            "{module} is listed as touching files ({why}) but no longer does: take it off the list"
        );
    }
}

/// The reader itself, on code written for it: groups, nested groups, and a path in
/// the middle of a line.
#[test]
fn the_reader_finds_every_kind_of_path() {
    let code = "use crate::{a, b::{c, d}, e::f};\nlet x = crate::g::h(1);\nuse other_crate::z;";
    let found: Vec<String> = crate_paths(code).into_iter().collect();
    assert_eq!(found, ["a", "b", "e", "g"]);
    assert!(!allowed("render", "check"));
    assert!(!allowed("model", "render"));
    assert!(!allowed("pipeline", "serve"));
    assert!(allowed("pipeline", "render"));
}
