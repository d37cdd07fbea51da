# kringloop — the commands a new user needs:
#   make demo   builds and runs the demo: fills oude-bieb.db and prints the roster summary
#   make test   installs what is missing, then runs every check and test (Rust, Python, browser)
#   make web    serves the example shop page (till, intake, signals, check-in) and prints its URL
#   make bench  kringloop against direct SQLite, pandas and DuckDB on this machine (a few minutes; not part of make test)
# PostgreSQL is included when KRINGLOOP_TEST_POSTGRES_URL is set (.ci/run sets it).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# One feature set for every host build, so nothing is compiled twice.
FEATURES := --features kringloop/postgres

.PHONY: demo web test bench setup fmt-check clippy rust-test doc python-test wasm-test wasm-build clean

demo:
	cargo run -q $(FEATURES) -p kringloop --example demo -- oude-bieb.db

# The example page examples/web/ on http://127.0.0.1:8000/examples/web/ (PORT=… to change; builds the packages if missing).
web:
	@bash scripts/web.sh

test: setup fmt-check clippy rust-test doc python-test wasm-test
	@echo "make test: all checks passed"

# Measurement only: prints each ratio against its DESIGN.md §6 bar (PASS/BELOW)
# and exits 0. KRINGLOOP_BENCH_CHECKOUTS / _ITEMS / _RUNS change the sizes.
bench:
	bash scripts/bench-setup.sh
	cargo bench -p kringloop $(FEATURES) --bench till
	cargo bench -p kringloop $(FEATURES) --bench report
	cargo bench -p kringloop $(FEATURES) --bench export

setup:
	@bash scripts/setup.sh

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy $(FEATURES) --all-targets -- -D warnings
	cargo clippy -p kringloop-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy -p kringloop-wasm --target wasm32-unknown-unknown --all-targets --no-default-features --features programme -- -D warnings
	cargo clippy -p kringloop-wasm --target wasm32-unknown-unknown --all-targets --features offline -- -D warnings
	cargo clippy -p kringloop-wasm --target wasm32-unknown-unknown --all-targets --no-default-features --features offline -- -D warnings

rust-test:
	@if [ -z "$${KRINGLOOP_TEST_POSTGRES_URL:-}" ]; then echo "note: KRINGLOOP_TEST_POSTGRES_URL unset, PostgreSQL tests are skipped"; fi
	cargo test $(FEATURES)

doc:
	RUSTDOCFLAGS="-D warnings" cargo doc -q $(FEATURES) --no-deps

python-test:
	bash scripts/python-test.sh

wasm-test:
	bash scripts/wasm-test.sh

wasm-build:
	bash scripts/wasm-build.sh

clean:
	cargo clean
	rm -rf .venv bindings-wasm/pkg bindings-wasm/pkg-programme bindings-wasm/pkg-offline bindings-wasm/node_modules oude-bieb.db oude-bieb.db-*
