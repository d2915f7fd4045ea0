#!/usr/bin/env bash
# Creates .venv with Python 3.12 (the version .python-version pins) and installs requirements.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.12 \
      "$(command -v pyenv >/dev/null 2>&1 && ls -d "$(pyenv root)"/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -n 1)"; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))'; then
  python=$(find_python || true)
  if [ -z "$python" ] && command -v pyenv >/dev/null 2>&1; then
    echo "Installing Python 3.12 with pyenv..."
    pyenv install -s 3.12
    python=$(find_python || true)
  fi
  if [ -z "$python" ]; then
    echo "Python 3.12 is needed. Install it (for example 'pyenv install 3.12') and run make again." >&2
    exit 1
  fi
  rm -rf .venv
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
