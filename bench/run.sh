#!/usr/bin/env bash
# Benchmarks Gather beside the peer BFFs in one run (shared/bench/run-peers.sh), so that figures are
# compared as ratios measured on the same noisy machine. Builds aggregator/target/gather.jar first.
#
# Usage: bench/run.sh [PEER]...        (default: all five peers, then gather; none: gather only)
# Env:   everything run-peers.sh takes (DURATION, WARMUP, CONCS, ROUNDS, USERS, FAULT, PIN, ...), and
#        SHARED_BENCH  where the shared bench is [../shared/bench beside this repository]
#        GATHER_JAVA_OPTS  extra JVM flags for Gather [none: default flags, like the spring peer]
#        GATHER_JAVA  the java command Gather's builds run on [java: the machine's default, JDK 17]
#        ALSO_AOT=1   also run the current build on JDK 25+ with an AOT cache (name gather-aot, port 8086), right
#                     before the default one: a training run (bench/profile.sh: 60 s at 256 connections, then
#                     stop) writes the cache first. AOT_JAVA [the newest JDK under /usr/lib/jvm] runs both.
#        BUILD=0      use aggregator/target/gather.jar as it is (a class-data archive made for it stays valid)
#        BEFORE=REV   also run Gather as built from git revision REV (name gather-before, port 8081),
#                     right before the current one, so a change shows its before and after in one run;
#                     BEFORE="REV1 REV2 ..." runs each as gather-<rev> (ports 8083...), in that order
#        GATHER_RATE_LIMIT_STORE  memory | redis [memory]: redis starts a throwaway redis-server on a free
#                          loopback port for the run (on the load cores when pinned) and stops it after
#        ALSO_REDIS=1  also run Gather with the Redis store (name gather-redis, port 8082) right before the
#                      memory-store one, so both stores show in one run
#        ALSO_FLAGS="..."  also run the current build with these JVM flags (name gather-flags, port 8088) right
#                      before the default one, e.g. the heap layout README recommends for overload
#        SPRING_FLAGS="..."  also run the Spring peer with these JVM flags (name spring-flags, port 8009), first:
#                      the same heap layout for both, so that a ratio compares BFFs, not collectors
#        ALSO_TRACING=1  also run the current build with tracing on (name gather-traced, port 8087) right before
#                      the default one, exporting over OTLP/HTTP to a throwaway sink (bench/otlp-sink.py) on a free
#                      loopback port (on the load cores when pinned) that counts the spans it gets;
#                      TRACING_OPTS adds flags to that build only (e.g. -Dotel.traces.sampler=parentbased_traceidratio
#                      -Dotel.traces.sampler.arg=0.1)
# Gather's section caches are on with their defaults: USERS=1000 repeats users within their freshness
# ("cache on"); USERS=100000 hardly repeats a user within it ("cache off").
# Tokens carry scope "dashboard" and azp "bench"; client bench has a tier of two per-user policies (as the
# default tier has) with quotas no run reaches, so every request is checked and none is refused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${SHARED_BENCH:-$(cd "$root/.." && pwd)/shared/bench}
[[ -f $shared/run-peers.sh ]] || { echo "bench: no run-peers.sh in $shared (set SHARED_BENCH)" >&2; exit 1; }

# The shared bench's own tools and peers, installed once per machine.
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || [[ ! -d $shared/peers/express/node_modules ]] \
  || [[ ! -f $shared/peers/spring/target/spring-peer.jar ]]; then
  bash "$shared/setup.sh"
fi

[[ ${BUILD:-1} == 0 && -f $root/aggregator/target/gather.jar ]] || (cd "$root" && mvn -B -q -ntp -DskipTests package -pl aggregator -am)
jar=$root/aggregator/target/gather.jar

export JWT_EXTRA_CLAIMS=${JWT_EXTRA_CLAIMS:-'{"scope":"dashboard","azp":"bench"}'}
store=${GATHER_RATE_LIMIT_STORE:-memory}
limits="-Dgather.rate-limits.store=$store -Dgather.clients.bench.tier=bench \
 -Dgather.rate-limits.tiers.bench.policies.burst.quota=1000000 -Dgather.rate-limits.tiers.bench.policies.burst.window=10s \
 -Dgather.rate-limits.tiers.bench.policies.burst.per=user \
 -Dgather.rate-limits.tiers.bench.policies.hourly.quota=100000000 -Dgather.rate-limits.tiers.bench.policies.hourly.window=1h \
 -Dgather.rate-limits.tiers.bench.policies.hourly.per=user"
