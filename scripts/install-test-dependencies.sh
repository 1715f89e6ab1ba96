#!/usr/bin/env bash
# Installs what some tests need beyond the .NET SDK, from Debian's packages. Idempotent: installs only
# what is missing. Run as root (CI and the development machines are); .ci/run calls it before `dotnet test`.
#   chromium: the browser tests (tests/Agno.Hooks.AgentOS.BrowserTests) drive Debian's /usr/bin/chromium
#             through Playwright; Playwright's own browser download is not used.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-dependencies: ${missing[*]} missing; run this script as root (it uses apt-get)." >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
