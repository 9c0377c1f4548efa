//! Every link inside the built site must lead somewhere: each relative `href`/`src`
//! in every page must name a file of the output (a folder means its index.html), and
//! each `#anchor` an id on the target page. A broken link that was written in a
//! notice's Markdown is reported at that file and line; one from a template names the
//! page. Runs on the rendered files, so it checks what people will actually click.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::check::page_attributes::attributes;
use crate::diagnostics::{Code, Problem};
use crate::model::Site;
use crate::output::OutputFile;

/// What the link check needs to know of one output file: its path, and for a page
/// its ids and the addresses it links to. Small, so a whole site's fits in memory
/// while its pages are written out as they are rendered.
#[derive(Debug, Clone)]
pub(crate) struct PageLinks {
    pub path: String,
    pub ids: HashSet<String>,
    pub links: Vec<String>,
}

impl PageLinks {
    pub(crate) fn of(file: &OutputFile) -> PageLinks {
        if !file.path.ends_with(".html") {
            return PageLinks {
                path: file.path.clone(),
                ids: HashSet::new(),
                links: Vec::new(),
            };
        }
        // Pages are UTF-8 (we wrote them); from_utf8 checks that faster than the lossy way.
        let html = match std::str::from_utf8(&file.bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(&file.bytes),
        };
        let mut ids = HashSet::new();
        let mut links = Vec::new();
        for (name, value) in attributes(&html) {
            match name {
                "id" => {
                    ids.insert(value);
                }
                _ => links.push(value),
            }
        }
        PageLinks {
            path: file.path.clone(),
            ids,
            links,
        }
    }
}

/// What every output file holds (its ids and links), kept between rebuilds by
/// `serve`: a save then re-checks only the pages it changed and the pages that link
/// to a page it removed or whose ids it changed, and finds exactly what a full check
/// of the new site would (the site before the save had no broken links).
#[derive(Debug, Default)]
pub(crate) struct LinkIndex {
    pages: HashMap<String, PageLinks>,
    /// For each file, the pages that link to it; made at the first partial check, as
    /// only `serve` needs it.
    linked_from: Option<HashMap<String, HashSet<String>>>,
}

impl LinkIndex {
    pub(crate) fn new(pages: Vec<PageLinks>) -> LinkIndex {
        LinkIndex {
            pages: pages.into_iter().map(|p| (p.path.clone(), p)).collect(),
            linked_from: None,
        }
    }

    /// Every broken link of the site.
    pub(crate) fn check_all(&self, site: &Site) -> Vec<Problem> {
        check_pages(
            self.pages.values().collect(),
            |path| self.pages.get(path).map(|p| &p.ids),
            site,
        )
    }

    /// The broken links of the pages at `paths` only (the others are known to be
    /// sound), against every file of the index.
    pub(crate) fn check_only(&self, paths: &HashSet<String>, site: &Site) -> Vec<Problem> {
        check_pages(
            self.pages
                .values()
                .filter(|p| paths.contains(&p.path))
                .collect(),
            |path| self.pages.get(path).map(|p| &p.ids),
            site,
        )
    }

    /// The broken links the site would have with `changed` pages put in and `removed`
    /// taken out, found by checking only the pages that could have changed. The index
    /// itself is not changed: see [`LinkIndex::apply`].
    pub(crate) fn check_change(
        &mut self,
        changed: &[PageLinks],
        removed: &[String],
        site: &Site,
    ) -> Vec<Problem> {
        let new: HashMap<&str, &PageLinks> = changed.iter().map(|p| (p.path.as_str(), p)).collect();
        let gone: HashSet<&str> = removed.iter().map(String::as_str).collect();
        self.index_sources();
        let linked_from = self.linked_from.as_ref().expect("just made");
        // Pages that link to a file that went or whose ids changed may now be broken.
        let mut to_check: HashMap<&str, &PageLinks> = new.clone();
        let affected = changed
            .iter()
            .filter(|p| self.pages.get(&p.path).is_some_and(|old| old.ids != p.ids))
            .map(|p| p.path.as_str())
            .chain(gone.iter().copied());
        for target in affected {
            for source in linked_from.get(target).into_iter().flatten() {
                if !new.contains_key(source.as_str()) && !gone.contains(source.as_str()) {
                    if let Some(page) = self.pages.get(source) {
                        to_check.insert(source.as_str(), page);
                    }
                }
            }
        }
        check_pages(
            to_check.into_values().collect(),
            |path| match new.get(path) {
                Some(page) => Some(&page.ids),
                None if gone.contains(path) => None,
                None => self.pages.get(path).map(|p| &p.ids),
            },
            site,
        )
    }

