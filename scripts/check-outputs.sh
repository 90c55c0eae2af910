#!/usr/bin/env bash
# Fingerprints what unspin writes for a fixed set of inputs, so that a restructuring can show the same inputs
# give byte-identical outputs before and after it (Step 8: "state how you checked").
#
#   scripts/check-outputs.sh DIR            run every command below with target/unspin.jar (or $UNSPIN_JAR),
#                                           keep the outputs in DIR and write DIR/outputs.sha256
#   scripts/check-outputs.sh --compare A B  compare two such folders' manifests; exit 1 on any difference
#
# Inputs: the clean State of the Union corpus (scripts/fetch-corpora.sh), the manuals documents of the
# evaluation (testdata/eval/manuals.jsonl), the spun samples in testdata/, and a JSONL file generated here with
# good records and bad lines (broken JSON, invalid UTF-8, no text field, a blank line). Commands: fix (text,
# json, diff, worddiff), check, fix --jsonl (corpus mode, lenient and --strict), report, learn (the model's
# bytes and its exported substitutions), and the Spark job in local mode (skipped when Spark's jars cannot be
# resolved offline). Each command's exit code and standard error go into the manifest too: an error message
# that changes is a changed output. To compare two commits, build each (mvn -q -B -ntp package
# -Dmaven.test.skip=true) and run this script once per build into its own folder.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--compare" ]; then
    [ $# -eq 3 ] || { echo "usage: $0 --compare DIR_A DIR_B" >&2; exit 2; }
    if diff -u "$2/outputs.sha256" "$3/outputs.sha256"; then
        echo "identical: $(wc -l < "$2/outputs.sha256") outputs"
    else
        echo "outputs differ (lines above)" >&2
        exit 1
    fi
    exit 0
fi
[ $# -eq 1 ] || { echo "usage: $0 DIR | --compare DIR_A DIR_B" >&2; exit 2; }
out=$1
jar=${UNSPIN_JAR:-target/unspin.jar}
sotu=target/corpora/sotu/package/data
[ -f "$jar" ] || { echo "$jar: not found (build with: mvn -q -B -ntp package -Dmaven.test.skip=true)" >&2; exit 2; }
[ -d "$sotu" ] || { echo "$sotu: not found (run scripts/fetch-corpora.sh)" >&2; exit 2; }
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
    echo "$out: exists and is not empty (choose a new folder)" >&2
    exit 2
fi
# Everything is written under one fixed folder first, so the paths that messages name do not depend on DIR.
final=$out
out=target/check-outputs-work
rm -rf "$out"
mkdir -p "$out/in"

# Generated corpus-mode input: records from the samples, then bad lines of every kind the readers know.
{
    n=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        n=$((n + 1))
        printf '{"id":%d,"text":%s}\n' "$n" "$(printf '%s' "$line" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')"
    done < <(cat testdata/spun-news.txt testdata/spun-science.txt testdata/clean-sotu-excerpt.txt)
    printf '{"id":"broken","text":"unterminated\n'
    printf '{"id":"bytes","text":"caf\xff au lait"}\n'
    printf '{"id":"notext","body":"no text field here"}\n'
    printf '\n'
    printf '{"id":"last","text":"The Secretary of Condition spoke at the Countrywide Press Club."}\n'
} > "$out/in/mixed.jsonl"

# run NAME COMMAND...: stdout to NAME.out, stderr to NAME.err, exit code to NAME.rc
run() {
    local name=$1
    shift
    set +e
    "$@" > "$out/$name.out" 2> "$out/$name.err"
    echo $? > "$out/$name.rc"
    set -e
}
u() { java -jar "$jar" "$@"; }

for f in testdata/spun-news.txt testdata/spun-science.txt testdata/clean-sotu-excerpt.txt \
         testdata/entities-and-controls.txt; do
    b=$(basename "$f" .txt)
    for format in text json diff worddiff; do
        run "fix-$b-$format" u fix --format "$format" --color never "$f"
    done
    run "check-$b" u check "$f"
done
run fix-sotu u fix --quiet --threads 2 --include '*.txt' "$sotu"
run check-sotu u check --threads 2 --include '*.txt' "$sotu"
run fix-manuals u fix --jsonl --quiet --threads 2 testdata/eval/manuals.jsonl
run fix-mixed u fix --jsonl --threads 2 "$out/in/mixed.jsonl"
run fix-mixed-strict u fix --jsonl --strict "$out/in/mixed.jsonl"
run fix-mixed-lenient u fix --jsonl --lenient "$out/in/mixed.jsonl"
run check-mixed u check --jsonl "$out/in/mixed.jsonl"
run report u report testdata/spun-news.txt testdata/spun-science.txt -o "$out/report.html"
run learn u learn --threads 2 --include '*.txt' "$sotu" -o "$out/sotu.model" --export-substitutions "$out/sotu-substitutions.tsv"

# The Spark job, as bench/run.sh starts it: Spark's jars first on the class path, as spark-submit puts them.
if mvn -q -o -B -ntp dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$out/spark-cp.txt" \
        > /dev/null 2>&1; then
    opens=$(sed -n '/<argLine>/,/<\/argLine>/p' pom.xml | grep -o -- '--add-opens=[^ <]*' | tr '\n' ' ')
    # shellcheck disable=SC2086 # the flags are separate words
    run spark env SPARK_LOCAL_IP=127.0.0.1 java $opens -cp "$(cat "$out/spark-cp.txt"):$jar" \
        org.apache.spark.deploy.SparkSubmit --master 'local[2]' --conf spark.ui.enabled=false \
        --class org.unspin.spark.UnspinJob "$jar" --input "$out/in/mixed.jsonl" --output "$out/spark-out"
    rm -f "$out/spark-cp.txt"
    # Spark's log lines carry times; what the job itself prints starts with "unspin:".
    grep '^unspin:' "$out/spark.err" > "$out/spark.summary" || true
    rm -f "$out/spark.err" "$out/spark.out"
    cat "$out"/spark-out/part-* > "$out/spark.records" 2>/dev/null || true
    rm -rf "$out/spark-out"
else
    echo "Spark's jars are not in the local Maven repository: the Spark job is not checked" >&2
fi

# The manifest: every output file, by name. Timings in the summaries (seconds, MB/s, documents/s) are masked
# first, and the progress lines dropped (one every 5 s: how many appear depends on the machine's load).
for f in "$out"/*.err "$out"/learn.out; do
    sed -E -i '/^unspin: ([ 0-9]+% )?[0-9,]+ docs, [0-9,.]+ MB, /d' "$f"
    sed -E -i 's/[0-9][0-9.,]* (s|MB\/s|documents\/s)([^a-z]|$)/N \1\2/g' "$f"
done
(cd "$out" && find . -type f | sort | xargs sha256sum) > "$out.sha256"
mv "$out.sha256" "$out/outputs.sha256"
mkdir -p "$final"
mv "$out"/* "$final"/
rmdir "$out"
echo "$(wc -l < "$final/outputs.sha256") outputs fingerprinted in $final/outputs.sha256"
