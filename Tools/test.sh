#!/usr/bin/env bash
# Runs every check MEABridge has: system packages, generated tables, formatting, build, all tests.
# Usage (from anywhere): bash Tools/test.sh        CI runs exactly this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in libxml2-dev libarchive-dev libsqlite3-dev pkg-config iso-codes; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "==> installing ${need[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "==> ISO country and language tables match iso-codes"
python3 Tools/generate-iso-tables.py --check

echo "==> swift format lint"
swift format lint --strict --recursive Sources Tests Package.swift

echo "==> swift test"
set +e
swift test >.build-test.log 2>&1
status=$?
set -e
# Everything but the per-test "started" lines and the build progress; the runner's closing line comes last.
grep -vE '^(◇ |\[[0-9]+/[0-9]+\] )' .build-test.log || true
# Swift Testing's closing line, repeated last (parallel tests can print after it), then a plain tally.
total=$(grep -oE 'Test run with [0-9]+ tests?' .build-test.log | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -cE '^✘ Test .* failed after' .build-test.log || true)
grep -E '^(✔|✘) Test run with' .build-test.log | tail -n 1 || true
echo "tests: $((total - failed)) passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$total" -eq 0 ]; then
    echo "error: swift test ran no test" >&2
    exit 1
fi
exit "$status"
