#!/usr/bin/env bash
# The work views under load (issues 4 and 5): /my-work, /team-work, a child's record page and the team
# and workforce pages (dashboard, caseloads, supervision, oversight, changes of worker, panels, teams,
# workers, census, a worker's page), each with 32 concurrent connections, against PostgreSQL holding a
# large synthetic authority. Not run in CI. SET=work or SET=workforce runs only one group.
# Seeds (unless SKIP_SEED=1), starts Lantern.Web (Release) on loopback, signs in through the real
# pages and runs wrk; prints p50/p95/p99 and requests per second for docs/benchmarks.md.
#   PG="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=lantern_journey" bash bench/journey.sh
# Settings (environment): PG (required), POPULATION (300000), FROM (2019-04-01: seven years to
# TO, 2026-03-31), CONNECTIONS (32), THREADS (4), DURATION (30s), WARMUP (60s), PORT (5091),
# SKIP_SEED=1 to reuse a database seeded before, SET (all, work, workforce, indicators), PAGES (the
# workforce pages, or with SET=indicators the performance pages, to measure, space-separated; all
# of them by default). The target is p95 < 100 ms, in the steady state:
# each page is first loaded for WARMUP, because under full load on two cores the runtime's tiered
# compilation takes about a minute to finish optimising the hot paths (throughput roughly doubles
# over that minute), and the first reads fill the files kept in memory. The sign-in check of the
# session cookie (Lantern:Security:StampCheckSeconds, 60 s) is set to an hour here: a browser takes
# the renewed cookie after each check, wrk keeps sending the first one and would pay the check on
# every request after the first minute. The director's view is measured twice: as read alone, and
# while the record changes (the council's record stamp moved every CHANGE_EVERY seconds, 5, as any
# write to a child's file moves it), so the kept team and council lists are rebuilt every minute as
# they would be in a working day; the server log's rebuild times are summarised at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${PG:?set PG to a PostgreSQL connection string with a Database= of its own (it is replaced)}"
POPULATION="${POPULATION:-300000}"
FROM="${FROM:-2019-04-01}"
TO="${TO:-2026-03-31}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-4}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-60s}"
PORT="${PORT:-5091}"
CHANGE_EVERY="${CHANGE_EVERY:-5}"
SET="${SET:-all}"   # all, work (issue 4: work views and the record), workforce (issue 5: workforce pages) or indicators (performance pages)
ROOT="http://127.0.0.1:$PORT"
PASSWORD='Lantern-demo-2026!'
KEY='JBSWY3DPEHPK3PXPLANTERNDEMOKEY22'

if ! command -v wrk >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi

dotnet build src/Lantern.Cli -c Release -v quiet -nologo >/dev/null
dotnet build src/Lantern.Web -c Release -v quiet -nologo >/dev/null
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -r)"
if [[ "${SKIP_SEED:-0}" != 1 ]]; then
    echo "== seeding --population $POPULATION --from $FROM --to $TO"
    /usr/bin/time -f "seeded in %e s, peak RSS %M KB" \
        dotnet src/Lantern.Cli/bin/Release/net10.0/lantern.dll seed --db "$PG" --population "$POPULATION" --from "$FROM" --to "$TO" --replace 2>&1 | tail -2
fi

