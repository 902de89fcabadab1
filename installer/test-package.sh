#!/usr/bin/env bash
# Package test: builds the Debian packages pushdeck and pushdeckctl from a
# configured build directory with cpack and checks them:
#
#   1. lintian: no error, no warning, no hardening tag;
#   2. what they declare and contain; everything `apt install pushdeckctl`
#      would pull in (apt-cache depends --recurse, Recommends included) is
#      free of GUI libraries;
#   3. pushdeckctl ALONE installed with apt into a clean bookworm
#      (debootstrap --variant=minbase, cached), what it pulled in listed and
#      checked, and every command run there against real gateways (plain, and
#      TLS with basic auth) started outside the chroot;
#   4. both packages installed on this machine: both programs from /usr/bin,
#      desktop entry, AppStream file, icons, man pages, completion files,
#      the keyring module; then removed again - also when a check fails.
#
#   installer/test-package.sh [BUILD_DIR [APP_ID]]
#
# Needs root, dpkg, lintian and debootstrap (CI runs as root on a throwaway
# machine; scripts/setup.sh installs the tools). Step 3 needs the Debian
# mirror (PUSHDECK_DEBIAN_MIRROR, default the host's); it is skipped with
# PUSHDECK_PACKAGE_TEST_CHROOT=0. Exits 0 on success, 1 on a failure, 77 when
# skipped (not root, no dpkg, or PushDeck is already installed here and must
# not be touched).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
app_id=${2:-io.github.pushdeck.PushDeck}
packages=(pushdeck pushdeckctl)
icon_sizes=(16 22 24 32 48 64 128 256)
chroot_step=${PUSHDECK_PACKAGE_TEST_CHROOT:-1}
cache=/var/cache/pushdeck-package-test

# The checks below read English output (Usage:, dpkg's status).
export LC_ALL=C.UTF-8 LANGUAGE=

say() { printf 'package test: %s\n' "$*"; }
fail() { printf 'package test: FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'package test: SKIP: %s\n' "$*"; exit 77; }

[[ $(id -u) == 0 ]] || skip "needs root to install packages"
for tool in dpkg dpkg-deb dpkg-query cpack flock apt-cache; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
# cpack computes the Depends lines with dpkg-shlibdeps, which reads ELF files
# found with file(1); the rest is for the checks.
for tool in dpkg-shlibdeps file lintian prometheus-pushgateway openssl htpasswd curl; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup.sh installs it)"
done
if [[ $chroot_step != 0 ]]; then
    command -v debootstrap >/dev/null || fail "debootstrap is missing (scripts/setup.sh; or PUSHDECK_PACKAGE_TEST_CHROOT=0)"
fi
[[ -f $build/CPackConfig.cmake ]] || fail "$build is not a configured PushDeck build directory"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n $version ]] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)   # where the keyring module lives

# dpkg allows one writer at a time; several build directories on one machine
# may run this test at once, so take turns.
exec 9>/tmp/pushdeck-package-test.lock
flock -w 600 9 || fail "timed out waiting for another package test"

for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case $status in
        "" | *" not-installed" | *" config-files") ;;
        *) skip "a $package package is already installed ($status); not touching it" ;;
    esac
done

