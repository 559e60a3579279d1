#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for local runs and tests.
#
# CLI:
#   scripts/pg.sh start [DIR]   initdb + start a cluster in DIR (default: new mktemp -d under /tmp),
#                               create database "shenhou", print the Npgsql connection string
#                               (the ONLY line written to stdout; progress goes to stderr).
#                               Also writes DIR/connection-string and DIR/port.
#   scripts/pg.sh stop DIR      fast-stop the cluster and remove DIR.
#
# Library:  source scripts/pg.sh   then   pg_start [DIR]   /   pg_stop DIR
#   (functions return non-zero on failure; they do not rely on the caller's `set -e`).
#
# Env:
#   PG_BIN        directory holding initdb/pg_ctl/postgres (overrides discovery)
#   PG_DATABASE   database to create (default: shenhou)
#
# As root the cluster runs as the `postgres` OS user (initdb/pg_ctl refuse to run as root);
# otherwise it runs as the current user. Binaries are looked up in PG_BIN,
# /usr/lib/postgresql/15/bin and PATH; as root they are installed with apt-get when missing.

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

_pg_log() { printf 'pg.sh: %s\n' "$*" >&2; }
_pg_err() { printf 'pg.sh: ERROR: %s\n' "$*" >&2; }

# Print the last lines of a log file to stderr (for failure diagnostics).
_pg_tail() {
    local file=$1
    if [[ -s $file ]]; then
        printf -- '---- last lines of %s ----\n' "$file" >&2
        tail -n 30 -- "$file" >&2 || true
        printf -- '----\n' >&2
    fi
}

_pg_is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as the cluster owner: `postgres` when we are root, else the current user.
_pg_as_owner() {
    if _pg_is_root; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@")
        else
            local q
            q=$(printf '%q ' "$@")
            (cd / && su postgres -s /bin/bash -c "$q")
        fi
    else
        "$@"
    fi
}

# Major version reported by `pg_ctl --version` in directory $1 (empty if unknown).
_pg_major() {
    "$1/pg_ctl" --version 2>/dev/null | sed -nE 's/.* ([0-9]+)(\.[0-9]+)*.*$/\1/p' | head -n 1
}

_pg_has_bins() {
    local d=$1
    [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]
}

# Sets PG_BIN to a directory with the PostgreSQL 15 server binaries; installs them if needed.
_pg_find_bin() {
    if [[ -n ${PG_BIN:-} ]]; then
        _pg_has_bins "$PG_BIN" && return 0
        _pg_err "PG_BIN=$PG_BIN does not contain initdb, pg_ctl and postgres"
        return 1
    fi
    local d
    if _pg_has_bins /usr/lib/postgresql/15/bin; then
        PG_BIN=/usr/lib/postgresql/15/bin
        return 0
    fi
    # On PATH (possibly symlinks): use the directory of the resolved pg_ctl.
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        d=$(dirname -- "$(readlink -f -- "$(command -v pg_ctl)")")
        if _pg_has_bins "$d" && [[ $(_pg_major "$d") == 15 ]]; then
            PG_BIN=$d
            return 0
        fi
    fi
    # Not found: install PostgreSQL 15 (Debian 12 ships it as postgresql-15).
    if _pg_is_root && command -v apt-get >/dev/null 2>&1; then
        _pg_log "PostgreSQL 15 not found; installing postgresql-15 with apt-get (quietly) ..."
        local ilog
        ilog=$(mktemp /tmp/pg-install.XXXXXX.log) || return 1
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
               DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                   postgresql-15; } >"$ilog" 2>&1; then
            _pg_err "apt-get install postgresql-15 failed"
            _pg_tail "$ilog"
            return 1
        fi
        rm -f -- "$ilog"
        if _pg_has_bins /usr/lib/postgresql/15/bin; then
            PG_BIN=/usr/lib/postgresql/15/bin
            return 0
        fi
        _pg_err "postgresql-15 installed but /usr/lib/postgresql/15/bin has no initdb/pg_ctl/postgres"
        return 1
    fi
    # Last resort: another major version on PATH (works for dev use, but 15 is what we target).
    if [[ -n ${d:-} ]] && _pg_has_bins "$d"; then
        _pg_log "warning: PostgreSQL 15 not found; using $(_pg_major "$d" || true) from $d"
        PG_BIN=$d
        return 0
    fi
    _pg_err "PostgreSQL 15 binaries not found (looked in /usr/lib/postgresql/15/bin and PATH)." \
        "Install them (as root: apt-get install postgresql-15) or set PG_BIN."
    return 1
}

