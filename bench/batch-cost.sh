#!/usr/bin/env bash
# Per-batch duration of the packaged function for the batch-scoring cost estimate (not a test):
# a warm function.zip under the AWS Lambda runtime interface client, fed Distributed Map batches of
# cardio rows (values as strings) and, interleaved, the same rows as {"records": ...} (the reference).
# Prints a Markdown table. Usage: bench/batch-cost.sh [RUNS=30] [ROWS...=1000 405]
# (from anywhere; builds what it needs unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"; shift || true
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 405)
out=target/bench
mkdir -p "$out"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q verify -DskipTests
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null
rm -rf "$out/batch-task" && mkdir -p "$out/batch-task"
(cd "$out/batch-task" && unzip -q ../../function.zip)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Dproject.root="$PWD" -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  io.anomalyscore.bench.BatchCostBench "$out/batch-task" target/ric "$out/batch-work" "$runs" "${sizes[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
