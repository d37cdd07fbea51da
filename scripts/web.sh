#!/usr/bin/env bash
# Serves the example shop page (examples/web/index.html) on 127.0.0.1:
# builds the WebAssembly packages first when they are missing
# (scripts/wasm-build.sh), serves the repository root with
# `python3 -m http.server` and prints the page's URL. Ctrl-C stops it.
#
#   make web                 # port 8000
#   PORT=8080 make web
#   scripts/web.sh --rebuild # rebuild the packages first even if present
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${PORT:-8000}"

if [[ "${1:-}" == "--rebuild" || ! -f bindings-wasm/pkg/kringloop_wasm_bg.wasm || ! -f bindings-wasm/pkg-offline/kringloop_wasm_bg.wasm ]]; then
  echo "web: building the packages (scripts/wasm-build.sh)"
  bash scripts/wasm-build.sh
fi

echo "web: the shop page is at  http://127.0.0.1:${port}/examples/web/"
echo "web: (the README example:  http://127.0.0.1:${port}/examples/web/readme.html)"
echo "web: serving ${root} on 127.0.0.1:${port}; Ctrl-C stops"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root"
