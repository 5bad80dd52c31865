#!/usr/bin/env bash
# Runs the whole test suite (all modules, including the TeaVM WebAssembly build), after installing the
# Debian packages the tests drive (sqlite3 shell, Chromium) when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-prereqs.sh
exec mvn -B -ntp verify
