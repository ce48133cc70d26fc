#!/usr/bin/env bash
# What the tests need beyond npm: Debian's Chromium (Playwright cannot download its own browser here),
# Debian's nginx-light (the production-shape tests put nginx, terminating TLS, in front of the site) and the
# promtool of Debian's prometheus package (`npm run test:ops` checks and unit-tests ops/prometheus/alerts.yml) and
# PostgreSQL's server binaries (`npm run test:faults`).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# promtool comes with Debian's Prometheus server, installed without its recommends (its web console's assets). The
# server is never started here: in a container policy-rc.d forbids it; elsewhere `systemctl disable --now prometheus`.
lean=()
command -v promtool >/dev/null 2>&1 || lean+=(prometheus)
# The fault tests start a PostgreSQL cluster of their own with Debian's initdb and pg_ctl (postgresql's server package;
# the machine's own server, if any, is left alone).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || lean+=(postgresql)
if [ ${#missing[@]} -eq 0 ] && [ ${#lean[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "Missing: ${missing[*]} ${lean[*]}. Install Debian's packages (apt-get install -y ${missing[*]} ${lean[*]}) as root, then run the tests again." >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then "${as_root[@]}" apt-get install -y -qq "${missing[@]}"; fi
if [ ${#lean[@]} -gt 0 ]; then "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${lean[@]}"; fi
