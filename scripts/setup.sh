#!/usr/bin/env bash
# Installs what `make test` needs and is missing; idempotent and quiet when all is there.
# Needs: rustup/cargo, python3, node/npm (present on the build machine); installs the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
    step "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 2.5 minutes, once)"
    cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Chromium and its driver from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    step "creating the Python virtualenv .venv"
    python3 -m venv .venv
fi
if [ ! -x .venv/bin/maturin ] || ! .venv/bin/python -c 'import pytest, polars, pandas, matplotlib' 2>/dev/null; then
    step "installing maturin, pytest, pandas and matplotlib into .venv"
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-dev.txt
fi

# Also after the lockfile changed (a pulled change that adds a tool): npm ci
# writes node_modules/.package-lock.json, so an older one means a stale install.
if [ -f bindings-wasm/package-lock.json ] && { [ ! -f bindings-wasm/node_modules/.package-lock.json ] ||
    [ bindings-wasm/package-lock.json -nt bindings-wasm/node_modules/.package-lock.json ]; }; then
    step "installing the JS test tools (npm ci)"
    (cd bindings-wasm && npm ci --no-audit --no-fund --silent)
fi
step "tools ready"
