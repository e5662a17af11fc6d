#!/usr/bin/env bash
# Run by `./mvnw package` after the fat jar is made (pom.xml, exec-maven-plugin): builds
# target/thidua-cds/, which `java -jar target/thidua.jar` uses to start sooner (docs/startup.md):
#   app/thidua.jar + app/lib/   the fat jar extracted (java -Djarmode=tools … extract): plain jars,
#                               which the JVM's class-data sharing (CDS) can archive
#   thidua.jsa                  a dynamic CDS archive of the classes one training run loaded
#                               (JDK 17: -XX:ArchiveClassesAtExit), the samples' `run` on a
#                               temporary data dir, nothing of the repository changed
#   stamp                       the fat jar (size, modification time), the JVM it was made for and
#                               the archive's size (a cut-short archive is never used: the JVM would crash)
# When the extracted jars are unchanged, the archive is kept (the jars keep the modification times
# it was recorded with) and only the stamp is written again. Never fails the build: without the
# folder, or with a stamp that does not match, the jar simply runs as it always did.
# Usage: cds-archive.sh TARGET_DIR JAVA_HOME BASEDIR
set -uo pipefail
target="$1" java_home="$2" basedir="$3"
java="$java_home/bin/java"
fat="$target/thidua.jar"
out="$target/thidua-cds"
log="$target/thidua-cds-training.log"
say() { echo "[thidua-cds] $*"; }
give_up() {
  say "warning: $* - java -jar target/thidua.jar runs without the class-data archive"
  rm -rf "$out" "${tmp:-}"
  exit 0
}
[[ -f "$fat" && -x "$java" ]] || give_up "no $fat or no $java"
jvm=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = //p')
stamp_of() {
  printf 'jar %s %s\njvm %s %s\njsa %s\n' "$(stat -c %s "$fat")" "$(stat -c %Y "$fat")" "$java_home" "$jvm" \
    "$(stat -c %s "$out/thidua.jsa" 2>/dev/null)"
}

tmp=$(mktemp -d "$target/.thidua-cds.XXXXXX") || give_up "no temporary folder"
trap 'rm -rf "$tmp"' EXIT
"$java" -Djarmode=tools -jar "$fat" extract --destination "$tmp/app" >"$tmp/extract.log" 2>&1 \
  || give_up "extracting the jar failed: $(tail -n 3 "$tmp/extract.log")"

if [[ -s "$out/thidua.jsa" && -f "$out/stamp" ]] && diff -r -q "$tmp/app" "$out/app" >/dev/null 2>&1 \
    && [[ "$(sed -n 2,3p "$out/stamp")" == "$(stamp_of | sed -n 2,3p)" ]]; then
  stamp_of >"$out/stamp"
  say "classes unchanged: $out/thidua.jsa kept"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out" || give_up "cannot write $out"
mv "$tmp/app" "$out/app"
# The training run: the samples' scheme and four of their files (copies), on a data dir of its own.
mkdir -p "$tmp/inbox"
for f in CAH.AT-2024.xlsx PA01-2024.xlsx PC04-2024.xlsx PC10-2024.xlsx; do
  cp "$basedir/input-samples/2024/$f" "$tmp/inbox/" || give_up "no sample $f"
done
touch -d '2024-12-15 08:00' "$tmp/inbox/"*
say "training run (scheme + import + consolidate of 4 sample files on a temporary database)"
# A clean environment: no external database, no mail server, no recipients of the caller's;
# UTF-8 so that this JVM is the one that runs (no relaunch: ThiduaApplication).
env -i PATH="$PATH" HOME="${HOME:-/tmp}" LC_ALL=C.UTF-8 \
  "$java" -XX:ArchiveClassesAtExit="$out/thidua.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m \
  -jar "$out/app/thidua.jar" run --scheme "$basedir/input-samples/scheme-2024.xlsx" --inbox "$tmp/inbox" \
  --period 2024 --out "$tmp/out" --data-dir "$tmp/data" >"$log" 2>&1
rc=$?
(( rc == 0 )) || give_up "the training run ended with $rc (see $log)"
[[ -s "$out/thidua.jsa" ]] || give_up "the training run wrote no archive (see $log)"
stamp_of >"$out/stamp"
say "$out/thidua.jsa: $(( $(stat -c %s "$out/thidua.jsa") / 1048576 )) MB"
