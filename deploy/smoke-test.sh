#!/usr/bin/env bash
# Smoke test of a deployed stack through its HTTP API: GET /v1/model, then POST /v1/score with a
# record built for whatever model is deployed (deploy/smoke-request.py), then an invalid record
# that must be a 400 problem.
# Usage: deploy/smoke-test.sh <stack-name> [region]
# Needs: AWS CLI v2 (2.9 or later, for 'aws configure export-credentials'), curl 7.75 or later
# (--aws-sigv4), python3. With ApiAuth=AWS_IAM (the default) every request is signed with the
# credentials of the standard chain: environment, profile (AWS_PROFILE), SSO, instance role.
set -euo pipefail

stack="${1:?usage: $0 <stack-name> [region]}"
region="${2:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}}"
[[ -n "$region" ]] || { echo "FAIL: no region: pass it as the second argument or set AWS_REGION" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"

output() {
  aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

api_url="$(output ApiUrl)"
function_name="$(output FunctionName)"
[[ -n "$api_url" && "$api_url" != "None" ]] || { echo "FAIL: stack $stack has no ApiUrl output" >&2; exit 1; }
echo "API: $api_url (function $function_name, region $region)"

sign=()
if [[ "${SMOKE_SIGN:-yes}" != "no" ]]; then
  # whatever the chain resolves (SSO and profiles included), as AWS_ACCESS_KEY_ID etc.
  eval "$(aws configure export-credentials --format env)"
  sign=(--aws-sigv4 "aws:amz:${region}:execute-api" --user "${AWS_ACCESS_KEY_ID}:${AWS_SECRET_ACCESS_KEY}")
  [[ -n "${AWS_SESSION_TOKEN:-}" ]] && sign+=(-H "x-amz-security-token: ${AWS_SESSION_TOKEN}")
fi

fail=0
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT

explain() { # why a call failed, from its status code
  case "$1" in
    403) echo "     403 from API Gateway: the request was not signed, or by a principal without execute-api:Invoke" \
              "on this API, or for another region (this script signs for $region; SMOKE_SIGN=no turns signing off" \
              "for ApiAuth=NONE)." >&2 ;;
    5*)  echo "     $1: the function failed, most often at start-up while loading the model. S3 answers 403" \
              "AccessDenied for a missing key when the role may not list the bucket, so a wrong ModelPrefix, a" \
              "missing <prefix>/LATEST or a ModelVersion that does not exist all read as AccessDenied; a bucket" \
              "outside the stack's region fails with a 301 redirect instead. Look: aws logs tail /aws/lambda/$function_name --region $region --since 15m" >&2 ;;
  esac
}

# 1. The model summary
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 "$api_url/v1/model")"
if [[ "$code" == 200 ]] && grep -q '"features"' "$tmp"; then
  echo "OK   GET  /v1/model -> 200 $(head -c 200 "$tmp")"
else
  echo "FAIL GET  /v1/model -> $code $(head -c 500 "$tmp")" >&2; explain "$code"; exit 1
fi

# 2. A score for a record built from the model's own feature list (and id column, if any)
body="$(python3 "$here/smoke-request.py" < "$tmp")"
want_id="$(python3 -c 'import json,sys; print("yes" if json.load(sys.stdin).get("idColumn") else "")' < "$tmp")"
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 \
  -H 'content-type: application/json' --data "$body" "$api_url/v1/score")"
if [[ "$code" == 200 ]] && grep -q '"results"' "$tmp" && { [[ -z "$want_id" ]] || grep -q '"id":"smoke-1"' "$tmp"; }; then
  echo "OK   POST /v1/score -> 200 $(head -c 200 "$tmp")"
else
  echo "FAIL POST /v1/score -> $code $(head -c 500 "$tmp")" >&2; explain "$code"; fail=1
fi

# 3. An invalid record must be a 400 problem, not a 5xx
code="$(curl -sS "${sign[@]}" -o "$tmp" -w '%{http_code}' --max-time 60 \
  -H 'content-type: application/json' --data '{"records":[{"no-such-feature":"x"}]}' "$api_url/v1/score")"
if [[ "$code" == 400 ]]; then
  echo "OK   POST /v1/score (invalid) -> 400"
else
  echo "FAIL POST /v1/score (invalid) -> $code $(head -c 500 "$tmp")" >&2; explain "$code"; fail=1
fi

exit "$fail"
