// The one place the page loads the package from. By default the offline
// build, `kringloop-offline` (bindings-wasm/pkg-offline/: the shop floor's
// calls of `kringloop` plus hub snapshots and journal import, without the
// office's calls), because keeping the hub across reloads needs Hub.restore,
// whose journal replay does not fit the shop package's 250 KB budget
// (docs/web.md, "Persistence and sync").
// `?package=shop` runs the page on the shop package `kringloop`
// (bindings-wasm/pkg/kringloop_wasm.js): everything but persistence (the
// sync download works there too). Without an offline build the page falls
// back to the shop package.
const SHOP = "../../bindings-wasm/pkg/kringloop_wasm.js";
const OFFLINE = "../../bindings-wasm/pkg-offline/kringloop_wasm.js";

async function load() {
  if (new URLSearchParams(location.search).get("package") === "shop") {
    return { pkg: await import(SHOP), name: "kringloop" };
  }
  try {
    return { pkg: await import(OFFLINE), name: "kringloop-offline" };
  } catch {
    return { pkg: await import(SHOP), name: "kringloop" };
  }
}

const { pkg, name } = await load();

/** Loads the WebAssembly module (once, before the first call). */
export const init = pkg.default;
export const { Hub, labels } = pkg;
/** Which package the page runs on: `kringloop-offline` or `kringloop`. */
export const packageName = name;
