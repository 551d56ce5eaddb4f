#!/usr/bin/env bash
# Seeding and generation benchmarks for docs/benchmarks.md. Not run in CI.
#   bash bench/seed.sh            # SQLite and in-memory national-size generation
#   PG="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=lantern_bench" bash bench/seed.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/Lantern.Cli -c Release -v quiet -nologo >/dev/null
LANTERN="dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r)"

echo "== default profile into SQLite"
/usr/bin/time -f "wall %e s, peak RSS %M KB" $LANTERN seed --db "$OUT/bench.db" 2>&1 | tail -2

if [[ -n "${PG:-}" ]]; then
    echo "== default profile into PostgreSQL"
    /usr/bin/time -f "wall %e s, peak RSS %M KB" $LANTERN seed --db "$PG" --replace 2>&1 | tail -2
fi

echo "== national-size authority in memory (--population 12000000, one year)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" $LANTERN calibrate --population 12000000 --from 2025-04-01 --to 2026-03-31 --generate-only 2>&1 | grep -E "Generated|GiB|wall"
