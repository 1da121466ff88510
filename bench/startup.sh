#!/usr/bin/env bash
# bench/startup.sh [RUNS]: the startup target of issue 6, as a user meets it. Times `./run.sh` on an
# already built tree from the command to its "Ready." line (all three subgraphs and the gateway ready),
# RUNS times (default 3), on ports 63xx so it runs beside ./run.sh; stops each run by its PID.
set -euo pipefail

RUNS="${1:-3}"
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
LOG="$BENCH/.run/startup.log"
mkdir -p "$BENCH/.run"

RUN_PID=""
trap '[[ -n "$RUN_PID" ]] && { kill "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null; } || true' EXIT

# ready_seconds: starts ./run.sh, waits for "Ready.", prints the seconds it took, stops it.
ready_seconds() {
  local start; start="$(date +%s.%N)"
  ROLES_PORT=6301 PATTERNS_PORT=6302 GLOSSARY_PORT=6303 GATEWAY_PORT=6300 "$REPO/run.sh" >"$LOG" 2>&1 &
  RUN_PID=$!
  until grep -q '^  Ready\.' "$LOG"; do
    kill -0 "$RUN_PID" 2>/dev/null || { echo "run.sh exited early; see ${LOG#"$REPO"/}" >&2; exit 1; }
    sleep 0.05
  done
  echo "$(date +%s.%N) - $start" | bc
  kill "$RUN_PID"; wait "$RUN_PID" 2>/dev/null || true
  RUN_PID=""
}

echo "First run (builds and composes if anything changed since the last run.sh):"
echo "  $(ready_seconds) s"
for i in $(seq 1 "$RUNS"); do
  echo "Run $i on the built tree: $(ready_seconds) s ($(grep -c 'skipping both' "$LOG") skip)"
done
