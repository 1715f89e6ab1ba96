#!/usr/bin/env bash
# Every test, on a fresh machine with the .NET 10 SDK: installs what the tests need from Debian's packages
# (PostgreSQL, Chromium, curl, clang) when it is missing, then runs `dotnet test` on the whole solution.
# Arguments go to `dotnet test` (.ci/run adds a TRX logger). Each PostgreSQL test starts and removes its own cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-dependencies.sh
exec dotnet test Agno.Hooks.sln "$@"
