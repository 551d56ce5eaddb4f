#!/usr/bin/env bash
# The round trip of issue 7 on a whole authority, through the commands: for each collection year, export
# the CIN census and the SSDA903 return, import them into an empty database (the 903 previous/ folder
# first, as its own year), export again, and compare the files byte for byte.
# Usage: bash bench/returns-roundtrip.sh   (DB= a seeded database, default the default profile seeded
#        into /tmp/lantern-bench-returns.db if missing; YEARS="2020 ... 2026")
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/Lantern.Cli -c Release -v q -nologo >/dev/null
L="dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll"
DB=${DB:-/tmp/lantern-bench-returns.db}
[[ -f "$DB" ]] || $L seed --db "$DB" >/dev/null
W=$(mktemp -d /tmp/lantern-roundtrip.XXXXXX)
trap 'rm -rf "$W"' EXIT
for y in ${YEARS:-2020 2021 2022 2023 2024 2025 2026}; do
    $L export cin --db "$DB" --year "$y" --out "$W/cin-$y.xml" >/dev/null
    $L export 903 --db "$DB" --year "$y" --out "$W/903-$y" >/dev/null
    $L import cin --db "$W/empty-$y.db" "$W/cin-$y.xml" >/dev/null || echo "$y: CIN import failed"
    if [[ -d "$W/903-$y/previous" ]]; then
        $L import 903 --db "$W/empty-$y.db" --year $((y - 1)) "$W/903-$y/previous" >/dev/null || echo "$y: previous 903 import failed"
    fi
    $L import 903 --db "$W/empty-$y.db" "$W/903-$y" >/dev/null || echo "$y: 903 import failed"
    $L export cin --db "$W/empty-$y.db" --year "$y" --out "$W/cin-$y-again.xml" >/dev/null
    $L export 903 --db "$W/empty-$y.db" --year "$y" --out "$W/903-$y-again" >/dev/null
    cmp -s "$W/cin-$y.xml" "$W/cin-$y-again.xml" && cin=identical || cin=DIFFERENT
    diff -rq "$W/903-$y" "$W/903-$y-again" >/dev/null && ssda903=identical || ssda903=DIFFERENT
    echo "$y: CIN $(grep -c '<Child>' "$W/cin-$y.xml") children $cin; SSDA903 $(($(wc -l <"$W/903-$y/header.csv") - 1)) children (previous year alongside) $ssda903"
done
