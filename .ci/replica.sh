#!/usr/bin/env bash
# Sets up a throwaway PostgreSQL primary + streaming replica pair (ports 5434/5435) for the
# read-replica tests, idempotently. Needs root and Debian's postgresql-common (as on CI machines).
# Prints the two URLs as shell exports.
set -euo pipefail
v="$(ls /etc/postgresql | sort -n | tail -1)"
as_pg() { runuser -u postgres -- "$@"; }

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx ba_primary; then
  pg_createcluster "$v" ba_primary -p 5434 >/dev/null -- --auth=trust
  echo "host replication all 127.0.0.1/32 trust" >> "/etc/postgresql/$v/ba_primary/pg_hba.conf"
fi
pg_ctlcluster "$v" ba_primary start >/dev/null 2>&1 || true
as_pg psql -p 5434 -qAtc "select 1 from pg_roles where rolname = 'root'" | grep -q 1 || as_pg psql -p 5434 -qc "create role root superuser login"
as_pg psql -p 5434 -qAtc "select 1 from pg_database where datname = 'test'" | grep -q 1 || as_pg createdb -p 5434 -O root test

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx ba_replica; then
  pg_createcluster "$v" ba_replica -p 5435 >/dev/null -- --auth=trust
  find "/var/lib/postgresql/$v/ba_replica" -mindepth 1 -delete
  as_pg pg_basebackup -h 127.0.0.1 -p 5434 -U postgres -D "/var/lib/postgresql/$v/ba_replica" -R -X stream -c fast
fi
pg_ctlcluster "$v" ba_replica start >/dev/null 2>&1 || true
for _ in $(seq 1 50); do
  as_pg psql -p 5435 -qAtc "select pg_is_in_recovery()" 2>/dev/null | grep -q t && break
  sleep 0.2
done
echo "export TEST_PRIMARY_URL=postgres://root@127.0.0.1:5434/test"
echo "export TEST_REPLICA_URL=postgres://root@127.0.0.1:5435/test"
