#!/usr/bin/env python3
"""Merges the rows of bench/quality (Java bench + peers) into FILE.json and prints markdown tables.

Standard library only. Values are in %; each cell is mean ± sample sd over seeds. The **mean**
row averages the datasets seed by seed, then gives mean ± sd over those per-seed averages.
Semi-supervised IsolationForest has two columns: "IForest clean" is fitted on the normal rows of
the 70 % (what the autoencoder fits), "IForest" on all rows of the 70 % (anomalies included, as
ADBench, whose figures sit in the last column).
"""
import argparse
import json
import os
import statistics

# ADBench (Han et al., NeurIPS 2022), ROC-AUC %, 70/30 split, as quoted in the issue.
ANCHORS = {
    "IForest": {"cardio": 93.19, "thyroid": 98.30, "mammography": 86.39, "musk": 99.99, "satellite": 70.43},
    "MLP": {"cardio": 99.44, "thyroid": 99.78, "mammography": 95.17, "musk": 100.00, "satellite": 94.38},
}
PROTOCOLS = [
    ("unsupervised", "Unsupervised: fit on all rows without labels, score the same rows", None),
    ("semi-supervised", "Semi-supervised: stratified 70/30 split; the autoencoder and IForest clean fit the normal "
                        "(label 0) rows of the 70 %, IForest all rows of the 70 % (anomalies included); scored on "
                        "the 30 %", "IForest"),
    ("supervised", "Supervised: same splits; the classifier trains on the 70 % with labels, scored on the 30 %",
     "MLP"),
]
DETECTORS = [("deep-isolation-forest", "deep IForest (ours)"), ("autoencoder", "autoencoder (ours)"),
             ("classifier", "classifier (ours)"),
             ("pytorch-ae", "PyTorch AE"), ("isolation-forest-clean", "IForest clean"),
             ("isolation-forest", "IForest")]
KEYS = ["dataset", "protocol", "detector", "seed", "roc_auc", "average_precision"]


def cell(values):
    values = [100 * v for v in values if v is not None]
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.1f}"
    return f"{statistics.mean(values):.1f} ± {statistics.stdev(values):.1f}"


def epochs(rows):
    runs = [r["epochs_run"] for r in rows if "epochs_run" in r]
    best = [r["best_epoch"] for r in rows if "best_epoch" in r]
    return f"{statistics.mean(runs):.0f} ({statistics.mean(best):.0f})" if runs else "-"


def mean_over_datasets(rows, datasets, metric):
    """Per seed, the mean over datasets; None unless every dataset has that seed."""
    by_seed = {}
    for r in rows:
        by_seed.setdefault(r["seed"], {})[r["dataset"]] = r[metric]
    out = []
    for seed, values in by_seed.items():
        if set(values) == set(datasets) and None not in values.values():
            out.append(statistics.mean(values.values()))
    return out


def table(protocol, title, anchor, rows, datasets):
    rows = [r for r in rows if r["protocol"] == protocol]
    if not rows:
        return []
    detectors = [(d, label) for d, label in DETECTORS if any(r["detector"] == d for r in rows)]
    seeds = sorted({r["seed"] for r in rows})
    header = ["dataset"]
    for d, label in detectors:
        header += [f"{label} ROC-AUC", f"{label} PR-AUC"]
        if any(r.get("epochs_run") for r in rows if r["detector"] == d):
            header.append(f"{label} epochs (best)")
    if anchor:
        header.append(f"ADBench {anchor} ROC-AUC")
    lines = [f"#### {title} (seeds {', '.join(map(str, seeds))})", "",
             "| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for name in datasets + ["**mean**"]:
        cells = [name]
        for d, _ in detectors:
            mine = [r for r in rows if r["detector"] == d and (r["dataset"] == name or name == "**mean**")]
            if name == "**mean**":
                cells += [cell(mean_over_datasets(mine, datasets, "roc_auc")),
                          cell(mean_over_datasets(mine, datasets, "average_precision"))]
            else:
                cells += [cell([r["roc_auc"] for r in mine]), cell([r["average_precision"] for r in mine])]
            if any(r.get("epochs_run") for r in rows if r["detector"] == d):
                cells.append(epochs(mine))
        if anchor:
            known = ANCHORS[anchor]
            if name == "**mean**":
                cells.append(f"{statistics.mean(known[n] for n in datasets):.2f}"
                             if all(n in known for n in datasets) else "-")
            else:
                cells.append(f"{known[name]:.2f}" if name in known else "-")
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seconds", type=int, default=0)
    a = p.parse_args()
    splits = json.load(open(os.path.join(a.work, "splits.json")))
    rows = json.load(open(os.path.join(a.work, "java-rows.json")))
    peers_file = os.path.join(a.work, "peer-rows.json")
    peers = json.load(open(peers_file)) if os.path.exists(peers_file) else {"rows": [], "notes": ["peers not run (--skip-peers)"]}
    rows += peers["rows"]
    datasets = list(splits)
    order = {d: i for i, (d, _) in enumerate(DETECTORS)}
    rows.sort(key=lambda r: (r["dataset"], r["protocol"], order.get(r["detector"], 99), r["seed"]))
    with open(a.out, "w") as f:
        json.dump([{k: r[k] for k in KEYS} for r in rows], f, indent=1)

    lines = ["| dataset | rows | features | anomalies | autoencoder layers |", "|---|---:|---:|---:|---|"]
    for name, info in splits.items():
        lines.append(f"| {name} | {info['rows']:,} | {info['features']} | {info['anomalies']} "
                     f"({100 * info['anomalies'] / info['rows']:.1f} %) | {info['hidden']} |")
    lines.append("")
    for protocol, title, anchor in PROTOCOLS:
        lines += table(protocol, title, anchor, rows, datasets)
    lines.append("ROC-AUC and PR-AUC (average precision) in %, mean ± sample sd over seeds; **mean** = per-seed "
                 "average over the datasets, mean ± sd over seeds. Epochs: mean epochs run (mean best epoch, "
                 "whose weights are kept).")
    if peers.get("versions"):
        lines.append("Peers ran on " + ", ".join(f"{k} {v}" for k, v in peers["versions"].items()) + ".")
    for n in peers.get("notes", []):
        lines.append(f"Note: {n}.")
    if a.seconds:
        lines.append(f"Wall time of the whole run: {a.seconds // 60} min {a.seconds % 60} s.")
    text = "\n".join(lines) + "\n"
    with open(os.path.splitext(a.out)[0] + ".md", "w") as f:
        f.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()
