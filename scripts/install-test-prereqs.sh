#!/usr/bin/env bash
# Installs the Debian packages the test suite drives, when missing: the sqlite3 shell (the cli's output is
# compared byte for byte with it) and Chromium (browser tests). Needs root, as on this project's machines.
set -euo pipefail
missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
