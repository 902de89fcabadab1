#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan) into
# ./build-fuzz, runs each on a scratch copy of its seed corpus for the given
# number of seconds (default 600), two at a time, and writes the figures to
# docs/FUZZING.md. Inputs that crash or break a property are kept in the
# scratch directory; their paths are printed at the end.
#
#   scripts/fuzz.sh [seconds-per-target]
#
# Environment: FUZZ_TARGETS (default: all five), FUZZ_PARALLEL (default 2),
# FUZZ_BUILD_DIR (default build-fuzz), FUZZ_SCRATCH (default a new
# /tmp/pushdeck-fuzz.*), FUZZ_OUTPUT (default docs/FUZZING.md; "-" for none),
# JOBS (compile jobs, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
targets=${FUZZ_TARGETS:-"decoder groupingkey labelmatcher exposition lightrefresh"}
parallel=${FUZZ_PARALLEL:-2}
build=${FUZZ_BUILD_DIR:-$here/build-fuzz}
scratch=${FUZZ_SCRATCH:-$(mktemp -d /tmp/pushdeck-fuzz.XXXXXX)}
output=${FUZZ_OUTPUT:-$here/docs/FUZZING.md}
command_line="${FUZZ_TARGETS:+FUZZ_TARGETS=\"$FUZZ_TARGETS\" }scripts/fuzz.sh $*"
run_date=$(date -u '+%Y-%m-%d %H:%M')

# Keys and selectors are short; JSON answers and exposition text are not.
max_len() {
    case $1 in
        groupingkey|labelmatcher) echo 4096 ;;
        *) echo 65536 ;;
    esac
}

echo "building the fuzz targets in $build" >&2
CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DPUSHDECK_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fuzz_executables=()
for t in $targets; do fuzz_executables+=("fuzz_$t"); done
cmake --build "$build" -j "${JOBS:-2}" --target "${fuzz_executables[@]}"

