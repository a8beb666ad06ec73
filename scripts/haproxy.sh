#!/usr/bin/env bash
# Shared by serve.sh and test.sh: install Debian's HAProxy when it is missing
# (apt-get, as root or through sudo). Exits with a clear message when it cannot.
# Usage: source scripts/haproxy.sh
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  echo "==> installing HAProxy from Debian's packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! { $SUDO apt-get update -qq && \
         $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }; then
    echo "error: HAProxy is missing and could not be installed;" \
         "install it with 'sudo apt-get install haproxy' and run this again" >&2
    exit 4
  fi
fi
