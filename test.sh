#!/usr/bin/env bash
# Set up and run every test: lint, unit and query tests, AppTest pages, and the
# real-browser tests on Debian's Chromium and the serving tests behind Debian's
# HAProxy (both installed here if missing).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium from Debian's packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
source scripts/haproxy.sh  # the serving tests run workers behind Debian's HAProxy
if [ -z "${WORKFORCE_BOUNDARIES:-}" ] && [ -f ../shared/geo/cilegon_kecamatan.geojson ]; then
  export WORKFORCE_BOUNDARIES="$(cd ../shared/geo && pwd)/cilegon_kecamatan.geojson"
fi
echo "==> ruff"
ruff check .
ruff format --check .
echo "==> lint-imports (arrows point down only)"
lint-imports --no-cache
echo "==> pytest"
python -m pytest "$@"
