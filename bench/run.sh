#!/usr/bin/env bash
# bench/run.sh: builds, starts every process on 62xx ports, measures with autocannon (bench/measure.mjs),
# writes bench/results/<date>.md and bench/results/latest.md, and stops everything it started (by PID).
set -euo pipefail

usage() {
  cat >&2 <<'USAGE'
Usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--connections N] [--no-build]
  Defaults: --duration 5 --warmup 2 --connections 10. Env BENCH_PORT_BASE (default 6200) moves the ports;
  S1_PAIRS (default 3) is how many alternating pairs of the two S1 rows are measured (the verdict takes the median).
USAGE
}

DURATION=5 WARMUP=2 CONNECTIONS=10 BUILD=1
while (($#)); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
BASE="${BENCH_PORT_BASE:-6200}"
ROLES_PORT=$((BASE + 1)) PATTERNS_PORT=$((BASE + 2)) GLOSSARY_PORT=$((BASE + 3))
HIVE_JS_PORT=$((BASE + 10)) HIVE_RUST_PORT=$((BASE + 11)) APOLLO_PORT=$((BASE + 12)) BASELINE_PORT=$((BASE + 20))
RUN_DIR="$BENCH/.run"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

declare -A PID_OF=()   # process name -> PID (the measured processes)
HELPERS=()             # readiness pollers
stop_all() {
  local pid
  for pid in "${HELPERS[@]}" "${PID_OF[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${HELPERS[@]}" "${PID_OF[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for port in $ROLES_PORT $PATTERNS_PORT $GLOSSARY_PORT $HIVE_JS_PORT $HIVE_RUST_PORT $APOLLO_PORT $BASELINE_PORT; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "Port $port is already in use; set BENCH_PORT_BASE to move the benchmark's ports"; exit 1
  fi
done

# ---- 1. build and install ------------------------------------------------------------------------
if ((BUILD)); then
  log "Building Federation.sln and bench/Baseline (Release)"
  dotnet build "$REPO/Federation.sln" -c Release -nologo -clp:ErrorsOnly -v:q
  dotnet build "$BENCH/Baseline/Baseline.csproj" -c Release -nologo -clp:ErrorsOnly -v:q
fi
if [[ ! -f "$REPO/gateway/node_modules/.package-lock.json" || "$REPO/gateway/package-lock.json" -nt "$REPO/gateway/node_modules/.package-lock.json" ]]; then
  log "Installing gateway packages (npm ci in gateway/)"
  (cd "$REPO/gateway" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [[ ! -f "$BENCH/node_modules/.package-lock.json" || "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]]; then
  log "Installing bench packages (npm ci in bench/)"
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"

# ---- 2. start ------------------------------------------------------------------------------------
now() { date +%s.%N; }

# poll_ready NAME URL START: background poller; writes seconds-to-ready to $RUN_DIR/ready.NAME (gives up after 120 s).
poll_ready() {
  local name="$1" url="$2" start="$3"
  (
    deadline=$((SECONDS + 120))
    until curl -fsS -o /dev/null "$url" 2>/dev/null; do
      ((SECONDS > deadline)) && { echo "-" >"$RUN_DIR/ready.$name"; exit 0; }
      sleep 0.1
    done
    echo "$(now) - $start" | bc >"$RUN_DIR/ready.$name"
  ) &
  HELPERS+=("$!")
}

start_subgraph() {
  local name="$1" port="$2" lower; lower="$(tr '[:upper:]' '[:lower:]' <<<"$name")"
  local start; start="$(now)"
  (cd "$REPO/subgraphs/$name/bin/Release/net10.0" && exec env "ConnectionStrings__${name}=Data Source=$RUN_DIR/$lower.db" \
      dotnet "$name.dll" --urls "http://127.0.0.1:$port") >"$RUN_DIR/$lower.log" 2>&1 &
  PID_OF[$lower]=$!
  poll_ready "$lower" "http://127.0.0.1:$port/health/ready" "$start"
}

start_hive() {
  local name="$1" port="$2" rust="$3" start; start="$(now)"
  (cd "$REPO/gateway" && exec env GATEWAY_PORT="$port" HIVE_ROUTER_RUNTIME="$rust" \
      ROLES_URL="http://127.0.0.1:$ROLES_PORT/graphql" PATTERNS_URL="http://127.0.0.1:$PATTERNS_PORT/graphql" \
      GLOSSARY_URL="http://127.0.0.1:$GLOSSARY_PORT/graphql" \
      ./node_modules/.bin/hive-gateway supergraph --config-path gateway.config.ts) >"$RUN_DIR/$name.log" 2>&1 &
  PID_OF[$name]=$!
  poll_ready "$name" "http://127.0.0.1:$port/readiness" "$start"
}

wait_helpers() {
  local pid
  for pid in "${HELPERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  HELPERS=()
}

log "Starting the three subgraphs and Hive Gateway (JS planner: HIVE_ROUTER_RUNTIME=false) together; timing each to ready"
start_subgraph Roles "$ROLES_PORT"
start_subgraph Patterns "$PATTERNS_PORT"
start_subgraph Glossary "$GLOSSARY_PORT"
start_hive hive-js "$HIVE_JS_PORT" false
wait_helpers

log "Starting Hive Gateway (Rust planner, the default), Apollo Gateway and the baseline"
start_hive hive-rust "$HIVE_RUST_PORT" true
start="$(now)"
(cd "$BENCH" && exec env APOLLO_PORT="$APOLLO_PORT" ROLES_URL="http://127.0.0.1:$ROLES_PORT/graphql" \
    PATTERNS_URL="http://127.0.0.1:$PATTERNS_PORT/graphql" GLOSSARY_URL="http://127.0.0.1:$GLOSSARY_PORT/graphql" \
    node apollo-gateway.mjs) >"$RUN_DIR/apollo.log" 2>&1 &
PID_OF[apollo]=$!
poll_ready apollo "http://127.0.0.1:$APOLLO_PORT/readiness" "$start"
start="$(now)"
(cd "$BENCH/Baseline/bin/Release/net10.0" && exec env "ConnectionStrings__Roles=Data Source=$RUN_DIR/roles.db" \
    dotnet Baseline.dll --urls "http://127.0.0.1:$BASELINE_PORT") >"$RUN_DIR/baseline.log" 2>&1 &
PID_OF[baseline]=$!
poll_ready baseline "http://127.0.0.1:$BASELINE_PORT/health/ready" "$start"
wait_helpers

READY="" PIDS=""
for name in roles patterns glossary hive-js hive-rust apollo baseline; do
  t="$(cat "$RUN_DIR/ready.$name" 2>/dev/null || echo -)"
  READY+="$name=$t," PIDS+="$name=${PID_OF[$name]},"
  log "  $name: ready in ${t} s (PID ${PID_OF[$name]})"
done
url_if_ready() { [[ "$(cat "$RUN_DIR/ready.$1" 2>/dev/null || echo -)" != "-" ]] && echo "$2" || echo ""; }

# ---- 3 + 4. measure and report -------------------------------------------------------------------
log "Measuring (${WARMUP} s warm-up + ${DURATION} s per row, ${CONNECTIONS} connections)"
(cd "$BENCH" && env DURATION="$DURATION" WARMUP="$WARMUP" CONNECTIONS="$CONNECTIONS" READY="$READY" PIDS="$PIDS" \
    RESULTS_DIR="$BENCH/results" \
    ROLES_URL="$(url_if_ready roles "http://127.0.0.1:$ROLES_PORT/graphql")" \
    PATTERNS_URL="$(url_if_ready patterns "http://127.0.0.1:$PATTERNS_PORT/graphql")" \
    GLOSSARY_URL="$(url_if_ready glossary "http://127.0.0.1:$GLOSSARY_PORT/graphql")" \
    BASELINE_URL="$(url_if_ready baseline "http://127.0.0.1:$BASELINE_PORT/graphql")" \
    HIVE_JS_URL="$(url_if_ready hive-js "http://127.0.0.1:$HIVE_JS_PORT/graphql")" \
    HIVE_RUST_URL="$(url_if_ready hive-rust "http://127.0.0.1:$HIVE_RUST_PORT/graphql")" \
    APOLLO_URL="$(url_if_ready apollo "http://127.0.0.1:$APOLLO_PORT/graphql")" \
    node measure.mjs) >"$RUN_DIR/report.md"
log "Report: bench/results/latest.md (logs of this run in bench/.run/)"
