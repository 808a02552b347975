#!/usr/bin/env bash
# Tuned vs default, per dataset: trains each detector once with its defaults and once with
# --tune (seeded random search ranked on the validation split), then prints a markdown table of
# both shipped models' TEST metrics (rows that chose nothing) read back from their manifests,
# with the search's validation objective for trial 1 (= the defaults) and for the best trial.
#
#   bench/tune-all.sh [DATASETS_DIR] [TRIALS] [SEED]
#       (default: src/test/resources/data, 8 trials, seed 42)
#   DETECTORS="autoencoder classifier" (default) picks the detectors; all train with --label
#   label, one PyTorch thread (--threads 1), so the autoencoder fits the normal training rows.
#
# Needs a JDK 17 and python3 (for reading the manifests); builds the classpath with the wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-src/test/resources/data}
trials=${2:-8}
seed=${3:-42}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
# a private copy of the classes, so a build running meanwhile cannot pull them away
cp -r target/classes "$work/classes"
cp="$work/classes:$(cat "$work/cp.txt")"

train() { # name detector out [extra args...]
  local csv=$1 detector=$2 out=$3
  shift 3
  java -Dai.djl.offline=true -cp "$cp" io.anomalyscore.training.TrainCommand -q --threads 1 \
    --data "$csv" --label label --detector "$detector" --seed "$seed" --output "$out" "$@" > "$work/log.txt" 2>&1
}

echo "nproc $(nproc), load average at start: $(cut -d' ' -f1-3 /proc/loadavg), trials $trials, seed $seed"
echo
echo "| dataset | detector | default test ROC-AUC | tuned test ROC-AUC | default test PR-AUC | tuned test PR-AUC | val objective: trial 1 (defaults) -> best | best trial | tuned config | default time | tuned time |"
echo "|---|---|---:|---:|---:|---:|---|---:|---|---:|---:|"
for csv in "$datasets"/*.csv; do
  name=$(basename "$csv" .csv)
  for detector in ${DETECTORS:-autoencoder classifier}; do
    start=$(date +%s.%N)
    train "$csv" "$detector" "$work/$name-$detector-default" \
      || { echo "| $name | $detector | default failed: $(tail -1 "$work/log.txt") |"; continue; }
    mid=$(date +%s.%N)
    train "$csv" "$detector" "$work/$name-$detector-tuned" --tune --trials "$trials" \
      || { echo "| $name | $detector | tuned failed: $(tail -1 "$work/log.txt") |"; continue; }
    end=$(date +%s.%N)
    python3 - "$work/$name-$detector-default" "$work/$name-$detector-tuned" "$name" \
      "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)" <<'PY'
import json, sys
def manifest(repo):
    version = open(repo + "/LATEST").read().strip()
    return json.load(open(f"{repo}/{version}/manifest.json"))
d, t = manifest(sys.argv[1]), manifest(sys.argv[2])
dt, tt = d["evaluation"]["test"], t["evaluation"]["test"]
tuning = t["provenance"]["tuning"]
best = tuning["trials"][tuning["best"] - 1]
p = best["parameters"]
config = f"{p['hidden']} lr {p['learningRate']} batch {p['batchSize']} wd {p['weightDecay']} epochs {p['epochs']}/{p['patience']}"
f = lambda x: "-" if x is None else f"{x:.4f}"
print(f"| {sys.argv[3]} | {t['detector']} | {f(dt['rocAuc'])} | {f(tt['rocAuc'])} | {f(dt['averagePrecision'])} "
      f"| {f(tt['averagePrecision'])} | {tuning['objective']} {f(tuning['trials'][0]['objective'])} -> {f(best['objective'])} "
      f"| {tuning['best']} | {config} | {float(sys.argv[4]):.0f} s | {float(sys.argv[5]):.0f} s |")
PY
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
