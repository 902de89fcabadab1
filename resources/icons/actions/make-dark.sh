#!/bin/sh
# Regenerates dark/*.svg (for dark window palettes) from the light set in this
# folder. Only the four palette colours differ; shapes stay identical, so edit
# the light icon and run this script.
#   text   #31363b -> #eff0f1
#   danger #da4453 -> #f47a86
#   accent #2980b9 -> #5dade2
#   warn   #a36a00 -> #f6c344
set -eu
cd "$(dirname "$0")"
mkdir -p dark
for f in *.svg; do
    sed -e 's/#31363b/#eff0f1/g' -e 's/#da4453/#f47a86/g' \
        -e 's/#2980b9/#5dade2/g' -e 's/#a36a00/#f6c344/g' "$f" > "dark/$f"
done
