#!/usr/bin/env bash
# One-time (and idempotent) set-up on a fresh Debian/Ubuntu machine or CI:
# the system libraries Qt needs, then a virtualenv in .venv with CountyClear and its
# development tools. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libgl1 libegl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  fontconfig-config fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  poppler-utils nsis gpg wixl msitools desktop-file-utils
)
# Optional and large (~670 MB): only the test that installs setup.exe under Wine needs it;
# if it cannot be installed, that test says so and is skipped.
OPTIONAL_PACKAGES=(wine64)

if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  optional=()
  for pkg in "${OPTIONAL_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || optional+=("$pkg")
  done
  if [ ${#optional[@]} -gt 0 ] && [ "${COUNTYCLEAR_NO_WINE:-0}" != "1" ]; then
    echo "setup: installing optional packages: ${optional[*]}"
    { [ ${#missing[@]} -gt 0 ] || $SUDO apt-get update -qq; } && \
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${optional[@]}" >/dev/null \
      || echo "setup: could not install ${optional[*]}; the Wine installer test will say so"
  fi
else
  echo "setup: not a Debian-like system; install Qt's runtime libraries and poppler yourself"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# setuptools warns on every editable install that a folder named like a package could shadow
# it; nothing here does, and the boxed warning only alarms a newcomer's first run.
PYTHONWARNINGS="ignore::UserWarning" .venv/bin/python -m pip install -q -e ".[dev]"
