#!/usr/bin/env bash
# Benchmark of thidua's whole commands (issue 12): ./bench.sh [N]   (default N=200)
#
# On a fresh folder under target/bench/ (never the repo's tracked files):
# 1. builds target/thidua.jar if it is missing, and the test classes (the generator);
# 2. writes a scheme of N units (the shipped scheme-2024.xlsx with its units replaced by N
#    units spread over its 4 blocks) and an inbox of N distinct valid submissions, one per
#    unit (copies of the valid 2024 samples with the unit code changed), plus
#    BENCH_INVALID_PERCENT % (default 5) more that must be rejected (one negative value);
# 3. measures the "inflate floor" on the same inbox: open every file as a zip and inflate
#    every entry (one thread, best of 3 passes after a warm-up);
# 4. runs `scheme`, `import`, `consolidate --period 2024` and `status` as whole commands
#    (java -jar target/thidua.jar … --data-dir in that folder, embedded PostgreSQL), each
#    timed (wall seconds) with its peak RSS (the JVM's; the embedded PostgreSQL server
#    runs in processes of its own and is not counted);
# 5. prints one table and a one-line summary.
# Environment: BENCH_XMX (default 512m, the -Xmx of every command), BENCH_INVALID_PERCENT,
# BENCH_SCHEME_ONLY=1 only writes and loads the scheme (to find the largest N that loads),
# BENCH_KEEP=1 keeps the folder (default: the inbox, archive and database are removed).
# Output is in English (a developer tool).
set -euo pipefail
cd "$(dirname "$0")"

n="${1:-200}"
xmx="${BENCH_XMX:-512m}"
invalid_percent="${BENCH_INVALID_PERCENT:-5}"
period=2024
if ! [[ "$n" =~ ^[0-9]+$ ]] || (( n < 1 )); then
  echo "usage: ./bench.sh [N]   (N ≥ 1 units and valid files; default 200)" >&2
  exit 2
fi

# A scheme has limits of its own (scheme.SchemeLimits: 50000 units, 100000 rows per sheet);
# above them the scheme is refused (S-SCHEME-TOO-MANY-UNITS).
max_units=50000

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [[ ! -f target/thidua.jar ]]; then
  log "building target/thidua.jar (./mvnw -q -B package -DskipTests)"
  ./mvnw -q -B package -DskipTests
fi
log "compiling the test classes (the generator)"
./mvnw -q -B -o test-compile || ./mvnw -q -B test-compile
mkdir -p target/bench
if [[ ! -s target/bench/classpath.txt || pom.xml -nt target/bench/classpath.txt ]]; then
  # offline first (no network needed once the build has run), online if a plugin is missing
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null \
    || ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
fi
cp="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"

dir="$(mktemp -d "$PWD/target/bench/run-XXXXXX")"
if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$dir/inbox" "$dir/archive" "$dir/rejected" "$dir/data"' EXIT
fi
log "folder $dir"
if (( n > max_units )); then
  log "warning: N=$n > $max_units: the scheme will be refused (S-SCHEME-TOO-MANY-UNITS, the scheme's" \
      "limit of $max_units units)"
fi

# run NAME ARGS…: runs one thidua command, timed, its output in $dir/NAME.log;
# sets secs, rss_mb and heap_mb (the most heap in use the GC log shows: its largest "before" of a collection,
# or what is in use at exit, whichever is larger).
run() {
  local name="$1"; shift
  log "$name: java -Xmx$xmx -jar target/thidua.jar $* --data-dir …"
  local t0 t1 rc=0
  t0=$(now)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f %M -o "$dir/$name.rss" \
      java "-Xmx$xmx" "-Xlog:gc,gc+heap+exit:file=$dir/$name.gc" -jar target/thidua.jar "$@" --data-dir "$dir/data" \
      >"$dir/$name.log" 2>&1 || rc=$?
  else
    java "-Xmx$xmx" "-Xlog:gc,gc+heap+exit:file=$dir/$name.gc" -jar target/thidua.jar "$@" --data-dir "$dir/data" \
      >"$dir/$name.log" 2>&1 &
    local pid=$! peak=0 kb
    while kill -0 "$pid" 2>/dev/null; do
      kb=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
      (( ${kb:-0} > peak )) && peak=$kb
      sleep 0.2
    done
    wait "$pid" || rc=$?
    echo "$peak" >"$dir/$name.rss"
  fi
  t1=$(now)
  secs=$(elapsed "$t0" "$t1")
  rss_mb=$(awk '/^[0-9]+$/ { v = $1 } END { printf "%d", v / 1024 }' "$dir/$name.rss")
  heap_mb=$(heap_peak "$dir/$name.gc")
  tail -n 3 "$dir/$name.log" | sed 's/^/    /'
  if (( rc != 0 )); then
    echo "bench: $name failed (exit $rc); its output: $dir/$name.log" >&2
    trap - EXIT
    exit 1
  fi
}

