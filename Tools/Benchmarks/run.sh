#!/usr/bin/env bash
# MEABridge throughput benchmark: `meabridge convert` (InforMEA OData JSON -> NDJSON) against `jq -c '.d.results[]'`
# on a large generated Decisions feed. See Tools/Benchmarks/README.md.
#
# usage: bash Tools/Benchmarks/run.sh [--size MB] [--iterations N] [--no-inspect]
#
# Environment (options win over the environment):
#   BENCH_SIZE_MB           feed size in MB of 10^6 bytes (default 500)
#   BENCH_ITERATIONS        runs per measured command (default 3)
#   MEABRIDGE_SCRATCH_PATH  scratch path for building the main package (default: <repo>/.build)
#   BENCH_SCRATCH_PATH      scratch path for building this package (default: Tools/Benchmarks/.build)
#   BENCH_DATA_DIR          where generated feeds are kept (default: Tools/Benchmarks/data, gitignored)
#   MEABRIDGE_BIN           a meabridge binary to measure instead of building one
#
# Exit status: 0 all targets met; 1 a target or a correctness check failed; 2 usage or setup error.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
BENCH_NAME=run.sh
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

SIZE_MB="${BENCH_SIZE_MB:-500}"
ITERATIONS="${BENCH_ITERATIONS:-3}"
MAIN_SCRATCH="${MEABRIDGE_SCRATCH_PATH:-$REPO_ROOT/.build}"
BENCH_SCRATCH="${BENCH_SCRATCH_PATH:-$BENCH_DIR/.build}"
DATA_DIR="${BENCH_DATA_DIR:-$BENCH_DIR/data}"
CHECK_MB=5             # the small feed used to cross-check record counts with jq
RSS_TARGET_MB=100      # meabridge peak RSS must stay below this (MB = 10^6 bytes)
RUN_INSPECT=1

usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) [[ $# -ge 2 ]] || die "--size needs a value"; SIZE_MB="$2"; shift 2 ;;
        --size=*) SIZE_MB="${1#*=}"; shift ;;
        --iterations) [[ $# -ge 2 ]] || die "--iterations needs a value"; ITERATIONS="$2"; shift 2 ;;
        --iterations=*) ITERATIONS="${1#*=}"; shift ;;
        --no-inspect) RUN_INSPECT=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
require_count "size (MB)" "$SIZE_MB"
require_count iterations "$ITERATIONS"

# --- prerequisites ---------------------------------------------------------------------------------------------------
require_gnu_time
command -v jq >/dev/null || die "jq is missing; install it with: apt-get install -y jq"
command -v swift >/dev/null || die "swift is not on PATH"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/meabridge-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- builds ----------------------------------------------------------------------------------------------------------
build_meabridge
build_generator generate-odata-feed

# --- feeds -----------------------------------------------------------------------------------------------------------
# ensure_feed MB: sets FEED, FEED_BYTES and FEED_RECORDS (see ensure_data in lib.sh).
ensure_feed() {
    FEED="$DATA_DIR/decisions-${1}MB.json"
    ensure_data "$FEED" "$1" records
    FEED_BYTES="$DATA_BYTES"
    FEED_RECORDS="$DATA_COUNT"
}

FAILURES=()
COUNTS_OK=1   # cleared by any record-count mismatch

# --- correctness on a small feed -------------------------------------------------------------------------------------
ensure_feed "$CHECK_MB"
echo "==> checking record counts on $FEED"
check_out="$WORK/check.ndjson"
"$MEABRIDGE" convert "$FEED" --from informea-odata-json --to ndjson -o "$check_out" -q \
    || FAILURES+=("correctness: meabridge convert exited with status $? on $FEED")
check_lines=$( [[ -f "$check_out" ]] && wc -l < "$check_out" || echo 0 )
check_jq=$(jq '.d.results | length' "$FEED")
echo "    generator: $FEED_RECORDS records; meabridge: $check_lines NDJSON lines; jq '.d.results | length': $check_jq"
if [[ "$check_lines" != "$FEED_RECORDS" || "$check_jq" != "$FEED_RECORDS" ]]; then
    FAILURES+=("correctness: record counts differ on $FEED (generator $FEED_RECORDS, meabridge $check_lines, jq $check_jq)")
    COUNTS_OK=0
fi
CHECK_RECORDS="$FEED_RECORDS"
rm -f "$check_out"

# --- the measured feed -----------------------------------------------------------------------------------------------
ensure_feed "$SIZE_MB"
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "==> warming the page cache"
cat "$FEED" > /dev/null

OUT="$WORK/out.ndjson"

