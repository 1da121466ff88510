#!/usr/bin/env bash
# Usage: ./run.sh [--no-build]   (or: ./run.sh token [scope], which prints a bearer token for writes)
# Installs what is missing, builds (Release), composes the supergraph, and starts the three subgraphs
# and the gateway on 127.0.0.1 (--no-build: starts what is built, skipping installs, build and
# composition). A subgraph that dies is started again, with backoff; the gateway's edge restarts its
# engine the same way. Ctrl+C stops everything it started; if the edge itself dies, this script stops
# the rest and exits with the edge's exit code. The key that signs write tokens is made once, in
# $DATA_DIR/signing-key (.data/ by default), and given to every subgraph.
# Ports: GATEWAY_PORT (4000), and for each subgraph of subgraphs/subgraphs.json its portVariable
# (ROLES_PORT, PATTERNS_PORT, GLOSSARY_PORT), by default its port there.
# Mode: GRAPH_MODE=development (the default here: introspection for Banana Cake Pop, suggestions,
# error details) or GRAPH_MODE=production (docs/modes.md).
set -euo pipefail
source "$(dirname "$0")/.ci/common.sh"

CONFIGURATION="${CONFIGURATION:-Release}"
DATA_DIR="${DATA_DIR:-$REPO_ROOT/.data}"
GATEWAY_PORT="${GATEWAY_PORT:-4000}"
export GRAPH_MODE="${GRAPH_MODE:-development}"

main() {
  if [[ "${1:-}" == "token" ]]; then
    print_token "${2:-graph:write}"
    return
  fi

  trap stop_started EXIT
  trap 'exit 130' INT TERM

  if [[ "${1:-}" != "--no-build" ]]; then
    ensure_gateway_packages
    ensure_dotnet_tools
    build_and_compose_if_changed "$CONFIGURATION" "$DATA_DIR/built-$CONFIGURATION.stamp"
  fi
  ensure_signing_key "$DATA_DIR"

  log "Starting subgraphs and gateway in $GRAPH_MODE mode (logs in $DATA_DIR/)"
  local rows name project port port_variable url_variable ready=() listing=""
  rows="$(subgraph_rows)"
  while read -r name project port _ port_variable url_variable; do
    port="${!port_variable:-$port}"
    start_subgraph "$name" "$project" "$CONFIGURATION" "$port" "$DATA_DIR"
    export "$url_variable=http://127.0.0.1:$port/graphql"
    ready+=("http://127.0.0.1:$port/health/ready")
    listing+="$(printf '  %-47s  %s' "$name subgraph" "${!url_variable}")"$'\n'
  done <<<"$rows"
  start_gateway "$CONFIGURATION" "$GATEWAY_PORT" "$DATA_DIR/gateway.log"

  local url
  for url in "${ready[@]}" "http://127.0.0.1:$GATEWAY_PORT/readiness"; do wait_ready "$url"; done

  cat <<MSG

  Gateway (GraphQL, Banana Cake Pop in a browser)  http://127.0.0.1:$GATEWAY_PORT/graphql
  Gateway readiness                                http://127.0.0.1:$GATEWAY_PORT/readiness
$listing
  Ready. Press Ctrl+C to stop.
MSG
  # The subgraphs' supervisors run until stopped; only the edge's exit ends the script (the EXIT trap
  # then stops the rest).
  local status=0
  wait "$GATEWAY_PID" || status=$?
  log "The gateway exited ($(exit_reason "$status")); stopping the rest (see $DATA_DIR/gateway.log)"
  return "$status"
}

# A development token, signed with the same key the running subgraphs use (valid for an hour).
print_token() {
  ensure_signing_key "$DATA_DIR"
  local dll="$REPO_ROOT/subgraphs/Roles/bin/$CONFIGURATION/net10.0/Roles.dll"
  [[ -f "$dll" ]] || dotnet build "$REPO_ROOT/subgraphs/Roles" -c "$CONFIGURATION" --nologo -v quiet >&2
  (cd "$(dirname "$dll")" && dotnet Roles.dll token --scope "$1")
}

main "$@"
