#!/usr/bin/env python3
"""An announcement's .eml, read as a mail program reads it (Python's email package):
one multipart/alternative message with a plain-text part and an HTML part that say
the same thing, a subject, a sender and a date."""

import re
import sys
from email import policy
from email.parser import BytesParser

path = sys.argv[1]
with open(path, "rb") as f:
    message = BytesParser(policy=policy.default).parse(f)

problems = []
if message.get_content_type() != "multipart/alternative":
    problems.append(f"content type is {message.get_content_type()}, not multipart/alternative")
parts = [part.get_content_type() for part in message.iter_parts()]
if parts != ["text/plain", "text/html"]:
    problems.append(f"parts are {parts}, not a text part then an HTML part")
for header in ("Subject", "From", "Date", "Message-ID"):
    if not message[header]:
        problems.append(f"no {header} header")
text = message.get_body(("plain",)).get_content() if not problems else ""
html = message.get_body(("html",)).get_content() if not problems else ""
words = lambda s: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).strip()
for sentence in ("We are changing how we use your information", "What is changing"):
    if sentence not in text or sentence not in words(html):
        problems.append(f"both parts should say {sentence!r}")

for problem in problems:
    print(f"FAIL {path}: {problem}")
if problems:
    sys.exit(1)
print(f"ok {path}: multipart/alternative, {parts}, subject {message['Subject']!r}")
