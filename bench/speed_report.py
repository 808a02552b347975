#!/usr/bin/env python3
"""Joins bench/speed's JSON results (Java harness + Python peers) into markdown tables with ratios.
Usage: speed_report.py RESULTS_DIR COMMAND"""
import json
import os
import sys

d, command = sys.argv[1], sys.argv[2]


def load(name):
    p = os.path.join(d, name)
    return json.load(open(p)) if os.path.exists(p) else None


jin, jprof, jtrain, jinv, peers, jtrain_c1 = (load(n) for n in (
    "java-inproc.json", "java-profile.json", "java-train.json", "java-invoke.json", "peers.json",
    "java-train-c1.json"))
peers = peers or {"skipped": "peers not run"}
skipped = peers.get("skipped")
out = []
w = out.append


def f(v, digits=1):
    return "n/a" if v is None else f"{v:,.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    r = a / b
    return f"{r:.2f}x" if r >= 0.1 else f"{r:.3g}x"


def get(obj, *path):
    for k in path:
        if obj is None or k not in obj:
            return None
        obj = obj[k]
    return obj


w("## Speed\n")
w(f"Command: `{command}` (raw JSON and this report in `target/bench/speed/`).\n")
w("Options: `--quick` (short smoke run), `--skip-build`, `--only inproc,invoke,train,profile,peers`. Needs JDK 17 "
  "and python3; the peers need `apt-get install python3-torch python3-sklearn` (skipped with a note when "
  "missing; a python3 that can import torch is picked, e.g. `/usr/bin/python3` when pyenv shadows it).\n")
w("```")
w(open(os.path.join(d, "machine.txt")).read().strip())
w("```\n")
w("Versions: Java side DJL 0.36.0 on libtorch 2.7.1 (CPU); the Python peers use the Debian `python3-torch` "
  "package (its version is in the block above; on Debian 12 it is 1.13, not 2.7.1), so the eager peer "
  "is a different PyTorch release.\n")
w("Harness: hand-rolled `System.nanoTime()` loops (no JMH): warm-up, then per-call timings for percentiles; "
  "throughput = median of timed iterations (each a fixed time budget). Threads: Java DJL/PyTorch intra-op 1, "
  "inter-op 1, `OMP_NUM_THREADS=1`; Python `torch.set_num_threads(1)`, `set_num_interop_threads(1)`. "
  "Load average (1/5/15 min) is printed next to each figure; the machine is shared (`nproc` reports the cores this job may use), so figures "
  "taken under load are pessimistic for both sides (Java and Python ran one after the other, not at the same time).\n")
if skipped:
    w(f"**Python peers skipped:** {skipped}\n")

if jin:
    w("### 1. In-process scoring\n")
    w("Java: `AnomalyModel.score(double[][], false)` (standardise, forward passes of up to 512 rows "
      "zero-padded to a multiple of 8, `block.forward` in a per-chunk NDManager, squared error, calibration). Python peer: eager `nn.Sequential` of the same shapes under "
      "`torch.inference_mode()`, same standardise + mean-squared-error work, **one batched forward per call** "
      "(what a PyTorch user would write; the Java side pads to fixed chunk heights so a record's bits do not "
      "depend on its batch, `BatchIndependenceTest`). Ratio = Java / Python for latency (lower is better), Python-relative throughput "
      "(higher is better) for rows/s.\n")
    w("| model | measure | Java | Python eager | Java/Python | load avg (Java; Python) |")
    w("|---|---|---:|---:|---:|---|")
    for key, label in (("default", "cardio 21 f, AE [64,32,64]"), ("wide", "synthetic 166 f, AE [128,64,128]")):
        j = jin["inproc"][key]
        p = get(peers, "inproc", key)
        for q in ("p50_us", "p99_us"):
            w(f"| {label} | single record {q.split('_')[0]} (us) | {f(j['single'][q])} | {f(get(p, 'single', q))} | "
              f"{ratio(j['single'][q], get(p, 'single', q))} | {j['single']['loadavg']}; {get(p, 'single', 'loadavg')} |")
        for size in ("1", "32", "1024"):
            jb = j["batch"][size]["rows_per_s_median"]
            pb = get(p, "batch", size, "rows_per_s_median")
            w(f"| {label} | batch {size} (rows/s) | {f(jb, 0)} | {f(pb, 0)} | {ratio(jb, pb)} | "
              f"{j['batch'][size]['loadavg']}; {get(p, 'batch', size, 'loadavg')} |")
    it = peers.get("iforest")
    if it and "single" in it:
        w("\nsklearn `IsolationForest(n_estimators=100).score_samples` on cardio (a different detector, for context; "
          "ratio = Java AE default model / IsolationForest):\n")
        w("| measure | Java AE (default) | IsolationForest | Java/IForest | load avg (IForest) |")
        w("|---|---:|---:|---:|---|")
        j = jin["inproc"]["default"]
        for q in ("p50_us", "p99_us"):
            w(f"| single record {q.split('_')[0]} (us) | {f(j['single'][q])} | {f(it['single'][q])} | "
              f"{ratio(j['single'][q], it['single'][q])} | {it['single']['loadavg']} |")
        for size in ("1", "32", "1024"):
            w(f"| batch {size} (rows/s) | {f(j['batch'][size]['rows_per_s_median'], 0)} | "
              f"{f(it['batch'][size]['rows_per_s_median'], 0)} | "
              f"{ratio(j['batch'][size]['rows_per_s_median'], it['batch'][size]['rows_per_s_median'])} | "
              f"{it['batch'][size]['loadavg']} |")
    elif it:
        w(f"\nIsolationForest peer skipped: {it.get('skipped')}\n")

