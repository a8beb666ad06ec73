#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: a virtual environment with the pinned
# requirements (re-installed only when the requirements file changes).
# Usage: source scripts/setup.sh requirements.txt
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQ="${1:-requirements.txt}"
PY="${PYTHON:-python3}"
if [ ! -x "$ROOT/.venv/bin/python" ]; then
  echo "==> creating virtual environment in .venv"
  "$PY" -m venv "$ROOT/.venv"
fi
stamp="$ROOT/.venv/.installed-$(basename "$REQ")-$(cat "$ROOT/requirements.txt" "$ROOT/$REQ" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> installing $REQ"
  "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/$REQ"
  touch "$stamp"
fi
# shellcheck disable=SC1091
source "$ROOT/.venv/bin/activate"
