#!/usr/bin/env bash
# Builds the benchmarks (tests/bench/, not part of the default build or test
# run), runs each on real gateways at 1k and 10k groups (memory: empty, 10k
# and 100k), and writes BENCHMARKS.md: the machine, the gateway version, the
# date, and every figure as a ratio against a baseline measured in this run.
#
#   scripts/bench.sh
#
# Environment: BUILD_DIR (default ./build), BENCH_SIZES (default "1000 10000"),
# BENCH_MEMORY_SIZES (default "0,10000,100000"; the first must be 0, the
# second is the size the RSS target is for, growth is measured to the last,
# extrapolated to 100k when the last is smaller), BENCH_REPETITIONS (default 7),
# BENCH_OUTPUT (default ./BENCHMARKS.md), JOBS (build jobs, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
sizes=${BENCH_SIZES:-"1000 10000"}
memory_sizes=${BENCH_MEMORY_SIZES:-0,10000,100000}
repetitions=${BENCH_REPETITIONS:-7}
output=${BENCH_OUTPUT:-$here/BENCHMARKS.md}
logs=$(mktemp -d "${TMPDIR:-/tmp}/pushdeck-bench.XXXXXX")

for tool in prometheus-pushgateway curl xargs; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is needed (scripts/setup.sh installs it)" >&2; exit 69; }
done

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
cmake --build "$build" -j "${JOBS:-2}" --target \
    bench_decode bench_bulkdelete bench_refresh bench_ui bench_memory pushdeck

export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows="$logs/rows"
: >"$rows"

# Runs one benchmark, keeps its whole output, and collects its table rows.
run() {
    local name=$1; shift
    echo "== $name $*" >&2
    local log="$logs/$name-$(echo "$*" | tr -c 'a-zA-Z0-9' '_').log"
    local start=$SECONDS
    if ! "$build/tests/bench/$name" "$@" >"$log" 2>"$log.err"; then
        echo "bench.sh: $name $* failed:" >&2
        cat "$log.err" >&2
        exit 1
    fi
    echo "   $((SECONDS - start)) s" >&2
    {
        echo "### \`$name $*\`"
        echo
        echo '```'
        cat "$log"
        grep -v '^$' "$log.err" || true
        echo '```'
        echo
    } >>"$logs/raw.md"
    echo "$log"
}

for n in $sizes; do
    # 1. decode: its own table row; the ratio is its CPU-time speed-up.
    log=$(run bench_decode --groups "$n")
    awk -F'|' -v n="$n" '/^\| [0-9.]+ MB, / {
            # | answer | ours | QJsonDocument + walk | fromJson only | simdjson walk only | speed-ups | RSS |
            gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $5)
            gsub(/^ +| +$/, "", $6); split($7, s, "/"); gsub(/[ x]/, "", s[1]); gsub(/^ +| +$/, "", $8)
            printf "ROW|1. decode /api/v1/metrics (CPU time)|%s|%s|%s (QJsonDocument + same walk)|%.1fx speed-up|≥ 10x speed-up|%s|%s; QJsonDocument::fromJson alone %s, simdjson walk without building values %s; peak RSS growth ours / QJsonDocument %s\n",
                n, $3, $4, s[1], (s[1] + 0 >= 10 ? "yes" : "**no**"), $2, $5, $6, $8
        }' "$log" >>"$rows"
    log=$(run bench_refresh --groups "$n" --repetitions "$repetitions")
    grep '^ROW|' "$log" >>"$rows"
    log=$(run bench_ui --groups "$n")
    grep '^ROW|' "$log" >>"$rows"
    # 6. verified bulk delete: rate against xargs -P8 curl.
    log=$(run bench_bulkdelete "$n")
    awk -F'|' -v n="$n" '/^\| bulk delete/ {
            gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $5)
            printf "ROW|6. verified bulk delete (rate)|%s|%s|%s|%.2fx|≥ 0.8x|%s|snapshot, audit log, verified by re-reading\n",
                n, $3, $4, $5, ($5 + 0 >= 0.8 ? "yes" : "**no**")
        }' "$log" >>"$rows"
done
log=$(run bench_memory --sizes "$memory_sizes")
grep '^ROW|' "$log" >>"$rows"

