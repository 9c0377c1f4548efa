//! Counts in the reader's language, by its CLDR plural rules (from fluent-bundle, never
//! written here): a Polish site whose large-print handouts have 1, 2, 5 and 22 pages
//! links them as "1 strona", "2 strony", "5 stron", "22 strony" — one, few, many, and
//! few again — with Polish test strings (tests/fixtures/strings/pl.ftl, written for
//! tests, not for publication).

mod common;

use std::fs;

use common::*;

/// The same paragraph under `sections` headings: 1, 3, 16 and 82 sections make
/// large-print handouts of 1, 2, 5 and 22 pages (the handouts' fonts are built in, so
/// the pages do not depend on the computer).
fn notice(sections: usize) -> String {
    let paragraph = "Przechowujemy Twoje imię, adres i numer telefonu, aby móc się z Tobą \
        skontaktować w sprawie usług, z których korzystasz, oraz aby prowadzić dokładną \
        dokumentację naszej pracy.";
    let body: String = (1..=sections)
        .map(|n| format!("## Część {n}\n\n{paragraph}\n\n"))
        .collect();
    version_file(
        &format!(
            "title = \"Informacja {sections}\"\nservice = \"Usługa {sections}\"\n\
             controller = \"Przykład\"\nversion = \"1.0\"\neffective = 2025-01-01\n"
        ),
        &format!("\n{body}"),
    )
}

#[test]
fn polish_handout_links_count_pages_by_polish_plural_rules() {
    let strings = fs::read_to_string(repo_root().join("tests/fixtures/strings/pl.ftl")).unwrap();
    let site_toml = "title = \"Informacje testowe\"\nbase_url = \"https://example.org/\"\n\
        language = \"pl\"\norganisation = \"Przykład\"\n\n[contact]\nemail = \"dane@example.org\"\n";
    let dir = site(&[
        ("site.toml", site_toml.to_string()),
        ("themes/default/strings/pl.ftl", strings),
        ("content/n1/1.0.md", notice(1)),
        ("content/n3/1.0.md", notice(3)),
        ("content/n16/1.0.md", notice(16)),
        ("content/n82/1.0.md", notice(82)),
    ]);
    let (out, result) = build_into_temp(dir.path());
    result.unwrap();
    for (slug, pages) in [
        ("n1", "1 strona"),
        ("n3", "2 strony"),
        ("n16", "5 stron"),
        ("n82", "22 strony"),
    ] {
        let page = read_page(
            &out.path().join("public"),
            &format!("{slug}/large-print/index.html"),
        );
        let link = format!("Pobierz wersję w dużym druku (PDF, {pages}, ");
        assert!(page.contains(&link), "{slug}: no {link:?} in its page");
        // The PDF has that many pages.
        let data: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(out.path().join(format!("public/{slug}/notice.json"))).unwrap(),
        )
        .unwrap();
        let count: u64 = pages.split(' ').next().unwrap().parse().unwrap();
        assert_eq!(
            data["versions"][0]["handouts"][0]["pages"].as_u64(),
            Some(count),
            "{slug}"
        );
    }
}
