#!/bin/sh
# Make sure a PostgreSQL answers for the sync tests (called by `make test`).
# Uses $BOCHUM_TEST_DATABASE_URL's host/port when set, else 127.0.0.1:5432.
# If nothing answers, tries to start the Debian cluster; prints what it did. Exit 1 if still down and
# BOCHUM_REQUIRE_PG=1.
set -u
HOST=127.0.0.1
PORT=5432
if [ -n "${BOCHUM_TEST_DATABASE_URL:-}" ]; then
    # postgresql://user@host:port/db -> host, port
    HOSTPORT=$(printf '%s' "$BOCHUM_TEST_DATABASE_URL" | sed -E 's#^[a-z+]+://([^@/]*@)?([^/?]*).*#\2#')
    HOST=${HOSTPORT%%:*}
    case "$HOSTPORT" in *:*) PORT=${HOSTPORT##*:} ;; esac
fi

ready() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$HOST" -p "$PORT"
    else
        (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
    fi
}

if ready; then
    echo "ensure-postgres: PostgreSQL answers on $HOST:$PORT"
    exit 0
fi
echo "ensure-postgres: nothing answers on $HOST:$PORT"
if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    for VERSION in $(ls /etc/postgresql); do
        echo "ensure-postgres: starting cluster $VERSION/main: pg_ctlcluster --skip-systemctl-redirect $VERSION main start"
        pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start || echo "ensure-postgres: start of $VERSION/main failed"
    done
    i=0
    while [ $i -lt 30 ]; do
        if ready; then
            echo "ensure-postgres: PostgreSQL answers on $HOST:$PORT"
            exit 0
        fi
        sleep 1
        i=$((i + 1))
    done
fi
echo "ensure-postgres: no PostgreSQL available (install the 'postgresql' package or set BOCHUM_TEST_DATABASE_URL)"
# Without a server the PostgreSQL tests skip with this reason, except where BOCHUM_REQUIRE_PG=1 (CI).
[ "${BOCHUM_REQUIRE_PG:-0}" = "1" ] && exit 1
exit 0