# heap_peak GC_LOG: MB, the largest heap in use before a collection ("Pause Young ... 120M->30M(256M)")
# or at exit ("garbage-first heap total 262144K, used 93184K" / "def new generation ... used").
heap_peak() {
  awk '
    match($0, /[0-9]+M->[0-9]+M\(/) { v = substr($0, RSTART, RLENGTH); sub(/M->.*/, "", v); if (v + 0 > peak) peak = v + 0 }
    /heap +total|generation +total/ && match($0, /used [0-9]+K/) { u = substr($0, RSTART + 5, RLENGTH - 6); used += u }
    END { u = used / 1024; if (u > peak) peak = u; printf "%d", peak }' "$1" 2>/dev/null || echo -
}

log "generating a scheme of $n units and the inbox ($n valid + ${invalid_percent} % invalid files)"
java -cp "$cp" thidua.bench.BenchFiles "$n" "$invalid_percent" "$dir/scheme.xlsx" \
  "$([[ -n "${BENCH_SCHEME_ONLY:-}" ]] && echo - || echo "$dir/inbox")"
if [[ -n "${BENCH_SCHEME_ONLY:-}" ]]; then
  run scheme scheme --file "$dir/scheme.xlsx"
  log "scheme of $n units loaded in $secs s (BENCH_SCHEME_ONLY: no inbox, nothing else run)"
  exit 0
fi

files=$(find "$dir/inbox" -maxdepth 1 -type f | wc -l)
log "inflate floor on the same $files files"
read -r _ _ floor_s floor_fps _ < <(java -cp "$cp" thidua.bench.InflateFloor "$dir/inbox")

run scheme scheme --file "$dir/scheme.xlsx"
scheme_s=$secs scheme_rss=$rss_mb scheme_heap=$heap_mb
run import import --inbox "$dir/inbox"
import_s=$secs import_rss=$rss_mb import_heap=$heap_mb
run consolidate consolidate --period "$period" --out "$dir/out"
cons_s=$secs cons_rss=$rss_mb cons_heap=$heap_mb
run status status --period "$period"
status_s=$secs status_rss=$rss_mb status_heap=$heap_mb

accepted=$({ find "$dir/archive" -type f 2>/dev/null || true; } | wc -l)
rejected=$({ find "$dir/rejected" -type f ! -name '*.loi.xlsx' 2>/dev/null || true; } | wc -l)
import_fps=$(awk -v f="$files" -v s="$import_s" 'BEGIN { printf "%.1f", f / s }')
ratio=$(awk -v a="$floor_fps" -v b="$import_fps" 'BEGIN { printf "%.0f", a / b }')
# Beyond start-up: `status` is almost only a command's start-up (Spring context + embedded
# PostgreSQL), so import's time minus status's time approximates its per-file work.
# (Shown only when import outlasts status by a second or more: below, the difference is noise.)
steady_s=$(awk -v a="$import_s" -v b="$status_s" 'BEGIN { d = a - b; if (d >= 1) printf "%.2f", d; else printf "-" }')
steady_fps=- steady_ratio=-
if [[ "$steady_s" != - ]]; then
  steady_fps=$(awk -v f="$files" -v s="$steady_s" 'BEGIN { printf "%.1f", f / s }')
  steady_ratio=$(awk -v a="$floor_fps" -v b="$steady_fps" 'BEGIN { printf "%.0f", a / b }')
fi

echo
printf 'bench: N=%d, -Xmx%s, %d files (%d accepted, %d rejected), %s\n' \
  "$n" "$xmx" "$files" "$accepted" "$rejected" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-26s | %7s | %7s | %9s | %8s | %8s | %8s |\n' step items seconds items/s "× floor" "heap MB" "RSS MB"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ---------------------------- --------- --------- ----------- ---------- ---------- ----------
printf '| %-26s | %7d | %7.3f | %9.0f | %8s | %8s | %8s |\n' "inflate floor (files)" "$files" "$floor_s" "$floor_fps" 1 - -
printf '| %-26s | %7d | %7.2f | %9s | %8s | %8s | %8d |\n' "scheme (units)" "$n" "$scheme_s" - - "$scheme_heap" "$scheme_rss"
printf '| %-26s | %7d | %7.2f | %9s | %8s | %8s | %8d |\n' "import (files)" "$files" "$import_s" "$import_fps" "$ratio" "$import_heap" "$import_rss"
printf '| %-26s | %7d | %7s | %9s | %8s | %8s | %8s |\n' "import − status (start-up)" "$files" "$steady_s" "$steady_fps" "$steady_ratio" - -
printf '| %-26s | %7d | %7.2f | %9s | %8s | %8s | %8d |\n' "consolidate (units)" "$n" "$cons_s" - - "$cons_heap" "$cons_rss"
printf '| %-26s | %7s | %7.2f | %9s | %8s | %8s | %8d |\n' "status" - "$status_s" - - "$status_heap" "$status_rss"
echo
printf 'bench: %d files, import %s files/s (%s× the floor), consolidate %s s, status %s s\n' \
  "$files" "$import_fps" "$ratio" "$cons_s" "$status_s"
