#!/usr/bin/env python3
"""Checks every PDF handout of built sites as a reader (and a screen reader) meets it.

    check.py SITE_OUTPUT...          check every handout under each built site
    check.py --self-test SITE_OUTPUT break a handout on purpose, once per check,
                                     and fail unless each check catches its fault

For each handout: tagged, with a structure tree whose figures all have alternative
text and whose headings are H1-H6 (PDF/UA-1 as far as pikepdf can see it); the
title shown in the title bar; Lang set; running headers and page numbers marked as
artifacts; every font embedded (pdffonts); every page A4; every word at or above
the handout's size (pdftotext -bbox: a large-print handout's body size from its
page, 16 pt for easy read); the headings in the same order as on the web page;
no easy-read point split across two pages.
"""

import html
import json
import re
import unicodedata
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf

A4 = (595.28, 841.89)
# Easy-read guidance: 14 pt at least (the leaflet is 16 pt unless a site chooses).
EASY_READ_PT = 14.0


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf_path):
    out = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [words(page) for page in out.split("\f")]


def struct_elements(pdf):
    """Every structure element, depth first, in reading order."""
    root = pdf.Root.get("/StructTreeRoot")
    found = []

    def walk(node):
        kids = node.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append(kid)
                walk(kid)

    if root is not None:
        walk(root)
    return found


def check_structure(pdf_path, pdf):
    problems = []
    if not pdf.Root.get("/MarkInfo", {}).get("/Marked", False):
        problems.append("not marked as tagged (/MarkInfo /Marked)")
    elements = struct_elements(pdf)
    if not elements:
        problems.append("no structure tree")
    kinds = [str(e.S) for e in elements]
    if not any(re.fullmatch(r"/H[1-6]", k) for k in kinds):
        problems.append("no headings tagged H1-H6")
    for e in elements:
        if str(e.S) == "/Figure" and not str(e.get("/Alt", "")).strip():
            problems.append("a figure without alternative text")
    if "/Table" in kinds and "/TH" not in kinds:
        problems.append("a table without header cells (TH)")
    lang = str(pdf.Root.get("/Lang", ""))
    if not lang:
        problems.append("no /Lang")
    if not pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
        problems.append("the title bar shows the file name, not the title (DisplayDocTitle)")
    with pdf.open_metadata() as meta:
        title = meta.get("dc:title", "")
    if not title:
        problems.append("no document title")
    return problems, kinds


def check_artifacts(pdf):
    """The running header and the page number of every page are artifacts."""
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        artifacts = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("BDC", "BMC") and operands and str(operands[0]) == "/Artifact":
                artifacts += 1
        if artifacts < 2:
            problems.append(f"page {number}: header and page number not marked as artifacts")
            break
    return problems


def check_fonts(pdf_path):
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    problems = [f"font not embedded: {row.split()[0]}" for row in rows
                if len(row.split()) > 4 and row.split()[-5] != "yes"]
    if not rows:
        problems.append("no fonts listed")
    return problems


def check_pages(pdf):
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        box = [float(v) for v in page.MediaBox]
        size = (box[2] - box[0], box[3] - box[1])
        if abs(size[0] - A4[0]) > 1 or abs(size[1] - A4[1]) > 1:
            problems.append(f"page {number} is {size[0]:.0f} x {size[1]:.0f} pt, not A4")
            break
    return problems


def check_text_sizes(pdf_path, minimum, text_starts_at=0.0):
    """Every word at or above `minimum` points, but for words left of
    `text_starts_at` (an easy-read picture's own lettering, such as the @ on the
    email picture, is part of the picture)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout
    small = []
    for match in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out):
        if float(match.group(3)) < text_starts_at:
            continue
        height = float(match.group(4)) - float(match.group(2))
        if height < minimum - 0.05:
            small.append((match.group(5), round(height, 1)))
    if small:
        return [f"{len(small)} words below {minimum} pt, such as {small[0][0]!r} at {small[0][1]} pt"]
    return []


def web_page_of(pdf_path):
    return pdf_path.parent / "index.html"


def web_headings(page_html):
    article = page_html.split("<article", 1)[-1].split("</article>", 1)[0]
    # h2 and below: the page's h1 names its form ("(easy read)"), the handout's does not.
    found = re.findall(r"<h([2-6])[^>]*>(.*?)</h\1>", article, re.S)
    return [words(html.unescape(re.sub(r"<[^>]+>", "", text))) for _, text in found]


def check_order(pdf_path, pages):
    """The web page's headings appear in the handout, in the same order."""
    page_html = web_page_of(pdf_path).read_text()
    text = " ".join(pages)
    position = 0
    for heading in web_headings(page_html):
        # The web page's title says "(large print)" too; and some headings are of
        # the page, not of the notice (contents, updates).
        if heading in ("Contents", "Updates to this notice", "Other versions", "Updates"):
            continue
        at = text.find(heading, position)
        if at < 0:
            return [f"the heading {heading!r} is missing or out of order"]
        position = at + len(heading)
    return []