run_target() {
    local t=$1 dir=$scratch/$1
    mkdir -p "$dir/corpus" "$dir/crashes"
    cp "$here/tests/fuzz/corpus/$t/"* "$dir/corpus/"
    local dict=()
    [[ -f $here/tests/fuzz/$t.dict ]] && dict=(-dict="$here/tests/fuzz/$t.dict")
    echo "fuzzing $t for ${seconds}s (log: $dir/log)" >&2
    # libFuzzer stops at the first crash or broken property; the exit status
    # is read from the log and the crashes directory instead.
    (cd "$dir" && "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
        -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/crashes/" \
        "${dict[@]}" "$dir/corpus" >"$dir/log" 2>&1) || true
}

running=0
for t in $targets; do
    if (( running >= parallel )); then
        wait -n || true
        running=$((running - 1))
    fi
    run_target "$t" &
    running=$((running + 1))
done
wait

# One table row per target from libFuzzer's own log lines:
#   "#123 DONE cov: 1 ft: 2 ...", "Done 123 runs in 600 second(s)",
#   "stat::number_of_executed_units: 123", "stat::average_exec_per_sec: 4".
declare -A row
crash_files=()
for t in $targets; do
    log=$scratch/$t/log
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
    mapfile -t found < <(find "$scratch/$t/crashes" -type f | sort)
    crash_files+=("${found[@]}")
    [[ -n $secs ]] || secs="stopped early"
    row[$t]="| \`fuzz_$t\` | ${secs:-?} | ${runs:-?} | ${eps:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | ${#found[@]} | $run_date |"
done

# Targets not run this time keep their row from the previous file.
rows=""
for t in decoder groupingkey labelmatcher exposition lightrefresh; do
    if [[ -z ${row[$t]:-} && $output != - && -f $output ]]; then
        row[$t]=$(grep -E "^\| \`fuzz_$t\` \| ([0-9]+|stopped early) \|" "$output" | head -1 || true)
    fi
    [[ -z ${row[$t]:-} ]] || rows+="${row[$t]}"$'\n'
done

table="| target | seconds | executions | exec/s | cov | ft | corpus (inputs/bytes) | crashes | started (UTC) |
|---|---|---|---|---|---|---|---|---|
$rows"
echo "$table"

if [[ $output != - ]]; then
    clang_version=$(clang++ --version | head -1)
    # The hand-written part (bugs found and fixed) survives a new run.
    findings=""
    if [[ -f $output ]] && grep -q '^## Findings' "$output"; then
        findings=$(sed -n '/^## Findings/,$p' "$output")
    fi
    cat >"$output" <<DOC
# Fuzzing

The parsers and codecs of \`pushdeck_models\` are fuzzed with libFuzzer, built
with clang, AddressSanitizer and UndefinedBehaviorSanitizer
(\`-DPUSHDECK_FUZZ=ON\`, see \`tests/fuzz/\`). Each target checks properties,
not only the absence of crashes; a broken property aborts and libFuzzer keeps
the input.

| target | what it feeds | properties checked |
|---|---|---|
| \`fuzz_decoder\` | any bytes as \`/api/v1/metrics\` and \`/api/v1/status\` JSON | errors are values of kind Decode or NotAGateway with a message; every decoded group has a valid key with a job, which round-trips through \`toPath\`/\`fromPath\`, \`toString\`/\`parse\` and \`fromLabels\`; no bookkeeping family among the families; buckets and quantiles sorted; decoding twice gives the same keys |
| \`fuzz_groupingkey\` | labels for \`fromLabels\`, selector text for \`parse\`, URL paths for \`fromPath\` (UTF-8 and raw UTF-16) | every valid key: \`fromPath(toPath(k)) == k\` (bare, absolute, and as a full URL with route prefix, query and fragment), \`parse(toString(k)) == k\`, the path has only URL-safe characters and no empty, \`.\` or \`..\` segment, the key's text as a selector matches the key; errors are Invalid/Parse with a column |
| \`fuzz_labelmatcher\` | selector text (UTF-8 and raw UTF-16) | errors carry a column; \`toString()\` re-parses to the same terms and the same text; both agree on label sets built from the terms; a matcher is the AND of its terms; \`=\`/\`!=\` are plain comparisons with absent labels as \`""\`; regexes are anchored |
| \`fuzz_exposition\` | any bytes as text exposition | errors carry line and column; \`parse(write(parse(t))) == parse(t)\` with nothing dropped (one documented Go quirk: a count of 2^64 comes back as 2^63), write∘parse reaches a fixed point after one round with the default options; \`parseValue(formatValue(v)) == v\` |
| \`fuzz_lightrefresh\` | any bytes as \`/metrics\` text | entries have sorted labels without empty values, one per label set; written back as text they scan to the same entries; merged onto exactly those groups, every time is updated and no full read is needed |

Seed inputs are in \`tests/fuzz/corpus/<target>/\` (gateway answers from
\`tests/data/\`, tricky keys, selectors, exposition with histograms,
summaries and escapes), dictionaries in \`tests/fuzz/<target>.dict\`. For the
grouping key target the first byte of an input picks what the rest is (\`P\`
selector, \`U\` path, \`p\`/\`u\` the same as UTF-16, anything else labels);
for the label matcher \`u\` means UTF-16, any other first byte UTF-8
(the first byte itself is never part of the text).

## Last run

- date: $run_date UTC (rows of targets not in this run are from the run named in their row)
- compiler: $clang_version
- command: \`$command_line\` (each target for ${seconds}s, $parallel at a time, on $(nproc) cores shared with other builds)
- scratch directory (grown corpora, logs, crashing inputs): \`$scratch\`

$table
\`cov\` and \`ft\` are libFuzzer's coverage and feature counts at the end of
the run (code in Qt itself is not instrumented and not counted).

## Running

\`\`\`sh
scripts/fuzz.sh            # 600 s per target, writes this file
scripts/fuzz.sh 60         # a quick look
FUZZ_TARGETS=exposition FUZZ_OUTPUT=- scripts/fuzz.sh 300
\`\`\`

By hand: \`CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DPUSHDECK_FUZZ=ON\`,
\`cmake --build build-fuzz -j2\`, then e.g.
\`build-fuzz/tests/fuzz/fuzz_exposition -max_len=65536 -dict=tests/fuzz/exposition.dict CORPUS_DIR\`.
A crashing input is replayed with \`build-fuzz/tests/fuzz/fuzz_exposition crash-...\`.
DOC
    [[ -z $findings ]] || printf '\n%s\n' "$findings" >>"$output"
    echo "wrote $output" >&2
fi

if (( ${#crash_files[@]} > 0 )); then
    echo "crashing inputs:" >&2
    printf '  %s\n' "${crash_files[@]}" >&2
    exit 1
fi
