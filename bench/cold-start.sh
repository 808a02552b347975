#!/usr/bin/env bash
# Cold-start benchmark of the packaged function (not a test): N fresh processes of function.zip under
# the AWS Lambda runtime interface client against the in-process mock Runtime API, timed from process
# start to the first successful response, with an empty DJL cache (libtorch extracted each time) and
# with a pre-filled one, and (IMAGE=1, the default) in the container image's layout made by
# deploy/image/prepare-layout.sh (no native jar, libtorch loaded in place). Prints a Markdown table (median, min, max, max RSS from /usr/bin/time -v).
# Usage: bench/cold-start.sh [N=10]      (from anywhere; builds what it needs unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
out=target/bench
mkdir -p "$out"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q verify -DskipTests            # function.zip, test classes, target/ric (runtime client jars)
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >/dev/null

rm -rf "$out/task" && mkdir -p "$out/task"
(cd "$out/task" && unzip -q ../../function.zip)
image_arg=()
if [[ "${IMAGE:-1}" == 1 ]]; then
  deploy/image/prepare-layout.sh target/function.zip "$out/image-layout"
  image_arg=("$out/image-layout")
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB RAM; $(java -version 2>&1 | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Dproject.root="$PWD" -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
  io.anomalyscore.bench.ColdStartBench "$out/task" target/ric "$out/work" "$runs" "${image_arg[@]}"
