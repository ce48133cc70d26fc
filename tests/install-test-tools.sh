#!/usr/bin/env bash
# What the tests need beyond npm: Debian's Chromium (Playwright cannot download its own browser here) and
# Debian's nginx-light (the production-shape tests put nginx, terminating TLS, in front of the site).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}"
else
  echo "Missing: ${missing[*]}. Install Debian's packages (apt-get install -y ${missing[*]}) as root, then run the tests again." >&2
  exit 1
fi
