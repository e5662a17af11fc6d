#!/usr/bin/env bash
# The test command (README): installs what the tests need from the system, then runs Maven.
#
# The browser tests drive Debian's chromium through chromium-driver (nothing is downloaded
# at run time). As root, missing packages are installed with apt-get; otherwise this says
# exactly what to install and stops.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# The outputs are printed through LibreOffice, with Carlito (Calibri's metrics, the workbooks'
# font) to measure what a page holds as Excel does (SampleOutputsContentTest).
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need+=(fonts-crosextra-carlito)
# The fault tests kill and restart a PostgreSQL server of their own (ExternalPostgres).
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: the browser and fault tests need these Debian packages: ${need[*]}" >&2
    echo "  install them with: sudo apt-get install ${need[*]}" >&2
    exit 2
  fi
fi

exec ./mvnw -B test "$@"
