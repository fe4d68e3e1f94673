#!/usr/bin/env bash
# MEABridge batch benchmark: `meabridge batch` on a tar.gz of 10,000 small feeds and 20 large ones.
# See the "Batch" section of Tools/Benchmarks/README.md.
#
# usage: bash Tools/Benchmarks/batch.sh [--small N] [--large N] [--large-mb MB] [--iterations N]
#
# Environment (options win over the environment):
#   BATCH_SMALL             small feeds (default 10000)
#   BATCH_LARGE             large feeds (default 20)
#   BATCH_LARGE_MB          size of each large feed, MB of 10^6 bytes (default 5)
#   BENCH_ITERATIONS        runs per measured command (default 3); the best (shortest) run is reported
#   MEABRIDGE_BIN           a meabridge binary to measure instead of building the main package in release
#   MEABRIDGE_SCRATCH_PATH  scratch path for building the main package (default: <repo>/.build)
#   BENCH_SCRATCH_PATH      scratch path for building this package (default: Tools/Benchmarks/.build)
#   BENCH_DATA_DIR          where generated inputs are kept (default: Tools/Benchmarks/data, gitignored)
#   BENCH_WORK_DIR          where outputs and states are written (default: $TMPDIR or /tmp); /dev/shm measures
#                           the program rather than the disk's cost of creating 10,000 files
#
# Exit status: 0 all targets met; 1 a target or a correctness check failed; 2 usage or setup error.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"

SMALL="${BATCH_SMALL:-10000}"
LARGE="${BATCH_LARGE:-20}"
LARGE_MB="${BATCH_LARGE_MB:-5}"
ITERATIONS="${BENCH_ITERATIONS:-3}"
MAIN_SCRATCH="${MEABRIDGE_SCRATCH_PATH:-$REPO_ROOT/.build}"
BENCH_SCRATCH="${BENCH_SCRATCH_PATH:-$BENCH_DIR/.build}"
DATA_DIR="${BENCH_DATA_DIR:-$BENCH_DIR/data}"
SPEEDUP_TARGET=1.8      # 1 core -> 2 cores
RERUN_TARGET=20         # first run with --state / rerun with the unchanged --state

