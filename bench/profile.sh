#!/usr/bin/env bash
# bench/profile.sh: where a subgraph's CPU goes on S1. Starts the roles subgraph (Release, production
# mode) alone, loads it with S1 for the trace's length, samples its threads with dotnet-trace, and
# writes bench/results/profile-<date>.md: CPU per request (process CPU time ÷ requests), then the
# CPU-time samples grouped into stages and the top frames (bench/profile-report.mjs).
set -euo pipefail

usage() { echo "Usage: bench/profile.sh [--seconds N] [--no-build]   (default 10 s; env BENCH_PORT_BASE, default 6200)" >&2; }

SECONDS_TRACED=10 BUILD=1
while (($#)); do
  case "$1" in
    --seconds) SECONDS_TRACED="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
PORT=$((${BENCH_PORT_BASE:-6200} + 31))
RUN_DIR="$BENCH/.run/profile"
TOOLS="$BENCH/.tools"
TRACE_VERSION=10.0.750501
S1='{"query":"{ roles { nodes { id name } } }"}'

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done' EXIT
trap 'exit 130' INT TERM

if [[ ! -x "$TOOLS/dotnet-trace" ]]; then
  log "Installing dotnet-trace $TRACE_VERSION into bench/.tools"
  dotnet tool install --tool-path "$TOOLS" dotnet-trace --version "$TRACE_VERSION" >/dev/null
fi
if [[ ! -f "$BENCH/node_modules/.package-lock.json" ]]; then
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
fi
((BUILD)) && dotnet build "$REPO/subgraphs/Roles" -c Release -nologo -clp:ErrorsOnly -v:q

rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"
(cd "$REPO/subgraphs/Roles/bin/Release/net10.0" && exec env GRAPH_MODE=production "ConnectionStrings__Roles=Data Source=$RUN_DIR/roles.db" \
    dotnet Roles.dll --urls "http://127.0.0.1:$PORT") >"$RUN_DIR/roles.log" 2>&1 &
ROLES_PID=$!
PIDS+=("$ROLES_PID")
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 0.1; done

load() { "$BENCH/node_modules/.bin/autocannon" -c 10 "$@" -m POST -H content-type=application/json -b "$S1" "http://127.0.0.1:$PORT/graphql"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$ROLES_PID/stat"; }

log "Warming up (20,000 requests: tiered JIT settles)"
load -a 20000 >/dev/null 2>&1

log "CPU per request over 20,000 requests"
before="$(cpu_ticks)"
load -a 20000 -j >"$RUN_DIR/load.json" 2>/dev/null
after="$(cpu_ticks)"
ticks_per_second="$(getconf CLK_TCK)"

log "Tracing $SECONDS_TRACED s under load (dotnet-sampled-thread-time)"
load -d $((SECONDS_TRACED + 4)) >/dev/null 2>&1 &
PIDS+=("$!")
sleep 2
"$TOOLS/dotnet-trace" collect -p "$ROLES_PID" --profile dotnet-sampled-thread-time \
  --duration "00:00:00:$(printf '%02d' "$SECONDS_TRACED")" -o "$RUN_DIR/s1.nettrace" >/dev/null
"$TOOLS/dotnet-trace" convert "$RUN_DIR/s1.nettrace" --format speedscope -o "$RUN_DIR/s1" >/dev/null

out="$BENCH/results/profile-$(date -u +%Y-%m-%dT%H-%M-%S).md"
node "$BENCH/profile-report.mjs" "$RUN_DIR/s1.speedscope.json" "$RUN_DIR/load.json" \
  "$(( after - before ))" "$ticks_per_second" >"$out"
cp "$out" "$BENCH/results/profile-latest.md"
cat "$out"
log "Wrote ${out#"$REPO"/}"
