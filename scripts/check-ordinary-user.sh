#!/bin/sh
# Manual check (run as root, Linux): the embedded PostgreSQL as an ORDINARY user, the way a developer runs Waymark on
# a laptop (as root it runs postgres as the "postgres" user instead; the integration suite covers that path).
# Creates the user (default wmcheck) if missing, then as that user: the embedded-database integration test, and
# `node scripts/start.js` on a data directory in the user's home → 200 on /login, postgres owned by the user with a
# 0700 socket, `waymark backup` while the server runs, Ctrl+C stops both. Needs a built checkout readable by the user.
# Usage: sh scripts/check-ordinary-user.sh [user]
set -eu
user=${1:-wmcheck}
root=$(cd "$(dirname "$0")/.." && pwd)
[ "$(id -u)" -eq 0 ] || { echo "run as root (it creates and switches to an ordinary user)"; exit 2; }
id "$user" >/dev/null 2>&1 || useradd -m -s /bin/sh "$user"
home=$(getent passwd "$user" | cut -d: -f6)

# The checkout belongs to root here: vitest's runner config loader writes no bundled config into node_modules.
su "$user" -s /bin/sh -c "cd '$root' && HOME='$home' npx vitest run --configLoader runner tests/integration/embedded-database.test.ts"

su "$user" -s /bin/sh -c "
  set -eu
  cd '$root'
  export HOME='$home' DATA_DIR='$home/waymark-check-data' PORT=\${PORT:-38233}
  rm -rf \"\$DATA_DIR\"
  node scripts/start.js > '$home/waymark-check.log' 2>&1 &
  pid=\$!
  tries=0
  until curl -sf -o /dev/null http://127.0.0.1:\$PORT/login; do
    tries=\$((tries + 1)); [ \$tries -lt 600 ] || { cat '$home/waymark-check.log'; exit 1; }; sleep 0.1
  done
  echo \"200 on /login as \$(id -un)\"
  owner=\$(ps -o user= --ppid \$pid | sort -u)
  [ \"\$owner\" = '$user' ] || { echo \"postgres runs as '\$owner', expected $user\"; exit 1; }
  [ \"\$(stat -c %a \"\$DATA_DIR/postgres/.s.PGSQL.5432\")\" = 700 ] || { echo 'socket is not 0700'; exit 1; }
  node bin/waymark.js backup --out \"\$DATA_DIR/check.jsonl.gz\"
  kill -INT \$pid; wait \$pid || true
  if pgrep -u '$user' -f \"\$DATA_DIR/postgres\" >/dev/null; then echo 'postgres still running after Ctrl+C'; exit 1; fi
  rm -rf \"\$DATA_DIR\"
  echo 'ordinary user: OK'
"
