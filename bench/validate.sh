#!/usr/bin/env bash
# Validation speed (issue 8), measured, never asserted. `lantern validate` prints to stderr how long reading the
# return and running every rule took; /usr/bin/time adds the whole command (start-up included) and peak memory.
#  - a CIN census of 20,000 children: the default profile's 2025-26 census repeated, each copy's children with
#    their own LAchildID, cut at 20,000 children;
#  - an SSDA903 return of 26,750 children, 50,500 episodes and 125,800 reviews (the sizes the issue names): the
#    default profile's 2025-26 return repeated, each copy's children with their own CHILD; episodes and reviews are
#    repeated further, onto the same copies' children, to reach the issue's counts (those repeats overlap and so
#    break rules: a heavier file than a clean one), other tables repeated 36 times;
#  - the default profile's own 2025-26 returns as exported (the SSDA903 with its previous year).
# Usage: bash bench/validate.sh   (DB= a seeded default profile, made if missing and kept; RUNS=3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build src/Lantern.Cli -c Release -v q -nologo >/dev/null
lantern() { dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll "$@"; }
timed() { /usr/bin/time -f "    whole command %e s, peak RSS %M KB" dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll "$@" 2>&1 >/dev/null | sed 's/^/  /'; }
RUNS=${RUNS:-3}
WORK=$(mktemp -d /tmp/lantern-bench-validate.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

DB=${DB:-/tmp/lantern-bench-returns.db}
if [[ ! -f "$DB" ]]; then
    lantern seed --db "$DB"
fi
lantern export cin --db "$DB" --year 2026 --out "$WORK/cin-1.xml" | head -1
lantern export 903 --db "$DB" --year 2026 --out "$WORK/903-1" | head -1

python3 - "$WORK" <<'PY'
import csv, os, re, sys
work = sys.argv[1]
text = open(os.path.join(work, "cin-1.xml"), encoding="utf-8").read()
head, rest = text.split("<Children>", 1)
body, tail = rest.rsplit("</Children>", 1)
children = re.findall(r"<Child>.*?</Child>", body, re.S)
with open(os.path.join(work, "cin-20000.xml"), "w", encoding="utf-8", newline="") as out:
    out.write(head + "<Children>")
    n = 0
    while n < 20000:
        copy = n // len(children) + 1
        child = children[n % len(children)]
        out.write(re.sub(r"<LAchildID>(.*?)</LAchildID>", lambda m: f"<LAchildID>R{copy:02d}{m.group(1)[-15:]}</LAchildID>", child, count=1))
        n += 1
    out.write("</Children>" + tail)

source, target = os.path.join(work, "903-1"), os.path.join(work, "903-26750")
os.makedirs(target)
copies = 36
targets = {"header.csv": 26750, "episodes.csv": 50500, "reviews.csv": 125800}
for name in os.listdir(source):
    if not name.endswith(".csv"):
        continue
    with open(os.path.join(source, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    want = targets.get(name, (len(rows) - 1) * copies)
    with open(os.path.join(target, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(rows[0])
        body = rows[1:]
        for n in range(want if body else 0):
            copy = (n // len(body)) % copies + 1
            row = body[n % len(body)]
            w.writerow([f"R{copy:02d}{row[0][-15:]}"] + row[1:])
PY
echo "  files: CIN $(grep -c '<Child>' "$WORK/cin-20000.xml") children, $(du -h "$WORK/cin-20000.xml" | cut -f1); 903 $(($(wc -l < "$WORK/903-26750/header.csv") - 1)) children, $(($(wc -l < "$WORK/903-26750/episodes.csv") - 1)) episodes, $(($(wc -l < "$WORK/903-26750/reviews.csv") - 1)) reviews, $(du -sh "$WORK/903-26750" | cut -f1)"
for run in $(seq 1 "$RUNS"); do
    echo "== run $run"
    timed validate cin "$WORK/cin-20000.xml"
    timed validate 903 "$WORK/903-26750" --year 2026
    timed validate cin "$WORK/cin-1.xml"
    timed validate 903 "$WORK/903-1"
done