# ---- BENCHMARKS.md ---------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
gateway_version=$(prometheus-pushgateway --version 2>&1 | head -1)
commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$here" status --porcelain 2>/dev/null | head -1)" ]; then commit="$commit (with uncommitted changes)"; fi
{
    echo "# Benchmarks"
    echo
    echo "Written by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Every ratio is against a baseline"
    echo "measured in the same run, on the same real gateway where one is involved."
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| machine | $(nproc) CPUs ($cpu), $ram RAM, $(uname -sr) |"
    echo "| load average | $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after (1/5/15 min; other work on the machine disturbs the timings) |"
    echo "| gateway | $gateway_version, memory only, \`--push.disable-consistency-check\`, loopback |"
    echo "| PushDeck | commit $commit, $build_type build, Qt $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo 6), simdjson $(dpkg-query -W -f='${Version}' libsimdjson-dev 2>/dev/null || echo '?') |"
    echo "| content | per group: job (20 names), instance (unique), site (4); a gauge pair, a counter and an 8-bucket histogram, plus the gateway's two push time families |"
    echo
    echo "## Figures"
    echo
    echo "| Figure | Groups | PushDeck | Baseline (same run) | Ratio | Target | Met | Notes |"
    echo "|---|---:|---|---|---:|---|---|---|"
    sed 's/^ROW|//; s/^/| /; s/$/ |/' "$rows"
    echo
    misses=$(grep -c '|\*\*no\*\*|' "$rows" || true)
    echo "## Targets missed"
    echo
    if [ "$misses" = 0 ]; then
        echo "None in this run."
    else
        echo "$misses row(s) above miss their target:"
        echo
        awk -F'|' '$8 == "**no**" { printf "- %s at %s groups: %s against %s (%s, target %s). %s\n", $2, $3, $4, $5, $6, $7, $9 }' "$rows"
        echo
        if [ -f "$here/tests/bench/findings.md" ]; then
            echo "Why, and what would close them (from profiling; see \`tests/bench/findings.md\`):"
            echo
            cat "$here/tests/bench/findings.md"
        fi
    fi
    echo
    echo "## How each figure is measured"
    echo
    echo "1. \`bench_decode\`: \`decodeGroups\` (simdjson On-Demand) against \`QJsonDocument::fromJson\` plus a walk into the same \`Group\` values, on the same synthesized answer; CPU time of the thread, median."
    echo "2. \`bench_refresh\`: the light refresh (\`GatewayClient::metricsProtobuf()\`: \`GET /metrics\` as protobuf, delimited, with gzip) against one plain \`GET /api/v1/metrics\`, both through QNetworkAccessManager, alternating, 1 % of the groups pushing again between repetitions. Bytes are the compressed bytes on the wire, cross-checked with \`curl --compressed -H 'Accept: …protobuf…' -w '%{size_download}'\`; time is request to last byte; the gateway's CPU time is read from \`/proc/PID/stat\`. The cadence rows average one full read in \`Poller::fullEvery()\` polls."
    echo "3. \`bench_refresh\`: \`Poller::refreshNow()\` until \`GroupTableModel::setGroups()\` returned, exactly as the GUI wires them, against curl fetching the same endpoint (curl's own \`time_total\`, without process start-up: the stricter baseline)."
    echo "4. \`bench_ui\`: the real \`MainWindow\`, shown on the offscreen platform, a 1 ms \`Qt::PreciseTimer\` on the UI thread; the longest gap between its ticks during each phase. Baseline: the same probe with the window idle."
    echo "5. \`bench_memory\`: VmRSS/VmHWM of the real \`pushdeck --gateway URL\` (offscreen, polling every 2 s with the default light polling) after the refreshes; baseline: the same binary on the empty gateway."
    echo "6. \`bench_bulkdelete\`: \`BulkDeleter\` (undo snapshot, audit log, verified) against \`xargs -P8 -n250 curl -s -o /dev/null -X DELETE\` over the same URLs, best of the rounds."
    echo
    echo "## Raw output"
    echo
    echo "<details><summary>Every benchmark's output in this run</summary>"
    echo
    cat "$logs/raw.md"
    echo "</details>"
} >"$output"
rm -rf "$logs"
echo "wrote $output" >&2
