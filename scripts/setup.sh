#!/usr/bin/env bash
# Installs what PushDeck needs on Debian bookworm (as root, or through sudo).
# Idempotent: does nothing when every package is already present.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6svg6 qt6-svg-dev
    libsimdjson-dev zlib1g-dev
    libre2-dev   # selectors with Prometheus' own regex engine (RE2)
    qtkeychain-qt6-dev   # secrets in the system keyring (Secret Service, KWallet)
    libprotobuf-dev protobuf-compiler   # the light refresh reads protobuf /metrics
    prometheus-pushgateway
    prometheus   # the real-Prometheus selector test and promtool for the generated alert rules
    curl
    openssl apache2-utils   # the auth/TLS tests: a throw-away CA, bcrypt hashes (htpasswd)
    dbus-daemon gnome-keyring   # the keyring and desktop notification tests: a private session bus (dbus-run-session)
    dpkg-dev file   # cpack's Debian package: dpkg-shlibdeps finds the library dependencies
    libyaml-cpp-dev   # pushdeckctl.yml and Prometheus HTTP client configs (--http.config.file)
    lintian debootstrap   # the package test: lintian, and pushdeckctl alone in a clean bookworm
    zsh fish   # the completion test runs the zsh and fish scripts too (bash is always there)
)
# A real window (not only offscreen rendering) needs an X server.
if [[ "${PUSHDECK_SETUP_GUI:-0}" == 1 ]]; then
    packages+=(xvfb xauth)
    # scripts/window-screenshots.sh: a window manager, a dark qt6ct palette, import
    packages+=(openbox qt6ct imagemagick)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) != 0 ]]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start a system gateway and Prometheus where an init
# system runs; they would sit on :9091 (with the shared persistence file) and
# :9090. PushDeck's tests start their own on free ports and never need them.
if command -v service >/dev/null 2>&1; then
    "${sudo[@]}" service prometheus-pushgateway stop >/dev/null 2>&1 || true
    "${sudo[@]}" service prometheus stop >/dev/null 2>&1 || true
fi
