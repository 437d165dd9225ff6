#!/usr/bin/env bash
# SIGTERM as a burst of callers arrives, as in a rolling restart: CALLERS callers at once, each asking for one
# dashboard on a new connection (curl), on the shared bench's nginx stubs (50-200 ms); Gather gets SIGTERM AFTER
# seconds after they set off, just after its start (a cold JVM is slow, so many answers are still under way). Each
# answer is counted as the caller got it: 200 whole, 200 degraded (a section missing or stale), 503 (refused as the
# instance drains), or none (the connection was refused or closed: the listening socket is gone). And from the
# access lines, the sections that came back "unavailable" (a client closed under them). RUNS runs.
# Usage: bench/shutdown.sh   Env: CALLERS [100] AFTER [0.1] RUNS [4] JAR [aggregator/target/gather.jar] JAVA [java]
#                                 GATHER_JAVA_OPTS [none: extra JVM flags]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
CALLERS=${CALLERS:-100} AFTER=${AFTER:-0.1} RUNS=${RUNS:-4} PORT=${PORT:-18320}
out=${OUT_DIR:-$here/results/shutdown-$(date +%H%M%S)}; mkdir -p "$out"
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }; trap cleanup EXIT
. "$here/gather-flags.sh"; bench_stubs "$out" "$CALLERS"; gather_flags "$PORT"
ask() {   # one caller: prints "200 whole", "200 degraded", "503 refused" or "000 none"
  curl -s -m 15 -w '\n%{http_code}' -H "Authorization: Bearer $1" "http://127.0.0.1:$PORT/api/v1/dashboard" \
    | awk '{ body = body $0 "\n"; code = $0 } END { kind = code == "200" ? (body ~ /"degraded":true/ ? "degraded" : "whole") : code == "503" ? "refused" : "none"; print code, kind }'
}
export -f ask; export PORT
for run in $(seq "$RUNS"); do
  "${JAVA:-java}" "${GATHER_FLAGS[@]}" -Dgather.access-log.format=text ${GATHER_JAVA_OPTS:-} \
    -jar "${JAR:-$root/aggregator/target/gather.jar}" > "$out/gather-$run.log" 2>&1 & gpid=$!
  gather_ready "$out" "$PORT"
  awk '{print $2}' "$out/tokens.txt" | xargs -P "$CALLERS" -I{} bash -c 'ask {}' > "$out/answers-$run.txt" & callers=$!
  sleep "$AFTER"; kill -TERM "$gpid"; wait "$gpid" || true
  wait "$callers" || true
  echo "run $run: $(sort "$out/answers-$run.txt" | uniq -c | awk '{printf "%s %s=%s  ", $2, $3, $1}')| sections unavailable: $(grep -o '=missing(unavailable)' "$out/gather-$run.log" | wc -l)" \
    | tee -a "$out/summary.txt"
done
