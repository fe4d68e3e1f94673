#!/usr/bin/env bash
# MEABridge CSV benchmark: `meabridge convert --from cites-trade-csv --to ndjson` and `meabridge validate --schema`
# on a generated CITES Trade Database-shaped CSV (1 GB by default), beside `mlr --icsv --ojson cat` on the same file
# and `frictionless validate` on a slice, plus the raw tokenizer and the table-schema pass alone, in one run.
# See Tools/Benchmarks/README.md ("CSV benchmark").
#
# usage: bash Tools/Benchmarks/csv.sh [--size MB] [--iterations N] [--slice ROWS] [--no-install]
#
# Environment (options win over the environment):
#   BENCH_SIZE_MB           file size in MB of 10^6 bytes (default 1000)
#   BENCH_ITERATIONS        runs per measured command (default 1)
#   BENCH_SLICE_ROWS        rows of the slice frictionless validates (default 100000, about 13 MB)
#   MEABRIDGE_SCRATCH_PATH  scratch path for building the main package (default: <repo>/.build)
#   MEABRIDGE_BIN           a meabridge binary to use instead of building one
#   BENCH_SCRATCH_PATH      where the CSV tools package is generated and built (default: Tools/Benchmarks/.build)
#   BENCH_DATA_DIR          where generated files are kept (default: Tools/Benchmarks/data, gitignored)
#
# Exit status: 0 all targets met; 1 a target or a correctness check failed; 2 usage or setup error.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"

SIZE_MB="${BENCH_SIZE_MB:-1000}"
ITERATIONS="${BENCH_ITERATIONS:-1}"
SLICE_ROWS="${BENCH_SLICE_ROWS:-100000}"
MAIN_SCRATCH="${MEABRIDGE_SCRATCH_PATH:-$REPO_ROOT/.build}"
BENCH_SCRATCH="${BENCH_SCRATCH_PATH:-$BENCH_DIR/.build}"
DATA_DIR="${BENCH_DATA_DIR:-$BENCH_DIR/data}"
SCHEMA="$REPO_ROOT/Schemas/csv/cites-trade-db.table-schema.json"
CHECK_MB=5             # the small file the record counts are cross-checked on
RSS_TARGET_MB=100      # meabridge peak RSS must stay below this (MB = 10^6 bytes)
INSTALL=1

usage() {
    sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() {  # setup or usage error
    echo "csv.sh: error: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) [[ $# -ge 2 ]] || die "--size needs a value"; SIZE_MB="$2"; shift 2 ;;
        --size=*) SIZE_MB="${1#*=}"; shift ;;
        --iterations) [[ $# -ge 2 ]] || die "--iterations needs a value"; ITERATIONS="$2"; shift 2 ;;
        --iterations=*) ITERATIONS="${1#*=}"; shift ;;
        --slice) [[ $# -ge 2 ]] || die "--slice needs a value"; SLICE_ROWS="$2"; shift 2 ;;
        --slice=*) SLICE_ROWS="${1#*=}"; shift ;;
        --no-install) INSTALL=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ "$SIZE_MB" =~ ^[1-9][0-9]*$ ]] || die "size must be a positive whole number of MB, got '$SIZE_MB'"
[[ "$ITERATIONS" =~ ^[1-9][0-9]*$ ]] || die "iterations must be a positive whole number, got '$ITERATIONS'"
[[ "$SLICE_ROWS" =~ ^[1-9][0-9]*$ ]] || die "slice must be a positive whole number of rows, got '$SLICE_ROWS'"

