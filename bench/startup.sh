#!/usr/bin/env bash
# Fat jar start to first answer, and the heap after a short load, on the shared bench's stubs (Gather on core 0).
# Each run launches `java -jar gather.jar`, asks for a dashboard every 10 ms until one answers 200, and reports the
# milliseconds from launch to that answer. With CDS=1 a training run (start, 2000 dashboards, stop) first writes a
# class-data archive, and the measured runs use it: JDK 17-24 an AppCDS archive (-XX:ArchiveClassesAtExit), JDK 25+
# an AOT cache (-XX:AOTCacheOutput, which also keeps the training run's method profiles).
# Usage: bench/startup.sh [JVM flags...]   Env: RUNS [5] CDS [0] CPUS [0: the cores Gather may use, for taskset]
#        JAR [aggregator/target/gather.jar] JAVA [java]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
CPUS=${CPUS:-0} RUNS=${RUNS:-5} PORT=${PORT:-18190} JAVA=${JAVA:-java} JAR=${JAR:-$root/aggregator/target/gather.jar}
out=${OUT_DIR:-$here/results/startup-$(date +%H%M%S)}; mkdir -p "$out"
pids=(); gpid=''; cleanup() { for p in "${pids[@]}" $gpid; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
. "$here/gather-flags.sh"; bench_stubs "$out" 1000; gather_flags "$PORT"
tok=$(head -1 "$out/tokens.txt" | awk '{print $2}')
props=("${GATHER_FLAGS[@]}" -Dgather.access-log.enabled=false)
major=$(java_major "$JAVA")
cds=()
if [[ ${CDS:-0} == 1 ]]; then
  if (( major >= 25 )); then train=(-XX:AOTCacheOutput="$out/gather.aot"); cds=(-XX:AOTCache="$out/gather.aot")
  else train=(-XX:ArchiveClassesAtExit="$out/gather.jsa"); cds=(-XX:SharedArchiveFile="$out/gather.jsa"); fi
  taskset -c "$CPUS" "$JAVA" "${train[@]}" "${props[@]}" "$@" -jar "$JAR" > "$out/train.log" 2>&1 & tpid=$!
  until curl -fs -o /dev/null -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/api/v1/dashboard"; do sleep 0.2; done
  taskset -c 1 wrk -t1 -c16 -d10s -s "$shared/wrk/dashboard.lua" "http://127.0.0.1:$PORT" -- "$out/tokens.txt" /api/v1/dashboard > "$out/train-wrk.txt"
  kill -TERM $tpid; wait $tpid || true
  ls -la "$out"/gather.* | tee -a "$out/summary.txt"
fi
for run in $(seq "$RUNS"); do
  t0=$(date +%s%N)
  taskset -c "$CPUS" "$JAVA" "${cds[@]}" "${props[@]}" "$@" -jar "$JAR" > "$out/run-$run.log" 2>&1 & gpid=$!
  until curl -fs -o /dev/null -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/api/v1/dashboard"; do sleep 0.01; done
  t1=$(date +%s%N)
  echo "run=$run java=$major cds=${CDS:-0} start_to_first_answer_ms=$(( (t1 - t0) / 1000000 ))" | tee -a "$out/summary.txt"
  if [[ $run == "$RUNS" ]]; then
    # heap after a short load and a full GC: what the process keeps
    taskset -c 1 wrk -t1 -c64 -d20s -s "$shared/wrk/dashboard.lua" "http://127.0.0.1:$PORT" -- "$out/tokens.txt" /api/v1/dashboard > "$out/load-wrk.txt"
    jcmd $gpid GC.run > /dev/null
    jcmd $gpid GC.heap_info > "$out/heap.txt"; head -3 "$out/heap.txt" | tee -a "$out/summary.txt"
    echo "rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$gpid/status) / 1024 ))" | tee -a "$out/summary.txt"
  fi
  kill -TERM $gpid; wait $gpid 2>/dev/null || true; sleep 0.5
done
