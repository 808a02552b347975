#!/usr/bin/env python3
"""Builds a valid POST /v1/score body for whatever model is deployed.

Reads the GET /v1/model response on standard input and prints a body with one record keyed by
feature name (every feature 0.0: finite, so valid for any model; it may lie outside the training
range, which the result flags but does not refuse) and, when the model has an id column, the id
"smoke-1", which the result must echo. Used by smoke-test.sh; tested by SmokeRequestIT.
"""
import json
import sys

model = json.load(sys.stdin)
features = model.get("features")
if not isinstance(features, list) or not features:
    sys.exit("GET /v1/model returned no feature list: " + json.dumps(model)[:200])
record = {name: 0.0 for name in features}
if model.get("idColumn"):
    record[model["idColumn"]] = "smoke-1"
print(json.dumps({"records": [record]}))
