#!/usr/bin/env bash
# bench/run.sh: builds, starts every process on 62xx ports (a second set of the subgraphs on a private
# PostgreSQL cluster among them), measures with autocannon (bench/measure.mjs), writes
# bench/results/<date>.md and bench/results/latest.md, and stops everything it started (by PID).
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
# For log, start_postgres (a private cluster; runuser to the postgres user when root) and stop_started, which
# stops it. Its start_subgraph (supervised, in ./run.sh's layout) is replaced by bench's own below.
source "$REPO/.ci/common.sh"

# Every port is BASE plus an offset fixed here, the subgraphs' in the order of subgraphs/subgraphs.json.
BASE="${BENCH_PORT_BASE:-6200}"
GATEWAY_PORT=$((BASE + 10)) HIVE_PORT=$((BASE + 11)) APOLLO_PORT=$((BASE + 12)) BASELINE_PORT=$((BASE + 20))
POSTGRES_PORT=$((BASE + 30))
RUN_DIR="$BENCH/.run"
TOOLS="$BENCH/.tools"
COUNTERS_VERSION=10.0.750501

# The subgraphs of subgraphs/subgraphs.json, "NAME PROJECT PORT URL_VARIABLE" each, on BASE+1, BASE+2, ... in
# its order; the same on PostgreSQL, "NAME-pg PROJECT PORT", on BASE+31, BASE+32, ...
SUBGRAPHS=() PG_SUBGRAPHS=()
registry="$(node "$REPO/gateway/lib/subgraphs.mjs")"
while read -r name project _ _ _ url_variable; do
  PG_SUBGRAPHS+=("$name-pg $project $((POSTGRES_PORT + ${#SUBGRAPHS[@]} + 1))")
  SUBGRAPHS+=("$name $project $((BASE + ${#SUBGRAPHS[@]} + 1)) $url_variable")
done <<<"$registry"

