#!/usr/bin/env bash
# Set up and run the dashboard on the embedded demo database (built on first run).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements.txt
if [ -z "${WORKFORCE_DB:-}" ] && [ ! -f data/workforce_demo.duckdb ]; then
  echo "==> building the demo database (data/workforce_demo.duckdb)"
  python -m workforce init-demo
elif [ -f "${WORKFORCE_DB:-data/workforce_demo.duckdb}" ]; then
  python -m workforce upgrade  # new migrations or pre-aggregates of this version, if any
fi
if [ -z "${WORKFORCE_BOUNDARIES:-}" ] && [ -f ../shared/geo/cilegon_kecamatan.geojson ]; then
  export WORKFORCE_BOUNDARIES="$(cd ../shared/geo && pwd)/cilegon_kecamatan.geojson"
fi
exec streamlit run dashboard.py --server.port "${PORT:-8501}" "$@"
