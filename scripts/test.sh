#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (ctest).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
cd "${BUILD_DIR:-$here/build}"
# A test that fails is run once more (its first failure stays in the
# output): the tests that drive a real Prometheus and gateway in a window
# wait on scrapes and alert evaluation, which a loaded 2-core machine can
# delay past a step. A test that fails twice fails the run.
ctest --output-on-failure --repeat until-pass:2 -j "${JOBS:-$(nproc)}" "$@"
