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
# Database: SQLite files in $DATA_DIR by default; DATABASE=postgres puts each subgraph's database on the
# PostgreSQL server of ConnectionStrings__Postgres (or its own ConnectionStrings__Roles, ...), and with
# neither given starts a private cluster in $DATA_DIR/postgres on 127.0.0.1:POSTGRES_PORT (5433), kept between
# runs, stopped with the rest (installing Debian's postgresql when missing).
# Mode: GRAPH_MODE=development (the default here: introspection for Banana Cake Pop, suggestions,
# error details) or GRAPH_MODE=production (docs/modes.md).
set -euo pipefail
source "$(dirname "$0")/.ci/common.sh"

CONFIGURATION="${CONFIGURATION:-Release}"
DATA_DIR="${DATA_DIR:-$REPO_ROOT/.data}"
GATEWAY_PORT="${GATEWAY_PORT:-4000}"
POSTGRES_PORT="${POSTGRES_PORT:-5433}"  # beside a system server's 5432
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

  local rows name project port port_variable url_variable ready=() listing="" engine
  rows="$(subgraph_rows)"
  engine="$(database_engine)"
  if [[ "$engine" == postgres ]]; then
    local server="each subgraph's ConnectionStrings__<Project>"
    if needs_postgres_server "$rows"; then
      start_postgres "$DATA_DIR/postgres"
      server="$POSTGRES_SERVER"
    fi
    listing+="$(printf '  %-47s  %s' "PostgreSQL (the subgraphs' databases)" "$server")"$'\n'
  fi

  log "Starting subgraphs and gateway in $GRAPH_MODE mode (logs in $DATA_DIR/)"
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

# needs_postgres_server ROWS: true unless every subgraph has a ConnectionStrings__<Project> of its own.
needs_postgres_server() {
  local project variable
  while read -r _ project _; do
    variable="ConnectionStrings__$(basename "$project")"
    if [[ -z "${!variable:-}" ]]; then return 0; fi
  done <<<"$1"
  return 1
}

# A development token, signed with the same key the running subgraphs use (valid for an hour).
print_token() {
  ensure_signing_key "$DATA_DIR"
  local dll="$REPO_ROOT/subgraphs/Roles/bin/$CONFIGURATION/net10.0/Roles.dll"
  [[ -f "$dll" ]] || dotnet build "$REPO_ROOT/subgraphs/Roles" -c "$CONFIGURATION" --nologo -v quiet >&2
  (cd "$(dirname "$dll")" && dotnet Roles.dll token --scope "$1")
}

main "$@"