# A free loopback port, and the command prefix that pins a helper process (redis, the OTLP sink) to the load cores.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pin=()
[[ ${PIN:-1} == 0 ]] || ! command -v taskset >/dev/null || pin=(taskset -c "${LOAD_CPUS:-1}")
redis_pid=''
stop_redis() { [[ -z $redis_pid ]] || { kill "$redis_pid" 2>/dev/null; wait "$redis_pid" 2>/dev/null || true; }; }
redis_needed=$store
[[ ${ALSO_REDIS:-0} != 1 ]] || redis_needed=redis
case $redis_needed in
  memory) ;;
  redis)
    command -v redis-server >/dev/null || { echo "bench: GATHER_RATE_LIMIT_STORE=redis needs redis-server (apt-get install redis-server)" >&2; exit 1; }
    redis_port=$(free_port)
    "${pin[@]}" redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning &
    redis_pid=$!
    trap stop_redis EXIT
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    redis-cli -p "$redis_port" ping | grep -q PONG || { echo "bench: redis-server did not start" >&2; exit 1; }
    redis_uri="-Dredis.uri=redis://127.0.0.1:$redis_port"
    [[ $store != redis ]] || limits="$limits $redis_uri"
    echo "bench: rate limits in redis-server on 127.0.0.1:$redis_port (pid $redis_pid)"
    ;;
  *) echo "bench: GATHER_RATE_LIMIT_STORE is memory or redis, not $store" >&2; exit 1 ;;
esac

# bench.env's variables mapped to Gather's keys; expanded by run-peers.sh when it starts Gather.
# Each section gets the peers' per-call timeout; they all start at once, so that is also the deadline.
gather_cmd() { echo "exec ${2:-${GATHER_JAVA:-java}} \${GATHER_JAVA_OPTS:-} ${3:-} \
 -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port=\$PORT -Dendpoints.all.port=\$((PORT + 10000)) \
 -Dmicronaut.security.token.jwt.signatures.secret.generator.secret=\$JWT_SECRET \
 -Dmicronaut.security.token.jwt.claims-validators.issuer=\$JWT_ISSUER \
 -Dmicronaut.security.token.jwt.claims-validators.audience=\$JWT_AUDIENCE \
 -Dmicronaut.http.services.profile.url=\$DOWNSTREAM_PROFILE_URL \
 -Dmicronaut.http.services.orders.url=\$DOWNSTREAM_ORDERS_URL \
 -Dmicronaut.http.services.notifications.url=\$DOWNSTREAM_NOTIFICATIONS_URL \
 -Dmicronaut.http.services.recommendations.url=\$DOWNSTREAM_RECOMMENDATIONS_URL \
 -Dgather.dashboard.deadline=\${DOWNSTREAM_TIMEOUT_MS}ms \
 -Dgather.sections.profile.timeout=\${DOWNSTREAM_TIMEOUT_MS}ms \
 -Dgather.sections.orders.timeout=\${DOWNSTREAM_TIMEOUT_MS}ms \
 -Dgather.sections.notifications.timeout=\${DOWNSTREAM_TIMEOUT_MS}ms \
 -Dgather.sections.recommendations.timeout=\${DOWNSTREAM_TIMEOUT_MS}ms \
 $limits \
 -jar '$1'"; }

# Results go under bench/results/ (git-ignored) unless OUT_DIR says otherwise.
export OUT_DIR=${OUT_DIR:-$here/results/$(date +%Y%m%d-%H%M%S)}

