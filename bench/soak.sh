#!/usr/bin/env bash
# Soak benchmark: N in-process scoring invocations (default 1,000,000), RSS sampled every 10,000.
#
#   bench/soak.sh [INVOCATIONS] [CSV]     (default: 1000000 target/soak.csv)
#
# Prints the RSS growth after warm-up (the first 10%); the CSV holds the samples for plotting.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
csv=${2:-target/soak.csv}
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/soak-cp.txt -Dmdep.includeScope=test >/dev/null
java -Xmx512m -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "target/test-classes:target/classes:$(cat target/soak-cp.txt)" io.anomalyscore.bench.SoakBench "$n" "$csv"