echo "== starting Lantern.Web on $ROOT"
(
    cd src/Lantern.Web
    export ASPNETCORE_ENVIRONMENT=Production Lantern__Database="$PG" Lantern__SeedOnStartup=false \
        Lantern__Security__SignInPerMinute=100000 Lantern__Security__StampCheckSeconds=3600 Logging__LogLevel__Default=Warning
    exec env 'Logging__LogLevel__Lantern.Web.Work.WorkLists=Information' 'Logging__LogLevel__Lantern.Web.Indicators.IndicatorResults=Information' dotnet bin/Release/net10.0/Lantern.Web.dll --urls "$ROOT"
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$ROOT/" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 1
done

totp() {
    python3 - "$KEY" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
h = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}

# Signs in as a demo account through the real pages; prints the Cookie header value.
sign_in() {
    local user="$1" jar="$WORK/$1.jar" token status
    token=$(curl -fsS -c "$jar" -b "$jar" "$ROOT/account/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=$user" --data-urlencode "Password=$PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$token" "$ROOT/account/sign-in"
    token=$(curl -fsS -c "$jar" -b "$jar" "$ROOT/account/code" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
    status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "Code=$(totp)" \
        --data-urlencode "__RequestVerificationToken=$token" "$ROOT/account/code")
    [[ "$status" == "302 $ROOT/" ]] || { echo "sign-in as $user failed: $status" >&2; exit 1; }
    awk 'BEGIN { ORS = "" } !/^#/ || /^#HttpOnly_/ { if (NF >= 7) { printf "%s%s=%s", sep, $6, $7; sep = "; " } }' "$jar"
}

cat >"$WORK/report.lua" <<'LUA'
local errors = 0
response = function(status, headers, body)
    if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
    io.write(string.format("  requests %d (%.0f/s), non-200 %d, socket errors %d\n", summary.requests,
        summary.requests / (summary.duration / 1e6), errors,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
    io.write(string.format("  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

run() {
    local title="$1" cookie="$2" path="$3"
    local status
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$ROOT$path")
    [[ "$status" == 200 ]] || { echo "$title: GET $path gave $status" >&2; exit 1; }
    echo "== $title: GET $path, $CONNECTIONS connections, $DURATION"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -H "Cookie: $cookie" "$ROOT$path" >/dev/null
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" -s "$WORK/report.lua" -H "Cookie: $cookie" "$ROOT$path" | sed -n '/^  requests/,$p'
}

WORKER=$(sign_in demo.social-worker)
MANAGER=$(sign_in demo.team-manager)
DIRECTOR=$(sign_in demo.director)
CHILD=$(curl -fsS -H "Cookie: $WORKER" "$ROOT/my-work" | grep -o 'href="/children/[0-9]*"' | head -1 | grep -o '[0-9]*' || true)
TEAM=$(curl -fsS -H "Cookie: $DIRECTOR" "$ROOT/team-work" | grep -o 'href="/team-work?team=[0-9]*"' | head -1 | grep -o '[0-9][0-9]*' || true)

# Moves the record stamp every CHANGE_EVERY seconds (as a write to any child's file does) until stopped.
PSQL_URI=$(python3 - "$PG" <<'PY'
import sys, urllib.parse
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
get = lambda *names, default="": next((parts[k] for k in parts if k.lower() in names), default)
q = urllib.parse.quote
print(f"postgresql://{q(get('username', 'user id', 'userid'))}:{q(get('password'))}@{get('host', 'server')}:{get('port', default='5432')}/{q(get('database'))}")
PY
)
while_changing() {
    ( while sleep "$CHANGE_EVERY"; do psql -q "$PSQL_URI" -c 'update local_authorities set record_stamp = record_stamp + 1' >/dev/null 2>&1 || true; done ) &
    local changer=$!
    run "$@"
    kill "$changer" 2>/dev/null || true
    wait "$changer" 2>/dev/null || true
}

if [[ "$SET" == all || "$SET" == work ]]; then
    run "social worker, my work" "$WORKER" /my-work
    run "team manager, my work" "$MANAGER" /my-work
    run "team manager, team work" "$MANAGER" /team-work
    run "director, team work (summary of every team)" "$DIRECTOR" /team-work
    if [[ -n "$TEAM" ]]; then
        run "director, team work (one team)" "$DIRECTOR" "/team-work?team=$TEAM"
    fi

    while_changing "director, team work (summary of every team) while the record changes every ${CHANGE_EVERY}s" "$DIRECTOR" /team-work
    if [[ -n "$CHILD" ]]; then
        run "social worker, a child's record" "$WORKER" "/children/$CHILD"
    else
        echo "(the social worker has no children: no record page measured)"
    fi
fi

# The team and workforce pages (issue 5): a team manager's scope and the director's every team.
if [[ "$SET" == all || "$SET" == workforce ]]; then
    for page in ${PAGES:-/workforce /workforce/caseloads /workforce/supervision /workforce/oversight /workforce/changes /workforce/panels /workforce/teams /workforce/workers /workforce/census}; do
        run "team manager, $page" "$MANAGER" "$page"
        run "director, $page (every team)" "$DIRECTOR" "$page"
    done
    MANAGER_ID=$(curl -fsS -H "Cookie: $MANAGER" "$ROOT/workforce/caseloads" | grep -o 'href="/workforce/workers/[0-9]*"' | head -1 | grep -o '[0-9][0-9]*' || true)
    if [[ -n "$MANAGER_ID" ]]; then
        run "team manager, a worker's page" "$MANAGER" "/workforce/workers/$MANAGER_ID"
    fi
    while_changing "director, /workforce (every team) while the record changes every ${CHANGE_EVERY}s" "$DIRECTOR" /workforce
fi

# The performance pages (dashboards): the director's overview, a dashboard and an indicator's page,
# drawn from the indicators kept in memory (worked out on the first request, which the check in
# run() makes, and again in the background every Lantern:Indicators:RefreshMinutes). Target: p95
# under 150 ms at 16 connections (CONNECTIONS=16).
if [[ "$SET" == all || "$SET" == indicators ]]; then
    INDICATOR_PAGES="/indicators /indicators/front-door /indicators/referrals_per_10k"
    [[ "$SET" == indicators && -n "${PAGES:-}" ]] && INDICATOR_PAGES="$PAGES"
    for page in $INDICATOR_PAGES; do
        run "director, $page" "$DIRECTOR" "$page"
    done
    grep -o 'Indicators worked out in [0-9]* ms (snapshot read in [0-9]* ms)' "$WORK/server.log" | sed 's/^/  /' || true
fi

echo "== kept lists rebuilt (server log): count, median and longest in ms"
grep -o 'Work list [A-Za-z]* [0-9]* computed in [0-9]* ms' "$WORK/server.log" | awk '
    { kind = $3; ms = $(NF - 1); n[kind]++; v[kind, n[kind]] = ms; if (ms > max[kind]) max[kind] = ms }
    END { for (k in n) { m = n[k]; for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[k, j] < v[k, i]) { t = v[k, i]; v[k, i] = v[k, j]; v[k, j] = t }
          printf "  %s: %d rebuilt, median %d ms, longest %d ms\n", k, m, v[k, int((m + 1) / 2)], max[k] } }'