# What pdftotext adds to right-to-left text: the bidi controls it wraps each run in,
# and lam-alef ligatures taken apart in the wrong order ("اإل" for "الإ").
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LAM_ALEF = {"\u0627\u0625\u0644": "\u0627\u0644\u0625", "\u0627\u0623\u0644": "\u0627\u0644\u0623",
            "\u0627\u0622\u0644": "\u0627\u0644\u0622", "\u0627\u0627\u0644": "\u0627\u0644\u0627"}


def extracted_text(text):
    text = unicodedata.normalize("NFKC", BIDI_CONTROLS.sub("", text))
    for wrong, right in LAM_ALEF.items():
        text = text.replace(wrong, right)
    return text


def easy_read_points(page_html):
    found = re.findall(r'<div class="?point__text"?[^>]*>(.*?)</div>', page_html, re.S)
    return [words(html.unescape(re.sub(r"<[^>]+>", "", text))) for text in found]


def check_points_whole(pdf_path, pages):
    """No easy-read point's words are split across two pages. Compared without
    spaces (a line may break inside an address) and without the addresses the
    handout writes out after a link's words."""
    def squeezed(text):
        return re.sub(r"\(https?://[^)]*\)|\(mailto:[^)]*\)", "", re.sub(r"\s+", "", text))
    pages = [squeezed(extracted_text(page)) for page in pages]
    for point in easy_read_points(web_page_of(pdf_path).read_text()):
        if not any(squeezed(point) in page for page in pages):
            return [f"the point {point[:50]!r} is split across pages (or missing)"]
    return []


def check_handout(pdf_path):
    easy_read = "easy-read" in pdf_path.name
    problems = []
    with pikepdf.open(pdf_path) as pdf:
        structure, _ = check_structure(pdf_path, pdf)
        problems += structure
        problems += check_artifacts(pdf)
        problems += check_pages(pdf)
    problems += check_fonts(pdf_path)
    if easy_read:
        minimum = EASY_READ_PT
    else:
        size = re.search(r"data-large-print-pt=\"?(\d+)", web_page_of(pdf_path).read_text())
        minimum = float(size.group(1)) if size else 16.0
    # Easy read: the pictures take the first 3.2 cm after the 2 cm margin.
    picture_column_end = (2 + 3.2) / 2.54 * 72 if easy_read else 0.0
    problems += check_text_sizes(pdf_path, minimum, picture_column_end)
    pages = page_texts(pdf_path)
    problems += check_order(pdf_path, pages)
    if easy_read:
        problems += check_points_whole(pdf_path, pages)
    return problems


def handouts_in(sites):
    found = []
    for site in sites:
        for pdf in sorted(Path(site).rglob("*.pdf")):
            # Beside its web page; the current version's copy at its own address sits
            # beside a redirect, and is the same file as the one checked.
            page = web_page_of(pdf)
            if page.exists() and "http-equiv" not in page.read_text()[:2000]:
                found.append(pdf)
    return found


def main(sites):
    handouts = handouts_in(sites)
    failed = 0
    for pdf in handouts:
        problems = check_handout(pdf)
        for problem in problems:
            print(f"FAIL {pdf}: {problem}")
        failed += bool(problems)
        if not problems:
            with pikepdf.open(pdf) as opened:
                print(f"ok {pdf} ({len(opened.pages)} pages, {pdf.stat().st_size // 1000} KB)")
    print(f"handouts: {len(handouts)} checked, {failed} with problems")
    if not handouts:
        print("FAIL: no handouts found")
        return 1
    return 1 if failed else 0


