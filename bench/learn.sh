#!/usr/bin/env bash
# unspin learn with and without substitution mining on MB megabytes of JSONL (the State of the Union cut into
# 4 KB documents, repeated): wall time, CPU time (user + sys, JVM start, model loading and JIT included),
# MB per CPU-second (the per-core rate), peak RSS under -Xmx256m, for 1 thread pinned to one core and 2 threads;
# checks that the two models are the same bytes. Results: target/bench/learn.md. Needs GNU time.
# Usage: bench/learn.sh [MB]   (UNSPIN_CP=class path to run from classes instead of target/unspin.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
out=target/bench
mkdir -p "$out"
scripts/fetch-corpora.sh >/dev/null
if [ -n "${UNSPIN_CP:-}" ]; then
  run=(java -Xmx256m -cp "$UNSPIN_CP" org.unspin.cli.Main)
else
  [ -f target/unspin.jar ] || mvn -q -B -ntp package -DskipTests
  run=(java -Xmx256m -jar target/unspin.jar)
fi
in=$out/learn.jsonl
[ -f "$in" ] || "${run[@]}" bench --make-jsonl "$in" --mb "$MB" --text target/corpora/sotu/package/data >/dev/null
bytes=$(stat -c %s "$in")
results=$out/learn.md
say() { echo "$*" | tee -a "$results"; }
: >"$results"
say "# unspin learn, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at start"
say ""
say "Input: $in, $(wc -l <"$in") documents, $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB"
say ""
say "| run | wall s | MB/s (wall) | CPU s | MB per CPU-second | peak RSS MB | summary |"
say "| --- | --- | --- | --- | --- | --- | --- |"
for mine in --no-mine ""; do
  for threads in 1 2; do
    pin=()
    [ "$threads" = 1 ] && pin=(taskset -c 0)
    /usr/bin/time -f "%e %U %S %M" -o $out/learn.time "${pin[@]}" "${run[@]}" learn --jsonl "$in" \
        -o $out/learn-$threads$mine.model --threads "$threads" $mine >$out/learn.out
    read -r secs user sys rss <$out/learn.time
    cpu=$(awk "BEGIN{print $user+$sys}")
    summary=$(sed -n 2p $out/learn.out | cut -d'(' -f1)
    say "| learn $mine --threads $threads | $secs | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6/$secs}") | $cpu |" \
        "$(awk "BEGIN{printf \"%.1f\", $bytes/1e6/$cpu}") | $((rss / 1024)) | ${summary:--} |"
  done
  cmp -s $out/learn-1$mine.model $out/learn-2$mine.model || { echo "1 and 2 threads differ" >&2; exit 1; }
done
