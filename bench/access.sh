#!/usr/bin/env bash
# What the access check and the audit write add to a child's record page (issue 3), on the
# default-profile demo authority in SQLite. Not run in CI. Prints the figures for docs/benchmarks.md.
#   bash bench/access.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/Lantern.Web.Tests -c Release -v quiet -nologo >/dev/null
export LANTERN_BENCH_OUT="$(mktemp)"
trap 'rm -f "$LANTERN_BENCH_OUT"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB"
tests/Lantern.Web.Tests/bin/Release/net10.0/Lantern.Web.Tests -explicit only -method "*Access_check_and_audit_write_on_the_record_page" >/dev/null
cat "$LANTERN_BENCH_OUT"
