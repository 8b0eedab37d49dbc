# A throwaway PostgreSQL for the tests; sourced by test.sh.
# start_test_postgres starts a cluster in a temporary folder on a free loopback port (unix socket in that folder,
# trust authentication for the superuser role tocsin), exports
# TOCSIN_TEST_POSTGRES=postgresql://tocsin@127.0.0.1:PORT/postgres, and stops and deletes it on exit
# (stop_test_postgres, idempotent: a script with its own EXIT trap calls it there).

# The folder of PostgreSQL's server programs: initdb on PATH (a source build installs to /usr/local/bin), else
# Debian's versioned folder, which is not on PATH. Fails when there is none.
postgres_bin_dir() {
  local initdb dir
  if initdb=$(command -v initdb 2>/dev/null) && [ -x "$(dirname "$initdb")/pg_ctl" ]; then
    dirname "$initdb"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a PostgreSQL program as the owner of the cluster: initdb and postgres refuse to run as root.
_as_postgres_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A loopback port nothing answers on, from the range above the usual services.
_free_loopback_port() {
  local port tries
  for tries in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

TOCSIN_TEST_POSTGRES_DIR=""
TOCSIN_TEST_POSTGRES_BIN=""

start_test_postgres() {
  local bin dir port tries
  bin=$(postgres_bin_dir) || { echo "PostgreSQL: no initdb and pg_ctl found" >&2; return 1; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "PostgreSQL: running as root needs the postgres user to own the cluster" >&2
    return 1
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/tocsin-postgres.XXXXXX") || return 1
  TOCSIN_TEST_POSTGRES_DIR=$dir
  TOCSIN_TEST_POSTGRES_BIN=$bin
  trap stop_test_postgres EXIT
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
  fi

  if ! _as_postgres_owner "$bin/initdb" -D "$dir/data" -U tocsin --auth=trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    echo "PostgreSQL: initdb failed" >&2
    return 1
  fi

  # Another program may take the port between the check and the start: then try another.
  for tries in 1 2 3 4 5; do
    port=$(_free_loopback_port) || break
    if _as_postgres_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
      export TOCSIN_TEST_POSTGRES="postgresql://tocsin@127.0.0.1:$port/postgres"
      return 0
    fi
  done

  tail -n 20 "$dir/server.log" >&2 2>/dev/null
  echo "PostgreSQL: the server did not start" >&2
  return 1
}

stop_test_postgres() {
  local dir=$TOCSIN_TEST_POSTGRES_DIR
  [ -n "$dir" ] || return 0
  TOCSIN_TEST_POSTGRES_DIR=""
  if [ -f "$dir/data/postmaster.pid" ]; then
    _as_postgres_owner "$TOCSIN_TEST_POSTGRES_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
}
