# Sourced by bench/profile.sh, startup.sh, hangups.sh, shutdown.sh (and run.sh, for java_major): the shared bench's stubs and tokens for one Gather, and the
# system properties that point it at them, with the peers' per-call timeout as deadline and section timeouts, and
# client "bench" in a tier whose quota no run reaches. run.sh builds the same for run-peers.sh.

# Usage: bench_stubs OUT USERS   ($shared: the shared bench) exports bench.env's variables and the tokens' claims,
# starts the nginx stubs on core 1 (their pid joins the array pids, which the caller's cleanup stops) and writes
# USERS tokens to OUT/tokens.txt.
bench_stubs() {
  set -a; . "$shared/bench.env"; set +a
  export JWT_EXTRA_CLAIMS='{"scope":"dashboard","azp":"bench"}'
  taskset -c 1 bash "$shared/stubs/stubs.sh" "$1/stubs" > "$1/stubs.log" 2>&1 & pids+=($!)
  /usr/bin/python3 "$shared/tokens.py" --count "$2" > "$1/tokens.txt"
}

# Usage: gather_ready OUT PORT   waits (60 s at most) until the Gather on PORT answers a dashboard with OUT's first token
gather_ready() {
  local tok; tok=$(head -1 "$1/tokens.txt" | awk '{print $2}')
  for _ in $(seq 120); do curl -fs -o /dev/null -H "Authorization: Bearer $tok" "http://127.0.0.1:$2/api/v1/dashboard" && return; sleep 0.5; done
}

# Usage: java_major JAVA   prints the Java feature release that JAVA runs (17, 25, ...)
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ {gsub(/ /, "", $2); print $2}'
}

# Usage: gather_flags PORT   (sets the array GATHER_FLAGS; the management port is PORT + 1)
gather_flags() {
  local t=${DOWNSTREAM_TIMEOUT_MS:-1000}ms
  GATHER_FLAGS=(-Dmicronaut.server.port="$1" -Dendpoints.all.port=$(($1 + 1))
    -Dmicronaut.security.token.jwt.signatures.secret.generator.secret="$JWT_SECRET"
    -Dmicronaut.security.token.jwt.claims-validators.issuer="$JWT_ISSUER"
    -Dmicronaut.security.token.jwt.claims-validators.audience="$JWT_AUDIENCE"
    -Dmicronaut.http.services.profile.url="$DOWNSTREAM_PROFILE_URL" -Dmicronaut.http.services.orders.url="$DOWNSTREAM_ORDERS_URL"
    -Dmicronaut.http.services.notifications.url="$DOWNSTREAM_NOTIFICATIONS_URL"
    -Dmicronaut.http.services.recommendations.url="$DOWNSTREAM_RECOMMENDATIONS_URL"
    -Dgather.dashboard.deadline=$t -Dgather.sections.profile.timeout=$t -Dgather.sections.orders.timeout=$t
    -Dgather.sections.notifications.timeout=$t -Dgather.sections.recommendations.timeout=$t
    -Dgather.clients.bench.tier=bench -Dgather.rate-limits.tiers.bench.policies.burst.quota=1000000
    -Dgather.rate-limits.tiers.bench.policies.burst.window=10s -Dgather.rate-limits.tiers.bench.policies.burst.per=user)
}
