#!/usr/bin/env bash
# Runs the whole test suite (all modules, including the TeaVM WebAssembly build).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify
