#!/usr/bin/env bash
# Start or stop a warm LibreOffice (unoserver) for fast PDF conversion.
# unoserver must run on the Python that has LibreOffice's `uno` module: Debian's python3.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-uno
PORT=${BAOCAO_UNOSERVER_PORT:-2003}
PROFILE=${BAOCAO_UNOSERVER_PROFILE:-/tmp/baocao-unoserver-profile}
PIDFILE="/tmp/baocao-unoserver-$PORT.pid"

install() {
  if [ ! -x "$VENV/bin/unoserver" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check unoserver==3.7
  fi
}

case "${1:-start}" in
  start)
    install
    if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
      echo "unoserver already listening on 127.0.0.1:$PORT"; exit 0
    fi
    # --user-installation takes a path; the file:// form crashed at start in our tests.
    nohup "$VENV/bin/unoserver" --interface 127.0.0.1 --port "$PORT" --uno-port "${BAOCAO_UNO_PORT:-2002}" \
      --user-installation "$PROFILE" >"/tmp/baocao-unoserver-$PORT.log" 2>&1 &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 60); do
      if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
        echo "unoserver listening on 127.0.0.1:$PORT"; exit 0
      fi
      sleep 0.5
    done
    echo "unoserver did not start; see /tmp/baocao-unoserver-$PORT.log" >&2; exit 1 ;;
  stop)
    # The server and the soffice it started; matched by port and profile, whatever the pid file says.
    pkill -f "unoserver --interface 127.0.0.1 --port $PORT " 2>/dev/null || true
    sleep 1
    pkill -9 -f "unoserver --interface 127.0.0.1 --port $PORT " 2>/dev/null || true
    pkill -f "UserInstallation=file://$PROFILE" 2>/dev/null || true
    rm -f "$PIDFILE"
    echo "unoserver stopped" ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
