#!/usr/bin/env bash
# Fault test: parallel clients run case lifecycles against the API (a Release build in Production,
# as deployed, with every department's platform played by the clients' process) while the API is
# killed with kill -9 and restarted, and PostgreSQL is stopped with pg_ctl -m immediate and
# restarted. Then it checks: every acknowledged request is in the event store, none twice; every
# stream's versions are contiguous (each with its hash row); every transfer reached its platform
# and no push exists for a transfer that is not stored; every read model equals a rebuild.
#
#   scripts/fault.sh            FAULT_SECONDS (default 75) of client load, FAULT_CLIENTS (default 8);
#                               FAULT_KEEP=1 keeps the logs of a passing run too
#
# Prints the counts; exits non-zero on a violation. Runs on its own throwaway PostgreSQL (pg.sh).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/pg.sh
source scripts/pg.sh # pg_start, pg_stop, and the helpers that find pg_ctl and run it as the cluster's owner

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
RUN_SECONDS=${FAULT_SECONDS:-75}
CLIENTS=${FAULT_CLIENTS:-8}
STARTED=$(date +%s)
WORK=$(mktemp -d /tmp/shenhou-fault.XXXXXX)
chmod 755 "$WORK" # the cluster's owner (postgres, when run as root) must reach $WORK/pg
API_PID=""
RUN_PID=""

log() { printf 'fault.sh: %s\n' "$*" >&2; }

cleanup() {
    local rc=$?
    trap - EXIT
    [[ -n $RUN_PID ]] && kill "$RUN_PID" 2>/dev/null || true
    [[ -n $API_PID ]] && kill -9 "$API_PID" 2>/dev/null || true
    pg_stop "$WORK/pg" >/dev/null 2>&1 || true
    if ((rc == 0)) && [[ -z ${FAULT_KEEP:-} ]]; then rm -rf -- "$WORK"; else log "logs kept in $WORK (api.log, run.log, rebuild.log)"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "building (Release) ..."
dotnet build src/ShenHou.Api -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
dotnet build tools/ShenHou.Fault -c Release -nologo -v quiet >>"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
API_DLL=src/ShenHou.Api/bin/Release/net10.0/ShenHou.Api.dll
FAULT_DLL=tools/ShenHou.Fault/bin/Release/net10.0/ShenHou.Fault.dll

# pg.sh turns synchronous commits off for speed: an immediate stop would then lose commits the API
# had acknowledged. Restart its cluster with them on (fsync may stay off: the machine does not crash).
CS=$(pg_start "$WORK/pg")
_pg_find_bin
PG_PORT=$(cat "$WORK/pg/port")
pg_ctl_() { _pg_as_owner "$PG_BIN/pg_ctl" -D "$WORK/pg/data" "$@"; }
pg_up() {
    pg_ctl_ -l "$WORK/pg/pg.log" -s -w -t 60 start -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$WORK/pg' \
        -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=200"
}
pg_ctl_ -m fast -s -w stop
pg_up

API_PORT=$(_pg_free_port)
PLATFORM_PORT=$(_pg_free_port)
export ConnectionStrings__shenhou=$CS ASPNETCORE_ENVIRONMENT=Production Database__ApplyChangesOnStartup=true
export Auth__DevTokens=true Auth__SigningKey=fault-test-signing-key-0123456789abcdef Limits__RequestsPerMinute=0
export Integration__RetryDelays__0=00:00:00.200 Integration__RetryDelays__1=00:00:01 Integration__RetryDelays__2=00:00:02 \
    Integration__RetryDelays__3=00:00:05
for d in PUBLIC_SECURITY CIVIL_AFFAIRS JUSTICE HRSS HOUSING HEALTH MARKET_REGULATION MEDICAL_SECURITY BIG_DATA_CENTER FINANCIAL_REGULATION; do
    export "Integration__Departments__${d}__Url=http://127.0.0.1:$PLATFORM_PORT/departments/$d/pushes"
    export "Integration__Departments__${d}__Key=fault-platform-key-$d-0123456789abcdef"
done

ready() { # GET /health/ready answers 200 (bash's /dev/tcp: no curl needed)
    local status
    status=$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$API_PORT && printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && head -n 1 <&3" 2>/dev/null) || return 1
    [[ $status == *" 200 "* ]]
}

start_api() {
    local from=$SECONDS
    dotnet "$API_DLL" --urls "http://127.0.0.1:$API_PORT" >>"$WORK/api.log" 2>&1 &
    API_PID=$!
    until ready; do
        kill -0 "$API_PID" 2>/dev/null || { log "the API exited"; tail -30 "$WORK/api.log" >&2; exit 1; }
        ((SECONDS - from < 90)) || { log "the API did not get ready in 90 s"; exit 1; }
        sleep 0.2
    done
    log "API ready on :$API_PORT after $((SECONDS - from)) s (pid $API_PID)"
}

start_api
log "$CLIENTS clients for $RUN_SECONDS s"
dotnet "$FAULT_DLL" run --api "http://127.0.0.1:$API_PORT/" --db "$CS" --seconds "$RUN_SECONDS" --clients "$CLIENTS" \
    --platform-port "$PLATFORM_PORT" --out "$WORK" >"$WORK/run.log" 2>&1 &
RUN_PID=$!

sleep $((RUN_SECONDS / 5))
log "kill -9 the API (pid $API_PID)"
kill -9 "$API_PID"
wait "$API_PID" 2>/dev/null || true
start_api

sleep $((RUN_SECONDS / 4))
log "pg_ctl -m immediate stop"
pg_ctl_ -m immediate -s -w stop
sleep 3
pg_up
log "PostgreSQL restarted"

rc=0
wait "$RUN_PID" || rc=$?
RUN_PID=""
cat "$WORK/run.log"
kill -TERM "$API_PID"
wait "$API_PID" 2>/dev/null || true
API_PID=""

dotnet "$FAULT_DLL" check --db "$CS" --out "$WORK" || rc=1
log "projections rebuild ..."
dotnet "$API_DLL" projections rebuild >"$WORK/rebuild.log" 2>&1 || { tail -30 "$WORK/rebuild.log" >&2; rc=1; }
dotnet "$FAULT_DLL" compare --db "$CS" --out "$WORK" || rc=1

log "$( ((rc == 0)) && echo "no violation" || echo "VIOLATIONS (see above)"); took $(($(date +%s) - STARTED)) s"
exit "$rc"