# The baseline builds, from throwaway worktrees of each REV. One REV runs as gather-before (port 8081); several run
# as gather-<rev> (ports 8083, 8084, ...), oldest first as given, each right before the current build.
before_bff=()
if [[ -n ${BEFORE:-} ]]; then
  read -r -a revs <<< "$BEFORE"
  port=8083
  for r in "${revs[@]}"; do
    rev=$(cd "$root" && git rev-parse --short "$r")
    wt=${TMPDIR:-/tmp}/gather-before-$rev
    [[ -d $wt ]] || (cd "$root" && git worktree add --detach "$wt" "$rev" >/dev/null)
    (cd "$wt" && mvn -B -q -ntp -DskipTests package -pl aggregator -am)
    if ((${#revs[@]} == 1)); then
      before_bff+=(--bff "gather-before|8081|/api/v1/dashboard|$(gather_cmd "$wt/aggregator/target/gather.jar")")
    else
      before_bff+=(--bff "gather-$rev|$port|/api/v1/dashboard|$(gather_cmd "$wt/aggregator/target/gather.jar")")
      export "DEGRADED_MARK_gather_$rev=${DEGRADED_MARK_gather_before:-\"degraded\":true}"
      port=$((port + 1))
    fi
  done
fi
if [[ ${ALSO_REDIS:-0} == 1 ]]; then
  redis_cmd=$(gather_cmd "$jar")
  redis_cmd=${redis_cmd/-Dgather.rate-limits.store=$store/-Dgather.rate-limits.store=redis $redis_uri}
  before_bff+=(--bff "gather-redis|8082|/api/v1/dashboard|$redis_cmd")
fi
export DEGRADED_MARK_gather_redis='"degraded":true'
if [[ ${ALSO_AOT:-0} == 1 ]]; then
  aot_java=${AOT_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
  . "$here/gather-flags.sh"
  aot_major=$(java_major "$aot_java")
  ((aot_major >= 25)) || { echo "bench: ALSO_AOT needs JDK 25 or newer ($aot_java is $aot_major; set AOT_JAVA)" >&2; exit 1; }
  aot_dir=$OUT_DIR/aot-train; mkdir -p "$aot_dir"
  echo "bench: training an AOT cache for $jar on $aot_java (output in $aot_dir)"
  # Pinned to one core like the measured runs, so the cache is made under the same JVM ergonomics (collector).
  JAVA=$aot_java JAR=$jar OUT_DIR=$aot_dir JFR=0 CONC=256 WARMUP=60 DURATION=5 \
    bash "$here/profile.sh" -XX:AOTCacheOutput="$aot_dir/gather.aot" > "$aot_dir/train.txt" 2>&1
  [[ -s $aot_dir/gather.aot ]] || { echo "bench: the training run wrote no AOT cache (see $aot_dir)" >&2; exit 1; }
  before_bff+=(--bff "gather-aot|8086|/api/v1/dashboard|$(gather_cmd "$jar" "$aot_java" "-XX:AOTCache=$aot_dir/gather.aot")")
fi
export DEGRADED_MARK_gather_aot='"degraded":true'

if [[ ${ALSO_TRACING:-0} == 1 ]]; then
  sink=$OUT_DIR/otlp-sink; mkdir -p "$sink"
  otlp_port=$(free_port)
  "${pin[@]}" python3 "$here/otlp-sink.py" "$otlp_port" "$sink/summary.txt" & sink_pid=$!
  # Spans the sink received against those made: one per request and one per downstream call (the access lines).
  stop_sink() {
    kill "$sink_pid" 2>/dev/null; wait "$sink_pid" 2>/dev/null || true
    local made
    made=$(grep -o '"outcome":"ok","source":"live"' "$OUT_DIR/gather-traced.log" 2>/dev/null | wc -l)
    made=$((made + $(grep -c '"route":' "$OUT_DIR/gather-traced.log" 2>/dev/null || echo 0)))
    echo "bench: OTLP sink: $(cat "$sink/summary.txt" 2>/dev/null) of about $made spans made (a request and its live calls)" \
      | tee -a "$OUT_DIR/results.txt"
  }
  trap 'stop_redis; stop_sink' EXIT
  before_bff+=(--bff "gather-traced|8087|/api/v1/dashboard|$(gather_cmd "$jar" "" \
    "-Dgather.tracing.enabled=true -Dgather.tracing.endpoint=http://127.0.0.1:$otlp_port ${TRACING_OPTS:-}")")
  echo "bench: OTLP sink for gather-traced on 127.0.0.1:$otlp_port (pid $sink_pid)"
fi
export DEGRADED_MARK_gather_traced='"degraded":true'

if [[ -n ${ALSO_FLAGS:-} ]]; then
  before_bff+=(--bff "gather-flags|8088|/api/v1/dashboard|$(gather_cmd "$jar" "" "$ALSO_FLAGS")")
fi
export DEGRADED_MARK_gather_flags='"degraded":true'
if [[ -n ${SPRING_FLAGS:-} ]]; then
  before_bff=(--bff "spring-flags|8009|/dashboard/{id}|java $SPRING_FLAGS -jar '$shared/peers/spring/target/spring-peer.jar'" "${before_bff[@]}")
fi

export GATHER_JAVA_OPTS=${GATHER_JAVA_OPTS:-}
# RATIO lines against the peer to beat (when it runs).
export BASELINE=${BASELINE:-spring}
# A degraded Gather answer (a section stale or missing) says so in plain text; the peers write null for a
# missing section. Before the section cache, Gather wrote only "complete":false.
export DEGRADED_MARK_gather='"degraded":true'
export DEGRADED_MARK_gather_before=${DEGRADED_MARK_gather_before:-'"complete":false'}
# run-peers.sh runs only the targets named once a --bff is given: name the peers here.
# "none": Gather's runs only (with BEFORE / ALSO_REDIS: its builds side by side).
if [[ ${1:-} == none ]]; then set --; elif (($# == 0)); then set -- fastapi fastapi-w2 sequential express spring; fi
cd "$root"
# Not exec: a throwaway redis-server is stopped when the run ends (trap above).
bash "$shared/run-peers.sh" "$@" "${before_bff[@]}" --bff "gather|8080|/api/v1/dashboard|$(gather_cmd "$jar")"