_pg_ensure_user() {
    _pg_is_root || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    _pg_log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
        --shell /bin/bash postgres || { _pg_err "useradd postgres failed"; return 1; }
}

# Is something listening on 127.0.0.1:$1?  (pure bash: /dev/tcp connect; refused => free)
_pg_port_busy() {
    if command -v timeout >/dev/null 2>&1; then
        timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

# Print a free loopback port. Random candidates below the kernel's ephemeral range
# (so outgoing connections do not grab it), probed with /dev/tcp; python3 as fallback.
# Two clusters may still race for the same port: pg_start retries on "address in use".
_pg_free_port() {
    local i p
    for ((i = 0; i < 50; i++)); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
        if ! _pg_port_busy "$p"; then
            printf '%s\n' "$p"
            return 0
        fi
    done
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' &&
            return 0
    fi
    _pg_err "could not find a free TCP port on 127.0.0.1"
    return 1
}

# ---------------------------------------------------------------------------------------------
# pg_start [DIR]  -> prints the connection string on stdout
# ---------------------------------------------------------------------------------------------
pg_start() {
    local dir=${1:-} db=${PG_DATABASE:-shenhou} created_dir=0
    local start_ns
    start_ns=$(date +%s%N)

    _pg_find_bin || return 1
    _pg_ensure_user || return 1

    if [[ -z $dir ]]; then
        dir=$(mktemp -d /tmp/shenhou-pg.XXXXXX) || { _pg_err "mktemp failed"; return 1; }
        created_dir=1
    else
        if [[ -e $dir/data ]]; then
            _pg_err "$dir/data already exists; stop/remove the old cluster first (scripts/pg.sh stop $dir)"
            return 1
        fi
        if [[ ! -d $dir ]]; then
            mkdir -p -- "$dir" || { _pg_err "cannot create $dir"; return 1; }
            created_dir=1
        fi
    fi
    dir=$(cd -- "$dir" && pwd -P) || { _pg_err "cannot resolve $dir"; return 1; }

    # pg_ctl passes -o through /bin/sh, and the Unix socket path (DIR/.s.PGSQL.NNNNN) is
    # limited to 107 bytes.
    if [[ $dir == *"'"* ]]; then
        _pg_err "directory path must not contain a single quote: $dir"
        ((created_dir)) && rm -rf -- "$dir"
        return 1
    fi
    if ((${#dir} > 90)); then
        _pg_err "directory path too long for the Unix socket (${#dir} > 90 chars): $dir"
        ((created_dir)) && rm -rf -- "$dir"
        return 1
    fi

    chmod 700 -- "$dir" || return 1
    if _pg_is_root; then
        chown postgres:postgres -- "$dir" || { _pg_err "chown postgres $dir failed"; return 1; }
        if ! _pg_as_owner test -w "$dir"; then
            _pg_err "user postgres cannot write to $dir (is a parent directory not traversable?)"
            ((created_dir)) && rm -rf -- "$dir"
            return 1
        fi
    fi
    : >"$dir/.shenhou-pg"   # marker: pg_stop only deletes directories that carry it

    # initdb: trust auth, no fsync (-N); throwaway cluster only.
    if ! _pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -N -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
        _pg_err "initdb failed"
        _pg_tail "$dir/initdb.log"
        ((created_dir)) && rm -rf -- "$dir"
        return 1
    fi

    # Start on a free port; retry with another port if someone grabbed it in the meantime.
    # fsync/synchronous_commit/full_page_writes off: ONLY acceptable because this cluster is
    # throwaway (tests/dev); never use these settings for data you want to keep.
    local port attempt started=0
    for attempt in 1 2 3 4 5; do
        port=$(_pg_free_port) || break
        : >"$dir/pg.log" 2>/dev/null || true
        _pg_is_root && chown postgres:postgres -- "$dir/pg.log" 2>/dev/null
        if _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -s -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >"$dir/pg_ctl.log" 2>&1; then
            started=1
            break
        fi
        if grep -qiE 'could not (bind|create any TCP)|address already in use' "$dir/pg.log" 2>/dev/null; then
            _pg_log "port $port already in use (attempt $attempt), retrying with another port"
            continue
        fi
        break
    done
    if ((!started)); then
        _pg_err "PostgreSQL failed to start (data dir $dir/data)"
        _pg_tail "$dir/pg_ctl.log"
        _pg_tail "$dir/pg.log"
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        ((created_dir)) && rm -rf -- "$dir"
        return 1
    fi

    # Create the application database (over the Unix socket in DIR).
    local createdb_cmd
    if [[ -x $PG_BIN/createdb ]]; then
        createdb_cmd=("$PG_BIN/createdb" -h "$dir" -p "$port" -U postgres "$db")
    elif [[ -x $PG_BIN/psql ]] || command -v psql >/dev/null 2>&1; then
        local psql_bin=$PG_BIN/psql
        [[ -x $psql_bin ]] || psql_bin=$(command -v psql)
        createdb_cmd=("$psql_bin" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres
            -c "CREATE DATABASE \"$db\"")
    else
        createdb_cmd=()
    fi
    if ((${#createdb_cmd[@]} == 0)) || ! _pg_as_owner "${createdb_cmd[@]}" >"$dir/createdb.log" 2>&1; then
        _pg_err "could not create database $db"
        _pg_tail "$dir/createdb.log"
        _pg_tail "$dir/pg.log"
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        ((created_dir)) && rm -rf -- "$dir"
        return 1
    fi

    local cs="Host=127.0.0.1;Port=$port;Database=$db;Username=postgres;Pooling=true;Maximum Pool Size=50"
    printf '%s\n' "$cs" >"$dir/connection-string"
    printf '%s\n' "$port" >"$dir/port"
    local ms=$((($(date +%s%N) - start_ns) / 1000000))
    _pg_log "PostgreSQL $(_pg_major "$PG_BIN") started in ${ms} ms: 127.0.0.1:$port, dir $dir (stop: scripts/pg.sh stop $dir)"
    printf '%s\n' "$cs"
}

# ---------------------------------------------------------------------------------------------
# pg_stop DIR  -> fast stop, then remove DIR
# ---------------------------------------------------------------------------------------------
pg_stop() {
    local dir=${1:-}
    if [[ -z $dir ]]; then
        _pg_err "usage: pg.sh stop DIR"
        return 2
    fi
    if [[ ! -e $dir ]]; then
        _pg_log "$dir does not exist; nothing to stop"
        return 0
    fi
    if [[ ! -f $dir/.shenhou-pg && ! -f $dir/data/PG_VERSION ]]; then
        _pg_err "$dir does not look like a pg.sh cluster directory; refusing to remove it"
        return 1
    fi
    local rc=0
    if [[ -f $dir/data/postmaster.pid ]]; then
        _pg_find_bin || return 1
        if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 -s stop >"$dir/stop.log" 2>&1; then
            # Maybe it already died; if the postmaster is still there, report and fall back.
            if _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
                _pg_err "pg_ctl stop failed"
                _pg_tail "$dir/stop.log"
                _pg_tail "$dir/pg.log"
                _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || rc=1
            fi
        fi
    fi
    if ((rc == 0)); then
        rm -rf -- "$dir" || { _pg_err "could not remove $dir"; return 1; }
        _pg_log "stopped and removed $dir"
    else
        _pg_err "cluster in $dir could not be stopped; directory left in place"
    fi
    return "$rc"
}

# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------
_pg_usage() {
    cat >&2 <<'EOF'
usage: scripts/pg.sh start [DIR]   start a throwaway PostgreSQL 15 cluster; prints the connection string
       scripts/pg.sh stop DIR      stop it and remove DIR
EOF
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    case ${1:-} in
        start) shift; pg_start "${1:-}" ;;
        stop) shift; pg_stop "${1:-}" ;;
        -h | --help | help) _pg_usage ;;
        *) _pg_usage; exit 2 ;;
    esac
fi