    /// Puts `changed` pages in and takes `removed` out (after a successful check).
    pub(crate) fn apply(&mut self, changed: Vec<PageLinks>, removed: &[String]) {
        for path in removed {
            if let Some(old) = self.pages.remove(path) {
                self.unlink(&old);
            }
        }
        for page in changed {
            if let Some(old) = self.pages.remove(&page.path) {
                self.unlink(&old);
            }
            if let Some(linked_from) = &mut self.linked_from {
                for target in targets(&page) {
                    linked_from
                        .entry(target)
                        .or_default()
                        .insert(page.path.clone());
                }
            }
            self.pages.insert(page.path.clone(), page);
        }
    }

    fn unlink(&mut self, old: &PageLinks) {
        if let Some(linked_from) = &mut self.linked_from {
            for target in targets(old) {
                if let Some(sources) = linked_from.get_mut(&target) {
                    sources.remove(&old.path);
                }
            }
        }
    }

    /// Makes the index of which pages link to each file, if not made yet.
    pub(crate) fn index_sources(&mut self) {
        if self.linked_from.is_some() {
            return;
        }
        self.linked_from = Some({
            let mut linked_from: HashMap<String, HashSet<String>> = HashMap::new();
            for page in self.pages.values() {
                for target in targets(page) {
                    linked_from
                        .entry(target)
                        .or_default()
                        .insert(page.path.clone());
                }
            }
            linked_from
        });
    }
}

/// The files of the site that `page` links to, each with whether the link names an
/// id on it (`#…`).
pub(crate) fn targets_with_fragments(
    page: &PageLinks,
) -> impl Iterator<Item = (String, bool)> + '_ {
    page.links
        .iter()
        .filter(|link| !is_external(link))
        .filter_map(|link| {
            let fragment = link.split_once('#').is_some_and(|(_, id)| !id.is_empty());
            Some((target_file(&page.path, link).ok()?, fragment))
        })
}

/// The files of the site that `page` links to.
fn targets(page: &PageLinks) -> impl Iterator<Item = String> + '_ {
    page.links
        .iter()
        .filter(|link| !is_external(link))
        .filter_map(|link| target_file(&page.path, link).ok())
}

/// The file a link leads to (a folder means its index.html), or why it leads nowhere.
fn target_file(page: &str, link: &str) -> Result<String, String> {
    let target = link.split_once('#').map_or(link, |(target, _)| target);
    let file = if target.is_empty() {
        Some(page.to_string())
    } else {
        resolve(page, &decoded(target))
    };
    match file {
        None => Err("it leads outside the site".to_string()),
        Some(f) if f.is_empty() || f.ends_with('/') => Ok(format!("{f}index.html")),
        Some(f) => Ok(f),
    }
}