# Each fault breaks one property of a good handout; the self-test needs each to be
# caught by the checks above.
def fault_untagged(pdf):
    del pdf.Root["/StructTreeRoot"]
    pdf.Root.MarkInfo.Marked = False


def fault_no_lang(pdf):
    del pdf.Root["/Lang"]


def fault_figure_without_alt(pdf):
    for element in struct_elements(pdf):
        if str(element.S) == "/Figure":
            del element["/Alt"]


def fault_table_without_headers(pdf):
    for element in struct_elements(pdf):
        if str(element.S) == "/TH":
            element.S = pikepdf.Name("/TD")


def fault_letter_size(pdf):
    for page in pdf.pages:
        page.MediaBox = [0, 0, 612, 792]


def fault_no_title_bar(pdf):
    del pdf.Root.ViewerPreferences["/DisplayDocTitle"]


def fault_headers_not_artifacts(pdf):
    page = pdf.pages[0]
    stream = pikepdf.unparse_content_stream([
        (operands, operator) if not (str(operator) == "BDC" and operands and str(operands[0]) == "/Artifact")
        else ([pikepdf.Name("/Span"), operands[1]], operator)
        for operands, operator in pikepdf.parse_content_stream(page)
    ])
    page.Contents = pdf.make_stream(stream)


def fault_small_text(pdf):
    # Every text matrix scaled to 60 %: the words shrink below the size.
    for page in pdf.pages:
        stream = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "Tf":
                operands = [operands[0], float(operands[1]) * 0.6]
            stream.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(stream))


def fault_headings_out_of_order(path):
    # The web page now lists its headings backwards: the handout no longer agrees.
    page = web_page_of(path)
    text = page.read_text()
    headings = re.findall(r"<h2[^>]*>.*?</h2>", text, re.S)
    if len(headings) > 1:
        text = text.replace(headings[0], "@@FIRST@@").replace(headings[-1], headings[0]).replace("@@FIRST@@", headings[-1])
    page.write_text(text)


def fault_point_split(path):
    # A point's words now run together with the next point's: no page holds them.
    page = web_page_of(path)
    text = page.read_text()
    text = re.sub(r'(<div class="?point__text"?[^>]*>)', r"\1Split across two pages. ", text, count=1)
    page.write_text(text)


PDF_FAULTS = [fault_untagged, fault_no_lang, fault_figure_without_alt, fault_letter_size,
              fault_no_title_bar, fault_headers_not_artifacts, fault_small_text]
# Broken on a handout that has a table (the easy-read one has none).
TABLE_FAULTS = [fault_table_without_headers]
PAGE_FAULTS = [fault_headings_out_of_order, fault_point_split]


def self_test(sites):
    easy_read = [p for p in handouts_in(sites) if "easy-read" in p.name]
    if not easy_read:
        print("FAIL: no easy-read handout to break")
        return 1
    original = easy_read[0]
    if check_handout(original):
        print(f"FAIL: {original} has problems before it is broken")
        return 1
    with_table = []
    for pdf in handouts_in(sites):
        with pikepdf.open(pdf) as opened:
            if any(str(e.S) == "/Table" for e in struct_elements(opened)):
                with_table.append(pdf)
    if not with_table:
        print("FAIL: no handout with a table to break")
        return 1
    missed = 0
    for fault in PDF_FAULTS + PAGE_FAULTS + TABLE_FAULTS:
        original = with_table[0] if fault in TABLE_FAULTS else easy_read[0]
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / original.name
            (Path(scratch) / "index.html").write_text(web_page_of(original).read_text())
            if fault in PDF_FAULTS + TABLE_FAULTS:
                with pikepdf.open(original) as pdf:
                    fault(pdf)
                    pdf.save(copy)
            else:
                copy.write_bytes(original.read_bytes())
                fault(copy)
            problems = check_handout(copy)
            if problems:
                print(f"ok {fault.__name__}: caught ({problems[0]})")
            else:
                print(f"FAIL {fault.__name__}: not caught")
                missed += 1
    faults = len(PDF_FAULTS + PAGE_FAULTS + TABLE_FAULTS)
    print(f"self-test: {faults - missed} of {faults} faults caught")
    return 1 if missed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        sys.exit(self_test(args[1:]))
    sys.exit(main(args))
