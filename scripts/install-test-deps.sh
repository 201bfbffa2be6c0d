#!/usr/bin/env bash
# What the test suite needs besides Python packages: on Debian the system packages
# (gettext for the catalog check, chromium for the browser tests, npm, Java for the Nu HTML
# Checker); axe-core and vnu-jar come from npm at the versions of package-lock.json (the
# Makefile). The fonts for Arabic and Chinese screenshots are the site's own, from
# install-system-deps.sh (`make install`). Installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v xgettext >/dev/null 2>&1 || missing+=(gettext)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need: ${missing[*]} (install them with your system's package manager)." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
