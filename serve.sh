#!/usr/bin/env bash
# Serve the dashboard as a city runs it: WORKERS Streamlit processes (default: one
# per core) with the production profile, Debian's HAProxy in front on PORT (8080).
#   ./serve.sh            start in the foreground (Ctrl-C stops it)
#   ./serve.sh reload     restart the workers one at a time (after `upgrade`)
#   ./serve.sh status     the proxy's view of each worker
#   ./serve.sh stop       stop a stack started from this folder
# Settings: WORKFORCE_DB, WORKERS, PORT, BASE_PORT (first worker, 8601),
# WORKFORCE_RUN_DIR (state, logs, proxy config: var/). ./run.sh stays the laptop way.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements.txt
action="${1:-start}"
if [ "$action" = "start" ]; then
  source scripts/haproxy.sh
  if [ -z "${WORKFORCE_DB:-}" ] && [ ! -f data/workforce_demo.duckdb ]; then
    echo "==> building the demo database (data/workforce_demo.duckdb)"
    python -m workforce init-demo
  elif [ -f "${WORKFORCE_DB:-data/workforce_demo.duckdb}" ]; then
    python -m workforce upgrade  # new migrations or pre-aggregates of this version
  fi
  if [ -z "${WORKFORCE_BOUNDARIES:-}" ] && [ -f ../shared/geo/cilegon_kecamatan.geojson ]; then
    export WORKFORCE_BOUNDARIES="$(cd ../shared/geo && pwd)/cilegon_kecamatan.geojson"
  fi
fi
exec python -m workforce serve "$@"
