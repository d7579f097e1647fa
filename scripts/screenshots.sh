#!/usr/bin/env bash
# Regenerates the README's screenshots of the agent desk: light and dark,
# English and Italian, on the same demo data, under xvfb-run (a real X
# server, so fonts and styles render as on a desk). Builds first.
#   scripts/screenshots.sh [output folder, default resources/screenshots]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${UNISONO_BUILD_DIR:-$ROOT/build}"
OUT="${1:-$ROOT/resources/screenshots}"
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
"$ROOT/scripts/build.sh" >/dev/null
mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Own settings and data: the user's preferences and stores stay out of it.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
DB="$WORK/demo.db"
for language in en it; do
    for theme in light dark; do
        file="$OUT/desk-$language-$theme.png"
        xvfb-run -a -s "-screen 0 1400x900x24" \
            "$BUILD/bin/unisono" --offline --db "$DB" --demo-size small --seed 1 \
            --language "$language" --theme "$theme" --screenshot "$file"
        echo "$file"
    done
done
