#!/usr/bin/env bash
# The one command that runs every Lantern test.
#
#   scripts/test.sh                       # everything: what CI runs (via .ci/run)
#   TEST_PROJECTS="Lantern.Data.Tests" scripts/test.sh   # only some test projects
#   scripts/test.sh --filter-class 'Lantern.Data.Tests.*'  # extra args go to `dotnet test`
#
# It installs what a fresh Debian 12 machine lacks (PostgreSQL, Chromium; as root, with apt-get),
# restores the dotnet local tools, starts a private throwaway PostgreSQL cluster on a free
# 127.0.0.1 port (exported to the tests as LANTERN_TEST_PG), builds the solution once, checks
# that the EF Core model has no changes missing from the migrations, runs the tests with TRX
# reports, stops and deletes the cluster, and ends with the line `N passed, N failed[, N skipped]`.
# Exit code: 0 only if the build, the migrations check and every test passed and at least one
# test ran.
#
# Environment:
#   TEST_PROJECTS   space- or comma-separated test projects (name such as Lantern.Data.Tests or
#                   Data.Tests, folder, or .csproj path); default: the whole solution.
#   CONFIGURATION   build configuration, default Debug.
#   TEST_TIMEOUT    limit for the test run (coreutils `timeout` syntax), default 70m.
#   SKIP_MIGRATIONS_CHECK=1   skip the `dotnet ef migrations has-pending-model-changes` step.
#   LANTERN_TEST_PG if already set, that server is used and no cluster is started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONFIGURATION="${CONFIGURATION:-Debug}"
TEST_TIMEOUT="${TEST_TIMEOUT:-70m}"
RESULTS="$ROOT/TestResults/run"
START_SECONDS=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en
if [[ "${CI:-}" == "true" ]]; then
    # No build nodes left running after CI; they could hold its output open.
    export MSBUILDDISABLENODEREUSE=1
fi

say() { printf '\n==> %s\n' "$*"; }
is_root() { [[ "$(id -u)" -eq 0 ]]; }

# ---------------------------------------------------------------- system packages
install_missing_packages() {
    local missing=()
    if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
        missing+=(postgresql)
    fi
    if [[ ! -x /usr/bin/chromium ]]; then
        missing+=(chromium)
    fi
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    say "Installing ${missing[*]} with apt-get"
    local sudo=()
    if ! is_root; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: ${missing[*]} missing and not root; install them with apt-get" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    local attempt
    for attempt in 1 2 3; do
        if "${sudo[@]}" apt-get update -qq &&
            "${sudo[@]}" apt-get install -y -qq "${missing[@]}" </dev/null; then
            return 0
        fi
        echo "note: apt-get failed (attempt $attempt)" >&2
        sleep 5
    done
    echo "error: could not install ${missing[*]}" >&2
    return 1
}

# ---------------------------------------------------------------- PostgreSQL
PGROOT=""
PGBIN=""

as_postgres() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null
}

start_postgres() {
    PGBIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    PGROOT="$(mktemp -d "${TMPDIR:-/tmp}/lantern-pg.XXXXXX")"
    printf 'postgres\n' >"$PGROOT/pw"
    if is_root; then
        chown -R postgres:postgres "$PGROOT"
    fi
    if ! as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --pwfile="$PGROOT/pw" \
        -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1; then
        cat "$PGROOT/initdb.log" >&2
        echo "error: initdb failed" >&2
        return 1
    fi
    local attempt port
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 40000))
        if port_in_use "$port"; then
            continue
        fi
        if as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >"$PGROOT/pg_ctl.log" 2>&1; then
            export LANTERN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
            echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PGROOT)"
            return 0
        fi
        echo "note: PostgreSQL did not start on port $port (attempt $attempt), trying another" >&2
    done
    cat "$PGROOT/pg_ctl.log" "$PGROOT/server.log" >&2 2>/dev/null || true
    echo "error: could not start PostgreSQL" >&2
    return 1
}

stop_postgres() {
    if [[ -n "$PGROOT" && -d "$PGROOT" ]]; then
        if [[ -f "$PGROOT/data/postmaster.pid" ]]; then
            as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
                as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PGROOT"
    fi
    PGROOT=""
}

