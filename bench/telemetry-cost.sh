#!/usr/bin/env bash
# Cost of the per-request telemetry line (JSON log + CloudWatch EMF), not a test: per request in-process,
# and on cold start (packaged function under the runtime interface client, telemetry on vs off, interleaved).
# Usage: bench/telemetry-cost.sh [N=5]   (needs target/function.zip, target/ric and the test classes:
# ./mvnw -B verify -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out=target/bench-telemetry
mkdir -p "$out"
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
rm -rf "$out/task" && mkdir -p "$out/task" && (cd "$out/task" && unzip -q ../../function.zip)
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dproject.root="$PWD" -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  io.anomalyscore.bench.TelemetryCostBench "$out/task" target/ric "$out/djl-cache" "$runs"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
