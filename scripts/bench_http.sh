#!/usr/bin/env bash
# HTTP benchmark of `risalah serve` on an index: resident memory at rest,
# after a 5 s warm-up load and after the measured load, and throughput and
# latency under a bounded load (fixed connections and time) from a second
# process on 127.0.0.1 (wrk, from Debian's packages: apt-get install wrk).
# Non-200 answers are counted and printed.
#
#   cargo build --release
#   cargo bench --bench archive -- --turns 1000000 --keep /tmp/risalah-1m
#   scripts/bench_http.sh /tmp/risalah-1m/index [CONNECTIONS] [SECONDS]
set -euo pipefail
index=${1:?usage: bench_http.sh INDEX_DIR [CONNECTIONS] [SECONDS]}
connections=${2:-32}
seconds=${3:-20}
addr=127.0.0.1:18181
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/target/release/risalah

"$bin" serve --index "$index" --addr "$addr" >/tmp/risalah-bench-serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://$addr/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
rss() { awk '/^VmRSS|^VmHWM/ { printf "%s %.1f MB  ", $1, $2 / 1024 } END { print "" }' "/proc/$pid/status"; }
echo "serve at rest: $(rss)"
wrk -t2 -c"$connections" -d5s --timeout 5s -s "$here/scripts/wrk_queries.lua" "http://$addr" | grep -E "requests in|non-200"
echo "serve after warm-up: $(rss)"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$here/scripts/wrk_queries.lua" "http://$addr"
echo "serve after load: $(rss)"
