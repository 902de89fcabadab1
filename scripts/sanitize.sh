#!/usr/bin/env bash
# Opt-in, not part of CI: builds PushDeck with gcc's AddressSanitizer and
# UndefinedBehaviorSanitizer into ./build-asan (override with BUILD_DIR) and
# runs the test suite there. Extra arguments go to ctest. SANITIZE_TESTS
# (test names separated by spaces) builds and runs only those tests.
# Leak checking is off by default: Qt's and fontconfig's process-lifetime
# allocations would fail every test; ASAN_OPTIONS overrides it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build-asan}
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
start=$(date +%s)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPUSHDECK_HARDENING=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
ctest_args=()
if [[ -n ${SANITIZE_TESTS:-} ]]; then
    read -ra tests <<<"$SANITIZE_TESTS"
    cmake --build "$build" -j "${JOBS:-2}" --target "${tests[@]}"
    ctest_args=(-R "^($(IFS='|'; echo "${tests[*]}"))\$")
else
    cmake --build "$build" -j "${JOBS:-2}"
fi
built=$(date +%s)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
(cd "$build" && ctest --output-on-failure -j "${JOBS:-2}" "${ctest_args[@]}" "$@") || status=$?
done_at=$(date +%s)
echo "sanitizer build: $((built - start)) s, tests: $((done_at - built)) s, ctest exit status $status" >&2
exit $status
