#!/usr/bin/env bash
# Smoke test of a deployed stack: GET /v1/model and POST /v1/score through the HTTP API.
# Usage: deploy/smoke-test.sh <stack-name> [region]
# Needs: aws CLI v2 with credentials, curl. With ApiAuth=AWS_IAM, curl signs the requests
# (--aws-sigv4) with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN from the environment.
set -euo pipefail

stack="${1:?usage: $0 <stack-name> [region]}"
region="${2:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}"
region_args=()
[[ -n "$region" ]] && region_args=(--region "$region")
here="$(cd "$(dirname "$0")" && pwd)"

output() {
  aws cloudformation describe-stacks "${region_args[@]}" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

api_url="$(output ApiUrl)"
function_name="$(output FunctionName)"
[[ -n "$api_url" && "$api_url" != "None" ]] || { echo "FAIL: stack $stack has no ApiUrl output" >&2; exit 1; }
echo "API: $api_url (function $function_name)"

sign=()
if [[ -n "${AWS_ACCESS_KEY_ID:-}" && "${SMOKE_SIGN:-auto}" != "no" ]]; then
  r="${region:-$(aws configure get region)}"
  sign=(--aws-sigv4 "aws:amz:${r}:execute-api" --user "${AWS_ACCESS_KEY_ID}:${AWS_SECRET_ACCESS_KEY}")
  [[ -n "${AWS_SESSION_TOKEN:-}" ]] && sign+=(-H "x-amz-security-token: ${AWS_SESSION_TOKEN}")
fi

fail=0
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT

# 1. The model summary
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 "$api_url/v1/model")"
if [[ "$code" == 200 ]] && grep -q '"features"' "$tmp"; then
  echo "OK   GET  /v1/model -> 200 $(head -c 200 "$tmp")"
else
  echo "FAIL GET  /v1/model -> $code $(head -c 500 "$tmp")" >&2; fail=1
fi

# 2. A score, with the body of the sample API Gateway event (records must match the deployed model's features)
body="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["body"])' "$here/events/http-score-valid.json")"
body="${SMOKE_BODY:-$body}"
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 \
  -H 'content-type: application/json' --data "$body" "$api_url/v1/score")"
if [[ "$code" == 200 ]] && grep -q '"results"' "$tmp"; then
  echo "OK   POST /v1/score -> 200 $(head -c 200 "$tmp")"
else
  echo "FAIL POST /v1/score -> $code $(head -c 500 "$tmp")" >&2; fail=1
fi

# 3. An invalid record must be a 400 problem, not a 5xx
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 \
  -H 'content-type: application/json' --data '{"records":[{"no-such-feature":"x"}]}' "$api_url/v1/score")"
if [[ "$code" == 400 ]]; then
  echo "OK   POST /v1/score (invalid) -> 400"
else
  echo "FAIL POST /v1/score (invalid) -> $code $(head -c 500 "$tmp")" >&2; fail=1
fi

exit "$fail"
