#!/usr/bin/env bash
# The corpus-scale benchmark (docs/benchmarks.md), side by side in one run on the same input:
#   1. unspin fix on MB megabytes of JSONL (State of the Union cut into 4 KB documents): 1 thread pinned to one
#      core, then 2 threads; docs/s, MB/s, peak RSS, heap capped at 1 GB;
#   2. the Spark job in local[2] mode on the same file, and a check that its records equal the CLI's;
#   3. bench --compare on the same documents: unspin's pipeline, LanguageTool with unspin's phrase table as a
#      replace rule and with its default rules (on a sample, extrapolated), and an Aho-Corasick pass;
#   4. BIG_MB megabytes of JSONL with three malformed lines planted, under -Xmx1g: every record out, in order,
#      the bad lines reported and kept.
#   5. SCALE_MB megabytes of JSONL with 1 thread pinned to one core and with 2 threads: throughput per core end
#      to end (JVM start, LanguageTool loading and JIT compilation are a fixed few CPU-seconds per run, so a
#      corpus-sized input shows the rate a long run settles at) and the scaling from one core to two.
# Results: target/bench/results.md. Needs GNU time (/usr/bin/time). Usage: bench/run.sh [MB] [BIG_MB] [SCALE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-220}
BIG_MB=${2:-1100}
SCALE_MB=${3:-3300}
out=target/bench
mkdir -p "$out"
scripts/fetch-corpora.sh >/dev/null
[ -f target/unspin.jar ] || mvn -q -B -ntp package -DskipTests
sotu=target/corpora/sotu/package/data
jar=target/unspin.jar
results=$out/results.md
: >"$results"
say() { echo "$*" | tee -a "$results"; }

java -jar $jar bench --make-jsonl $out/news.jsonl --mb "$MB" --text $sotu >/dev/null
bytes=$(stat -c %s $out/news.jsonl)
docs=$(wc -l <$out/news.jsonl)
say "# unspin corpus benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
say ""
say "Input: $out/news.jsonl, $docs documents, $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB"
say ""
say "| run | wall s | MB/s (wall, JVM start included) | docs/s | MB/s per core (workers' CPU time) | peak RSS MB |"
say "| --- | --- | --- | --- | --- | --- |"
row() { # name, time file, stats file (optional)
    read -r secs rss <"$2"
    local per_core="-"
    [ -n "${3:-}" ] && per_core=$(grep -o '"mbPerWorkerCpuSecond" : [0-9.]*' "$3" | grep -o '[0-9.]*$')
    say "| $1 | $secs | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6/$secs}") | $(awk "BEGIN{printf \"%.0f\", $docs/$secs}") | $per_core | $((rss / 1024)) |"
}

/usr/bin/time -f "%e %M" -o $out/t1.time taskset -c 0 java -Xmx1g -jar $jar fix --quiet --threads 1 \
    $out/news.jsonl -o $out/fix-t1.jsonl --stats $out/fix-t1.stats.json
row "unspin fix, 1 thread, pinned to one core" $out/t1.time $out/fix-t1.stats.json
/usr/bin/time -f "%e %M" -o $out/t2.time java -Xmx1g -jar $jar fix --quiet --threads 2 \
    $out/news.jsonl -o $out/fix-t2.jsonl --stats $out/fix-t2.stats.json
row "unspin fix, 2 threads" $out/t2.time $out/fix-t2.stats.json
cmp -s $out/fix-t1.jsonl $out/fix-t2.jsonl || { echo "1 and 2 threads differ" >&2; exit 1; }

# Spark in local mode, with Spark's own jars first on the class path as spark-submit would put them.
[ -f $out/spark-cp.txt ] || mvn -q -B -ntp dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile=$out/spark-cp.txt >/dev/null
opens=$(sed -n '/<argLine>/,/<\/argLine>/p' pom.xml | grep -o -- '--add-opens=[^ <]*' | tr '\n' ' ')
rm -rf $out/spark-out
SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "%e %M" -o $out/spark.time java -Xmx1g $opens \
    -cp "$(cat $out/spark-cp.txt):$jar" org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
    --conf spark.ui.enabled=false --class org.unspin.spark.UnspinJob $jar \
    --input $out/news.jsonl --output $out/spark-out 2>$out/spark.log
row "Spark job, local[2]" $out/spark.time
if cat $out/spark-out/part-* | cmp -s - $out/fix-t2.jsonl; then
    say ""; say "Spark output equals the CLI output byte for byte."
else
    say ""; say "Spark output DIFFERS from the CLI output."
