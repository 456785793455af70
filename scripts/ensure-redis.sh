#!/usr/bin/env bash
# The server's shared-state tests run against a real redis-server (Debian's package), started privately
# by the tests on a loopback port. Installs it when it is missing and we may (root, apt); otherwise says
# what to do. apt does not start the system Redis here (no systemd): nothing needs stopping.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing: installing Debian's redis-server package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  exit 0
fi
echo "The server tests need redis-server: install it (sudo apt-get install redis-server)." >&2
exit 1
