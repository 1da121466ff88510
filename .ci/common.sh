# Shared steps of ./run.sh and ./test.sh: installs (each idempotent), the build, the contract, and
# starting services as tracked background processes. Sourced, never run on its own.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STARTED_PIDS=()
POSTGRES_STOP=()  # the command that stops the PostgreSQL server start_postgres started, if it did

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

# ensure_node_packages [FOLDER...]: npm ci only when node_modules is missing or older than the lockfile (it costs
# ~45 s and 500 MB). By default in gateway/ (the engine, Banana Cake Pop, composition and test tools) and clients/
# (the typed client's generator, the web page's bundler and its browser test); bench/ names its own.
ensure_node_packages() {
  local folder folders=("$@")
  ((${#folders[@]})) || folders=("$REPO_ROOT/gateway" "$REPO_ROOT/clients")
  for folder in "${folders[@]}"; do
    if [[ ! -f "$folder/node_modules/.package-lock.json" || "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]]; then
      log "Installing ${folder#"$REPO_ROOT/"}/ packages (npm ci)"
      (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

ensure_dotnet_tools() {
  (cd "$REPO_ROOT" && dotnet tool restore >/dev/null)
}

# Debian's chromium, for the browser test. apt-get update runs only when the package is missing.
ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return; fi
  apt_install chromium
}

# Debian's PostgreSQL server, for DATABASE=postgres without a server of one's own. PG_BIN is the newest
# version's folder of initdb, pg_ctl and postgres: Debian puts only client wrappers on the PATH.
ensure_postgres() {
  PG_BIN="$(postgres_bin)"
  if [[ -n "$PG_BIN" ]]; then return; fi
  apt_install postgresql
  PG_BIN="$(postgres_bin)"
  [[ -n "$PG_BIN" ]] || { log "apt-get installed postgresql, but no /usr/lib/postgresql/*/bin/initdb"; return 1; }
}

postgres_bin() {
  local bin
  for bin in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x "$bin/initdb" ]]; then echo "$bin"; return; fi
  done
}

# apt_install PACKAGE: apt-get update, then the package, quietly; with sudo unless root.
apt_install() {
  log "Installing $1 (apt-get)"
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}

build_solution() {
  local configuration="$1"
  log "Building ($configuration)"
  dotnet build "$REPO_ROOT/Federation.sln" -c "$configuration" -nologo -clp:ErrorsOnly -v:q
}

# What the build and the composition read. A file newer than the stamp of the last successful
# build-and-compose means both run again; `git checkout` and editors give changed files a new mtime.
BUILD_INPUTS=(subgraphs gateway/Edge tests Federation.sln global.json Directory.Build.props Directory.Packages.props
  .config/dotnet-tools.json gateway/compose.mjs gateway/package-lock.json schema clients/typescript clients/web clients/package-lock.json)

# build_and_compose_if_changed CONFIGURATION STAMP [KEEP]: a no-op `dotnet build` plus compose costs ~12 s
# of the start-up, so on an unchanged tree both are skipped (the README's "./run.sh on a built tree").
build_and_compose_if_changed() {
  local configuration="$1" stamp="$2" keep="${3:-}" changed
  if [[ -f "$stamp" ]]; then
    changed="$(cd "$REPO_ROOT" && find "${BUILD_INPUTS[@]}" \( -name bin -o -name obj -o -name TestResults -o -name __mismatch__ -o -name dist -o -name node_modules \) -prune \
      -o -type f -newer "$stamp" -print -quit 2>/dev/null)"
    if [[ -z "$changed" ]]; then
      log "Build and contract are up to date (nothing changed since $(date -r "$stamp" '+%F %T')); skipping both"
      return
    fi
    log "Changed since the last build: ${changed#./} (and maybe more)"
  fi
  build_solution "$configuration"
  compose_contract "$configuration" "$keep"
  generate_client
  build_web_page
  mkdir -p "$(dirname "$stamp")"
  touch "$stamp"
}

# compose_contract CONFIGURATION [KEEP]: exports every subgraph's SDL, except those KEEP names (space or comma
# separated: contracts ahead of their code, served mocked), and composes schema/supergraph.graphql
# (gateway/compose.mjs is the one implementation).
compose_contract() {
  local configuration="$1" keep="${2:-}" options=(--no-build)
  log "Exporting subgraph SDL and composing schema/supergraph.graphql"
  if [[ -n "${keep// /}" ]]; then options+=(--keep "$(tr ' ' ',' <<<"$keep")"); fi
  # The SDL is the same on every engine and `schema export` opens no database; on PostgreSQL the
  # subgraph would still want a server's address, which run.sh has not started yet.
  DATABASE=sqlite CONFIGURATION="$configuration" node "$REPO_ROOT/gateway/compose.mjs" "${options[@]}"
}

# The typed client in clients/typescript/, from the public API compose_contract wrote and schema/operations/
# (committed, as the contract is: TypedClientTests fail when it is stale).
generate_client() {
  log "Generating the typed client (clients/typescript/src/generated/)"
  (cd "$REPO_ROOT/clients" && npm run --silent codegen >/dev/null)
}

# The web page the edge serves at /, bundled into clients/web/dist/.
build_web_page() {
  node "$REPO_ROOT/clients/web/build.mjs"
}

# The subgraphs of subgraphs/subgraphs.json (the one list of them), one a line, in composition order:
# NAME PROJECT PORT SCHEMA PORT_VARIABLE URL_VARIABLE, PORT being the default.
subgraph_rows() {
  node "$REPO_ROOT/gateway/lib/subgraphs.mjs"
}

# start_subgraph NAME PROJECT CONFIGURATION PORT DATA_DIR: runs the built service from its output folder
# (its content root, where appsettings.json and the seed files are), with its database in DATA_DIR,
# supervised: started again whenever it dies. The project's folder name is its assembly's and its
# connection string's.
# Every process started here gets the same GRAPH_MODE (docs/modes.md); unset means production.
# On PostgreSQL (DATABASE=postgres) it finds its database itself: ConnectionStrings__<Project> when given, else
# its own database on the server of ConnectionStrings__Postgres.
start_subgraph() {
  local name="$1" project="$2" configuration="$3" port="$4" data_dir="$5"
  local assembly; assembly="$(basename "$project")"
  local database=()
  if [[ "$(database_engine)" == sqlite ]]; then database=("ConnectionStrings__${assembly}=Data Source=$data_dir/$name.db"); fi
  mkdir -p "$data_dir"
  supervise "$name subgraph" "$data_dir/$name.log" "$REPO_ROOT/$project/bin/$configuration/net10.0" \
    env "GRAPH_MODE=${GRAPH_MODE:-production}" "${database[@]}" \
    dotnet "$assembly.dll" --urls "http://127.0.0.1:$port"
}

# start_mock_subgraph NAME PORT DATA_DIR: the subgraph NAME served from its contract (its schema of
# subgraphs/subgraphs.json) with mocked data by gateway/mock-subgraph.mjs, in place of the C# service, supervised alike.
start_mock_subgraph() {
  local name="$1" port="$2" data_dir="$3"
  mkdir -p "$data_dir"
  supervise "$name subgraph (mock)" "$data_dir/$name.log" "$REPO_ROOT/gateway" node mock-subgraph.mjs "$name" "$port"
}

# The engine DATABASE selects, read as the subgraphs read it (SubgraphDatabase): sqlite (also when unset) or postgres.
database_engine() {
  local engine="${DATABASE:-sqlite}"
  case "${engine,,}" in
    sqlite) echo sqlite ;;
    postgres | postgresql) echo postgres ;;
    *) log "DATABASE=$engine: use sqlite (the default) or postgres"; return 1 ;;
  esac
}

# supervise NAME LOG_FILE DIRECTORY COMMAND...: runs COMMAND in DIRECTORY, in the background, and starts it
# again whenever it dies, after 1 s, then 2, 4, ... at most 30 s (back to 1 s once it has run for a
# minute), logging why. SIGTERM to the supervisor stops the command, waits for it, and ends the loop.
supervise() {
  local name="$1" log_file="$2" directory="$3"
  shift 3
  (
    child="" delay=1
    trap 'if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 0' TERM INT
    while true; do
      started=$SECONDS status=0
      (cd "$directory" && exec "$@") >>"$log_file" 2>&1 &
      child=$!
      wait "$child" 2>/dev/null || status=$?  # bash reports a killed job on stderr; the line below says it better
      child=""
      if ((SECONDS - started >= 60)); then delay=1; fi
      log "$name exited ($(exit_reason "$status")); restarting it in $delay s (log: $log_file)" 2>&1 | tee -a "$log_file" >&2
      sleep "$delay" &
      wait $! || true
      delay=$((delay * 2 > 30 ? 30 : delay * 2))
    done
  ) &
  STARTED_PIDS+=("$!")
}

# exit_reason STATUS: "exit code N" or "killed by SIGNAME".
exit_reason() {
  if (($1 > 128)); then echo "killed by SIG$(kill -l "$(($1 - 128))")"; else echo "exit code $1"; fi
}

# ensure_signing_key DATA_DIR: makes the HS256 key for write tokens once, and exports it to the subgraphs.
ensure_signing_key() {
  local file="$1/signing-key"
  mkdir -p "$1"
  if [[ ! -s "$file" ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
  fi
  export Auth__SigningKey
  Auth__SigningKey="$(cat "$file")"
}

# start_gateway CONFIGURATION PORT LOG_FILE: the gateway (the C# edge, which starts Grafbase's engine on
# gateway/grafbase.toml, restarts it when it dies, and stops it with itself), subgraph URLs from their URL
# variables (ROLES_URL, ...). Not supervised: nothing can be served without it. Its PID is GATEWAY_PID.
start_gateway() {
  local configuration="$1" port="$2" log_file="$3"
  (cd "$REPO_ROOT/gateway/Edge/bin/$configuration/net10.0" && exec env "GRAPH_MODE=${GRAPH_MODE:-production}" \
      dotnet Edge.dll --urls "http://127.0.0.1:$port") >"$log_file" 2>&1 &
  GATEWAY_PID=$!
  STARTED_PIDS+=("$GATEWAY_PID")
}

# wait_ready URL [SECONDS]: polls until the URL answers 200.
wait_ready() {
  local url="$1" deadline=$((SECONDS + ${2:-60}))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ((SECONDS > deadline)); then
      log "Timed out waiting for $url"
      return 1
    fi
    sleep 0.2
  done
}

# start_postgres DIR [PORT [SERVER OPTION...]]: exports ConnectionStrings__Postgres, the server where each
# subgraph without a connection string of its own keeps its database. When it is given, that server is used
# and nothing starts. Otherwise a private cluster: made in DIR/data once (kept between runs), on
# 127.0.0.1:PORT (POSTGRES_PORT by default) with its socket in DIR, stopped by stop_started.
start_postgres() {
  local dir="$1" port="${2:-${POSTGRES_PORT:-}}" options=("${@:3}")
  POSTGRES_SERVER="the server of ConnectionStrings__Postgres"  # not printed: it may hold a password
  if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
    log "PostgreSQL: $POSTGRES_SERVER (none started)"
    return
  fi
  [[ -n "$port" ]] || { log "start_postgres: no port (POSTGRES_PORT)"; return 1; }
  ensure_postgres
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # initdb and postgres refuse to run as root: root runs them as Debian's postgres user, who owns the cluster.
  local as_owner=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    as_owner=(runuser -u postgres --)
    if ! runuser -u postgres -- test -w "$dir"; then
      log "The postgres user cannot write $dir (a folder above it is closed to it): move DATA_DIR, or set ConnectionStrings__Postgres"
      return 1
    fi
  fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    "${as_owner[@]}" "$PG_BIN/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" || { log "initdb failed (see $dir/initdb.log)"; return 1; }
  fi
  # A socket path longer than the kernel's 107 bytes stops the server, so a deep DIR gets TCP alone.
  local socket="$dir"
  if ((${#dir} + 20 > 107)); then socket=""; fi
  # -w waits on the server's own ready state, and sees it fail (a port in use); pg_isready on the port
  # could be answered by another server.
  if ! "${as_owner[@]}" "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k '$socket' ${options[*]}" >/dev/null; then
    log "PostgreSQL did not start on 127.0.0.1:$port (see $dir/postgres.log)"
    return 1
  fi
  POSTGRES_STOP=("${as_owner[@]}" "$PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w)
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Username=postgres"
  POSTGRES_SERVER="$ConnectionStrings__Postgres (cluster in $dir)"
  log "PostgreSQL: 127.0.0.1:$port, cluster in $dir (log: $dir/postgres.log)"
}

# Stops only what this script started, by PID: SIGTERM, then waits, so each process drains its requests in
# flight (at most 10 s: HostOptions.ShutdownTimeout; the edge then stops its engine) before the script exits.
# The PostgreSQL server it started goes last, once its clients are gone (pg_ctl: it is no child of ours).
stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STARTED_PIDS=()
  if ((${#POSTGRES_STOP[@]})); then
    "${POSTGRES_STOP[@]}" >/dev/null || log "PostgreSQL did not stop: ${POSTGRES_STOP[*]} failed"
    POSTGRES_STOP=()
    unset ConnectionStrings__Postgres
  fi
}
