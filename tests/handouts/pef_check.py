"""Every PEF file of the built sites checked against the PEF 2008-1 schema that
Debian's libbrailleutils-java ships (DAISY's RELAX NG, run by xmllint), and the
schema's two Schematron rules (rows on a page, cells on a row) read here from the
same file. --self-test first proves each check fails on a PEF broken on purpose.

usage: pef_check.py [--self-test] SCHEMA SITE_FOLDER..."""

import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PEF = "{http://www.daisy.org/ns/2008/pef}"


def require_schema_rules(schema):
    """The two Schematron rules this checks by hand must still be in the schema, or
    the check would be of rules the format no longer has."""
    text = pathlib.Path(schema).read_text(encoding="utf-8")
    found = {name: name in text for name in ("rows_on_page", "chars_on_row")}
    missing = [name for name, there in found.items() if not there]
    if missing:
        sys.exit(f"the schema no longer has the Schematron rules {missing}")


def problems_in(schema, pef):
    """What is wrong with one PEF file: schema errors, then the two rules."""
    run = subprocess.run(
        ["xmllint", "--noout", "--relaxng", schema, str(pef)],
        capture_output=True,
        text=True,
    )
    found = []
    if run.returncode != 0:
        found.append(run.stderr.strip().splitlines()[0])
    tree = ET.parse(pef)
    for volume in tree.iter(PEF + "volume"):
        rows, cols = int(volume.get("rows")), int(volume.get("cols"))
        for number, page in enumerate(volume.iter(PEF + "page"), 1):
            page_rows = page.findall(PEF + "row")
            if len(page_rows) > rows:
                found.append(f"page {number}: {len(page_rows)} rows, the volume allows {rows}")
            for row in page_rows:
                if len(row.text or "") > cols:
                    found.append(f"page {number}: a row of {len(row.text)} cells, the volume allows {cols}")
    return found


def self_test(schema, pef):
    """Each check fails on a copy of `pef` broken in its way."""
    text = pathlib.Path(pef).read_text(encoding="utf-8")
    breaks = {
        "a letter in a row": text.replace("<row>", "<row>x", 1),
        "no identifier": re.sub(r"<dc:identifier>.*?</dc:identifier>", "", text, count=1),
        "a page of too many rows": text.replace("<page>", "<page>" + "<row/>" * 41, 1),
        "a row of too many cells": text.replace("<row>", "<row>" + "\u2801" * 70, 1),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, broken in breaks.items():
            path = pathlib.Path(folder) / "broken.pef"
            path.write_text(broken, encoding="utf-8")
            if not problems_in(schema, path):
                sys.exit(f"self-test: a PEF with {name} passed the checks")
            print(f"self-test: caught {name}")


def main(args):
    testing = args[:1] == ["--self-test"]
    args = args[1:] if testing else args
    schema, sites = args[0], args[1:]
    require_schema_rules(schema)
    pefs = sorted(p for site in sites for p in pathlib.Path(site).rglob("*.pef"))
    if not pefs:
        sys.exit("no PEF file was made")
    if testing:
        self_test(schema, pefs[0])
        return
    failed = False
    for pef in pefs:
        for problem in problems_in(schema, pef):
            failed = True
            print(f"{pef}: {problem}")
    print(f"{len(pefs)} PEF files checked")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
