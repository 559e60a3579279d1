#!/usr/bin/env bash
# Service command: build and run the API on http://127.0.0.1:5080.
#
#   scripts/run.sh [--seed N] [extra app args...]
#
# --seed N (or --seed=N) files N demo cases through the API once it listens (Demo__SeedCases=N;
# Demo__RandomSeed fixes their shapes). Every other argument goes to the app unchanged.
#
# If ConnectionStrings__shenhou is unset, a throwaway PostgreSQL 15 cluster is started with
# scripts/pg.sh and removed again when the API exits (or on Ctrl-C / SIGTERM).
# The app creates its schema itself at start-up (Marten ApplyAllDatabaseChangesOnStartup).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
PG_SH=$ROOT/scripts/pg.sh
API_PROJECT=src/ShenHou.Api
URLS=${SHENHOU_URLS:-http://127.0.0.1:5080}
cd "$ROOT"

APP_ARGS=()
while (($# > 0)); do
    case $1 in
        --seed | --seed=*)
            if [[ $1 == --seed=* ]]; then n=${1#--seed=}; else n=${2:-}; shift || true; fi
            if [[ ! $n =~ ^[0-9]+$ ]]; then
                echo "run.sh: --seed needs a whole number of demo cases, e.g. --seed 200" >&2
                exit 2
            fi
            export Demo__SeedCases=$n
            # The seeder files hundreds of requests a minute as a handful of clerks: no rate limit.
            export Limits__RequestsPerMinute=${Limits__RequestsPerMinute:-0}
            echo "run.sh: the API will file $n demo cases once it listens (see its log)" >&2
            ;;
        *) APP_ARGS+=("$1") ;;
    esac
    shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Local use: POST /api/dev/tokens issues bearer tokens for any role (never on in production).
export Auth__DevTokens=${Auth__DevTokens:-true}
# Demo: the department simulator answers the pushes to every department, so a case runs hands-free.
export Integration__Simulator__Enabled=${Integration__Simulator__Enabled:-true}

PG_DIR=""
APP_PID=""

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [[ -n $PG_DIR ]]; then
        bash "$PG_SH" stop "$PG_DIR" || true
    fi
    exit "$rc"
}
trap cleanup EXIT
# Before the app runs, a signal just ends the script (the EXIT trap cleans up).
trap 'exit 130' INT
trap 'exit 143' TERM

echo "run.sh: building $API_PROJECT ..." >&2
dotnet build "$API_PROJECT" -nologo

if [[ -z ${ConnectionStrings__shenhou:-} ]]; then
    PG_DIR=$(mktemp -d /tmp/shenhou-pg.XXXXXX)
    ConnectionStrings__shenhou=$(bash "$PG_SH" start "$PG_DIR")
    export ConnectionStrings__shenhou
else
    echo "run.sh: using ConnectionStrings__shenhou from the environment" >&2
fi

# Run the app as a child (not exec) so the EXIT trap can stop the cluster afterwards.
# `set -m` puts it in its own process group, so (unlike a plain background job) it does not
# ignore SIGINT, and we can signal `dotnet run` and the app process it spawns together.
set -m
dotnet run --no-build --project "$API_PROJECT" -- --urls "$URLS" ${APP_ARGS[@]+"${APP_ARGS[@]}"} &
APP_PID=$!
set +m

forward() { # forward SIG to the app's process group; keep waiting for it to exit
    echo "run.sh: received SIG$1, stopping the API ..." >&2
    kill -"$1" -- "-$APP_PID" 2>/dev/null || kill -"$1" "$APP_PID" 2>/dev/null || true
}
trap 'forward INT' INT
trap 'forward TERM' TERM

# `wait` returns early (>128) when a trapped signal arrives; loop until the app has exited.
rc=0
while :; do
    rc=0
    wait "$APP_PID" || rc=$?
    kill -0 "$APP_PID" 2>/dev/null || break
done
APP_PID=""
echo "run.sh: API exited with code $rc" >&2
exit "$rc"