work=$(mktemp -d /tmp/pushdeck-package.XXXXXX)
root=$work/root
installed=0
gateway_pids=()
cleanup() {
    local code=$?
    for pid in "${gateway_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    if ((installed)); then
        say "removing the packages"
        dpkg --purge "${packages[@]}" >/dev/null 2>&1 || dpkg --purge --force-all "${packages[@]}" >/dev/null 2>&1 || true
    fi
    # Nothing mounted may be left under the tree that is removed next.
    if mountpoint -q "$root/proc" 2>/dev/null; then
        umount "$root/proc" || umount -l "$root/proc" || true
    fi
    if mountpoint -q "$root/proc" 2>/dev/null; then
        printf 'package test: %s is still mounted; leaving %s\n' "$root/proc" "$work" >&2
    else
        rm -rf --one-file-system "$work"
    fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- 1. build and lintian --------------------------------------------------------
say "building the packages (cpack) in $work"
# cpack builds what `install` needs first (the "preinstall" target).
if ! (cd "$build" && timeout 300 cpack -G DEB -B "$work") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
fi
gui_deb="$work/pushdeck_${version}_${arch}.deb"
ctl_deb="$work/pushdeckctl_${version}_${arch}.deb"
for deb in "$gui_deb" "$ctl_deb"; do
    [[ -f $deb ]] || { ls -l "$work" >&2; fail "cpack did not write $(basename "$deb")"; }
    say "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
done

# Errors and warnings fail; of the informational tags, the hardening ones do
# (they say a binary was built without a hardening flag).
lintian --fail-on error,warning --display-info "$gui_deb" "$ctl_deb" >"$work/lintian.log" 2>&1 \
    || { cat "$work/lintian.log" >&2; fail "lintian reports errors or warnings"; }
if grep -E '^[EWI]: .*hardening-' "$work/lintian.log" >&2; then
    fail "lintian reports binaries built without hardening flags"
fi
say "lintian: $(grep -c '^[EWIP]:' "$work/lintian.log" || true) tags, none an error, a warning or about hardening"

# --- 2. what the packages declare and contain --------------------------------------
field() { dpkg-deb -f "$1" "$2"; }
# Package names of a Depends/Recommends line: versions and alternatives dropped.
names() { tr ',|' '\n\n' | sed 's/(.*)//; s/^ *//; s/ *$//' | grep -v '^$' | sort -u; }
# Everything a GUI needs and a command-line tool must not pull in.
gui='^(libqt6(gui|widgets|charts|svg|opengl|xcbqpa|waylandclient|waylandcompositor|printsupport|quick|qml)[a-z0-9-]*|qt6-qpa-plugins|qt6-gtk-platformtheme|qt6-wayland|libqt6keychain[0-9]*|libx11-[0-9a-z-]+|libxcb[a-z0-9-]*|libxkbcommon[a-z0-9-]*|libx(render|ext|i|fixes|cursor|randr|inerama|damage|composite|au|dmcp)[0-9]+|libsm6|libice6|x11-common|xkb-data|libgl1[a-z0-9-]*|libglx[a-z0-9-]*|libegl[a-z0-9-]*|libgles[a-z0-9-]*|libopengl0|libgbm1|libdrm[a-z0-9-]*|libvulkan1|libwayland[a-z0-9-]*|libgtk[a-z0-9.-]*|libgdk[a-z0-9.-]*|libcairo[a-z0-9-]*|libpango[a-z0-9.-]*|libfontconfig[0-9]*|libfreetype[0-9]*|libharfbuzz[a-z0-9-]*|libpng16-16|libjpeg62-turbo|libtiff[0-9]*|gnome-keyring|kwalletmanager|pinentry-gnome3|gcr|dconf-gsettings-backend)$'

ctl_depends=$(field "$ctl_deb" Depends)
for lib in libqt6core6 libqt6network6 libsimdjson libprotobuf-lite libyaml-cpp; do
    [[ $ctl_depends == *"$lib"* ]] || fail "pushdeckctl's Depends lacks $lib: $ctl_depends"
done
bad=$(names <<<"$ctl_depends" | grep -E "$gui|^libprotobuf[0-9]+$" || true)
[[ -z $bad ]] || fail "pushdeckctl depends on $bad: $ctl_depends"
[[ -z $(field "$ctl_deb" Recommends) ]] || fail "pushdeckctl recommends $(field "$ctl_deb" Recommends)"
gui_depends=$(field "$gui_deb" Depends)
for lib in libqt6widgets6 libqt6charts6 libqt6svg6 libqt6keychain1; do
    [[ $gui_depends == *"$lib"* ]] || fail "pushdeck's Depends lacks $lib: $gui_depends"
done
gui_recommends=$(field "$gui_deb" Recommends)
[[ $gui_recommends == *"pushdeckctl (= $version)"* && $gui_recommends == *prometheus-pushgateway* ]] \
    || fail "pushdeck's Recommends: $gui_recommends"
for deb in "$gui_deb" "$ctl_deb"; do
    for control in Maintainer Section Homepage Description Source; do
        [[ -n $(field "$deb" "$control") ]] || fail "$(basename "$deb"): control field $control is empty"
    done
    [[ $(field "$deb" Homepage) != *example* ]] || fail "$(basename "$deb"): placeholder homepage $(field "$deb" Homepage)"
done

contents() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$'; }
check_contents() { # deb, expected paths...
    local deb=$1 listing unexpected path
    shift
    listing=$(contents "$deb")
    for path in "$@"; do
        grep -qxF "$path" <<<"$listing" || fail "$(basename "$deb") lacks $path"
    done
    # Nothing else: no headers, static libraries or test executables.
    unexpected=$(grep -vxF -f <(printf '%s\n' "$@") <<<"$listing" || true)
    [[ -z $unexpected ]] || fail "unexpected files in $(basename "$deb"): $unexpected"
}
examples=/usr/share/doc/pushdeckctl/examples
ctl_files=(
    /usr/bin/pushdeckctl
    /usr/share/man/man1/pushdeckctl.1.gz
    /usr/share/bash-completion/completions/pushdeckctl
    /usr/share/zsh/vendor-completions/_pushdeckctl
    /usr/share/fish/vendor_completions.d/pushdeckctl.fish
    /usr/share/doc/pushdeckctl/copyright
    /usr/share/doc/pushdeckctl/changelog.gz
    /usr/share/lintian/overrides/pushdeckctl
    $examples/pushdeckctl-prune.service $examples/pushdeckctl-prune.timer
    $examples/pushdeckctl-check.service $examples/pushdeckctl-check.timer
    $examples/pushdeckctl.yml
)
gui_files=(
    /usr/bin/pushdeck
    /usr/lib/$multiarch/pushdeck/pushdeck-keyring.so
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/pushdeck.1.gz
    /usr/share/doc/pushdeck/copyright
    /usr/share/doc/pushdeck/changelog.gz
)
for size in "${icon_sizes[@]}"; do
    gui_files+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
check_contents "$ctl_deb" "${ctl_files[@]}"
check_contents "$gui_deb" "${gui_files[@]}"
say "both packages declare and contain what they should"

# Everything `apt install ./pushdeckctl.deb` would install, Recommends
# included (apt's default), from this machine's package lists.
if ! apt-cache show libqt6core6 >/dev/null 2>&1; then
    say "no package lists: apt-get update"
    apt-get update -qq >/dev/null || fail "apt-get update failed"
fi
# shellcheck disable=SC2046
closure=$(apt-cache depends --recurse --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
              $(names <<<"$ctl_depends") | grep -v '^ ' | tr -d '<>' | sort -u)
[[ $(wc -l <<<"$closure") -gt 10 ]] || fail "apt-cache depends found almost nothing: $closure"
bad=$(grep -E "$gui" <<<"$closure" || true)
[[ -z $bad ]] || fail "apt install pushdeckctl would pull in GUI packages: $(tr '\n' ' ' <<<"$bad")"
say "apt install pushdeckctl pulls in $(wc -l <<<"$closure") packages at most (Recommends included), none of them GUI"

# --- gateways for the commands: plain (admin API), and TLS with basic auth --------
free_port() { # a loopback port nothing listens on
    local port
    while :; do
        port=$(shuf -i 20000-60999 -n 1)
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
start_gateway() { # port, extra flags...
    local port=$1
    shift
    prometheus-pushgateway --web.listen-address="127.0.0.1:$port" --persistence.file= "$@" \
        >"$work/gateway-$port.log" 2>&1 &
    gateway_pids+=($!)
}
wait_ready() { # url, curl options...
    local url=$1
    shift
    for _ in $(seq 1 100); do
        curl -fsS -o /dev/null "$@" "$url/-/ready" 2>/dev/null && return 0
        sleep 0.1
    done
    cat "$work"/gateway-*.log >&2
    fail "the gateway at $url did not come up"
}
pki=$work/pki
mkdir -p "$pki"
(
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=pushdeck-test-ca
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >san.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext
) >"$work/pki.log" 2>&1 || { cat "$work/pki.log" >&2; fail "openssl could not make the test certificates"; }
password='correct horse'
hash=$(htpasswd -nbBC 10 ops "$password" | cut -d: -f2-)
cat >"$pki/web.yml" <<EOF
tls_server_config:
  cert_file: $pki/server.pem
  key_file: $pki/server.key
basic_auth_users:
  ops: '$hash'
EOF
plain_port=$(free_port)
tls_port=$(free_port)
start_gateway "$plain_port" --web.enable-admin-api
start_gateway "$tls_port" --web.config.file="$pki/web.yml"
plain=http://127.0.0.1:$plain_port
tls=https://127.0.0.1:$tls_port
wait_ready "$plain"
wait_ready "$tls" --cacert "$pki/ca.pem" -u "ops:$password"

# Runs every command of an installed pushdeckctl through `$@` (a runner:
# chroot ... or env ...), against the gateways above. `$scratch` is a folder
# for files as seen from here, `$inner` the same folder as the runner sees it.
exercise_commands() {
    local scratch=$1 inner=$2
    shift 2
    local -a run=("$@")
    ctl() { "${run[@]}" pushdeckctl "$@"; }
    expect() { # description, command... (stdout in $out)
        local what=$1
        shift
        out=$("$@" 2>"$work/stderr") || fail "$what: exit $? $(cat "$work/stderr") $out"
    }
    mkdir -p "$scratch"
    cp "$pki/ca.pem" "$scratch/ca.pem"
    printf '%s\n' "$password" >"$scratch/pw"
    printf 'basic_auth:\n  username: ops\n  password_file: pw\ntls_config:\n  ca_file: ca.pem\n' >"$scratch/http.yml"
    local key_a='{job="pkg",instance="a"}' key_b='{job="pkg",instance="b/c"}'

    expect "--version" ctl --version
    [[ $out == "pushdeckctl $version ("*"Qt 6."*")" ]] || fail "--version: $out"
    expect "--help" ctl --help
    [[ $out == *Usage:* && $out == *--http.config.file* ]] || fail "--help: $out"
    expect "help prune" ctl help prune
    [[ $out == *Examples:* ]] || fail "help prune: $out"
    expect "status" ctl -g "$plain" status
    [[ $out == *"admin API:  enabled"* ]] || fail "status: $out"
    expect "status -o json" ctl -g "$plain" status -o json
    [[ $out == '{'*'"admin_api":true'* ]] || fail "status -o json: $out"
    expect "push" ctl -g "$plain" push "$key_a" - <<<'# TYPE backup_ok gauge
backup_ok 1'
    expect "push --replace" ctl -g "$plain" push "$key_b" - --replace <<<'rows 42'
    expect "groups" ctl -g "$plain" groups
    [[ $out == *'{job="pkg",instance="a"}'* && $out == *'instance="b/c"'* ]] || fail "groups: $out"
    expect "groups -o json" ctl -g "$plain" groups -o json
    [[ $(grep -c '^{' <<<"$out") == 2 ]] || fail "groups -o json: $out"
    expect "show" ctl -g "$plain" show "$key_a" --exposition
    [[ $out == *"backup_ok 1"* ]] || fail "show: $out"
    expect "check" ctl -g "$plain" check
    [[ $out == "PUSHDECK OK - "* ]] || fail "check: $out"
    ctl -g "$plain" lint >"$work/lint.out" 2>&1 || (($? <= 2)) || fail "lint: $(cat "$work/lint.out")"
    expect "snapshot save" ctl -g "$plain" snapshot save "$inner/snap.json"
    expect "repush" ctl -g "$plain" repush --from "$key_b" --to '{job="pkg",instance="d"}' --yes
    expect "delete" ctl -g "$plain" delete "$key_a" --yes
    expect "prune --dry-run" ctl -g "$plain" prune --older-than 1ms --match '{job="pkg"}' --dry-run
    [[ $out == *'instance="d"'* ]] || fail "prune --dry-run: $out"
    expect "prune" ctl -g "$plain" prune --older-than 1ms --match '{job="pkg"}' --yes
    expect "snapshot list" ctl snapshot list -o json
    [[ $(grep -c '"action"' <<<"$out") -ge 2 ]] || fail "snapshot list: $out"
    expect "snapshot restore" ctl -g "$plain" snapshot restore "$inner/snap.json" --yes
    expect "groups after restore" ctl -g "$plain" groups --no-headers
    [[ $(wc -l <<<"$out") == 2 ]] || fail "groups after restore: $out"
    expect "wipe" ctl -g "$plain" wipe --yes
    expect "groups after wipe" ctl -g "$plain" groups --no-headers
    [[ -z $out ]] || fail "groups after wipe: $out"

    # TLS and basic auth: a Prometheus HTTP client config, then a profile.
    expect "--http.config.file" ctl -g "$tls" --http.config.file "$inner/http.yml" status
    [[ $out == *"version:"* ]] || fail "--http.config.file: $out"
    expect "profile add" ctl profile add tls -g "$tls" --user ops --ca-file "$inner/ca.pem"
    expect "profile list" ctl profile list
    grep -qE "^tls +$tls +basic +ops +ca\$" <<<"$out" || fail "profile list: $out"
    if ctl --profile tls status >"$work/stdout" 2>"$work/stderr"; then
        fail "--profile without a secret worked: $(cat "$work/stdout")"
    fi
    grep -q "PUSHDECK_PASSWORD" "$work/stderr" || fail "--profile without a secret: $(cat "$work/stderr")"
    expect "--profile with PUSHDECK_PASSWORD" "${run[@]}" env PUSHDECK_PASSWORD="$password" pushdeckctl --profile tls status
    expect "profile remove" ctl profile remove tls

    # Completion: bash as it runs the installed script; keys from the gateway.
    expect "push for completion" ctl -g "$plain" push "$key_b" - <<<'rows 1'
    expect "bash completion" "${run[@]}" bash --norc --noprofile -c \
        'source /usr/share/bash-completion/completions/pushdeckctl
         complete_line() { COMP_LINE=$1; COMP_POINT=${#1}; COMP_WORDS=(pushdeckctl "$2"); COMP_CWORD=1
                           _pushdeckctl 2>/dev/null; printf "%s\n" "${COMPREPLY[@]}"; }
         complete_line "pushdeckctl gr" gr
         complete_line "pushdeckctl -g '"$plain"' show " ""'
    [[ $out == "groups"$'\n'"'$key_b'" ]] || fail "bash completion: $out"
    expect "wipe after completion" ctl -g "$plain" wipe --yes
    expect "completion zsh" ctl completion zsh
    [[ $out == "#compdef pushdeckctl"* ]] || fail "completion zsh: $out"
    unset -f ctl expect
}

# --- 3. pushdeckctl alone in a clean bookworm --------------------------------------
if [[ $chroot_step != 0 ]]; then
    mirror=${PUSHDECK_DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}
    mirror=${mirror:-http://deb.debian.org/debian}
    tarball=$cache/bookworm-minbase.tar.gz
    mkdir -p "$cache" "$root"
    if [[ -f $tarball && -n $(find "$tarball" -mtime -7) ]]; then
        say "unpacking the cached clean bookworm ($tarball)"
        tar -C "$root" -xzf "$tarball" || fail "cannot unpack $tarball"
    else
        say "making a clean bookworm with debootstrap --variant=minbase ($mirror)"
        timeout 600 debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
            || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed (no network? PUSHDECK_PACKAGE_TEST_CHROOT=0 skips this step)"; }
        tar -C "$root" -czf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    security=${mirror%/debian}/debian-security
    printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
        "$mirror" "$mirror" "$security" >"$root/etc/apt/sources.list"
    mount -t proc proc "$root/proc"
    in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "$@"; }
    in_root dpkg-query -W -f='${Package}\n' | sort >"$work/before"
    cp "$ctl_deb" "$root/tmp/"
    say "apt install ./$(basename "$ctl_deb") in the clean bookworm (Recommends as apt installs them)"
    { in_root apt-get update -qq && in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
          "/tmp/$(basename "$ctl_deb")"; } >"$work/apt.log" 2>&1 \
        || { tail -30 "$work/apt.log" >&2; fail "apt could not install pushdeckctl in the clean bookworm"; }
    in_root dpkg-query -W -f='${Package}\n' | sort >"$work/after"
    pulled=$(comm -13 "$work/before" "$work/after")
    grep -qx pushdeckctl <<<"$pulled" || fail "pushdeckctl is not installed in the chroot"
    bad=$(grep -E "$gui" <<<"$pulled" || true)
    [[ -z $bad ]] || fail "installing pushdeckctl pulled in GUI packages: $(tr '\n' ' ' <<<"$bad")"
    say "it pulled in $(($(wc -l <<<"$pulled") - 1)) packages, none of them GUI: $(grep -vx pushdeckctl <<<"$pulled" | tr '\n' ' ')"
    missing=$(in_root ldd /usr/bin/pushdeckctl | grep 'not found' || true)
    [[ -z $missing ]] || fail "pushdeckctl misses libraries in the chroot: $missing"
    [[ ! -e $root/usr/lib/$multiarch/pushdeck/pushdeck-keyring.so ]] || fail "the keyring module came with pushdeckctl"
    for path in "${ctl_files[@]}"; do
        [[ -e $root$path ]] || fail "$path is not installed in the chroot"
    done
    exercise_commands "$root/tmp/pushdeck-run" /tmp/pushdeck-run chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
        DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
    say "every command works in the clean bookworm with pushdeckctl alone"
    umount "$root/proc"
else
    say "SKIP: the clean-bookworm step (PUSHDECK_PACKAGE_TEST_CHROOT=0)"
fi

# --- 4. both packages on this machine ------------------------------------------------
say "installing both packages with dpkg -i"
installed=1
if ! timeout 120 dpkg -i "$ctl_deb" "$gui_deb" >"$work/dpkg.log" 2>&1; then
    say "dpkg -i left dependencies unresolved; apt-get install -f"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends >>"$work/dpkg.log" 2>&1 \
        || { cat "$work/dpkg.log" >&2; fail "the packages' dependencies cannot be installed"; }
fi
for package in "${packages[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$package") == "install ok installed" ]] \
        || { cat "$work/dpkg.log" >&2; fail "$package is not configured after installing"; }
