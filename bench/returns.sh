#!/usr/bin/env bash
# Statutory returns speed (issue 7), measured, never asserted. Each command prints its job's own time
# ("job N, 1.2 s": reading the record or the file, writing, recording the job); /usr/bin/time adds the
# whole command (start-up and migration check included) and its peak memory.
#  - exports of the default profile (CIN census and SSDA903 for 2025-26, Annex A, workforce census);
#  - imports into an empty database of a CIN census and an SSDA903 return made from a larger authority
#    (BIG_POPULATION, default 800000, seeded once for 2024-25 and 2025-26), and of half-size files cut
#    from the same authority (HALF_POPULATION), to see that memory does not grow with the file.
# Usage: bash bench/returns.sh   (DB=, BIG=, RUNS=3; the seeded files are kept in /tmp for the next run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/Lantern.Cli -c Release -v q -nologo >/dev/null
lantern() { dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll "$@"; }
timed() { /usr/bin/time -f "    whole command %e s, peak RSS %M KB" dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll "$@" 2>&1 | grep -E "job [0-9]+|whole command|Error" | sed 's/^/  /'; }
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/lantern-bench-returns.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

DB=${DB:-/tmp/lantern-bench-returns.db}
if [[ ! -f "$DB" ]]; then
    lantern seed --db "$DB"
fi
echo "== exports of $DB"
for run in $(seq 1 "$RUNS"); do
    timed export cin --db "$DB" --year 2026 --out "$WORK/cin.xml"
    timed export 903 --db "$DB" --year 2026 --out "$WORK/903"
    timed export annex-a --db "$DB" --as-at 2026-03-31 --out "$WORK/annex-a.xlsx"
    timed export workforce --db "$DB" --as-at 2025-09-30 --out "$WORK/workforce.csv"
done

import_size() {
    local population=$1 label=$2
    local big=/tmp/lantern-bench-returns-$population.db
    if [[ ! -f "$big" ]]; then
        lantern seed --db "$big" --population "$population" --from 2023-04-01 --to 2026-03-31 >/dev/null
    fi
    lantern export cin --db "$big" --year 2026 --out "$WORK/cin-$label.xml" | head -1
    lantern export 903 --db "$big" --year 2026 --out "$WORK/903-$label" | head -1
    echo "  files: CIN $(du -h "$WORK/cin-$label.xml" | cut -f1), 903 $(du -sh --exclude=previous "$WORK/903-$label" | cut -f1), episodes $(($(wc -l < "$WORK/903-$label/episodes.csv") - 1))"
    for run in $(seq 1 "$RUNS"); do
        rm -f "$WORK/empty.db"*
        timed import cin --db "$WORK/empty.db" "$WORK/cin-$label.xml"
        rm -f "$WORK/empty.db"*
        timed import 903 --db "$WORK/empty.db" "$WORK/903-$label"
    done
}
echo "== imports into an empty database, full size (population ${BIG_POPULATION:-800000})"
import_size "${BIG_POPULATION:-800000}" full
echo "== imports into an empty database, half size (population ${HALF_POPULATION:-400000})"
import_size "${HALF_POPULATION:-400000}" half
