#!/usr/bin/env python3
"""Every PDF a site or an announcement pack gives people, through a PDF/UA-1 checker;
every address it writes out a link; every page painted in the order it is read.

    pdfua.py FOLDER...               every PDF under each folder (handouts, letters)
    pdfua.py --self-test FOLDER...   break one handout on purpose, once per fault, and
                                     fail unless the checker rejects each

The checker is page (PyPI `page-validation`): the PDF/UA-1 rule set (104 rules, close
to veraPDF's), with no Java. check.py reads what a reader meets (sizes, order, the
web page's headings); this reads the standard's rules. A PDF passes with zero failed
rules, no address written out without a link annotation over it (see ADDRESS), and
each page's tagged content painted in the order of the structure tree (WCAG 1.3.2). Folders clearnotice keeps for itself (a name starting with a dot: the handout
cache) are not what people get and are left out.
"""

import bisect
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import page
import pikepdf

from check import fault_figure_without_alt, fault_no_lang, fault_no_title_bar, fault_untagged

PROFILE = "ua1"


def pdfs_in(folders):
    return [
        pdf
        for folder in folders
        for pdf in sorted(Path(folder).rglob("*.pdf"))
        if not any(part.startswith(".") for part in pdf.relative_to(folder).parts)
    ]


def failures(pdf):
    """The failed rules of one PDF, as "rule: message" lines, and the rule count."""
    report = page.validate_pdf(pdf, profile=PROFILE)
    found = [f"{f.rule_id}: {f.message}" for f in report.failures]
    if not report.is_compliant and not found:
        found.append("not compliant (no rule named)")
    return found, report.rules.total


# An address written out on paper, as GitHub's Markdown would link it in text: a web
# address with its scheme or starting www., an email address, or a domain with a
# path (example.org/contact). A bare domain (data.gov.uk, GOV.UK) is as often a name
# as an address, so it is not held to this. Words are read one by one.
ADDRESS = re.compile(
    r"^[(\[]?(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*)[)\].,;:]*$",
    re.I,
)


def unlinked_addresses(pdf_path):
    """Addresses written out on a page where no link annotation covers them, as
    "page N: address" lines. The words' boxes come from pdftotext -bbox (top-left
    origin), the annotations' from the PDF (bottom-left origin)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S)
    found = []
    with pikepdf.open(pdf_path) as pdf:
        for number, ((_, height, words), page) in enumerate(zip(pages, pdf.pages), 1):
            rects = [[float(v) for v in annot.Rect] for annot in page.get("/Annots", []) if annot.get("/Subtype") == "/Link"]
            for x0, y0, x1, y1, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', words):
                if not ADDRESS.match(word):
                    continue
                x = (float(x0) + float(x1)) / 2
                y = float(height) - (float(y0) + float(y1)) / 2
                if not any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in rects):
                    found.append(f"page {number}: {word} is written out but not a link")
    return found


def tree_order(pdf):
    """Each page's marked-content ids in the order of the structure tree (depth first),
    keyed by the page object's id."""
    order = {}

    def walk(node, page):
        page = node.get("/Pg", page)
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                order.setdefault(page.objgen, []).append(kid)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                order.setdefault(kid.get("/Pg", page).objgen, []).append(int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, page)

    walk(pdf.Root.StructTreeRoot, None)
    return order


def longest_in_order(ranks):
    tails = []
    for rank in ranks:
        at = bisect.bisect_left(tails, rank)
        tails[at:at + 1] = [rank]
    return len(tails)


def paint_out_of_order(pdf_path):
    """Pages whose content is painted in another order than its tags are read in
    (WCAG 1.3.2): the marked-content ids in the page's content stream, against their
    order in the structure tree."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        order = tree_order(pdf)
        for number, page in enumerate(pdf.pages, 1):
            rank = {mcid: at for at, mcid in enumerate(order.get(page.objgen, []))}
            painted = [rank[int(operands[1].MCID)] for operands, operator in pikepdf.parse_content_stream(page)
                       if str(operator) == "BDC" and len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary)
                       and "/MCID" in operands[1] and int(operands[1].MCID) in rank]
            if painted != sorted(painted):
                share = longest_in_order(painted) / len(painted)
                found.append(f"page {number}: painted in another order than its tags ({share:.0%} in order)")
    return found


def main(folders):
    pdfs = pdfs_in(folders)
    if not pdfs:
        print("FAIL: no PDFs found")
        return 1
    failed = 0
    rules = set()
    for pdf in pdfs:
        found, total = failures(pdf)
        found += unlinked_addresses(pdf) + paint_out_of_order(pdf)
        rules.add(total)
        for line in found[:5]:
            print(f"FAIL {pdf}: {line}")
        failed += bool(found)
    print(f"PDF/UA-1 (page {page.__version__}, {'/'.join(map(str, sorted(rules)))} rules): "
          f"{len(pdfs)} PDFs, {len(pdfs) - failed} pass every rule, {failed} fail")
    return 1 if failed else 0


# Faults the standard's rules forbid: untagged, no language, a figure with no
# alternative text, a title bar showing the file name.
FAULTS = [fault_untagged, fault_no_lang, fault_figure_without_alt, fault_no_title_bar]


def fault_links_gone(pdf):
    """Every link annotation taken away: the addresses are only words again."""
    for page in pdf.pages:
        if "/Annots" in page:
            page.Annots = pdf.make_indirect(pikepdf.Array([a for a in page.Annots if a.get("/Subtype") != "/Link"]))


def fault_tags_reversed(pdf):
    """The document's parts read in the opposite order to the one they are painted in."""
    document = pdf.Root.StructTreeRoot.K
    document = document[0] if isinstance(document, pikepdf.Array) else document
    document.K = pikepdf.Array(list(reversed(list(document.K))))


# Faults this file's own checks must catch by themselves.
OWN_FAULTS = {fault_links_gone: unlinked_addresses, fault_tags_reversed: paint_out_of_order}


def self_test(folders):
    handouts = [pdf for pdf in pdfs_in(folders) if "easy-read" in pdf.name]
    if not handouts:
        print("FAIL: no easy-read handout to break")
        return 1
    original = handouts[0]
    if failures(original)[0] or unlinked_addresses(original) or paint_out_of_order(original):
        print(f"FAIL: {original} fails before it is broken")
        return 1
    missed = 0
    for fault in FAULTS + list(OWN_FAULTS):
        check = OWN_FAULTS.get(fault, lambda path: failures(path)[0])
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / original.name
            with pikepdf.open(original) as pdf:
                fault(pdf)
                pdf.save(copy)
            found = check(copy)
            if found:
                print(f"ok {fault.__name__}: rejected ({found[0][:100]})")
            else:
                print(f"FAIL {fault.__name__}: passed")
                missed += 1
    total = len(FAULTS) + len(OWN_FAULTS)
    print(f"self-test: {total - missed} of {total} faults rejected")
    return 1 if missed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        sys.exit(self_test(args[1:]))
    sys.exit(main(args))
