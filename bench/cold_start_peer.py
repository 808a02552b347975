#!/usr/bin/env python3
"""Python/torch peer for bench/cold-start.sh: a Lambda function in Python that does what the Java
function does at a cold start, timed the same way (process start -> first reply).

It imports torch, builds the default model's network (21-64-32-64-21 ReLU autoencoder, the sizes of
src/main/resources/default-model/manifest.json; weights from a state dict written once by the bench,
so the cold start reads a file like the Java function does), then runs the Lambda Runtime API loop:
GET .../invocation/next, standardise the records, reconstruction error per record, POST .../response.
The loop is written here with http.client because the awslambdaric package is not installed on this
machine; it makes the same two HTTP calls per event as the runtime client.

Usage (the bench sets AWS_LAMBDA_RUNTIME_API): cold_start_peer.py <weights.pt> <manifest.json>
      cold_start_peer.py --write-weights <weights.pt>
"""
import http.client
import json
import os
import sys

import torch
from torch import nn


def network():
    return nn.Sequential(nn.Linear(21, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(),
                         nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 21))


if sys.argv[1] == "--write-weights":
    torch.manual_seed(0)
    torch.save(network().state_dict(), sys.argv[2])
    sys.exit(0)

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
model = network()
model.load_state_dict(torch.load(sys.argv[1]))
model.eval()
manifest = json.load(open(sys.argv[2]))
mean = torch.tensor(manifest["preprocessing"]["mean"], dtype=torch.float32)
scale = torch.tensor(manifest["preprocessing"]["scale"], dtype=torch.float32)
threshold = manifest["threshold"]

host, _, base = os.environ["AWS_LAMBDA_RUNTIME_API"].partition("/")
prefix = ("/" + base if base else "") + "/2018-06-01/runtime/invocation/"
conn = http.client.HTTPConnection(host)
while True:
    conn.request("GET", prefix + "next")
    reply = conn.getresponse()
    request_id = reply.getheader("Lambda-Runtime-Aws-Request-Id")
    event = json.loads(reply.read())
    with torch.no_grad():
        x = (torch.tensor(event["records"], dtype=torch.float32) - mean) / scale
        errors = ((model(x) - x) ** 2).mean(dim=1).tolist()
    body = json.dumps({"results": [{"score": e, "anomaly": e > threshold} for e in errors]})
    conn.request("POST", prefix + request_id + "/response", body, {"Content-Type": "application/json"})
    conn.getresponse().read()
