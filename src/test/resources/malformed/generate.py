#!/usr/bin/env python3
"""Writes the malformed-input corpus: one body file per case and cases.json, the index.

Run from this folder: python3 generate.py. The committed files are its output; edit this script,
not the files. Expectations are explained in README.md.
"""
import json, os

ROW = [0.004912314661768384, 0.6931907749193863, -0.20364048566636067, 0.5953221199773836,
       0.3531896091253836, -0.06140064449540183, -0.27829494600614724, -1.6504444180265465,
       0.7590724601030867, -0.42048734791506204, 0.3721491555369604, 1.48597291930713,
       -0.798376447055488, 1.8547276120761904, 0.6226310328614728, 0.9630825413965729,
       0.30146434801842564, 0.19311343910592937, 0.23149794971397172, -0.2897857448663603,
       -0.49329396944014214]
NAMES = ["f%d" % j for j in range(21)]


def num(v):
    return repr(v) if isinstance(v, float) else str(v)


def arr(values):
    return "[" + ",".join(num(v) if not isinstance(v, str) else v for v in values) + "]"


def obj(pairs):
    return "{" + ",".join('"%s":%s' % (k, v) for k, v in pairs) + "}"


def named(overrides=None, drop=(), extra=()):
    """A record keyed by name; overrides maps feature -> raw JSON text."""
    overrides = overrides or {}
    pairs = [(n, overrides.get(n, num(v))) for n, v in zip(NAMES, ROW) if n not in drop]
    return obj(pairs + list(extra))


def body(*records):
    return '{"records":[' + ",".join(records) + "]}"


def with_value(raw):
    """A positional record whose f3 is the raw JSON text."""
    values = [num(v) for v in ROW]
    values[3] = raw
    return body("[" + ",".join(values) + "]")


VALID = body(arr(ROW))
IR, MJ, PTL = "InvalidRecordsError", "MalformedJsonError", "PayloadTooLargeError"
# Direct payloads Jackson cannot even start to read fail in the Lambda runtime's own reader, before
# any code of ours runs: the invocation fails with a Jackson errorType (known limitation, docs/SECURITY.md).
UNPARSED = "unparsed"
J = "application/json"
cases = []


def case(name, content, status, type_, direct, ct=J, method="POST", path="/v1/score", query=""):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    ext = "json" if ct == J and _is_utf8(data) else "bin"
    file = "%02d-%s.%s" % (len(cases) + 1, name, ext)
    with open(file, "wb") as f:
        f.write(data)
    cases.append({"name": name, "file": file, "contentType": ct, "method": method, "path": path,
                  "query": query, "status": status, "type": type_, "direct": direct})


