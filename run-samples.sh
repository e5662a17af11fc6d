#!/usr/bin/env bash
# Runs thidua on the shipped samples, on the embedded database, with nothing to set up.
#
# 1. builds target/thidua.jar;
# 2. copies input-samples/2024 into work/samples/inbox (the shipped files are never
#    touched) and gives each copy the arrival time recorded in
#    input-samples/arrivals-2024.tsv: thidua takes a file's last-modified time as its
#    arrival, and git does not keep file times;
# 3. runs `run` (scheme + import + consolidate for period 2024), data under work/samples/data.
# The outputs land in work/samples/out/2024/. Each call starts afresh from the samples.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B package -DskipTests
work=work/samples
rm -rf "$work"
mkdir -p "$work/inbox"
cp input-samples/2024/* "$work/inbox/"
tail -n +2 input-samples/arrivals-2024.tsv | while IFS=$'\t' read -r file arrival; do
  touch -d "$arrival" "$work/inbox/$file"
done
exec java -jar target/thidua.jar run \
  --scheme input-samples/scheme-2024.xlsx \
  --inbox "$work/inbox" \
  --period 2024 \
  --out "$work/out" \
  --data-dir "$work/data"
