#!/usr/bin/env bash
# Test command: run the whole test suite against a throwaway PostgreSQL 15 cluster.
#
#   scripts/test.sh [extra dotnet test args...]     e.g. scripts/test.sh --filter People
#
# If ConnectionStrings__shenhou is already set, that database is used and no cluster is started.
# Exits with dotnet test's exit code; the last stdout line is "N passed, N failed[, N skipped]"
# (summed over the .trx files). Exits non-zero if no test ran at all.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
PG_SH=$ROOT/scripts/pg.sh
cd "$ROOT"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PG_DIR=""
RESULTS_DIR=$(mktemp -d /tmp/shenhou-test-results.XXXXXX)

stop_cluster() {
    if [[ -n $PG_DIR ]]; then
        bash "$PG_SH" stop "$PG_DIR" || true
        PG_DIR=""
    fi
}
cleanup() {
    stop_cluster
    rm -rf -- "$RESULTS_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${ConnectionStrings__shenhou:-} ]]; then
    PG_DIR=$(mktemp -d /tmp/shenhou-pg.XXXXXX)
    ConnectionStrings__shenhou=$(bash "$PG_SH" start "$PG_DIR")
    export ConnectionStrings__shenhou
else
    echo "test.sh: using ConnectionStrings__shenhou from the environment" >&2
fi

rc=0
dotnet test ShenHou.sln \
    --logger "console;verbosity=normal" \
    --logger trx \
    --results-directory "$RESULTS_DIR" \
    "$@" || rc=$?

stop_cluster

# Sum the <Counters .../> of every .trx file.
count() { # count ATTR FILE -> value of ATTR="N" in the Counters element (0 if absent)
    local v
    v=$(grep -o '<Counters [^>]*' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' | head -n 1 || true)
    printf '%s\n' "${v:-0}"
}
total=0 executed=0 passed=0 failed=0 skipped=0 files=0
while IFS= read -r -d '' trx; do
    files=$((files + 1))
    t=$(count total "$trx")
    e=$(count executed "$trx")
    p=$(count passed "$trx")
    f=$(($(count failed "$trx") + $(count error "$trx") + $(count timeout "$trx") + $(count aborted "$trx")))
    total=$((total + t))
    executed=$((executed + e))
    passed=$((passed + p))
    failed=$((failed + f))
    # Skipped ([Fact(Skip=...)]) tests are counted in total but not executed (notExecuted).
    s=$((t - p - f))
    ((s > 0)) && skipped=$((skipped + s))
done < <(find "$RESULTS_DIR" -name '*.trx' -print0)

if ((files == 0 || total == 0)); then
    echo "test.sh: ERROR: no test ran (dotnet test exit code $rc; see the build/test output above)" >&2
    echo "0 passed, 0 failed"
    exit $((rc != 0 ? rc : 1))
fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
exit "$rc"
