#!/usr/bin/env python3
"""Python peers for bench/speed: PyTorch eager inference, a PyTorch training loop and sklearn
IsolationForest, on the same data, architectures and batch sizes as the Java harness
(src/test/java/io/anomalyscore/bench/SpeedBench.java). Writes JSON to argv[1].

Threading: torch.set_num_threads(1) and set_num_interop_threads(1), OMP_NUM_THREADS=1 (set by
bench/speed), like the function (anomaly.engine.threads=1). Install: apt-get install python3-torch
python3-sklearn.

Usage: peers_speed.py OUT.json [quick]
"""
import json
import os
import sys
import time

quick = "quick" in sys.argv[2:]
out_path = sys.argv[1]
results = {"quick": quick}


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def pct(ns):
    s = sorted(ns)
    n = len(s)
    return {"n": n, "p50_us": s[int(0.50 * (n - 1))] / 1e3, "p99_us": s[int(0.99 * (n - 1))] / 1e3,
            "mean_us": sum(s) / n / 1e3, "loadavg": loadavg()}


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


results["loadavg_start"] = loadavg()
try:
    import numpy as np
    import torch
    from torch import nn
except ImportError as e:  # the report says "peer skipped"
    results["skipped"] = f"torch not installed ({e}); apt-get install python3-torch python3-sklearn"
    json.dump(results, open(out_path, "w"), indent=1)
    sys.exit(0)

torch.set_num_threads(1)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:
    pass
results["versions"] = {"torch": torch.__version__, "numpy": np.__version__}

header = open("src/test/resources/data/cardio.csv").readline().strip().split(",")
data = np.loadtxt("src/test/resources/data/cardio.csv", delimiter=",", skiprows=1)
label_col = header.index("label")
cardio = data[:, :21]
labels = data[:, label_col].astype(np.float32)


def net(inputs, hidden, outputs):
    layers, width = [], inputs
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, outputs))
    return nn.Sequential(*layers).eval()


def scoring(inputs, hidden, rows):
    """Same work as AnomalyModel.score: standardise, forward, mean squared reconstruction error."""
    model = net(inputs, hidden, inputs)
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0) + 1e-12
    r = {"features": inputs, "hidden": hidden}

    def score(batch):
        x = torch.from_numpy(((batch - mean) / scale).astype(np.float32))
        with torch.inference_mode():
            y = model(x)
            return ((y - x) ** 2).mean(dim=1).tolist()

    warm, n = (2000, 5000) if quick else (10000, 30000)
    for i in range(warm):
        score(rows[i % len(rows)][None, :])
    t = []
    for i in range(n):
        one = rows[i % len(rows)][None, :]
        s = time.perf_counter_ns()
        score(one)
        t.append(time.perf_counter_ns() - s)
    r["single"] = pct(t)
    r["batch"] = {}
    budget = 0.4 if quick else 1.5
    iterations = 3 if quick else 7
    for size in (1, 32, 1024):
        batch = np.stack([rows[i % len(rows)] for i in range(size)])
        end = time.perf_counter() + budget
        while time.perf_counter() < end:
            score(batch)
        rps = []
        for _ in range(iterations):
            calls, s = 0, time.perf_counter()
            while True:
                score(batch)
                calls += 1
                now = time.perf_counter()
                if now - s >= budget:
                    break
            rps.append(calls * size / (now - s))
        r["batch"][str(size)] = {"rows_per_s_median": median(rps), "iterations": rps, "loadavg": loadavg()}
    return r


rng = np.random.default_rng(7)
results["inproc"] = {
    "default": scoring(21, [64, 32, 64], cardio),
    "wide": scoring(166, [128, 64, 128], rng.standard_normal((2048, 166))),
}

# ---- invocation-path peer: JSON in -> parse -> forward -> JSON out, in-process loop (no transport)
model = net(21, [64, 32, 64], 21)
mean, scale = cardio.mean(axis=0), cardio.std(axis=0)
body = json.dumps({"records": [cardio[0].tolist()]})
event = json.dumps({"version": "2.0", "routeKey": "POST /v1/score", "rawPath": "/v1/score",
                    "headers": {"content-type": "application/json"}, "isBase64Encoded": False, "body": body})


