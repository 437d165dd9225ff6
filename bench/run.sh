#!/usr/bin/env bash
# Benchmarks Gather beside the peer BFFs in one run (shared/bench/run-peers.sh), so that figures are
# compared as ratios measured on the same noisy machine. Builds aggregator/target/gather.jar first.
#
# Usage: bench/run.sh [PEER]...        (default: all five peers, then gather)
# Env:   everything run-peers.sh takes (DURATION, WARMUP, CONCS, ROUNDS, USERS, FAULT, PIN, ...), and
#        SHARED_BENCH  where the shared bench is [../shared/bench beside this repository]
#        GATHER_JAVA_OPTS  extra JVM flags for Gather [none: default flags, like the spring peer]
#        BEFORE=REV   also run Gather as built from git revision REV (name gather-before, port 8081),
#                     right before the current one, so a change shows its before and after in one run
# Gather's section caches are on with their defaults: USERS=1000 repeats users within their freshness
# ("cache on"); USERS=100000 hardly repeats a user within it ("cache off").
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

(cd "$root" && mvn -B -q -ntp -DskipTests package -pl aggregator -am)
jar=$root/aggregator/target/gather.jar


# bench.env's variables mapped to Gather's keys; expanded by run-peers.sh when it starts Gather.
# Each section gets the peers' per-call timeout; they all start at once, so that is also the deadline.
gather_cmd() { echo "exec java \${GATHER_JAVA_OPTS:-} \
 -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port=\$PORT \
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
 -jar '$1'"; }

# The baseline build, from a throwaway worktree of REV.
before_bff=()
if [[ -n ${BEFORE:-} ]]; then
  rev=$(cd "$root" && git rev-parse --short "$BEFORE")
  wt=${TMPDIR:-/tmp}/gather-before-$rev
  [[ -d $wt ]] || (cd "$root" && git worktree add --detach "$wt" "$rev" >/dev/null)
  (cd "$wt" && mvn -B -q -ntp -DskipTests package -pl aggregator -am)
  before_bff=(--bff "gather-before|8081|/api/v1/dashboard|$(gather_cmd "$wt/aggregator/target/gather.jar")")
fi

export GATHER_JAVA_OPTS=${GATHER_JAVA_OPTS:-}
# A degraded Gather answer (a section stale or missing) says so in plain text; the peers write null for a
# missing section. Before the section cache, Gather wrote only "complete":false.
export DEGRADED_MARK_gather='"degraded":true'
export DEGRADED_MARK_gather_before=${DEGRADED_MARK_gather_before:-'"complete":false'}
# Results go under bench/results/ (git-ignored) unless OUT_DIR says otherwise.
export OUT_DIR=${OUT_DIR:-$here/results/$(date +%Y%m%d-%H%M%S)}
# run-peers.sh runs only the targets named once a --bff is given: name the peers here.
(($#)) || set -- fastapi fastapi-w2 sequential express spring
cd "$root"
exec bash "$shared/run-peers.sh" "$@" "${before_bff[@]}" --bff "gather|8080|/api/v1/dashboard|$(gather_cmd "$jar")"
