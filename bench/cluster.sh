#!/usr/bin/env bash
# Scale-out on one machine: one redis-server, two Gather instances sharing their rate limits through it, and an
# nginx load balancer in front of them, all on loopback, on the contract stubs. Sends a bounded burst of requests
# for one partner client with a small quota through nginx, prints how many were admitted and refused (and by
# which instance), and stops everything it started.
#
# Usage: bench/cluster.sh
# Env:   QUOTA [30] the partner's requests per WINDOW, per client   WINDOW [60s]
#        REQUESTS [120] requests in the burst   CONCURRENCY [12] at once   USERS [3] distinct users of the client
#        STORE [redis] (memory shows the opposite: each instance counts alone, up to 2 x QUOTA)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QUOTA=${QUOTA:-30} WINDOW=${WINDOW:-60s} REQUESTS=${REQUESTS:-120} CONCURRENCY=${CONCURRENCY:-12} USERS=${USERS:-3}
STORE=${STORE:-redis}
CLIENT=acme-partner SECRET=cluster-demo-secret-0123456789abcdef0123456789
ISSUER=https://auth.gather.cluster AUDIENCE=gather-dashboard

for tool in redis-server redis-cli nginx curl python3 java; do
  command -v "$tool" >/dev/null || { echo "cluster: $tool is missing (apt-get install redis-server nginx-light curl)" >&2; exit 1; }
done
gather_jar=$root/aggregator/target/gather.jar stubs_jar=$root/contract-stubs/target/contract-stubs.jar
if [[ ! -f $gather_jar || ! -f $stubs_jar ]]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package -pl aggregator,contract-stubs -am)
fi

work=$(mktemp -d /tmp/gather-cluster.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # what, command...: up to 60 s
  local what=$1; shift
  for _ in $(seq 600); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "cluster: $what did not come up; logs in $work" >&2; cat "$work"/*.log >&2 || true; exit 1
}

# 1. The contract stubs (free ports), Redis.
java -Xmx256m -jar "$stubs_jar" --port-base 0 > "$work/stubs.log" 2>&1 & pids+=($!)
wait_for "the contract stubs" grep -q "contract stubs ready" "$work/stubs.log"
declare -A url
while read -r service address _; do url[$service]=$address; done < <(grep -E '^(profile|orders|notifications|recommendations) ' "$work/stubs.log")
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning > "$work/redis.log" 2>&1 & pids+=($!)
wait_for "redis-server" sh -c "redis-cli -p $redis_port ping | grep -q PONG"

# 2. Two Gather instances, the same settings but their ports.
gather_ports=()
for instance in a b; do
  port=$(free_port); gather_ports+=("$port")
  java -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dmicronaut.server.host=127.0.0.1 -Dmicronaut.server.port="$port" -Dendpoints.all.port="$(free_port)" \
    -Dmicronaut.security.token.jwt.signatures.secret.generator.secret="$SECRET" \
    -Dmicronaut.security.token.jwt.claims-validators.issuer="$ISSUER" \
    -Dmicronaut.security.token.jwt.claims-validators.audience="$AUDIENCE" \
    -Dmicronaut.http.services.profile.url="${url[profile]}" -Dmicronaut.http.services.orders.url="${url[orders]}" \
    -Dmicronaut.http.services.notifications.url="${url[notifications]}" \
    -Dmicronaut.http.services.recommendations.url="${url[recommendations]}" \
    -Dgather.rate-limits.store="$STORE" -Dredis.uri="redis://127.0.0.1:$redis_port" \
    -Dgather.clients.$CLIENT.tier=partner \
    -Dgather.rate-limits.tiers.partner.policies.minute.quota="$QUOTA" \
    -Dgather.rate-limits.tiers.partner.policies.minute.window="$WINDOW" \
    -Dgather.rate-limits.tiers.partner.policies.minute.per=client \
    -jar "$gather_jar" > "$work/gather-$instance.log" 2>&1 & pids+=($!)
done
for port in "${gather_ports[@]}"; do
  wait_for "Gather on $port" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/api/v1/dashboard | grep -q 401"
done

# 3. nginx in front, round robin; it names the instance that answered.
lb_port=$(free_port)
mkdir -p "$work/nginx"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream gather { server 127.0.0.1:${gather_ports[0]}; server 127.0.0.1:${gather_ports[1]}; keepalive 16; }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://gather; proxy_http_version 1.1; proxy_set_header Connection "";
      add_header X-Gather-Instance \$upstream_addr always;
    }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_for "nginx" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$lb_port/api/v1/dashboard | grep -q 401"

# 4. Tokens of the partner client for a few users, then the burst through nginx.
for i in $(seq "$USERS"); do
  java -jar "$stubs_jar" token --sub "u-$i" --secret "$SECRET" --issuer "$ISSUER" --audience "$AUDIENCE" \
    --client "$CLIENT" --scope dashboard --ttl-seconds 600 >> "$work/tokens"
done
# A cold JVM misses the section timeouts at first: warm each instance with a token of no client (default tier,
# its own per-user buckets), so the burst shows the limit rather than the warm-up.
java -jar "$stubs_jar" token --sub u-warm --secret "$SECRET" --issuer "$ISSUER" --audience "$AUDIENCE" --ttl-seconds 600 > "$work/warm"
for port in "${gather_ports[@]}"; do
  for _ in $(seq 20); do
    curl -s -m 5 -o /dev/null -H "Authorization: Bearer $(cat "$work/warm")" "http://127.0.0.1:$port/api/v1/dashboard" || true
  done
done
echo "cluster: redis 127.0.0.1:$redis_port, gather a 127.0.0.1:${gather_ports[0]}, b 127.0.0.1:${gather_ports[1]}, nginx 127.0.0.1:$lb_port"
echo "cluster: client $CLIENT, policy \"minute\" quota $QUOTA per $WINDOW per client, store $STORE; $REQUESTS requests, $CONCURRENCY at once, $USERS users"
export lb_port work
seq "$REQUESTS" | xargs -P "$CONCURRENCY" -I{} sh -c '
  token=$(sed -n "$(( ({} % $(wc -l < "$work/tokens")) + 1 ))p" "$work/tokens")
  curl -s -m 10 -o /dev/null -w "%{http_code} %header{x-gather-instance}\n" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$lb_port/api/v1/dashboard"' > "$work/results"

name() { case $1 in *:${gather_ports[0]}) echo a ;; *:${gather_ports[1]}) echo b ;; *) echo "?" ;; esac; }
refused=$(grep -c '^429 ' "$work/results" || true)
admitted=$(( $(wc -l < "$work/results") - refused ))
ok=$(grep -c '^200 ' "$work/results" || true)
echo
echo "admitted by the limit: $admitted (quota $QUOTA; $ok of them 200, the rest a downstream's error)   refused (429): $refused"
while read -r count status instance; do
  echo "  instance $(name "$instance"): $count x $status"
done < <(sort "$work/results" | uniq -c | sort -k3,3 -k2,2)
token=$(head -1 "$work/tokens")
echo
echo "one more request, as the partner sees it:"
curl -s -m 10 -D - -H "Authorization: Bearer $token" "http://127.0.0.1:$lb_port/api/v1/dashboard" \
  | grep -iE '^(HTTP|ratelimit|retry-after|x-gather-instance|content-type)|^\{' | cut -c1-300