done
for exe in /usr/bin/pushdeck /usr/bin/pushdeckctl /usr/lib/$multiarch/pushdeck/pushdeck-keyring.so; do
    [[ -e $exe ]] || fail "$exe is missing"
    missing=$(ldd "$exe" | grep 'not found' || true)
    [[ -z $missing ]] || fail "$exe misses libraries: $missing"
done
# Qt may warn on stderr (no XDG_RUNTIME_DIR as root); only stdout counts.
out=$(QT_QPA_PLATFORM=offscreen timeout 30 /usr/bin/pushdeck --version 2>"$work/stderr") \
    || fail "pushdeck --version failed: $out $(cat "$work/stderr")"
[[ $out == *"$version"* ]] || fail "pushdeck --version does not say $version: $out"
say "pushdeck --version: $out"
scratch=$(mktemp -d "$work/host.XXXXXX")
exercise_commands "$scratch" "$scratch" env -i HOME="$scratch" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
    XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
# With the window's package the installed pushdeckctl finds the keyring module
# (here it has no session bus to talk to, and says that instead).
env -i HOME="$scratch" PATH=/usr/bin:/bin XDG_CONFIG_HOME="$scratch/config" DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
    pushdeckctl profile add k -g "$tls" --user ops --ca-file "$pki/ca.pem" >/dev/null
