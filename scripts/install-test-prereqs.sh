#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when missing: the sqlite3 shell (the cli's output is
# compared byte for byte with it), Chromium (browser tests) and node + npm (ViteBundleTest bundles an app with
# Vite). Needs root, as on this project's machines.
set -euo pipefail
missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
