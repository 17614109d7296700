#!/usr/bin/env bash
# `npm run fuzz`: schemathesis (from PyPI, into a private virtualenv) against the OpenAPI document
# at /api/v1/openapi.json (anonymous and signed in as a platform admin) and /hsds/openapi.json, on a throw-away instance with
# the sample directory. Fails on any 5xx or any response that does not conform to the document.
#   FUZZ_EXAMPLES=N   examples per operation (default 50; CI uses a small number)
set -euo pipefail
cd "$(dirname "$0")/../.."
examples="${FUZZ_EXAMPLES:-50}"
venv=".venv-fuzz"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi

target_out="$(mktemp)"
# node itself (not npx), so the SIGTERM of the trap reaches the target and it stops its database.
node --import tsx test/support/fuzz-target.ts >"$target_out" &
target_pid=$!
trap 'kill -TERM $target_pid 2>/dev/null || true; wait $target_pid 2>/dev/null || true; rm -f "$target_out"' EXIT
for _ in $(seq 1 240); do
  [ -s "$target_out" ] && break
  kill -0 "$target_pid" 2>/dev/null || { echo "fuzz target failed to start" >&2; exit 1; }
  sleep 0.5
done
read -r url cookie csrf < <(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); print(d["url"], d["cookie"].replace(" ", ""), d["csrf"])' "$target_out")

checks="not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
common=(--checks "$checks" --max-examples "$examples" --url "$url" --phases examples,fuzzing --suppress-health-check all --no-color --request-timeout 60)

echo "== fuzzing anonymously ($examples examples per operation)"
"$venv/bin/schemathesis" run "$url/api/v1/openapi.json" "${common[@]}"
echo "== fuzzing signed in as a platform admin"
# Without sign-out: a fuzzed logout would end the session and leave the rest of the run anonymous.
"$venv/bin/schemathesis" run "$url/api/v1/openapi.json" "${common[@]}" --exclude-path /api/v1/auth/logout \
  --header "Cookie: $cookie" --header "X-CSRF-Token: $csrf"
echo "== fuzzing the Open Referral (HSDS) API anonymously"
"$venv/bin/schemathesis" run "$url/hsds/openapi.json" "${common[@]}" --url "$url/hsds"
