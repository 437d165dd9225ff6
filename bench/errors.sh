#!/usr/bin/env bash
# What an error answer costs: one Gather on core 0 (bench stubs, 1000 users), wrk on core 1 with 64 connections,
# a 30 s dashboard warm-up, then D seconds of each kind of request (a dashboard, no token, a forged signature, a
# token that is no JWT, an unknown path, a bad parameter, another user's dashboard, a wrong method), ROUNDS times,
# each with Gather's CPU milliseconds per answer.
# Usage: bench/errors.sh [JVM flags...]   Env: D [10] ROUNDS ["1 2"] JAR [aggregator/target/gather.jar] OUT
#        PROF [a kind: async-profile it, with ASPROF the path to libasyncProfiler.so, as bench/profile.sh]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}; PORT=${PORT:-18180}
out=${OUT:-$here/results/errors-$(date +%H%M%S)}; rm -rf "$out"; mkdir -p "$out"
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }; trap cleanup EXIT
. "$here/gather-flags.sh"; bench_stubs "$out" 1000; gather_flags "$PORT"
taskset -c 0 java "${GATHER_FLAGS[@]}" "$@" -jar ${JAR:-$root/aggregator/target/gather.jar} > "$out/gather.log" 2>&1 & gpid=$!; pids+=($gpid)
gather_ready "$out" "$PORT"
echo 'wrk.method = "DELETE"' > "$out/delete.lua"
tok=$(head -1 $out/tokens.txt | awk '{print $2}')
taskset -c 1 wrk -t1 -c64 -d30s -s "$shared/wrk/dashboard.lua" "http://127.0.0.1:$PORT" -- "$out/tokens.txt" /api/v1/dashboard > $out/warm.txt
measure() { # name, wrk args...
  local name=$1; shift
  [[ "${PROF:-}" != "$name" ]] || jcmd $gpid JVMTI.agent_load "$ASPROF" "\"start,event=cpu,interval=1ms\"" > /dev/null
  t0=$(awk '{print $14+$15}' /proc/$gpid/stat)
  taskset -c 1 wrk -t1 -c64 -d${D:-10}s "$@" > $out/$name.txt
  [[ "${PROF:-}" != "$name" ]] || jcmd $gpid JVMTI.agent_load "$ASPROF" "\"stop,file=$out/$name.collapsed\"" > /dev/null
  t1=$(awk '{print $14+$15}' /proc/$gpid/stat)
  n=$(grep -oE '[0-9]+ requests in' $out/$name.txt | awk '{print $1}')
  printf "%-14s requests=%-7s rps=%-9s cpu_ms_per_answer=%s\n" $name $n $(grep Requests/sec $out/$name.txt | awk '{print $2}') $(echo "scale=3; ($t1-$t0)*10/$n" | bc)
}
for r in ${ROUNDS:-1 2}; do
measure ok -s "$shared/wrk/dashboard.lua" "http://127.0.0.1:$PORT" -- "$out/tokens.txt" /api/v1/dashboard
measure no-token "http://127.0.0.1:$PORT/api/v1/dashboard"
measure bad-sig -H "Authorization: Bearer ${tok%?}x" "http://127.0.0.1:$PORT/api/v1/dashboard"
measure garbage-tok -H "Authorization: Bearer abc.def.ghi" "http://127.0.0.1:$PORT/api/v1/dashboard"
measure not-found -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/api/v1/nothing"
measure bad-param -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/api/v1/dashboard?view=nope"
measure other-user -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/api/v1/dashboard/u-2"
measure method -H "Authorization: Bearer $tok" -s "$out/delete.lua" "http://127.0.0.1:$PORT/api/v1/dashboard"
done
grep -o '"status":[0-9]*' $out/gather.log | sort | uniq -c
