#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages, when it is missing; idempotent.
#   postgresql  the durable background hooks' tests run a throwaway cluster of their own (scripts/postgres.sh)
#   chromium    the browser tests drive Debian's Chromium through Playwright (never `playwright install`)
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
