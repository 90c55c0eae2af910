#!/usr/bin/env python3
"""Cuts Perl's POD manuals into filler documents for the corpus setting of `unspin eval` (JSONL on stdout).

usage: pod.py FIELD:NAME:FILE.pod [FIELD:NAME:FILE.pod ...]

Keeps the ordinary paragraphs of a POD file: command paragraphs (=head1, =item, ...) and indented verbatim
paragraphs (code) are dropped, formatting codes (B<...>, C<...>, L<text|target>, E<gt>, X<...>) are
replaced by their text, and paragraphs of fewer than 5 words are dropped. Consecutive paragraphs of a file
are joined until a document holds 300 words; rows are {"id", "field", "split", "text"}. Standard library only.
"""
import hashlib
import json
import re
import sys

MIN_WORDS = 300
ESCAPES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/", "quot": '"', "amp": "&", "apos": "'"}


def split_of(key):
    n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")
    return "dev" if n % 100 < 30 else "test"


def escape(body):
    if body in ESCAPES:
        return ESCAPES[body]
    try:
        return chr(int(body[2:], 16)) if body.lower().startswith("0x") else chr(int(body)) if body.isdigit() else ""
    except ValueError:
        return ""


def plain(text):
    # innermost codes first, until none is left; X<> index entries and Z<> vanish
    code = re.compile(r"([A-Z])<(?:<+\s(.*?)\s>+|([^<>]*))>", re.S)
    for _ in range(10):
        def repl(m):
            kind, body = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
            if kind in "XZ":
                return ""
            if kind == "E":
                return escape(body)
            if kind == "L":
                return body.split("|", 1)[0] if "|" in body else body.split("/")[-1].strip('"')
            return body
        new = code.sub(repl, text)
        if new == text:
            break
        text = new
    return re.sub(r"\s+", " ", text).strip()


def paragraphs(source):
    in_pod, skip = True, False
    for block in re.split(r"\n\s*\n", source):
        if not block.strip():
            continue
        if block.startswith("="):
            command = block.split(None, 1)[0]
            if command == "=cut":
                in_pod = False
            elif command in ("=begin", "=for"):
                skip = command == "=begin"
                in_pod = True
            elif command == "=end":
                skip = False
            else:
                in_pod = True
            continue
        if not in_pod or skip or block[0] in " \t":
            continue
        text = plain(block)
        if len(text.split()) >= 5:
            yield text


def main(specs):
    for spec in specs:
        field, name, path = spec.split(":", 2)
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read()
        doc, words, n = [], 0, 0
        for paragraph in list(paragraphs(source)) + [None]:
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
