#!/bin/sh
# Installs what the end-to-end tests need: Debian's Chromium, since
# Playwright cannot download its own browser on these machines.
set -eu

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Chromium is missing and this user cannot install packages." >&2
  echo "Install Debian's chromium package, or set CHROMIUM_PATH." >&2
  exit 1
fi

echo "Installing Debian's chromium for the end-to-end tests…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium ||
  { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
