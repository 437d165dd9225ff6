#!/usr/bin/env bash
# Callers who give up: CALLERS requests at once against a Gather that assembles TURNS dashboards at a time, each
# caller hanging up after GIVE_UP seconds (curl -m), on the shared bench's nginx stubs (50-200 ms). Prints the
# admission queue and the dashboards under way right after the callers left and 3 s later, and the answers by status
# from the access lines (499: the caller had hung up; the dashboard, or its wait for a turn, was cancelled).
# Usage: bench/hangups.sh   Env: CALLERS [200] GIVE_UP [0.5] TURNS [8] JAR [aggregator/target/gather.jar] JAVA [java]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
CALLERS=${CALLERS:-200} GIVE_UP=${GIVE_UP:-0.5} TURNS=${TURNS:-8} PORT=${PORT:-18310}
out=${OUT_DIR:-$here/results/hangups-$(date +%H%M%S)}; mkdir -p "$out"
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }; trap cleanup EXIT
. "$here/gather-flags.sh"; bench_stubs "$out" "$CALLERS"; gather_flags "$PORT"
"${JAVA:-java}" "${GATHER_FLAGS[@]}" -Dgather.access-log.format=text -Dgather.admission.slow-start=0s \
  -Dgather.admission.min-concurrent="$TURNS" -Dgather.admission.max-concurrent="$TURNS" \
  -jar "${JAR:-$root/aggregator/target/gather.jar}" > "$out/gather.log" 2>&1 & pids+=($!)
gather_ready "$out" "$PORT"
admission() { curl -s "http://127.0.0.1:$((PORT + 1))/prometheus" | grep -E '^gather_admission_(queued|in_flight|refused_total)' | tr '\n' ' '; echo; }
awk '{print $2}' "$out/tokens.txt" | xargs -P "$CALLERS" -I{} curl -s -o /dev/null -m "$GIVE_UP" \
  -H "Authorization: Bearer {}" "http://127.0.0.1:$PORT/api/v1/dashboard" || true
sleep 0.2; echo "callers gone 0.2 s ago: $(admission)" | tee "$out/summary.txt"
sleep 3; echo "3 s later:              $(admission)" | tee -a "$out/summary.txt"
echo "answers by status (the first request is the readiness check):" | tee -a "$out/summary.txt"
grep -oE '^GET /api/v1/dashboard [0-9]+' "$out/gather.log" | awk '{print $3}' | sort | uniq -c | tee -a "$out/summary.txt"
