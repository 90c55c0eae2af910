#!/usr/bin/env bash
# Installs the Debian packages the tests read, when missing: pocketsphinx-en-us (the trigram model of the
# n-gram reader and the generalising detector) and chromium + chromium-driver (browser tests of the review
# page and the HTML report). Needs apt-get as root (or sudo); otherwise it says what to install and the
# tests that need a package fail with the same advice (scripts/test.sh requires every resource).
set -euo pipefail
need=()
for package in pocketsphinx-en-us chromium chromium-driver; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "please install: ${need[*]} (Debian/Ubuntu package names); tests that need them will fail" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq
# Only the missing packages and what they depend on: no recommends, and nothing already installed is upgraded.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade "${need[@]}"
