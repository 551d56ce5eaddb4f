#!/usr/bin/env bash
# Statutory returns speed (issue 7), measured, never asserted. Each command prints its job's own time
# ("job N, 1.2 s": reading the record or the file, writing, recording the job); /usr/bin/time adds the
# whole command (start-up and migration check included) and its peak memory.
#  - exports of the default profile (CIN census and SSDA903 for 2025-26, Annex A, workforce census);
#  - imports into an empty database of the default profile's 2025-26 CIN census and SSDA903 return
#    repeated (CIN_COPIES=4, about 18,000 children; SSDA903_COPIES=36, about 26,500 children), each copy's
#    children with their own identifiers, and of files a quarter that size, to see memory stay flat.
# Usage: bash bench/returns.sh   (DB= a seeded default profile, made if missing and kept; RUNS=3)
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

# Import files of a set size: the default profile's 2025-26 return repeated, each copy's children given
# their own identifiers (R01..., R02...), so the rows are real Lantern rows and the children are distinct.
lantern export cin --db "$DB" --year 2026 --out "$WORK/cin-1.xml" | head -1
lantern export 903 --db "$DB" --year 2026 --out "$WORK/903-1" | head -1
replicate() {
    python3 - "$@" <<'PY'
import csv, os, re, sys
kind, source, target, copies = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if kind == "cin":
    text = open(source, encoding="utf-8").read()
    head, rest = text.split("<Children>", 1)
    body, tail = rest.rsplit("</Children>", 1)
    children = re.findall(r"<Child>.*?</Child>", body, re.S)
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write(head + "<Children>")
        for n in range(1, copies + 1):
            for child in children:
                out.write(re.sub(r"<LAchildID>(.*?)</LAchildID>", lambda m: f"<LAchildID>R{n:02d}{m.group(1)[-15:]}</LAchildID>", child, count=1))
        out.write("</Children>" + tail)
else:
    os.makedirs(target, exist_ok=True)
    for name in os.listdir(source):
        path = os.path.join(source, name)
        if not name.endswith(".csv"):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        with open(os.path.join(target, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(rows[0])
            for n in range(1, copies + 1):
                for row in rows[1:]:
                    w.writerow([f"R{n:02d}{row[0][-15:]}"] + row[1:])
PY
}

import_size() {
    local label=$1 cin_copies=$2 ssda903_copies=$3
    replicate cin "$WORK/cin-1.xml" "$WORK/cin-$label.xml" "$cin_copies"
    replicate 903 "$WORK/903-1" "$WORK/903-$label" "$ssda903_copies"
    echo "  files: CIN $(grep -c '<Child>' "$WORK/cin-$label.xml") children, $(du -h "$WORK/cin-$label.xml" | cut -f1); 903 $(($(wc -l < "$WORK/903-$label/header.csv") - 1)) children, $(($(wc -l < "$WORK/903-$label/episodes.csv") - 1)) episodes, $(($(wc -l < "$WORK/903-$label/reviews.csv") - 1)) reviews, $(du -sh "$WORK/903-$label" | cut -f1)"
    for run in $(seq 1 "$RUNS"); do
        rm -f "$WORK/empty.db"*
        timed import cin --db "$WORK/empty.db" "$WORK/cin-$label.xml"
        rm -f "$WORK/empty.db"*
        timed import 903 --db "$WORK/empty.db" "$WORK/903-$label"
    done
}
echo "== imports into an empty database, full size (CIN x${CIN_COPIES:-4}, SSDA903 x${SSDA903_COPIES:-36})"
import_size full "${CIN_COPIES:-4}" "${SSDA903_COPIES:-36}"
echo "== imports into an empty database, a quarter of the size, to compare memory"
import_size quarter 1 9
