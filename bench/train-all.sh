#!/usr/bin/env bash
# Trains both detectors with default settings on every labelled CSV in a folder and prints a
# markdown table of the shipped models' metrics read back from each manifest: the test split
# (rows that chose nothing: the headline), then validation (chose the epoch and the threshold).
#
#   bench/train-all.sh [DATASETS_DIR] [SEED]     (default: src/test/resources/data, seed 42)
#   DETECTORS="autoencoder classifier deep-isolation-forest" (default) picks the detectors; all
#   train with --label, so the unsupervised kinds fit the normal rows of the training split.
#
# Needs a JDK 17 and python3 (for reading the manifests); builds the classpath with the wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-src/test/resources/data}
seed=${2:-42}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
# a private copy of the classes, so a build running meanwhile cannot pull them away
cp -r target/classes "$work/classes"
cp="$work/classes:$(cat "$work/cp.txt")"

echo "| dataset | detector | mode | config | epochs (best) | test ROC-AUC | test PR-AUC | test F1 | val ROC-AUC | val F1 | time |"
echo "|---|---|---|---|---|---:|---:|---:|---:|---:|---:|"
for csv in "$datasets"/*.csv; do
  name=$(basename "$csv" .csv)
  for detector in ${DETECTORS:-autoencoder classifier deep-isolation-forest}; do
    start=$(date +%s.%N)
    java -Dai.djl.offline=true -cp "$cp" io.anomalyscore.training.TrainCommand -q \
      --data "$csv" --label label --detector "$detector" --seed "$seed" \
      --output "$work/$name-$detector" > "$work/log.txt" 2>&1 || { echo "| $name | $detector | failed: $(tail -1 "$work/log.txt") |"; continue; }
    took=$(echo "$(date +%s.%N) - $start" | bc)
    version=$(cat "$work/$name-$detector/LATEST")
    python3 - "$work/$name-$detector/$version/manifest.json" "$name" "$took" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
v, t = m["evaluation"]["validation"], m["evaluation"]["test"]
p = m["provenance"]
f = lambda x: "-" if x is None else f"{x:.4f}"
print(f"| {sys.argv[2]} | {m['detector']} | {p['mode']} | {json.dumps(m['detectorConfig'])} | {p['epochsRun']} ({p['bestEpoch']}) "
      f"| {f(t['rocAuc'])} | {f(t['averagePrecision'])} | {f(t['f1'])} | {f(v['rocAuc'])} | {f(v['f1'])} | {float(sys.argv[3]):.0f} s |")
PY
  done
done