fi
t1=$(cut -d' ' -f1 $out/t1.time); t2=$(cut -d' ' -f1 $out/t2.time)
say "Scaling from 1 to 2 threads: $(awk "BEGIN{printf \"%.2f\", $t1/$t2}")x"
say ""

say '```'
taskset -c 0 java -jar $jar bench --compare --text $sotu --mb 50 | tee -a "$results"
say '```'
say ""

# A gigabyte under a 1 GB heap, with three malformed lines planted: every line must come out, in order.
java -jar $jar bench --make-jsonl $out/big.jsonl --mb "$BIG_MB" --text $sotu >/dev/null
awk 'NR==1000 {print "{\"id\":\"bad-1\",\"text\":\"unterminated"} NR==200000 {print "not json at all"}
     NR==250000 {print "{\"id\":\"bad-3\",\"body\":\"no text field\"}"} {print}' $out/big.jsonl >$out/big-bad.jsonl
rm $out/big.jsonl
big_bytes=$(stat -c %s $out/big-bad.jsonl)
/usr/bin/time -f "%e %M" -o $out/big.time java -Xmx1g -jar $jar fix --quiet --threads 2 --edits none \
    $out/big-bad.jsonl -o $out/big-out.jsonl --errors $out/big-errors.jsonl --stats $out/big.stats.json
read -r secs rss <$out/big.time
in_ids=$(grep -o '^{"id":"[^"]*"' $out/big-bad.jsonl | md5sum)
out_ids=$(grep -o '^{"id":"[^"]*"' $out/big-out.jsonl | md5sum)
say "1 GB run: $(awk "BEGIN{printf \"%.0f\", $big_bytes/1e6}") MB, $(wc -l <$out/big-bad.jsonl) lines in," \
    "$(wc -l <$out/big-out.jsonl) lines out, ids in order: $([ "$in_ids" = "$out_ids" ] && echo yes || echo NO)," \
    "malformed lines reported: $(wc -l <$out/big-errors.jsonl), $secs s," \
    "$(awk "BEGIN{printf \"%.1f\", $big_bytes/1e6/$secs}") MB/s, heap cap 1 GB, peak RSS $((rss / 1024)) MB"
rm -f $out/big-bad.jsonl $out/big-out.jsonl

# Per-core throughput end to end, with the default output (--edits summary), on one pinned core and on two.
java -jar $jar bench --make-jsonl $out/scale.jsonl --mb "$SCALE_MB" --text $sotu >/dev/null
scale_bytes=$(stat -c %s $out/scale.jsonl)
scale_row() { # name, time file, stats file
    read -r secs rss <"$2"
    local per_core=$(grep -o '"mbPerWorkerCpuSecond" : [0-9.]*' "$3" | grep -o '[0-9.]*$')
    say "| $1 | $secs | $(awk "BEGIN{printf \"%.1f\", $scale_bytes/1e6/$secs}") | $per_core | $((rss / 1024)) |"
}
say ""
say "| $(awk "BEGIN{printf \"%.0f\", $scale_bytes/1e6}") MB run, default output | wall s | MB/s (wall, end to end) | MB/s per core (workers' CPU time) | peak RSS MB |"
say "| --- | --- | --- | --- | --- |"
/usr/bin/time -f "%e %M" -o $out/scale-t1.time taskset -c 0 java -Xmx1g -jar $jar fix --quiet --threads 1 \
    $out/scale.jsonl -o $out/scale-t1.jsonl --stats $out/scale-t1.stats.json
scale_row "unspin fix, 1 thread, pinned to one core" $out/scale-t1.time $out/scale-t1.stats.json
/usr/bin/time -f "%e %M" -o $out/scale-t2.time java -Xmx1g -jar $jar fix --quiet --threads 2 \
    $out/scale.jsonl -o $out/scale-t2.jsonl --stats $out/scale-t2.stats.json
scale_row "unspin fix, 2 threads" $out/scale-t2.time $out/scale-t2.stats.json
cmp -s $out/scale-t1.jsonl $out/scale-t2.jsonl || { echo "scale run: 1 and 2 threads differ" >&2; exit 1; }
s1=$(cut -d' ' -f1 $out/scale-t1.time); s2=$(cut -d' ' -f1 $out/scale-t2.time)
say ""
say "Scaling from 1 to 2 threads on $(awk "BEGIN{printf \"%.0f\", $scale_bytes/1e6}") MB: $(awk "BEGIN{printf \"%.2f\", $s1/$s2}")x"
rm -f $out/scale.jsonl $out/scale-t1.jsonl $out/scale-t2.jsonl
