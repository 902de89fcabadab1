#!/usr/bin/env bash
# Screenshots of the window as a user meets it: a real X server (Xvfb) with a
# window manager (openbox), a first run (fresh settings), on the demo.
#   scripts/window-screenshots.sh BUILD_DIR OUT_DIR
# Writes OUT_DIR/window-1280x800.png, -1920x1080.png, -dark.png (qt6ct's
# "darker" palette, 1280×800) and -scale2.png (QT_SCALE_FACTOR=2 on 1920×1080).
# Needs PUSHDECK_SETUP_GUI=1 scripts/setup.sh (xvfb, openbox, qt6ct, imagemagick).
set -euo pipefail
build=$(realpath "$1")
out=$(realpath "$2")
mkdir -p "$out"

shot() { # name width height [env...]
    local name=$1 w=$2 h=$3
    shift 3
    local home
    home=$(mktemp -d)
    mkdir -p "$home/config/qt6ct"
    cat >"$home/config/qt6ct/qt6ct.conf" <<CONF
[Appearance]
color_scheme_path=/usr/share/qt6ct/colors/darker.conf
custom_palette=true
style=Fusion
CONF
    env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" "$@" \
        xvfb-run -a -s "-screen 0 ${w}x${h}x24" bash -c "
            openbox & wm=\$!
            sleep 3   # openbox manages the screen before the window maps (else it is not maximized)
            '$build/app/pushdeck' --demo & app=\$!
            sleep 12   # the demo's first reads and the charts' first samples
            import -window root '$out/window-$name.png'
            kill \$app; wait \$app || true
            kill \$wm; wait \$wm || true"
    rm -rf "$home"
}

shot 1280x800 1280 800
shot 1920x1080 1920 1080
shot dark 1280 800 QT_QPA_PLATFORMTHEME=qt6ct
shot scale2 1920 1080 QT_SCALE_FACTOR=2
ls -l "$out"
