#!/usr/bin/env bash
# MEABridge XML benchmark: `meabridge convert` (InforMEA Atom XML -> NDJSON) against `xmllint --noout --stream`, and
# `meabridge validate --schema` against `xmllint --noout --stream --schema`, on a large generated Atom feed.
# See Tools/Benchmarks/README.md.
#
# usage: bash Tools/Benchmarks/xml.sh [--size MB] [--iterations N]
#
# Environment (options win over the environment):
#   BENCH_SIZE_MB           feed size in MB of 10^6 bytes (default 500)
#   BENCH_ITERATIONS        runs per measured command (default 3)
#   MEABRIDGE_SCRATCH_PATH  scratch path for building the main package (default: <repo>/.build)
#   MEABRIDGE_BIN           a meabridge binary to measure instead of building one
#   BENCH_SCRATCH_PATH      scratch path for building this package (default: Tools/Benchmarks/.build)
#   BENCH_DATA_DIR          where generated feeds are kept (default: Tools/Benchmarks/data, gitignored)
#
# Exit status: 0 all targets met; 1 a target or a correctness check failed; 2 usage or setup error.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
BENCH_NAME=xml.sh
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

SIZE_MB="${BENCH_SIZE_MB:-500}"
ITERATIONS="${BENCH_ITERATIONS:-3}"
MAIN_SCRATCH="${MEABRIDGE_SCRATCH_PATH:-$REPO_ROOT/.build}"
BENCH_SCRATCH="${BENCH_SCRATCH_PATH:-$BENCH_DIR/.build}"
DATA_DIR="${BENCH_DATA_DIR:-$BENCH_DIR/data}"
SCHEMA="$REPO_ROOT/Schemas/xml/informea-atom.xsd"
CHECK_MB=5               # the small feed used to cross-check record counts
RSS_TARGET_MB=100        # meabridge peak RSS must stay below this (MB = 10^6 bytes)
CONVERT_TARGET=0.7       # meabridge convert >= 0.7 x xmllint --stream
VALIDATE_TARGET=0.9      # meabridge validate --schema >= 0.9 x xmllint --stream --schema

usage() {
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) [[ $# -ge 2 ]] || die "--size needs a value"; SIZE_MB="$2"; shift 2 ;;
        --size=*) SIZE_MB="${1#*=}"; shift ;;
        --iterations) [[ $# -ge 2 ]] || die "--iterations needs a value"; ITERATIONS="$2"; shift 2 ;;
        --iterations=*) ITERATIONS="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
require_count "size (MB)" "$SIZE_MB"
require_count iterations "$ITERATIONS"

# --- prerequisites ---------------------------------------------------------------------------------------------------
require_gnu_time
command -v xmllint >/dev/null || die "xmllint is missing; install it with: apt-get install -y libxml2-utils"
command -v swift >/dev/null || die "swift is not on PATH"
[[ -f "$SCHEMA" ]] || die "no schema at $SCHEMA"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/meabridge-xml-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- builds ----------------------------------------------------------------------------------------------------------
build_meabridge
build_generator generate-atom-feed

# --- feeds -----------------------------------------------------------------------------------------------------------
# ensure_feed MB: sets FEED, FEED_BYTES and FEED_RECORDS (see ensure_data in lib.sh).
ensure_feed() {
    FEED="$DATA_DIR/decisions-${1}MB.atom.xml"
    ensure_data "$FEED" "$1" records
    FEED_BYTES="$DATA_BYTES"
    FEED_RECORDS="$DATA_COUNT"
}

FAILURES=()
CHECKS_OK=1

# --- correctness on a small feed -------------------------------------------------------------------------------------
ensure_feed "$CHECK_MB"
echo "==> checking $FEED"
check_out="$WORK/check.ndjson"
"$MEABRIDGE" convert "$FEED" --from informea-atom --to ndjson -o "$check_out" -q \
    || FAILURES+=("correctness: meabridge convert exited with status $? on $FEED")
check_lines=$( [[ -f "$check_out" ]] && wc -l < "$check_out" || echo 0 )
check_entries=$(grep -c '<category term="informea.Decision"' "$FEED" || true)
check_report="$("$MEABRIDGE" validate "$FEED" --schema "$SCHEMA" || true)"
check_valid=$(grep -c ' 0 errors' <<<"$check_report" || true)
check_xmllint=$(xmllint --noout --stream --schema "$SCHEMA" "$FEED" 2>&1 | tail -n 1)
echo "    generator: $FEED_RECORDS records; Decision entries in the file: $check_entries; meabridge: $check_lines NDJSON lines"
echo "    meabridge validate: $(tail -n 1 <<<"$check_report")"
echo "    xmllint --stream --schema: $check_xmllint"
if [[ "$check_lines" != "$FEED_RECORDS" || "$check_entries" != "$FEED_RECORDS" || "$check_valid" != 1
      || "$check_xmllint" != *validates ]]; then
    FAILURES+=("correctness: the ${CHECK_MB} MB feed does not convert or validate cleanly (see above)")
    CHECKS_OK=0
fi
CHECK_RECORDS="$FEED_RECORDS"
rm -f "$check_out"

# --- the measured feed -----------------------------------------------------------------------------------------------
ensure_feed "$SIZE_MB"
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "==> warming the page cache"
cat "$FEED" > /dev/null

OUT="$WORK/out.ndjson"

TOOLS=("convert" "xmllint" "validate" "xmllint-schema")
for ((i = 1; i <= ITERATIONS; i++)); do
    echo "==> iteration $i/$ITERATIONS"
    rm -f "$OUT"
    measure convert "$FEED_BYTES" "$MEABRIDGE" convert "$FEED" --from informea-atom --to ndjson -o "$OUT" -q
    lines=$( [[ -f "$OUT" ]] && wc -l < "$OUT" || echo 0 )
    MEASURED_LINES="${MEASURED_LINES:+$MEASURED_LINES, }$lines"
    if [[ "$lines" != "$FEED_RECORDS" ]]; then
        FAILURES+=("correctness: iteration $i wrote $lines NDJSON lines, the generator wrote $FEED_RECORDS records")
        CHECKS_OK=0
    fi
    rm -f "$OUT"
    measure xmllint "$FEED_BYTES" xmllint --noout --stream "$FEED"
    # The report goes to a file inside the timed shell, as in `meabridge validate ... > report.txt`.
    measure validate "$FEED_BYTES" bash -c '"$1" validate "$2" --schema "$3" > "$4"' validate "$MEABRIDGE" "$FEED" "$SCHEMA" \
        "$WORK/report.txt"
    if ! grep -q " $FEED_RECORDS records, 0 errors" "$WORK/report.txt"; then
        FAILURES+=("correctness: iteration $i: meabridge validate did not report $FEED_RECORDS records and 0 errors")
        CHECKS_OK=0
    fi
    measure xmllint-schema "$FEED_BYTES" xmllint --noout --stream --schema "$SCHEMA" "$FEED"
done

# --- summary ---------------------------------------------------------------------------------------------------------
print_machine "MEABridge XML benchmark"
echo "xmllint: $(xmllint --version 2>&1 | head -n 1)"
echo "feed: $FEED"
echo "      $(awk -v b="$FEED_BYTES" 'BEGIN { printf "%.2f", b / 1e6 }') MB ($FEED_BYTES bytes), $FEED_RECORDS records; \
$ITERATIONS iterations; MB = 10^6 bytes"
echo "schema: $SCHEMA"
echo
printf '%-44s %10s %12s %12s   %s\n' "command" "best MB/s" "median MB/s" "peak RSS MB" "wall times (s)"
printf '%-44s %10s %12s %12s   %s\n' "-------" "---------" "-----------" "-----------" "--------------"
for tool in "${TOOLS[@]}"; do
    read -r best median rss <<<"$(stats "$tool")"
    case "$tool" in
        convert) label="meabridge convert --to ndjson" ;;
        xmllint) label="xmllint --noout --stream" ;;
        validate) label="meabridge validate --schema" ;;
        xmllint-schema) label="xmllint --noout --stream --schema" ;;
    esac
    printf '%-44s %10s %12s %12s  %s\n' "$label" "$best" "$median" "$rss" "${TIMES[$tool]}"
