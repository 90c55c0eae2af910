#!/usr/bin/env bash
# Runs the shell commands of README.md and docs/*.md as written, so the documentation cannot go stale
# unnoticed (Step 8: "every command in README and docs runs as written").
#
#   scripts/check-docs.sh          every command but the slow ones (benchmarks); needs target/unspin.jar
#   scripts/check-docs.sh --slow   the benchmarks too
#
# It reads the ```sh blocks. A line starting with "$ " is a command and the lines after it, up to the next
# command, are its output: each of those lines that is shown whole (not elided with "...", not pretty-printed
# JSON) must appear in what the command prints. In a block without "$ " every line is a command; a trailing
# "\" continues it. A command passes when it exits 0 (1 for check, which means "found something").
#
# The commands run in a scratch folder where the repository's files (target/, testdata/, scripts/, pom.xml,
# ...) are links, and the example inputs the docs name are made from testdata/: articles/ and big/ (the sample
# texts), more.txt and new-article.txt, dump.jsonl (the manuals documents with their text in "body"),
# planted.jsonl (the news documents), spun/ and crawl/, my-phrases.tsv (one row). `serve` is started in the
# background for the curl lines after it in its block, and stopped after them.
#
# Not run, each named in the output with the reason: synopsis lines ([options], ...); builds and the test
# suite (mvn, scripts/test.sh: CI runs them); spark-submit and LanguageTool's own server, with the curl lines
# that talk to it (neither is installed here; the Spark job runs in SparkJobTest and scripts/check-outputs.sh).
# The slow ones, run with --slow: the benchmarks and scripts/check-reproducible.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
slow=0
[ "${1:-}" = "--slow" ] && slow=1
[ -f target/unspin.jar ] || { echo "check-docs: target/unspin.jar is missing: mvn -q -B package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for d in target testdata dictionaries scripts bench src docs pom.xml README.md; do ln -s "$root/$d" "$work/$d"; done
mkdir -p "$work/articles" "$work/big" "$work/spun" "$work/crawl"
cp testdata/*.txt "$work/articles/"
cp testdata/*.txt "$work/big/"
cp testdata/spun-*.txt "$work/spun/"
cp testdata/clean-sotu-excerpt.txt "$work/crawl/"
cp testdata/spun-news.txt "$work/more.txt"
cp testdata/spun-news.txt "$work/new-article.txt"
sed 's/"text": /"body": /' testdata/eval/manuals.jsonl > "$work/dump.jsonl"
cp testdata/eval/news-modern.jsonl "$work/planted.jsonl"
printf 'secretary of condition\tsecretary of state\t0.95\n' > "$work/my-phrases.tsv"

# Commands, one per record: the block's number, FILE:LINE, the command, then its shown output lines (separated by \x1f).
commands=$(awk '
    FNR == 1 { inb = 0 }
    /^```/ { if (inb) { flush(); inb = 0 } else { inb = 1; block++; lang = substr($0, 4); dollar = 0; cmd = "" }; next }
    !inb || lang != "sh" { next }
    /^\$ / { flush(); dollar = 1; start(substr($0, 3)); next }
    dollar && cont == 0 && cmd != "" { out = out "\x1f" $0; next }
    cont { cmd = cmd "\n" $0; cont = ($0 ~ /\\$/); next }
    /^[ \t]*(#|$)/ { next }
    { flush(); start($0) }
    function start(line) { cmd = line; where = FILENAME ":" FNR; out = ""; cont = (line ~ /\\$/) }
    function flush() { if (cmd != "") { gsub(/\n/, "\x1e", cmd); print block "\t" where "\t" cmd "\t" out }; cmd = ""; out = ""; cont = 0 }
    END { flush() }
' README.md docs/*.md)

passed=0 failed=0 skipped=0
skip() { echo "skip  $1: $2"; skipped=$((skipped + 1)); }
# Waits for the server to exit, so the next one can bind the port.
stop_server() { [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true; server=""; }
while IFS=$'\t' read -r block where cmd shown; do
    [ "$block" = "${server_block:-}" ] || stop_server
    cmd=${cmd//$'\x1e'/$'\n'}
    first=${cmd%%$'\n'*}
    case "$first" in
        *"[options]"*|*"CORPUS..."*|*"INPUT..."*) skip "$where" "synopsis: $first"; continue ;;
        *mvn\ *) skip "$where" "builds the project (CI builds it): $first"; continue ;;
        scripts/test.sh*) skip "$where" "the test suite (CI runs it): $first"; continue ;;
        scripts/check-docs.sh*) skip "$where" "this script itself: $first"; continue ;;
        spark-submit*) skip "$where" "needs a Spark installation (the job runs in SparkJobTest): $first"; continue ;;
        *languagetool-server.jar*) skip "$where" "needs LanguageTool's own server: $first"; continue ;;
    esac
    if [[ "$first" == curl* ]] && ! command -v curl >/dev/null; then
        skip "$where" "curl is not installed: $first"
        continue
    fi
    if [[ "$first" == curl* ]] && [ -z "$server" ]; then
        skip "$where" "talks to a server not started here: $first"
        continue
    fi
    if [ $slow -eq 0 ] && [[ "$first" =~ (bench\ --text|bench\ --compare|bench/|ReportBench|taskset|check-reproducible) ]]; then
        skip "$where" "slow (--slow runs it): $first"
        continue
    fi
    if [[ "$first" =~ unspin\.jar\ serve ]]; then
        stop_server
        (cd "$work" && exec bash -c "$cmd") >"$work/serve.log" 2>&1 &
        server=$!
        server_block=$block
        for _ in $(seq 1 100); do grep -q 'serving on' "$work/serve.log" && break; sleep 0.2; done
        if kill -0 "$server" 2>/dev/null && grep -qF "${shown#$'\x1f'}" "$work/serve.log"; then
            echo "ok    $where: $first (in the background)"; passed=$((passed + 1))
        else
            echo "FAIL  $where: $first: $(head -3 "$work/serve.log")"; failed=$((failed + 1))
        fi
        continue
    fi
    set +e
    (cd "$work" && bash -c "set -o pipefail; $cmd") >"$work/out" 2>&1
    rc=$?
    set -e
    ok=1
    case "$rc:$first" in 0:*|1:*unspin.jar\ check*) ;; *) ok=0; why="exit $rc" ;; esac
    if [ $ok -eq 1 ] && [ -n "$shown" ]; then
        while IFS= read -r -d $'\x1f' line; do
            [ -n "$line" ] || continue
            case "$line" in *...*|'{'*|' '*|'"'*) continue ;; esac
            grep -qxF -- "$line" "$work/out" || { ok=0; why="does not print: $line"; break; }
        done <<< "${shown#$'\x1f'}"$'\x1f'
    fi
    if [ $ok -eq 1 ]; then
        echo "ok    $where: $first"; passed=$((passed + 1))
    else
        echo "FAIL  $where: $first: $why"; sed 's/^/      | /' "$work/out" | head -5; failed=$((failed + 1))
    fi
done <<< "$commands"
stop_server
echo "check-docs: $passed ran as written, $failed failed, $skipped not run"
[ $failed -eq 0 ]