cleanup() {
    stop_postgres
    if [[ "${CI:-}" == "true" ]]; then
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- TRX summary
PASSED=0 FAILED=0 SKIPPED=0 TOTAL=0 TRX_COUNT=0

counter() { # counter NAME "<Counters ...>"
    local value
    value="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
    echo "${value:-0}"
}

summarise_trx() {
    local file counters failed_names
    shopt -s nullglob globstar
    for file in "$RESULTS"/**/*.trx; do
        counters="$(tr '\n' ' ' <"$file" | grep -o '<Counters[^>]*>' | head -1 || true)"
        if [[ -z "$counters" ]]; then
            echo "warning: no Counters in $file" >&2
            continue
        fi
        TRX_COUNT=$((TRX_COUNT + 1))
        TOTAL=$((TOTAL + $(counter total "$counters")))
        PASSED=$((PASSED + $(counter passed "$counters")))
        FAILED=$((FAILED + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
        SKIPPED=$((SKIPPED + $(counter notExecuted "$counters")))
        failed_names="$(tr '\n' ' ' <"$file" | grep -o '<UnitTestResult [^>]*>' | grep -E 'outcome="(Failed|Error|Timeout|Aborted)"' |
            sed -n 's/.*testName="\([^"]*\)".*/  FAILED: \1/p' || true)"
        if [[ -n "$failed_names" ]]; then
            printf '%s\n' "$failed_names"
        fi
    done
    shopt -u nullglob globstar
}

# ---------------------------------------------------------------- test projects
TEST_TARGETS=()
resolve_test_projects() {
    local entry found
    for entry in ${TEST_PROJECTS//,/ }; do
        found=""
        if [[ -f "$entry" ]]; then
            found="$entry"
        elif [[ -d "$entry" ]]; then
            found="$(compgen -G "$entry/*.csproj" | head -1 || true)"
        elif [[ -f "tests/$entry/$entry.csproj" ]]; then
            found="tests/$entry/$entry.csproj"
        elif [[ -f "tests/Lantern.$entry/Lantern.$entry.csproj" ]]; then
            found="tests/Lantern.$entry/Lantern.$entry.csproj"
        fi
        if [[ -z "$found" ]]; then
            echo "error: TEST_PROJECTS entry '$entry' is not a test project" >&2
            return 1
        fi
        TEST_TARGETS+=("$found")
    done
    if ((${#TEST_TARGETS[@]} == 0)); then
        echo "error: TEST_PROJECTS is set but names no project" >&2
        return 1
    fi
}

# ================================================================ main
say "System packages"
install_missing_packages

say "dotnet tool restore"
dotnet tool restore

if [[ -n "${TEST_PROJECTS:-}" ]]; then
    resolve_test_projects
fi

say "Build ($CONFIGURATION)"
build_ok=1
if ((${#TEST_TARGETS[@]} > 0)); then
    for project in src/Lantern.Data/Lantern.Data.csproj "${TEST_TARGETS[@]}"; do
        dotnet build "$project" -c "$CONFIGURATION" -v minimal || build_ok=0
    done
else
    dotnet build Lantern.slnx -c "$CONFIGURATION" -v minimal || build_ok=0
fi
if ((build_ok == 0)); then
    echo "error: the build failed; no tests were run" >&2
    exit 1
fi

migrations_ok=1
say "Migrations check"
if [[ "${SKIP_MIGRATIONS_CHECK:-}" == "1" ]]; then
    echo "note: SKIP_MIGRATIONS_CHECK=1, migrations check skipped"
elif [[ ! -d src/Lantern.Data/Migrations ]]; then
    echo "note: src/Lantern.Data/Migrations does not exist yet, migrations check skipped"
else
    for context in SqliteLanternDbContext PostgresLanternDbContext; do
        echo "dotnet ef migrations has-pending-model-changes --context $context"
        if ! dotnet ef migrations has-pending-model-changes --project src/Lantern.Data \
            --startup-project src/Lantern.Data --context "$context" \
            --configuration "$CONFIGURATION" --no-build </dev/null; then
            echo "error: $context: the model has changes with no migration (or the check failed);" \
                "add one with dotnet ef migrations add ... --context $context" >&2
            migrations_ok=0
        fi
    done
fi

say "PostgreSQL"
if [[ -n "${LANTERN_TEST_PG:-}" ]]; then
    echo "using LANTERN_TEST_PG from the environment; no cluster started"
else
    start_postgres
fi

say "Tests"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
# Exit code 8 (a test module with zero tests) is not an error here: the TRX totals decide.
test_args=(--no-build -c "$CONFIGURATION" --no-progress --no-ansi --results-directory "$RESULTS"
    --report-trx --ignore-exit-code 8)
tests_ok=1
if ((${#TEST_TARGETS[@]} > 0)); then
    for project in "${TEST_TARGETS[@]}"; do
        timeout -k 30s "$TEST_TIMEOUT" dotnet test --project "$project" "${test_args[@]}" "$@" </dev/null || tests_ok=0
    done
else
    timeout -k 30s "$TEST_TIMEOUT" dotnet test --solution Lantern.slnx "${test_args[@]}" "$@" </dev/null || tests_ok=0
fi

cleanup
trap - EXIT

say "Summary"
summarise_trx
echo "TRX files: $TRX_COUNT; tests: $TOTAL; time: $((SECONDS - START_SECONDS)) s"
status=0
if ((tests_ok == 0)); then
    echo "error: dotnet test reported a failure" >&2
    status=1
fi
if ((migrations_ok == 0)); then
    echo "error: migrations check failed" >&2
    status=1
fi
if ((FAILED > 0)); then
    status=1
fi
if ((TOTAL == 0 || PASSED + FAILED == 0)); then
    echo "error: no tests ran" >&2
    status=1
fi

line="$PASSED passed, $FAILED failed"
if ((SKIPPED > 0)); then
    line+=", $SKIPPED skipped"
fi
echo "$line"
exit "$status"
