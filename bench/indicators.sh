#!/usr/bin/env bash
# Indicator speed (issue 6), measured, never asserted:
#  - the default profile from SQLite: snapshot load, every indicator at one date (first, with the
#    shared lookups built, and again at another date) and a 36-month series of every indicator;
#  - with NATIONAL=1, a national-size authority generated in memory (--population 12000000, three
#    years) and every indicator at its last date.
# Usage: bash bench/indicators.sh            (DB=path to reuse a seeded SQLite file; RUNS=3)
#        PG="Host=...;Database=..." bash bench/indicators.sh   (the same from a seeded PostgreSQL)
#        NATIONAL=1 bash bench/indicators.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/Lantern.Cli -c Release -v q -nologo >/dev/null
lantern() { dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll "$@"; }
RUNS=${RUNS:-3}
TARGET=${PG:-${DB:-/tmp/lantern-bench-indicators.db}}
if [[ -z "${PG:-}" && ! -f "$TARGET" ]]; then
    lantern seed --db "$TARGET"
fi
echo "== $TARGET"
for run in $(seq 1 "$RUNS"); do
    lantern indicators --db "$TARGET" --as-at 2026-03-31 --months 36 --timings 2>&1 >/dev/null | tail -1
done
if [[ -n "${NATIONAL:-}" ]]; then
    echo "== national size, in memory"
    /usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll calibrate --population 12000000 --from 2023-04-01 --to 2026-03-31 --indicators-at 2026-03-31
fi
