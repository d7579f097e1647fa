#!/usr/bin/env bash
# Installs the Debian 12 packages Unisono needs to build, run and test, and
# only those that are missing (so a second run is quick and offline-safe).
set -euo pipefail

# libqt6opengl6-dev: Qt Charts' CMake package needs Qt6OpenGL, which Debian's
# qt6-charts-dev does not pull in.
PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    libsqlite3-dev libcurl4-openssl-dev libphonenumber-dev libargon2-dev libsimdjson-dev catch2
    fontconfig fonts-dejavu-core xvfb xauth
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
