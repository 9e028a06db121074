#!/usr/bin/env bash
# Installs what the real-VS-Code test tier needs, offline from npm and Debian only:
# Debian's Chromium and ripgrep, and code-server 4.100.3 (the last release that accepts Node 20)
# into .vscode-test/ (git-ignored, not a package.json dependency, so a user's npm install stays light).
# Idempotent: a marker file records a finished install.
set -euo pipefail
cd "$(dirname "$0")/.."
CS_VERSION=4.100.3
CS=".vscode-test/code-server-$CS_VERSION"
MARKER="$CS/.installed"

if ! command -v apt-get >/dev/null 2>&1; then
  # Not Debian/Ubuntu: use what is installed (scripts/lib/codeServer.mjs checked for Chromium).
  echo "[ensure-code-server] no apt-get: not installing Debian packages; needs ripgrep and the build headers of libkrb5, libxkbfile and libsecret" >&2
elif ! command -v chromium >/dev/null 2>&1 || ! command -v rg >/dev/null 2>&1 || ! dpkg -s libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config >/dev/null 2>&1; then
  echo "[ensure-code-server] installing Debian packages (chromium, ripgrep, build headers)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep >/dev/null
fi

if [ -f "$MARKER" ]; then
  echo "[ensure-code-server] code-server $CS_VERSION already installed"
  exit 0
fi

echo "[ensure-code-server] installing code-server $CS_VERSION into $CS (takes a few minutes)"
rm -rf "$CS"
mkdir -p "$CS"
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false
npm install --prefix "$CS" --ignore-scripts --no-save --loglevel=error "code-server@$CS_VERSION"
(
  cd "$CS/node_modules/code-server/lib/vscode"
  npm install --omit=dev --ignore-scripts --loglevel=error
  npm rebuild --loglevel=error @vscode/spdlog node-pty native-watchdog kerberos @parcel/watcher @vscode/deviceid
  mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error)
)
npm rebuild --prefix "$CS" --loglevel=error argon2
touch "$MARKER"
echo "[ensure-code-server] done"
