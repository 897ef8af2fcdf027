#!/usr/bin/env bash
# Installs the Debian packages baocao needs, only those missing. Idempotent.
set -euo pipefail
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -q "Liberation Serif" || need+=(fonts-liberation2)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v pandoc >/dev/null || need+=(pandoc)
[ -e /usr/lib/python3/dist-packages/uno.py ] || need+=(python3-uno)
# the browser tests drive Debian's Chromium through Playwright (never `playwright install`)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "sysdeps: installing ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "sysdeps: run as root: apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
