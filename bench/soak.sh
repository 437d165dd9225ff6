#!/usr/bin/env bash
# Fault soak: 10,000 dashboards (REQUESTS) while one downstream misbehaves, and what Gather holds before
# and after: threads, TCP connections, and stack traces in its log. "Before" is taken after a healthy
# warm-up at the same concurrency, so the client pools have grown to their working size.
#
# Usage: bench/soak.sh SERVICE=BEHAVIOUR...   e.g. bench/soak.sh orders=hang   bench/soak.sh recommendations=reset
#        (behaviours: those of contract-stubs, e.g. hang, reset, 503, slow:2000, refuse)
# Env:   REQUESTS [10000]  SOAK_SECONDS [90: a run ends at REQUESTS or this, whichever first]  CONC [64]  USERS [1000]  GATHER_JAVA_OPTS [none]  PORT [18080]  STUB_BASE [19101]
# Everything listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
(($#)) || set -- orders=hang
REQUESTS=${REQUESTS:-10000} CONC=${CONC:-64} USERS=${USERS:-1000} PORT=${PORT:-18080} STUB_BASE=${STUB_BASE:-19101}
command -v wrk >/dev/null || { echo "soak: wrk is missing (bash $shared/setup.sh installs it)" >&2; exit 1; }
out=${OUT_DIR:-$here/results/soak-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
set -a; . "$shared/bench.env"; set +a

[[ -f $root/aggregator/target/gather.jar && -f $root/contract-stubs/target/contract-stubs.jar ]] \
  || (cd "$root" && mvn -B -q -ntp -DskipTests package -pl aggregator,contract-stubs -am)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -jar "$root/contract-stubs/target/contract-stubs.jar" --port-base "$STUB_BASE" \
  --latency profile=50 --latency orders=80 --latency notifications=120 --latency recommendations=200 > "$out/stubs.log" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
java ${GATHER_JAVA_OPTS:-} -Dmicronaut.server.port="$PORT" \
  -Dmicronaut.security.token.jwt.signatures.secret.generator.secret="$JWT_SECRET" \
  -Dmicronaut.security.token.jwt.claims-validators.issuer="$JWT_ISSUER" \
  -Dmicronaut.security.token.jwt.claims-validators.audience="$JWT_AUDIENCE" \
  -Dmicronaut.http.services.profile.url="http://127.0.0.1:$STUB_BASE" \
  -Dmicronaut.http.services.orders.url="http://127.0.0.1:$((STUB_BASE + 1))" \
  -Dmicronaut.http.services.notifications.url="http://127.0.0.1:$((STUB_BASE + 2))" \
  -Dmicronaut.http.services.recommendations.url="http://127.0.0.1:$((STUB_BASE + 3))" \
  -jar "$root/aggregator/target/gather.jar" > "$out/gather.log" 2>&1 &
gather=$!
pids+=("$gather")

/usr/bin/python3 "$shared/tokens.py" --count "$USERS" | awk '{print $2}' > "$out/tokens.txt"
token=$(head -1 "$out/tokens.txt")
for _ in $(seq 1 120); do
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/dashboard" && break
  sleep 0.5
done

cat > "$out/soak.lua" <<'LUA'
local tokens, n, answered, limit, threads = {}, 0, 0, tonumber(os.getenv("SOAK_REQUESTS")), {}
statuses = {}
setup = function(thread) threads[#threads + 1] = thread end
init = function(args) for line in io.lines(os.getenv("SOAK_TOKENS")) do tokens[#tokens + 1] = line end end
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/dashboard", {["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]})
end
response = function(status, headers, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if answered >= limit then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  local line = "statuses:"
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do line = line .. " " .. status .. "=" .. count end
  end
  io.write(line .. "\n")
end
LUA

held() { # threads and open sockets (TCP connections, plus the listening one) of the Gather process
  local threads sockets
  threads=$(ls "/proc/$gather/task" | wc -l)
  sockets=$(ls -l "/proc/$gather/fd" | grep -c 'socket:' || true)
  echo "threads=$threads sockets=$sockets"
}
port_of() { # service -> its stub's port
  local i=0
  for s in profile orders notifications recommendations; do
    [[ $s == "$1" ]] && { echo $((STUB_BASE + i)); return; }
    i=$((i + 1))
  done
  echo "soak: unknown service $1" >&2; exit 1
}
run() { # $1: requests; wrk, one thread, CONC connections
  SOAK_REQUESTS=$1 SOAK_TOKENS="$out/tokens.txt" wrk -t1 -c"$CONC" -d"${SOAK_SECONDS:-90}s" --timeout 5s --latency \
    -s "$out/soak.lua" "http://127.0.0.1:$PORT/api/v1/dashboard"
}

echo "== warm-up: $REQUESTS healthy dashboards" | tee "$out/soak.txt"
run "$REQUESTS" > "$out/wrk-warmup.txt"; sleep 2
before=$(held)
echo "before: $before" | tee -a "$out/soak.txt"
for spec in "$@"; do
  curl -fs -X POST "http://127.0.0.1:$(port_of "${spec%%=*}")/__stub/behaviour?set=${spec#*=}" > /dev/null
done
echo "== fault: $* ; $REQUESTS dashboards" | tee -a "$out/soak.txt"
run "$REQUESTS" | tee "$out/wrk-fault.txt" | grep -E "requests in|Latency  |Non-2xx|Socket errors|statuses" | tee -a "$out/soak.txt"
degraded=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/dashboard" | grep -o '"sections":.*' | head -c 600)
echo "one answer during the fault: $degraded" | tee -a "$out/soak.txt"
sleep 5
after=$(held)
echo "after:  $after" | tee -a "$out/soak.txt"
traces=$(grep -cE '^\s+at |Exception|Error' "$out/gather.log" || true)
echo "log lines with a stack frame, Exception or Error: $traces (log: $out/gather.log)" | tee -a "$out/soak.txt"
