#!/usr/bin/env bash
# Regenerates Wolverine's handler code into src/ShenHou.Api/Internal/Generated, which Production
# loads statically. Run it after changing an endpoint or a message handler, and commit the result.
# Code generation needs no database: a placeholder connection string is used when none is set.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export ConnectionStrings__shenhou=${ConnectionStrings__shenhou:-"Host=127.0.0.1;Port=1;Database=codegen;Username=none"}
export ASPNETCORE_ENVIRONMENT=Development
rm -rf src/ShenHou.Api/Internal/Generated
dotnet build src/ShenHou.Api -nologo -v quiet >/dev/null
dotnet run --no-build --project src/ShenHou.Api -- codegen write >/dev/null
# The generated code is compiled into the API: build again so that it is current.
dotnet build src/ShenHou.Api -nologo -v quiet >/dev/null
echo "codegen.sh: wrote $(find src/ShenHou.Api/Internal/Generated -name '*.cs' | wc -l) files" >&2
