#!/usr/bin/env bash
# Wall time of a cardio training run with and without report.html (same run, alternating), and a
# headless-browser render of the report to a PNG. Usage: bench/report-cost.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
./mvnw -B -o -q compile
cp=$(./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes
out=$(mktemp -d)
echo "nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  for mode in report no-report; do
    extra=(); [ "$mode" = no-report ] && extra=(--no-report)
    start=$(date +%s.%N)
    java -Djava.awt.headless=true -Dai.djl.offline=true -cp "$cp" io.anomalyscore.training.TrainCommand \
      --data src/test/resources/data/cardio.csv --label label --output "$out/$mode-$i" "${extra[@]}" \
      2>/dev/null | grep -E "report rendered" || true
    echo "$mode run $i: $(echo "$(date +%s.%N) - $start" | bc) s"
  done
done
html=$(ls "$out"/report-1/*/report.html | head -1)
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --screenshot=/tmp/report.png \
    --window-size=1280,4000 "file://$html" 2>/dev/null && echo "rendered $html to /tmp/report.png"
fi
