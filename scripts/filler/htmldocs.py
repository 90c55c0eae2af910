#!/usr/bin/env python3
"""Cuts HTML documentation into filler documents for the corpus setting of `unspin eval` (JSONL on stdout).

usage: htmldocs.py FIELD:NAME:FILE.html [FIELD:NAME:FILE.html ...]

More lenient than scripts/manuals/extract.py (whose output is evaluated, this is only corpus filler): it
keeps the text of <p>, <li>, <dd>, <dt>, heading and <div class="para"> elements, including API descriptions, and drops only <pre>,
scripts, navigation, headers and footers, and paragraphs of fewer than 5 words. Consecutive paragraphs of a
file are joined until a document holds 300 words; rows are {"id", "field", "split", "text"}.
"""
import hashlib
import html.parser
import json
import re
import sys

SKIP = {"pre", "script", "style", "nav", "header", "footer", "head"}
BLOCKS = {"p", "li", "dd", "dt", "h1", "h2", "h3"}
MIN_WORDS = 300


class Prose(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.buffer = None
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif (tag in BLOCKS or (tag == "div" and "para" in (dict(attrs).get("class") or "").split())) \
                and self.skip == 0:
            self.flush()
            self.buffer = []

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS or tag == "div":
            self.flush()

    def handle_data(self, data):
        if self.buffer is not None and self.skip == 0:
            self.buffer.append(data)

    def flush(self):
        if self.buffer:
            text = re.sub(r"\s+", " ", "".join(self.buffer).replace("\u00ad", "").replace("\u00b6", "")).strip()
            if len(text.split()) >= 5:
                self.paragraphs.append(text)
        self.buffer = None


def split_of(key):
    n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")
    return "dev" if n % 100 < 30 else "test"


def main(specs):
    for spec in specs:
        field, name, path = spec.split(":", 2)
        parser = Prose()
        with open(path, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        parser.flush()
        doc, words, n = [], 0, 0
        for paragraph in parser.paragraphs + [None]:
            if paragraph is not None:
                doc.append(paragraph)
                words += len(paragraph.split())
            if words >= MIN_WORDS or (paragraph is None and words >= 100):
                n += 1
                key = f"{name}#{n}"
                print(json.dumps({"id": key, "field": field, "split": split_of(key), "text": "\n\n".join(doc)},
                                 ensure_ascii=False))
                doc, words = [], 0


if __name__ == "__main__":
    main(sys.argv[1:])