def _is_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# --- not JSON at all, or broken JSON
case("not-json", "hello world", 400, "malformed-json", UNPARSED)
case("truncated-body", VALID[: len(VALID) // 2], 400, "malformed-json", MJ)
case("truncated-in-string", '{"records":[{"f0', 400, "malformed-json", MJ)
case("empty-body", "", 400, "malformed-json", UNPARSED)
case("whitespace-only", "  \n\t ", 400, "malformed-json", UNPARSED)
case("trailing-garbage", VALID + " x", 400, "malformed-json", MJ)
case("two-documents", VALID + VALID, 400, "malformed-json", MJ)
case("single-quotes", VALID.replace('"', "'"), 400, "malformed-json", MJ)
case("comment", '{"records":[/* c */' + arr(ROW) + "]}", 400, "malformed-json", MJ)
case("trailing-comma", '{"records":[' + arr(ROW) + ",]}", 400, "malformed-json", MJ)
case("unescaped-control-char", '{"records":[{"f\n0":1}]}', 400, "malformed-json", MJ)
# --- parser limits: nesting depth 16, number length 100, string length 10,000
case("nesting-depth-17", '{"records":' + "[" * 16 + "]" * 16 + "}", 400, "malformed-json", MJ)
case("nesting-depth-5000", '{"records":' + "[" * 5000 + "]" * 5000 + "}", 400, "malformed-json", MJ)
case("number-200-digits", with_value("1." + "1" * 200), 400, "malformed-json", MJ)
case("number-5000-digits", with_value("1" * 5000), 400, "malformed-json", MJ)
case("string-20000-chars-name", body(obj([("x" * 20000, "1")])), 400, "malformed-json", MJ)
case("string-10001-chars-value", with_value('"' + "9" * 10001 + '"'), 400, "malformed-json", MJ)
# --- duplicate keys
case("duplicate-records-key", '{"records":[' + arr(ROW[:3]) + '],"records":[' + arr(ROW) + "]}",
     400, "malformed-json", MJ)
case("duplicate-feature-key", body(named(extra=[("f0", "1.0")])), 400, "malformed-json", MJ)
# --- wrong shapes
case("body-array", "[" + arr(ROW) + "]", 400, "invalid-records", IR)
case("body-string", '"records"', 400, "invalid-records", IR)
case("body-number", "42", 400, "invalid-records", IR)
case("body-null", "null", 400, "invalid-records", IR)
case("body-true", "true", 400, "invalid-records", IR)
case("records-missing", "{}", 400, "invalid-records", IR)
case("records-object", '{"records":' + named() + "}", 400, "invalid-records", IR)
case("records-string", '{"records":"' + ",".join(map(str, ROW)) + '"}', 400, "invalid-records", IR)
case("records-null", '{"records":null}', 400, "invalid-records", IR)
case("records-empty", '{"records":[]}', 400, "invalid-records", IR)
case("records-51-too-many", body(*[arr(ROW)] * 51), 400, "invalid-records", IR)
case("record-null", body("null"), 400, "invalid-records", IR)
case("record-string", body('"a"'), 400, "invalid-records", IR)
case("record-number", body("1.5"), 400, "invalid-records", IR)
case("record-boolean", body("false"), 400, "invalid-records", IR)
case("unknown-top-level-field", '{"records":[' + arr(ROW) + '],"threshold":0.5}', 400, "invalid-records", IR)
case("explain-not-boolean", '{"records":[' + arr(ROW) + '],"explain":"yes"}', 400, "invalid-records", IR)
# --- values
case("value-null", with_value("null"), 400, "invalid-records", IR)
case("value-true", with_value("true"), 400, "invalid-records", IR)
case("value-numeric-string", with_value('"1.5"'), 400, "invalid-records", IR)
case("value-object", with_value('{"v":1}'), 400, "invalid-records", IR)
case("value-array", with_value("[1]"), 400, "invalid-records", IR)
case("nan-token", with_value("NaN"), 400, "malformed-json", MJ)
case("minus-nan-token", with_value("-NaN"), 400, "malformed-json", MJ)
case("infinity-token", with_value("Infinity"), 400, "malformed-json", MJ)
case("minus-infinity-token", with_value("-Infinity"), 400, "malformed-json", MJ)
case("plus-infinity-token", with_value("+Infinity"), 400, "malformed-json", MJ)
case("inf-token", with_value("inf"), 400, "malformed-json", MJ)
case("nan-string", with_value('"NaN"'), 400, "invalid-records", IR)
case("infinity-string", with_value('"-Infinity"'), 400, "invalid-records", IR)
case("overflow-1e999", with_value("1e999"), 400, "invalid-records", IR)
case("overflow-minus-1e999", with_value("-1e999"), 400, "invalid-records", IR)
case("huge-1e308", with_value("1e308"), 400, "invalid-records", IR)
case("huge-minus-1e308", with_value("-1e308"), 400, "invalid-records", IR)
case("huge-integer-40-digits", with_value("9" * 40), 400, "invalid-records", IR)
case("plus-sign", with_value("+1.5"), 400, "malformed-json", MJ)
case("leading-zero", with_value("01.5"), 400, "malformed-json", MJ)
case("hex-number", with_value("0x10"), 400, "malformed-json", MJ)
case("trailing-dot", with_value("1."), 400, "malformed-json", MJ)
case("negative-zero-is-valid", with_value("-0.0"), 200, None, "ok")
# --- features
case("missing-feature", body(named(drop=("f7",))), 400, "invalid-records", IR)
case("extra-feature", body(named(extra=[("temperature", "36.6")])), 400, "invalid-records", IR)
case("lone-surrogate-feature-name", body(named(extra=[("\\ud800", "1")])), 400, "malformed-json", MJ)
case("array-20-values", body(arr(ROW[:20])), 400, "invalid-records", IR)
case("array-22-values", body(arr(ROW + [1.0])), 400, "invalid-records", IR)
case("array-empty-record", body("[]"), 400, "invalid-records", IR)
case("array-1000-values", body(arr([0.5] * 1000)), 400, "invalid-records", IR)
# --- encoding
# Over HTTP the event carries the body as a string: invalid UTF-8 arrives as U+FFFD, an unknown feature.
case("invalid-utf8-in-name", b'{"records":[{"f\xff0":1}]}', 400, "invalid-records", MJ)
case("invalid-utf8-start", b"\xff\xfe\xfd" + VALID.encode(), 400, "malformed-json", UNPARSED)
case("latin1-in-string", '{"records":[{"caf\u00e9":1}]}'.encode("latin-1"), 400, "invalid-records", MJ)
# --- size: max-body-bytes is 65536 in tests
big = body(*[arr(ROW)] * 160)
assert len(big) > 65536, len(big)
case("body-over-size-limit", big, 413, "payload-too-large", PTL)
# --- HTTP-only cases: direct invocation has no content type, method, path or query
case("unknown-query-parameter-ignored", VALID, 200, None, None, query="?verbose=1&foo=bar")
case("explain-query-not-boolean", VALID, 200, None, None, query="?explain=maybe")
case("content-type-text-plain", VALID, 415, "unsupported-media-type", None, ct="text/plain")
case("content-type-xml", "<records/>", 415, "unsupported-media-type", None, ct="application/xml")
case("content-type-form", "records=1", 415, "unsupported-media-type", None, ct="application/x-www-form-urlencoded")
case("method-get-score", "", 405, "method-not-allowed", None, method="GET")
case("method-put-score", VALID, 405, "method-not-allowed", None, method="PUT")
case("method-delete-score", "", 405, "method-not-allowed", None, method="DELETE")
case("method-patch-score", VALID, 405, "method-not-allowed", None, method="PATCH")
case("method-post-model", VALID, 405, "method-not-allowed", None, path="/v1/model")
case("path-scores", VALID, 404, "not-found", None, path="/v1/scores")
case("path-v2", VALID, 404, "not-found", None, path="/v2/score")
case("path-extra-segment", VALID, 404, "not-found", None, path="/v1/score/extra")
case("path-root", VALID, 404, "not-found", None, path="/")

with open("cases.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
