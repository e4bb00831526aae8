# shellcheck shell=bash
# Sourced by .ci/run (as root): Debian's PostgreSQL, a throwaway cluster listening only on a
# socket in a temporary directory (so it cannot clash with a server already running), a
# role and database for tests/test_store_postgres.py, and RASD_TEST_PG pointing at them.
# Every failure prints why and returns non-zero; the caller goes on and those tests skip.

ci_postgres() {
  local bin dir
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    ci_apt_update || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
      || { echo "ci: apt-get install postgresql failed"; return 1; }
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  dir=$(mktemp -d /tmp/rasd-ci-pg.XXXXXX) && chown postgres: "$dir" || return 1
  su postgres -s /bin/sh -c "$bin/initdb -D $dir/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" \
    >"$dir/initdb.log" 2>&1 || { echo "ci: initdb failed: $(tail -n 1 "$dir/initdb.log")"; return 1; }
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 30 \
    -o \"-k $dir -c listen_addresses='' -c fsync=off\" start" >/dev/null 2>&1 \
    || { echo "ci: postgres did not start: $(tail -n 1 "$dir/server.log" 2>/dev/null)"; return 1; }
  CI_PG_STOP="su postgres -s /bin/sh -c '$bin/pg_ctl -D $dir/data -m fast stop' >/dev/null 2>&1; rm -rf $dir"
  su postgres -s /bin/sh -c "$bin/psql -h $dir -d postgres -qc 'CREATE ROLE rasd LOGIN' \
    && $bin/createdb -h $dir -O rasd rasd_test" >/dev/null 2>&1 \
    || { echo "ci: could not create the test role and database"; return 1; }
  export RASD_TEST_PG="postgresql://rasd@/rasd_test?host=$dir"
  echo "ci: postgres $("$bin/postgres" --version | awk '{print $3}') for the store tests at $RASD_TEST_PG"
}
