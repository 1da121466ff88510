#!/usr/bin/env bash
# bench/tracing.sh: what OpenTelemetry export costs (issue 15). For each configuration in turn (export off;
# on, sampling 10%; on, sampling 100%; off again, so drift shows) it starts the three subgraphs and our gateway
# afresh on their own ports (64xx), every .NET process exporting, when on, to a small OTLP/HTTP sink it also
# starts (otlp-sink.mjs); loads G1 through the gateway and S1 on the roles subgraph (tracing.mjs); and stops
# them. Writes bench/results/tracing-latest.md and a dated copy; logs in bench/.run/tracing/. On exit, Ctrl+C
# included, it stops every process it started, by PID.
set -euo pipefail

usage() {
  cat >&2 <<'USAGE'
Usage: bench/tracing.sh [--duration SECONDS] [--warmup SECONDS] [--connections N] [--build | --no-build]
  Defaults: --duration 20 --warmup 15 --connections 10 (about 8 minutes). Builds Federation.sln (Release) only
  when its output is missing, unless --build (always) or --no-build (never). Env TRACING_PORT_BASE
  (default 6400) moves the ports.
USAGE
}

DURATION=20 WARMUP=15 CONNECTIONS=10 BUILD=auto
while (($#)); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --build) BUILD=always; shift ;;
    --no-build) BUILD=never; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
source "$REPO/.ci/common.sh"  # log, build_solution, subgraph_rows, wait_ready

# Ports: the subgraphs BASE+1, BASE+2, ... in the order of subgraphs/subgraphs.json, the gateway BASE+10, the sink BASE+20.
BASE="${TRACING_PORT_BASE:-6400}"
GATEWAY_PORT=$((BASE + 10)) SINK_PORT=$((BASE + 20))
SINK_URL="http://127.0.0.1:$SINK_PORT"
RUN_DIR="$BENCH/.run/tracing"

# "NAME PROJECT PORT URL_VARIABLE" per subgraph.
SUBGRAPHS=()
registry="$(subgraph_rows)"
while read -r name project _ _ _ url_variable; do
  SUBGRAPHS+=("$name $project $((BASE + ${#SUBGRAPHS[@]} + 1)) $url_variable")
done <<<"$registry"

# Only this script decides what is exported and sampled: no OTEL_* variable of the caller's reaches a process.
while read -r variable; do unset "$variable"; done < <(compgen -e | grep '^OTEL_' || true)

declare -A PID_OF=()  # the services of the configuration being measured: name -> PID
SINK_PID=""
stop_services() {
  local pid
  for pid in "${PID_OF[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PID_OF[@]}"; do wait "$pid" 2>/dev/null || true; done
  PID_OF=()
}
# The sink goes last, so it receives what the services flush as they stop.
stop_sink() {
  if [[ -n "$SINK_PID" ]]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; fi
}
trap 'stop_services; stop_sink' EXIT
trap 'exit 130' INT TERM

for port in $(printf '%s\n' "${SUBGRAPHS[@]}" | cut -d' ' -f3) "$GATEWAY_PORT" "$SINK_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "Port $port is already in use; set TRACING_PORT_BASE to move this script's ports"; exit 1
  fi
done

# ---- build and install ---------------------------------------------------------------------------
outputs_missing() {
  local subgraph project
  [[ -f "$REPO/gateway/Edge/bin/Release/net10.0/Edge.dll" ]] || return 0
  for subgraph in "${SUBGRAPHS[@]}"; do
    read -r _ project _ _ <<<"$subgraph"
    [[ -f "$REPO/$project/bin/Release/net10.0/$(basename "$project").dll" ]] || return 0
  done
  return 1
}
if [[ "$BUILD" == always ]] || { [[ "$BUILD" == auto ]] && outputs_missing; }; then
  build_solution Release
fi
ensure_node_packages "$REPO/gateway" "$BENCH"

rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR"

# ---- one configuration ---------------------------------------------------------------------------
subgraph_urls=()
for subgraph in "${SUBGRAPHS[@]}"; do
  read -r _ _ port url_variable <<<"$subgraph"
  subgraph_urls+=("$url_variable=http://127.0.0.1:$port/graphql")
done

# start NAME DIR COMMAND...: runs COMMAND in DIR in production mode with the configuration's OTEL_* variables,
# logging to $LOGS/NAME.log.
start() {
  local name="$1" dir="$2"; shift 2
  (cd "$dir" && exec env GRAPH_MODE=production "${subgraph_urls[@]}" "${otel[@]}" "$@") >"$LOGS/$name.log" 2>&1 &
  PID_OF[$name]=$!
}

# run_configuration N LABEL RATIO: RATIO empty = export off.
run_configuration() {
  local n="$1" label="$2" ratio="$3" name project port pids=""
  LOGS="$RUN_DIR/$n" && mkdir -p "$LOGS"
  otel=()
  if [[ -n "$ratio" ]]; then
    otel=(OTEL_EXPORTER_OTLP_ENDPOINT="$SINK_URL" OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG="$ratio")
  fi
  log "Configuration $n: export ${ratio:+on, sample }$label"
  node "$BENCH/otlp-sink.mjs" "$SINK_PORT" >"$LOGS/sink.log" 2>&1 &
  SINK_PID=$!
  wait_ready "$SINK_URL/counts" 10

  for subgraph in "${SUBGRAPHS[@]}"; do
    read -r name project port _ <<<"$subgraph"
    start "$name" "$REPO/$project/bin/Release/net10.0" DATABASE=sqlite "ConnectionStrings__$(basename "$project")=Data Source=$LOGS/$name.db" \
      dotnet "$(basename "$project").dll" --urls "http://127.0.0.1:$port"
  done
  start gateway "$REPO/gateway/Edge/bin/Release/net10.0" "Engine__Home=$RUN_DIR/grafbase-home" dotnet Edge.dll --urls "http://127.0.0.1:$GATEWAY_PORT"
  for subgraph in "${SUBGRAPHS[@]}"; do
    read -r name _ port _ <<<"$subgraph"
    wait_ready "http://127.0.0.1:$port/health/ready" 180
    pids+="$name=${PID_OF[$name]},"
  done
  wait_ready "http://127.0.0.1:$GATEWAY_PORT/readiness" 180

  (cd "$BENCH" && env LABEL="$label" SAMPLE="${ratio:+$label}" GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/graphql" "${subgraph_urls[@]}" \
      PIDS="${pids}gateway=${PID_OF[gateway]},sink=$SINK_PID" SINK_URL="$SINK_URL" OUT="$RUN_DIR/$n.json" \
      DURATION="$DURATION" WARMUP="$WARMUP" CONNECTIONS="$CONNECTIONS" node tracing.mjs measure)
  stop_services
  curl -fsS "$SINK_URL/counts" >"$RUN_DIR/$n.sink.json"
  stop_sink
}

log "Four configurations, each ${WARMUP} s warm-up + ${DURATION} s for G1 and again for S1, ${CONNECTIONS} connections; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_configuration 1 off ""
run_configuration 2 10% 0.1
run_configuration 3 100% 1
run_configuration 4 off ""

(cd "$BENCH" && env RUN_DIR="$RUN_DIR" RESULTS_DIR="$BENCH/results" DURATION="$DURATION" WARMUP="$WARMUP" CONNECTIONS="$CONNECTIONS" \
  node tracing.mjs report) >"$RUN_DIR/report.md"
log "Report: bench/results/tracing-latest.md (logs of this run in bench/.run/tracing/)"
