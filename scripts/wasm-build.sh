#!/usr/bin/env bash
# Builds the optimised kringloop WebAssembly package into bindings-wasm/pkg/:
#   cargo (profile wasm-release) → wasm-bindgen --target web → wasm-opt -Oz --converge --low-memory-unused (npm binaryen)
# and prints its raw and gzipped size (fails above 250 KB gzipped).
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen CLI 0.2.130, node/npm.
# Idempotent; installs the npm dev tools (bindings-wasm/package-lock.json) if missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pkg="bindings-wasm/pkg"
limit_kb=250
want_bindgen="0.2.130"

have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
if [[ "$have" != "$want_bindgen" ]]; then
  echo "wasm-build: need wasm-bindgen CLI $want_bindgen (have '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version $want_bindgen" >&2
  exit 1
fi

if [[ ! -x bindings-wasm/node_modules/.bin/wasm-opt ]]; then
  echo "wasm-build: npm ci (binaryen, typescript)"
  (cd bindings-wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "wasm-build: cargo build -p kringloop-wasm --target wasm32-unknown-unknown --profile wasm-release"
cargo build -p kringloop-wasm --target wasm32-unknown-unknown --profile wasm-release
raw="target/wasm32-unknown-unknown/wasm-release/kringloop_wasm.wasm"

rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg" "$raw"
bg="$pkg/kringloop_wasm_bg.wasm"
unopt=$(stat -c %s "$bg")
# --low-memory-unused: Rust puts the 1 MB stack first (it grows down towards 0)
# and the data after it, so the lowest 1 KB is only touched by a stack already
# 1023 KB deep; wasm-opt may then fold constant offsets into loads/stores.
bindings-wasm/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types \
  "$bg" -o "$bg.opt"
mv "$bg.opt" "$bg"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
cat > "$pkg/package.json" <<JSON
{
  "name": "kringloop",
  "version": "$version",
  "description": "kringloop in the browser: volunteers, shifts and the roster of a neighbourhood second-hand shop and social hub (WebAssembly).",
  "license": "EUPL-1.2",
  "type": "module",
  "main": "kringloop_wasm.js",
  "types": "kringloop_wasm.d.ts",
  "files": ["kringloop_wasm.js", "kringloop_wasm.d.ts", "kringloop_wasm_bg.wasm", "kringloop_wasm_bg.wasm.d.ts"],
  "sideEffects": false
}
JSON

size=$(stat -c %s "$bg")
gz=$(gzip -9 -c "$bg" | wc -c)
printf 'wasm-build: %s: %d bytes before wasm-opt, %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB; limit %d KB)\n' \
  "$bg" "$unopt" "$size" "$(echo "$size/1024" | bc -l)" "$gz" "$(echo "$gz/1024" | bc -l)" "$limit_kb"
if (( gz > limit_kb * 1024 )); then
  echo "wasm-build: FAIL: the module is larger than $limit_kb KB gzipped" >&2
  exit 1
fi