done

read -r _ convert_median convert_rss <<<"$(stats convert)"
read -r _ xmllint_median _ <<<"$(stats xmllint)"
read -r _ validate_median validate_rss <<<"$(stats validate)"
read -r _ schema_median _ <<<"$(stats xmllint-schema)"
convert_ratio=$(awk -v a="$convert_median" -v b="$xmllint_median" 'BEGIN { printf "%.2f", a / b }')
validate_ratio=$(awk -v a="$validate_median" -v b="$schema_median" 'BEGIN { printf "%.2f", a / b }')
echo
echo "ratios (median MB/s): convert / xmllint --stream = ${convert_ratio}x; validate / xmllint --stream --schema = \
${validate_ratio}x"

echo
echo "targets:"
check_target() {  # LABEL RATIO TARGET
    if awk -v r="$2" -v t="$3" 'BEGIN { exit !(r >= t) }'; then
        echo "  PASS  $1: ${2}x >= ${3}x"
    else
        echo "  FAIL  $1: ${2}x < ${3}x"
        FAILURES+=("throughput: $1 is ${2}x, below ${3}x")
    fi
}
check_target "meabridge convert vs xmllint --stream" "$convert_ratio" "$CONVERT_TARGET"
check_target "meabridge validate --schema vs xmllint --stream --schema" "$validate_ratio" "$VALIDATE_TARGET"
for pair in "convert:$convert_rss" "validate:$validate_rss"; do
    tool="${pair%%:*}"
    rss="${pair#*:}"
    if awk -v r="$rss" -v t="$RSS_TARGET_MB" 'BEGIN { exit !(r < t) }'; then
        echo "  PASS  meabridge $tool peak RSS $rss MB < $RSS_TARGET_MB MB"
    else
        echo "  FAIL  meabridge $tool peak RSS $rss MB >= $RSS_TARGET_MB MB"
        FAILURES+=("memory: meabridge $tool peak RSS $rss MB is not below $RSS_TARGET_MB MB")
    fi
done
echo "  $([[ $CHECKS_OK -eq 1 ]] && echo PASS || echo FAIL)  correctness: on the ${CHECK_MB} MB feed generator \
$CHECK_RECORDS, meabridge $check_lines NDJSON lines, valid for both validators; measured runs wrote $MEASURED_LINES \
NDJSON lines for $FEED_RECORDS records"

if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo
    echo "xml.sh: FAILED:" >&2
    for failure in "${FAILURES[@]}"; do echo "  - $failure" >&2; done
    exit 1
fi
echo
echo "xml.sh: all targets met"
