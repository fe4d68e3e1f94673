# Shared by the benchmark scripts (run.sh, xml.sh, csv.sh): sourced, not run. Each script sets BENCH_NAME (its name in
# messages), BENCH_DIR, REPO_ROOT, MAIN_SCRATCH, BENCH_SCRATCH, DATA_DIR and WORK before calling these.

die() {  # setup or usage error
    echo "$BENCH_NAME: error: $*" >&2
    exit 2
}

# require_count NAME VALUE: VALUE must be a positive whole number.
require_count() {
    [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, got '$2'"
}

# require_gnu_time: sets TIME_BIN to GNU time, which must accept -f and -o.
require_gnu_time() {
    TIME_BIN=/usr/bin/time
    [[ -x "$TIME_BIN" ]] || die "$TIME_BIN (GNU time) is missing; install it with: apt-get install -y time"
    "$TIME_BIN" -f '%e %M' -o /dev/null true 2>/dev/null || die "$TIME_BIN does not accept -f/-o (GNU time is needed)"
}

# build_meabridge: sets MEABRIDGE to MEABRIDGE_BIN, or to a release build of the main package.
build_meabridge() {
    if [[ -n "${MEABRIDGE_BIN:-}" ]]; then
        MEABRIDGE="$MEABRIDGE_BIN"
        echo "==> using meabridge at $MEABRIDGE"
    else
        echo "==> building meabridge (release, scratch path $MAIN_SCRATCH)"
        swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" --product meabridge \
            || die "building the main package failed"
        MEABRIDGE="$(swift build -c release --package-path "$REPO_ROOT" --scratch-path "$MAIN_SCRATCH" \
            --show-bin-path)/meabridge"
    fi
    [[ -x "$MEABRIDGE" ]] || die "no meabridge binary at $MEABRIDGE"
}

# build_generator PRODUCT: sets GENERATOR to a release build of PRODUCT of this package.
build_generator() {
    local product="$1"
    echo "==> building $product (release, scratch path $BENCH_SCRATCH)"
    swift build -c release --package-path "$BENCH_DIR" --scratch-path "$BENCH_SCRATCH" --product "$product" \
        || die "building the benchmark package failed"
    GENERATOR="$(swift build -c release --package-path "$BENCH_DIR" --scratch-path "$BENCH_SCRATCH" \
        --show-bin-path)/$product"
    [[ -x "$GENERATOR" ]] || die "no $product binary at $GENERATOR"
}

# ensure_data PATH MB UNIT: generates PATH with "$GENERATOR PATH MB" when it is missing, smaller than requested, or
# its count (kept in PATH.UNIT, "COUNT BYTES") does not match it; the generator prints "wrote N UNIT, B bytes".
# Sets DATA_BYTES and DATA_COUNT.
ensure_data() {
    local path="$1" mb="$2" unit="$3"
    local meta="$path.$unit" want=$((mb * 1000000)) actual=0 count="" bytes=""
    [[ -f "$path" ]] && actual=$(stat -c %s "$path")
    [[ -f "$meta" ]] && read -r count bytes < "$meta" || true
    if [[ ! -f "$path" || "$actual" -lt "$want" || -z "$count" || "$bytes" != "$actual" ]]; then
        mkdir -p "$(dirname "$path")"
        echo "==> generating $path ($mb MB)"
        local line
        line="$("$GENERATOR" "$path" "$mb")" || die "$(basename "$GENERATOR") failed"
        echo "    $line"
        count=$(sed -n "s/.*wrote \([0-9][0-9]*\) $unit, \([0-9][0-9]*\) bytes.*/\1/p" <<<"$line")
        bytes=$(sed -n "s/.*wrote \([0-9][0-9]*\) $unit, \([0-9][0-9]*\) bytes.*/\2/p" <<<"$line")
        [[ -n "$count" && -n "$bytes" ]] || die "cannot parse the generator's output: $line"
        echo "$count $bytes" > "$meta"
    else
        echo "==> reusing $path ($count $unit, $bytes bytes)"
    fi
    DATA_BYTES="$bytes"
    DATA_COUNT="$count"
}

declare -A TIMES RSS BYTES   # per tool: space-separated seconds / KiB; the input's size in bytes

# measure TOOL BYTES CMD...: runs CMD under GNU time, appends wall seconds and peak RSS (KiB) to TIMES[TOOL] /
# RSS[TOOL] and prints MB/s for an input of BYTES. Wall time is taken with date +%s%N around the run (ns resolution;
# %e only has 10 ms); %M gives the peak RSS. A failing CMD is added to FAILURES.
measure() {
    local tool="$1" bytes="$2"; shift 2
    local tf="$WORK/time.txt" start end status=0
    start=$(date +%s%N)
    "$TIME_BIN" -f '%e %M' -o "$tf" "$@" || status=$?
    end=$(date +%s%N)
    if [[ $status -ne 0 ]]; then
        echo "$BENCH_NAME: $tool exited with status $status" >&2
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

# print_machine TITLE: the summary's header lines (title, machine, load averages, Swift).
print_machine() {
    echo
    echo "$1 — $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), \
$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1e6 }' /proc/meminfo)"
    echo "load average (1/5/15 min): $LOAD_BEFORE before the runs, $(cut -d ' ' -f 1-3 /proc/loadavg) after"
    echo "swift: $(swift --version 2>/dev/null | head -n 1)"
}
