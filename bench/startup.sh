#!/usr/bin/env bash
# Start-up of `unspin fix` on one paragraph (the first 600 bytes of testdata/spun-news.txt, which reach
# LanguageTool, the restorer and the suspect-word flags), RUNS times each with the default options and with
# parts switched off, and on a clean paragraph of the same size (testdata/clean-sotu-excerpt.txt). Prints the
# median and range of wall time, user + sys CPU and peak RSS as a markdown table, also written to
# target/bench/startup.md. Needs GNU time.
# Usage: bench/startup.sh [RUNS] [JAR]   (defaults 5 and target/unspin.jar; JAVA_OPTS go before -jar;
# STARTUP_PREFIX goes before java: on a machine shared with other jobs, as root, STARTUP_PREFIX="chrt -r 10"
# gives the runs real-time priority, so that they see about what a quiet machine gives)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=${2:-target/unspin.jar}
if [ ! -f "$JAR" ]; then
  [ "$JAR" = target/unspin.jar ] || { echo "$JAR: not found" >&2; exit 2; }
  mvn -q -B -ntp package -Dmaven.test.skip=true
fi
out=target/bench
mkdir -p "$out"
head -c 600 testdata/spun-news.txt >"$out/startup-spun.txt"
head -c 600 testdata/clean-sotu-excerpt.txt >"$out/startup-clean.txt"
results=$out/startup.md
say() { echo "$*" | tee -a "$results"; }
: >"$results"
say "# unspin fix start-up, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at start"
say ""
say "$JAR, $RUNS runs each${STARTUP_PREFIX:+, run under \`$STARTUP_PREFIX\`}${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}; median (min–max)"
say ""
say "| input, options | wall s | user + sys CPU s | peak RSS MB |"
say "| --- | --- | --- | --- |"
# median (min–max) of a column of numbers
stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f (%.2f–%.2f)", m, v[1], v[NR]}'; }
run() {
  local input=$1 label=$2; shift 2
  : >"$out/startup.times"
  for ((i = 0; i < RUNS; i++)); do
    # shellcheck disable=SC2086  # the prefix and JAVA_OPTS are split into words on purpose
    ${STARTUP_PREFIX:-} /usr/bin/time -f "%e %U %S %M" -a -o "$out/startup.times" java ${JAVA_OPTS:-} -jar "$JAR" \
        fix "$@" "$input" >/dev/null
  done
  say "| $label | $(awk '{print $1}' "$out/startup.times" | stats) | $(awk '{print $2+$3}' "$out/startup.times" | stats) |" \
      "$(awk '{print $4/1024}' "$out/startup.times" | stats | sed 's/\.[0-9]*//g') |"
}
run "$out/startup-spun.txt" "spun paragraph, default"
run "$out/startup-spun.txt" "spun, \`--no-context-rules\`" --no-context-rules
run "$out/startup-spun.txt" "spun, \`--no-restore\`" --no-restore
run "$out/startup-spun.txt" "spun, both off" --no-context-rules --no-restore
run "$out/startup-clean.txt" "clean paragraph, default"
