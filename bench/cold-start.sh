#!/usr/bin/env bash
# Cold-start benchmark of the packaged function (not a test): the deployable variants side by side with
# the Python/torch peer, N runs each, interleaved, each timed from process start to the first scored reply
# under the AWS Lambda runtime interface client against an in-process mock Runtime API
# (io.anomalyscore.bench.ColdStartBench). Variants:
#   zip-extract       function.zip, empty DJL cache (libtorch extracted at start), JDK 17 with the flags the
#                     Lambda java21 managed runtime uses (SerialGC, C1 only, CRaC compat)
#   zip-cache         the same with libtorch already extracted in the DJL cache (a warm /tmp)
#   zip-cache-25      the same on JDK 25 (separates the JDK's effect from the image's)
#   image-cds         the container image's layout (deploy/image/prepare-layout.sh) and launch
#                     (deploy/image/bootstrap) on JDK 25, default CDS archive only
#   image-aot-tiered  the same with the AOT cache the image builds (deploy/image/TrainingRun.java), full tiered,
#                     early engine and model start on: what deploy/Dockerfile ships
#   image-aot-c1      the same with C1 only (-XX:TieredStopAtLevel=1)
#   image-aot-late    image-aot-tiered with anomaly.engine.early-start=false (engine started by the model load,
#                     after Quarkus's boot, as before the early start existed)
#   image-aot-1cpu, image-aot-late-1cpu   those two on one core (taskset -c 0), against python-peer-1cpu
#   image-aot-preload image-aot-tiered from a layout that keeps Quarkus's preload list (PRELOAD_CLASSES=keep
#                     in deploy/image/prepare-layout.sh; the image leaves it out) and its own AOT cache
#   python-peer       bench/cold_start_peer.py: torch + the same network, its own Runtime API loop
#   python-peer-1cpu  the same on one core (taskset -c 0)
# Prints a Markdown table (median, min, max, ratio to the peer, phases, max RSS from /usr/bin/time -v).
# Usage: bench/cold-start.sh [N=10] [variant,variant,...]   (SKIP_BUILD=1 reuses target/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
variants="${2:-}"
out=target/bench
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$out"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q verify -DskipTests            # function.zip, test classes, target/ric (runtime client jars)
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null

rm -rf "$out/task" && mkdir -p "$out/task"
(cd "$out/task" && unzip -q ../../function.zip)
deploy/image/prepare-layout.sh target/function.zip "$out/image-layout"
/usr/bin/python3 bench/cold_start_peer.py --write-weights "$out/peer-weights.pt"

# The AOT cache, made as deploy/Dockerfile makes it: a training run of the image's launch on the same JDK.
train_aot() { # <layout> <cache> <log>
  rm -rf "$(dirname "$2")" "$2-tmp" && mkdir -p "$2-tmp"
  (
    export LAMBDA_TASK_ROOT="$PWD/$1/task" _HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
    export FUNCTION_JAVA_HOME="$jdk25" FUNCTION_RIC_DIR="$PWD/target/ric" AOT_CACHE_OUTPUT="$PWD/$2"
    export PYTORCH_LIBRARY_PATH="$PWD/$1/libtorch" PYTORCH_FLAVOR=cpu DJL_OFFLINE=true OPT_OUT_TRACKING=true
    export DJL_CACHE_DIR="$PWD/$2-tmp/djl" ANOMALY_MODEL_URI=classpath:default-model
    export ANOMALY_ENGINE_THREADS=1 ANOMALY_ENGINE_INTEROP_THREADS=1 OMP_NUM_THREADS=1
    "$jdk25/bin/java" deploy/image/TrainingRun.java "$PWD/deploy/image/bootstrap" \
      deploy/events/direct-valid.json deploy/events/http-score-explain.json deploy/events/http-model.json
  ) > "$3" 2>&1 || { tail -20 "$3"; exit 1; }
  echo "AOT cache: $(du -m "$2" | cut -f1) MB" >&2
}
aot="$out/aot/function.aot"
train_aot "$out/image-layout" "$aot" "$out/aot-training.log"
# The image-aot-preload variant: the same layout with Quarkus's preload list kept, and its own AOT cache.
PRELOAD_CLASSES=keep deploy/image/prepare-layout.sh target/function.zip "$out/image-layout-preload"
train_aot "$out/image-layout-preload" "$out/aot-preload/function.aot" "$out/aot-training-preload.log"
export PRELOAD_LAYOUT="$out/image-layout-preload" PRELOAD_AOT="$PWD/$out/aot-preload/function.aot"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); $("$jdk25/bin/java" -version 2>&1 | head -1); $(/usr/bin/python3 -c 'import torch, sys; print("Python", sys.version.split()[0], "torch", torch.__version__)'); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Dproject.root="$PWD" -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  io.anomalyscore.bench.ColdStartBench "$out/task" target/ric "$out/work" "$runs" "$out/image-layout" "$jdk25" \
  "$aot" "$out/peer-weights.pt" $variants
