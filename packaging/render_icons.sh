#!/bin/sh
# Renders the hicolor PNG icons from the one SVG source. The PNGs are generated
# files committed to git: edit the SVG, run this script, commit both.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -eu
cd "$(dirname "$0")/.."
app_id=io.github.bounceback.Bounceback
svg=resources/icons/hicolor/scalable/apps/$app_id.svg
for size in 16 22 24 32 48 64 128 256 512; do
    out=resources/icons/hicolor/${size}x${size}/apps/$app_id.png
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "$out"
done
echo "rendered PNGs from $svg"
