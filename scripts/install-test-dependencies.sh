#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages, when it is missing; idempotent.
#   postgresql  the durable background hooks' tests run a throwaway cluster of their own (scripts/postgres.sh)
#   chromium    the browser tests drive Debian's /usr/bin/chromium through Playwright (never `playwright install`)
#   curl, clang the README's requests are sent as written; the NativeAOT publish links with clang
# scripts/test.sh (the README's test command) and .ci/run call it before `dotnet test`.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
{ command -v clang >/dev/null 2>&1 || compgen -c clang- | grep -qE '^clang-[0-9]+$'; } || missing+=(clang zlib1g-dev)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-dependencies: missing ${missing[*]}; run this script as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
