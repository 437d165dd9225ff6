#!/usr/bin/env bash
# Builds Gather (tests skipped) and starts it with its contract stubs in one process, on loopback.
# Prints a token and a curl line to paste. Gather listens on $GATHER_PORT (default 8080). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
command -v java >/dev/null || { echo "demo: java not found: install a JDK 17 or newer (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "demo: mvn not found: install Maven 3.8+ (apt-get install maven)" >&2; exit 1; }
echo "Building Gather (the first build downloads its dependencies: about 2 minutes)..." >&2
mvn -B -q -ntp -DskipTests package
exec java -jar demo/target/gather-demo.jar "$@"
