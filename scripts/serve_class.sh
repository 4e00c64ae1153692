#!/usr/bin/env bash
# Serve a big class: N Streamlit processes behind one nginx, sticky by a cookie, static files gzipped.
#
#   scripts/serve_class.sh [N] [PORT]        # default: 2 processes, nginx on 127.0.0.1:8721
#   LISTEN=0.0.0.0 scripts/serve_class.sh 4   # reachable from the class's machines
#
# The app processes listen on 127.0.0.1:PORT+1 .. PORT+N. nginx runs in the foreground from a
# temporary directory (its config, pid file, logs and temp files: nothing outside it is written).
# Ctrl-C, SIGTERM or any exit stops nginx and every app process by pid.
#
# Why a cookie and not ip_hash: every student of a classroom behind one NAT (and every simulated
# student of scripts/class_load.py, all on 127.0.0.1) has the same address, and ip_hash would put
# them all on one process. Here the first response to a browser without the cookie sets
# `xorlab_node` to nginx's $request_id, and every request carrying it, the websocket included, is
# routed by `hash $cookie consistent`; the first request itself is hashed by the same value, so it
# lands on the same process too. Streamlit needs the stickiness beyond the websocket: a reconnect
# resumes its session only on the same process, and cached messages (/_stcore/message) and media
# files live in one process's memory.
#
# Runs train in worker processes (xorcore/workers.py): each app process gets cores / N of them (at least 1;
# XORLAB_WORKERS overrides), and all of them read and write one store of runs (XORLAB_STORE, default a file
# in the run directory), so a run any process trained is read, not trained again, by every other.
#
# PYTHON (default: the repository's venv, else python3) runs `python -m streamlit`; NGINX the nginx binary.
set -euo pipefail

N=${1:-2}
PORT=${2:-8721}
LISTEN=${LISTEN:-127.0.0.1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-}
if [[ -z $PYTHON ]]; then
  if [[ -x $ROOT/.venv/bin/python ]]; then PYTHON=$ROOT/.venv/bin/python; else PYTHON=python3; fi
fi
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $NGINX ]] || { echo "nginx not found: apt-get install -y nginx (or set NGINX=...)" >&2; exit 2; }
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, not '$N'" >&2; exit 2; }

RUN=$(mktemp -d "${TMPDIR:-/tmp}/xorlab-class.XXXXXX")
PIDS=()
stop() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped (logs in $RUN)"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One cookie secret for all processes (Streamlit takes it only from the environment or a config file): Streamlit's XSRF cookie (file uploads) then validates on any of them.
SECRET=$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')
STATIC=$("$PYTHON" -c 'import os, streamlit; print(os.path.join(os.path.dirname(streamlit.__file__), "static"))')

CORES=$("$PYTHON" -c 'import os; print(len(os.sched_getaffinity(0)))')
WORKERS=${XORLAB_WORKERS:-$((CORES / N > 0 ? CORES / N : 1))}
STORE=${XORLAB_STORE:-$RUN/runs.sqlite3}

UPSTREAMS=""
APP_PIDS=()
for ((i = 1; i <= N; i++)); do
  p=$((PORT + i))
  # MALLOC_ARENA_MAX=2: fewer glibc arenas for the script threads (docs/performance.md, memory)
  (cd "$ROOT" && MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} STREAMLIT_SERVER_COOKIE_SECRET=$SECRET \
    XORLAB_WORKERS=$WORKERS XORLAB_STORE=$STORE exec "$PYTHON" -m streamlit run dashboard.py \
    --server.headless true --server.address 127.0.0.1 --server.port "$p" --browser.gatherUsageStats false) >"$RUN/app-$p.log" 2>&1 &
  PIDS+=($!)
  APP_PIDS+=($!)
  UPSTREAMS+="        server 127.0.0.1:$p max_fails=0;"$'\n'
done
echo "${APP_PIDS[*]}" >"$RUN/app.pids"

mkdir -p "$RUN/temp"
cat >"$RUN/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $RUN/temp/body;
    proxy_temp_path $RUN/temp/proxy;
    fastcgi_temp_path $RUN/temp/fastcgi;
    uwsgi_temp_path $RUN/temp/uwsgi;
    scgi_temp_path $RUN/temp/scgi;

    # The sticky key: the student's cookie, or for a first request without one a fresh id that is
    # also handed back as the cookie (so the first request and all later ones hash alike).
    map \$cookie_xorlab_node \$xorlab_node {
        ""      \$request_id;
        default \$cookie_xorlab_node;
    }
    map \$cookie_xorlab_node \$xorlab_set_cookie {
        ""      "xorlab_node=\$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ""      close;
    }
    upstream xorlab {
        hash \$xorlab_node consistent;
$UPSTREAMS    }

    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_proxied any;
    gzip_vary on;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml text/plain;

    server {
        listen $LISTEN:$PORT;
        add_header Set-Cookie \$xorlab_set_cookie;

        # Streamlit's own frontend files (content-hashed names): served by nginx from disk, gzipped,
        # cached by browsers; the app processes' event loops never see them.
        location /static/ {
            alias $STATIC/static/;
            expires 7d;
            add_header Cache-Control "public, immutable";
        }
        location / {
            proxy_pass http://xorlab;
            proxy_http_version 1.1;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            proxy_buffering off;
        }
    }
}
EOF
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log"

for ((i = 1; i <= N; i++)); do
  p=$((PORT + i))
  for _ in $(seq 240); do
    if "$PYTHON" -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$p/_stcore/health', timeout=2)" 2>/dev/null; then
      break
    fi
    kill -0 "${APP_PIDS[$((i - 1))]}" 2>/dev/null || { echo "app on port $p exited:" >&2; tail -20 "$RUN/app-$p.log" >&2; exit 1; }
    sleep 0.5
  done
done

"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/nginx-error.log" -g "daemon off;" &
PIDS+=($!)
echo "serving http://$LISTEN:$PORT/ : nginx pid $!, $N app processes (ports $((PORT + 1))-$((PORT + N)), pids ${APP_PIDS[*]})"
echo "run directory $RUN (app.pids, nginx.conf, logs); $WORKERS training workers per process, store $STORE"
echo "Ctrl-C stops everything"
wait -n "${PIDS[@]}" || true
echo "a process exited; stopping the rest" >&2
