#!/usr/bin/env bash
# Set up everything OutreachDesk needs on a fresh Debian/Ubuntu machine: system packages (Qt's X11 libraries,
# Xvfb, poppler, PostgreSQL for the server tests), a virtualenv with the project, its test tools and PyInstaller
# (`make bundle`), and the compiled translations. Idempotent: a second run only checks and returns.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(postgresql xvfb poppler-utils libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1
      libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".[test,bundle]"
  touch "$stamp"
fi

# Qt loads compiled .qm files; they are built from the .ts sources, never committed.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
