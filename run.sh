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
# Mocks: MOCK_SUBGRAPHS=glossary (a comma list of subgraph names, or all) serves those subgraphs from their
# contract, schema/<name>.graphql, with mocked data (gateway/mock-subgraph.mjs) in place of the C# services.
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

  local rows name project port port_variable url_variable label ready=() listing="" engine
  rows="$(subgraph_rows)"
  MOCKED="$(mocked_subgraphs "$rows")"

  trap stop_started EXIT
  trap 'exit 130' INT TERM

  if [[ "${1:-}" != "--no-build" ]]; then
    ensure_node_packages
    ensure_dotnet_tools
    # A mocked subgraph's contract may be ahead of its code: composition keeps its SDL as it is.
    build_and_compose_if_changed "$CONFIGURATION" "$DATA_DIR/built-$CONFIGURATION.stamp" "$MOCKED"
  fi
  ensure_signing_key "$DATA_DIR"

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
    label="$name subgraph"
    if is_mocked "$name"; then
      start_mock_subgraph "$name" "$port" "$DATA_DIR"
      label+=" (mocked from its SDL)"
    else
      start_subgraph "$name" "$project" "$CONFIGURATION" "$port" "$DATA_DIR"
    fi
    export "$url_variable=http://127.0.0.1:$port/graphql"
    ready+=("http://127.0.0.1:$port/health/ready")
    listing+="$(printf '  %-47s  %s' "$label" "${!url_variable}")"$'\n'
  done <<<"$rows"
  start_gateway "$CONFIGURATION" "$GATEWAY_PORT" "$DATA_DIR/gateway.log"

  local url
  for url in "${ready[@]}" "http://127.0.0.1:$GATEWAY_PORT/readiness"; do wait_ready "$url"; done

  cat <<MSG

  Web page over the graph                          http://127.0.0.1:$GATEWAY_PORT/
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

# mocked_subgraphs ROWS: the names of MOCK_SUBGRAPHS (a comma list, or all), each checked against ROWS.
mocked_subgraphs() {
  local valid names=() name
  valid="$(cut -d' ' -f1 <<<"$1" | paste -sd' ')"
  if [[ "${MOCK_SUBGRAPHS:-}" == all ]]; then echo "$valid"; return; fi
  IFS=', ' read -ra names <<<"${MOCK_SUBGRAPHS:-}"
  for name in "${names[@]}"; do
    if [[ " $valid " != *" $name "* ]]; then
      log "MOCK_SUBGRAPHS names '$name', which is not a subgraph: use all, or a comma list of: ${valid// /, }"
      return 2
    fi
  done
  echo "${names[*]}"
}

is_mocked() { [[ " $MOCKED " == *" $1 "* ]]; }

# needs_postgres_server ROWS: true unless every subgraph not mocked has a ConnectionStrings__<Project> of its own.
needs_postgres_server() {
  local name project variable
  while read -r name project _; do
    if is_mocked "$name"; then continue; fi
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
