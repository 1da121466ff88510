#!/usr/bin/env bash
# Usage: ./run.sh
# Installs what is missing, builds (Release), composes the supergraph, and starts the three subgraphs
# and the gateway on 127.0.0.1. Ctrl+C stops everything it started.
# Ports: ROLES_PORT (5101), PATTERNS_PORT (5102), GLOSSARY_PORT (5103), GATEWAY_PORT (4000).
# Mode: GRAPH_MODE=development (the default here: introspection for Banana Cake Pop, suggestions,
# error details) or GRAPH_MODE=production (README, "Modes").
set -euo pipefail
source "$(dirname "$0")/.ci/common.sh"

CONFIGURATION="${CONFIGURATION:-Release}"
DATA_DIR="$REPO_ROOT/.data"
ROLES_PORT="${ROLES_PORT:-5101}"
PATTERNS_PORT="${PATTERNS_PORT:-5102}"
GLOSSARY_PORT="${GLOSSARY_PORT:-5103}"
GATEWAY_PORT="${GATEWAY_PORT:-4000}"
export GRAPH_MODE="${GRAPH_MODE:-development}"

main() {
  trap stop_started EXIT
  trap 'exit 130' INT TERM

  ensure_gateway_packages
  ensure_dotnet_tools
  build_solution "$CONFIGURATION"
  compose_contract "$CONFIGURATION"

  log "Starting subgraphs and gateway in $GRAPH_MODE mode (logs in .data/)"
  start_subgraph Roles "$CONFIGURATION" "$ROLES_PORT" "$DATA_DIR"
  start_subgraph Patterns "$CONFIGURATION" "$PATTERNS_PORT" "$DATA_DIR"
  start_subgraph Glossary "$CONFIGURATION" "$GLOSSARY_PORT" "$DATA_DIR"
  export ROLES_URL="http://127.0.0.1:$ROLES_PORT/graphql"
  export PATTERNS_URL="http://127.0.0.1:$PATTERNS_PORT/graphql"
  export GLOSSARY_URL="http://127.0.0.1:$GLOSSARY_PORT/graphql"
  start_gateway "$GATEWAY_PORT" "$DATA_DIR/gateway.log"

  wait_ready "http://127.0.0.1:$ROLES_PORT/health/ready"
  wait_ready "http://127.0.0.1:$PATTERNS_PORT/health/ready"
  wait_ready "http://127.0.0.1:$GLOSSARY_PORT/health/ready"
  wait_ready "http://127.0.0.1:$GATEWAY_PORT/readiness"

  cat <<MSG

  Gateway (GraphQL, Banana Cake Pop in a browser)  http://127.0.0.1:$GATEWAY_PORT/graphql
  Gateway readiness                                http://127.0.0.1:$GATEWAY_PORT/readiness
  roles subgraph                                   $ROLES_URL
  patterns subgraph                                $PATTERNS_URL
  glossary subgraph                                $GLOSSARY_URL

  Ready. Press Ctrl+C to stop.
MSG
  # Returns when any service exits; the EXIT trap then stops the others.
  wait -n "${STARTED_PIDS[@]}"
  log "A service exited; stopping the rest (see .data/*.log)"
  return 1
}

main "$@"
