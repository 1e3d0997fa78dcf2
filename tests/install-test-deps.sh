#!/usr/bin/env bash
# What the browser tests need from the machine: Debian's Chromium (Playwright drives it; no browser download)
# and Korean fonts so Hangul renders in screenshots. Installs them with apt-get when missing (through sudo when
# not root); when that cannot be done, says so in one line and exits 1.
set -uo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0

cannot() {
  local names="${need[*]}"
  echo "The browser tests need Debian's package(s) ${names// / and } ($1): run 'sudo apt-get install -y ${need[*]}', then the tests again." >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || cannot "this machine has no apt-get"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  # A person at a terminal may be asked for their password; without one (CI, a pipe) sudo must not wait.
  if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
else
  cannot "not root, and no sudo"
fi

echo "Installing ${need[*]} from Debian's packages (once) ..."
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null || cannot "apt-get update failed"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || cannot "apt-get install failed"
command -v chromium >/dev/null 2>&1 || cannot "chromium is still missing after the install"