/// Checks `pages`; `ids_of` tells whether a file exists (and its ids).
fn check_pages<'i>(
    mut pages: Vec<&PageLinks>,
    ids_of: impl Fn(&str) -> Option<&'i HashSet<String>> + Sync,
    site: &Site,
) -> Vec<Problem> {
    // In path order, so the same site always reports the same page first.
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    // Each page on its own (on every core); then each broken link is reported once,
    // from the first page, in path order, that has it.
    let broken: Vec<(&str, &str, String)> = pages
        .par_iter()
        .flat_map_iter(|page| broken_links(page, &ids_of))
        .collect();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (link, page, why) in broken {
        if seen.insert(link) {
            problems.push(problem_for(link, page, &why, site));
        }
    }
    problems.sort_by_key(|p| p.to_string());
    problems
}

/// The links of `page` that lead nowhere: (link, page, why).
fn broken_links<'p, 'i>(
    page: &'p PageLinks,
    ids_of: &impl Fn(&str) -> Option<&'i HashSet<String>>,
) -> Vec<(&'p str, &'p str, String)> {
    // The 404 page's links start from the site's own address, not from its folder.
    if page.path == "404.html" {
        return Vec::new();
    }
    let mut broken = Vec::new();
    for link in &page.links {
        if is_external(link) {
            continue;
        }
        let anchor = link.split_once('#').map(|(_, anchor)| anchor);
        let why = match target_file(&page.path, link) {
            Err(why) => Some(why),
            Ok(file) => match ids_of(&file) {
                None => Some(format!("there is no {file}")),
                Some(ids) => match anchor {
                    Some(anchor)
                        if !anchor.is_empty()
                            && file.ends_with(".html")
                            && !ids.contains(decoded(anchor).as_ref()) =>
                    {
                        Some(format!("{file} has no #{anchor}"))
                    }
                    _ => None,
                },
            },
        };
        if let Some(why) = why {
            broken.push((link.as_str(), page.path.as_str(), why));
        }
    }
    broken
}

/// Points at the Markdown line that wrote the link, if a notice did.
fn problem_for(link: &str, page: &str, why: &str, site: &Site) -> Problem {
    let message = format!("the link \"{link}\" is broken: {why}");
    for notice in &site.notices {
        for version in &notice.versions {
            let sources = std::iter::once(&version.source)
                .chain(version.own_text(crate::forms::Form::EasyRead));
            for source in sources {
                // As written: the page has it percent-encoded (`#casglu-%C5%B5`).
                let found = [link.to_string(), decoded(link).into_owned()]
                    .into_iter()
                    .find_map(|written| {
                        let at = source.text.find(&format!("]({written}"))?;
                        Some(at..at + written.len() + 2)
                    });
                if let Some(span) = found {
                    return source
                        .problem(Code::BrokenLink, span, message)
                        .with_help("Check the address: a link to a section is #its-id (see the heading ids on the page); a link to another notice is ../its-folder/.");
                }
            }
        }
    }
    Problem::in_file(
        Code::ThemeBrokenLink,
        format!("themes/default/templates (on {page})"),
        message,
    )
    .with_help(
        "A theme template makes this link: check the templates you changed under themes/default/.",
    )
}

fn is_external(link: &str) -> bool {
    let scheme = link.split(['/', '#', '?']).next().unwrap_or("");
    scheme.contains(':') || link.starts_with("//")
}

/// `general/large-print/index.html` + `../../assets/x.css` → `assets/x.css`.
fn resolve(page: &str, target: &str) -> Option<String> {
    let target = target.split('?').next().unwrap_or(target);
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    if target.starts_with('/') {
        parts.clear();
    }
    let trailing = target.ends_with('/');
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if trailing && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// A link's `#fragment` or an id, as the browser compares them: percent-decoded.
fn decoded(text: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_from_the_page_folder() {
        assert_eq!(
            resolve("general/large-print/index.html", "../../assets/x.css").as_deref(),
            Some("assets/x.css")
        );
        assert_eq!(
            resolve("index.html", "./general/").as_deref(),
            Some("general/")
        );
        assert_eq!(resolve("general/index.html", "../").as_deref(), Some(""));
        assert_eq!(resolve("index.html", "../../etc"), None);
    }
}
