#!/usr/bin/env bash
# Package test: builds the Debian package from a configured build directory
# with cpack, installs it with dpkg, runs both executables from /usr/bin,
# checks the desktop entry, AppStream file, icons and man pages, and removes
# the package again - also when a check fails.
#
#   installer/test-package.sh [BUILD_DIR [APP_ID]]
#
# Needs root and dpkg (CI runs as root on a throwaway machine). Exits 0 on
# success, 1 on a failure, 77 when skipped (not root, no dpkg, or PushDeck is
# already installed on this machine and must not be touched).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
app_id=${2:-io.github.pushdeck.PushDeck}
package=pushdeck
icon_sizes=(16 22 24 32 48 64 128 256)

# The checks below read English output (Usage:, dpkg's status).
export LC_ALL=C.UTF-8 LANGUAGE=

say() { printf 'package test: %s\n' "$*"; }
fail() { printf 'package test: FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'package test: SKIP: %s\n' "$*"; exit 77; }

[[ $(id -u) == 0 ]] || skip "needs root to install a package with dpkg"
for tool in dpkg dpkg-deb dpkg-query cpack flock; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
# cpack computes the Depends line with dpkg-shlibdeps, which reads ELF files
# found with file(1).
for tool in dpkg-shlibdeps file; do
    command -v "$tool" >/dev/null || fail "$tool is missing: install dpkg-dev and file (scripts/setup.sh)"
done
[[ -f $build/CPackConfig.cmake ]] || fail "$build is not a configured PushDeck build directory"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n $version ]] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"

# dpkg allows one writer at a time; several build directories on one machine
# may run this test at once, so take turns.
exec 9>/tmp/pushdeck-package-test.lock
flock -w 300 9 || fail "timed out waiting for another package test"

status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
case $status in
    "" | *" not-installed" | *" config-files") ;;
    *) skip "a $package package is already installed ($status); not touching it" ;;
esac

work=$(mktemp -d /tmp/pushdeck-package.XXXXXX)
installed=0
cleanup() {
    local code=$?
    if ((installed)); then
        say "removing the package"
        dpkg --purge "$package" >/dev/null 2>&1 || dpkg --purge --force-all "$package" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$code"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- build -----------------------------------------------------------------
say "building the package (cpack) in $work"
# cpack builds what `install` needs first (the "preinstall" target).
if ! (cd "$build" && timeout 300 cpack -G DEB -B "$work") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
fi
deb="$work/${package}_${version}_$(dpkg --print-architecture).deb"
[[ -f $deb ]] || { ls -l "$work" >&2; fail "cpack did not write $(basename "$deb")"; }
say "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# --- what the package declares and contains ---------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
[[ $depends == *libqt6core6* && $depends == *libqt6widgets6* ]] || fail "Depends lacks the Qt 6 libraries: $depends"
[[ $depends == *libsimdjson* ]] || fail "Depends lacks simdjson: $depends"
[[ $depends == *libqt6svg6* ]] || fail "Depends lacks libqt6svg6 (SVG icons): $depends"
[[ $recommends == *prometheus-pushgateway* ]] || fail "Recommends lacks prometheus-pushgateway: $recommends"
for field in Maintainer Section Homepage Description; do
    [[ -n $(dpkg-deb -f "$deb" "$field") ]] || fail "control field $field is empty"
done

contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
expected=(
    /usr/bin/pushdeck
    /usr/bin/pushdeckctl
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/pushdeck.1.gz
    /usr/share/man/man1/pushdeckctl.1.gz
    /usr/share/doc/pushdeck/copyright
    /usr/share/doc/pushdeck/changelog.gz
)
for size in "${icon_sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done
# Nothing else: no headers, static libraries or test executables. (A new
# installed file belongs in `expected` above.)
unexpected=$(grep -v '/$' <<<"$contents" | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)
[[ -z $unexpected ]] || fail "unexpected files in the package: $unexpected"

# --- install -----------------------------------------------------------------
say "installing with dpkg -i"
installed=1
if ! timeout 120 dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    say "dpkg -i left dependencies unresolved; apt-get install -f"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends >>"$work/dpkg.log" 2>&1 \
        || { cat "$work/dpkg.log" >&2; fail "the package's dependencies cannot be installed"; }
fi
[[ $(dpkg-query -W -f='${Status}' "$package") == "install ok installed" ]] \
    || { cat "$work/dpkg.log" >&2; fail "the package is not configured after installing"; }

# --- run from the installed paths ---------------------------------------------
for exe in /usr/bin/pushdeck /usr/bin/pushdeckctl; do
    [[ -x $exe ]] || fail "$exe is not executable"
    missing=$(ldd "$exe" | grep 'not found' || true)
    [[ -z $missing ]] || fail "$exe misses libraries: $missing"
done
# Qt may warn on stderr (no XDG_RUNTIME_DIR as root); only stdout counts.
out=$(QT_QPA_PLATFORM=offscreen timeout 30 /usr/bin/pushdeck --version 2>"$work/stderr") \
    || fail "pushdeck --version failed: $out $(cat "$work/stderr")"
[[ $out == *"$version"* ]] || fail "pushdeck --version does not say $version: $out"
say "pushdeck --version: $out"
out=$(timeout 30 /usr/bin/pushdeckctl --help 2>"$work/stderr") \
    || fail "pushdeckctl --help failed: $out $(cat "$work/stderr")"
[[ $out == *Usage:* && $out == *status* ]] || fail "pushdeckctl --help does not look like help: $out"
out=$(timeout 30 /usr/bin/pushdeckctl --version 2>"$work/stderr") \
    || fail "pushdeckctl --version failed: $out $(cat "$work/stderr")"
[[ $out == *"$version"* ]] || fail "pushdeckctl --version does not say $version: $out"
say "pushdeckctl --help and --version work"

# --- desktop integration ---------------------------------------------------------
desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
grep -qx 'Exec=pushdeck' "$desktop" || fail "$desktop does not start pushdeck"
grep -qx "Icon=$app_id" "$desktop" || fail "$desktop does not name the icon $app_id"
grep -qF "<id>$app_id</id>" "$metainfo" || fail "$metainfo has another id"
grep -qF "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "$metainfo does not launch $app_id.desktop"
grep -qF "<release version=\"$version\"" "$metainfo" || fail "$metainfo has no release notes for $version"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1 \
        || { cat "$work/appstream.log" >&2; fail "appstreamcli rejects $metainfo"; }
fi
# A PNG's width and height are the big-endian words at bytes 16 and 20.
for size in "${icon_sizes[@]}"; do
    png=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ $w == "$size" && $h == "$size" ]] || fail "$png is ${w}x${h}, not ${size}x${size}"
done
for page in pushdeck pushdeckctl; do
    gzip -t "/usr/share/man/man1/$page.1.gz" || fail "$page.1.gz is not valid gzip"
    zcat "/usr/share/man/man1/$page.1.gz" | grep -q '^\.TH' || fail "$page.1.gz is not a man page"
done
say "desktop entry, AppStream file, icons and man pages are in place"

# --- remove ------------------------------------------------------------------------
dpkg --purge "$package" >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg --purge failed"; }
installed=0
[[ ! -e /usr/bin/pushdeck && ! -e $desktop ]] || fail "files are left after removing the package"
say "PASS"
