#!/usr/bin/env bash
# `npm run frictionless:install`: Frictionless 5 (from PyPI) in a private virtualenv, .venv-frictionless.
# test/api/hsds-frictionless.test.ts validates the HSDS export with it and is skipped while it is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=".venv-frictionless"
if [ ! -x "$venv/bin/frictionless" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'frictionless==5.*'
fi
"$venv/bin/frictionless" --version
