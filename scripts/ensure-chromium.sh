#!/usr/bin/env bash
# The tests run in Debian's Chromium (browser downloads do not work on our machines). Installs it when it
# is missing and we may (root, apt); otherwise says what to do. CHROME_PATH points at another Chromium.
set -euo pipefail
chrome="${CHROME_PATH:-/usr/bin/chromium}"
if [ -x "$chrome" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The tests need Chromium: install it (sudo apt-get install chromium) or set CHROME_PATH." >&2
exit 1
