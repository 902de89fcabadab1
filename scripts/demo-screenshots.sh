#!/usr/bin/env bash
# Screenshots of `pushdeck --demo`'s Pitfalls with the demo's Prometheus, one
# per scenario at its telling step, in a real X server (Xvfb + openbox) at
# 1280x800 and 1920x1080, plus presenter mode at 1920x1080.
#   scripts/demo-screenshots.sh [BUILD_DIR] [OUT_DIR]
# Needs xvfb, xauth, openbox (PUSHDECK_SETUP_GUI=1 scripts/setup.sh) and prometheus.
set -euo pipefail
build=$(realpath "${1:-build}")
out=$(realpath -m "${2:-/tmp/pushdeck-demo-screenshots}")
mkdir -p "$out"
shoot() { # SIZE [presenter]
    local size=$1 presenter=${2:-}
    xvfb-run -a -s "-screen 0 ${size}x24" env SIZE="$size" OUT="$out" BUILD="$build" PRESENTER="$presenter" bash -c '
        openbox & wm=$!
        # Wait until the window manager has taken the screen.
        for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q window && break; sleep 0.1; done
        env QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 LANGUAGE= PUSHDECK_TEST=1 PUSHDECK_SCREENSHOTS="$OUT" \
            PUSHDECK_SCREENSHOT_SIZE="$SIZE" ${PRESENTER:+PUSHDECK_SCREENSHOT_PRESENTER=1} \
            "$BUILD/tests/tst_demoprometheusgui" screenshots
        status=$?
        kill $wm
        exit $status'
}
shoot 1280x800
shoot 1920x1080
shoot 1920x1080 presenter
ls -1 "$out"
