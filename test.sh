#!/usr/bin/env bash
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Roles]
# Installs what is missing, builds, and runs every test: the subgraph tests, the contract drift
# check, and the end-to-end and browser tests through the real gateway (started by the tests
# themselves on free ports). Ends with "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/.ci/common.sh"

RESULTS_DIR="$REPO_ROOT/tests/TestResults"

# A missing snapshot fails instead of being written: snapshots are made on purpose, with
# `dotnet test` run directly, and committed.
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"

main() {
  ensure_gateway_packages
  ensure_dotnet_tools
  ensure_chromium
  build_solution Debug

  log "Running tests"
  rm -rf "$RESULTS_DIR" "$RESULTS_DIR.log"
  local status=0
  # The in-process subgraph suites run in parallel; the end-to-end suite runs after them, alone,
  # because it starts seven processes and a browser, and 2 cores do not stretch further.
  run_tests "$REPO_ROOT/Federation.sln" --filter "FullyQualifiedName!~Supergraph.Tests" "$@" || status=$?
  run_tests "$REPO_ROOT/tests/Supergraph.Tests" "$@" || status=$?
  summarize "$status"
}

run_tests() {
  dotnet test "$1" --no-build -c Debug --results-directory "$RESULTS_DIR" \
    --logger "trx" --logger "console;verbosity=normal" "${@:2}" | tee -a "$RESULTS_DIR.log"
}

# Counts the outcomes in every project's .trx, so the total covers all test projects.
summarize() {
  local status="$1" passed=0 failed=0 skipped=0 trx
  shopt -s nullglob
  for trx in "$RESULTS_DIR"/*.trx; do
    local counters
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters")))
    skipped=$((skipped + $(attr notExecuted "$counters")))
  done
  if ((failed > 0)); then list_failures; fi
  if ((status != 0 && failed == 0)); then
    log "dotnet test exited with $status without a failed test (a build or runner error): counted as a failure"
    failed=1
  fi
  if ((passed == 0 && failed == 0)); then
    log "No test ran"
    failed=1
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  ((failed == 0))
}

# Names every failed test with the first line of its message, on stdout just above the summary:
# CI keeps only the tail of the output, and the console logger prints failures far above it.
list_failures() {
  echo "Failed tests (details in $RESULTS_DIR.log and the .trx files):"
  awk '
    /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); waiting = 1 }
    waiting && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); printf "  FAILED %s\n         %s\n", name, $0; waiting = 0 }
  ' "$RESULTS_DIR"/*.trx
}

attr() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }

main "$@"
