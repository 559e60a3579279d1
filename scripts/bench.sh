#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md): builds the API and bench/ShenHou.Benchmarks in Release, then
# measures everything in one run against its own throwaway PostgreSQL 15 cluster (scripts/pg.sh).
#
#   scripts/bench.sh [--smoke|--full|--million] [--keep] [--out DIR] [--http-only]     (default --full)
#
#   --smoke    small sizes, every measurement path, about a minute; results go to a temporary
#              folder (CI runs this so the harness never rots)
#   --full     the real run: writes docs/benchmarks.json and the results in docs/benchmarks.md
#   --million  --full plus the reads at 1,000,000 cases (seeding and catching up take an hour or more)
#   --keep     leave the PostgreSQL cluster running afterwards (the largest database), for EXPLAIN ANALYZE
#   --http-only  the raw twin and the HTTP maximum alone, nothing written: a quick loop for profiling
#   --out DIR  write the results into DIR instead of docs/ (a trial run that must not replace the committed figures)
#
# BENCH_BUILD_DIR reuses a build folder between runs (default: a new temporary one, removed after).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MODE=--full
EXTRA=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --smoke | --full | --million) MODE=$1 ;;
        --keep) EXTRA+=(--keep) ;;
        --http-only) EXTRA+=(--http-only) ;;
        --out) EXTRA+=(--out "$(realpath -m -- "$2")"); shift ;;
        *) echo "usage: scripts/bench.sh [--smoke|--full|--million] [--keep] [--out DIR] [--http-only]" >&2; exit 2 ;;
    esac
    shift
done

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

BUILD=${BENCH_BUILD_DIR:-}
if [[ -z $BUILD ]]; then
    BUILD=$(mktemp -d /tmp/shenhou-bench-build.XXXXXX)
    trap 'rm -rf -- "$BUILD"' EXIT
fi

# A build folder of its own: Release, apart from the Debug bin/ and obj/ of the tests and run.sh.
echo "bench.sh: building the API and the harness (Release) ..." >&2
dotnet build bench/ShenHou.Benchmarks -c Release --artifacts-path "$BUILD" -nologo -v quiet

API_DLL=$BUILD/bin/ShenHou.Api/release/ShenHou.Api.dll
if [[ $MODE != --smoke ]]; then
    # Measured as shipped: published ReadyToRun, like the Docker image (precompiled code starts faster).
    echo "bench.sh: publishing the API ReadyToRun ..." >&2
    dotnet publish src/ShenHou.Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        --artifacts-path "$BUILD/r2r" -o "$BUILD/api-r2r" -nologo -v quiet
    API_DLL=$BUILD/api-r2r/ShenHou.Api.dll
fi

dotnet "$BUILD/bin/ShenHou.Benchmarks/release/ShenHou.Benchmarks.dll" "$MODE" ${EXTRA[@]+"${EXTRA[@]}"} \
    --api-dll "$API_DLL" --repo "$ROOT"
