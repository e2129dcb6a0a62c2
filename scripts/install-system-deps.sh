#!/usr/bin/env bash
# Debian/Ubuntu packages the test suite needs: Apertium (offline translation, Italian <-> English
# through Spanish) and Chromium (browser tests). Installs only what is missing.
set -euo pipefail

packages=()
modes=$(apertium -l 2>/dev/null || true)
for mode in ita-spa spa-eng eng-spa spa-ita; do
  grep -qx "\s*$mode" <<<"$modes" || { packages+=(apertium apertium-spa-ita apertium-eng-spa apertium-lex-tools cg3); break; }
done
command -v cg-proc >/dev/null || packages+=(cg3)
command -v chromium >/dev/null || packages+=(chromium)
[ ${#packages[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${packages[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