# --- prerequisites ---------------------------------------------------------------------------------------------------
TIME_BIN=/usr/bin/time
if [[ "$(id -u)" -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
if ! command -v mlr >/dev/null || [[ ! -x "$TIME_BIN" ]]; then
    [[ $INSTALL -eq 1 ]] || die "mlr (miller) or GNU time is missing; install them with: apt-get install -y miller time"
    echo "==> installing miller and time (apt-get)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq miller time >/dev/null \
        || die "apt-get install miller time failed"
fi
if ! command -v frictionless >/dev/null; then
    [[ $INSTALL -eq 1 ]] || die "frictionless is missing; install it with: pip install frictionless"
    echo "==> installing frictionless (pip)"
    python3 -m pip install --quiet frictionless || die "pip install frictionless failed"
fi
command -v swift >/dev/null || die "swift is not on PATH"
"$TIME_BIN" -f '%e %M' -o /dev/null true 2>/dev/null || die "$TIME_BIN does not accept -f/-o (GNU time is needed)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/meabridge-csv-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- builds ----------------------------------------------------------------------------------------------------------
if [[ -n "${MEABRIDGE_BIN:-}" ]]; then
    MEABRIDGE="$MEABRIDGE_BIN"
    echo "==> using $MEABRIDGE"
else
    echo "==> building meabridge (release, scratch path $MAIN_SCRATCH)"
    swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" --product meabridge \
        || die "building the main package failed"
    MEABRIDGE="$(swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" --show-bin-path)/meabridge"
fi
[[ -x "$MEABRIDGE" ]] || die "no meabridge binary at $MEABRIDGE"
"$MEABRIDGE" formats 2>/dev/null | grep -q cites-trade-csv || die "$MEABRIDGE has no cites-trade-csv reader"

# The generator with MEABridge's CSV and CITES modules linked in (for --tokenize, --validate and --read): a small
# package generated
# here whose targets are the repository's own folders, so the Benchmarks manifest needs no dependency on the main one.
TOOLS_DIR="$BENCH_SCRATCH/csv-tools"
mkdir -p "$TOOLS_DIR/Sources"
for module in MEABridgeCore MEABridgeJSON MEABridgeCSV MEABridgeFormatSupport MEABridgeCITES; do ln -sfn "$REPO_ROOT/Sources/$module" "$TOOLS_DIR/Sources/$module"; done
ln -sfn "$BENCH_DIR/Sources/generate-trade-csv" "$TOOLS_DIR/Sources/generate-trade-csv"
cat > "$TOOLS_DIR/Package.swift" <<'EOF'
// swift-tools-version: 6.2
// Generated by Tools/Benchmarks/csv.sh: generate-trade-csv with MEABridge's CSV module (symbolic links to the
// repository's folders).
import PackageDescription

let collections = Target.Dependency.product(name: "OrderedCollections", package: "swift-collections")
let package = Package(
    name: "MEABridgeCSVTools",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/apple/swift-collections", from: "1.6.0")],
    targets: [
        .target(name: "MEABridgeCore", dependencies: [collections]),
        .target(name: "MEABridgeJSON", dependencies: ["MEABridgeCore"]),
        .target(name: "MEABridgeCSV", dependencies: ["MEABridgeCore", "MEABridgeJSON"]),
        .target(name: "MEABridgeFormatSupport", dependencies: ["MEABridgeCore", "MEABridgeJSON", collections]),
        .target(
            name: "MEABridgeCITES",
            dependencies: ["MEABridgeCore", "MEABridgeCSV", "MEABridgeJSON", "MEABridgeFormatSupport", collections]
        ),
        .executableTarget(
            name: "generate-trade-csv",
            dependencies: ["MEABridgeCSV", "MEABridgeCore", "MEABridgeCITES"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
for target in package.targets {
    target.swiftSettings = [
        .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
EOF
echo "==> building generate-trade-csv with MEABridgeCSV (release, $TOOLS_DIR)"
swift build -c release --package-path "$TOOLS_DIR" --product generate-trade-csv >/dev/null \
    || die "building the CSV tools package in $TOOLS_DIR failed"
GENERATOR="$(swift build -c release --package-path "$TOOLS_DIR" --show-bin-path)/generate-trade-csv"
[[ -x "$GENERATOR" ]] || die "no generate-trade-csv binary at $GENERATOR"

# --- files -----------------------------------------------------------------------------------------------------------
# ensure_file MB: sets FILE, FILE_BYTES and FILE_ROWS; generates the file when it is missing, smaller than requested,
# or its row count (kept in FILE.rows, "ROWS BYTES") does not match it.
ensure_file() {
    local mb="$1"
    FILE="$DATA_DIR/trade-${mb}MB.csv"
    local meta="$FILE.rows" want=$((mb * 1000000)) actual=0 rows="" bytes=""
    [[ -f "$FILE" ]] && actual=$(stat -c %s "$FILE")
    [[ -f "$meta" ]] && read -r rows bytes < "$meta" || true
    if [[ ! -f "$FILE" || "$actual" -lt "$want" || -z "$rows" || "$bytes" != "$actual" ]]; then
        mkdir -p "$DATA_DIR"
        echo "==> generating $FILE ($mb MB)"
        local line
        line="$("$GENERATOR" "$FILE" "$mb")" || die "generate-trade-csv failed"
        echo "    $line"
        rows=$(sed -n 's/.*wrote \([0-9][0-9]*\) rows, \([0-9][0-9]*\) bytes.*/\1/p' <<<"$line")
        bytes=$(sed -n 's/.*wrote \([0-9][0-9]*\) rows, \([0-9][0-9]*\) bytes.*/\2/p' <<<"$line")
        [[ -n "$rows" && -n "$bytes" ]] || die "cannot parse the generator's output: $line"
        echo "$rows $bytes" > "$meta"
    else
        echo "==> reusing $FILE ($rows rows, $bytes bytes)"
    fi
    FILE_BYTES="$bytes"
    FILE_ROWS="$rows"
}

FAILURES=()
COUNTS_OK=1

# --- correctness on a small file -------------------------------------------------------------------------------------
ensure_file "$CHECK_MB"
echo "==> checking row counts on $FILE"
check_out="$WORK/check.ndjson"
"$MEABRIDGE" convert "$FILE" --from cites-trade-csv --to ndjson -o "$check_out" -q \
    || FAILURES+=("correctness: meabridge convert exited with status $? on $FILE")
check_lines=$( [[ -f "$check_out" ]] && wc -l < "$check_out" || echo 0 )
check_mlr=$(mlr --icsv --ojson count "$FILE" | grep -o '[0-9][0-9]*' | head -n 1)
check_tokens=$("$GENERATOR" --tokenize "$FILE" | sed -n 's/.*tokenized \([0-9][0-9]*\) rows.*/\1/p')
echo "    generator: $FILE_ROWS rows; meabridge: $check_lines NDJSON lines; mlr count: $check_mlr;" \
    "tokenizer: $check_tokens rows with the header"
if [[ "$check_lines" != "$FILE_ROWS" || "$check_mlr" != "$FILE_ROWS" || "$check_tokens" != "$((FILE_ROWS + 1))" ]]; then
    FAILURES+=("correctness: row counts differ on $FILE (generator $FILE_ROWS, meabridge $check_lines, mlr $check_mlr, tokenizer $check_tokens)")
    COUNTS_OK=0
fi
CHECK_ROWS="$FILE_ROWS"
rm -f "$check_out"

# --- the measured file and its slice ---------------------------------------------------------------------------------
ensure_file "$SIZE_MB"
SLICE="$DATA_DIR/trade-${SIZE_MB}MB-slice${SLICE_ROWS}.csv"
if [[ ! -f "$SLICE" ]]; then
    "$GENERATOR" --slice "$SLICE_ROWS" "$FILE" "$SLICE" >/dev/null || die "cannot slice $FILE"
fi
SLICE_BYTES=$(stat -c %s "$SLICE")
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "==> warming the page cache"
cat "$FILE" "$SLICE" > /dev/null

OUT="$WORK/out.ndjson"
declare -A TIMES RSS BYTES

# measure TOOL BYTES CMD...: runs CMD under GNU time; appends wall seconds and peak RSS (KiB) to TIMES/RSS[TOOL].
measure() {
    local tool="$1" bytes="$2"; shift 2
    local tf="$WORK/time.txt" start end status=0
    start=$(date +%s%N)
    "$TIME_BIN" -f '%e %M' -o "$tf" "$@" || status=$?
    end=$(date +%s%N)
    if [[ $status -ne 0 ]]; then
        echo "csv.sh: $tool exited with status $status" >&2
        FAILURES+=("$tool exited with status $status")
    fi
    local seconds rss
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
    rss=$(tail -n 1 "$tf" | awk '{ print $2 }')
    TIMES[$tool]="${TIMES[$tool]:-} $seconds"
    RSS[$tool]="${RSS[$tool]:-} $rss"
    BYTES[$tool]="$bytes"
    printf '    %-34s %8.3f s  %8.1f MB/s  peak RSS %8.1f MB\n' "$tool" "$seconds" \
        "$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { print b / 1e6 / s }')" \
        "$(awk -v k="$rss" 'BEGIN { print k * 1024 / 1e6 }')"
}

TOOLS=("tokenizer" "meabridge convert" "mlr" "meabridge validate" "table-schema pass" "one-pass reader" \
    "frictionless (slice)" "meabridge validate (slice)" "table-schema pass (slice)")
for ((i = 1; i <= ITERATIONS; i++)); do
    echo "==> iteration $i/$ITERATIONS"
    measure "tokenizer" "$FILE_BYTES" "$GENERATOR" --tokenize "$FILE"
    rm -f "$OUT"
    measure "meabridge convert" "$FILE_BYTES" "$MEABRIDGE" convert "$FILE" --from cites-trade-csv --to ndjson -o "$OUT" -q
    lines=$( [[ -f "$OUT" ]] && wc -l < "$OUT" || echo 0 )
    MEASURED_LINES="${MEASURED_LINES:+$MEASURED_LINES, }$lines"
    if [[ "$lines" != "$FILE_ROWS" ]]; then
        FAILURES+=("correctness: iteration $i wrote $lines NDJSON lines for $FILE_ROWS rows")
        COUNTS_OK=0
    fi
    rm -f "$OUT"
    # mlr's output goes to /dev/null inside the timed shell.
    measure "mlr" "$FILE_BYTES" bash -c 'mlr --icsv --ojson cat "$1" > /dev/null' mlr "$FILE"
    measure "meabridge validate" "$FILE_BYTES" bash -c '"$1" validate "$2" --from cites-trade-csv --schema "$3" > /dev/null' \
        validate "$MEABRIDGE" "$FILE" "$SCHEMA"
    measure "table-schema pass" "$FILE_BYTES" bash -c '"$1" --validate "$2" "$3" > /dev/null' pass "$GENERATOR" "$FILE" "$SCHEMA"
    measure "one-pass reader" "$FILE_BYTES" bash -c '"$1" --read "$2" "$3" > /dev/null' read "$GENERATOR" "$FILE" "$SCHEMA"
    measure "frictionless (slice)" "$SLICE_BYTES" bash -c \
        'frictionless validate "$1" --schema "$2" --trusted > /dev/null' frictionless "$SLICE" "$SCHEMA"
    measure "meabridge validate (slice)" "$SLICE_BYTES" bash -c \
        '"$1" validate "$2" --from cites-trade-csv --schema "$3" > /dev/null' validate "$MEABRIDGE" "$SLICE" "$SCHEMA"
    measure "table-schema pass (slice)" "$SLICE_BYTES" bash -c '"$1" --validate "$2" "$3" > /dev/null' pass \
        "$GENERATOR" "$SLICE" "$SCHEMA"
done

# --- summary ---------------------------------------------------------------------------------------------------------
# stats TOOL: prints "best_mbs median_mbs peak_rss_mb" for TOOL.
stats() {
    local tool="$1"
    awk -v b="${BYTES[$tool]}" -v times="${TIMES[$tool]}" -v rss="${RSS[$tool]}" 'BEGIN {
        n = split(times, t, " "); split(rss, r, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
        median = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
        peak = 0; for (i in r) if (r[i] + 0 > peak) peak = r[i] + 0
        printf "%.2f %.2f %.1f\n", b / 1e6 / t[1], b / 1e6 / median, peak * 1024 / 1e6
    }'
}

echo
echo "MEABridge CSV benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), \
$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1e6 }' /proc/meminfo)"
echo "load average (1/5/15 min): $LOAD_BEFORE before the runs, $(cut -d ' ' -f 1-3 /proc/loadavg) after"
echo "swift: $(swift --version 2>/dev/null | head -n 1)"
echo "mlr: $(mlr --version); frictionless: $(frictionless --version 2>/dev/null | tail -n 1)"
echo "file: $FILE, $(awk -v b="$FILE_BYTES" 'BEGIN { printf "%.2f", b / 1e6 }') MB, $FILE_ROWS rows"
echo "slice: $SLICE, $(awk -v b="$SLICE_BYTES" 'BEGIN { printf "%.2f", b / 1e6 }') MB, $SLICE_ROWS rows"
echo "$ITERATIONS iteration(s); MB = 10^6 bytes; schema: Schemas/csv/cites-trade-db.table-schema.json"
echo
printf '%-30s %12s %12s %14s   %s\n' "tool" "best MB/s" "median MB/s" "peak RSS MB" "wall times (s)"
printf '%-30s %12s %12s %14s   %s\n' "----" "---------" "-----------" "-----------" "--------------"
for tool in "${TOOLS[@]}"; do
    read -r best median rss <<<"$(stats "$tool")"
    printf '%-30s %12s %12s %14s  %s\n' "$tool" "$best" "$median" "$rss" "${TIMES[$tool]}"
done

read -r _ convert_median convert_rss <<<"$(stats "meabridge convert")"
read -r _ mlr_median _ <<<"$(stats "mlr")"
read -r _ validate_median validate_rss <<<"$(stats "meabridge validate")"
read -r _ tokenizer_median _ <<<"$(stats "tokenizer")"
read -r _ friction_median _ <<<"$(stats "frictionless (slice)")"
read -r _ slice_validate_median _ <<<"$(stats "meabridge validate (slice)")"
read -r _ slice_pass_median _ <<<"$(stats "table-schema pass (slice)")"

echo
awk -v c="$convert_median" -v m="$mlr_median" -v v="$slice_validate_median" -v p="$slice_pass_median" \
    -v f="$friction_median" 'BEGIN {
    printf "ratios (medians): convert/mlr %.2fx; validate/frictionless %.2fx (slice); table-schema pass/frictionless %.2fx (slice)\n", c / m, v / f, p / f
}'
echo
echo "targets:"
check() {  # check NAME CONDITION-AWK-EXPRESSION MESSAGE
    if awk "BEGIN { exit !($2) }"; then
        echo "  PASS  $3"
    else
        echo "  FAIL  $3"
        FAILURES+=("$1: $3")
    fi
}
check throughput "$convert_median >= 3 * $mlr_median" \
    "meabridge convert is at least 3x mlr (median $convert_median MB/s vs $mlr_median MB/s)"
check validation "$slice_validate_median >= 20 * $friction_median" \
    "meabridge validate --schema is at least 20x frictionless on the slice ($slice_validate_median MB/s vs $friction_median MB/s)"
check memory "$convert_rss < $RSS_TARGET_MB && $validate_rss < $RSS_TARGET_MB" \
    "peak RSS under $RSS_TARGET_MB MB (convert $convert_rss MB, validate $validate_rss MB)"
check tokenizer "$tokenizer_median >= 400" "raw tokenizer at least 400 MB/s (median $tokenizer_median MB/s)"
echo "  $([[ $COUNTS_OK -eq 1 ]] && echo PASS || echo FAIL)  row counts: on the ${CHECK_MB} MB file generator \
$CHECK_ROWS, meabridge $check_lines NDJSON lines, mlr $check_mlr, tokenizer $check_tokens (with the header); measured \
converts wrote $MEASURED_LINES lines for $FILE_ROWS rows"
echo "(the table-schema pass rows are informational: the table-schema validator alone, no records or rules; so is"
echo " the one-pass reader row: cites-trade-csv with the schema checked in the same pass, records dropped, no rules:"
echo " the ceiling of meabridge validate --schema, whose other thread runs the harmonised rules)"

if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo
    echo "csv.sh: FAILED:" >&2
    for failure in "${FAILURES[@]}"; do echo "  - $failure" >&2; done
    exit 1
fi
echo
echo "csv.sh: all targets met"
