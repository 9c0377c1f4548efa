//! Writes a synthetic site for benchmarks, the same every time for the same arguments:
//!
//!   cargo run --release --example generate_site -- --notices 1000 --versions 2 \
//!       --out /tmp/site [--hugo /tmp/hugo-site]
//!
//! Each version is about 2,000 words in 10 sections with lists, bold and links, has an
//! easy-read text, and passes every history rule. With `--hugo`, the current version
//! of each notice is also written as a Hugo site (content/notices/<slug>.md with TOML
//! front-matter and minimal single/list templates), so both tools build the same text.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const WORDS: [&str; 64] = [
    "information",
    "support",
    "service",
    "people",
    "record",
    "care",
    "team",
    "staff",
    "safe",
    "keep",
    "share",
    "use",
    "help",
    "plan",
    "contact",
    "details",
    "address",
    "health",
    "family",
    "law",
    "reason",
    "right",
    "ask",
    "tell",
    "change",
    "review",
    "check",
    "secure",
    "store",
    "paper",
    "system",
    "access",
    "worker",
    "manager",
    "report",
    "visit",
    "home",
    "school",
    "doctor",
    "letter",
    "phone",
    "email",
    "website",
    "request",
    "decision",
    "consent",
    "purpose",
    "basis",
    "we",
    "you",
    "your",
    "our",
    "the",
    "a",
    "and",
    "or",
    "to",
    "for",
    "with",
    "about",
    "when",
    "only",
    "may",
    "will",
];
const IDS: [&str; 10] = [
    "controller",
    "purposes",
    "lawful-basis",
    "categories",
    "recipients",
    "retention",
    "rights",
    "complain-us",
    "complain-ico",
    "source",
];
/// The checklist items the generated text has no section for, so builds stay quiet.
const NOT_APPLICABLE: &str = "\n[not_applicable]\nrepresentative = \"Generated.\"\ndpo = \"Generated.\"\nlegitimate-interests = \"Generated.\"\ntransfers = \"Generated.\"\nwithdraw-consent = \"Generated.\"\nrequirement = \"Generated.\"\nautomated-decisions = \"Generated.\"\n";
const PICTURES: [&str; 10] = [
    "person", "phone", "lock", "folder", "share", "calendar", "rights", "complain", "help", "team",
];

/// A small deterministic generator: the same seed, the same site.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn body(rng: &mut Lcg, version: usize) -> String {
    let mut out = format!(
        "{}. This is version {version}.\n\n",
        capitalised(&rng.words(40))
    );
    for (n, id) in IDS.iter().enumerate() {
        let _ = write!(
            out,
            "## {} {} {{#{id}}}\n\n",
            n + 1,
            capitalised(&rng.words(4))
        );
        for _ in 0..2 {
            let _ = write!(
                out,
                "{} **{}** {} [{}](https://example.org/{}/) {}.\n\n",
                capitalised(&rng.words(25)),
                rng.words(3),
                rng.words(25),
                rng.words(3),
                rng.next() % 1000,
                rng.words(15)
            );
        }
        for _ in 0..4 {
            let _ = writeln!(out, "- {}", capitalised(&rng.words(10)));
        }
        out.push('\n');
    }
    out
}

fn easy_read(rng: &mut Lcg) -> String {
    let mut out = String::new();
    for (n, picture) in PICTURES.iter().enumerate() {
        if n % 5 == 0 {
            let _ = write!(out, "## {}\n\n", capitalised(&rng.words(3)));
        }
        let _ = write!(
            out,
            "![A picture of {picture}]({}) {}.\n\n",
            format_args!("picture:{picture}"),
            capitalised(&rng.words(8))
        );
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let notices: usize = value("--notices")
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let versions: usize = value("--versions")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
        .max(1);
    let out = PathBuf::from(value("--out").expect("--out FOLDER"));
    let hugo = value("--hugo").map(PathBuf::from);

    write(
        &out.join("site.toml"),
        "title = \"Generated notices\"\nbase_url = \"https://example.org/\"\norganisation = \"Example\"\n\n[contact]\nemail = \"data@example.org\"\n",
    );
    if let Some(hugo) = &hugo {
        write(&hugo.join("hugo.toml"), "baseURL = \"https://example.org/\"\ntitle = \"Generated notices\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n");
        write(&hugo.join("layouts/_default/single.html"), "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>\n");
        write(&hugo.join("layouts/_default/list.html"), "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n");
    }
    for n in 0..notices {
        let slug = format!("notice-{n:05}");
        let mut rng = Lcg(n as u64 + 1);
        let title = capitalised(&rng.words(6));
        let (mut major, mut minor) = (1, 0);
        let mut last_body = String::new();
        for v in 0..versions {
            let change = if v == 0 {
                String::new()
            } else if v % 2 == 1 {
                minor += 1;
                "change = \"minor\"\n".to_string()
            } else {
                major += 1;
                minor = 0;
                format!(
                    "change = \"major\"\nsummary = \"{}.\"\n",
                    capitalised(&rng.words(8))
                )
            };
            let day = 1 + (v * 40) % 365;
            let effective = jiff_like_date(2020 + v / 9, day);
            let text = body(&mut rng, v);
            let front = format!(
                "title = \"{title}\"\nservice = \"Service {}\"\ncontroller = \"Example\"\nversion = \"{major}.{minor}\"\neffective = {effective}\n{change}{NOT_APPLICABLE}",
                n % 20
            );
            write(
                &out.join(format!("content/{slug}/{major}.{minor}.md")),
                &format!("+++\n{front}+++\n\n{text}"),
            );
            write(
                &out.join(format!("content/{slug}/{major}.{minor}.easy-read.md")),
                &easy_read(&mut rng),
            );
            last_body = text;
        }
        if let Some(hugo) = &hugo {
            write(
                &hugo.join(format!("content/notices/{slug}.md")),
                &format!("+++\ntitle = \"{title}\"\ndate = 2025-01-01\n+++\n\n{last_body}"),
            );
        }
    }
    println!(
        "wrote {notices} notices x {versions} versions to {}",
        out.display()
    );
}

/// Day `day` (1..=365) of `year`, as YYYY-MM-DD (months of 30 days keep it simple and valid).
fn jiff_like_date(year: usize, day: usize) -> String {
    let month = ((day - 1) / 31).min(11) + 1;
    let dom = ((day - 1) % 28) + 1;
    format!("{year}-{month:02}-{dom:02}")
}