declare -A PID_OF=()   # process name -> PID (the measured processes)
HELPERS=()             # readiness pollers
# The PostgreSQL server goes last, once its clients are gone (stop_started: pg_ctl stop).
stop_all() {
  local pid
  for pid in "${HELPERS[@]}" "${PID_OF[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${HELPERS[@]}" "${PID_OF[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_started
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for port in $(printf '%s\n' "${SUBGRAPHS[@]}" "${PG_SUBGRAPHS[@]}" | cut -d' ' -f3) $GATEWAY_PORT $HIVE_PORT $APOLLO_PORT $BASELINE_PORT $POSTGRES_PORT; do
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
# The engine's binary and Apollo Gateway (gateway/), Hive Gateway and autocannon (bench/).
ensure_node_packages "$REPO/gateway" "$BENCH"
if [[ ! -x "$TOOLS/dotnet-counters" ]]; then
  log "Installing dotnet-counters $COUNTERS_VERSION into bench/.tools (counts the requests reaching each subgraph)"
  dotnet tool install --tool-path "$TOOLS" dotnet-counters --version "$COUNTERS_VERSION" >/dev/null
fi

rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"

# ---- 2. start ------------------------------------------------------------------------------------
now() { date +%s.%N; }
subgraph_urls=()
for subgraph in "${SUBGRAPHS[@]}"; do
  read -r name project port url_variable <<<"$subgraph"
  subgraph_urls+=("$url_variable=http://127.0.0.1:$port/graphql")
done

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

# start NAME READY_URL DIR COMMAND...: runs COMMAND in DIR in production mode, logging to $RUN_DIR/NAME.log.
start() {
  local name="$1" ready="$2" dir="$3" began; shift 3; began="$(now)"
  (cd "$dir" && exec env GRAPH_MODE=production "${subgraph_urls[@]}" "$@") >"$RUN_DIR/$name.log" 2>&1 &
  PID_OF[$name]=$!
  poll_ready "$name" "$ready" "$began"
}

# start_subgraph NAME PROJECT PORT [sqlite|postgres]: the project's folder name is its assembly's and its
# connection string's. On PostgreSQL the connection string is emptied, so the subgraph takes its own
# database on the server of ConnectionStrings__Postgres (start_postgres exports it).
start_subgraph() {
  local name="$1" project="$2" port="$3" engine="${4:-sqlite}" assembly database; assembly="$(basename "$project")"
  database="Data Source=$RUN_DIR/$name.db"
  if [[ "$engine" == postgres ]]; then database=""; fi
  start "$name" "http://127.0.0.1:$port/health/ready" "$REPO/$project/bin/Release/net10.0" \
    "DATABASE=$engine" "ConnectionStrings__${assembly}=$database" dotnet "$assembly.dll" --urls "http://127.0.0.1:$port"
}

wait_helpers() {
  local pid
  for pid in "${HELPERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  HELPERS=()
}

log "Starting the subgraphs and our gateway (the edge, which starts the engine) together; timing each to ready"
for subgraph in "${SUBGRAPHS[@]}"; do
  read -r name project port _ <<<"$subgraph"
  start_subgraph "$name" "$project" "$port"
done
start gateway "http://127.0.0.1:$GATEWAY_PORT/readiness" "$REPO/gateway/Edge/bin/Release/net10.0" \
  "Engine__Home=$RUN_DIR/grafbase-home" dotnet Edge.dll --urls "http://127.0.0.1:$GATEWAY_PORT"
wait_helpers

log "Starting the peers: Hive Gateway (Rust planner), Apollo Gateway, and the bare baseline"
start hive "http://127.0.0.1:$HIVE_PORT/readiness" "$BENCH" \
  HIVE_PORT="$HIVE_PORT" ./node_modules/.bin/hive-gateway supergraph --config-path hive-gateway.config.mjs
start apollo "http://127.0.0.1:$APOLLO_PORT/readiness" "$REPO/gateway" node apollo-reference.mjs "$APOLLO_PORT"
start baseline "http://127.0.0.1:$BASELINE_PORT/health/ready" "$BENCH/Baseline/bin/Release/net10.0" \
  "ConnectionStrings__Roles=Data Source=$RUN_DIR/roles.db" dotnet Baseline.dll --urls "http://127.0.0.1:$BASELINE_PORT"
wait_helpers

# A fresh cluster each run (RUN_DIR was emptied above), on the bench's own server even when
# ConnectionStrings__Postgres names another: its processes' CPU is measured.
log "Starting PostgreSQL (a fresh cluster in bench/.run/postgres) and the subgraphs again on it"
unset ConnectionStrings__Postgres
POSTMASTER_PID="" POSTGRES_VERSION=""
if start_postgres "$RUN_DIR/postgres" "$POSTGRES_PORT"; then
  POSTMASTER_PID="$(head -n 1 "$RUN_DIR/postgres/data/postmaster.pid")"
  POSTGRES_VERSION="$("$PG_BIN/postgres" --version)"
  for subgraph in "${PG_SUBGRAPHS[@]}"; do
    read -r name project port <<<"$subgraph"
    start_subgraph "$name" "$project" "$port" postgres
  done
  wait_helpers
else
  log "PostgreSQL did not start: no -pg rows this run"
fi

READY="" PIDS=""
for name in $(printf '%s\n' "${SUBGRAPHS[@]}" | cut -d' ' -f1) gateway hive apollo baseline $(printf '%s\n' "${PG_SUBGRAPHS[@]}" | cut -d' ' -f1); do
  [[ -n "${PID_OF[$name]:-}" ]] || continue
  t="$(cat "$RUN_DIR/ready.$name" 2>/dev/null || echo -)"
  READY+="$name=$t," PIDS+="$name=${PID_OF[$name]},"
  log "  $name: ready in ${t} s (PID ${PID_OF[$name]})"
done
if [[ -n "$POSTMASTER_PID" ]]; then PIDS+="postgres=$POSTMASTER_PID,"; fi
url_if_ready() { [[ "$(cat "$RUN_DIR/ready.$1" 2>/dev/null || echo -)" != "-" ]] && echo "http://127.0.0.1:$2/graphql" || echo ""; }
measured_subgraph_urls=()
for subgraph in "${SUBGRAPHS[@]}"; do
  read -r name _ port url_variable <<<"$subgraph"
  measured_subgraph_urls+=("$url_variable=$(url_if_ready "$name" "$port")")
done
# The subgraphs on PostgreSQL, "roles=URL,..." by the name of subgraphs.json.
POSTGRES_URLS=""
for subgraph in "${PG_SUBGRAPHS[@]}"; do
  read -r name _ port <<<"$subgraph"
  if [[ -n "${PID_OF[$name]:-}" ]]; then POSTGRES_URLS+="${name%-pg}=$(url_if_ready "$name" "$port"),"; fi
done

# ---- 3 + 4. measure and report -------------------------------------------------------------------
log "Measuring (${WARMUP} s warm-up + ${DURATION} s per row, ${CONNECTIONS} connections)"
(cd "$BENCH" && env DURATION="$DURATION" WARMUP="$WARMUP" CONNECTIONS="$CONNECTIONS" READY="$READY" PIDS="$PIDS" \
    RESULTS_DIR="$BENCH/results" COUNTERS="$TOOLS/dotnet-counters" \
    "${measured_subgraph_urls[@]}" BASELINE_URL="$(url_if_ready baseline "$BASELINE_PORT")" \
    GATEWAY_URL="$(url_if_ready gateway "$GATEWAY_PORT")" HIVE_URL="$(url_if_ready hive "$HIVE_PORT")" \
    APOLLO_URL="$(url_if_ready apollo "$APOLLO_PORT")" POSTGRES_URLS="$POSTGRES_URLS" POSTGRES_VERSION="$POSTGRES_VERSION" \
    node measure.mjs) >"$RUN_DIR/report.md"
log "Report: bench/results/latest.md (logs of this run in bench/.run/)"
