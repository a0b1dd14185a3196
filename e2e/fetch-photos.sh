#!/bin/sh
# Puts the vision specs' photos in e2e/photos/: the public-domain NASA
# astronaut portrait (one face, one person) and a coffee cup (no person),
# both 512 pixels wide, from Debian's python3-skimage package. Only the
# package file is downloaded and only the two images are unpacked; nothing
# is installed. Without Debian's package lists it refreshes them first (as
# root, or through sudo), as a fresh machine needs.
set -eu

DEST="$(cd "$(dirname "$0")" && pwd)/photos"
if [ -f "$DEST/astronaut.png" ] && [ -f "$DEST/coffee.png" ]; then
  exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
if ! apt-get download python3-skimage >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update >/dev/null 2>&1 || true
  apt-get download python3-skimage >/dev/null 2>&1 ||
    { echo "apt-get download python3-skimage failed; check that Debian's package lists can be fetched." >&2; exit 1; }
fi
DATA=./usr/lib/python3/dist-packages/skimage/data
dpkg-deb --fsys-tarfile python3-skimage_*.deb |
  tar -x "$DATA/astronaut.png" "$DATA/coffee.png"
mkdir -p "$DEST"
cp "$DATA/astronaut.png" "$DATA/coffee.png" "$DEST/"
