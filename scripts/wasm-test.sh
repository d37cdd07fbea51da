#!/usr/bin/env bash
# All WebAssembly tests, in headless Chromium:
#   1. Rust-side: bindings-wasm/tests/browser.rs via wasm-bindgen-test (chromedriver),
#      then bindings-wasm/tests/programme.rs with --no-default-features --features
#      programme (the second package, kringloop-programme)
#   2. till throughput: bindings-wasm/tests/perf.rs (10 000 sales), optimised
#      (profile wasm-release), timed with the wall clock; prints the times
#   3. the built packages (scripts/wasm-build.sh → bindings-wasm/pkg,
#      bindings-wasm/pkg-programme and bindings-wasm/pkg-offline, sizes printed) type-checked from TypeScript
#      (tsc --noEmit) and loaded by a test page (bindings-wasm/tests/js/) that
#      also runs examples/web/readme-example.js
#   4. the example shop page (examples/web/) through its UI in Chromium, driven
#      by npm playwright-core (bindings-wasm/tests/page/page.test.mjs, node:test):
#      checkout, reload (IndexedDB), errors, intake, signals, screenshots, sync
#
# Assumes (the Makefile's setup installs them): rustup target wasm32-unknown-unknown,
# wasm-bindgen CLI 0.2.130, chromium, chromedriver, node/npm, python3.
# Idempotent; runs `npm ci` in bindings-wasm/ when its node_modules are missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
chromium_bin="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
chromedriver_bin="${CHROMEDRIVER:-$(command -v chromedriver || true)}"
[[ -n "$chromium_bin" && -n "$chromedriver_bin" ]] || {
  echo "wasm-test: need chromium and chromedriver (apt-get install -y chromium chromium-driver)" >&2
  exit 1
}

step() { printf '\n== %s\n' "$*"; step_start=$SECONDS; }
took() { printf -- '-- %s: %ds\n' "$1" $((SECONDS - step_start)); }

step "1/6 Rust browser tests (wasm-bindgen-test, headless Chromium)"
# --features offline: the shop package's tests plus persistence and journal import (a superset)
CHROMEDRIVER="$chromedriver_bin" cargo test -p kringloop-wasm --target wasm32-unknown-unknown --features offline --lib --test browser
CHROMEDRIVER="$chromedriver_bin" cargo test -p kringloop-wasm --target wasm32-unknown-unknown \
  --no-default-features --features programme --lib --test programme
took "rust browser tests"

# The page test below runs under --virtual-time-budget, which makes its clock
# meaningless for timing; chromedriver's session is not virtualised, so the
# throughput check runs here. It prints the times and asserts only completion.
step "2/6 10 000 sales in the memory store (optimised build, wall-clock time)"
perf_log="$(mktemp)"
if ! CHROMEDRIVER="$chromedriver_bin" cargo test -p kringloop-wasm --target wasm32-unknown-unknown \
  --profile wasm-release --test perf -- --nocapture >"$perf_log" 2>&1; then
  cat "$perf_log" >&2
  rm -f "$perf_log"
  echo "wasm-test: FAIL: perf test" >&2
  exit 1
fi
grep -E '^perf|^test |^test result' "$perf_log" || true
rm -f "$perf_log"
took "perf"

step "3/6 build the optimised packages (kringloop, kringloop-programme, kringloop-offline)"
scripts/wasm-build.sh
took "package build"

step "4/6 TypeScript consumers against the generated .d.ts files (tsc --noEmit)"
bindings-wasm/node_modules/.bin/tsc -p bindings-wasm/tests/ts/tsconfig.json
echo "tsc: ok"
took "tsc"

step "5/6 the built packages from JavaScript (test page in headless Chromium)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server=$!
profile="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile"' EXIT
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
url="http://127.0.0.1:$port/bindings-wasm/tests/js/index.html"
dom="$("$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=10000 --dump-dom "$url" 2>/dev/null || true)"
results="$(printf '%s\n' "$dom" | sed -n '/<pre id="results">/,/<\/pre>/p' \
  | sed -e 's/<pre id="results">//' -e 's#</pre>##' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g')"
printf '%s\n' "$results" | grep -E '^(PASS|FAIL|INFO)|^ ' || true
summary="$(printf '%s\n' "$dom" | sed -n 's/.*<p id="summary">\([^<]*\)<\/p>.*/\1/p')"
took "page test"

if [[ ! "$summary" =~ ^([0-9]+)\ passed,\ 0\ failed$ ]] || [[ "${BASH_REMATCH[1]}" == 0 ]]; then
  echo "wasm-test: FAIL: page summary: '${summary:-none (page did not finish)}'" >&2
  exit 1
fi
echo
echo "wasm-test: page: $summary"

step "6/6 the example shop page through its UI (playwright-core driving $chromium_bin)"
# The page's sync download is imported twice into a hub on SQLite by
# examples/rust/sync_import (same host features as `make test`).
cargo build -q --features kringloop/postgres -p kringloop --example sync_import
artifacts="$(mktemp -d)"
CHROMIUM="$chromium_bin" KRINGLOOP_PAGE_ARTIFACTS="$artifacts" \
  KRINGLOOP_IMPORT_CMD="$root/target/debug/examples/sync_import $artifacts/hub.db" \
  node --test --test-reporter=spec bindings-wasm/tests/page/page.test.mjs
took "shop page tests"
rm -rf "$artifacts"
