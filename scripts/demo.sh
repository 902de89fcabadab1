#!/usr/bin/env bash
# Installs what is missing, builds, and launches PushDeck on a local demo gateway.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
exec "${BUILD_DIR:-$here/build}/app/pushdeck" --demo "$@"