def handler(raw, apigw):
    ev = json.loads(raw)
    req = json.loads(ev["body"]) if apigw else ev
    rows = np.asarray(req["records"], dtype=np.float64)
    x = torch.from_numpy(((rows - mean) / scale).astype(np.float32))
    with torch.inference_mode():
        s = ((model(x) - x) ** 2).mean(dim=1).tolist()
    resp = json.dumps({"model": {"name": "cardio"}, "results": [{"score": v, "percentile": 0.5, "anomaly": False} for v in s]})
    return json.dumps({"statusCode": 200, "headers": {"content-type": "application/json"}, "body": resp}) if apigw else resp


results["invoke"] = {}
n, warm = (2000, 1000) if quick else (10000, 3000)
for name, raw, apigw in (("apigw_v2", event, True), ("direct", body, False)):
    for _ in range(warm):
        handler(raw, apigw)
    t = []
    for _ in range(n):
        s = time.perf_counter_ns()
        handler(raw, apigw)
        t.append(time.perf_counter_ns() - s)
    results["invoke"][name] = pct(t)

# ---- training: same data (all 1,831 cardio rows, standardised), batch 64, Adam lr 1e-3, shuffled
x_all = torch.from_numpy(((cardio - cardio.mean(axis=0)) / cardio.std(axis=0)).astype(np.float32))
y_cls = torch.from_numpy(labels[:, None])
epochs = 4 if quick else 12


def fit(hidden, outputs, y, loss_fn):
    torch.manual_seed(42)
    m = net(21, hidden, outputs).train()
    opt = torch.optim.Adam(m.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(42)
    sps = []
    for epoch in range(epochs):
        s = time.perf_counter()
        order = torch.randperm(len(x_all), generator=g)
        total = 0.0
        for f in range(0, len(order), 64):
            idx = order[f:f + 64]
            bx, by = x_all[idx], y[idx]
            opt.zero_grad()
            loss = loss_fn(m(bx), by)
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)  # like NetworkTrainer's value.getFloat()
        sps.append(len(x_all) / (time.perf_counter() - s))
    return {"hidden": hidden, "samples_per_s_median": median(sps[1:]), "per_epoch": sps[1:], "loadavg": loadavg()}


results["train"] = {"rows": len(x_all), "epochs": epochs,
                    "autoencoder": fit([64, 32, 64], 21, x_all, nn.MSELoss()),
                    "classifier": fit([100, 50], 1, y_cls, nn.BCEWithLogitsLoss())}

# ---- sklearn IsolationForest score_samples (a different detector: context, not a same-architecture peer)
try:
    import sklearn
    from sklearn.ensemble import IsolationForest
    results["versions"]["sklearn"] = sklearn.__version__
    forest = IsolationForest(n_estimators=100, random_state=42).fit(cardio)
    r = {}
    n1 = 500 if quick else 3000
    for i in range(100):
        forest.score_samples(cardio[i:i + 1])
    t = []
    for i in range(n1):
        s = time.perf_counter_ns()
        forest.score_samples(cardio[i % len(cardio)][None, :])
        t.append(time.perf_counter_ns() - s)
    r["single"] = pct(t)
    r["batch"] = {}
    for size in (1, 32, 1024):
        batch = np.stack([cardio[i % len(cardio)] for i in range(size)])
        rps = []
        for _ in range(3 if quick else 5):
            calls, s = 0, time.perf_counter()
            while True:
                forest.score_samples(batch)
                calls += 1
                now = time.perf_counter()
                if now - s >= (0.4 if quick else 1.5):
                    break
            rps.append(calls * size / (now - s))
        r["batch"][str(size)] = {"rows_per_s_median": median(rps), "iterations": rps, "loadavg": loadavg()}
    results["iforest"] = r
except ImportError as e:
    results["iforest"] = {"skipped": f"sklearn not installed ({e})"}

results["loadavg_end"] = loadavg()
json.dump(results, open(out_path, "w"), indent=1)
