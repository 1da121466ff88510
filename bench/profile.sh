#!/usr/bin/env bash
# bench/profile.sh: where a subgraph's CPU goes on S1. Starts the roles subgraph (Release, production
# mode) alone, loads it with S1 for the trace's length, samples its threads with dotnet-trace, and
# writes bench/results/profile-<date>.md: CPU per request (process CPU time ÷ requests), then the
# CPU-time samples grouped into stages and the top frames (bench/profile-report.mjs). With --perf it
# samples with Linux perf instead, which sees native code too (SQLite, the GC, the kernel), and writes
# bench/results/perf-<date>.md (bench/perf-report.mjs).
set -euo pipefail

usage() { echo "Usage: bench/profile.sh [--seconds N] [--no-build] [--perf]   (default 10 s; env BENCH_PORT_BASE, default 6200)" >&2; }

SECONDS_TRACED=10 BUILD=1 PERF=0
while (($#)); do
  case "$1" in
    --seconds) SECONDS_TRACED="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --perf) PERF=1; shift ;;
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

# perf names JIT-compiled methods through the runtime's map file, and only when the code is not
# double-mapped (W^X), which perf cannot attribute.
RUNTIME_ENV=()
if ((PERF)); then
  command -v perf >/dev/null || { echo "perf is not installed (Debian: sudo apt-get install linux-perf)." >&2; exit 1; }
  RUNTIME_ENV=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
elif [[ ! -x "$TOOLS/dotnet-trace" ]]; then
  log "Installing dotnet-trace $TRACE_VERSION into bench/.tools"
  dotnet tool install --tool-path "$TOOLS" dotnet-trace --version "$TRACE_VERSION" >/dev/null
fi
if [[ ! -f "$BENCH/node_modules/.package-lock.json" ]]; then
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
fi
((BUILD)) && dotnet build "$REPO/subgraphs/Roles" -c Release -nologo -clp:ErrorsOnly -v:q

rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"
(cd "$REPO/subgraphs/Roles/bin/Release/net10.0" && exec env GRAPH_MODE=production "ConnectionStrings__Roles=Data Source=$RUN_DIR/roles.db" \
    "${RUNTIME_ENV[@]}" dotnet Roles.dll --urls "http://127.0.0.1:$PORT") >"$RUN_DIR/roles.log" 2>&1 &
ROLES_PID=$!
PIDS+=("$ROLES_PID")
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 0.1; done

load() { "$BENCH/node_modules/.bin/autocannon" -c 10 "$@" -m POST -H content-type=application/json -b "$S1" "http://127.0.0.1:$PORT/graphql"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$ROLES_PID/stat"; }
# One line per thread: id, user + system ticks, name. The sampler marks a thread "CPU_TIME" whenever it
# is in managed code, blocked or not (the finalizer thread showed 25% of the samples and 0 ticks), so
# the report weighs each thread's samples by the CPU the kernel counted for it.
thread_ticks() {
  for task in /proc/"$ROLES_PID"/task/*; do
    printf '%s %s\n' "${task##*/}" "$(sed 's/^[^)]*) //' "$task/stat" | awk '{print $12 + $13}') $(tr ' ' '_' <"$task/comm")"
  done
}

log "Warming up (20,000 requests: tiered JIT settles)"
load -a 20000 >/dev/null 2>&1

log "CPU per request over 20,000 requests"
before="$(cpu_ticks)"
load -a 20000 -j >"$RUN_DIR/load.json" 2>/dev/null
after="$(cpu_ticks)"
ticks_per_second="$(getconf CLK_TCK)"

load -d $((SECONDS_TRACED + 4)) >/dev/null 2>&1 &
PIDS+=("$!")
sleep 2
ticks=("$(( after - before ))" "$ticks_per_second")
if ((PERF)); then
  log "Sampling $SECONDS_TRACED s under load (perf, 999 Hz, call graphs)"
  perf record -F 999 -g -p "$ROLES_PID" -o "$RUN_DIR/s1.perf.data" -- sleep "$SECONDS_TRACED" 2>/dev/null
  perf script -i "$RUN_DIR/s1.perf.data" -F comm,tid,ip,sym,dso 2>/dev/null >"$RUN_DIR/s1.perf.txt"
  report=perf
  report_args=("$RUN_DIR/s1.perf.txt" "$RUN_DIR/load.json" "${ticks[@]}")
else
  log "Tracing $SECONDS_TRACED s under load (dotnet-sampled-thread-time)"
  thread_ticks >"$RUN_DIR/threads-before.txt"
  "$TOOLS/dotnet-trace" collect -p "$ROLES_PID" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$(printf '%02d' "$SECONDS_TRACED")" -o "$RUN_DIR/s1.nettrace" >/dev/null
  thread_ticks >"$RUN_DIR/threads-after.txt"
  "$TOOLS/dotnet-trace" convert "$RUN_DIR/s1.nettrace" --format speedscope -o "$RUN_DIR/s1" >/dev/null
  report=profile
  report_args=("$RUN_DIR/s1.speedscope.json" "$RUN_DIR/load.json" "${ticks[@]}" "$RUN_DIR/threads-before.txt" "$RUN_DIR/threads-after.txt")
fi
out="$BENCH/results/$report-$(date -u +%Y-%m-%dT%H-%M-%S).md"
node "$BENCH/$report-report.mjs" "${report_args[@]}" >"$out"
cp "$out" "$BENCH/results/$report-latest.md"
cat "$out"
log "Wrote ${out#"$REPO"/}"
