#!/usr/bin/env bash
# Start, stop or query a warm LibreOffice (unoserver) for fast PDF conversion.
#   scripts/unoserver.sh start|stop|status
# unoserver must run on the Python that has LibreOffice's `uno` module: Debian's python3.11.
# Environment: BAOCAO_UNOSERVER_PORT (2003), BAOCAO_UNO_PORT (2002),
# BAOCAO_UNOSERVER_PROFILE (/tmp/baocao-unoserver-profile).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-uno
PORT=${BAOCAO_UNOSERVER_PORT:-2003}
UNO_PORT=${BAOCAO_UNO_PORT:-2002}
PROFILE=${BAOCAO_UNOSERVER_PROFILE:-/tmp/baocao-unoserver-profile}
PIDFILE="/tmp/baocao-unoserver-$PORT.pid"
LOG="/tmp/baocao-unoserver-$PORT.log"

install() {
  # A venv copied or restored without its bin/ links imports unoserver but has no commands:
  # rebuild the links and the console scripts then.
  if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/unoserver" ] || [ ! -x "$VENV/bin/unoconvert" ]; then
    /usr/bin/python3.11 -m venv --system-site-packages "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps unoserver==3.7
  fi
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  install
  if listening; then
    echo "unoserver already listening on 127.0.0.1:$PORT"; return 0
  fi
  # Its own session, so that stop can end unoserver and the soffice it started as one group.
  # --user-installation takes a path; the file:// form crashed at start in our tests.
  # --conversion-timeout: a hung conversion ends LibreOffice instead of blocking every caller.
  setsid "$VENV/bin/unoserver" --interface 127.0.0.1 --port "$PORT" --uno-port "$UNO_PORT" \
    --user-installation "$PROFILE" --conversion-timeout 120 >"$LOG" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 120); do
    if listening; then echo "unoserver listening on 127.0.0.1:$PORT"; return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then break; fi
    sleep 0.25
  done
  echo "unoserver did not start; see $LOG" >&2; return 1
}

stop() {
  if [ ! -f "$PIDFILE" ]; then
    echo "no $PIDFILE: nothing started by this script on port $PORT"; return 0
  fi
  local pid; pid=$(cat "$PIDFILE")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 12); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PIDFILE" "$LOG"
  echo "unoserver stopped"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if listening; then echo "listening on 127.0.0.1:$PORT"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
