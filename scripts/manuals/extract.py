#!/usr/bin/env python3
"""Cuts the prose of HTML manuals into evaluation documents (JSONL on stdout).

usage: extract.py FIELD:NAME:FILE.html [FIELD:NAME:FILE.html ...]   (NAME: the page, e.g. scipy/tutorial/fft)

Keeps the text of <p> and <li> elements outside <pre>, <code> blocks of their own, navigation, headers and
footers, without soft hyphens; drops paragraphs with math (MathJax \\( \\) or $$), with fewer than 8 words, or that end with a colon
(they introduce a code listing). Consecutive paragraphs of one file are joined, blank line between, until a
document holds 300 words. Each row: id ("NAME#N"), field, split (the evaluation's hash split of the id,
see org.unspin.eval.EvalSets.splitOf) and text. Standard library only.
"""
import hashlib
import html.parser
import json
import re
import sys

SKIP = {"pre", "script", "style", "nav", "header", "footer", "head", "table", "dl", "dt"}
BLOCKS = {"p", "li"}
MIN_WORDS = 300


class Prose(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.depth = 0
        self.buffer = None
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS and self.skip == 0:
            self.flush()
            self.buffer = []

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.buffer is not None and self.skip == 0:
            self.buffer.append(data)

    def flush(self):
        if self.buffer:
            # soft hyphens are hyphenation hints of the HTML (Biopython's LaTeX output), not text
            text = re.sub(r"\s+", " ", "".join(self.buffer).replace("\u00ad", "")).strip()
            if usable(text):
                self.paragraphs.append(text)
        self.buffer = None


def usable(text):
    if len(text.split()) < 8 or text.endswith(":"):
        return False
    if "\\(" in text or "$$" in text or "\\[" in text or ">>>" in text:
        return False
    return text[-1] in ".?!)\"'"


def split_of(key):
    n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")
    return "dev" if n % 100 < 30 else "test"


def main(specs):
    for spec in specs:
        field, name, path = spec.split(":", 2)
        parser = Prose()
        with open(path, encoding="utf-8") as f:
            parser.feed(f.read())
        parser.flush()
        doc, words, n = [], 0, 0
        for paragraph in parser.paragraphs:
            doc.append(paragraph)
            words += len(paragraph.split())
            if words >= MIN_WORDS:
                n += 1
                key = f"{name}#{n}"
                row = {"id": key, "field": field, "split": split_of(key), "text": "\n\n".join(doc)}
                print(json.dumps(row, ensure_ascii=False))
                doc, words = [], 0


if __name__ == "__main__":
    main(sys.argv[1:])