if jinv:
    inv = jinv["invoke"]
    w("\n### 2. Invocation path (warm, sequential, single record)\n")
    w("Java: the packaged function (`target/function.zip` unzipped, handler from `template.yaml`, its environment) "
      "under the real AWS runtime interface client 2.10.1, against `LambdaRuntimeApiServer` on loopback; each "
      "figure is the client-side round trip of one POST to `/_lambda_` (mock server -> RIC long-poll -> Quarkus "
      "handler -> response -> mock server -> client), so it **includes two loopback HTTP hops and the mock server**. "
      "Python peer: an in-process handler loop (json.loads -> numpy -> torch forward -> json.dumps), "
      "**no transport**, so the ratio overstates the Java cost of the handler itself.\n")
    w("| event | Java p50 (us) | Java p99 (us) | Python p50 (us) | Python p99 (us) | p50 ratio | p99 ratio | n | load avg (Java; Python) |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for key, label in (("apigw_v2", "API Gateway v2 event"), ("direct", "direct-invocation payload")):
        j, p = inv[key], get(peers, "invoke", key)
        w(f"| {label} | {f(j['p50_us'])} | {f(j['p99_us'])} | {f(get(p, 'p50_us'))} | {f(get(p, 'p99_us'))} | "
          f"{ratio(j['p50_us'], get(p, 'p50_us'))} | {ratio(j['p99_us'], get(p, 'p99_us'))} | {j['n']} | "
          f"{j['loadavg']}; {get(p, 'loadavg')} |")
    if jprof and "inprocess_parse_score_serialise" in jprof["profile"]:
        j = jprof["profile"]["inprocess_parse_score_serialise"]
        p = get(peers, "invoke", "direct")
        w(f"| (b) Java in-process: `RecordParser.parse` -> `AnomalyModel.score` -> Jackson response (no Quarkus, no transport) | "
          f"{f(j['p50_us'])} | {f(j['p99_us'])} | {f(get(p, 'p50_us'))} | {f(get(p, 'p99_us'))} | "
          f"{ratio(j['p50_us'], get(p, 'p50_us'))} | {ratio(j['p99_us'], get(p, 'p99_us'))} | {j['n']} | {j['loadavg']}; {get(p, 'loadavg')} |")
    mem = inv["memory"]
    memout = []
    w = memout.append
    w("\n### 4. Memory\n")
    w("`/proc/<pid>/status` of the function JVM (the RIC process; default JVM heap settings, no `-Xmx`):\n")
    w("| after invocations | VmRSS (MB) | VmHWM = max RSS (MB) |")
    w("|---:|---:|---:|")
    for k, v in mem.items():
        if k.startswith("after_"):
            w(f"| {int(k[6:]):,} | {f(v.get('VmRSS_MB'))} | {f(v.get('VmHWM_MB'))} |")
    w(f"\nload avg at the end: {mem['loadavg']}\n")
    w = out.append

if jtrain:
    t = jtrain["train"]
    w("\n### 3. Training throughput\n")
    w(f"All {t['rows']} cardio rows (21 features, standardised), batch 64, Adam lr 1e-3, shuffled each epoch, "
      f"{t['epochs']} epochs, first epoch dropped as warm-up, median samples/s over the rest. Java: `NetworkTrainer.fit` "
      "(no validation set; it also snapshots the weights when the loss improves, as in production). Python: the "
      "equivalent eager loop (`zero_grad`, forward, loss, backward, `step`, `loss.item()` per batch).\n")
    w("| network | Java (samples/s) | Python (samples/s) | Java/Python | load avg (Java; Python) |")
    w("|---|---:|---:|---:|---|")
    for key, label in (("autoencoder", "autoencoder [64,32,64], MSE"), ("classifier", "classifier [100,50], BCE-with-logits")):
        j, p = t[key], get(peers, "train", key)
        w(f"| {label} | {f(j['samples_per_s_median'], 0)} | {f(get(p, 'samples_per_s_median'), 0)} | "
          f"{ratio(j['samples_per_s_median'], get(p, 'samples_per_s_median'))} | {j['loadavg']}; {get(p, 'loadavg')} |")
    for key, label in (("autoencoder", "autoencoder, second fit in the same JVM"),
                       ("classifier", "classifier, second fit in the same JVM")):
        j, p = t.get(key + "_second_fit"), get(peers, "train", key)
        if j:
            w(f"| {label} | {f(j['samples_per_s_median'], 0)} | {f(get(p, 'samples_per_s_median'), 0)} | "
              f"{ratio(j['samples_per_s_median'], get(p, 'samples_per_s_median'))} | {j['loadavg']}; {get(p, 'loadavg')} |")
    for key, label in (("autoencoder", "autoencoder, JVM with C1 only"), ("classifier", "classifier, JVM with C1 only")):
        j, p = get(jtrain_c1, "train", key), get(peers, "train", key)
        if j:
            w(f"| {label} | {f(j['samples_per_s_median'], 0)} | {f(get(p, 'samples_per_s_median'), 0)} | "
              f"{ratio(j['samples_per_s_median'], get(p, 'samples_per_s_median'))} | {j['loadavg']}; {get(p, 'loadavg')} |")
    w("\nThe targets use the first fit of each network (a fresh JVM, like a training run); the second fit "
      "runs after the JIT compiler has seen the training path, so the two rows apart show how much of the gap "
      "is the JVM's warm-up; the C1-only rows (`-XX:TieredStopAtLevel=1`, a separate JVM) show how much is the C2 "
      "compiler's work competing for the core.\n")

if jinv:
    out.extend(memout)

# ---- targets
w("\n### Targets (where we stand; not tuned for)\n")
w("| target | measured | met? |")
w("|---|---|---|")


def target(name, value, good):
    w(f"| {name} | {value if value is not None else 'n/a'} | {'n/a' if value is None else ('yes' if good else 'no')} |")


if jin and not skipped:
    for key in ("default", "wide"):
        r = jin["inproc"][key]["single"]["p50_us"] / peers["inproc"][key]["single"]["p50_us"]
        target(f"per-record p50 <= 0.5x Python eager ({key})", f"{r:.2f}x", r <= 0.5)
        b = jin["inproc"][key]["batch"]["1024"]["rows_per_s_median"] / peers["inproc"][key]["batch"]["1024"]["rows_per_s_median"]
        target(f"batch-1024 throughput >= 1.0x Python ({key})", f"{b:.2f}x", b >= 1.0)
if jtrain and not skipped:
    for key in ("autoencoder", "classifier"):
        r = jtrain["train"][key]["samples_per_s_median"] / peers["train"][key]["samples_per_s_median"]
        target(f"training >= 0.8x Python ({key})", f"{r:.2f}x", r >= 0.8)

if jprof:
    pr = jprof["profile"]
    w("\n### Profile figures (raw; see `## Profile of one scoring call`)\n")
    w("| piece (default model, 1 record) | ns per call |")
    w("|---|---:|")
    for k, v in pr.items():
        if isinstance(v, (int, float)):
            w(f"| {k} | {f(v, 0)} |")
    w(f"\nparameters require grad: {pr.get('parameters_require_grad')}; output requires grad: "
      f"{pr.get('output_requires_grad')}; load avg: {jprof.get('loadavg_start')} -> {jprof.get('loadavg_end')}\n")

print("\n".join(out))
