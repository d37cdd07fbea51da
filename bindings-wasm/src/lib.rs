//! WebAssembly bindings for kringloop (being written).
