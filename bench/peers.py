#!/usr/bin/env python3
"""Peer detectors for bench/quality, on exactly the rows and seeds the Java bench used.

Reads splits.json (written by io.anomalyscore.bench.QualityBench) and writes a JSON list of
{"dataset", "protocol", "detector", "seed", "roc_auc", "average_precision", ...} rows.

  isolation-forest  scikit-learn IsolationForest(n_estimators=100, random_state=seed), defaults.
                    unsupervised: fit on all rows, score all rows.
                    semi-supervised: contaminated fit on ALL rows of the 70 % (anomalies included,
                    as ADBench does for unsupervised methods), score the 30 %.
  isolation-forest-clean
                    semi-supervised only: the same forest, clean fit on the label-0 rows of the
                    70 % only (the normal rows the training command gets with --label: it fits the
                    autoencoder on part of them and early-stops on the rest), score the 30 %.
  pytorch-ae        unsupervised only: the project's autoencoder rebuilt in PyTorch: same hidden
                    sizes (from splits.json), ReLU, linear output, MSE, Adam lr 1e-3, batch 64,
                    shuffled each epoch, up to EPOCHS epochs, early stopping with patience 15 on the
                    loss of a seeded 20 % hold-out (the Java command's default validation fraction),
                    best-epoch weights kept, z-score fitted on the 80 % fit rows; score = mean
                    squared reconstruction error of the standardised row. Initialisation is PyTorch's
                    default, not DJL's.

A peer whose packages do not import is skipped with a note on stderr
(Debian: apt-get install python3-sklearn python3-torch).
"""
import argparse
import copy
import json
import sys
import time


def note(msg):
    print(f"peers.py: {msg}", file=sys.stderr, flush=True)


def load(path):
    import numpy as np
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    label = header.index("label")
    y = data[:, label].astype(int)
    x = np.delete(data, label, axis=1)
    return x, y


def metrics(scores, y):
    from sklearn.metrics import average_precision_score, roc_auc_score
    return float(roc_auc_score(y, scores)), float(average_precision_score(y, scores))


def row(dataset, protocol, detector, seed, scores, y, started, **extra):
    auc, ap = metrics(scores, y)
    seconds = time.time() - started
    note(f"{dataset:12s} {protocol:16s} {detector:22s} seed {seed}  ROC-AUC {auc:.4f}  AP {ap:.4f}  {seconds:5.1f} s")
    return dict(dataset=dataset, protocol=protocol, detector=detector, seed=int(seed), roc_auc=auc,
                average_precision=ap, seconds=seconds, **extra)


def isolation_forest(dataset, info, x, y, protocols):
    from sklearn.ensemble import IsolationForest
    out = []
    if "unsupervised" in protocols:
        for seed in info["unsupervised_seeds"]:
            t = time.time()
            model = IsolationForest(n_estimators=100, random_state=seed).fit(x)
            out.append(row(dataset, "unsupervised", "isolation-forest", seed, -model.score_samples(x), y, t))
    if "semi-supervised" in protocols:
        for seed, split in info["splits"].items():
            t = time.time()
            train, test = split["train"], split["test"]
            model = IsolationForest(n_estimators=100, random_state=int(seed)).fit(x[train])
            out.append(row(dataset, "semi-supervised", "isolation-forest", seed, -model.score_samples(x[test]),
                           y[test], t))
            t = time.time()
            normal = [i for i in train if y[i] == 0]
            model = IsolationForest(n_estimators=100, random_state=int(seed)).fit(x[normal])
            out.append(row(dataset, "semi-supervised", "isolation-forest-clean", seed,
                           -model.score_samples(x[test]), y[test], t))
    return out


def autoencoder_scores(x, hidden, seed, epochs, patience=15, batch=64, lr=1e-3, validation_fraction=0.2):
    import numpy as np
    import torch
    from torch import nn
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(x))
    held = int(round(len(x) * validation_fraction))
    fit, stop = x[order[held:]], x[order[:held]]
    mean = fit.mean(axis=0)
    scale = fit.std(axis=0)  # population sd, as the Java Standardizer
    scale[(scale < 1e-12) | ~np.isfinite(scale)] = 1.0
    to_tensor = lambda a: torch.from_numpy(((a - mean) / scale).astype(np.float32))
    xf, xs, xa = to_tensor(fit), to_tensor(stop), to_tensor(x)
    layers, width = [], x.shape[1]
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, x.shape[1]))
    net = nn.Sequential(*layers)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    best_loss, best_epoch, best_state, epoch = float("inf"), 0, copy.deepcopy(net.state_dict()), 0
    while epoch < epochs and epoch - best_epoch < patience:
        epoch += 1
        net.train()
        perm = torch.from_numpy(rng.permutation(len(xf)))
        for i in range(0, len(xf), batch):
            b = xf[perm[i:i + batch]]
            opt.zero_grad()
            loss = loss_fn(net(b), b)
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            val = loss_fn(net(xs), xs).item() if len(xs) else loss.item()
        if val < best_loss:
            best_loss, best_epoch, best_state = val, epoch, copy.deepcopy(net.state_dict())
    net.load_state_dict(best_state)
    with torch.no_grad():
        scores = ((net(xa) - xa) ** 2).mean(dim=1).double().numpy()
    return scores, epoch, best_epoch


def pytorch_autoencoder(dataset, info, x, y, protocols, epochs):
    out = []
    if "unsupervised" in protocols:
        for seed in info["unsupervised_seeds"]:
            t = time.time()
            scores, run, best = autoencoder_scores(x, info["hidden"], seed, epochs)
            out.append(row(dataset, "unsupervised", "pytorch-ae", seed, scores, y, t, epochs_run=run,
                           best_epoch=best))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--splits", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--protocols", default="unsupervised,semi-supervised,supervised")
    p.add_argument("--epochs", type=int, default=200, help="max autoencoder epochs (the Java default is 200)")
    a = p.parse_args()
    protocols = a.protocols.split(",")
    splits = json.load(open(a.splits))
    rows, notes = [], []
    versions = {"python": sys.version.split()[0]}
    try:
        import numpy  # noqa: F401
        import sklearn
        versions.update(numpy=numpy.__version__, sklearn=sklearn.__version__)
    except ImportError as e:
        notes.append(f"isolation-forest skipped: {e} (install: apt-get install python3-sklearn)")
        note(notes[-1])
        sklearn = None
    try:
        import torch
        torch.set_num_threads(1)
        torch.set_num_interop_threads(1)
        versions["torch"] = torch.__version__
    except ImportError as e:
        notes.append(f"pytorch-ae skipped: {e} (install: apt-get install python3-torch)")
        note(notes[-1])
        torch = None
    note(f"versions {versions}")
    if sklearn is not None:  # numpy and metrics come with scikit-learn
        for dataset, info in splits.items():
            x, y = load(info["file"])
            rows += isolation_forest(dataset, info, x, y, protocols)
            if torch is not None:
                rows += pytorch_autoencoder(dataset, info, x, y, protocols, a.epochs)
            json.dump(dict(rows=rows, notes=notes, versions=versions), open(a.out, "w"), indent=1)
    elif torch is not None:
        notes.append("pytorch-ae skipped too: its metrics need scikit-learn")
        note(notes[-1])
    json.dump(dict(rows=rows, notes=notes, versions=versions), open(a.out, "w"), indent=1)


if __name__ == "__main__":
    main()
