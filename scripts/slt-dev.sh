#!/usr/bin/env bash
# Runs Skerry over the sqllogictest development set (../shared/corpus/slt/slt-dev.tar.xz, 472 files,
# ~750 MB unpacked; about 15 minutes on 2 cores). The set is unpacked once outside the repository
# (default ../slt-dev, or $SLT_DEV_DIR). Prints one line per file and the totals; the full output is kept in
# target/slt-dev.txt. Needs cli/target/skerry.jar (mvn -B -ntp -DskipTests package).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
archive="$repo/../shared/corpus/slt/slt-dev.tar.xz"
dir="${SLT_DEV_DIR:-$repo/../slt-dev}"
jar="$repo/cli/target/skerry.jar"
[ -f "$jar" ] || { echo "no $jar: build first (mvn -B -ntp -DskipTests package)" >&2; exit 2; }
if [ ! -d "$dir/index" ]; then
  [ -f "$archive" ] || { echo "no $archive" >&2; exit 2; }
  mkdir -p "$dir"
  echo "unpacking $archive into $dir"
  tar xJf "$archive" -C "$dir"
fi
mkdir -p "$repo/target"
cd "$dir"
find . -name '*.test' | LC_ALL=C sort > "$repo/target/slt-dev-files.txt"
mapfile -t files < "$repo/target/slt-dev-files.txt"
java -Xmx2g -jar "$jar" --slt "${files[@]}" | tee "$repo/target/slt-dev.txt"
