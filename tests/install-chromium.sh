#!/usr/bin/env bash
# Playwright cannot download its own browser here: the end-to-end tests use Debian's Chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && apt-get install -y -qq chromium
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo apt-get install -y -qq chromium
else
  echo "Chromium is missing: install Debian's package (apt-get install -y chromium) as root, then run the tests again." >&2
  exit 1
fi