out=$(env -i HOME="$scratch" PATH=/usr/bin:/bin XDG_CONFIG_HOME="$scratch/config" \
          DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent pushdeckctl --profile k status 2>&1) && fail "no secret, but: $out"
[[ $out == *"no system keyring available"* && $out != *"module is not installed"* ]] \
    || fail "the installed pushdeckctl does not find the keyring module: $out"
say "pushdeckctl works from /usr/bin and finds the keyring module"

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
zcat /usr/share/man/man1/pushdeckctl.1.gz | grep -q 'pushdeckctl\\-prune.timer' \
    || fail "pushdeckctl(1) does not name the systemd examples"
if command -v systemd-analyze >/dev/null; then
    # The example units as an operator installs them (ExecStart's binary exists now).
    units=$(mktemp -d "$work/units.XXXXXX")
    cp $examples/pushdeckctl-*.service $examples/pushdeckctl-*.timer "$units/"
    SYSTEMD_LOG_LEVEL=err systemd-analyze verify --man=no "$units"/*.timer "$units"/*.service >"$work/units.log" 2>&1 \
        || { cat "$work/units.log" >&2; fail "systemd-analyze rejects the example units"; }
fi
say "desktop entry, AppStream file, icons, man pages and example units are in place"

# --- remove ------------------------------------------------------------------------
dpkg --purge "${packages[@]}" >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg --purge failed"; }
installed=0
[[ ! -e /usr/bin/pushdeck && ! -e /usr/bin/pushdeckctl && ! -e $desktop && ! -e /usr/lib/$multiarch/pushdeck ]] \
    || fail "files are left after removing the packages"
say "PASS"
