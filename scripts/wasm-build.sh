#!/usr/bin/env bash
# Builds the three optimised kringloop WebAssembly packages from the one crate
# bindings-wasm (cargo features pick what each binds):
#   bindings-wasm/pkg/             package `kringloop`            (default features: shop)
#   bindings-wasm/pkg-programme/   package `kringloop-programme`  (--no-default-features --features programme)
#   bindings-wasm/pkg-offline/     package `kringloop-offline`    (--no-default-features --features offline)
# each through cargo (profile wasm-release) → wasm-bindgen --target web →
# wasm-opt -Oz --converge --low-memory-unused (npm binaryen), and prints each
# one's raw and gzipped size (fails when one is above 250 KB gzipped). The
# offline package, which the example page runs on, is the shop floor's calls
# with persistence and journal import, without the office's calls (the
# replay behind restore and import adds about 50 KB; docs/web.md).
#
# Needs: rustup target wasm32-unknown-unknown, wasm-bindgen CLI 0.2.130, node/npm.
# Idempotent; installs the npm dev tools (bindings-wasm/package-lock.json) if missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
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

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
raw="target/wasm32-unknown-unknown/wasm-release/kringloop_wasm.wasm"

# build <out dir> <package name> <limit in KB> <description> <cargo feature flags...>
build() {
  local pkg="$1" name="$2" limit_kb="$3" description="$4"
  shift 4
  echo "wasm-build: cargo build -p kringloop-wasm --target wasm32-unknown-unknown --profile wasm-release $*"
  cargo build -p kringloop-wasm --target wasm32-unknown-unknown --profile wasm-release "$@"

  rm -rf "$pkg"
  wasm-bindgen --target web --out-dir "$pkg" "$raw"
  local bg="$pkg/kringloop_wasm_bg.wasm"
  local unopt
  unopt=$(stat -c %s "$bg")
  # --low-memory-unused: Rust puts the 1 MB stack first (it grows down towards 0)
  # and the data after it, so the lowest 1 KB is only touched by a stack already
  # 1023 KB deep; wasm-opt may then fold constant offsets into loads/stores.
  bindings-wasm/node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$bg" -o "$bg.opt"
  mv "$bg.opt" "$bg"

  cat > "$pkg/package.json" <<JSON
{
  "name": "$name",
  "version": "$version",
  "description": "$description",
  "license": "EUPL-1.2",
  "type": "module",
  "main": "kringloop_wasm.js",
  "types": "kringloop_wasm.d.ts",
  "files": ["kringloop_wasm.js", "kringloop_wasm.d.ts", "kringloop_wasm_bg.wasm", "kringloop_wasm_bg.wasm.d.ts"],
  "sideEffects": false
}
JSON

  local size gz
  size=$(stat -c %s "$bg")
  gz=$(gzip -9 -c "$bg" | wc -c)
  printf 'wasm-build: %s (%s): %d bytes before wasm-opt, %d bytes raw (%.1f KB), %d bytes gzipped (%.1f KB; limit %d KB)\n' \
    "$bg" "$name" "$unopt" "$size" "$(echo "$size/1024" | bc -l)" "$gz" "$(echo "$gz/1024" | bc -l)" "$limit_kb"
  if (( gz > limit_kb * 1024 )); then
    echo "wasm-build: FAIL: $name is larger than $limit_kb KB gzipped" >&2
    exit 1
  fi
}

build bindings-wasm/pkg kringloop "$limit_kb" \
  "kringloop in the browser: volunteers, shifts and the roster of a neighbourhood second-hand shop and social hub (WebAssembly)."
build bindings-wasm/pkg-programme kringloop-programme "$limit_kb" \
  "kringloop in the browser: the activities programme of a neighbourhood second-hand shop and social hub — activities, sessions, attendance, residents, ideas, the table tally, and volunteer development: assessments, trajectories, coaching, courses, conflicts (WebAssembly)." \
  --no-default-features --features programme
build bindings-wasm/pkg-offline kringloop-offline "$limit_kb" \
  "kringloop in the browser, offline: the shop floor (till, intake, signal form, shift check-in) plus persistence (hub snapshots for IndexedDB) and journal import; the office's calls are in the package kringloop (WebAssembly)." \
  --no-default-features --features offline
