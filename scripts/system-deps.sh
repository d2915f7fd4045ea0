#!/usr/bin/env bash
# Installs the Debian packages the project needs, when they are missing.
# Usage: scripts/system-deps.sh run|test   (test also needs Chromium and poppler-utils)
set -euo pipefail
purpose=${1:-run}

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
have_pkg libharfbuzz-subset0 || missing+=(libharfbuzz-subset0)
have_pkg libpango-1.0-0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
# The Chinese pamphlet's font (Noto Sans CJK TC), which WeasyPrint embeds and subsets.
have_pkg fonts-noto-cjk || missing+=(fonts-noto-cjk)
# msgfmt, which compilemessages runs to make the translations' .mo files.
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages. Run:" >&2
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
  exit 1
fi
