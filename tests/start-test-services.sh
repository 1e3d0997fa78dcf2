#!/usr/bin/env bash
# The servers the tests talk to: a private PostgreSQL 15 cluster and a redis-server, both on 127.0.0.1 on free
# ports, under /tmp (nothing of the machine's own clusters is touched). Installs Debian's postgresql and redis-server
# when missing (through sudo -n when not root). A role with a password drawn at the first run (kept under /tmp, never in the repository)
# owns a test database and may create more (each test makes its own). On success prints, for `eval`:
#   export ARCHIVE_TEST_POSTGRES='<Npgsql connection string>' ARCHIVE_TEST_REDIS='127.0.0.1:<port>'
# A second run reuses servers still running. On failure says why in one line on stderr and exits 1.
set -uo pipefail

state=${ARCHIVE_TEST_SERVICES_DIR:-/tmp/editorial-archive-test-services}
pg_bin=/usr/lib/postgresql/15/bin
pg_data=$state/pg-data
pg_socket=$state/pg-socket
redis_dir=$state/redis

fail() {
  echo "Test services: $1" >&2
  exit 1
}

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres account the package creates.
  as_owner=(runuser -u postgres --)
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
  as_owner=()
else
  as_root=()
  as_owner=()
fi

need=()
[ -x "$pg_bin/initdb" ] || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "${need[*]} missing and this machine has no apt-get"
  if [ "$(id -u)" -ne 0 ] && [ ${#as_root[@]} -eq 0 ]; then
    fail "${need[*]} missing: not root and no sudo; run 'sudo apt-get install -y ${need[*]}'"
  fi
  echo "Installing ${need[*]} from Debian's packages (once) ..." >&2
  "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || fail "apt-get update failed"
  # The package's own cluster (main) is not used; policy-rc.d-less containers may fail to start it, which is fine.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
    </dev/null >/dev/null 2>&1 || fail "apt-get install ${need[*]} failed"
  [ -x "$pg_bin/initdb" ] || fail "PostgreSQL 15 is still missing after the install ($pg_bin/initdb)"
  command -v redis-server >/dev/null 2>&1 || fail "redis-server is still missing after the install"
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

mkdir -p "$state" "$redis_dir" 2>/dev/null || fail "cannot create $state"
chmod 0755 "$state"
owner() { "${as_owner[@]}" "$@"; }

# PostgreSQL: a cluster of its own; trust only on its private socket (0700), passwords over TCP.
if [ ! -s "$pg_data/PG_VERSION" ]; then
  rm -rf "$pg_data"
  mkdir -p "$pg_data" "$pg_socket"
  [ ${#as_owner[@]} -gt 0 ] && chown postgres: "$pg_data" "$pg_socket"
  owner "$pg_bin/initdb" -D "$pg_data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$state/initdb.log" 2>&1 || fail "initdb failed (see $state/initdb.log)"
fi
mkdir -p "$pg_socket"
[ ${#as_owner[@]} -gt 0 ] && chown postgres: "$pg_socket"
chmod 0700 "$pg_socket"

# fsync and autovacuum off: a throwaway cluster, and an autovacuum worker's session (a superuser's) is one the tests'
# DROP DATABASE … WITH (FORCE) may not end.
if ! owner "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
  pg_port=$(free_port) || fail "no free port for PostgreSQL"
  owner "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start \
    -o "-p $pg_port -k $pg_socket -c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off -c max_connections=200" >/dev/null 2>&1 \
    || fail "PostgreSQL did not start (see $pg_data/server.log)"
  echo "$pg_port" >"$state/pg-port"
fi
pg_port=$(cat "$state/pg-port" 2>/dev/null) || fail "PostgreSQL runs but its port is unknown ($state/pg-port)"

# Drawn at the first run and kept beside the cluster (0600, never in the repository): a second run, or a test run
# still going in another shell, keeps working with the same one.
password_file=$state/pg-password
if [ ! -s "$password_file" ]; then
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$password_file") || fail "could not store a password in $password_file"
fi
password=$(cat "$password_file")
[ ${#password} -eq 48 ] || fail "could not make a random password ($password_file)"
psql_admin() { owner "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_socket" -p "$pg_port" -U postgres -d postgres "$@"; }
psql_admin -v password="$password" >"$state/psql.log" 2>&1 <<'SQL' || fail "could not create the test role and database (see $state/psql.log)"
SELECT format('CREATE ROLE archive_test LOGIN CREATEDB PASSWORD %L', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'archive_test') \gexec
ALTER ROLE archive_test PASSWORD :'password';
SELECT 'CREATE DATABASE archive_test OWNER archive_test'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'archive_test') \gexec
SQL

# Redis: no persistence, nothing written beside the tests.
redis_pid_file=$redis_dir/redis.pid
redis_port=$(cat "$redis_dir/port" 2>/dev/null || true)
if [ -z "$redis_port" ] || ! redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then
  redis_port=$(free_port) || fail "no free port for redis-server"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$redis_pid_file" --dir "$redis_dir" --logfile "$redis_dir/redis.log" >/dev/null 2>&1 \
    || fail "redis-server did not start (see $redis_dir/redis.log)"
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG || fail "redis-server does not answer on port $redis_port (see $redis_dir/redis.log)"
  echo "$redis_port" >"$redis_dir/port"
fi

printf "export ARCHIVE_TEST_POSTGRES='Host=127.0.0.1;Port=%s;Username=archive_test;Password=%s;Database=archive_test' ARCHIVE_TEST_REDIS='127.0.0.1:%s'\n" \
  "$pg_port" "$password" "$redis_port"
