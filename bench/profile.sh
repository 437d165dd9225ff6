#!/usr/bin/env bash
# Where Gather's CPU goes per dashboard: Gather pinned to core 0 on the shared bench's nginx stubs, wrk on core 1,
# a warm-up, then a JFR recording under load, summarised as the hottest frames (self) and the hottest
# Gather/Micronaut/Reactor frames anywhere on the stack.
# Usage: bench/profile.sh [GATHER_JAVA_OPTS...]
# Env: CONC [64] DURATION [30] WARMUP [40] USERS [100000] JFR [1: record and summarise; 0: CPU per request only]
#      ASPROF [path to libasyncProfiler.so: a CPU profile with native frames instead of JFR, as collapsed stacks
#              (async-profiler is on Maven Central: tools.profiler:async-profiler, unzip the jar)]
#      ASPROF_EVENT [cpu,interval=1ms; alloc: where the heap is allocated, sampled by size]
#      JFR_EVENTS [more JFR settings, e.g. jdk.ClassLoad#enabled=true]
#      JAR [aggregator/target/gather.jar]  JAVA [java]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
CONC=${CONC:-64} DURATION=${DURATION:-30} WARMUP=${WARMUP:-40} USERS=${USERS:-100000} PORT=${PORT:-18180}
out=${OUT_DIR:-$here/results/profile-$(date +%H%M%S)}; mkdir -p "$out"
pids=(); cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }; trap cleanup EXIT
. "$here/gather-flags.sh"; bench_stubs "$out" "$USERS"; gather_flags "$PORT"
java=${JAVA:-java}; jcmd=$(dirname "$(readlink -f "$(command -v "$java")")")/jcmd  # the JDK that runs Gather attaches to it
# flags given to this script come last, so they win over the bench defaults (e.g. -Dendpoints.all.port=28180)
taskset -c 0 "$java" "${GATHER_FLAGS[@]}" "$@" \
  -jar "${JAR:-$root/aggregator/target/gather.jar}" > "$out/gather.log" 2>&1 & gpid=$!; pids+=($gpid)
gather_ready "$out" "$PORT"
run() { taskset -c 1 wrk -t1 -c"$CONC" -d"$1"s --timeout 5s --latency -s "$shared/wrk/dashboard.lua" "http://127.0.0.1:$PORT" -- "$out/tokens.txt" /api/v1/dashboard '"degraded":true'; }
run "$WARMUP" > "$out/wrk-warmup.txt"
t0=$(awk '{print $14+$15}' /proc/$gpid/stat)
if [[ -n ${ASPROF:-} ]]; then JFR=0; "$jcmd" $gpid JVMTI.agent_load "$ASPROF" "\"start,event=${ASPROF_EVENT:-cpu,interval=1ms}\"" > /dev/null; fi
[[ ${JFR:-1} == 0 ]] || "$jcmd" $gpid JFR.start name=p settings=profile jdk.ExecutionSample#period=2ms ${JFR_EVENTS:-} filename="$out/rec.jfr" > /dev/null
run "$DURATION" > "$out/wrk.txt"
[[ ${JFR:-1} == 0 ]] || "$jcmd" $gpid JFR.stop name=p > /dev/null
[[ -z ${ASPROF:-} ]] || "$jcmd" $gpid JVMTI.agent_load "$ASPROF" "\"stop,file=$out/cpu.collapsed\"" > /dev/null
t1=$(awk '{print $14+$15}' /proc/$gpid/stat)
reqs=$(grep -oE '^WRK .*' "$out/wrk.txt" | grep -oE 'requests=[0-9]+' | cut -d= -f2 || true)
[[ -n $reqs ]] || reqs=$(grep -oE '[0-9]+ requests in' "$out/wrk.txt" | awk '{print $1}')
grep -E "Latency|Requests/sec" "$out/wrk.txt" | tee "$out/summary.txt"
echo "requests=$reqs cpu_ms_per_req=$(echo "scale=3; ($t1-$t0)*10/$reqs" | bc)" | tee -a "$out/summary.txt"
# the heap the process used at the end of the load, and what it keeps after a full GC
"$jcmd" $gpid GC.heap_info > "$out/heap-before-gc.txt"; "$jcmd" $gpid GC.run > /dev/null; "$jcmd" $gpid GC.heap_info > "$out/heap.txt"
echo "after the load and a full GC: $(grep -E 'total|used' "$out/heap.txt" | head -3 | tr -s ' ' | tr '\n' ';')" \
  "rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$gpid/status) / 1024 ))" | tee -a "$out/summary.txt"
[[ ${JFR:-1} != 0 ]] || exit 0
"$(dirname "$jcmd")/jfr" print --events jdk.ExecutionSample "$out/rec.jfr" > "$out/samples.txt"
python3 - "$out/samples.txt" <<'PY' | tee -a "$out/summary.txt"
import re, sys, collections
text = open(sys.argv[1]).read()
stacks = [re.findall(r'^\s+([\w.$<>]+)\(', b, re.M) for b in text.split('jdk.ExecutionSample')[1:]]
top = collections.Counter(s[0] for s in stacks if s)
anyg = collections.Counter()
for s in stacks:
    for f in set(s):
        if f.startswith(('io.gather', 'io.micronaut.http.server', 'io.micronaut.serde', 'io.micronaut.security', 'reactor.', 'io.github', 'com.github.benmanes', 'io.github.bucket4j', 'com.nimbusds', 'io.netty.handler.codec')):
            anyg[f] += 1
n = len(stacks)
print(f"samples={n}\n-- top self frames")
for f, c in top.most_common(25): print(f"{100*c/n:5.1f}% {f}")
print("-- frames anywhere on the stack (inclusive)")
for f, c in anyg.most_common(60): print(f"{100*c/n:5.1f}% {f}")
PY