usage() { sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "batch.sh: error: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --small) [[ $# -ge 2 ]] || die "--small needs a value"; SMALL="$2"; shift 2 ;;
        --large) [[ $# -ge 2 ]] || die "--large needs a value"; LARGE="$2"; shift 2 ;;
        --large-mb) [[ $# -ge 2 ]] || die "--large-mb needs a value"; LARGE_MB="$2"; shift 2 ;;
        --iterations) [[ $# -ge 2 ]] || die "--iterations needs a value"; ITERATIONS="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
for value in "$SMALL" "$LARGE" "$LARGE_MB" "$ITERATIONS"; do
    [[ "$value" =~ ^[0-9]+$ ]] || die "counts and sizes must be whole numbers, got '$value'"
done
[[ "$ITERATIONS" -ge 1 ]] || die "--iterations must be at least 1"

TIME_BIN=/usr/bin/time
[[ -x "$TIME_BIN" ]] || die "$TIME_BIN (GNU time) is missing; install it with: apt-get install -y time"
command -v taskset >/dev/null || die "taskset (util-linux) is missing"
command -v swift >/dev/null || die "swift is not on PATH"
[[ $(nproc) -ge 2 ]] || die "the 1 -> 2 core speed-up needs at least 2 cores (nproc: $(nproc))"

WORK="$(mktemp -d "${BENCH_WORK_DIR:-${TMPDIR:-/tmp}}/meabridge-batch-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- builds ----------------------------------------------------------------------------------------------------------
if [[ -n "${MEABRIDGE_BIN:-}" ]]; then
    MEABRIDGE="$MEABRIDGE_BIN"
    echo "==> measuring $MEABRIDGE"
else
    echo "==> building meabridge (release, scratch path $MAIN_SCRATCH)"
    swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" --product meabridge \
        || die "building the main package failed"
    MEABRIDGE="$(swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" --show-bin-path)/meabridge"
fi
[[ -x "$MEABRIDGE" ]] || die "no meabridge binary at $MEABRIDGE"
"$MEABRIDGE" batch --help >/dev/null 2>&1 || die "$MEABRIDGE has no batch subcommand"

echo "==> building generate-odata-feed (release, scratch path $BENCH_SCRATCH)"
swift build -c release --package-path "$BENCH_DIR" --scratch-path "$BENCH_SCRATCH" --product generate-odata-feed \
    >/dev/null || die "building the benchmark package failed"
GENERATOR="$(swift build -c release --package-path "$BENCH_DIR" --scratch-path "$BENCH_SCRATCH" --show-bin-path)/generate-odata-feed"
[[ -x "$GENERATOR" ]] || die "no generate-odata-feed binary at $GENERATOR"

# --- inputs ----------------------------------------------------------------------------------------------------------
# data/batch-S-L-M/inputs.tar.gz holds S small feeds (small/NNNN/feed-N.json, 1 to 3 Decisions each, shaped like the
# real BRS feeds) and L large ones (large/feed-N.json, M MB each, from generate-odata-feed with seeds 1..L);
# inputs.meta records "FILES RECORDS UNCOMPRESSED_BYTES".
SET="$DATA_DIR/batch-$SMALL-$LARGE-$LARGE_MB"
ARCHIVE="$SET/inputs.tar.gz"
META="$SET/inputs.meta"
if [[ ! -f "$ARCHIVE" || ! -f "$META" ]]; then
    echo "==> generating $SMALL small and $LARGE large feeds into $ARCHIVE"
    rm -rf "$SET"
    mkdir -p "$SET/tree/small" "$SET/tree/large"
    records=0
    for ((i = 1; i <= LARGE; i++)); do
        line="$("$GENERATOR" "$SET/tree/large/feed-$i.json" "$LARGE_MB" --seed "$i")" || die "generate-odata-feed failed"
        n=$(sed -n 's/.*wrote \([0-9][0-9]*\) records.*/\1/p' <<<"$line")
        records=$((records + n))
    done
    small_records=$(awk -v n="$SMALL" -v dir="$SET/tree/small" '
        BEGIN {
            split("stockholm basel rotterdam cms ramsar cites", treaties, " ")
            split("en fr es ru ar zh", languages, " ")
            total = 0
            for (i = 0; i < n; i++) {
                folder = sprintf("%s/%04d", dir, int(i / 100))
                if (i % 100 == 0) system("mkdir -p " folder)
                file = sprintf("%s/feed-%d.json", folder, i)
                count = 1 + i % 3
                printf "{\"d\":{\"results\":[\n" > file
                for (r = 0; r < count; r++) {
                    id = sprintf("%08x-%04x-4%03x-a%03x-%012x", i * 7919 + r, r, i % 4096, r, i)
                    treaty = treaties[1 + (i + r) % 6]
                    lang = languages[1 + (i * 3 + r) % 6]
                    printf "  {\"__metadata\":{\"uri\":\"https://example.org/informea.svc/Decisions(%s)\",", id > file
                    printf "\"type\":\"informea.Decision\"},\"protocolVersion\":1,\"id\":\"%s\",", id > file
                    printf "\"link\":\"https://www.informea.org/decision/%s\",\"type\":\"decision\",", id > file
                    printf "\"status\":\"active\",\"number\":\"%d/%d\",\"treaty\":\"%s\",", 1 + i % 20, r + 1, treaty > file
                    printf "\"published\":\"\\/Date(%d000)\\/\",\"updated\":\"\\/Date(%d000)\\/\",", 1300000000 + i * 60, 1400000000 + i * 60 > file
                    printf "\"meetingId\":\"m-%d\",\"meetingTitle\":\"Meeting %d of the Parties\",", i % 50, i % 50 > file
                    printf "\"title\":{\"results\":[{\"language\":\"en\",\"value\":\"Decision %d on the %s work programme\"}", i, treaty > file
                    if (lang != "en") printf ",{\"language\":\"%s\",\"value\":\"Decision %d (%s)\"}", lang, i, lang > file
                    printf "]},\"summary\":{\"results\":[{\"language\":\"en\",\"value\":\"The Conference of the Parties " > file
                    printf "requests the Secretariat to report on progress at its next meeting (%d).\"}]}}", i > file
                    printf (r + 1 < count ? ",\n" : "\n") > file
                }
                printf "]}}\n" > file
                close(file)
                total += count
            }
            print total
        }')
    records=$((records + small_records))
    bytes=$(du -sb --apparent-size "$SET/tree" | cut -f 1)
    files=$((SMALL + LARGE))
    tar -czf "$ARCHIVE" -C "$SET/tree" small large
    rm -rf "$SET/tree"
    echo "$files $records $bytes" > "$META"
fi
read -r FILES RECORDS BYTES < "$META"
ARCHIVE_BYTES=$(stat -c %s "$ARCHIVE")
echo "    $FILES files, $RECORDS records, $BYTES bytes uncompressed, $ARCHIVE_BYTES bytes compressed"
cat "$ARCHIVE" > /dev/null   # warm the page cache

# --- measurements ----------------------------------------------------------------------------------------------------
FAILURES=()
declare -A BEST RSSMAX

# run NAME OUT -- CMD...: runs CMD under GNU time; keeps the best wall time and the largest peak RSS for NAME.
run() {
    local name="$1"; shift
    local tf="$WORK/time.txt" start end status=0
    start=$(date +%s%N)
    "$TIME_BIN" -f '%e %M' -o "$tf" "$@" 2>"$WORK/stderr.txt" || status=$?
    end=$(date +%s%N)
    if [[ $status -ne 0 ]]; then
        FAILURES+=("$name exited with status $status: $(tail -n 3 "$WORK/stderr.txt" | tr '\n' ' ')")
    fi
    local seconds rss
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
    rss=$(tail -n 1 "$tf" | awk '{ printf "%.1f", $2 * 1024 / 1e6 }')
    if [[ -z "${BEST[$name]:-}" ]] || awk -v a="$seconds" -v b="${BEST[$name]}" 'BEGIN { exit !(a < b) }'; then
        BEST[$name]="$seconds"
    fi
    if [[ -z "${RSSMAX[$name]:-}" ]] || awk -v a="$rss" -v b="${RSSMAX[$name]}" 'BEGIN { exit !(a > b) }'; then
        RSSMAX[$name]="$rss"
    fi
    printf '    %-34s %8.3f s  peak RSS %7.1f MB\n' "$name" "$seconds" "$rss"
}

# check_output PATH: the output holds one file per input and one NDJSON line per record.
check_output() {
    local out="$1" files lines
    if [[ -d "$out" ]]; then
        files=$(find "$out" -type f | wc -l)
        lines=$(find "$out" -type f -print0 | xargs -0 cat | wc -l)
    else
        files=$(tar -tzf "$out" | wc -l)
        lines=$(tar -xzOf "$out" | wc -l)
    fi
    if [[ "$files" != "$FILES" || "$lines" != "$RECORDS" ]]; then
        FAILURES+=("correctness: $out holds $files files and $lines records; expected $FILES and $RECORDS")
    fi
}

COMMON=(batch "$ARCHIVE" --to ndjson -q --progress off --now 2024-06-01T00:00:00Z)
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"
for ((i = 1; i <= ITERATIONS; i++)); do
    echo "==> iteration $i/$ITERATIONS"
    rm -rf "$WORK"/out*
    run "1 core, directory output" taskset -c 0 "$MEABRIDGE" "${COMMON[@]}" --jobs 1 -o "$WORK/out1"
    run "2 cores, directory output" "$MEABRIDGE" "${COMMON[@]}" --jobs 2 -o "$WORK/out2"
    run "1 core, tar.gz output" taskset -c 0 "$MEABRIDGE" "${COMMON[@]}" --jobs 1 -o "$WORK/out1.tar.gz"
    run "2 cores, tar.gz output" "$MEABRIDGE" "${COMMON[@]}" --jobs 2 -o "$WORK/out2.tar.gz"
    if [[ $i -eq 1 ]]; then
        check_output "$WORK/out2"
        check_output "$WORK/out2.tar.gz"
        diff -r "$WORK/out1" "$WORK/out2" >/dev/null || FAILURES+=("correctness: 1 and 2 jobs wrote different outputs")
        cmp -s "$WORK/out1.tar.gz" "$WORK/out2.tar.gz" || FAILURES+=("correctness: the tar.gz outputs differ")
    fi
    rm -f "$WORK"/state*
    run "2 cores, --state, first run" "$MEABRIDGE" "${COMMON[@]}" -o "$WORK/outs.tar.gz" --state "$WORK/state.sqlite"
    cp "$WORK/outs.tar.gz" "$WORK/outs-first.tar.gz"
    run "2 cores, --state, unchanged rerun" "$MEABRIDGE" "${COMMON[@]}" -o "$WORK/outs.tar.gz" \
        --state "$WORK/state.sqlite"
    cmp -s "$WORK/outs.tar.gz" "$WORK/outs-first.tar.gz" \
        || FAILURES+=("correctness: the rerun with an unchanged --state changed the output")
done
LOAD_AFTER="$(cut -d ' ' -f 1-3 /proc/loadavg)"

# --- summary ---------------------------------------------------------------------------------------------------------
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
echo
echo "MEABridge batch benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), \
$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1e6 }' /proc/meminfo)"
echo "load average (1/5/15 min): $LOAD_BEFORE before, $LOAD_AFTER after"
echo "input: $ARCHIVE: $FILES files ($SMALL small, $LARGE × $LARGE_MB MB), $RECORDS records,"
echo "       $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB uncompressed, \
$(awk -v b="$ARCHIVE_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB compressed; best of $ITERATIONS runs; MB = 10^6 bytes"
echo
printf '| %-34s | %9s | %9s | %11s | %11s |\n' "run" "seconds" "files/s" "MB/s (in)" "peak RSS MB"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------" "----------:" "----------:" "------------:" "------------:"
for name in "1 core, directory output" "2 cores, directory output" "1 core, tar.gz output" "2 cores, tar.gz output" \
    "2 cores, --state, first run" "2 cores, --state, unchanged rerun"; do
    printf '| %-34s | %9.3f | %9s | %11s | %11s |\n' "$name" "${BEST[$name]}" "$(rate "$FILES" "${BEST[$name]}")" \
        "$(mbs "$BYTES" "${BEST[$name]}")" "${RSSMAX[$name]}"
done
speedup_dir=$(awk -v a="${BEST["1 core, directory output"]}" -v b="${BEST["2 cores, directory output"]}" 'BEGIN { printf "%.2f", a / b }')
speedup_tgz=$(awk -v a="${BEST["1 core, tar.gz output"]}" -v b="${BEST["2 cores, tar.gz output"]}" 'BEGIN { printf "%.2f", a / b }')
rerun=$(awk -v a="${BEST["2 cores, --state, first run"]}" -v b="${BEST["2 cores, --state, unchanged rerun"]}" 'BEGIN { printf "%.1f", a / b }')
echo
echo "speed-up 1 -> 2 cores: ${speedup_dir}× (directory output), ${speedup_tgz}× (tar.gz output)"
echo "rerun with unchanged --state: ${rerun}× faster than the first run"
echo
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { exit !(v >= t) }' && echo PASS || echo FAIL; }
v1=$(verdict "$speedup_dir" "$SPEEDUP_TARGET")
v2=$(verdict "$rerun" "$RERUN_TARGET")
echo "targets: $v1 speed-up ${speedup_dir}× ≥ ${SPEEDUP_TARGET}× (directory output); $v2 rerun ${rerun}× ≥ ${RERUN_TARGET}×"
[[ "$v1" == PASS ]] || FAILURES+=("speed-up ${speedup_dir}× < ${SPEEDUP_TARGET}×")
[[ "$v2" == PASS ]] || FAILURES+=("rerun ${rerun}× < ${RERUN_TARGET}×")
if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo "FAILED:" >&2
    for failure in "${FAILURES[@]}"; do echo "  - $failure" >&2; done
    exit 1
fi
exit 0
