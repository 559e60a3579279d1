#!/usr/bin/env bash
# Fails when the committed pre-generated code differs from what the sources generate now: stale
# generated code fails silently in Production (a new endpoint answers 404).
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/codegen.sh
changes=$(git status --porcelain -- src/ShenHou.Api/Internal/Generated)
if [[ -n $changes ]]; then
    echo "check-codegen.sh: the pre-generated code is stale; run scripts/codegen.sh and commit:" >&2
    echo "$changes" >&2
    git --no-pager diff --stat -- src/ShenHou.Api/Internal/Generated >&2 || true
    exit 1
fi
echo "check-codegen.sh: pre-generated code is current" >&2
