#!/usr/bin/env bash
# Data-quality pages (issue 8), measured, never asserted: the whole computation behind /data-quality (both returns
# of four collection years made from the record and validated, each issue traced to its child and worker) on a seeded
# default-profile database in SQLite. Not run in CI.
#   bash bench/data-quality.sh   (DB= a seeded default profile, made if missing and kept)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DB=${DB:-/tmp/lantern-bench-returns.db}
if [[ ! -f "$DB" ]]; then
    dotnet run --project src/Lantern.Cli -c Release -- seed --db "$DB"
fi
dotnet build tests/Lantern.Web.Tests -c Release -v quiet -nologo >/dev/null
export LANTERN_BENCH_OUT="$(mktemp)" LANTERN_BENCH_DB="$DB"
trap 'rm -f "$LANTERN_BENCH_OUT"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; database $DB"
tests/Lantern.Web.Tests/bin/Release/net10.0/Lantern.Web.Tests -explicit only -method "*Data_quality_of_the_whole_record" >/dev/null
cat "$LANTERN_BENCH_OUT"
