#!/usr/bin/env python3
"""Every PDF a site or an announcement pack gives people, through a PDF/UA-1 checker.

    pdfua.py FOLDER...               every PDF under each folder (handouts, letters)
    pdfua.py --self-test FOLDER...   break one handout on purpose, once per fault, and
                                     fail unless the checker rejects each

The checker is page (PyPI `page-validation`): the PDF/UA-1 rule set (104 rules, close
to veraPDF's), with no Java. check.py reads what a reader meets (sizes, order, the
web page's headings); this reads the standard's rules. A PDF passes with zero failed
rules. Folders clearnotice keeps for itself (a name starting with a dot: the handout
cache) are not what people get and are left out.
"""

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


def main(folders):
    pdfs = pdfs_in(folders)
    if not pdfs:
        print("FAIL: no PDFs found")
        return 1
    failed = 0
    rules = set()
    for pdf in pdfs:
        found, total = failures(pdf)
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


def self_test(folders):
    handouts = [pdf for pdf in pdfs_in(folders) if "easy-read" in pdf.name]
    if not handouts:
        print("FAIL: no easy-read handout to break")
        return 1
    original = handouts[0]
    if failures(original)[0]:
        print(f"FAIL: {original} fails before it is broken")
        return 1
    missed = 0
    for fault in FAULTS:
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / original.name
            with pikepdf.open(original) as pdf:
                fault(pdf)
                pdf.save(copy)
            found, _ = failures(copy)
            if found:
                print(f"ok {fault.__name__}: rejected ({found[0][:100]})")
            else:
                print(f"FAIL {fault.__name__}: passed the PDF/UA checker")
                missed += 1
    print(f"self-test: {len(FAULTS) - missed} of {len(FAULTS)} faults rejected")
    return 1 if missed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        sys.exit(self_test(args[1:]))
    sys.exit(main(args))
