#!/usr/bin/env bash
# Quick start, command one: install what is missing, build, start Unisono on
# its embedded default (a local store filled with demo data on first start).
# Extra arguments go to unisono (try --help).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh"
BIN="${UNISONO_BUILD_DIR:-$ROOT/build}/bin/unisono"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    if [[ " $* " == *" --screenshot "* ]]; then
        # A screenshot needs no screen: render offscreen.
        QT_QPA_PLATFORM=offscreen exec "$BIN" "$@"
    fi
    echo "start: no display found; starting Unisono inside a virtual X server (xvfb-run)." >&2
    echo "start: to see it, run this from a desktop session, or pass --screenshot FILE." >&2
    exec xvfb-run -a "$BIN" "$@"
fi
exec "$BIN" "$@"
