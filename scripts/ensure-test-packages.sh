#!/usr/bin/env sh
# The Debian packages `npm test` needs beyond Node: tmux (the CLI is tested in a pseudo-terminal)
# and iproute2 (the multi-host cluster test makes network namespaces). Missing ones are installed
# when we are root with apt-get; otherwise this fails naming them, so no test is skipped silently.
set -u
missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v ip >/dev/null 2>&1 || missing="$missing iproute2"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing test packages:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null && exit 0
  echo "apt-get could not install:$missing" >&2
  exit 1
fi
echo "npm test needs these Debian packages:$missing (install them as root: apt-get install$missing)" >&2
exit 1