TOOLS=(meabridge jq)
[[ $RUN_INSPECT -eq 1 ]] && TOOLS+=("meabridge inspect")
for ((i = 1; i <= ITERATIONS; i++)); do
    echo "==> iteration $i/$ITERATIONS"
    rm -f "$OUT"
    measure meabridge "$FEED_BYTES" "$MEABRIDGE" convert "$FEED" --from informea-odata-json --to ndjson -o "$OUT" -q
    lines=$( [[ -f "$OUT" ]] && wc -l < "$OUT" || echo 0 )
    MEASURED_LINES="${MEASURED_LINES:+$MEASURED_LINES, }$lines"
    if [[ "$lines" != "$FEED_RECORDS" ]]; then
        FAILURES+=("correctness: iteration $i wrote $lines NDJSON lines, the generator wrote $FEED_RECORDS records")
        COUNTS_OK=0
    fi
    rm -f "$OUT"
    # jq's stdout goes to /dev/null: the redirection is inside the timed shell, as in `jq ... FEED > /dev/null`.
    measure jq "$FEED_BYTES" bash -c 'jq -c ".d.results[]" "$1" > /dev/null' jq "$FEED"
    if [[ $RUN_INSPECT -eq 1 ]]; then
        # Reading only (parse + map to the canonical model, no NDJSON writing): separates reading from writing.
        measure "meabridge inspect" "$FEED_BYTES" bash -c '"$1" inspect --from informea-odata-json "$2" > /dev/null' inspect \
            "$MEABRIDGE" "$FEED"
    fi
done

# --- summary ---------------------------------------------------------------------------------------------------------
read -r mb_best mb_median mb_rss <<<"$(stats meabridge)"
read -r jq_best jq_median jq_rss <<<"$(stats jq)"

print_machine "MEABridge benchmark"
echo "jq: $(jq --version)"
echo "feed: $FEED"
echo "      $(awk -v b="$FEED_BYTES" 'BEGIN { printf "%.2f", b / 1e6 }') MB ($FEED_BYTES bytes), $FEED_RECORDS records; \
$ITERATIONS iterations; MB = 10^6 bytes"
echo
printf '%-22s %12s %12s %14s   %s\n' "tool" "best MB/s" "median MB/s" "peak RSS MB" "wall times (s)"
printf '%-22s %12s %12s %14s   %s\n' "----" "---------" "-----------" "-----------" "--------------"
for tool in "${TOOLS[@]}"; do
    read -r best median rss <<<"$(stats "$tool")"
    label="$tool"
    [[ "$tool" == "meabridge" ]] && label="meabridge convert"
    [[ "$tool" == "jq" ]] && label="jq -c '.d.results[]'"
    [[ "$tool" == "meabridge inspect" ]] && label="meabridge inspect (*)"
    printf '%-22s %12s %12s %14s  %s\n' "$label" "$best" "$median" "$rss" "${TIMES[$tool]}"
done
echo
awk -v a="$mb_best" -v b="$jq_best" -v c="$mb_median" -v d="$jq_median" -v e="$mb_rss" -v f="$jq_rss" 'BEGIN {
    printf "ratio meabridge/jq: throughput %.2fx (best), %.2fx (median); peak RSS %.3fx\n", a / b, c / d, e / f
}'
[[ $RUN_INSPECT -eq 1 ]] && echo "(*) informational: reading and mapping only, no output written; not a target"

echo
echo "targets:"
if awk -v m="$mb_median" -v j="$jq_median" 'BEGIN { exit !(m > j) }'; then
    echo "  PASS  meabridge is faster than jq (median $mb_median MB/s > $jq_median MB/s)"
else
    echo "  FAIL  meabridge is not faster than jq (median $mb_median MB/s <= $jq_median MB/s)"
    FAILURES+=("throughput: meabridge median $mb_median MB/s is not above jq's $jq_median MB/s")
fi
if awk -v r="$mb_rss" -v t="$RSS_TARGET_MB" 'BEGIN { exit !(r < t) }'; then
    echo "  PASS  meabridge peak RSS $mb_rss MB < $RSS_TARGET_MB MB"
else
    echo "  FAIL  meabridge peak RSS $mb_rss MB >= $RSS_TARGET_MB MB"
    FAILURES+=("memory: meabridge peak RSS $mb_rss MB is not below $RSS_TARGET_MB MB")
fi
echo "  $([[ $COUNTS_OK -eq 1 ]] && echo PASS || echo FAIL)  record counts: on the ${CHECK_MB} MB feed generator \
$CHECK_RECORDS, meabridge $check_lines NDJSON lines, jq length $check_jq; \
measured runs wrote $MEASURED_LINES NDJSON lines for $FEED_RECORDS records"

if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo
    echo "run.sh: FAILED:" >&2
    for failure in "${FAILURES[@]}"; do echo "  - $failure" >&2; done
    exit 1
fi
echo
echo "run.sh: all targets met"
