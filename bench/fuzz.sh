#!/usr/bin/env bash
# Usage: bench/fuzz.sh [REQUESTS]
# The fuzz tests of ./test.sh with more requests (default 10,000 per endpoint): each subgraph in
# memory, then the real gateway in front of the three. Prints each status-code histogram; fails on any 5xx.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
source "$REPO/.ci/common.sh"

main() {
  export FUZZ_REQUESTS="${1:-10000}"
  ensure_node_packages
  build_solution Debug
  log "Fuzzing with $FUZZ_REQUESTS requests per endpoint"
  dotnet test "$REPO/Federation.sln" --no-build -c Debug --filter "FullyQualifiedName~Fuzz" \
    --logger "console;verbosity=detailed" | grep -E "requests:|^\s+[a-z0-9-]+: [0-9]|Passed!|Failed!|\[FAIL\]"
}

main "$@"
