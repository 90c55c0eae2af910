#!/usr/bin/env bash
# Bounded loopback load test of `unspin serve` with its defaults (docs/server.md): starts the server on a free
# port of 127.0.0.1, then bench/ServerLoad.java runs
#   1. CLIENTS concurrent clients (default 200) POSTing /v2/check for SECONDS (default 30): errors, p50/p99;
#   2. 10 stalled clients (body never finished) while /health is asked 20 times: the slowest answer;
# then the server's peak RSS (VmHWM) is read and it is sent SIGTERM while idle: seconds to exit.
# Only 127.0.0.1 is a target, every loop is bounded, and the server is stopped at the end.
# Results: target/bench/server-load.txt. Usage: bench/server-load.sh [CLIENTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-200}
seconds=${2:-30}
out=target/bench
mkdir -p "$out"
[ -f target/unspin.jar ] || mvn -q -B -ntp package -DskipTests
text=$(mktemp)
sed -n '1p' testdata/spun-news.txt >"$text"   # one spun paragraph, about 230 characters

log=$(mktemp)
java -jar target/unspin.jar serve --host 127.0.0.1 --port 0 >"$out/server-stdout.txt" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$text" "$log"' EXIT
for _ in $(seq 1 120); do
  grep -q "serving on" "$out/server-stdout.txt" 2>/dev/null && break
  sleep 0.5
done
port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out/server-stdout.txt" | head -n 1)
[ -n "$port" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }

results=$out/server-load.txt
echo "date=$(date -u +%Y-%m-%dT%H:%MZ) cores=$(nproc) load_average=$(cut -d' ' -f1 /proc/loadavg) server defaults (threads=cores, queue 512, 1024 connections)" | tee "$results"
java bench/ServerLoad.java "$port" "$clients" "$seconds" "$text" | tee -a "$results"
echo "server_peak_rss_mb=$(( $(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$server/status) / 1024 ))" | tee -a "$results"
sleep 1   # idle: the load test's connections are closed
started=$(date +%s%N)
kill -TERM "$server"
wait "$server" || true
echo "sigterm_idle_exit_seconds=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN { printf "%.2f", ns / 1e9 }')" | tee -a "$results"
grep -c " 200 " "$log" | sed 's/^/server_log_200_lines=/' | tee -a "$results"
trap - EXIT
rm -f "$text" "$log"
