#!/usr/bin/env python3
"""Prints the World English Bible (Debian sword-text-web, public domain) as JSONL evaluation documents.

usage: sword.py MODULE_DIR NAME   (MODULE_DIR: .../modules/texts/ztext/engWEB2015eb, NAME: id prefix)

Reads the SWORD zText module directly (no libsword): the .bzs index gives each book's zlib block in .bzz,
the .bzv index each verse's offset and length in its block. The OSIS markup is removed (notes and titles
dropped), verses are joined in canon order and cut at verse ends into documents of 300+ words. Rows are
written as scripts/manuals/extract.py writes them: id ("NAME/BOOKBLOCK#N"), field ("scripture"), split (the
evaluation's hash split of the id) and text. Standard library only.
"""
import hashlib
import json
import re
import struct
import sys
import zlib

MIN_WORDS = 300


def split_of(key):
    n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")
    return "dev" if n % 100 < 30 else "test"


def verses(module, testament):
    with open(f"{module}/{testament}.bzs", "rb") as f:
        bzs = f.read()
    with open(f"{module}/{testament}.bzz", "rb") as f:
        bzz = f.read()
    with open(f"{module}/{testament}.bzv", "rb") as f:
        bzv = f.read()
    blocks = {}
    for i in range(len(bzs) // 12):
        offset, size, _ = struct.unpack_from("<III", bzs, i * 12)
        blocks[i] = (offset, size)
    cache = {}
    for i in range(len(bzv) // 10):
        block, start, length = struct.unpack_from("<IIH", bzv, i * 10)
        if length == 0 or block not in blocks:
            continue
        if block not in cache:
            offset, size = blocks[block]
            cache.clear()
            cache[block] = zlib.decompress(bzz[offset:offset + size])
        yield block, cache[block][start:start + length].decode("utf-8")


NOTE = re.compile(r"<note\b.*?</note>|<title\b.*?</title>", re.S)
TAG = re.compile(r"<[^>]+>")


def clean(osis):
    text = TAG.sub("", NOTE.sub("", osis))
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text).strip()


def main(module, name):
    for testament in ("ot", "nt"):
        doc, words, n, current = [], 0, 0, None
        for block, osis in verses(module, testament):
            if block != current:
                doc, words, n, current = [], 0, 0, block
            verse = clean(osis)
            if not verse:
                continue
            doc.append(verse)
            words += len(verse.split())
            if words >= MIN_WORDS and verse[-1] in ".?!\"'”’":
                n += 1
                key = f"{name}/{testament}{block}#{n}"
                print(json.dumps({"id": key, "field": "scripture", "split": split_of(key), "text": " ".join(doc)},
                                 ensure_ascii=False))
                doc, words = [], 0


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
