#!/usr/bin/env bash
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Roles]
# Installs what is missing, builds, and runs every test: the subgraph tests, the contract drift
# check, and the end-to-end and browser tests through the real gateway (started by the tests
# themselves on free ports), once on each database engine of TEST_DATABASES ("sqlite postgres", the
# default; TEST_DATABASES=sqlite for a quick run). PostgreSQL runs use the server of
# ConnectionStrings__Postgres when given, else one private cluster for the whole run, in a temp folder,
# on POSTGRES_PORT (a free port by default), removed at the end; each test host makes and drops its own
# databases there. Ends with one line per engine and "N passed, N failed, N skipped" over all of them;
# exits non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/.ci/common.sh"

RESULTS_DIR="$REPO_ROOT/tests/TestResults"
TEST_DATABASES="${TEST_DATABASES:-sqlite postgres}"

# A missing snapshot fails instead of being written: snapshots are made on purpose, with
# `dotnet test` run directly, and committed.
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"

main() {
  local engines=() engine
  for engine in ${TEST_DATABASES//,/ }; do engines+=("$(DATABASE="$engine" database_engine)"); done
  ((${#engines[@]})) || { log "TEST_DATABASES is empty: name sqlite, postgres or both"; return 2; }

  ensure_node_packages
  ensure_dotnet_tools
  ensure_chromium
  build_solution Debug
  build_web_page

  rm -rf "$RESULTS_DIR" "$RESULTS_DIR.log"
  trap stop_test_postgres EXIT
  trap 'exit 130' INT TERM
  if [[ " ${engines[*]} " == *" postgres "* ]]; then start_test_postgres; fi

  # dotnet test takes one --filter: one given here narrows each run's own.
  local filter="" arguments=()
  while (($#)); do
    if [[ "$1" == "--filter" && $# -ge 2 ]]; then filter="$2"; shift 2; else arguments+=("$1"); shift; fi
  done

  local status=0
  for engine in "${engines[@]}"; do
    log "Running tests on $engine"
    export DATABASE="$engine"
    # The in-process subgraph suites run in parallel; the end-to-end suite runs after them, alone,
    # because it starts seven processes and a browser, and 2 cores do not stretch further.
    run_tests "$engine" "$REPO_ROOT/Federation.sln" "FullyQualifiedName!~Supergraph.Tests${filter:+&($filter)}" "${arguments[@]}" || status=$?
    # The replica and outage tests ([Trait("Database", "Postgres")]) are about PostgreSQL alone.
    local supergraph_filter="$filter"
    if [[ "$engine" == sqlite ]]; then supergraph_filter="Database!=Postgres${filter:+&($filter)}"; fi
    run_tests "$engine" "$REPO_ROOT/tests/Supergraph.Tests" "$supergraph_filter" "${arguments[@]}" || status=$?
  done
  summarize "$status" "${engines[@]}"
}

# A throwaway cluster, so no flush to disk: durability buys the tests nothing.
start_test_postgres() {
  if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
    start_postgres ""
    return
  fi
  TEST_POSTGRES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/test-postgres-XXXXXX")"
  start_postgres "$TEST_POSTGRES_DIR" "${POSTGRES_PORT:-$(free_port)}" -c fsync=off -c synchronous_commit=off -c full_page_writes=off
}

stop_test_postgres() {
  stop_started
  if [[ -n "${TEST_POSTGRES_DIR:-}" ]]; then rm -rf "$TEST_POSTGRES_DIR"; fi
}

# A loopback port free at the moment of asking (node is there for the gateway anyway).
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# run_tests ENGINE PROJECT FILTER [ARGUMENTS...]: each engine's .trx files in a folder of their own.
run_tests() {
  local filter=()
  if [[ -n "$3" ]]; then filter=(--filter "$3"); fi
  dotnet test "$2" --no-build -c Debug --results-directory "$RESULTS_DIR/$1" "${filter[@]}" \
    --logger "trx" --logger "console;verbosity=normal" "${@:4}" | tee -a "$RESULTS_DIR.log"
}

# summarize STATUS ENGINE...: counts the outcomes in every project's .trx, per engine and in total.
summarize() {
  local status="$1" passed=0 failed=0 skipped=0 engine
  for engine in "${@:2}"; do
    count_outcomes "$RESULTS_DIR/$engine"
    echo "$engine: $COUNTED_PASSED passed, $COUNTED_FAILED failed, $COUNTED_SKIPPED skipped"
    passed=$((passed + COUNTED_PASSED)) failed=$((failed + COUNTED_FAILED)) skipped=$((skipped + COUNTED_SKIPPED))
  done
  if ((failed > 0)); then list_failures "${@:2}"; fi
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

# count_outcomes DIR: the sums of the .trx files in DIR, in COUNTED_PASSED, COUNTED_FAILED and COUNTED_SKIPPED.
count_outcomes() {
  local trx counters
  COUNTED_PASSED=0 COUNTED_FAILED=0 COUNTED_SKIPPED=0
  shopt -s nullglob
  for trx in "$1"/*.trx; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    COUNTED_PASSED=$((COUNTED_PASSED + $(attr passed "$counters")))
    COUNTED_FAILED=$((COUNTED_FAILED + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters")))
    COUNTED_SKIPPED=$((COUNTED_SKIPPED + $(attr notExecuted "$counters")))
  done
}

# Names every failed test, with its engine and the first line of its message, on stdout just above the
# summary: CI keeps only the tail of the output, and the console logger prints failures far above it.
list_failures() {
  echo "Failed tests (details in $RESULTS_DIR.log and the .trx files):"
  local engine files
  shopt -s nullglob
  for engine in "$@"; do
    files=("$RESULTS_DIR/$engine"/*.trx)
    ((${#files[@]})) || continue
    awk -v engine="$engine" '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); waiting = 1 }
      waiting && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); printf "  FAILED [%s] %s\n         %s\n", engine, name, $0; waiting = 0 }
    ' "${files[@]}"
  done
}

attr() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }

main "$@"
