#!/usr/bin/env python3
"""Reference implementation of the evaluation splits and SOTU chunking (see README.md in this directory).

  evalsplit.py manifest SOTU_DATA_DIR      > news-split.tsv   (rebuild the SOTU manifest)
  evalsplit.py chunks   SOTU_DATA_DIR FILE                    (print the chunks of one address, one per line)
  evalsplit.py check    SOTU_DATA_DIR                         (verify hashes and chunk counts against news-split.tsv)
  evalsplit.py counts   SOTU_DATA_DIR                         (word counts per domain and split)
"""
import hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEV_PERCENT = 30
CHUNK_MIN_WORDS = 300
# Words ending in a period that do not end a sentence (compared without the period, case-sensitive).
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Messrs", "Dr", "St", "Gen", "Gov", "Hon", "Jr", "Sr", "No", "Nos",
                 "Col", "Capt", "Lt", "Rev", "Sen", "Rep", "Prof", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
                 "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Inc", "Ltd", "Vol", "Art", "Sec"}
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace, then a sentence start.
BOUNDARY = re.compile(r'[.!?]["\'\u201d\u2019)\]]*(?=\s+["\'\u201c\u2018(\[]*[A-Z0-9])')


def split_of(key):
    """dev or test, from the first four bytes of SHA-256(UTF-8 key) as an unsigned big-endian integer."""
    n = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")
    return "dev" if n % 100 < DEV_PERCENT else "test"


def words(text):
    return len(text.split())


def sentences(text):
    """(start, end) offsets of sentences; a period after an abbreviation, a single letter or a dotted
    initialism (U.S.) is not a boundary."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r'(\S*)$', text[start:m.start()]).group(1).lstrip("\"'(\u201c\u2018[")
            if word in ABBREVIATIONS or re.fullmatch(r"[A-Za-z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
                continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def chunks(text):
    """Consecutive sentences, closed as soon as the chunk holds >= CHUNK_MIN_WORDS words; a shorter
    remainder at the end of the address is dropped. Each chunk is the exact substring of the file."""
    out, first, count = [], None, 0
    for s, e in sentences(text):
        if first is None:
            first = s
        count += words(text[s:e])
        if count >= CHUNK_MIN_WORDS:
            out.append(text[first:e])
            first, count = None, 0
    return out


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    return raw, raw.decode("utf-8")


def manifest(data_dir):
    print("file\tsplit\tsha256\tchunks")
    for name in sorted(n for n in os.listdir(data_dir) if n.endswith(".txt")):
        raw, text = read(os.path.join(data_dir, name))
        print(f"{name}\t{split_of(name)}\t{hashlib.sha256(raw).hexdigest()}\t{len(chunks(text))}")


def load_manifest():
    with open(os.path.join(HERE, "news-split.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return rows


def check(data_dir):
    bad = 0
    for name, split, sha, n in load_manifest():
        raw, text = read(os.path.join(data_dir, name))
        if hashlib.sha256(raw).hexdigest() != sha or split_of(name) != split or len(chunks(text)) != int(n):
            print("mismatch:", name); bad += 1
    print("ok" if not bad else f"{bad} mismatches")
    return bad


def jsonl(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def counts(data_dir):
    print("| corpus | split | documents | sentences | words |")
    print("|---|---|---:|---:|---:|")
    for corpus in ("science.jsonl", "news-modern.jsonl"):
        docs = jsonl(corpus)
        for split in ("dev", "test"):
            sel = [d["text"] for d in docs if d["split"] == split]
            print(f"| {corpus} | {split} | {len(sel)} | {sum(len(sentences(t)) for t in sel)} | {sum(words(t) for t in sel)} |")
    for split in ("dev", "test"):
        cs = [c for name, s, _, _ in load_manifest() if s == split
              for c in chunks(read(os.path.join(data_dir, name))[1])]
        addresses = sum(1 for row in load_manifest() if row[1] == split)
        print(f"| SOTU chunks ({addresses} addresses) | {split} | {len(cs)} | {sum(len(sentences(c)) for c in cs)} | {sum(words(c) for c in cs)} |")


if __name__ == "__main__":
    cmd, data_dir = sys.argv[1], sys.argv[2]
    if cmd == "manifest":
        manifest(data_dir)
    elif cmd == "chunks":
        for c in chunks(read(os.path.join(data_dir, sys.argv[3]))[1]):
            print(c)
    elif cmd == "check":
        sys.exit(1 if check(data_dir) else 0)
    elif cmd == "counts":
        counts(data_dir)
